//! `partnerships/index.html` (A–Z, paginated) and one page per partnership, `partnerships/<id>.html`.

use crate::render::paging::{self, Key};
use crate::render::views::partnership::{description_html, PartnershipEntry};
use crate::render::views::{initial, sort_key};
use crate::render::{Sink, Site};
use anyhow::Result;
use minijinja::Value;
use serde::Serialize;

#[derive(Serialize)]
struct PartnershipData<'e, 'a> {
    partnership: &'e PartnershipEntry<'a>,
    description_html: String,
    offers: Vec<Value>,
}

/// Renders the partnerships index and every partnership page.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    let c = site.charter;
    let entries: Vec<PartnershipEntry> =
        c.partnerships.iter().map(|p| PartnershipEntry::new(c, site.cat, p)).collect::<Result<_>>()?;
    let mut sorted: Vec<&PartnershipEntry> = entries.iter().collect();
    sorted.sort_by_cached_key(|e| (sort_key(e.title), e.id));
    let keyed = sorted.into_iter().map(|e| (Key::letter(initial(e.title)), e)).collect();
    let pages = paging::paginate("partnerships/index.html", keyed);
    let title = site.cat.get("partnerships.title")?;
    site.list_pages(
        out,
        "partnerships.html",
        &pages,
        |path, _| Ok(site.meta(path, title, "partnerships", site.crumbs(&[], title)?)),
        &(),
    )?;

    let pairs: Vec<_> = c.partnerships.iter().zip(&entries).collect();
    site.pages(out, &pairs, |&(p, entry)| {
        let mut meta = site.meta(
            entry.path.clone(),
            p.title.as_str(),
            "partnerships",
            site.crumbs(&[(title, "partnerships/index.html")], &p.title)?,
        );
        if !p.summary.trim().is_empty() {
            meta.description = p.summary.clone();
        }
        let data = PartnershipData {
            partnership: entry,
            description_html: description_html(p),
            offers: site.cards_by_time(c.partnership_offers(p)),
        };
        site.render_page("partnership.html", meta, data)
    })
}
