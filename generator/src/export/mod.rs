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
//! | `data/agenda.ics`, `offers/<id>.ics` | dated offers as iCalendar events | [`calendar`] |
//! | `feed.xml` | Atom feed of the offers, latest updated first | [`feed`] |
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
    out.put_with("data/agenda.ics", |w| calendar::agenda(charter, config, base.as_ref(), w))?;
    for offer in &charter.offers {
        if let Some(bytes) = calendar::offer(charter, base.as_ref(), offer) {
            out.put(&crate::render::views::calendar_path(&offer.id), &bytes)?;
        }
    }
    out.put("feed.xml", &feed::feed(charter, config, base.as_ref())?)?;
    if let Some(base) = &base {
        for (path, bytes) in sitemap::sitemaps(&out.pages(), base)? {
            out.put(&path, &bytes)?;
        }
    }
    out.put("robots.txt", sitemap::robots(base.as_ref()).as_bytes())?;
    Ok(())
}
