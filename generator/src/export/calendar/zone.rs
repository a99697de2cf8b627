//! The `VTIMEZONE` of the site's zone, from the IANA database (chrono-tz): one `STANDARD` or
//! `DAYLIGHT` sub-component per change of offset over the years the calendar covers, each
//! with its onset in the local time before it (RFC 5545 §3.6.5). Explicit onsets rather than a
//! guessed RRULE: right for any zone, including one whose rules changed.

use chrono::{DateTime, Duration, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::{OffsetName, Tz};
use ics::properties::TzName;
use ics::{Daylight, Standard, TimeZone as VTimeZone};

/// One change of offset: the instant, the offsets before and after (seconds east of UTC),
/// the name after, and whether it starts summer time.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub at: DateTime<Utc>,
    pub from: i32,
    pub to: i32,
    pub name: Option<String>,
    pub daylight: bool,
}

fn offset_at(zone: Tz, at: DateTime<Utc>) -> i32 {
    zone.offset_from_utc_datetime(&at.naive_utc()).fix().local_minus_utc()
}

/// The changes of offset from 1 January of `first` to 31 December of `last`, found day by day
/// then narrowed to the minute (zones change on the hour or half-hour).
pub fn changes(zone: Tz, first: i32, last: i32) -> Vec<Change> {
    let Some(start) = NaiveDate::from_ymd_opt(first, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0)) else {
        return Vec::new();
    };
    let Some(end) = NaiveDate::from_ymd_opt(last, 12, 31).and_then(|d| d.and_hms_opt(23, 0, 0)) else {
        return Vec::new();
    };
    let (mut at, end) = (start.and_utc(), end.and_utc());
    let mut out = Vec::new();
    let mut before = offset_at(zone, at);
    while at < end {
        let next = at + Duration::hours(6);
        let after = offset_at(zone, next);
        if after != before {
            // Narrow (at, next] to the first minute with the new offset, in whole minutes.
            let (mut lo, mut hi) = (0_i64, 360_i64);
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                if offset_at(zone, at + Duration::minutes(mid)) == before {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let hi = at + Duration::minutes(hi);
            let standard = offset_at(zone, hi.january()).min(offset_at(zone, hi.july()));
            let offset = zone.offset_from_utc_datetime(&hi.naive_utc());
            out.push(Change {
                at: hi,
                from: before,
                to: after,
                name: offset.abbreviation().map(str::to_owned),
                daylight: after > standard,
            });
            before = after;
        }
        at = next;
    }
    out
}

/// Mid-January and mid-July of an instant's year: one of the two is standard time.
trait Season {
    fn january(self) -> Self;
    fn july(self) -> Self;
}

impl Season for DateTime<Utc> {
    fn january(self) -> Self {
        mid_month(self, 1)
    }
    fn july(self) -> Self {
        mid_month(self, 7)
    }
}

fn mid_month(at: DateTime<Utc>, month: u32) -> DateTime<Utc> {
    use chrono::Datelike;
    NaiveDate::from_ymd_opt(at.year(), month, 15)
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .map_or(at, |d| d.and_utc())
}

/// `+0100`, `-0330`.
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.abs() / 60;
    format!("{sign}{:02}{:02}", minutes / 60, minutes % 60)
}

/// The VTIMEZONE text for `zone` over the years `first..=last` (CRLF, folded).
pub fn vtimezone(zone: Tz, first: i32, last: i32) -> String {
    let changes = changes(zone, first, last);
    let name = zone.name();
    let Some(first_change) = changes.first() else {
        // No change in those years: one STANDARD with the zone's offset then.
        let noon =
            NaiveDate::from_ymd_opt(first, 1, 15).and_then(|d| d.and_hms_opt(12, 0, 0)).unwrap_or_default();
        let offset = zone.offset_from_utc_datetime(&noon);
        let seconds = utc_offset(offset.fix().local_minus_utc());
        let mut standard = Standard::new("19700101T000000", seconds.clone(), seconds);
        if let Some(abbr) = offset.abbreviation() {
            standard.push(TzName::new(abbr.to_owned()));
        }
        return VTimeZone::standard(name, standard).to_string();
    };
    let mut tz: Option<VTimeZone> = None;
    for change in std::iter::once(first_change).chain(&changes[1..]) {
        let onset = (change.at + Duration::seconds(i64::from(change.from))).naive_utc();
        let dtstart = onset.format("%Y%m%dT%H%M%S").to_string();
        let (from, to) = (utc_offset(change.from), utc_offset(change.to));
        let name_prop = change.name.clone().map(TzName::new);
        if change.daylight {
            let mut d = Daylight::new(dtstart, from, to);
            if let Some(p) = name_prop {
                d.push(p);
            }
            match &mut tz {
                Some(t) => t.add_daylight(d),
                None => tz = Some(VTimeZone::daylight(name, d)),
            }
        } else {
            let mut s = Standard::new(dtstart, from, to);
            if let Some(p) = name_prop {
                s.push(p);
            }
            match &mut tz {
                Some(t) => t.add_standard(s),
                None => tz = Some(VTimeZone::standard(name, s)),
            }
        }
    }
    tz.map(|t| t.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Brussels changes on the last Sundays of March and October, at 01:00 UTC; the VTIMEZONE
    // gives each onset in the local time before it.
    #[test]
    fn brussels_changes() {
        let zone = chrono_tz::Europe::Brussels;
        let got: Vec<(String, i32, i32, bool)> = changes(zone, 2027, 2027)
            .iter()
            .map(|c| (c.at.format("%Y-%m-%dT%H:%MZ").to_string(), c.from, c.to, c.daylight))
            .collect();
        assert_eq!(
            got,
            [("2027-03-28T01:00Z".into(), 3600, 7200, true), ("2027-10-31T01:00Z".into(), 7200, 3600, false)]
        );
        let text = vtimezone(zone, 2027, 2027);
        let lines: Vec<&str> = text.split("\r\n").collect();
        for expected in [
            "BEGIN:VTIMEZONE",
            "TZID:Europe/Brussels",
            "BEGIN:DAYLIGHT",
            "DTSTART:20270328T020000",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0200",
            "TZNAME:CEST",
            "BEGIN:STANDARD",
            "DTSTART:20271031T030000",
        ] {
            assert!(lines.contains(&expected), "{expected} in {text}");
        }
        let utc = vtimezone(chrono_tz::UTC, 2027, 2027);
        assert!(utc.contains("TZOFFSETTO:+0000"), "{utc}");
    }
}
