//! An offer's timing in words: the plain-language sentence ("tous les mardis de 18 h 30 à
//! 20 h 30, sauf pendant les vacances scolaires"), shown as `schedule` when the data leaves it
//! empty, and one session as a card shows it ("mardi 8 décembre 2026, 18 h 30–20 h 30").
//! Every word comes from the catalogue's `[when]` table, so both languages say the same.

use super::i18n::{capitalise, Catalogue};
use crate::load::when::date_of;
use crate::model::time::{Recurrence, Session, Timing};
use anyhow::Result;

/// How many single dates a sentence lists before "et 3 autres dates".
const DATES_SHOWN: usize = 4;

/// "18 h 30" / "18:30"; "14 h" / "14:00".
pub fn clock(cat: &Catalogue, minute: u16) -> Result<String> {
    let (h, m) = ((minute / 60).to_string(), format!("{:02}", minute % 60));
    let key = if minute % 60 == 0 { "when.time_hour" } else { "when.time" };
    cat.fill(key, &[("h", &h), ("mm", &m)])
}

/// "de 18 h 30 à 20 h 30", "à 14 h", or nothing without a time.
fn times(cat: &Catalogue, start: Option<u16>, end: Option<u16>) -> Result<Option<String>> {
    Ok(match (start, end) {
        (Some(s), Some(e)) => {
            Some(cat.fill("when.from_to", &[("start", &clock(cat, s)?), ("end", &clock(cat, e)?)])?)
        }
        (Some(s), None) => Some(cat.fill("when.at", &[("start", &clock(cat, s)?)])?),
        _ => None,
    })
}

/// "18 h 30–20 h 30" or "14 h": the time of a session on a card.
pub fn session_time(cat: &Catalogue, session: &Session) -> Result<Option<String>> {
    Ok(match (session.start, session.end) {
        (Some(s), Some(e)) => {
            Some(cat.fill("when.span", &[("start", &clock(cat, s)?), ("end", &clock(cat, e)?)])?)
        }
        (Some(s), None) => Some(clock(cat, s)?),
        _ => None,
    })
}

/// "Mardi 8 décembre 2026, 18 h 30–20 h 30".
pub fn session(cat: &Catalogue, session: &Session) -> Result<String> {
    let day = capitalise(&cat.date_long(date_of(session.day))?);
    Ok(match session_time(cat, session)? {
        Some(time) => format!("{day}, {time}"),
        None => day,
    })
}

/// `a, b et c`.
fn join(cat: &Catalogue, items: &[String]) -> Result<String> {
    let and = cat.get("when.and")?;
    Ok(match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{and}{last}", rest.join(", ")),
    })
}

/// "tous les mardis et jeudis", "le 2e mardi du mois".
fn rule_words(cat: &Catalogue, rec: &Recurrence) -> Result<Option<String>> {
    if rec.days.is_empty() {
        return Ok(None);
    }
    let weekly: Vec<String> =
        rec.days.iter().filter(|r| r.rank == 0).map(|r| cat.weekday(r.weekday, true).to_owned()).collect();
    let mut parts = Vec::new();
    if !weekly.is_empty() {
        parts.push(cat.fill("when.every", &[("days", &join(cat, &weekly)?)])?);
    }
    for rule in rec.days.iter().filter(|r| r.rank != 0) {
        let rank = match rule.rank {
            r if r > 0 => cat.item("when.ranks", (r - 1) as usize),
            r => cat.item("when.ranks_last", (-r - 1) as usize),
        };
        parts.push(cat.fill("when.ranked", &[("rank", rank), ("day", cat.weekday(rule.weekday, false))])?);
    }
    Ok(Some(join(cat, &parts)?))
}

/// "sauf pendant les vacances scolaires", "sauf le 24 décembre 2026".
fn except_words(cat: &Catalogue, rec: &Recurrence) -> Result<Vec<String>> {
    let mut out = Vec::new();
    match (rec.pauses.school, rec.pauses.public) {
        (true, true) => out.push(cat.get("when.except_both")?.to_owned()),
        (true, false) => out.push(cat.get("when.except_school")?.to_owned()),
        (false, true) => out.push(cat.get("when.except_public")?.to_owned()),
        (false, false) => {}
    }
    if !rec.except.is_empty() {
        let days = rec
            .except
            .iter()
            .map(|&(a, b)| {
                if a == b {
                    cat.fill("when.on_day", &[("date", &cat.date_short(date_of(a))?)])
                } else {
                    Ok(cat.date_range(Some(date_of(a)), Some(date_of(b)))?.unwrap_or_default())
                }
            })
            .collect::<Result<Vec<_>>>()?;
        out.push(cat.fill("when.except_days", &[("days", &join(cat, &days)?)])?);
    }
    Ok(out)
}

/// The sentence for an offer's timing; `venue` says whether it has a venue (for "aux heures
/// d'ouverture du lieu").
pub fn sentence(cat: &Catalogue, timing: &Timing, venue: bool) -> Result<String> {
    let rec = &timing.recurrence;
    let mut parts: Vec<String> = Vec::new();
    let bounds = || cat.date_range(rec.from.map(date_of), rec.until.map(date_of));
    if rec.is_permanent() {
        parts.push(cat.get(if venue { "when.permanent_venue" } else { "when.permanent" })?.to_owned());
        parts.extend(bounds()?.filter(|_| rec.from.is_some() && rec.until.is_some()));
    } else if let Some(rule) = rule_words(cat, rec)? {
        let mut first = rule;
        if let Some(t) = times(cat, rec.start, rec.end)? {
            first = format!("{first} {t}");
        }
        parts.push(first);
        parts.extend(bounds()?.filter(|_| rec.from.is_some() || rec.until.is_some()));
    } else if rec.dates.is_empty() {
        // Daily between the bounds: one day, or "chaque jour du … au …".
        let span = bounds()?.unwrap_or_default();
        let head = if rec.from == rec.until { span } else { format!("{} {span}", cat.get("when.daily")?) };
        parts.push(match times(cat, rec.start, rec.end)? {
            Some(t) => format!("{head} {t}"),
            None => head,
        });
    }
    if !rec.dates.is_empty() {
        let mut dates: Vec<Session> = rec
            .dates
            .iter()
            .map(|d| Session {
                day: d.day,
                start: d.start.or(rec.start),
                end: if d.start.is_some() { d.end } else { rec.end },
            })
            .collect();
        dates.sort_unstable();
        let mut items = Vec::new();
        for s in dates.iter().take(DATES_SHOWN) {
            let day = cat.date_long(date_of(s.day))?;
            items.push(match times(cat, s.start, s.end)? {
                Some(t) => format!("{day} {t}"),
                None => day,
            });
        }
        if dates.len() > DATES_SHOWN {
            items.push(cat.fill("when.more_dates", &[("n", &(dates.len() - DATES_SHOWN).to_string())])?);
        }
        parts.push(join(cat, &items)?);
    }
    parts.extend(except_words(cat, rec)?);
    Ok(capitalise(&parts.join(", ")))
}

#[cfg(test)]
mod tests;
