//! One VEVENT → an [`Event`]: its texts unescaped, its dates resolved against their zones,
//! and where each property sits in the file.

use super::lines::Line;
use super::value::{self, Kind};
use super::zone::{self, Defined, Zone};
use chrono::{Duration, NaiveDateTime};
use icalendar::parser::{Component, Property};

/// A date or date-time of the calendar and its zone.
#[derive(Debug, Clone, PartialEq)]
pub struct When {
    pub at: NaiveDateTime,
    pub kind: Kind,
    pub zone: Zone,
}

/// A problem with one property: where, what, and how to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub at: (u32, u32),
    pub message: String,
    pub hint: Option<String>,
}

/// What the import reads of a VEVENT.
#[derive(Debug, Clone)]
pub struct Event {
    /// The `BEGIN:VEVENT` line.
    pub line: u32,
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub url: String,
    pub categories: Vec<String>,
    pub status: String,
    pub start: Option<When>,
    pub end: Option<When>,
    pub duration: Option<Duration>,
    pub rrule: Option<String>,
    /// RDATEs, each with its own end when given as a PERIOD.
    pub rdates: Vec<(When, Option<When>)>,
    pub exdates: Vec<When>,
    pub recurrence_id: Option<When>,
    places: Vec<(String, (u32, u32))>,
}

impl Event {
    /// Where `property`'s value starts (its first occurrence), else the event's line.
    pub fn at(&self, property: &str) -> (u32, u32) {
        self.places.iter().find(|(n, _)| n == property).map_or((self.line, 1), |p| p.1)
    }

    /// A problem at `property`.
    pub fn problem(&self, property: &str, message: String, hint: Option<&str>) -> Problem {
        Problem { at: self.at(property), message, hint: hint.map(str::to_owned) }
    }
}

/// Reads `component` (a VEVENT) whose lines in the file are `begin` and `lines`.
pub fn read(
    component: &Component<'_>,
    begin: &Line,
    lines: &[&Line],
    defined: &Defined,
) -> Result<Event, Problem> {
    let places: Vec<(String, (u32, u32))> = lines.iter().map(|l| (l.name(), l.value_at())).collect();
    let mut event = Event {
        line: begin.start().0,
        uid: String::new(),
        summary: String::new(),
        description: String::new(),
        location: String::new(),
        url: String::new(),
        categories: Vec::new(),
        status: String::new(),
        start: None,
        end: None,
        duration: None,
        rrule: None,
        rdates: Vec::new(),
        exdates: Vec::new(),
        recurrence_id: None,
        places,
    };
    for p in &component.properties {
        let name = p.name.as_str().to_ascii_uppercase();
        let raw = p.val.as_str();
        let whens = |e: &Event| times(p, raw, defined).map_err(|m| e.problem(&name, m, Some(TIME_HINT)));
        match name.as_str() {
            "UID" => event.uid = raw.trim().to_owned(),
            "SUMMARY" => event.summary = value::text(raw).trim().to_owned(),
            "DESCRIPTION" => event.description = value::text(raw).trim().to_owned(),
            "LOCATION" => event.location = value::text(raw).trim().to_owned(),
            "URL" => event.url = raw.trim().to_owned(),
            "STATUS" => event.status = raw.trim().to_ascii_uppercase(),
            "CATEGORIES" => event.categories.extend(value::list(raw)),
            "RRULE" if event.rrule.is_some() => {
                let message = "a second RRULE: Passerelle reads one rule an event".to_owned();
                return Err(event.problem("RRULE", message, Some("merge the rules, or split the event")));
            }
            "RRULE" => event.rrule = Some(raw.trim().to_owned()),
            "DTSTART" => event.start = first(whens(&event)?),
            "DTEND" => event.end = first(whens(&event)?),
            "RECURRENCE-ID" => event.recurrence_id = first(whens(&event)?),
            "EXDATE" => event.exdates.extend(whens(&event)?),
            "RDATE" => event
                .rdates
                .extend(rdates(p, raw, defined).map_err(|m| event.problem(&name, m, Some(TIME_HINT)))?),
            "DURATION" => {
                let duration = value::duration(raw).filter(|d| *d >= Duration::zero());
                let invalid = || {
                    event.problem(
                        "DURATION",
                        format!("invalid duration \"{}\"", raw.trim()),
                        Some("expected a duration such as PT1H30M or P1D"),
                    )
                };
                event.duration = Some(duration.ok_or_else(invalid)?);
            }
            _ => {}
        }
    }
    Ok(event)
}

const TIME_HINT: &str = "expected a date (20261006) or a date-time (20261006T180000, \
     20261006T160000Z) with a TZID the calendar defines or an IANA zone (Europe/Brussels)";

fn first(mut whens: Vec<When>) -> Option<When> {
    (!whens.is_empty()).then(|| whens.swap_remove(0))
}

fn param<'a>(p: &'a Property<'_>, key: &str) -> Option<&'a str> {
    p.params
        .iter()
        .find(|x| x.key.as_str().eq_ignore_ascii_case(key))
        .and_then(|x| x.val.as_ref())
        .map(|v| v.as_str().trim().trim_matches('"'))
}

/// The date-times of a property (one, or a comma list), each with its zone.
fn times(p: &Property<'_>, raw: &str, defined: &Defined) -> Result<Vec<When>, String> {
    let tz = match param(p, "TZID") {
        Some(tzid) => {
            Some(zone::resolve(tzid, defined).ok_or_else(|| format!("unknown time zone \"{tzid}\""))?)
        }
        None => None,
    };
    raw.split(',').filter(|s| !s.trim().is_empty()).map(|item| when(item, tz.as_ref())).collect()
}

fn when(item: &str, tz: Option<&Zone>) -> Result<When, String> {
    let (at, kind) = value::date_time(item).ok_or_else(|| format!("invalid date \"{}\"", item.trim()))?;
    let zone = match (kind, tz) {
        (Kind::Utc, _) => Zone::Utc,
        (_, Some(tz)) => tz.clone(),
        _ => Zone::Floating,
    };
    Ok(When { at, kind, zone })
}

/// RDATE values: dates, date-times or PERIODs (`start/end` or `start/duration`).
fn rdates(p: &Property<'_>, raw: &str, defined: &Defined) -> Result<Vec<(When, Option<When>)>, String> {
    let mut out = Vec::new();
    for item in raw.split(',').filter(|s| !s.trim().is_empty()) {
        let Some((start, end)) = item.split_once('/') else {
            out.extend(times(p, item, defined)?.into_iter().map(|w| (w, None)));
            continue;
        };
        let start = first(times(p, start, defined)?).ok_or_else(|| format!("invalid period \"{item}\""))?;
        let end = match value::duration(end) {
            Some(d) => When { at: start.at + d, ..start.clone() },
            None => first(times(p, end, defined)?).ok_or_else(|| format!("invalid period \"{item}\""))?,
        };
        out.push((start, Some(end)));
    }
    Ok(out)
}
