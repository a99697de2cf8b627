//! `explore/index.html`: the full-page explorer, over the complete static list of offers.

use crate::render::views::Link;
use crate::render::{Sink, Site};
use anyhow::Result;
use minijinja::Value;
use serde::Serialize;

#[derive(Serialize)]
struct Explore<'a> {
    explorer_district: &'static str,
    explorer_compact: bool,
    explorer_offers: Vec<Value>,
    districts: Vec<Link<'a>>,
}

/// Renders `explore/index.html`.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    let data = Explore {
        explorer_district: "",
        explorer_compact: false,
        explorer_offers: super::cards_by_title(site),
        districts: site.charter.districts.iter().map(|d| Link::record("districts", &d.id, &d.name)).collect(),
    };
    let title = site.cat.get("explore.title")?;
    let mut meta = site.meta("explore/index.html", title, "explore", site.crumbs(&[], title)?);
    meta.explorer = true;
    site.page(out, "explore.html", meta, data)
}
