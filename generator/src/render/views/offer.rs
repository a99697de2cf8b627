//! Offer views: the card (built once per offer, shown on every list) and the offer page.

use super::{labels, record_path, Label, Link};
use crate::links::{self, Href};
use crate::model::{Charter, Offer, Price, Status};
use crate::render::i18n::Catalogue;
use crate::render::markdown::{self, Source};
use crate::render::schedule;
use anyhow::Result;
use serde::Serialize;

/// An offer as a card: everything a list shows.
#[derive(Debug, Serialize)]
pub struct OfferCard<'a> {
    pub id: &'a str,
    pub path: String,
    pub title: &'a str,
    pub summary: &'a str,
    pub operator: Option<Link<'a>>,
    pub venue: Option<Link<'a>>,
    /// District names.
    pub districts: Vec<&'a str>,
    pub audiences: Vec<Label<'a>>,
    pub disciplines: Vec<Label<'a>>,
    /// "Du 15 au 18 juin 2026" (it starts a line); `None` for an ongoing offer.
    pub when: Option<String>,
    /// ISO dates, for `<time datetime>`.
    pub start: Option<String>,
    pub end: Option<String>,
    pub schedule: &'a str,
    pub price: Option<Label<'a>>,
    pub status: Label<'a>,
    pub ages: Option<String>,
    /// Ended at the build day: no session to come (kept at its URL, in the archive).
    pub past: bool,
    /// The next session as people read it ("Mardi 8 décembre 2026, 18 h 30–20 h 30").
    pub next: Option<String>,
    /// The same, for `<time datetime>`: local `2026-12-08T18:30`, or the day.
    pub next_datetime: Option<String>,
    /// `schedule`, or the sentence the site writes from the timing when it is empty.
    pub sentence: String,
    /// Whether the card shows `sentence` (not for a single session already shown as `next`).
    pub show_sentence: bool,
    /// Open on its venue's hours (no set sessions).
    pub permanent: bool,
    /// "Avec votre école" / "Avec votre association": reached through a class or a group.
    pub through: Option<&'a str>,
}

impl<'a> OfferCard<'a> {
    pub fn new(charter: &'a Charter, cat: &'a Catalogue, offer: &'a Offer) -> Result<OfferCard<'a>> {
        let v = &charter.vocabularies;
        let timing = charter.timing(offer);
        Ok(OfferCard {
            id: &offer.id,
            path: record_path("offers", &offer.id),
            title: &offer.title,
            summary: &offer.summary,
            operator: charter.offer_operator(offer).map(|o| Link::record("operators", &o.id, &o.name)),
            venue: charter.offer_venue(offer).map(|v| Link::record("venues", &v.id, &v.name)),
            districts: charter.offer_districts(offer).map(|d| d.name.as_str()).collect(),
            audiences: labels(cat, &v.audience, &offer.audiences),
            disciplines: labels(cat, &v.discipline, &offer.disciplines),
            when: cat
                .date_range(offer.starts_on, offer.ends_on)?
                .map(|w| crate::render::i18n::capitalise(&w)),
            start: offer.starts_on.map(|d| d.to_string()),
            end: offer.ends_on.map(|d| d.to_string()),
            schedule: &offer.schedule,
            price: offer.price.map(|p| price_label(cat, p)).transpose()?,
            status: status_label(cat, offer.status)?,
            ages: ages(cat, offer.age_min, offer.age_max)?,
            past: timing.ended,
            next: timing.next.as_ref().map(|s| schedule::session(cat, s)).transpose()?,
            next_datetime: timing.next.as_ref().map(datetime),
            show_sentence: !(offer.schedule.trim().is_empty()
                && timing.sessions.len() == 1
                && timing.recurrence.days.is_empty()),
            sentence: if offer.schedule.trim().is_empty() {
                schedule::sentence(cat, timing, offer.venue.is_some())?
            } else {
                offer.schedule.clone()
            },
            permanent: timing.is_permanent(),
            through: through(cat, &offer.audiences)?,
        })
    }
}

/// A session's local date and time for `<time datetime>`.
pub fn datetime(session: &crate::model::time::Session) -> String {
    let day = passerelle_index::iso_day(session.day);
    match session.start {
        Some(m) => format!("{day}T{:02}:{:02}", m / 60, m % 60),
        None => day,
    }
}

/// "Avec votre école" for `schools`, "Avec votre association" for `associations` (DESIGN.md
/// "Time", age: a resident reaches those offers through a class or a group).
fn through<'c>(cat: &'c Catalogue, audiences: &[String]) -> Result<Option<&'c str>> {
    Ok(if audiences.iter().any(|a| a == "schools") {
        Some(cat.get("when.through_school")?)
    } else if audiences.iter().any(|a| a == "associations") {
        Some(cat.get("when.through_association")?)
    } else {
        None
    })
}

/// The price's code and label ("Gratuit").
pub fn price_label(cat: &Catalogue, price: Price) -> Result<Label<'_>> {
    Ok(Label { code: price.code(), label: cat.get(&format!("price.{}", price.code()))? })
}

/// The status's code and label ("Complet").
pub fn status_label(cat: &Catalogue, status: Status) -> Result<Label<'_>> {
    Ok(Label { code: status.code(), label: cat.get(&format!("status.{}", status.code()))? })
}

/// "de 6 à 12 ans", "dès 6 ans", "jusqu’à 12 ans".
pub fn ages(cat: &Catalogue, min: Option<u8>, max: Option<u8>) -> Result<Option<String>> {
    let (min_s, max_s) = (min.map(|m| m.to_string()), max.map(|m| m.to_string()));
    let args = [("min", min_s.as_deref().unwrap_or("")), ("max", max_s.as_deref().unwrap_or(""))];
    Ok(match (min, max) {
        (Some(_), Some(_)) => Some(cat.fill("ages.range", &args)?),
        (Some(_), None) => Some(cat.fill("ages.from", &args)?),
        (None, Some(_)) => Some(cat.fill("ages.until", &args)?),
        (None, None) => None,
    })
}

/// How many coming sessions an offer page lists.
pub const COMING: usize = 12;

/// A session as a page lists it.
#[derive(Debug, Serialize)]
pub struct Dated {
    pub label: String,
    pub datetime: String,
}

/// The venue as the offer page shows it.
#[derive(Debug, Serialize)]
pub struct VenueBrief<'a> {
    pub link: Link<'a>,
    pub address: String,
    pub district: Option<Link<'a>>,
}

/// Everything the offer page shows besides its card.
#[derive(Debug, Serialize)]
pub struct OfferPage<'a> {
    pub description_html: String,
    pub operator_kind: Option<&'a str>,
    pub partners: Vec<Link<'a>>,
    pub venue: Option<VenueBrief<'a>>,
    pub districts: Vec<Link<'a>>,
    pub price_detail: &'a str,
    /// The booking contact as a safe link, when it is one.
    pub booking: Option<Href>,
    /// The booking cell as text when it is not a link.
    pub booking_text: Option<&'a str>,
    pub accessibility: Vec<Label<'a>>,
    pub languages: Vec<String>,
    /// `offers/<id>.ics`, for an offer with sessions.
    pub ics: Option<String>,
    /// The coming sessions (up to [`COMING`]).
    pub coming: Vec<Dated>,
    pub partnerships: Vec<Link<'a>>,
    pub updated: Option<String>,
}

impl<'a> OfferPage<'a> {
    pub fn new(charter: &'a Charter, cat: &'a Catalogue, offer: &'a Offer) -> Result<Self> {
        let booking = links::booking(&offer.booking);
        let timing = charter.timing(offer);
        let booking_text =
            (booking.is_none() && !offer.booking.trim().is_empty()).then_some(offer.booking.as_str());
        let venue = charter.offer_venue(offer).map(|v| VenueBrief {
            link: Link::record("venues", &v.id, &v.name),
            address: super::address_line(&v.address, &v.postcode, &v.city),
            district: charter.venue_district(v).map(|d| Link::record("districts", &d.id, &d.name)),
        });
        Ok(OfferPage {
            // A description that only repeats the summary (a calendar's one-sentence event, say)
            // is not printed twice.
            description_html: if offer.description.trim() == offer.summary.trim() {
                String::new()
            } else {
                markdown::to_html(&offer.description, Source::Data)
            },
            operator_kind: charter
                .offer_operator(offer)
                .and_then(|o| charter.vocabularies.operator_kind.get(&o.kind))
                .map(|t| cat.term(t)),
            partners: charter
                .offer_partners(offer)
                .map(|o| Link::record("operators", &o.id, &o.name))
                .collect(),
            venue,
            districts: charter
                .offer_districts(offer)
                .map(|d| Link::record("districts", &d.id, &d.name))
                .collect(),
            price_detail: &offer.price_detail,
            booking,
            booking_text,
            accessibility: labels(cat, &charter.vocabularies.accessibility, &offer.accessibility),
            languages: offer.languages.iter().map(|l| cat.language_name(l)).collect(),
            ics: (!timing.sessions.is_empty()).then(|| super::calendar_path(&offer.id)),
            coming: timing
                .coming(charter.today, COMING)
                .map(|s| Ok(Dated { label: schedule::session(cat, s)?, datetime: datetime(s) }))
                .collect::<Result<_>>()?,
            partnerships: charter
                .offer_partnerships(offer)
                .map(|p| Link::record("partnerships", &p.id, &p.title))
                .collect(),
            updated: offer.updated_on.map(|d| cat.date_short(d)).transpose()?,
        })
    }
}
