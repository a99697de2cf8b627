//! Mapped values → values as `data/` expects them, or a diagnostic at the source cell.
//!
//! Vocabulary codes from a code, a folded code or a French/English label (`Musée` →
//! `museum`); dates to ISO; numbers with a decimal point; a web address without a scheme gets
//! `https://` (a warning: the coordinator should check it); e-mail, phone and language codes
//! checked by `validate`'s own rules; references (district, operator, venue) resolved against
//! the charter by id or folded name. A row with an error is not imported: the whole row is
//! reported, nothing is half-written.

use super::apply::Mapped;
use crate::diagnostics::suggest::did_you_mean;
use crate::diagnostics::{Diagnostics, Severity};
use crate::load::cells;
use crate::validate::syntax;
use crate::vocabulary::{Vocabularies, Vocabulary};
use passerelle_index::fold::key as fold;

/// What values are checked against: the vocabularies and the ids already in the charter.
#[derive(Debug, Default)]
pub struct Context {
    pub table: &'static str,
    pub vocabularies: Vocabularies,
    /// (id, name) of each district, operator and venue of the charter.
    pub districts: Vec<(String, String)>,
    pub operators: Vec<(String, String)>,
    pub venues: Vec<(String, String)>,
}

/// After this many warnings of one kind for one column, the rest are counted in one line.
pub const MAX_REPEATS: usize = 5;

/// How many warnings each column gave, so that a listing whose every web address lacks its
/// scheme says so in five lines and a count, not in three hundred.
#[derive(Debug, Default)]
pub struct Repeats {
    counts: std::collections::BTreeMap<&'static str, usize>,
}

impl Repeats {
    /// One summary warning per column that gave more than [`MAX_REPEATS`].
    pub fn summarise(&self, file: &str, d: &mut Diagnostics) {
        for (field, n) in self.counts.iter().filter(|(_, n)| **n > MAX_REPEATS) {
            let message = format!("{field}: {} more values corrected as above", n - MAX_REPEATS);
            d.push_at(
                Severity::Warning,
                file,
                (1, 1),
                message,
                Some("check them in the report's new records".into()),
            );
        }
    }
}

/// Normalises every value of `row` in place; `false` when one of them is an error.
pub fn normalize(
    row: &mut Mapped,
    context: &Context,
    file: &str,
    d: &mut Diagnostics,
    repeats: &mut Repeats,
) -> bool {
    let errors = d.error_count();
    let fields: Vec<&'static str> = row.cells.iter().map(|c| c.field).collect();
    for field in fields {
        let value = row.get(field).trim().to_owned();
        if value.is_empty() {
            row.set(field, String::new());
            continue;
        }
        let at = row.at(field);
        let fallback = row.cells.iter().find(|c| c.field == field).and_then(|c| c.fallback.clone());
        let mut report = |severity, message: String, hint: Option<String>| {
            d.push_at(severity, file, at, format!("{field}: {message}"), hint);
        };
        match one(field, &value, context) {
            Ok(Fixed::Same) => row.set(field, value),
            Ok(Fixed::Changed(new)) => row.set(field, new),
            Ok(Fixed::Warned(new, message)) => {
                let count = repeats.counts.entry(field).or_default();
                *count += 1;
                if *count <= MAX_REPEATS {
                    report(Severity::Warning, message, None);
                }
                row.set(field, new);
            }
            Err((message, _)) if fallback.is_some() => {
                let default = fallback.unwrap_or_default();
                report(
                    Severity::Warning,
                    format!("{message}: the map's default \"{default}\" is used"),
                    None,
                );
                row.set(field, default);
            }
            Err((message, hint)) => report(Severity::Error, message, hint),
        }
    }
    d.error_count() == errors
}

/// Whether `row` has every column the table requires (`id` aside: it is made from the name),
/// and something to match it by on a re-import; `false` reports what is missing.
pub fn complete(
    row: &Mapped,
    table: &crate::load::tables::Table,
    keyed: bool,
    file: &str,
    d: &mut Diagnostics,
) -> bool {
    let mut ok = true;
    let missing: Vec<&str> = table
        .columns
        .iter()
        .filter(|c| c.required && c.name != "id" && row.get(c.name).is_empty())
        .map(|c| c.name)
        .collect();
    if let Some(first) = missing.first() {
        let hint = "map a source column to it, or give it in [defaults]".to_owned();
        let message = format!("missing required {}", missing.join(", "));
        d.push_at(Severity::Error, file, row.at(first), message, Some(hint));
        ok = false;
    }
    if keyed && row.key.is_none() {
        d.push_at(Severity::Error, file, (row.line, 1), "no key: the source's id column is empty", None);
        ok = false;
    }
    ok
}

enum Fixed {
    Same,
    Changed(String),
    Warned(String, String),
}

type Outcome = Result<Fixed, syntax::Problem>;

fn one(field: &str, value: &str, c: &Context) -> Outcome {
    let v = &c.vocabularies;
    match (c.table, field) {
        ("operators", "kind") => code(value, &v.operator_kind, "operator_kind"),
        ("venues", "kind") => code(value, &v.venue_kind, "venue_kind"),
        (_, "accessibility") => codes(value, &v.accessibility, "accessibility"),
        (_, "disciplines") => codes(value, &v.discipline, "discipline"),
        (_, "audiences") => codes(value, &v.audience, "audience"),
        (_, "starts_on" | "ends_on" | "updated_on" | "signed_charter_on") => date(value),
        (_, "lat" | "lon") => number(value),
        (_, "website") => website(value),
        (_, "email") => {
            let address = value.strip_prefix("mailto:").unwrap_or(value).trim();
            checked(address, syntax::email(address))
        }
        (_, "phone") => {
            let phone = value.split_whitespace().collect::<Vec<_>>().join(" ");
            checked(&phone, syntax::phone(&phone))
        }
        (_, "booking") if value.to_ascii_lowercase().starts_with("www.") => website(value),
        (_, "booking") => checked(value, syntax::booking(value)),
        (_, "id") => id(value),
        ("offers", "districts") if matches!(fold(value).as_str(), "all" | "tous" | "toutes") => {
            Ok(Fixed::Changed("all".into()))
        }
        ("offers", "districts") => references(value, &c.districts, "district"),
        (_, "district") => reference(value, &c.districts, "district"),
        (_, "operator") => reference(value, &c.operators, "operator"),
        ("offers", "partners") => references(value, &c.operators, "operator"),
        ("offers", "venue") => reference(value, &c.venues, "venue"),
        ("offers", "price") => parsed(cells::price(value).map(|p| p.map(|p| p.code().to_owned()))),
        ("offers", "status") => parsed(cells::status(value).map(|s| Some(s.code().to_owned()))),
        ("offers", "age_min" | "age_max") => parsed(cells::age(value).map(|a| a.map(|a| a.to_string()))),
        ("offers", "languages") => languages(value),
        _ => Ok(Fixed::Same),
    }
}

fn checked(value: &str, problem: Option<syntax::Problem>) -> Outcome {
    match problem {
        Some(problem) => Err(problem),
        None => Ok(Fixed::Changed(value.to_owned())),
    }
}

fn parsed(result: Result<Option<String>, cells::Problem>) -> Outcome {
    match result {
        Ok(value) => Ok(Fixed::Changed(value.unwrap_or_default())),
        Err(p) => Err((p.message, p.hint)),
    }
}

/// A vocabulary code from a code, a folded code, or a label in either language.
pub fn find_code(value: &str, vocabulary: &Vocabulary) -> Option<String> {
    let folded = fold(value);
    vocabulary
        .terms
        .iter()
        .find(|t| {
            t.code == value || fold(&t.code) == folded || fold(&t.fr) == folded || fold(&t.en) == folded
        })
        .map(|t| t.code.clone())
}

fn code(value: &str, vocabulary: &Vocabulary, group: &str) -> Outcome {
    match find_code(value, vocabulary) {
        Some(code) => Ok(Fixed::Changed(code)),
        None => Err(unknown_code(value, vocabulary, group)),
    }
}

fn codes(value: &str, vocabulary: &Vocabulary, group: &str) -> Outcome {
    let mut out: Vec<String> = Vec::new();
    for part in cells::list(value) {
        let code = find_code(&part, vocabulary).ok_or_else(|| unknown_code(&part, vocabulary, group))?;
        if !out.contains(&code) {
            out.push(code);
        }
    }
    Ok(Fixed::Changed(out.join("|")))
}

fn unknown_code(value: &str, vocabulary: &Vocabulary, group: &str) -> syntax::Problem {
    let hint = did_you_mean(value, vocabulary.codes()).unwrap_or_else(|| {
        format!(
            "map it in the mapping's value map, e.g. {{ map = {{ \"{value}\" = \"…\" }} }}; codes: {}",
            { vocabulary.codes().collect::<Vec<_>>().join(", ") }
        )
    });
    (format!("\"{value}\" is not a code of `{group}`"), Some(hint))
}

/// `15/06/2026`, `2026-06-15`, and the date part of `2026-06-15T10:00:00` → `2026-06-15`.
fn date(value: &str) -> Outcome {
    let day = value.split(['T', ' ']).next().unwrap_or(value);
    match cells::date(day) {
        Ok(Some(d)) => Ok(Fixed::Changed(d.format("%Y-%m-%d").to_string())),
        Ok(None) => Ok(Fixed::Changed(String::new())),
        Err(p) => Err((p.message, p.hint)),
    }
}

fn number(value: &str) -> Outcome {
    match cells::number(value) {
        Ok(n) => Ok(Fixed::Changed(n.map(|n| n.to_string()).unwrap_or_default())),
        Err(p) => Err((p.message, p.hint)),
    }
}

fn website(value: &str) -> Outcome {
    let lower = value.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return checked(value, syntax::web_address(value));
    }
    let fixed = format!("https://{value}");
    match syntax::web_address(&fixed) {
        None => {
            Ok(Fixed::Warned(fixed.clone(), format!("\"{value}\" has no scheme: written as \"{fixed}\"")))
        }
        Some(_) => Err(syntax::web_address(value).unwrap_or_default()),
    }
}

fn id(value: &str) -> Outcome {
    let slug = passerelle_index::fold::slug(value);
    if slug == value {
        return Ok(Fixed::Same);
    }
    if slug.is_empty() {
        return Err((format!("id \"{value}\" has no letter or digit"), None));
    }
    Ok(Fixed::Warned(slug.clone(), format!("id \"{value}\" is not a slug: written as \"{slug}\"")))
}

/// An id of `known` given by its id or its name (folded).
fn resolve(value: &str, known: &[(String, String)]) -> Option<String> {
    let folded = fold(value);
    known
        .iter()
        .find(|(id, name)| id == value || fold(id) == folded || fold(name) == folded)
        .map(|(id, _)| id.clone())
}

fn reference(value: &str, known: &[(String, String)], what: &str) -> Outcome {
    resolve(value, known).map(Fixed::Changed).ok_or_else(|| {
        let hint = did_you_mean(value, known.iter().map(|(id, _)| id.as_str()))
            .or_else(|| Some(format!("add the {what} to the charter first, or map this value to an id")));
        (format!("unknown {what} \"{value}\""), hint)
    })
}

fn references(value: &str, known: &[(String, String)], what: &str) -> Outcome {
    let mut out = Vec::new();
    for part in cells::list(value) {
        match reference(&part, known, what)? {
            Fixed::Changed(id) => out.push(id),
            _ => out.push(part),
        }
    }
    Ok(Fixed::Changed(out.join("|")))
}

fn languages(value: &str) -> Outcome {
    let mut out = Vec::new();
    for part in cells::list(value) {
        let code = match fold(&part).as_str() {
            "francais" | "french" => "fr".to_owned(),
            "anglais" | "english" => "en".to_owned(),
            "neerlandais" | "dutch" | "nederlands" => "nl".to_owned(),
            "allemand" | "german" | "deutsch" => "de".to_owned(),
            other => other.to_owned(),
        };
        if let Some(problem) = syntax::language(&code) {
            return Err(problem);
        }
        out.push(code);
    }
    Ok(Fixed::Changed(out.join("|")))
}

#[cfg(test)]
mod tests;
