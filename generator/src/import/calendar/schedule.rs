//! An event (with its moved or cancelled instances) → the offer's time columns of DESIGN.md
//! "Time": `days` (ranks from BYDAY), `start_time`, `end_time`, `dates` (single events,
//! RDATE), `except` (EXDATE), `starts_on` / `ends_on` (DTSTART, UNTIL or COUNT's last
//! session), every time in the site's zone.
//!
//! The calendar's own sessions are expanded by the `rrule` crate; the rule Passerelle writes
//! is then expanded by Passerelle's expander (`passerelle_index::time`) over the same span
//! and must give exactly the same sessions, else the event is refused (or, when the calendar
//! bounds it, imported as its list of dates, with a warning): never a silently wrong
//! schedule.

use super::event::{Event, Problem, When};
use super::value::Kind;
use crate::model::time::day_number;
use chrono::{Datelike, Duration, NaiveDateTime, TimeZone, Timelike};
use passerelle_index::time::{DayRule, Holidays, Recurrence, Session};
use rrule::{Frequency, NWeekday, RRule, Unvalidated};
use std::collections::BTreeSet;

/// An unbounded rule is compared over its first three years (every season, every month).
const WINDOW_DAYS: i64 = 3 * 366;
/// At most this many sessions are expanded for one event.
const MAX_SESSIONS: u16 = 4000;
/// A rule Passerelle cannot say is imported as its dates up to this many sessions.
const MAX_DATES: usize = 120;

/// The time columns of one offer, as `data/offers.csv` writes them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timing {
    pub days: String,
    pub start_time: String,
    pub end_time: String,
    pub dates: String,
    pub except: String,
    pub starts_on: String,
    pub ends_on: String,
}

/// A timing, and a warning about what it could not keep.
#[derive(Debug)]
pub struct Outcome {
    pub timing: Timing,
    pub warning: Option<Problem>,
}

/// The timing of `event` in the site's zone `site`; `overrides` are its instances moved or
/// cancelled (same UID, with a RECURRENCE-ID).
pub fn timing(event: &Event, overrides: &[&Event], site: chrono_tz::Tz) -> Result<Outcome, Problem> {
    let start = event.start.as_ref().ok_or_else(|| {
        let hint = Some("every event needs its start: DTSTART:20261006T180000");
        Problem { at: (event.line, 1), message: "event without DTSTART".into(), hint: hint.map(Into::into) }
    })?;
    let length = length(event, start, site)?;
    let first = local(start, site);
    if event.rrule.is_none() && event.rdates.is_empty() && overrides.is_empty() {
        if let Some(timing) = spanning(first, length, start.kind) {
            return Ok(Outcome { timing, warning: None });
        }
    }
    let plan = Plan { site, length, all_day: start.kind == Kind::Date };
    let (walls, rule) = match &event.rrule {
        Some(text) => {
            let (walls, rule) =
                expand(text, start, first).map_err(|m| event.problem("RRULE", m, Some(RULE_HINT)))?;
            (walls, Some(rule))
        }
        None => (vec![start.at], None),
    };
    let expected = plan.expected(event, overrides, &walls);
    let Some(last) = expected.last().map(|s| s.day) else {
        let message = "every session of this event is excluded (EXDATE or cancelled)".to_owned();
        return Err(event.problem("EXDATE", message, None));
    };
    let crossing = plan.crosses(first).then(|| {
        let message = "the event ends after midnight: its end time is left out".to_owned();
        event.problem("DTEND", message, Some("Passerelle's sessions end on the day they start"))
    });
    let from = day_number(first.date());
    let bounded = rule.as_ref().is_none_or(|r| r.get_count().is_some() || r.get_until().is_some());
    let horizon = if bounded { last } else { last.max(from + WINDOW_DAYS as i32) };
    let shape = rule.as_ref().map(|r| days(r, start.at, first));
    let found = match shape {
        None => Ok(dated(&expected, from, last)),
        Some(Ok(days)) => {
            let head = expected.first().copied().unwrap_or_default();
            let until = bounded.then_some(last);
            let r = composed(days, head, from, until, horizon, &expected);
            if sessions(&r, from, horizon) == expected {
                Ok(r)
            } else {
                Err(format!(
                    "its sessions in the site's time zone ({}) do not keep one weekday and one time",
                    site.name()
                ))
            }
        }
        Some(Err(reason)) => Err(reason),
    };
    match found {
        Ok(r) => Ok(Outcome { timing: write(&r), warning: crossing }),
        Err(reason) if bounded && expected.len() <= MAX_DATES => {
            let message = format!("{reason}: its {} sessions are imported as single dates", expected.len());
            let warning = event.problem("RRULE", message, Some(RULE_HINT));
            Ok(Outcome { timing: write(&dated(&expected, from, last)), warning: Some(warning) })
        }
        Err(reason) => {
            let message = format!("Passerelle cannot express this recurrence: {reason}");
            Err(event.problem("RRULE", message, Some(RULE_HINT)))
        }
    }
}

const RULE_HINT: &str = "Passerelle repeats on weekdays every week (FREQ=DAILY or WEEKLY, \
     BYDAY=TU,TH) or on ranked weekdays of every month (FREQ=MONTHLY;BYDAY=2TU,-1FR); split \
     the event, bound it (COUNT or UNTIL) to import its dates, or write its `dates` by hand";

/// What every session of the event shares.
struct Plan {
    site: chrono_tz::Tz,
    length: Duration,
    all_day: bool,
}

impl Plan {
    /// The session starting at `local` (the site's wall-clock time) lasting `length`.
    fn session(&self, local: NaiveDateTime, length: Duration) -> Session {
        let day = day_number(local.date());
        if self.all_day {
            return Session { day, start: None, end: None };
        }
        let minute = |t: NaiveDateTime| (t.hour() * 60 + t.minute()) as u16;
        let end = local + length;
        let end = (length > Duration::zero() && end.date() == local.date()).then(|| minute(end));
        Session { day, start: Some(minute(local)), end }
    }

    fn crosses(&self, local: NaiveDateTime) -> bool {
        !self.all_day && (local + self.length).date() != local.date() && self.length > Duration::zero()
    }

    /// The calendar's sessions: the rule's `walls` (wall-clock times in DTSTART's zone) and
    /// the RDATEs, less the EXDATEs, with the moved and cancelled instances applied.
    fn expected(&self, event: &Event, overrides: &[&Event], walls: &[NaiveDateTime]) -> Vec<Session> {
        let Some(start) = &event.start else { return Vec::new() };
        let mut starts: Vec<(NaiveDateTime, Duration)> = walls
            .iter()
            .map(|w| (local(&When { at: *w, ..start.clone() }, self.site), self.length))
            .collect();
        for (rdate, end) in &event.rdates {
            let at = local(rdate, self.site);
            starts.push((at, end.as_ref().map_or(self.length, |e| local(e, self.site) - at)));
        }
        let removed: Vec<&When> =
            event.exdates.iter().chain(overrides.iter().filter_map(|o| o.recurrence_id.as_ref())).collect();
        starts.retain(|(at, _)| !removed.iter().any(|x| self.same(x, *at)));
        for o in overrides.iter().filter(|o| o.status != "CANCELLED") {
            if let Some(moved) = &o.start {
                let at = local(moved, self.site);
                starts.push((at, length(o, moved, self.site).unwrap_or(self.length)));
            }
        }
        let mut out: Vec<Session> = starts.into_iter().map(|(at, l)| self.session(at, l)).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether `x` (an EXDATE, a RECURRENCE-ID) names the session starting at `at`.
    fn same(&self, x: &When, at: NaiveDateTime) -> bool {
        let y = local(x, self.site);
        if x.kind == Kind::Date || self.all_day {
            y.date() == at.date()
        } else {
            y == at
        }
    }
}

/// `when` as the site's wall-clock time (a date stays that date).
fn local(when: &When, site: chrono_tz::Tz) -> NaiveDateTime {
    if when.kind == Kind::Date {
        when.at
    } else {
        when.zone.to_site(when.at, site)
    }
}

/// How long each session lasts: DTEND − DTSTART, else DURATION, else a day (a date) or nothing.
fn length(event: &Event, start: &When, site: chrono_tz::Tz) -> Result<Duration, Problem> {
    let length = match (&event.end, event.duration) {
        (Some(end), _) => local(end, site) - local(start, site),
        (None, Some(duration)) => duration,
        (None, None) if start.kind == Kind::Date => Duration::days(1),
        (None, None) => Duration::zero(),
    };
    if length < Duration::zero() {
        let message = "the event ends before it starts (DTEND before DTSTART)".to_owned();
        return Err(event.problem("DTEND", message, None));
    }
    Ok(length)
}

/// A single event over several days (an exhibition, a festival): open from its first to its
/// last day, as `starts_on` / `ends_on`.
fn spanning(first: NaiveDateTime, length: Duration, kind: Kind) -> Option<Timing> {
    let last = if kind == Kind::Date { first + length - Duration::days(1) } else { first + length };
    let long = if kind == Kind::Date { length > Duration::days(1) } else { length >= Duration::days(1) };
    long.then(|| Timing {
        starts_on: first.date().to_string(),
        ends_on: last.date().to_string(),
        ..Timing::default()
    })
}

/// The wall-clock starts of the rule `text` from `start`: every one when the rule is bounded,
/// else those of its first [`WINDOW_DAYS`].
fn expand(
    text: &str,
    start: &When,
    first: NaiveDateTime,
) -> Result<(Vec<NaiveDateTime>, RRule<Unvalidated>), String> {
    let mut parts: Vec<String> = Vec::new();
    let mut until = None;
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        match part.split_once('=') {
            Some((key, value)) if key.trim().eq_ignore_ascii_case("UNTIL") => {
                let (at, kind) =
                    super::value::date_time(value).ok_or_else(|| format!("invalid UNTIL \"{value}\""))?;
                // UNTIL is UTC when DTSTART has a zone: back to DTSTART's wall clock. A date
                // is its midnight, as python-dateutil and rrule read it.
                until = Some(if kind == Kind::Utc { start.zone.wall_of_utc(at) } else { at });
            }
            _ => parts.push(part.to_owned()),
        }
    }
    let rule: RRule<Unvalidated> = parts.join(";").parse().map_err(|e| format!("invalid RRULE: {e}"))?;
    let utc = |t: NaiveDateTime| rrule::Tz::UTC.from_utc_datetime(&t);
    let rule = match until {
        Some(u) => rule.until(utc(u)),
        None => rule,
    };
    let bounded = rule.get_count().is_some() || rule.get_until().is_some();
    let mut set = rule.clone().build(utc(start.at)).map_err(|e| format!("invalid RRULE: {e}"))?;
    if !bounded {
        set = set.before(utc(start.at + Duration::days(WINDOW_DAYS) + (start.at - first).abs()));
    }
    let found = set.all(MAX_SESSIONS);
    if found.limited && bounded {
        return Err(format!("more than {MAX_SESSIONS} sessions"));
    }
    let mut walls: Vec<NaiveDateTime> = found.dates.iter().map(|d| d.naive_utc()).collect();
    // RFC 5545: DTSTART is the first instance, even when the rule would not give it.
    if !walls.contains(&start.at) {
        walls.insert(0, start.at);
    }
    Ok((walls, rule))
}

/// The weekdays of `rule` in the site's wall clock (shifted when the change of zone moves
/// DTSTART to another day); `Err` says what Passerelle's days cannot repeat like.
fn days(
    rule: &RRule<Unvalidated>,
    wall: NaiveDateTime,
    local: NaiveDateTime,
) -> Result<Vec<DayRule>, String> {
    let unsupported = [
        ("BYSETPOS", !rule.get_by_set_pos().is_empty()),
        ("BYMONTH", !rule.get_by_month().is_empty()),
        ("BYMONTHDAY", !rule.get_by_month_day().is_empty()),
        ("BYYEARDAY", !rule.get_by_year_day().is_empty()),
        ("BYWEEKNO", !rule.get_by_week_no().is_empty()),
        ("BYHOUR", rule.get_by_hour().len() > 1),
        ("BYMINUTE", rule.get_by_minute().len() > 1),
        ("BYSECOND", rule.get_by_second().len() > 1),
    ];
    if let Some((part, _)) = unsupported.iter().find(|(_, used)| *used) {
        return Err(format!("{part} has no equivalent in `days`"));
    }
    let freq = rule.get_freq();
    if rule.get_interval() > 1 {
        return Err(format!(
            "FREQ={freq};INTERVAL={} (every {} {})",
            rule.get_interval(),
            rule.get_interval(),
            unit(freq)
        ));
    }
    let shift = (local.date() - wall.date()).num_days() as i32;
    let day = |w: chrono::Weekday| ((w.num_days_from_monday() as i32 + shift).rem_euclid(7)) as u8;
    let by_day = rule.get_by_weekday();
    let all = || (0..7).map(|weekday| DayRule { weekday, rank: 0 }).collect();
    let every = |ranked_ok: bool| -> Result<Vec<DayRule>, String> {
        by_day
            .iter()
            .map(|d| match *d {
                NWeekday::Every(w) => Ok(DayRule { weekday: day(w), rank: 0 }),
                NWeekday::Nth(n, w) if ranked_ok && n != 0 && (-5..=5).contains(&n) => {
                    Ok(DayRule { weekday: day(w), rank: n as i8 })
                }
                NWeekday::Nth(n, _) => Err(format!("BYDAY rank {n} with FREQ={freq}")),
            })
            .collect()
    };
    match freq {
        Frequency::Daily if by_day.is_empty() => Ok(all()),
        Frequency::Weekly if by_day.is_empty() => Ok(vec![DayRule { weekday: day(wall.weekday()), rank: 0 }]),
        Frequency::Daily | Frequency::Weekly => every(false),
        Frequency::Monthly if by_day.is_empty() => Err("FREQ=MONTHLY on a day of the month".into()),
        Frequency::Monthly => every(true),
        other => Err(format!("FREQ={other}")),
    }
}

fn unit(freq: Frequency) -> &'static str {
    match freq {
        Frequency::Yearly => "years",
        Frequency::Monthly => "months",
        Frequency::Weekly => "weeks",
        Frequency::Daily => "days",
        _ => "times",
    }
}

/// The rule's weekdays and first session's times, bounded, with the calendar's extra
/// sessions as `dates` and its missing ones as `except`.
fn composed(
    days: Vec<DayRule>,
    head: Session,
    from: i32,
    until: Option<i32>,
    horizon: i32,
    expected: &[Session],
) -> Recurrence {
    let mut r = Recurrence {
        days,
        start: head.start,
        end: head.end,
        from: Some(from),
        until,
        ..Recurrence::default()
    };
    let produced = sessions(&r, from, horizon);
    let wanted: BTreeSet<&Session> = expected.iter().collect();
    let made: BTreeSet<&Session> = produced.iter().collect();
    r.dates = wanted.difference(&made).map(|s| **s).collect();
    let off: BTreeSet<i32> = made.difference(&wanted).map(|s| s.day).collect();
    r.except = off.into_iter().map(|d| (d, d)).collect();
    r
}

/// Only single sessions.
fn dated(expected: &[Session], from: i32, last: i32) -> Recurrence {
    Recurrence { dates: expected.to_vec(), from: Some(from), until: Some(last), ..Recurrence::default() }
}

fn sessions(r: &Recurrence, from: i32, last: i32) -> Vec<Session> {
    r.sessions(&Holidays::default(), from, last)
}

/// The cells of `r`, as a coordinator would write them.
pub fn write(r: &Recurrence) -> Timing {
    let join = |items: Vec<String>| items.join("|");
    let mut except: Vec<(i32, i32)> = Vec::new();
    for &(a, b) in &r.except {
        match except.last_mut() {
            Some(last) if last.1 + 1 >= a => last.1 = last.1.max(b),
            _ => except.push((a, b)),
        }
    }
    Timing {
        days: join(r.days.iter().map(day).collect()),
        start_time: r.start.map(time).unwrap_or_default(),
        end_time: r.end.map(time).unwrap_or_default(),
        dates: join(r.dates.iter().map(|s| session(*s)).collect()),
        except: join(
            except
                .iter()
                .map(|&(a, b)| if a == b { date(a) } else { format!("{}..{}", date(a), date(b)) })
                .collect(),
        ),
        starts_on: r.from.map(date).unwrap_or_default(),
        ends_on: r.until.map(date).unwrap_or_default(),
    }
}

const CODES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn day(rule: &DayRule) -> String {
    let code = CODES.get(usize::from(rule.weekday)).copied().unwrap_or("mon");
    if rule.rank == 0 {
        code.to_owned()
    } else {
        format!("{}{code}", rule.rank)
    }
}

fn time(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

fn date(day: i32) -> String {
    let (y, m, d) = passerelle_index::civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

fn session(s: Session) -> String {
    match (s.start, s.end) {
        (Some(a), Some(b)) => format!("{} {}-{}", date(s.day), time(a), time(b)),
        (Some(a), None) => format!("{} {}", date(s.day), time(a)),
        _ => date(s.day),
    }
}
