//! Stage `export`: the open data and syndication files, beside the pages.
//!
//! Input: the [`Charter`], the [`Config`] (its `base_url`, when set, makes the few absolute
//! addresses) and the pages already staged (for the sitemap, so `lib.rs` runs this stage
//! last). Output, through [`Staging::put`]:
//!
//! | file | what | module |
//! |---|---|---|
//! | `data/<table>.csv`, `data/vocabulary.csv` | canonical CSV of every table | [`tables`] |
//! | `data/charter.json` | everything, one documented JSON document | [`json`] |
//! | `data/venues.geojson`, `data/districts.geojson` | venue points, district outlines | [`geo`] |
//! | `offers/<id>.ics`, `data/agenda.ics`, `calendars/{districts,audiences}/<id>.ics` | each offer's sessions; feeds of the current offers | [`calendar`] |
//! | `data/sessions.csv` | every session the site computed (offer, local start, end) | [`calendar`] |
//! | `feed.xml` | Atom feed of the offers, latest updated first | [`feed`] |
//! | `requests/feed.xml` | Atom feed of the answered residents' requests | [`requests_feed`] |
//! | `sitemap.xml` (with `base_url` only), `robots.txt` | for search engines | [`sitemap`] |
//!
//! Every file is a pure function of its inputs (no clock, sorted tables), so builds are
//! byte-identical. The files that grow with the data (the CSV tables, `charter.json`,
//! `agenda.ics`) are streamed into the staging folder ([`Staging::put_with`]), never held whole
//! in memory. Text from the data is escaped for each format by a library of that format
//! (csv, serde_json, ics, atom_syndication, quick-xml): markup in a cell never becomes markup.

pub mod calendar;
pub mod feed;
pub mod geo;
pub mod json;
pub mod requests_feed;
pub mod sitemap;
pub mod tables;
pub mod urls;

#[cfg(test)]
mod fixture;

use crate::config::Config;
use crate::model::Charter;
use crate::write::Staging;
use anyhow::Result;
use urls::BaseUrl;

/// Writes the canonical CSV, JSON, GeoJSON, iCalendar, Atom, sitemap and robots files.
pub fn export(charter: &Charter, config: &Config, out: &mut Staging) -> Result<()> {
    let base = BaseUrl::from_config(config)?;
    for path in tables::FILES {
        out.put_with(path, |w| tables::write(path, charter, w))?;
    }
    out.put_with("data/charter.json", |w| json::charter(charter, config, w))?;
    out.put("data/venues.geojson", &geo::venues(charter)?)?;
    if let Some(bytes) = geo::districts(charter)? {
        out.put("data/districts.geojson", &bytes)?;
    }
    let calendars = calendar::Writer::new(charter, config, base.as_ref());
    out.put_with("data/agenda.ics", |w| calendars.feed(&config.title, &|_| true, w))?;
    for district in &charter.districts {
        let ids: std::collections::HashSet<&str> =
            charter.district_offers(district).map(|o| o.id.as_str()).collect();
        let name = format!("{} — {}", config.title, district.name);
        out.put_with(&calendar::district_path(&district.id), |w| {
            calendars.feed(&name, &|o| ids.contains(o.id.as_str()), w)
        })?;
    }
    for term in &charter.vocabularies.audience.terms {
        let label = match config.language {
            crate::config::Language::Fr => &term.fr,
            crate::config::Language::En => &term.en,
        };
        let name = format!("{} — {label}", config.title);
        out.put_with(&calendar::audience_path(&term.code), |w| {
            calendars.feed(&name, &|o| o.audiences.contains(&term.code), w)
        })?;
    }
    for offer in &charter.offers {
        if let Some(bytes) = calendars.offer(offer) {
            out.put(&crate::render::views::calendar_path(&offer.id), &bytes)?;
        }
    }
    out.put_with("data/sessions.csv", |w| calendar::sessions_csv(charter, w))?;
    out.put("feed.xml", &feed::feed(charter, config, base.as_ref())?)?;
    if let Some(bytes) = requests_feed::feed(charter, config, base.as_ref())? {
        out.put("requests/feed.xml", &bytes)?;
    }
    if let Some(base) = &base {
        for (path, bytes) in sitemap::sitemaps(&out.pages(), base)? {
            out.put(&path, &bytes)?;
        }
    }
    out.put("robots.txt", sitemap::robots(base.as_ref()).as_bytes())?;
    Ok(())
}
