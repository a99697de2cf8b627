//! `requests/index.html`: what residents asked, to whom it went, what was answered and how
//! long it took, with counts by status and district and the median time to an answer.

use crate::render::views::request::{Figures, RequestEntry};
use crate::render::{Sink, Site};
use anyhow::Result;
use serde::Serialize;

#[derive(Serialize)]
struct Index<'a> {
    figures: Figures<'a>,
    statuses: Vec<&'a str>,
    requests: Vec<RequestEntry<'a>>,
}

/// Renders the requests page (nothing when `requests.csv` is empty or absent).
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    let c = site.charter;
    if c.requests.is_empty() {
        return Ok(());
    }
    let mut requests: Vec<&crate::model::Request> = c.requests.iter().collect();
    // Newest first: what is still waiting for an answer comes before old news.
    requests.sort_by(|a, b| b.received_on.cmp(&a.received_on).then_with(|| a.id.cmp(&b.id)));
    let requests = requests.into_iter().map(|r| RequestEntry::new(c, site.cat, r)).collect::<Result<_>>()?;
    let figures = Figures::new(c, site.cat)?;
    let statuses = figures.by_status.iter().map(|s| s.label).collect();
    let title = site.cat.get("requests.title")?;
    let meta = site.meta("requests/index.html", title, "requests", site.crumbs(&[], title)?);
    site.page(out, "requests.html", meta, Index { figures, statuses, requests })
}
