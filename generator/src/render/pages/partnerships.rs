//! `partnerships/index.html` and one page per partnership, `partnerships/<id>.html`.

use crate::render::views::partnership::{description_html, PartnershipEntry};
use crate::render::views::sort_key;
use crate::render::{Sink, Site};
use anyhow::Result;
use minijinja::Value;
use serde::Serialize;

#[derive(Serialize)]
struct Index<'e, 'a> {
    partnerships: Vec<&'e PartnershipEntry<'a>>,
}

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
    let title = site.cat.get("partnerships.title")?;
    let meta = site.meta("partnerships/index.html", title, "partnerships", site.crumbs(&[], title)?);
    site.page(out, "partnerships.html", meta, Index { partnerships: sorted })?;

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
            offers: site.cards_of(c.partnership_offers(p)),
        };
        site.render_page("partnership.html", meta, data)
    })
}
