//! An offer's sessions as iCalendar events: the rule as an `RRULE` (`FREQ=WEEKLY;BYDAY=TU`,
//! `FREQ=MONTHLY;BYDAY=2TU,-1FR`, `FREQ=DAILY`) from its first session with the times in the
//! site's zone (`TZID`), the days it skips (exceptions, holidays) as `EXDATE`, single dates as
//! `RDATE`. A calendar that expands them finds exactly the sessions the site lists: a
//! Tuesday-evening workshop is on its Tuesdays, 18:30–20:30, not all day from September to June.
//!
//! Sessions whose times differ from the rule's (a matinée among evening performances) become
//! events of their own (UID `<id>-2@…`), since an `RDATE` takes the main event's duration.

use crate::load::when::date_of;
use crate::model::time::{Holidays, Recurrence, Session, Timing};
use chrono::{Days, NaiveDate};
use chrono_tz::Tz;

/// One VEVENT's timing: its first session, the rule, the skipped and the added days.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Occurrences {
    pub first: Session,
    pub rrule: Option<String>,
    pub exdates: Vec<Session>,
    pub rdates: Vec<Session>,
}

/// The VEVENT timings of an offer over `window` (the days of the site's own list: the rule's
/// exceptions are known there): the rule's (with its exceptions and same-time dates), then
/// one per other time signature. Empty for a permanent offer.
pub fn occurrences(timing: &Timing, zone: Tz, window: (i32, i32)) -> Vec<Occurrences> {
    let sessions = &timing.sessions;
    if sessions.is_empty() {
        return Vec::new();
    }
    let rec = &timing.recurrence;
    let rule_only =
        Recurrence { dates: Vec::new(), except: Vec::new(), pauses: Default::default(), ..rec.clone() };
    // The rule's days before exceptions, over the same period as the site's list.
    let ruled = !rec.days.is_empty() || (rec.dates.is_empty() && rec.start.is_some());
    let plain = if ruled { rule_only.sessions(&Holidays::default(), window.0, window.1) } else { Vec::new() };
    let signature = |s: &Session| (s.start, s.end);
    let mut out = Vec::new();
    let mut rest: Vec<Session> = sessions.clone();
    if let Some(&first) = plain.first() {
        // A rule of one session (a one-off event) needs no RRULE.
        let single = plain.len() == 1 && rec.until.is_some_and(|u| u <= window.1);
        let main = Occurrences {
            first,
            rrule: (!single).then(|| rrule(rec, first, zone)),
            exdates: plain.iter().filter(|s| !sessions.contains(s)).copied().collect(),
            rdates: sessions
                .iter()
                .filter(|s| signature(s) == signature(&first) && !plain.contains(s))
                .copied()
                .collect(),
        };
        rest.retain(|s| !plain.contains(s) && !main.rdates.contains(s));
        out.push(main);
    }
    // The rest, grouped by time signature, in order of first appearance.
    while let Some(&first) = rest.first() {
        let (same, other): (Vec<Session>, Vec<Session>) =
            rest.iter().partition(|s| signature(s) == signature(&first));
        out.push(Occurrences { first, rrule: None, exdates: Vec::new(), rdates: same[1..].to_vec() });
        rest = other;
    }
    out
}

const BYDAY: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// The RRULE of a recurrence whose first session is `first`.
fn rrule(rec: &Recurrence, first: Session, zone: Tz) -> String {
    let mut rule = if rec.days.is_empty() {
        "FREQ=DAILY".to_owned()
    } else {
        let days: Vec<String> = rec
            .days
            .iter()
            .map(|d| match d.rank {
                0 => BYDAY[usize::from(d.weekday % 7)].to_owned(),
                r => format!("{r}{}", BYDAY[usize::from(d.weekday % 7)]),
            })
            .collect();
        // MONTHLY with an unranked day means every such day of the month: one rule for both.
        let freq = if rec.days.iter().all(|d| d.rank == 0) { "WEEKLY" } else { "MONTHLY" };
        format!("FREQ={freq};BYDAY={}", days.join(","))
    };
    if let Some(until) = rec.until {
        rule.push_str(";UNTIL=");
        rule.push_str(&match first.start {
            None => date_of(until).format("%Y%m%d").to_string(),
            // With a TZID start, UNTIL is in UTC: the end of the last day, local.
            Some(_) => until_utc(until, zone),
        });
    }
    rule
}

fn until_utc(day: i32, zone: Tz) -> String {
    use chrono::TimeZone;
    let local = date_of(day).and_hms_opt(23, 59, 59).unwrap_or_default();
    let instant = zone.from_local_datetime(&local).latest().map(|t| t.with_timezone(&chrono::Utc));
    instant.map_or_else(
        || local.format("%Y%m%dT%H%M%SZ").to_string(),
        |t| t.format("%Y%m%dT%H%M%SZ").to_string(),
    )
}

/// A session's DTSTART value and whether it is a DATE (all day).
pub fn start_value(session: &Session) -> (String, bool) {
    let day = date_of(session.day);
    match session.start {
        Some(minute) => (local(day, minute), false),
        None => (day.format("%Y%m%d").to_string(), true),
    }
}

/// Its DTEND value: the end time that day, the next day for an all-day session, none for a
/// session with a start and no end (it ends as it starts, RFC 5545 §3.6.1).
pub fn end_value(session: &Session) -> Option<String> {
    let day = date_of(session.day);
    match (session.start, session.end) {
        (None, _) => Some(day.checked_add_days(Days::new(1)).unwrap_or(day).format("%Y%m%d").to_string()),
        (Some(_), Some(end)) => Some(local(day, end)),
        (Some(_), None) => None,
    }
}

fn local(day: NaiveDate, minute: u16) -> String {
    format!("{}T{:02}{:02}00", day.format("%Y%m%d"), minute / 60, minute % 60)
}
