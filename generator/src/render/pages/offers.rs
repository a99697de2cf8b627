//! `offers/index.html` (every offer as a card, with the offers grouped by audience and counted
//! by district) and one page per offer, `offers/<id>.html`.

use crate::render::jsonld;
use crate::render::views::offer::OfferPage;
use crate::render::views::operator::correction_mail;
use crate::render::views::{record_path, Link};
use crate::render::{Sink, Site};
use anyhow::Result;
use minijinja::Value;
use serde::Serialize;

#[derive(Serialize)]
struct Group<'a> {
    code: &'a str,
    label: &'a str,
    offers: Vec<Value>,
}

#[derive(Serialize)]
struct Counted<'a> {
    link: Link<'a>,
    count: usize,
}

#[derive(Serialize)]
struct Index<'a> {
    offers: Vec<Value>,
    audiences: Vec<Group<'a>>,
    districts: Vec<Counted<'a>>,
}

#[derive(Serialize)]
struct OfferData<'a> {
    offer: Value,
    detail: OfferPage<'a>,
}

/// Renders the offers index and every offer page.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    let audiences = site
        .charter
        .vocabularies
        .audience
        .terms
        .iter()
        .map(|t| Group {
            code: &t.code,
            label: site.cat.term(t),
            offers: site
                .by_title
                .iter()
                .filter(|&&i| site.charter.offers[i].audiences.contains(&t.code))
                .map(|&i| site.card_value_at(i))
                .collect(),
        })
        .filter(|g| !g.offers.is_empty())
        .collect();
    let districts = site
        .charter
        .districts
        .iter()
        .map(|d| Counted {
            link: Link::record("districts", &d.id, &d.name),
            count: site.charter.district_offers(d).count(),
        })
        .collect();
    let title = site.cat.get("offers.title")?;
    let meta = site.meta("offers/index.html", title, "offers", site.crumbs(&[], title)?);
    site.page(out, "offers.html", meta, Index { offers: super::cards_by_title(site), audiences, districts })?;

    site.pages(out, &site.charter.offers, |offer| {
        let path = record_path("offers", &offer.id);
        let mut meta = site.meta(
            path.clone(),
            offer.title.as_str(),
            "offers",
            site.crumbs(&[(title, "offers/index.html")], &offer.title)?,
        );
        meta.description = offer.summary.clone();
        meta.jsonld = Some(jsonld::offer_page(site.charter, site.config, offer, &path));
        meta.correction = correction_mail(site.cat, site.config, &offer.title, &offer.id, &path)?;
        let detail = OfferPage::new(site.charter, site.cat, offer)?;
        site.render_page("offer.html", meta, OfferData { offer: site.card_value(offer), detail })
    })
}
