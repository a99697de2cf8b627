//! A calendar (`.ics`, RFC 5545) as an import source: each VEVENT becomes one row of virtual
//! columns, so that mappings, `--suggest`, reconciling, the report and `--write` treat it as
//! they treat a CSV file.
//!
//! The columns are the event's own properties, unescaped (`UID`, `SUMMARY`, `DESCRIPTION`,
//! `FIRST-SENTENCE` of the description, `LOCATION`, `URL`, `CATEGORIES` joined by `|`,
//! `STATUS`), then its time as the offer's columns ([`schedule`]). Each cell remembers the
//! line and column of the property it came from, so every diagnostic is `file.ics:line:col`.
//!
//! Steps: [`lines`] unfolds the text keeping places; the `icalendar` crate parses components
//! and properties; [`zone`] resolves TZIDs; [`event`] reads each VEVENT; [`schedule`] turns
//! it, with its moved or cancelled instances, into the offer's sessions.

pub mod event;
pub mod lines;
pub mod schedule;
pub mod value;
pub mod zone;

use crate::diagnostics::{Diagnostics, Severity};
use crate::load::rows::{Cell, Row};
use event::Event;
use icalendar::parser::Component;

/// The columns of a calendar's rows, in order.
pub const COLUMNS: [&str; 15] = [
    "UID",
    "SUMMARY",
    "DESCRIPTION",
    "FIRST-SENTENCE",
    "LOCATION",
    "URL",
    "CATEGORIES",
    "STATUS",
    "days",
    "start_time",
    "end_time",
    "dates",
    "except",
    "starts_on",
    "ends_on",
];

/// A calendar's rows (the header first) and how many events were refused (reported).
#[derive(Debug, Default)]
pub struct Read {
    pub rows: Vec<Row>,
    pub rejected: usize,
}

/// Whether `name` is a calendar file.
pub fn is_calendar(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".ics") || lower.ends_with(".ical") || lower.ends_with(".ifb")
}

/// Reads `text` (the calendar `file`) into rows, times in the site's zone `site`; `None`
/// when it is not a calendar at all (reported).
pub fn read(text: &str, file: &str, site: chrono_tz::Tz, d: &mut Diagnostics) -> Option<Read> {
    let lines = lines::unfold(text);
    let joined = lines::joined(&lines);
    let components = match icalendar::parser::read_calendar_simple(&joined) {
        Ok(components) => components,
        Err(error) => {
            let at = place(&lines, &joined, joined.len().saturating_sub(error.input.len()));
            let message = "not a calendar line (NAME:value, NAME;PARAM=x:value, BEGIN:…, END:…)";
            let hint = "check this line and the BEGIN/END pairs around it (RFC 5545)";
            d.push_at(Severity::Error, file, at, message, Some(hint.into()));
            return None;
        }
    };
    if !components.iter().any(|c| c.name.as_str().eq_ignore_ascii_case("VCALENDAR")) {
        let message = "no BEGIN:VCALENDAR: this is not an iCalendar file";
        d.push_at(Severity::Error, file, (1, 1), message, None);
        return None;
    }
    let all: Vec<&Component<'_>> = components.iter().flat_map(|c| c.components.iter()).collect();
    let defined = zone::defined(&all);
    let mut vevents = Vec::new();
    for c in &components {
        collect(c, &mut vevents);
    }
    let places = lines::events(&lines);
    let mut out = Read { rows: vec![header()], rejected: 0 };
    let mut events = Vec::new();
    for (i, component) in vevents.into_iter().enumerate() {
        let Some((begin, own)) = places.get(i) else { break };
        match event::read(component, begin, own, &defined) {
            Ok(e) => events.push(e),
            Err(p) => {
                d.push_at(Severity::Error, file, p.at, p.message, p.hint);
                out.rejected += 1;
            }
        }
    }
    for (master, overrides) in grouped(&events) {
        match schedule::timing(master, &overrides, site) {
            Ok(outcome) => {
                if let Some(w) = outcome.warning {
                    d.push_at(Severity::Warning, file, w.at, w.message, w.hint);
                }
                out.rows.push(row(master, &outcome.timing));
            }
            Err(p) => {
                d.push_at(Severity::Error, file, p.at, p.message, p.hint);
                out.rejected += 1;
            }
        }
    }
    Some(out)
}

/// The VEVENTs under `c`, in file order.
fn collect<'a, 'b>(c: &'b Component<'a>, out: &mut Vec<&'b Component<'a>>) {
    if c.name.as_str().eq_ignore_ascii_case("VEVENT") {
        out.push(c);
    }
    for child in &c.components {
        collect(child, out);
    }
}

/// Each event with the instances that move or cancel one of its sessions (same UID, a
/// RECURRENCE-ID); an instance whose event is not in the file stands alone.
fn grouped(events: &[Event]) -> Vec<(&Event, Vec<&Event>)> {
    let masters: Vec<&Event> = events.iter().filter(|e| e.recurrence_id.is_none()).collect();
    let mut out: Vec<(&Event, Vec<&Event>)> = masters.iter().map(|m| (*m, Vec::new())).collect();
    for e in events.iter().filter(|e| e.recurrence_id.is_some()) {
        match out.iter_mut().find(|(m, _)| !e.uid.is_empty() && m.uid == e.uid) {
            Some((_, overrides)) => overrides.push(e),
            None => out.push((e, Vec::new())),
        }
    }
    out.sort_by_key(|(m, _)| m.line);
    out
}

fn header() -> Row {
    let cells = COLUMNS.iter().map(|c| Cell { value: (*c).to_owned(), line: 1, column: 1 }).collect();
    Row { line: 1, cells, unterminated: false }
}

fn row(e: &Event, t: &schedule::Timing) -> Row {
    let rule = if e.rrule.is_some() { "RRULE" } else { "DTSTART" };
    let sentence = first_sentence(if e.description.is_empty() { &e.summary } else { &e.description });
    let values: [(&str, &str); 15] = [
        ("UID", &e.uid),
        ("SUMMARY", &e.summary),
        ("DESCRIPTION", &e.description),
        ("DESCRIPTION", &sentence),
        ("LOCATION", &e.location),
        ("URL", &e.url),
        ("CATEGORIES", &e.categories.join("|")),
        ("STATUS", &e.status),
        (rule, &t.days),
        ("DTSTART", &t.start_time),
        ("DTEND", &t.end_time),
        (if e.rdates.is_empty() { "DTSTART" } else { "RDATE" }, &t.dates),
        ("EXDATE", &t.except),
        ("DTSTART", &t.starts_on),
        (rule, &t.ends_on),
    ];
    let cells = values
        .iter()
        .map(|(property, value)| {
            let (line, column) = e.at(property);
            Cell { value: (*value).to_owned(), line, column }
        })
        .collect();
    Row { line: e.line, cells, unterminated: false }
}

/// The description's first sentence (a one-line `summary`), at most 300 characters.
pub fn first_sentence(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
    let end = line
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && line[i + c.len_utf8()..].starts_with(' '))
        .map_or(line.len(), |(i, c)| i + c.len_utf8());
    line[..end].chars().take(300).collect()
}

/// The place in the file of byte `offset` of the joined text.
fn place(lines: &[lines::Line], joined: &str, offset: usize) -> (u32, u32) {
    let before = joined.get(..offset).unwrap_or(joined);
    let index = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    lines.get(index).or(lines.last()).map_or((1, 1), |l| l.at(offset.saturating_sub(start)))
}

#[cfg(test)]
mod tests;
