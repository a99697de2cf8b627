//! `index.html`: what the charter is, what is on this week, key figures, and the explorer.

use super::agenda::this_week;
use crate::render::views::Link;
use crate::render::{Sink, Site};
use anyhow::Result;
use chrono::Days;
use minijinja::Value;
use serde::Serialize;

/// How many regular offers the home page shows before linking to the agenda.
const REGULAR_SHOWN: usize = 6;
/// This week's events shown (the agenda has the rest): the home page never grows with the data.
const WEEK_SHOWN: usize = 12;

#[derive(Serialize)]
struct Figure {
    value: usize,
    label: String,
    path: &'static str,
}

#[derive(Serialize)]
struct Home<'s, 'a> {
    intro_html: Option<&'s str>,
    figures: Vec<Figure>,
    week_label: String,
    week: Vec<Value>,
    week_total: usize,
    /// The page depends on the day: it says so.
    as_of: bool,
    regular: Vec<Value>,
    regular_total: usize,
    explorer_district: &'static str,
    explorer_compact: bool,
    districts: Vec<Link<'a>>,
}

/// Renders `index.html`.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    let (c, cat) = (site.charter, site.cat);
    let figure = |value: usize, noun: &str, path: &'static str| -> Result<Figure> {
        Ok(Figure {
            value,
            label: cat.count(noun, value)?.replacen(&value.to_string(), "", 1).trim().to_owned(),
            path,
        })
    };
    let (week, regular) = this_week(c);
    let last = c.today.checked_add_days(Days::new(6)).unwrap_or(c.today);
    let data = Home {
        intro_html: site.content.home.as_deref(),
        figures: vec![
            figure(c.current_offers().count(), "offer", "offers/index.html")?,
            figure(c.operators.len(), "operator", "operators/index.html")?,
            figure(c.venues.len(), "venue", "venues/index.html")?,
            figure(c.districts.len(), "district", "districts/index.html")?,
            figure(c.partnerships.len(), "partnership", "partnerships/index.html")?,
        ],
        week_label: cat.date_range(Some(c.today), Some(last))?.unwrap_or_default(),
        week_total: week.len(),
        week: site.cards_of(week.into_iter().take(WEEK_SHOWN)),
        as_of: true,
        regular_total: regular.len(),
        regular: site.cards_of(regular.into_iter().take(REGULAR_SHOWN)),
        explorer_district: "",
        explorer_compact: true,
        districts: c.districts.iter().map(|d| Link::record("districts", &d.id, &d.name)).collect(),
    };
    let mut meta = site.meta("index.html", site.config.title.clone(), "home", Vec::new());
    meta.explorer = true;
    site.page(out, "home.html", meta, data)
}
