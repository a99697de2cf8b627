//! When offers happen, computed once per build: each offer's [`Recurrence`] (the shared index
//! crate's, so the explorer expands the same rule), its sessions from a year before the build
//! day to the 18-month horizon, its next session and whether it has ended.

use crate::records::{Holiday, HolidayKind, Offer};
use chrono::NaiveDate;
pub use passerelle_index::time::{
    Holidays, PartOfDay, Recurrence, Session, Windows, HORIZON_DAYS, PAST_DAYS,
};

/// A date's day number (days since 1970-01-01), the index crate's unit.
pub fn day_number(day: NaiveDate) -> i32 {
    use chrono::Datelike;
    passerelle_index::days_from_civil(day.year(), day.month(), day.day())
}

/// The date of a day number.
pub fn date_of(day: i32) -> NaiveDate {
    let (y, m, d) = passerelle_index::civil_from_days(day);
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The holidays of `holidays.csv` as day ranges, school and public apart, sorted.
pub fn holidays(rows: &[Holiday]) -> Holidays {
    let mut out = Holidays::default();
    for row in rows {
        let Some(start) = row.starts_on else { continue };
        let range = (day_number(start), day_number(row.ends_on.unwrap_or(start).max(start)));
        match row.kind {
            HolidayKind::School => out.school.push(range),
            HolidayKind::Public => out.public.push(range),
        }
    }
    out.school.sort_unstable();
    out.public.sort_unstable();
    out
}

/// An offer's timing as data: its columns `days`, `start_time`, `end_time`, `dates`, `except`
/// bounded by `starts_on` / `ends_on`.
pub fn recurrence(offer: &Offer) -> Recurrence {
    let from = offer.starts_on.map(day_number);
    let no_rule = offer.days.is_empty() && offer.dates.is_empty();
    // A start alone (or a start equal to the end) with no rule is one day: a session at
    // `start_time`, or all day without one. A longer span with no rule and no time is a
    // permanent offer (an exhibition).
    let one_day = no_rule && from.is_some() && offer.ends_on.is_none_or(|e| Some(day_number(e)) == from);
    let until = offer.ends_on.map(day_number).or_else(|| from.filter(|_| one_day));
    let mut dates = offer.dates.clone();
    if one_day && offer.start_time.is_none() {
        dates.extend(from.map(|day| Session { day, start: None, end: None }));
    }
    Recurrence {
        days: offer.days.clone(),
        start: offer.start_time,
        end: offer.end_time,
        from,
        until,
        dates,
        except: offer.except.ranges.clone(),
        pauses: offer.except.pauses,
    }
}

/// One offer's timing at the build day.
#[derive(Clone, Debug, Default)]
pub struct Timing {
    pub recurrence: Recurrence,
    /// Sessions from [`PAST_DAYS`] before the build day to [`HORIZON_DAYS`] after, sorted.
    pub sessions: Vec<Session>,
    /// The first session on or after the build day.
    pub next: Option<Session>,
    /// No session on or after the build day and none to come: the offer is over.
    pub ended: bool,
}

impl Timing {
    /// Computes an offer's timing at day `today`.
    pub fn new(offer: &Offer, holidays: &Holidays, today: NaiveDate) -> Timing {
        let recurrence = recurrence(offer);
        let today = day_number(today);
        let sessions = recurrence.sessions(holidays, today - PAST_DAYS, today + HORIZON_DAYS);
        let next = sessions.iter().find(|s| s.day >= today).copied();
        let ended = if recurrence.is_permanent() {
            recurrence.until.is_some_and(|u| u < today)
        } else {
            next.is_none() && (recurrence.until.is_some_and(|u| u < today) || !sessions.is_empty())
        };
        Timing { recurrence, sessions, next, ended }
    }

    /// Open on its venue's hours rather than at set times.
    pub fn is_permanent(&self) -> bool {
        self.recurrence.is_permanent()
    }

    /// The sessions from `today` on, up to `count` of them.
    pub fn coming(&self, today: NaiveDate, count: usize) -> impl Iterator<Item = &Session> {
        let today = day_number(today);
        self.sessions.iter().filter(move |s| s.day >= today).take(count)
    }

    /// Whether the offer is on at least one day from `first` to `last` (a permanent one: open
    /// on one of them).
    pub fn on_between(&self, first: NaiveDate, last: NaiveDate) -> bool {
        let (a, b) = (day_number(first), day_number(last));
        if self.is_permanent() {
            return !self.ended && (a..=b).any(|d| self.recurrence.is_open_on(d));
        }
        self.sessions.iter().any(|s| a <= s.day && s.day <= b)
    }

    /// The sort key of lists: next session first (soonest first), permanent offers after,
    /// ended ones last (most recent first).
    pub fn order(&self) -> (u8, i64) {
        match (self.ended, self.next, self.is_permanent()) {
            (true, _, _) => (3, -i64::from(self.sessions.last().map_or(0, |s| s.day))),
            (false, Some(s), _) => (0, i64::from(s.day) * 1440 + i64::from(s.start.unwrap_or(0))),
            (false, None, true) => (1, 0),
            (false, None, false) => (2, 0),
        }
    }
}

/// The instant a local time of the site's zone names: `None` when the clock skips it (the
/// spring-forward hour); the earlier of the two when it falls back (the autumn hour repeats).
pub fn instant(zone: chrono_tz::Tz, day: i32, minute: u16) -> Option<chrono::DateTime<chrono::Utc>> {
    use chrono::TimeZone;
    let local = date_of(day).and_hms_opt(u32::from(minute / 60), u32::from(minute % 60), 0)?;
    zone.from_local_datetime(&local).earliest().map(|t| t.with_timezone(&chrono::Utc))
}

#[cfg(test)]
mod tests;
