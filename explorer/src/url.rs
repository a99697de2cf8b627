//! The filter state in the URL query string, so that a filtered view is a link to share and
//! Back/Forward walk through filters.
//!
//! `?q=theatre&district=bressoux,droixhe&audience=youth&discipline=music&access=wheelchair&venue=hall`
//! `&free=1&age=12&when=week&day=wed,sat&time=afternoon&page=2`; `when` is `today`, `weekend`,
//! `week`, `month`, or `range&from=2026-12-01&to=2026-12-31`.
//! Keys always come in that order and empty facets are left out, so one state has one URL.

use crate::filter::{Codes, Query, When};
use passerelle_index::{iso_day, parse_iso_day};

/// The query string for `query`, without the leading `?` (empty for no filter).
pub fn to_query_string(query: &Query) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut put = |key: &str, value: &str| parts.push([key, "=", &encode(value)].concat());
    if !query.text.trim().is_empty() {
        put("q", query.text.trim());
    }
    let list = |set: &Codes| set.iter().map(String::as_str).collect::<Vec<_>>().join(",");
    for (key, set) in [
        ("district", &query.districts),
        ("audience", &query.audiences),
        ("discipline", &query.disciplines),
        ("access", &query.accessibility),
        ("venue", &query.venues),
    ] {
        if !set.is_empty() {
            put(key, &list(set));
        }
    }
    if query.free {
        put("free", "1");
    }
    if let Some(age) = query.age {
        put("age", &age.to_string());
    }
    match query.when {
        When::Any => {}
        When::Today => put("when", "today"),
        When::Weekend => put("when", "weekend"),
        When::Week => put("when", "week"),
        When::Month => put("when", "month"),
        When::Range { from, to } => {
            put("when", "range");
            if let Some(from) = from {
                put("from", &iso_day(from));
            }
            if let Some(to) = to {
                put("to", &iso_day(to));
            }
        }
    }
    if query.weekdays != 0 {
        put("day", &names(query.weekdays, &DAYS));
    }
    if query.parts != 0 {
        put("time", &names(query.parts, &PARTS));
    }
    if query.page > 0 {
        put("page", &(query.page + 1).to_string());
    }
    parts.join("&")
}

/// The `day` values, bit 0 first.
const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/// The `time` values, bit 0 first.
const PARTS: [&str; 3] = ["morning", "afternoon", "evening"];

/// `wed,sat` for the bits of `mask`.
fn names(mask: u8, all: &[&str]) -> String {
    all.iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, n)| *n)
        .collect::<Vec<_>>()
        .join(",")
}

/// The bits of `wed,sat`; unknown names are ignored.
fn mask_of(value: &str, all: &[&str]) -> u8 {
    value.split(',').filter_map(|v| all.iter().position(|n| *n == v.trim())).fold(0, |m, i| m | (1 << i))
}

/// The filter state of a query string (with or without its `?`). Unknown keys and malformed
/// values are ignored: a hand-edited link still opens.
pub fn from_query_string(text: &str) -> Query {
    let mut query = Query::default();
    let (mut when, mut from, mut to) = (None, None, None);
    for pair in text.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value);
        let set =
            || value.split(',').map(str::trim).filter(|v| !v.is_empty()).map(String::from).collect::<Codes>();
        match key {
            "q" => query.text = value.trim().to_owned(),
            "district" => query.districts = set(),
            "audience" => query.audiences = set(),
            "discipline" => query.disciplines = set(),
            "access" => query.accessibility = set(),
            "venue" => query.venues = set(),
            "free" => query.free = value == "1" || value == "true",
            "age" => query.age = value.trim().parse().ok(),
            "when" => when = Some(value),
            "day" => query.weekdays = mask_of(&value, &DAYS),
            "time" => query.parts = mask_of(&value, &PARTS),
            "from" => from = parse_iso_day(value.trim()),
            "to" => to = parse_iso_day(value.trim()),
            "page" => query.page = value.trim().parse::<usize>().map_or(0, |p| p.saturating_sub(1)),
            _ => {}
        }
    }
    query.when = match when.as_deref() {
        Some("today") => When::Today,
        Some("weekend") => When::Weekend,
        Some("week") => When::Week,
        Some("month") => When::Month,
        Some("range") | None if from.is_some() || to.is_some() => When::Range { from, to },
        _ => When::Any,
    };
    query
}

/// Percent-encodes everything but RFC 3986's unreserved characters and `,`.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => {
                out.push(byte as char)
            }
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(HEX[usize::from(byte >> 4)] as char);
                out.push(HEX[usize::from(byte & 15)] as char);
            }
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` (as a space); invalid escapes are kept as written.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi * 16 + lo);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(digit: u8) -> Option<u8> {
    (digit as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> Query {
        Query {
            text: "théâtre & slam".into(),
            districts: ["droixhe".into(), "bressoux".into()].into(),
            audiences: ["youth".into()].into(),
            disciplines: ["music".into(), "dance".into()].into(),
            accessibility: ["wheelchair".into()].into(),
            venues: ["salle-des-fetes".into()].into(),
            free: true,
            age: Some(12),
            when: When::Range { from: parse_iso_day("2026-12-01"), to: parse_iso_day("2026-12-31") },
            weekdays: 0b0100100,
            parts: 0b010,
            page: 2,
        }
    }

    // Every state survives the round trip, and its URL has one stable spelling.
    #[test]
    fn round_trip() {
        let q = full();
        let s = to_query_string(&q);
        assert_eq!(
            s,
            "q=th%C3%A9%C3%A2tre%20%26%20slam&district=bressoux,droixhe&audience=youth&discipline=dance,music\
             &access=wheelchair&venue=salle-des-fetes&free=1&age=12&when=range&from=2026-12-01&to=2026-12-31&day=wed,sat\
             &time=afternoon&page=3"
        );
        assert_eq!(from_query_string(&format!("?{s}")), q);
        for when in [
            When::Any,
            When::Today,
            When::Weekend,
            When::Week,
            When::Month,
            When::Range { from: None, to: Some(20_800) },
        ] {
            let q = Query { when, ..Query::default() };
            assert_eq!(from_query_string(&to_query_string(&q)), q);
        }
        assert_eq!(to_query_string(&Query::default()), "");
    }

    // Hand-written and broken links open without panicking: bad values are ignored.
    #[test]
    fn tolerant_parsing() {
        let q = from_query_string("q=danse+hip-hop&age=old&page=0&from=2026-02-30&x=1&%zz&q2");
        assert_eq!(q.text, "danse hip-hop");
        assert_eq!((q.age, q.page, q.when), (None, 0, When::Any));
        assert_eq!(decode("%E9%"), "\u{FFFD}%");
        assert_eq!(from_query_string("free=1&district=,bressoux,").districts.len(), 1);
    }
}
