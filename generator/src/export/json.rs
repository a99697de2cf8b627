//! `data/charter.json`: the whole charter in one compact JSON document (a third smaller than
//! pretty-printed: tools read it, people use the CSV), keys in a fixed order (the tables' columns
//! in DESIGN.md's order), tables sorted by id.
//!
//! Shape (version 1):
//!
//! ```text
//! { "format": "passerelle-charter", "version": 1,
//!   "title": "…", "language": "fr",
//!   "districts":    [ { "id", "name", "city", "summary", "lat", "lon", "population", "priority" } ],
//!   "operators":    [ { "id", "name", "kind", "district", "address", "postcode", "city", "lat", "lon",
//!                       "website", "email", "phone", "summary", "description",
//!                       "signed_charter_on", "updated_on" } ],
//!   "venues":       [ { "id", "name", "kind", "district", "address", "postcode", "city", "lat", "lon",
//!                       "operator", "accessibility": [], "opening_hours", "website", "updated_on" } ],
//!   "offers":       [ { "id", "title", "operator", "partners": [], "disciplines": [], "audiences": [],
//!                       "age_min", "age_max", "districts": [], "district_scope", "venue",
//!                       "starts_on", "ends_on", "schedule", "price", "price_detail", "booking",
//!                       "accessibility": [], "languages": [], "summary", "description", "status",
//!                       "updated_on", "ended", "next_session" } ],
//!   "partnerships": [ { "id", "title", "operators": [], "offers": [], "districts": [],
//!                       "starts_on", "ends_on", "summary", "description" } ],
//!   "vocabularies": { "audience": { "terms": [ { "code", "fr", "en" } ] }, "discipline": …,
//!                     "operator_kind": …, "venue_kind": …, "accessibility": … } }
//! ```
//!
//! Absent values are `null`; dates are `YYYY-MM-DD`; multi-valued cells are arrays; codes are
//! vocabulary codes. An offer's `districts` are the districts it reaches, resolved (its listed
//! ones, all of them, or its venue's), and `district_scope` says which of `listed`, `all` or
//! `venue` the data wrote. Descriptions are Markdown, as in the CSV. `ended` (no session to
//! come at the build day: the offer is in `offers/archive/`) and `next_session` (local
//! `YYYY-MM-DDTHH:MM`, or the day for an all-day session) come from the model; every session is
//! in `data/sessions.csv`.

use crate::config::Config;
use crate::model::{
    Charter, District, DistrictScope, Id, Offer, Operator, Partnership, Price, Status, Venue,
};
use crate::records::Code;
use crate::vocabulary::Vocabularies;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use serde::Serialize;
use std::io::Write;

/// The format version written in the file: bumped when a field changes meaning or goes.
pub const VERSION: u32 = 1;

/// Writes `data/charter.json` to `w`, offer by offer (never whole in memory).
pub fn charter(charter: &Charter, config: &Config, w: &mut dyn Write) -> Result<()> {
    let document = Document {
        format: "passerelle-charter",
        version: VERSION,
        title: &config.title,
        language: config.language.tag(),
        districts: &charter.districts,
        operators: &charter.operators,
        venues: &charter.venues,
        offers: Offers(charter),
        partnerships: &charter.partnerships,
        vocabularies: &charter.vocabularies,
    };
    serde_json::to_writer(&mut *w, &document).context("failed to write data/charter.json")?;
    w.write_all(b"\n").context("failed to write data/charter.json")
}

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u32,
    title: &'a str,
    language: &'static str,
    districts: &'a [District],
    operators: &'a [Operator],
    venues: &'a [Venue],
    offers: Offers<'a>,
    partnerships: &'a [Partnership],
    vocabularies: &'a Vocabularies,
}

/// The offers, serialized one [`OfferView`] at a time.
struct Offers<'a>(&'a Charter);

impl Serialize for Offers<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.offers.iter().map(|o| OfferView::new(self.0, o)))
    }
}

/// An offer with its district scope resolved.
#[derive(Serialize)]
struct OfferView<'a> {
    id: &'a Id,
    title: &'a str,
    operator: &'a Id,
    partners: &'a [Id],
    disciplines: &'a [Code],
    audiences: &'a [Code],
    age_min: Option<u8>,
    age_max: Option<u8>,
    districts: Vec<&'a str>,
    district_scope: &'static str,
    venue: Option<&'a Id>,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
    schedule: &'a str,
    price: Option<Price>,
    price_detail: &'a str,
    booking: &'a str,
    accessibility: &'a [Code],
    languages: &'a [String],
    summary: &'a str,
    description: &'a str,
    status: Status,
    updated_on: Option<NaiveDate>,
    ended: bool,
    next_session: Option<String>,
}

impl<'a> OfferView<'a> {
    fn new(charter: &'a Charter, o: &'a Offer) -> Self {
        OfferView {
            id: &o.id,
            title: &o.title,
            operator: &o.operator,
            partners: &o.partners,
            disciplines: &o.disciplines,
            audiences: &o.audiences,
            age_min: o.age_min,
            age_max: o.age_max,
            districts: charter.offer_districts(o).map(|d| d.id.as_str()).collect(),
            district_scope: match o.districts {
                DistrictScope::Venue => "venue",
                DistrictScope::All => "all",
                DistrictScope::Listed(_) => "listed",
            },
            venue: o.venue.as_ref(),
            starts_on: o.starts_on,
            ends_on: o.ends_on,
            schedule: &o.schedule,
            price: o.price,
            price_detail: &o.price_detail,
            booking: &o.booking,
            accessibility: &o.accessibility,
            languages: &o.languages,
            summary: &o.summary,
            description: &o.description,
            status: o.status,
            updated_on: o.updated_on,
            ended: charter.timing(o).ended,
            next_session: charter.timing(o).next.as_ref().map(crate::render::views::offer::datetime),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;
    use serde_json::Value;

    // The document has the documented top-level keys in order, resolved offer districts, typed
    // values and text exactly as in the data (JSON escapes it; nothing is HTML-escaped).
    #[test]
    fn charter_json_has_the_documented_shape() {
        let mut bytes = Vec::new();
        charter(&fixture::charter(), &fixture::config(None), &mut bytes).expect("json");
        let text = std::str::from_utf8(&bytes).expect("utf-8");
        let keys = [
            "\"format\"",
            "\"version\"",
            "\"title\"",
            "\"language\"",
            "\"districts\"",
            "\"operators\"",
            "\"venues\"",
            "\"offers\"",
            "\"partnerships\"",
            "\"vocabularies\"",
        ];
        let positions: Vec<usize> = keys.iter().map(|k| text.find(k).expect(k)).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "key order");
        let json: Value = serde_json::from_slice(&bytes).expect("valid JSON");
        assert_eq!(json["version"], 1);
        let offers = json["offers"].as_array().expect("offers");
        let ids: Vec<&str> = offers.iter().map(|o| o["id"].as_str().expect("id")).collect();
        assert_eq!(ids, ["atelier-slam", "concert-annule", "lecture-libre"], "sorted by id");
        assert_eq!(offers[0]["title"], fixture::HOSTILE_TITLE);
        assert_eq!(offers[0]["districts"], serde_json::json!(["bressoux", "droixhe"]));
        assert_eq!(offers[0]["starts_on"], "2026-11-25");
        assert_eq!(offers[0]["price"], "free");
        assert_eq!(offers[1]["district_scope"], "all");
        assert_eq!(offers[1]["status"], "cancelled");
        assert_eq!(offers[2]["districts"], serde_json::json!(["droixhe"]), "the venue's district");
        assert_eq!(offers[2]["age_min"], Value::Null);
        assert_eq!(json["districts"][0]["priority"], true);
        assert_eq!(json["vocabularies"]["audience"]["terms"][0]["code"], "children");
        assert!(!text.contains("origin"), "internal fields stay out");
    }
}
