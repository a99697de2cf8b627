//! `agenda/index.html`: the coming weeks day by day, each session with its time; then the
//! offers whose next session is later, by month; then the permanent offers. Ended offers are in
//! `offers/archive/`. Also what "this week" means for the home page.
//!
//! Everything comes from each offer's sessions (`model::time`), computed once: a weekly
//! workshop is on its Tuesdays only, not "from September to June".

use crate::load::when::day_number;
use crate::model::time::Session;
use crate::model::{Charter, Offer, Status};
use crate::render::schedule;
use crate::render::views::{record_path, sort_key};
use crate::render::{Sink, Site};
use anyhow::Result;
use chrono::{Datelike, Days};
use minijinja::Value;
use serde::Serialize;

/// How many days the agenda lists day by day.
pub const DAYS_LISTED: i32 = 14;

/// At most this many sessions a day (the explorer has the rest): no page grows with the data.
pub const PER_DAY: usize = 50;

/// What is on in the seven days from the build day: the events (one-off, several dates, a
/// monthly rendez-vous) and the weekly activities, each soonest first. Cancelled offers are
/// left out.
pub fn this_week(charter: &Charter) -> (Vec<&Offer>, Vec<&Offer>) {
    let today = charter.today;
    let last = today.checked_add_days(Days::new(6)).unwrap_or(today);
    let (mut events, mut weekly) = (Vec::new(), Vec::new());
    for offer in charter.current_offers().filter(|o| o.status != Status::Cancelled) {
        let timing = charter.timing(offer);
        if timing.is_permanent() || !timing.on_between(today, last) {
            continue;
        }
        if timing.recurrence.days.iter().any(|r| r.rank == 0) {
            weekly.push(offer);
        } else {
            events.push(offer);
        }
    }
    for list in [&mut events, &mut weekly] {
        list.sort_by_cached_key(|o| (charter.timing(o).order(), sort_key(&o.title)));
    }
    (events, weekly)
}

/// One session in the day-by-day list.
#[derive(Serialize)]
struct Entry<'a> {
    time: Option<String>,
    datetime: String,
    title: &'a str,
    path: String,
    place: Option<&'a str>,
    status: &'a str,
    status_label: Option<&'a str>,
}

#[derive(Serialize)]
struct Day<'a> {
    id: String,
    heading: String,
    entries: Vec<Entry<'a>>,
    more: usize,
}

/// One month of offers whose next session is after the listed days.
#[derive(Serialize)]
struct Month {
    id: String,
    heading: String,
    offers: Vec<Value>,
}

/// The subscribable feeds, linked from the agenda.
#[derive(Serialize)]
struct Feeds<'a> {
    audiences: Vec<crate::render::views::Link<'a>>,
    districts: Vec<crate::render::views::Link<'a>>,
}

#[derive(Serialize)]
struct Agenda<'a> {
    feeds: Feeds<'a>,
    days: Vec<Day<'a>>,
    months: Vec<Month>,
    ongoing: Vec<Value>,
    archived: usize,
}

/// Renders `agenda/index.html`.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    let (c, cat) = (site.charter, site.cat);
    let today = day_number(c.today);
    let last = today + DAYS_LISTED - 1;
    let mut sessions: Vec<(Session, &Offer)> = Vec::new();
    let mut later: Vec<(i32, &Offer)> = Vec::new();
    let mut ongoing: Vec<&Offer> = Vec::new();
    for offer in c.current_offers() {
        let timing = c.timing(offer);
        if timing.is_permanent() {
            ongoing.push(offer);
            continue;
        }
        sessions
            .extend(timing.sessions.iter().filter(|s| today <= s.day && s.day <= last).map(|s| (*s, offer)));
        if let Some(next) = timing.next.filter(|s| s.day > last) {
            later.push((next.day, offer));
        }
    }
    sessions.sort_by_cached_key(|(s, o)| (s.day, s.start, sort_key(&o.title)));
    let mut days: Vec<Day> = Vec::new();
    for (session, offer) in sessions {
        if days.last().is_none_or(|d| d.id != passerelle_index::iso_day(session.day)) {
            let heading =
                crate::render::i18n::capitalise(&cat.date_long(crate::load::when::date_of(session.day))?);
            days.push(Day {
                id: passerelle_index::iso_day(session.day),
                heading,
                entries: Vec::new(),
                more: 0,
            });
        }
        let Some(day) = days.last_mut() else { continue };
        if day.entries.len() >= PER_DAY {
            day.more += 1;
            continue;
        }
        let status = offer.status.code();
        day.entries.push(Entry {
            time: schedule::session_time(cat, &session)?,
            datetime: crate::render::views::offer::datetime(&session),
            title: &offer.title,
            path: record_path("offers", &offer.id),
            place: c.offer_venue(offer).map(|v| v.name.as_str()),
            status,
            status_label: (offer.status != Status::Open)
                .then(|| cat.get(&format!("status.{status}")))
                .transpose()?,
        });
    }
    later.sort_by_cached_key(|(d, o)| (*d, sort_key(&o.title)));
    let mut months: Vec<Month> = Vec::new();
    for (day, offer) in later {
        let date = crate::load::when::date_of(day);
        let id = format!("{:04}-{:02}", date.year(), date.month());
        if months.last().is_none_or(|m| m.id != id) {
            months.push(Month { id, heading: cat.month_year(date)?, offers: Vec::new() });
        }
        if let Some(month) = months.last_mut() {
            month.offers.push(site.card_value(offer));
        }
    }
    let feeds = Feeds {
        audiences: c
            .vocabularies
            .audience
            .terms
            .iter()
            .map(|t| crate::render::views::Link {
                path: crate::render::views::audience_feed(&t.code),
                label: cat.term(t),
            })
            .collect(),
        districts: c
            .districts
            .iter()
            .map(|d| crate::render::views::Link {
                path: crate::render::views::district_feed(&d.id),
                label: d.name.as_str(),
            })
            .collect(),
    };
    let data = Agenda {
        feeds,
        days,
        months,
        ongoing: site.cards_by_time(ongoing.into_iter()),
        archived: c.offers.len() - c.current_offers().count(),
    };
    let title = cat.get("agenda.title")?;
    let meta = site.meta("agenda/index.html", title, "agenda", site.crumbs(&[], title)?);
    site.page(out, "agenda.html", meta, data)
}
