//! One cell's text → a typed value, the way a French spreadsheet writes it.
//!
//! Dates `2026-06-15` or `15/06/2026` (also `15-06-2026`, `15.06.2026`); numbers with a decimal
//! point or comma (`50,6401`); yes/no in English or French; lists separated by `|`, or by `,`
//! or `;` when the cell has no `|`. Each parser returns the value or a [`Problem`]: `load`
//! turns it into a diagnostic at the cell. Empty cells are `None`, never a problem here
//! (`validate` knows which fields are required).

use crate::diagnostics::suggest::did_you_mean;
use crate::records::{DistrictScope, Price, Status};
use chrono::NaiveDate;
use passerelle_index::fold::key as fold;

/// What is wrong with a cell, and how to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub message: String,
    pub hint: Option<String>,
}

fn problem(message: String, hint: impl Into<Option<String>>) -> Problem {
    Problem { message, hint: hint.into() }
}

/// A date, ISO or French day-first, with a four-digit year.
pub fn date(cell: &str) -> Result<Option<NaiveDate>, Problem> {
    if cell.is_empty() {
        return Ok(None);
    }
    let invalid =
        || problem(format!("invalid date \"{cell}\""), "expected 2026-06-15 or 15/06/2026".to_owned());
    let parts: Vec<&str> = cell.split(['-', '/', '.']).collect();
    let [a, b, c] = parts[..] else { return Err(invalid()) };
    if ![a, b, c].iter().all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit())) {
        return Err(invalid());
    }
    let number = |p: &str| p.parse::<u32>().ok();
    let (year, month, day) = match (a.len(), c.len()) {
        (4, 1..=2) if cell.as_bytes()[4] == b'-' => (a, b, c),
        (1..=2, 4) => (c, b, a),
        _ => return Err(invalid()),
    };
    let (Some(year), Some(month), Some(day)) = (number(year), number(month), number(day)) else {
        return Err(invalid());
    };
    let year = i32::try_from(year).map_err(|_| invalid())?;
    NaiveDate::from_ymd_opt(year, month, day).map(Some).ok_or_else(invalid)
}

/// A decimal number: `50.6401` or `50,6401`.
pub fn number(cell: &str) -> Result<Option<f64>, Problem> {
    if cell.is_empty() {
        return Ok(None);
    }
    let dotted = if cell.contains('.') { cell.to_owned() } else { cell.replacen(',', ".", 1) };
    // `f64::from_str` also accepts "inf" and "NaN": no coordinate is either.
    match dotted.parse::<f64>() {
        Ok(n) if n.is_finite() && dotted.bytes().any(|b| b.is_ascii_digit()) => Ok(Some(n)),
        _ => Err(problem(
            format!("invalid number \"{cell}\""),
            "expected a number such as 50.6401 or 50,6401".to_owned(),
        )),
    }
}

/// A whole number, spaces allowed as thousands separators (`9 120`).
pub fn whole(cell: &str) -> Result<Option<u32>, Problem> {
    if cell.is_empty() {
        return Ok(None);
    }
    let digits: String = cell.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
    match digits.parse::<u32>() {
        Ok(n) if digits.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(n)),
        _ => Err(problem(
            format!("invalid whole number \"{cell}\""),
            "expected digits only, such as 9120".to_owned(),
        )),
    }
}

/// An age in years, 0 to 120.
pub fn age(cell: &str) -> Result<Option<u8>, Problem> {
    let out_of_range = || {
        problem(
            format!("invalid age \"{cell}\""),
            "expected a whole number of years from 0 to 120".to_owned(),
        )
    };
    match whole(cell) {
        Ok(None) => Ok(None),
        Ok(Some(n)) if n <= 120 => Ok(u8::try_from(n).ok()),
        _ => Err(out_of_range()),
    }
}

/// yes/no in English or French (also true/false, vrai/faux, 1/0, x); empty is no.
pub fn yes_no(cell: &str) -> Result<bool, Problem> {
    match fold(cell).as_str() {
        "" | "no" | "non" | "false" | "faux" | "0" | "n" => Ok(false),
        "yes" | "oui" | "true" | "vrai" | "1" | "y" | "o" | "x" => Ok(true),
        _ => Err(problem(
            format!("expected yes or no, found \"{cell}\""),
            "write yes or no; oui and non work too".to_owned(),
        )),
    }
}

/// A multi-valued cell: split on `|`, or on `,` and `;` when there is no `|`; values trimmed,
/// empty ones dropped.
pub fn list(cell: &str) -> Vec<String> {
    let separators: &[char] = if cell.contains('|') { &['|'] } else { &[',', ';'] };
    cell.split(separators).map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned).collect()
}

/// An offer's `districts` cell: empty = the venue's, `all`/`tous`/`toutes` = every one.
pub fn scope(cell: &str) -> DistrictScope {
    match fold(cell).as_str() {
        "" => DistrictScope::Venue,
        "all" | "tous" | "toutes" => DistrictScope::All,
        _ => DistrictScope::Listed(list(cell)),
    }
}

const PRICES: [(&str, Price); 7] = [
    ("free", Price::Free),
    ("gratuit", Price::Free),
    ("paid", Price::Paid),
    ("payant", Price::Paid),
    ("pay_what_you_can", Price::PayWhatYouCan),
    ("prix_libre", Price::PayWhatYouCan),
    ("participation_libre", Price::PayWhatYouCan),
];

/// `free`, `paid`, `pay_what_you_can`, or their French names.
pub fn price(cell: &str) -> Result<Option<Price>, Problem> {
    if cell.is_empty() {
        return Ok(None);
    }
    coded(cell, &PRICES, Price::code, "price").map(Some)
}

const STATUSES: [(&str, Status); 8] = [
    ("open", Status::Open),
    ("ouvert", Status::Open),
    ("full", Status::Full),
    ("complet", Status::Full),
    ("cancelled", Status::Cancelled),
    ("canceled", Status::Cancelled),
    ("annule", Status::Cancelled),
    ("annulee", Status::Cancelled),
];

/// `open` (the default when empty), `full`, `cancelled`, or their French names.
pub fn status(cell: &str) -> Result<Status, Problem> {
    if cell.is_empty() {
        return Ok(Status::Open);
    }
    coded(cell, &STATUSES, Status::code, "status")
}

/// A value named in `table` (codes and French names); the hint lists the codes only.
fn coded<T: Copy>(
    cell: &str,
    table: &[(&'static str, T)],
    code: fn(T) -> &'static str,
    what: &str,
) -> Result<T, Problem> {
    let folded = fold(cell);
    if let Some(&(_, value)) = table.iter().find(|(name, _)| *name == folded) {
        return Ok(value);
    }
    let hint = did_you_mean(cell, table.iter().map(|(name, _)| *name)).unwrap_or_else(|| {
        let codes: Vec<&str> =
            table.iter().filter(|(name, value)| *name == code(*value)).map(|(name, _)| *name).collect();
        format!("expected one of {}", codes.join(", "))
    });
    Err(problem(format!("unknown {what} \"{cell}\""), hint))
}

#[cfg(test)]
mod tests;
