//! `offers/index.html` (every offer as a card, with the offers grouped by audience and counted
//! by district) and one page per offer, `offers/<id>/index.html`.

use super::super::jsonld;
use super::super::views::offer::{OfferCard, OfferPage};
use super::super::views::operator::correction_mail;
use super::super::views::Link;
use super::super::{Sink, Site};
use anyhow::Result;
use serde::Serialize;

#[derive(Serialize)]
struct Group<'s, 'a> {
    code: &'a str,
    label: &'a str,
    offers: Vec<&'s OfferCard<'a>>,
}

#[derive(Serialize)]
struct Counted<'a> {
    link: Link<'a>,
    count: usize,
}

#[derive(Serialize)]
struct Index<'s, 'a> {
    offers: Vec<&'s OfferCard<'a>>,
    audiences: Vec<Group<'s, 'a>>,
    districts: Vec<Counted<'a>>,
}

#[derive(Serialize)]
struct OfferData<'s, 'a> {
    offer: &'s OfferCard<'a>,
    detail: OfferPage<'a>,
}

/// Renders the offers index and every offer page.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    let offers = super::cards_by_title(site);
    let audiences = site
        .charter
        .vocabularies
        .audience
        .terms
        .iter()
        .map(|t| Group {
            code: &t.code,
            label: site.cat.term(t),
            offers: offers.iter().copied().filter(|c| c.audiences.iter().any(|a| a.code == t.code)).collect(),
        })
        .filter(|g| !g.offers.is_empty())
        .collect();
    let districts = site
        .charter
        .districts
        .iter()
        .map(|d| Counted { link: Link::record("districts", &d.id, &d.name), count: site.charter.district_offers(d).count() })
        .collect();
    let title = site.cat.get("offers.title")?;
    let meta = site.meta("offers/index.html", title, "offers", site.crumbs(&[], title)?);
    site.page(out, "offers.html", meta, Index { offers, audiences, districts })?;

    for offer in &site.charter.offers {
        let card = site.card(offer);
        let mut meta = site.meta(card.path.clone(), offer.title.as_str(), "offers", site.crumbs(&[(title, "offers/index.html")], &offer.title)?);
        meta.description = offer.summary.clone();
        meta.jsonld = Some(jsonld::offer_page(site.charter, site.config, offer, &card.path));
        meta.correction = correction_mail(site.cat, site.config, &offer.title, &offer.id, &card.path)?;
        let detail = OfferPage::new(site.charter, site.cat, offer)?;
        site.page(out, "offer.html", meta, OfferData { offer: card, detail })?;
    }
    Ok(())
}
