//! `catalogue/index.html`: the printable catalogue, as the Liège charter's was made —
//! "présentation de l'opérateur ; proposition d'actions de coopération" — per operator A–Z,
//! then the signatories without an offer. Printed on A4 by the print stylesheet.

use super::super::views::offer::{OfferCard, OfferPage};
use super::super::views::operator::{OperatorEntry, OperatorPage};
use super::super::views::sort_key;
use super::super::{Sink, Site};
use anyhow::Result;
use serde::Serialize;

#[derive(Serialize)]
struct Item<'s, 'a> {
    card: &'s OfferCard<'a>,
    detail: OfferPage<'a>,
}

#[derive(Serialize)]
struct Chapter<'s, 'a> {
    operator: OperatorEntry<'a>,
    detail: OperatorPage<'a>,
    offers: Vec<Item<'s, 'a>>,
}

#[derive(Serialize)]
struct Catalogue<'s, 'a> {
    chapters: Vec<Chapter<'s, 'a>>,
    others: Vec<OperatorEntry<'a>>,
    edition: String,
    offers: usize,
}

/// Renders `catalogue/index.html`.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    let c = site.charter;
    let mut operators: Vec<_> = c.operators.iter().collect();
    operators.sort_by_cached_key(|o| (sort_key(&o.name), o.id.clone()));
    let (mut chapters, mut others) = (Vec::new(), Vec::new());
    for op in operators {
        let entry = OperatorEntry::new(c, site.cat, site.config, op)?;
        let offers: Vec<Item> = c
            .operator_offers(op)
            .map(|o| Ok(Item { card: site.card(o), detail: OfferPage::new(c, site.cat, o)? }))
            .collect::<Result<_>>()?;
        if offers.is_empty() {
            others.push(entry);
        } else {
            chapters.push(Chapter { operator: entry, detail: OperatorPage::new(c, site.cat, op)?, offers });
        }
    }
    let title = site.cat.get("catalogue.title")?;
    let meta = site.meta("catalogue/index.html", title, "catalogue", site.crumbs(&[], title)?);
    let data = Catalogue { chapters, others, edition: site.cat.date_short(c.today)?, offers: c.offers.len() };
    site.page(out, "catalogue.html", meta, data)
}
