//! `catalogue/index.html`: the printable catalogue, as the Liège charter's was made —
//! "présentation de l'opérateur ; proposition d'actions de coopération" — per operator A–Z,
//! then the signatories without an offer. Printed on A4 by the print stylesheet.
//!
//! Each chapter is rendered apart (`partials/catalogue_chapter.html`) and the page gets them as
//! one HTML text: a charter of 10,000 offers never holds every chapter's values at once.

use crate::render::views::offer::OfferPage;
use crate::render::views::operator::{OperatorEntry, OperatorPage};
use crate::render::views::sort_key;
use crate::render::{links, Sink, Site};
use anyhow::Result;
use minijinja::Value;
use serde::Serialize;

#[derive(Serialize)]
struct Item<'a> {
    card: Value,
    detail: OfferPage<'a>,
    /// A weekly rule: its sentence names no date, so the next session is shown (a list of
    /// dates, or a single one, already names it: said once).
    weekly: bool,
}

#[derive(Serialize)]
struct Chapter<'a> {
    operator: OperatorEntry<'a>,
    detail: OperatorPage<'a>,
    offers: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct ChapterContext<'r, 'a> {
    root: &'r str,
    chapter: Chapter<'a>,
}

/// A line of the table of contents.
#[derive(Serialize)]
struct Contents<'a> {
    id: &'a str,
    name: &'a str,
    offers: usize,
}

#[derive(Serialize)]
struct Catalogue<'a> {
    contents: Vec<Contents<'a>>,
    /// The chapters, already rendered, as a safe value (moved, never copied).
    chapters_html: Value,
    others: Vec<OperatorEntry<'a>>,
    edition: String,
    offers: usize,
}

/// Renders `catalogue/index.html`.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    const PATH: &str = "catalogue/index.html";
    let c = site.charter;
    let root = links::root_of(PATH);
    let mut operators: Vec<_> = c.operators.iter().collect();
    operators.sort_by_cached_key(|o| (sort_key(&o.name), o.id.clone()));
    let (mut contents, mut chapters_html, mut others) = (Vec::new(), String::new(), Vec::new());
    for op in operators {
        let entry = OperatorEntry::new(c, site.cat, site.config, op)?;
        let offers: Vec<Item> = c
            .operator_offers(op)
            // Current offers only (DESIGN.md "Print"): an ended one is in the archive.
            .filter(|o| c.is_current(o))
            .map(|o| {
                Ok(Item {
                    card: site.card_value(o),
                    detail: OfferPage::new(c, site.cat, o)?,
                    weekly: !c.timing(o).recurrence.days.is_empty(),
                })
            })
            .collect::<Result<_>>()?;
        if offers.is_empty() {
            others.push(entry);
            continue;
        }
        contents.push(Contents { id: &op.id, name: &op.name, offers: offers.len() });
        let chapter = Chapter { operator: entry, detail: OperatorPage::new(c, site.cat, op)?, offers };
        let ctx = Value::from(minijinja::value::Serde(ChapterContext { root: &root, chapter }));
        chapters_html.push_str(&site.render("partials/catalogue_chapter.html", ctx)?);
        chapters_html.push('\n');
    }
    let title = site.cat.get("catalogue.title")?;
    let meta = site.meta(PATH, title, "catalogue", site.crumbs(&[], title)?);
    let chapters_html = Value::from_safe_string(chapters_html);
    let data = Catalogue {
        contents,
        chapters_html,
        others,
        edition: site.cat.date_short(c.today)?,
        offers: c.current_offers().count(),
    };
    site.page(out, "catalogue.html", meta, data)
}
