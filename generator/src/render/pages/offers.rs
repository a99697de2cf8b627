//! `offers/index.html` (every current offer as a card, soonest first, grouped by audience and
//! counted by district), `offers/archive/index.html` (the ended ones, most recent first) and one
//! page per offer, `offers/<id>.html`, ended or not (URLs never break).

use crate::render::jsonld;
use crate::render::views::offer::OfferPage;
use crate::render::views::operator::{correction_mail, correction_text};
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
struct Archive {
    offers: Vec<Value>,
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
                .filter(|&&i| {
                    let offer = &site.charter.offers[i];
                    offer.audiences.contains(&t.code) && site.charter.is_current(offer)
                })
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
            count: site.charter.district_offers(d).filter(|o| site.charter.is_current(o)).count(),
        })
        .collect();
    let title = site.cat.get("offers.title")?;
    let meta = site.meta("offers/index.html", title, "offers", site.crumbs(&[], title)?);
    let offers = site.current_cards(site.charter.offers.iter());
    site.page(out, "offers.html", meta, Index { offers, audiences, districts })?;

    let archive_title = site.cat.get("archive.title")?;
    let archive = site.cards_by_time(site.charter.offers.iter().filter(|o| !site.charter.is_current(o)));
    let meta = site.meta(
        "offers/archive/index.html",
        archive_title,
        "offers",
        site.crumbs(&[(title, "offers/index.html")], archive_title)?,
    );
    site.page(out, "archive.html", meta, Archive { offers: archive })?;

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
        meta.correction_text = Some(offer_correction(site, offer, &detail, &path)?);
        site.render_page("offer.html", meta, OfferData { offer: site.card_value(offer), detail })
    })
}

/// The correction text of an offer's page, with what the page shows now.
fn offer_correction(
    site: &Site,
    offer: &crate::model::Offer,
    detail: &OfferPage,
    path: &str,
) -> Result<String> {
    let c = site.charter;
    let cat = site.cat;
    let card = crate::render::views::offer::OfferCard::new(c, cat, offer)?;
    let audiences: Vec<&str> = card.audiences.iter().map(|a| a.label).collect();
    let venue = detail.venue.as_ref().map(|v| v.link.label).unwrap_or_default();
    let price = card.price.as_ref().map(|p| p.label).unwrap_or_default();
    let values = [
        (cat.get("offer.when")?, card.sentence.as_str()),
        (cat.get("offer.where")?, venue),
        (cat.get("offer.audiences")?, &audiences.join(", ")),
        (cat.get("offer.ages")?, card.ages.as_deref().unwrap_or_default()),
        (cat.get("offer.price")?, price),
        (cat.get("offer.booking")?, offer.booking.as_str()),
        (cat.get("fields.summary")?, offer.summary.as_str()),
    ];
    correction_text(cat, site.config, &offer.title, &offer.id, path, &values)
}
