//! `catalogue/index.html`: the catalogue, as the Liège charter's was made — "présentation de
//! l'opérateur ; proposition d'actions de coopération" — per operator A–Z, then the signatories
//! without an offer; 10 operators a page (`catalogue/page/2.html`, …) with an A–Z index, so no
//! page grows with the data. Each page prints on A4 by the print stylesheet.

use crate::model::Operator;
use crate::render::paging::{self, Jump, Key, Pager};
use crate::render::views::offer::OfferPage;
use crate::render::views::operator::{OperatorEntry, OperatorPage};
use crate::render::views::{initial, sort_key};
use crate::render::{Sink, Site};
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

/// A group of a catalogue page: a letter's chapters, or the signatories without an offer.
#[derive(Serialize)]
struct Section<'a> {
    anchor: String,
    heading: String,
    continued: bool,
    chapters: Vec<Chapter<'a>>,
    others: Vec<OperatorEntry<'a>>,
}

#[derive(Serialize)]
struct CataloguePage<'p, 'a> {
    pager: &'p Pager,
    jumps: &'p [Jump],
    sections: Vec<Section<'a>>,
    edition: String,
    operators: usize,
    offers: usize,
}

/// Operators (chapters, or signatories without an offer) a page of the catalogue holds.
const PER_PAGE: usize = 10;

/// The anchor of the signatories without an offer.
const OTHERS: &str = "autres-signataires";

/// Renders `catalogue/index.html` and its later pages: operators A–Z, each with its current
/// offers (an ended one is in the archive), then the signatories without an offer.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    const PATH: &str = "catalogue/index.html";
    let c = site.charter;
    let mut operators: Vec<(bool, String, &Operator)> = c
        .operators
        .iter()
        // Current offers only (DESIGN.md "Print"): an ended one is in the archive.
        .map(|op| (c.operator_offers(op).all(|o| !c.is_current(o)), sort_key(&op.name), op))
        .collect();
    operators.sort_by(|a, b| (a.0, &a.1, &a.2.id).cmp(&(b.0, &b.1, &b.2.id)));
    let with_offers = operators.iter().filter(|(other, ..)| !other).count();
    let others_heading = site.cat.get("catalogue.others")?;
    let keyed: Vec<(Key, (bool, &Operator))> = operators
        .into_iter()
        .map(|(other, _, op)| {
            let key = if other {
                Key { anchor: OTHERS.into(), heading: others_heading.to_owned() }
            } else {
                Key::letter(initial(&op.name))
            };
            (key, (other, op))
        })
        .collect();
    let pages = paging::paginate_by(PATH, keyed, PER_PAGE);
    let jumps = paging::jumps(&pages);
    let title = site.cat.get("catalogue.title")?;
    let (edition, offers) = (site.cat.date_short(c.today)?, c.current_offers().count());
    site.pages(out, &pages, |page| {
        let sections = page.groups.iter().map(|group| section(site, group)).collect::<Result<_>>()?;
        let meta = site.meta(&page.path, title, "catalogue", site.crumbs(&[], title)?);
        let meta = site.paged_meta(meta, &page.pager)?;
        let data = CataloguePage {
            pager: &page.pager,
            jumps: &jumps,
            sections,
            edition: edition.clone(),
            operators: with_offers,
            offers,
        };
        site.render_page("catalogue.html", meta, data)
    })
}

/// The chapters (or the list of signatories without an offer) of one group of a page, built
/// only when that page is rendered: the catalogue never holds every chapter at once.
fn section<'a>(site: &Site<'a>, group: &paging::Group<(bool, &'a Operator)>) -> Result<Section<'a>> {
    let c = site.charter;
    let (mut chapters, mut others) = (Vec::new(), Vec::new());
    for &(other, op) in &group.entries {
        let entry = OperatorEntry::new(c, site.cat, site.config, op)?;
        if other {
            others.push(entry);
            continue;
        }
        let offers = c
            .operator_offers(op)
            .filter(|o| c.is_current(o))
            .map(|o| {
                Ok(Item {
                    card: site.card_value(o),
                    detail: OfferPage::new(c, site.cat, o)?,
                    weekly: !c.timing(o).recurrence.days.is_empty(),
                })
            })
            .collect::<Result<_>>()?;
        chapters.push(Chapter { operator: entry, detail: OperatorPage::new(c, site.cat, op)?, offers });
    }
    Ok(Section {
        anchor: group.anchor.clone(),
        heading: group.heading.clone(),
        continued: group.continued,
        chapters,
        others,
    })
}
