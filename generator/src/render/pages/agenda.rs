//! `agenda/index.html`: the coming two weeks day by day, each session with its time, paginated;
//! then where the later months and the permanent offers are listed (`offers/`, soonest first, by
//! month). Ended offers are in `offers/archive/`. Also what "this week" means for the home page.
//!
//! Everything comes from each offer's sessions (`model::time`), computed once: a weekly
//! workshop is on its Tuesdays only, not "from September to June".

use crate::load::when::day_number;
use crate::model::time::Session;
use crate::model::{Charter, Offer, Status};
use crate::render::paging::{self, Jump, Key};
use crate::render::schedule;
use crate::render::views::{record_path, sort_key};
use crate::render::{Sink, Site};
use anyhow::Result;
use chrono::Days;
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

/// One session in the day-by-day list, or the note that a day has more (`more`).
#[derive(Serialize)]
struct Entry<'a> {
    time: Option<String>,
    datetime: String,
    title: &'a str,
    path: String,
    place: Option<&'a str>,
    status: &'a str,
    status_label: Option<&'a str>,
    /// On the note closing a day past [`PER_DAY`] sessions: how many were left out.
    more: usize,
}

/// The subscribable feeds, linked from the agenda.
#[derive(Serialize)]
struct Feeds<'a> {
    audiences: Vec<crate::render::views::Link<'a>>,
    districts: Vec<crate::render::views::Link<'a>>,
}

/// What the agenda's pages show besides the days: where the later months and the permanent
/// offers are (in `offers/`, the same list soonest first), the feeds, the archive.
#[derive(Serialize)]
struct Agenda<'a> {
    feeds: Feeds<'a>,
    months: Vec<Jump>,
    ongoing: Option<Jump>,
    archived: usize,
}

/// The sessions of the listed days, soonest first, at most [`PER_DAY`] a day and then a note.
fn days<'a>(site: &Site<'a>) -> Result<Vec<(Key, Entry<'a>)>> {
    let (c, cat) = (site.charter, site.cat);
    let today = day_number(c.today);
    let last = today + DAYS_LISTED - 1;
    let mut sessions: Vec<(Session, &Offer)> = Vec::new();
    for offer in c.current_offers() {
        let timing = c.timing(offer);
        sessions
            .extend(timing.sessions.iter().filter(|s| today <= s.day && s.day <= last).map(|s| (*s, offer)));
    }
    sessions.sort_by_cached_key(|(s, o)| (s.day, s.start, sort_key(&o.title)));
    let mut entries: Vec<(Key, Entry)> = Vec::new();
    let mut shown = 0;
    for (i, (session, offer)) in sessions.iter().enumerate() {
        let key = Key {
            anchor: format!("jour-{}", passerelle_index::iso_day(session.day)),
            heading: crate::render::i18n::capitalise(
                &cat.date_long(crate::load::when::date_of(session.day))?,
            ),
        };
        if entries.last().is_none_or(|(k, _)| *k != key) {
            shown = 0;
        }
        shown += 1;
        if shown > PER_DAY {
            let day_ends = sessions.get(i + 1).is_none_or(|(next, _)| next.day != session.day);
            if day_ends {
                let more = shown - PER_DAY;
                entries.push((key, Entry { more, ..Entry::note() }));
            }
            continue;
        }
        let status = offer.status.code();
        entries.push((
            key,
            Entry {
                time: schedule::session_time(cat, session)?,
                datetime: crate::render::views::offer::datetime(session),
                title: &offer.title,
                path: record_path("offers", &offer.id),
                place: c.offer_venue(offer).map(|v| v.name.as_str()),
                status,
                status_label: (offer.status != Status::Open)
                    .then(|| cat.get(&format!("status.{status}")))
                    .transpose()?,
                more: 0,
            },
        ));
    }
    Ok(entries)
}

impl Entry<'_> {
    fn note() -> Self {
        Entry {
            time: None,
            datetime: String::new(),
            title: "",
            path: String::new(),
            place: None,
            status: "open",
            status_label: None,
            more: 0,
        }
    }
}

/// Renders `agenda/index.html` and its later pages.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    let (c, cat) = (site.charter, site.cat);
    let offers = site.offer_pages("offers/index.html", c.current_offers())?;
    let mut months = paging::jumps(&offers);
    drop(offers);
    let ongoing_at = months.iter().position(|j| j.path.ends_with("#toute-l-annee"));
    let ongoing = ongoing_at.map(|i| months.remove(i));
    months.retain(|j| j.path.contains("#mois-"));
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
    let data = Agenda { feeds, months, ongoing, archived: c.offers.len() - c.current_offers().count() };
    let pages = paging::paginate("agenda/index.html", days(site)?);
    let title = cat.get("agenda.title")?;
    site.list_pages(
        out,
        "agenda.html",
        &pages,
        |path, _| Ok(site.meta(path, title, "agenda", site.crumbs(&[], title)?)),
        &data,
    )
}
