//! `draws/index.html`, one page per draw (`render::views::record_path("draws", id)`), each
//! draw's inputs as `draws/<id>.json`, and `draws/verify.py`, the standalone script that
//! recomputes a draw from them.

use crate::participation::{self, outcome::Drawn};
use crate::render::views::draw::DrawEntry;
use crate::render::{Sink, Site};
use anyhow::Result;
use serde::Serialize;

#[derive(Serialize)]
struct Index<'e, 'a> {
    draws: &'e [DrawEntry<'a>],
}

#[derive(Serialize)]
struct DrawData<'e, 'a> {
    draw: &'e DrawEntry<'a>,
}

/// Renders the draws index, every draw page, their inputs and the verification script.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    let c = site.charter;
    if c.draws.is_empty() {
        return Ok(());
    }
    let drawn: Vec<Drawn> = c.draws.iter().map(|d| c.drawn(d)).collect();
    let entries: Vec<DrawEntry> =
        c.draws.iter().zip(&drawn).map(|(d, x)| DrawEntry::new(c, site.cat, d, x)).collect::<Result<_>>()?;
    let title = site.cat.get("draws.title")?;
    let meta = site.meta("draws/index.html", title, "draws", site.crumbs(&[], title)?);
    site.page(out, "draws.html", meta, Index { draws: &entries })?;
    for ((draw, x), entry) in c.draws.iter().zip(&drawn).zip(&entries) {
        let mut meta = site.meta(
            entry.path.clone(),
            draw.title.as_str(),
            "draws",
            site.crumbs(&[(title, "draws/index.html")], &draw.title)?,
        );
        if !draw.summary.trim().is_empty() {
            meta.description = draw.summary.clone();
        }
        site.page(out, "draw.html", meta, DrawData { draw: entry })?;
        let mut json = serde_json::to_vec_pretty(&participation::report::inputs_json(x))?;
        json.push(b'\n');
        out.put(&entry.inputs_path, &json)?;
    }
    out.put("draws/verify.py", participation::VERIFY_PY.as_bytes())
}
