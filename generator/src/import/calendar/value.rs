//! Property values of a calendar (RFC 5545 §3.3): dates, date-times, durations, escaped text
//! and comma lists.

use chrono::{Duration, NaiveDate, NaiveDateTime};

/// What a date or date-time value says about its zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `20261006`: a whole day.
    Date,
    /// `20261006T180000`: local to its TZID, or floating.
    Local,
    /// `20261006T160000Z`.
    Utc,
}

/// `20261006`, `20261006T180000`, `20261006T160000Z` (seconds may be omitted by sloppy
/// exporters: `20261006T1800`).
pub fn date_time(text: &str) -> Option<(NaiveDateTime, Kind)> {
    let text = text.trim();
    let (body, utc) = match text.strip_suffix(['Z', 'z']) {
        Some(body) => (body, true),
        None => (text, false),
    };
    let (day, time) = match body.split_once(['T', 't']) {
        Some((day, time)) => (day, Some(time)),
        None => (body, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if day.len() != 8 || !digits(day) {
        return None;
    }
    let n = |s: &str, r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
    let date = NaiveDate::from_ymd_opt(i32::try_from(n(day, 0..4)?).ok()?, n(day, 4..6)?, n(day, 6..8)?)?;
    let Some(time) = time else { return Some((date.and_hms_opt(0, 0, 0)?, Kind::Date)) };
    if !(time.len() == 4 || time.len() == 6) || !digits(time) {
        return None;
    }
    let seconds = if time.len() == 6 { n(time, 4..6)?.min(59) } else { 0 };
    let at = date.and_hms_opt(n(time, 0..2)?, n(time, 2..4)?, seconds)?;
    Some((at, if utc { Kind::Utc } else { Kind::Local }))
}

/// `P1D`, `PT1H30M`, `P1W`, `-PT15M` → a duration.
pub fn duration(text: &str) -> Option<Duration> {
    let text = text.trim().to_ascii_uppercase();
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text.strip_prefix('+').unwrap_or(&text)),
    };
    let rest = rest.strip_prefix('P')?;
    let (mut total, mut number, mut in_time, mut any) = (0i64, String::new(), false, false);
    for c in rest.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match (c, in_time) {
            ('T', false) => {
                in_time = true;
                continue;
            }
            ('W', false) => 7 * 86_400,
            ('D', false) => 86_400,
            ('H', true) => 3_600,
            ('M', true) => 60,
            ('S', true) => 1,
            _ => return None,
        };
        let value: i64 = number.parse().ok()?;
        total = total.checked_add(value.checked_mul(unit)?)?;
        number.clear();
        any = true;
    }
    (any && number.is_empty()).then(|| Duration::try_seconds(sign * total)).flatten()
}

/// A TEXT value unescaped: `\n` → a new line, `\,` `\;` `\\` → the character.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// The items of a comma list (`CATEGORIES:Musique,Jeune public`, `EXDATE:a,b`), escaped
/// commas kept inside an item, each unescaped and trimmed, empty ones dropped.
pub fn list(value: &str) -> Vec<String> {
    let (mut items, mut current, mut escaped) = (Vec::new(), String::new(), false);
    for c in value.chars() {
        match c {
            ',' if !escaped => items.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
        escaped = c == '\\' && !escaped;
    }
    items.push(current);
    items.iter().map(|i| text(i).trim().to_owned()).filter(|i| !i.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Each value form real exports use.
    #[test]
    fn values() {
        assert_eq!(date_time("20261006").map(|v| v.1), Some(Kind::Date));
        assert_eq!(date_time("20261006T160000Z").map(|v| v.1), Some(Kind::Utc));
        assert_eq!(date_time("20261006T1600").map(|v| v.0.to_string()), Some("2026-10-06 16:00:00".into()));
        assert_eq!(date_time("20261306T160000"), None);
        assert_eq!(date_time("2026-10-06"), None);
        assert_eq!(duration("PT1H30M").map(|d| d.num_minutes()), Some(90));
        assert_eq!(duration("P1DT2H").map(|d| d.num_hours()), Some(26));
        assert_eq!(duration("-PT15M").map(|d| d.num_minutes()), Some(-15));
        assert_eq!(duration("PT"), None);
        assert_eq!(duration("P99999999999999999W"), None);
        assert_eq!(text(r"Lecture\, slam\nà 18h\;"), "Lecture, slam\nà 18h;");
        assert_eq!(list(r"Musique,Jeune public\, famille,"), ["Musique", "Jeune public, famille"]);
    }
}
