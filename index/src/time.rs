//! When an offer happens, as data: a [`Recurrence`] (weekdays with optional ranks, times,
//! single dates, exceptions over day numbers) and its expander, shared by the generator (pages,
//! calendars) and the explorer (windows from the visitor's clock), so both compute the same
//! sessions. Plain Rust, no date library: days are day numbers (see the crate doc), times are
//! minutes after local midnight in the site's time zone (the zone itself is the generator's
//! business: it turns local times into instants for calendars).

use crate::{civil_from_days, days_from_civil, weekday};
use serde::{Deserialize, Serialize};

/// A weekday of the rule, every week (`rank` 0) or the `rank`-th of the month (1…5, or −1…−5
/// counted from the month's end: −1 = the last).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DayRule {
    /// 0 = Monday … 6 = Sunday.
    pub weekday: u8,
    pub rank: i8,
}

/// One session: a day, with its local start and end times when known (minutes after midnight).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Session {
    pub day: i32,
    pub start: Option<u16>,
    pub end: Option<u16>,
}

/// Which holidays of the charter's calendar an offer pauses for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pauses {
    /// `school_holidays`: every school holiday.
    pub school: bool,
    /// `public_holidays`: every public holiday.
    pub public: bool,
}

/// An offer's timing. Empty `days` and `dates` with no `start` = a *permanent* offer (open on
/// its venue's hours between `from` and `until`); empty `days` and `dates` with a `start` = a
/// session every day from `from` to `until` (a festival's evenings).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recurrence {
    pub days: Vec<DayRule>,
    pub start: Option<u16>,
    pub end: Option<u16>,
    /// First and last day of the recurrence (inclusive), when bounded.
    pub from: Option<i32>,
    pub until: Option<i32>,
    /// Single sessions, besides the rule (their own times, else `start`/`end`).
    pub dates: Vec<Session>,
    /// Days off, as inclusive ranges of day numbers.
    pub except: Vec<(i32, i32)>,
    pub pauses: Pauses,
}

/// The charter's holidays, as inclusive ranges of day numbers, sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holidays {
    pub school: Vec<(i32, i32)>,
    pub public: Vec<(i32, i32)>,
}

fn within(ranges: &[(i32, i32)], day: i32) -> bool {
    ranges.iter().any(|&(a, b)| a <= day && day <= b)
}

/// Days in a month of a year (Gregorian).
pub fn month_length(year: i32, month: u32) -> u32 {
    let (ny, nm) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    (days_from_civil(ny, nm, 1) - days_from_civil(year, month, 1)) as u32
}

impl DayRule {
    /// Whether `day` (a day number) is one of this rule's days.
    pub fn matches(self, day: i32) -> bool {
        if weekday(day) != u32::from(self.weekday) {
            return false;
        }
        let (year, month, dom) = civil_from_days(day);
        match self.rank {
            0 => true,
            r if r > 0 => (dom - 1) / 7 + 1 == r as u32,
            r => (month_length(year, month) - dom) / 7 + 1 == u32::from(r.unsigned_abs()),
        }
    }
}

impl Recurrence {
    /// Neither a rule nor dates nor a time: open on its venue's hours.
    pub fn is_permanent(&self) -> bool {
        self.days.is_empty() && self.dates.is_empty() && self.start.is_none()
    }

    /// Whether `day` is a day off (an exception or a holiday the offer pauses for).
    pub fn is_off(&self, day: i32, holidays: &Holidays) -> bool {
        within(&self.except, day)
            || (self.pauses.school && within(&holidays.school, day))
            || (self.pauses.public && within(&holidays.public, day))
    }

    /// Whether the rule (not the single dates) yields a session on `day`, exceptions aside.
    fn rule_on(&self, day: i32) -> bool {
        if self.from.is_some_and(|f| day < f) || self.until.is_some_and(|u| day > u) {
            return false;
        }
        if self.days.is_empty() {
            // Daily between the bounds; unbounded daily sessions need at least a start day.
            return self.dates.is_empty() && self.start.is_some() && self.from.is_some();
        }
        self.days.iter().any(|rule| rule.matches(day))
    }

    /// Every session from day `first` to day `last` (inclusive), sorted, exceptions removed.
    /// A permanent offer has none (see [`Recurrence::is_open_on`]).
    pub fn sessions(&self, holidays: &Holidays, first: i32, last: i32) -> Vec<Session> {
        let mut out = Vec::new();
        let lo = self.from.map_or(first, |f| f.max(first));
        let hi = self.until.map_or(last, |u| u.min(last));
        if !self.days.is_empty() || (self.dates.is_empty() && self.start.is_some()) {
            for day in lo..=hi {
                if self.rule_on(day) && !self.is_off(day, holidays) {
                    out.push(Session { day, start: self.start, end: self.end });
                }
            }
        }
        for date in &self.dates {
            if first <= date.day && date.day <= last && !self.is_off(date.day, holidays) {
                let start = date.start.or(self.start);
                let end = if date.start.is_some() { date.end } else { self.end };
                out.push(Session { day: date.day, start, end });
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// For a permanent offer: whether it is open on `day` (within its bounds).
    pub fn is_open_on(&self, day: i32) -> bool {
        self.is_permanent() && self.from.is_none_or(|f| day >= f) && self.until.is_none_or(|u| day <= u)
    }

    /// The first session still to come at `now` (day, minute): today's counts until it ends
    /// (or starts, when it has no end; all day when it has no time). Looks up to `horizon`.
    pub fn next(&self, holidays: &Holidays, now: (i32, u16), horizon: i32) -> Option<Session> {
        let (today, minute) = now;
        // Weeks at a time, so a rule that ended long ago costs little.
        let mut first = today;
        while first <= horizon {
            let last = (first + 62).min(horizon);
            let found = self.sessions(holidays, first, last).into_iter().find(|s| !s.is_over(today, minute));
            if found.is_some() {
                return found;
            }
            if self.until.is_some_and(|u| u <= last) && self.dates.iter().all(|d| d.day <= last) {
                return None;
            }
            first = last + 1;
        }
        None
    }

    /// The sessions still to come at `now` up to day `last`.
    pub fn upcoming(&self, holidays: &Holidays, now: (i32, u16), last: i32) -> Vec<Session> {
        let mut sessions = self.sessions(holidays, now.0, last);
        sessions.retain(|s| !s.is_over(now.0, now.1));
        sessions
    }
}

impl Session {
    /// Whether this session is over at `minute` of day `today`.
    pub fn is_over(&self, today: i32, minute: u16) -> bool {
        self.day < today || (self.day == today && self.end.or(self.start).is_some_and(|t| t <= minute))
    }

    /// The part of the day it starts in: morning (before 12h), afternoon (12h–18h), evening
    /// (from 18h); `None` without a time.
    pub fn part_of_day(&self) -> Option<PartOfDay> {
        self.start.map(PartOfDay::of)
    }
}

/// Morning, afternoon or evening.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
}

impl PartOfDay {
    /// The part of the day of a local time in minutes: < 12h, 12h–18h, ≥ 18h.
    pub fn of(minute: u16) -> PartOfDay {
        match minute {
            0..720 => PartOfDay::Morning,
            720..1080 => PartOfDay::Afternoon,
            _ => PartOfDay::Evening,
        }
    }
}

/// The last day of the windows a resident asks for, from day `today`: the day itself, the
/// coming Sunday (the weekend's and the week's end), the month's last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Windows {
    pub today: i32,
    /// Saturday of this weekend (today when today is Sunday).
    pub weekend_start: i32,
    pub sunday: i32,
    pub month_end: i32,
}

impl Windows {
    pub fn at(today: i32) -> Windows {
        let sunday = today + 6 - weekday(today) as i32;
        let (y, m, d) = civil_from_days(today);
        let month_end = today + (month_length(y, m) - d) as i32;
        Windows { today, weekend_start: (sunday - 1).max(today), sunday, month_end }
    }
}

/// The default horizon of the model: 18 months (548 days) after `today`.
pub const HORIZON_DAYS: i32 = 548;

/// How far back the generator keeps sessions (a year), so an ended offer still shows its last
/// dates and the calendars' expansions can be compared over the same period.
pub const PAST_DAYS: i32 = 366;

#[cfg(test)]
mod tests;
