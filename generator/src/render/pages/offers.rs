//! `offers/index.html` (every current offer as a card, soonest first, by month; counted by
//! audience and by district), `offers/audiences/<code>.html` (one audience's), the archive
//! `offers/archive/index.html` (the ended ones, most recent first), each paginated, and one page
//! per offer, `offers/<id>.html`, ended or not (URLs never break).

use crate::render::jsonld;
use crate::render::views::correction::{correction_mail, correction_text};
use crate::render::views::offer::OfferPage;
use crate::render::views::{record_path, Link};
use crate::render::{Sink, Site};
use anyhow::Result;
use minijinja::Value;
use serde::Serialize;

/// An audience and how many current offers it has, linked to its own list.
#[derive(Serialize)]
struct Audience<'a> {
    link: Link<'a>,
    count: usize,
}

#[derive(Serialize)]
struct Counted<'a> {
    link: Link<'a>,
    count: usize,
}

/// What the first page of `offers/` shows above the list.
#[derive(Serialize)]
struct Panels<'a> {
    audiences: Vec<Audience<'a>>,
    districts: Vec<Counted<'a>>,
    archived: usize,
}

/// What a list of offers shows besides its entries: `audience` when the list is one
/// audience's; the panels on the list of all offers.
#[derive(Serialize)]
struct Heading<'a> {
    intro: &'a str,
    audience: Option<&'a str>,
    panels: Option<Panels<'a>>,
}

#[derive(Serialize)]
struct OfferData<'a> {
    offer: Value,
    detail: OfferPage<'a>,
}

/// The list of one audience's current offers: `offers/audiences/<code>.html`.
fn audience_path(code: &str) -> String {
    format!("offers/audiences/{code}.html")
}

/// Renders the offers lists (all current offers, each audience's, the archive) and every
/// offer page.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    let c = site.charter;
    let title = site.cat.get("offers.title")?;
    let current = || c.offers.iter().filter(|o| c.is_current(o));
    let audiences: Vec<Audience> = c
        .vocabularies
        .audience
        .terms
        .iter()
        .map(|t| Audience {
            link: Link { path: audience_path(&t.code), label: site.cat.term(t) },
            count: current().filter(|o| o.audiences.contains(&t.code)).count(),
        })
        .filter(|a| a.count > 0)
        .collect();
    let districts = c
        .districts
        .iter()
        .map(|d| Counted {
            link: Link::record("districts", &d.id, &d.name),
            count: c.district_offers(d).filter(|o| c.is_current(o)).count(),
        })
        .collect();
    let panels = Panels { audiences, districts, archived: c.offers.len() - current().count() };
    let pages = site.offer_pages("offers/index.html", current())?;
    let heading = Heading { intro: site.cat.get("offers.intro")?, audience: None, panels: Some(panels) };
    site.list_pages(
        out,
        "offers.html",
        &pages,
        |path, _| Ok(site.meta(path, title, "offers", site.crumbs(&[], title)?)),
        &heading,
    )?;
    drop(pages);

    for term in &c.vocabularies.audience.terms {
        let label = site.cat.term(term);
        let here = site.cat.fill("offers.audience_title", &[("audience", label)])?;
        let first = audience_path(&term.code);
        let pages = site.offer_pages(&first, current().filter(|o| o.audiences.contains(&term.code)))?;
        if pages[0].pager.total == 0 {
            continue;
        }
        let heading =
            Heading { intro: site.cat.get("offers.audience_intro")?, audience: Some(label), panels: None };
        site.list_pages(
            out,
            "offers.html",
            &pages,
            |path, _| {
                Ok(site.meta(
                    path,
                    here.as_str(),
                    "offers",
                    site.crumbs(&[(title, "offers/index.html")], &here)?,
                ))
            },
            &heading,
        )?;
    }

    let archive_title = site.cat.get("archive.title")?;
    let pages =
        site.offer_pages("offers/archive/index.html", c.offers.iter().filter(|o| !c.is_current(o)))?;
    site.list_pages(
        out,
        "archive.html",
        &pages,
        |path, _| {
            Ok(site.meta(
                path,
                archive_title,
                "offers",
                site.crumbs(&[(title, "offers/index.html")], archive_title)?,
            ))
        },
        &(),
    )?;
    drop(pages);

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
