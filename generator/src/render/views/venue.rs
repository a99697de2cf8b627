//! Venue views: the directory entry and the venue page's extras.

use super::{address_line, labels, record_path, Label, Link};
use crate::links::{self, Href};
use crate::model::{Charter, Venue};
use crate::render::i18n::Catalogue;
use anyhow::Result;
use serde::Serialize;

/// A venue as lists and its page show it.
#[derive(Debug, Serialize)]
pub struct VenueEntry<'a> {
    pub id: &'a str,
    pub path: String,
    pub name: &'a str,
    pub kind: &'a str,
    pub address: String,
    pub district: Option<Link<'a>>,
    pub operator: Option<Link<'a>>,
    pub accessibility: Vec<Label<'a>>,
    pub opening_hours: &'a str,
    pub website: Option<Href>,
    pub offers: usize,
    pub updated: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

impl<'a> VenueEntry<'a> {
    pub fn new(charter: &'a Charter, cat: &'a Catalogue, venue: &'a Venue) -> Result<Self> {
        Ok(VenueEntry {
            id: &venue.id,
            path: record_path("venues", &venue.id),
            name: &venue.name,
            kind: charter
                .vocabularies
                .venue_kind
                .get(&venue.kind)
                .map_or(venue.kind.as_str(), |t| cat.term(t)),
            address: address_line(&venue.address, &venue.postcode, &venue.city),
            district: charter.venue_district(venue).map(|d| Link::record("districts", &d.id, &d.name)),
            operator: charter.venue_operator(venue).map(|o| Link::record("operators", &o.id, &o.name)),
            accessibility: labels(cat, &charter.vocabularies.accessibility, &venue.accessibility),
            opening_hours: &venue.opening_hours,
            website: venue.website.as_deref().and_then(links::web),
            offers: charter.venue_offers(venue).count(),
            updated: venue.updated_on.map(|d| cat.date_short(d)).transpose()?,
            lat: venue.lat,
            lon: venue.lon,
        })
    }
}
