//! The cells that say when an offer happens (DESIGN.md "Time"), the way a coordinator writes
//! them: weekdays in English codes or French names with an optional rank (`tue`, `mardis`,
//! `2tue`, `2e mardi`, `-1fri`, `dernier vendredi`), times (`14:00`, `14h`, `14h30`), single
//! dates with an optional time (`05/12/2026 20h`, `06/12/2026 15h–17h`), exceptions (dates,
//! ranges `a..b`, `school_holidays`, `public_holidays`). Each parser returns the value or a
//! [`Problem`] whose hint shows the accepted forms.

use super::cells::{date, list, Problem};
use crate::records::{Except, HolidayKind};
use passerelle_index::time::{DayRule, Session};

/// Accepted weekday forms, for hints.
pub const DAYS_HINT: &str = "expected weekdays such as `tue`, `mardi`, `2e mardi`, `2tue`, \
     `dernier vendredi` or `-1fri`, separated by `|`";
const TIME_HINT: &str = "expected a time such as 14:00, 14h or 14h30";
const DATES_HINT: &str = "expected dates with an optional time, such as `05/12/2026 20h|06/12/2026 15h–17h`";
const EXCEPT_HINT: &str = "expected dates (15/02/2027), ranges (21/12/2026..03/01/2027), \
     `school_holidays` (vacances_scolaires) or `public_holidays` (jours_fériés), separated by `|`";

const WEEKDAYS: [[&str; 4]; 7] = [
    ["mon", "monday", "lundi", "lun"],
    ["tue", "tuesday", "mardi", "mar"],
    ["wed", "wednesday", "mercredi", "mer"],
    ["thu", "thursday", "jeudi", "jeu"],
    ["fri", "friday", "vendredi", "ven"],
    ["sat", "saturday", "samedi", "sam"],
    ["sun", "sunday", "dimanche", "dim"],
];

const RANK_WORDS: [(&str, i8); 17] = [
    ("premier", 1),
    ("premiere", 1),
    ("first", 1),
    ("deuxieme", 2),
    ("second", 2),
    ("seconde", 2),
    ("troisieme", 3),
    ("third", 3),
    ("quatrieme", 4),
    ("fourth", 4),
    ("cinquieme", 5),
    ("fifth", 5),
    ("dernier", -1),
    ("derniere", -1),
    ("last", -1),
    ("avant dernier", -2),
    ("avant derniere", -2),
];

fn problem(message: String, hint: &str) -> Problem {
    Problem { message, hint: Some(hint.to_owned()) }
}

/// Lower case, accents removed, separators collapsed to one space (the shared fold):
/// `2ème  Mardi` → `2eme mardi`, `avant-dernier` → `avant dernier`; a leading `-` is kept
/// (`-1fri`, the last Friday).
fn plain(text: &str) -> String {
    let folded = passerelle_index::fold::fold(text);
    if text.trim_start().starts_with('-') {
        format!("-{folded}")
    } else {
        folded
    }
}

/// A weekday name (singular or plural) → 0 = Monday … 6 = Sunday.
fn weekday(name: &str) -> Option<u8> {
    let name = name.trim();
    let singular = name.strip_suffix('s').unwrap_or(name);
    WEEKDAYS.iter().position(|names| names.contains(&name) || names.contains(&singular)).map(|i| i as u8)
}

/// A rank as digits with an optional ordinal suffix: `2`, `-1`, `2e`, `1er`, `2eme`, `3rd`.
fn numeric_rank(text: &str) -> Option<i8> {
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (number, suffix) = rest.split_at(digits);
    let ordinal = ["", "e", "er", "re", "eme", "nd", "rd", "th", "st"];
    if number.is_empty() || !ordinal.contains(&suffix) {
        return None;
    }
    number.parse::<i8>().ok().map(|n| sign * n)
}

/// One weekday of a `days` cell.
pub fn day_rule(token: &str) -> Result<DayRule, Problem> {
    let text = plain(token);
    let invalid = || problem(format!("unknown weekday \"{token}\""), DAYS_HINT);
    if let Some(weekday) = weekday(&text) {
        return Ok(DayRule { weekday, rank: 0 });
    }
    // `2tue`, `-1fri`: digits glued to the day.
    let split = text.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(0);
    let worded = RANK_WORDS.iter().find_map(|&(w, r)| {
        text.strip_prefix(w).and_then(|rest| rest.strip_prefix(' ')).map(|rest| (r, rest))
    });
    let (rank, day) = if let Some((r, rest)) = worded {
        (Some(r), rest)
    } else if let Some((first, rest)) = text.split_once(' ') {
        let rank =
            RANK_WORDS.iter().find(|(w, _)| *w == first).map(|&(_, r)| r).or_else(|| numeric_rank(first));
        (rank, rest)
    } else if let Some(&(word, rank)) = RANK_WORDS.iter().find(|(w, _)| text.starts_with(*w)) {
        (Some(rank), &text[word.len()..])
    } else {
        let (digits, day) = text.split_at(split);
        (numeric_rank(digits), day)
    };
    let (Some(rank), Some(weekday)) = (rank, weekday(day)) else { return Err(invalid()) };
    if rank == 0 || !(-5..=5).contains(&rank) {
        return Err(problem(
            format!("no month has a rank {rank} weekday (\"{token}\")"),
            "a rank goes from 1 to 5, or -1 (dernier, the last) to -5",
        ));
    }
    Ok(DayRule { weekday, rank })
}

/// A `days` cell: its weekdays, in the order written, duplicates dropped.
pub fn days(cell: &str) -> Result<Vec<DayRule>, Problem> {
    let mut out: Vec<DayRule> = Vec::new();
    for token in list(cell) {
        let rule = day_rule(&token)?;
        if !out.contains(&rule) {
            out.push(rule);
        }
    }
    Ok(out)
}

/// A local time → minutes after midnight: `14:00`, `14h`, `14h30`, `14 h 30`, `9:05`.
pub fn time(cell: &str) -> Result<Option<u16>, Problem> {
    let text: String = cell.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    if text.is_empty() {
        return Ok(None);
    }
    let invalid = || problem(format!("invalid time \"{cell}\""), TIME_HINT);
    let (hours, minutes) = text.split_once([':', 'h']).ok_or_else(invalid)?;
    let digits = |s: &str, max: u16| {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u16>().ok())
            .flatten()
            .filter(|n| *n <= max)
    };
    let h = digits(hours, 23).ok_or_else(invalid)?;
    let m = if minutes.is_empty() && text.contains('h') { Some(0) } else { digits(minutes, 59) };
    let m = m.filter(|_| minutes.len() != 1).ok_or_else(invalid)?;
    Ok(Some(h * 60 + m))
}

/// A time span: `20h`, `15h–17h`, `15:00-17:30`.
fn time_span(text: &str) -> Result<(Option<u16>, Option<u16>), Problem> {
    match text.split_once(['-', '–', '—']) {
        Some((start, end)) => Ok((time(start)?, time(end)?)),
        None => Ok((time(text)?, None)),
    }
}

/// One item of a `dates` cell: a date, then optionally a time or a span.
pub fn session(item: &str) -> Result<Session, Problem> {
    let (day_text, times) = item.trim().split_once(char::is_whitespace).unwrap_or((item.trim(), ""));
    let invalid = |p: Problem| problem(format!("{} in \"{item}\"", p.message), DATES_HINT);
    let day = date(day_text)
        .map_err(invalid)?
        .ok_or_else(|| problem(format!("invalid date \"{item}\""), DATES_HINT))?;
    let (start, end) = time_span(times.trim()).map_err(invalid)?;
    if let (Some(s), Some(e)) = (start, end) {
        if e <= s {
            return Err(problem(format!("\"{item}\" ends before it starts"), DATES_HINT));
        }
    }
    Ok(Session { day: day_number(day), start, end })
}

/// A `dates` cell: its single sessions, in the order written.
pub fn dates(cell: &str) -> Result<Vec<Session>, Problem> {
    list(cell).iter().map(|item| session(item)).collect()
}

/// An `except` cell.
pub fn except(cell: &str) -> Result<Except, Problem> {
    let mut out = Except::default();
    for item in list(cell) {
        let word = plain(&item).replace([' ', '-'], "_");
        match word.as_str() {
            "school_holidays" | "vacances_scolaires" | "vacances" | "conges_scolaires" => {
                out.pauses.school = true
            }
            "public_holidays" | "jours_feries" | "feries" | "ferie" => out.pauses.public = true,
            _ => out.ranges.push(range(&item)?),
        }
    }
    Ok(out)
}

fn range(item: &str) -> Result<(i32, i32), Problem> {
    let one = |text: &str| {
        date(text.trim())
            .ok()
            .flatten()
            .map(day_number)
            .ok_or_else(|| problem(format!("invalid exception \"{item}\""), EXCEPT_HINT))
    };
    let (a, b) = match item.split_once("..") {
        Some((a, b)) => (one(a)?, one(b)?),
        None => {
            let day = one(item)?;
            (day, day)
        }
    };
    if b < a {
        return Err(problem(format!("the range \"{item}\" ends before it starts"), EXCEPT_HINT));
    }
    Ok((a, b))
}

/// A `kind` cell of `holidays.csv`: `school` (scolaire) or `public` (férié).
pub fn holiday_kind(cell: &str) -> Result<HolidayKind, Problem> {
    match plain(cell).as_str() {
        "" | "school" | "scolaire" | "vacances" | "vacances scolaires" => Ok(HolidayKind::School),
        "public" | "ferie" | "jour ferie" | "public holiday" => Ok(HolidayKind::Public),
        _ => Err(problem(
            format!("unknown holiday kind \"{cell}\""),
            "expected `school` (scolaire) or `public` (férié)",
        )),
    }
}

pub use crate::model::time::{date_of, day_number};

#[cfg(test)]
mod tests;
