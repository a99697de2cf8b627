//! `agenda/index.html`: events by month (those running now under the current month), then
//! the season-long offers running now, the offers that run all year, and past ones. Also what
//! "this week" means for the home page.
//!
//! An *event* is a dated offer shorter than [`EVENT_DAYS`]; a longer one (a workshop from
//! September to June) runs through a season and is listed with the regular activities once
//! it has started.

use crate::model::{Charter, Offer, Status};
use crate::render::views::sort_key;
use crate::render::{Sink, Site};
use anyhow::Result;
use chrono::{Datelike, Days, NaiveDate};
use minijinja::Value;
use serde::Serialize;

/// Dated offers shorter than this many days are events.
pub const EVENT_DAYS: i64 = 31;

/// The first and last day an offer runs (a start alone is one day), or `None` when ongoing.
pub fn span(offer: &Offer) -> Option<(NaiveDate, NaiveDate)> {
    let start = offer.starts_on.or(offer.ends_on)?;
    let end = offer.ends_on.or(offer.starts_on)?;
    Some((start, end.max(start)))
}

/// Whether a dated offer is an event (shorter than [`EVENT_DAYS`]).
fn is_event((start, end): (NaiveDate, NaiveDate)) -> bool {
    (end - start).num_days() < EVENT_DAYS
}

/// What is on in the seven days from `today`: the events running on one of those days, by
/// start date; and the regular activities (no dates but a schedule, or a season running this
/// week), by title. Cancelled offers are left out.
pub fn this_week(charter: &Charter) -> (Vec<&Offer>, Vec<&Offer>) {
    let today = charter.today;
    let last = today.checked_add_days(Days::new(6)).unwrap_or(today);
    let (mut events, mut regular) = (Vec::new(), Vec::new());
    for offer in charter.offers.iter().filter(|o| o.status != Status::Cancelled) {
        match span(offer) {
            Some((s, e)) if s <= last && e >= today => {
                if is_event((s, e)) {
                    events.push(offer)
                } else {
                    regular.push(offer)
                }
            }
            None if !offer.schedule.trim().is_empty() => regular.push(offer),
            _ => {}
        }
    }
    events.sort_by_cached_key(|o| (span(o).map(|(s, _)| s.max(today)), sort_key(&o.title)));
    regular.sort_by_cached_key(|o| sort_key(&o.title));
    (events, regular)
}

/// One month of the agenda.
#[derive(Serialize)]
struct Month {
    id: String,
    heading: String,
    offers: Vec<Value>,
}

#[derive(Serialize)]
struct Agenda {
    months: Vec<Month>,
    season: Vec<Value>,
    past: Vec<Value>,
    ongoing: Vec<Value>,
}

/// Renders `agenda/index.html`.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    let (cat, today) = (site.cat, site.charter.today);
    let mut dated: Vec<(NaiveDate, &Offer)> = Vec::new();
    let mut past: Vec<(NaiveDate, &Offer)> = Vec::new();
    let (mut season, mut ongoing): (Vec<&Offer>, Vec<&Offer>) = (Vec::new(), Vec::new());
    for offer in &site.charter.offers {
        match span(offer) {
            Some((_, end)) if end < today => past.push((end, offer)),
            Some((start, end)) if start <= today && !is_event((start, end)) => season.push(offer),
            Some((start, _)) => dated.push((start.max(today), offer)),
            None => ongoing.push(offer),
        }
    }
    dated.sort_by_cached_key(|(d, o)| (*d, sort_key(&o.title)));
    past.sort_by_cached_key(|(d, o)| (std::cmp::Reverse(*d), sort_key(&o.title)));
    season.sort_by_cached_key(|o| sort_key(&o.title));
    ongoing.sort_by_cached_key(|o| sort_key(&o.title));
    let mut months: Vec<Month> = Vec::new();
    for (day, offer) in dated {
        let id = format!("{:04}-{:02}", day.year(), day.month());
        if months.last().is_none_or(|m| m.id != id) {
            months.push(Month { id, heading: cat.month_year(day)?, offers: Vec::new() });
        }
        if let Some(month) = months.last_mut() {
            month.offers.push(site.card_value(offer));
        }
    }
    let data = Agenda {
        months,
        season: site.cards_of(season.into_iter()),
        past: site.cards_of(past.into_iter().map(|(_, o)| o)),
        ongoing: site.cards_of(ongoing.into_iter()),
    };
    let title = cat.get("agenda.title")?;
    let meta = site.meta("agenda/index.html", title, "agenda", site.crumbs(&[], title)?);
    site.page(out, "agenda.html", meta, data)
}
