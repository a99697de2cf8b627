//! Time zones of a calendar: what a `TZID` names (an IANA zone, or the calendar's own
//! VTIMEZONE, as Outlook's "Romance Standard Time"), `Z` times, floating times; and the one
//! conversion the import needs, a wall-clock time there → the site's wall-clock time.

use super::value::date_time;
use chrono::{Duration, NaiveDateTime, TimeZone};
use icalendar::parser::Component;
use std::collections::BTreeMap;

/// How a date-time of the calendar is anchored.
#[derive(Debug, Clone, PartialEq)]
pub enum Zone {
    /// No zone: the same wall-clock time everywhere (read as the site's).
    Floating,
    Utc,
    Iana(chrono_tz::Tz),
    /// A VTIMEZONE: its changes of offset, sorted, each `(wall-clock onset, offset after it
    /// in seconds)`, and the offset before the first one.
    Rules {
        changes: Vec<(NaiveDateTime, i32)>,
        before: i32,
    },
}

/// The VTIMEZONEs a calendar defines, by TZID.
pub type Defined = BTreeMap<String, Zone>;

impl Zone {
    /// `wall` (a time in this zone) as a wall-clock time in `site`.
    pub fn to_site(&self, wall: NaiveDateTime, site: chrono_tz::Tz) -> NaiveDateTime {
        let utc = match self {
            Zone::Floating => return wall,
            Zone::Iana(tz) if *tz == site => return wall,
            Zone::Utc => wall,
            Zone::Iana(tz) => {
                // A time in the spring gap does not exist: read it an hour later, as clocks do.
                let local = tz.from_local_datetime(&wall).earliest();
                let local = local.or_else(|| tz.from_local_datetime(&(wall + Duration::hours(1))).earliest());
                local.map_or(wall, |t| t.naive_utc())
            }
            Zone::Rules { changes, before } => {
                let index = changes.partition_point(|(onset, _)| *onset <= wall);
                let offset = index.checked_sub(1).and_then(|i| changes.get(i)).map_or(*before, |c| c.1);
                wall - Duration::seconds(i64::from(offset))
            }
        };
        site.from_utc_datetime(&utc).naive_local()
    }
}

impl Zone {
    /// The wall-clock time in this zone of the instant `utc` (a UTC wall-clock time).
    pub fn wall_of_utc(&self, utc: NaiveDateTime) -> NaiveDateTime {
        match self {
            Zone::Floating | Zone::Utc => utc,
            Zone::Iana(tz) => tz.from_utc_datetime(&utc).naive_local(),
            Zone::Rules { changes, before } => {
                let offset = |t: NaiveDateTime| {
                    let index = changes.partition_point(|(onset, _)| *onset <= t);
                    index.checked_sub(1).and_then(|i| changes.get(i)).map_or(*before, |c| c.1)
                };
                utc + Duration::seconds(i64::from(offset(utc + Duration::seconds(i64::from(*before)))))
            }
        }
    }
}

/// What `tzid` names: a VTIMEZONE of the calendar, else an IANA zone (also at the end of a
/// longer path such as `/mozilla.org/20050126_1/Europe/Paris`).
pub fn resolve(tzid: &str, defined: &Defined) -> Option<Zone> {
    let tzid = tzid.trim().trim_matches('"');
    let iana = || {
        let parts: Vec<&str> = tzid.split('/').collect();
        (0..parts.len()).find_map(|i| parts[i..].join("/").parse::<chrono_tz::Tz>().ok()).map(Zone::Iana)
    };
    // An IANA name means that zone, whatever rules the file copied for it.
    iana().or_else(|| defined.get(tzid).cloned())
}

/// The VTIMEZONEs among `components`.
pub fn defined(components: &[&Component<'_>]) -> Defined {
    components
        .iter()
        .filter(|c| c.name.as_str().eq_ignore_ascii_case("VTIMEZONE"))
        .filter_map(|c| {
            let tzid = property(c, "TZID")?;
            Some((tzid.trim().to_owned(), rules(c)))
        })
        .collect()
}

fn property<'a>(c: &'a Component<'_>, name: &str) -> Option<&'a str> {
    c.properties.iter().find(|p| p.name.as_str().eq_ignore_ascii_case(name)).map(|p| p.val.as_str())
}

/// A VTIMEZONE's STANDARD and DAYLIGHT observances → its changes of offset up to 2200.
fn rules(zone: &Component<'_>) -> Zone {
    let mut changes = Vec::new();
    let mut first: Option<(NaiveDateTime, i32)> = None;
    for observance in &zone.components {
        let (Some(start), Some(to)) = (property(observance, "DTSTART"), property(observance, "TZOFFSETTO"))
        else {
            continue;
        };
        let (Some((start, _)), Some(to)) = (date_time(start), offset(to)) else { continue };
        let from = property(observance, "TZOFFSETFROM").and_then(offset).unwrap_or(to);
        if first.is_none_or(|(s, _)| start < s) {
            first = Some((start, from));
        }
        changes.push((start, to));
        for p in observance.properties.iter().filter(|p| p.name.as_str().eq_ignore_ascii_case("RDATE")) {
            changes.extend(p.val.as_str().split(',').filter_map(date_time).map(|(t, _)| (t, to)));
        }
        if let Some(rule) = property(observance, "RRULE") {
            changes.extend(onsets(rule, start).into_iter().map(|t| (t, to)));
        }
    }
    changes.sort();
    changes.dedup();
    Zone::Rules { changes, before: first.map_or(0, |f| f.1) }
}

/// The onsets of a yearly observance rule, as wall-clock times, up to 2200.
fn onsets(rule: &str, start: NaiveDateTime) -> Vec<NaiveDateTime> {
    let Ok(rule) = rule.parse::<rrule::RRule<rrule::Unvalidated>>() else { return Vec::new() };
    let start = rrule::Tz::UTC.from_utc_datetime(&start);
    let Some(end) = chrono::NaiveDate::from_ymd_opt(2200, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0)) else {
        return Vec::new();
    };
    match rule.build(start) {
        Ok(set) => set.before(rrule::Tz::UTC.from_utc_datetime(&end)).all(1000).dates,
        Err(_) => Vec::new(),
    }
    .into_iter()
    .map(|t| t.naive_utc())
    .collect()
}

/// `+0200`, `-0500`, `+053000` → seconds east of UTC.
fn offset(text: &str) -> Option<i32> {
    let text = text.trim();
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| digits.get(r).and_then(|s| s.parse::<i32>().ok());
    let seconds = if digits.len() == 6 { n(4..6)? } else { 0 };
    Some(sign * (n(0..2)? * 3600 + n(2..4)? * 60 + seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        date_time(text).map(|(t, _)| t).unwrap_or_default()
    }

    // Outlook's Windows zone, defined by its VTIMEZONE, converts like Europe/Paris.
    #[test]
    fn a_calendar_zone_converts_with_its_own_rules() {
        let text = "BEGIN:VTIMEZONE\nTZID:Romance Standard Time\nBEGIN:STANDARD\nDTSTART:16010101T030000\n\
            TZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\nEND:STANDARD\n\
            BEGIN:DAYLIGHT\nDTSTART:16010101T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\n\
            RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\nEND:DAYLIGHT\nEND:VTIMEZONE\n";
        let components = icalendar::parser::read_calendar_simple(text).unwrap_or_default();
        let defined = defined(&components.iter().collect::<Vec<_>>());
        let zone = resolve("Romance Standard Time", &defined);
        let brussels = chrono_tz::Europe::Brussels;
        let zone = zone.unwrap_or(Zone::Utc);
        assert_eq!(zone.to_site(at("20261006T180000"), brussels), at("20261006T180000"));
        assert_eq!(zone.to_site(at("20261215T180000"), brussels), at("20261215T180000"));
        let new_york = resolve("America/New_York", &defined).unwrap_or(Zone::Utc);
        assert_eq!(new_york.to_site(at("20261006T120000"), brussels), at("20261006T180000"));
        assert_eq!(Zone::Utc.to_site(at("20260106T170000"), brussels), at("20260106T180000"));
        assert_eq!(
            resolve("/mozilla.org/20050126_1/Europe/Paris", &defined),
            Some(Zone::Iana(chrono_tz::Europe::Paris))
        );
    }
}
