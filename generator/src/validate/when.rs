//! When offers happen: the time columns make sense together (an end needs a start and comes
//! after it, a time needs days, dates or a start day), `holidays.csv` rows are whole, and a
//! recurrence has at least one session in its period (a warning: "2e mardi" between two
//! Wednesdays is a mistake, not an error). Each cell was already parsed by `load`.

use crate::diagnostics::Diagnostics;
use crate::model::records::{HolidayKind, Offer, Records};
use crate::model::time::{holidays, recurrence, Holidays};

/// Checks the time columns of every offer and the rows of `holidays.csv`.
pub fn check(records: &Records, d: &mut Diagnostics) {
    for h in &records.holidays {
        if h.name.is_empty() && h.origin.has("name") {
            d.error(&h.origin, "name", "missing holiday name", Some("such as \"Vacances de Noël\"".into()));
        }
        if h.starts_on.is_none() && h.origin.has("starts_on") && !d.reported(&h.origin, "starts_on") {
            d.error(
                &h.origin,
                "starts_on",
                "missing holiday start",
                Some("a date such as 21/12/2026".into()),
            );
        }
        if let (Some(s), Some(e)) = (h.starts_on, h.ends_on) {
            if e < s {
                d.error(&h.origin, "ends_on", format!("ends on {e}, before it starts on {s}"), None);
            }
        }
    }
    let calendar = holidays(&records.holidays);
    for offer in &records.offers {
        times(offer, d);
        pauses(offer, &calendar, records.holidays.iter().any(|h| h.kind == HolidayKind::Public), d);
        empty_period(offer, &calendar, d);
    }
}

fn times(o: &Offer, d: &mut Diagnostics) {
    match (o.start_time, o.end_time) {
        (None, Some(_)) => d.error(
            &o.origin,
            "end_time",
            "an end time without a start time",
            Some("give a start_time (heure_début) such as 14h".into()),
        ),
        (Some(s), Some(e)) if e <= s => d.error(
            &o.origin,
            "end_time",
            format!("the end time {} is not after the start time {}", hhmm(e), hhmm(s)),
            Some("a session ending after midnight: leave end_time empty".into()),
        ),
        _ => {}
    }
    if o.start_time.is_some() && o.days.is_empty() && o.dates.is_empty() && o.starts_on.is_none() {
        d.error(
            &o.origin,
            "start_time",
            "a time without days, dates or a start day: when is it?",
            Some("fill days (jours) such as `mardi`, dates such as `05/12/2026`, or starts_on".into()),
        );
    }
}

fn pauses(o: &Offer, calendar: &Holidays, has_public: bool, d: &mut Diagnostics) {
    let hint = || Some("add them to data/holidays.csv, as data/README.md shows".to_owned());
    if o.except.pauses.school && calendar.school.is_empty() {
        d.warning(&o.origin, "except", "school_holidays, but holidays.csv lists no school holiday", hint());
    }
    if o.except.pauses.public && !has_public {
        d.warning(&o.origin, "except", "public_holidays, but holidays.csv lists no public holiday", hint());
    }
}

/// A bounded recurrence (or a list of dates) that yields no session at all.
fn empty_period(o: &Offer, calendar: &Holidays, d: &mut Diagnostics) {
    let rule = recurrence(o);
    if rule.is_permanent() {
        return;
    }
    let from = rule.from.or_else(|| rule.dates.iter().map(|s| s.day).min());
    let Some(from) = from else { return };
    // Ten years at most: a typo such as 2062 for 2026 must not make `check` slow.
    let until = rule.until.unwrap_or(from + crate::model::time::HORIZON_DAYS).min(from + 3653);
    let lo = rule.dates.iter().map(|s| s.day).chain([from]).min().unwrap_or(from);
    let hi = rule.dates.iter().map(|s| s.day).chain([until]).max().unwrap_or(until);
    let all = rule.sessions(calendar, lo, hi);
    let field = if o.days.is_empty() { "dates" } else { "days" };
    if all.is_empty() {
        d.warning(
            &o.origin,
            field,
            "this schedule has no session in its period",
            Some(format!(
                "check days, except, starts_on and ends_on: nothing falls between {} and {}",
                passerelle_index::iso_day(from),
                passerelle_index::iso_day(until)
            )),
        );
        return;
    }
    let outside = o
        .dates
        .iter()
        .find(|s| rule.from.is_some_and(|f| s.day < f) || rule.until.is_some_and(|u| s.day > u));
    if let Some(s) = outside {
        d.warning(
            &o.origin,
            "dates",
            format!("the date {} is outside starts_on..ends_on", passerelle_index::iso_day(s.day)),
            Some("it is kept as a session: widen starts_on/ends_on or remove the date".into()),
        );
    }
}

fn hhmm(minute: u16) -> String {
    format!("{}:{:02}", minute / 60, minute % 60)
}

#[cfg(test)]
mod tests;
