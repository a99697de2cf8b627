//! The editorial pages of `content/*.md`, each at `<slug>/index.html`.

use crate::render::{Sink, Site};
use anyhow::Result;
use serde::Serialize;

#[derive(Serialize)]
struct Page<'a> {
    body_html: &'a str,
}

/// Renders every content page.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    for page in &site.content.pages {
        let mut meta = site.meta(
            page.path(),
            page.front.title.as_str(),
            page.slug,
            site.crumbs(&[], &page.front.title)?,
        );
        if !page.front.description.trim().is_empty() {
            meta.description = page.front.description.clone();
        }
        site.page(out, "page.html", meta, Page { body_html: &page.html })?;
    }
    Ok(())
}
