//! `explore/index.html`: the full-page explorer, over the first page of the static list of
//! offers (its pager leads on into `offers/`).

use crate::render::paging::{Group, Pager};
use crate::render::views::Link;
use crate::render::{Sink, Site};
use anyhow::Result;
use minijinja::Value;
use serde::Serialize;

#[derive(Serialize)]
struct Explore<'p, 'a> {
    explorer_district: &'static str,
    explorer_compact: bool,
    /// The first page of the current offers (the explorer's fallback; the pager leads on into
    /// `offers/`, the same list).
    pager: &'p Pager,
    groups: &'p [Group<Value>],
    districts: Vec<Link<'a>>,
}

/// Renders `explore/index.html`.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    let c = site.charter;
    let mut pages = site.offer_pages("offers/index.html", c.offers.iter().filter(|o| c.is_current(o)))?;
    pages.truncate(1);
    let data = Explore {
        explorer_district: "",
        explorer_compact: false,
        pager: &pages[0].pager,
        groups: &pages[0].groups,
        districts: site.charter.districts.iter().map(|d| Link::record("districts", &d.id, &d.name)).collect(),
    };
    let title = site.cat.get("explore.title")?;
    let mut meta = site.meta("explore/index.html", title, "explore", site.crumbs(&[], title)?);
    meta.explorer = true;
    site.page(out, "explore.html", meta, data)
}
