//! Borrowed view structs: what templates see, built from the model without copying its text.
//! Templates never get the model itself; each view holds ready-to-print labels (vocabulary
//! terms in the site's language, formatted dates) and site-relative paths (templates prefix
//! them with `{{ root }}`).

pub mod correction;
pub mod coverage;
pub mod district;
pub mod draw;
pub mod offer;
pub mod operator;
pub mod partnership;
pub mod request;
pub mod venue;

use super::i18n::Catalogue;
use crate::vocabulary::Vocabulary;
use serde::Serialize;

/// An internal link: a site-relative path and its text.
#[derive(Clone, Debug, Serialize)]
pub struct Link<'a> {
    pub path: String,
    pub label: &'a str,
}

impl<'a> Link<'a> {
    /// The page of record `id` in `table`: `offers/<id>.html`.
    pub fn record(table: &str, id: &str, label: &'a str) -> Link<'a> {
        Link { path: record_path(table, id), label }
    }
}

/// The site-relative path of a record's page: one file, `offers/<id>.html` (DESIGN.md
/// "Site": a folder per record would double the files and folders a build creates, and the
/// links name their file, so the site works from `file://`).
pub fn record_path(table: &str, id: &str) -> String {
    format!("{table}/{id}.html")
}

/// The site-relative path of an offer's calendar, beside its page: `offers/<id>.ics`.
pub fn calendar_path(id: &str) -> String {
    format!("offers/{id}.ics")
}

/// A vocabulary term: its stable code (for CSS classes) and its label.
#[derive(Clone, Debug, Serialize)]
pub struct Label<'a> {
    pub code: &'a str,
    pub label: &'a str,
}

/// The labels of `codes` in `vocabulary` (unknown codes show as themselves).
pub fn labels<'a>(cat: &Catalogue, vocabulary: &'a Vocabulary, codes: &'a [String]) -> Vec<Label<'a>> {
    codes
        .iter()
        .map(|code| Label { code, label: vocabulary.get(code).map_or(code.as_str(), |t| cat.term(t)) })
        .collect()
}

/// A breadcrumb: the last one (the page itself) has no path.
#[derive(Clone, Debug, Serialize)]
pub struct Crumb {
    pub label: String,
    pub path: Option<String>,
}

/// A key to sort names as people expect: accents and case folded ("Écoles" near "ecole"),
/// leading quotes and signs ignored ("« La Zone »" among the L).
pub fn sort_key(name: &str) -> String {
    passerelle_index::fold::fold(name)
}

/// The letter a name is filed under in an A–Z index ("#" for digits and signs).
pub fn initial(name: &str) -> char {
    sort_key(name).chars().find(|c| c.is_alphanumeric()).map_or('#', |c| {
        if c.is_ascii_alphabetic() {
            c.to_ascii_uppercase()
        } else {
            '#'
        }
    })
}

/// An address on one line: "rue X 12, 4020 Liège" (empty parts left out).
pub fn address_line(address: &str, postcode: &str, city: &str) -> String {
    let town = [postcode.trim(), city.trim()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    [address.trim(), town.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(", ")
}

/// The calendar feed of a district's current offers (written by `export`).
pub fn district_feed(id: &str) -> String {
    format!("calendars/districts/{id}.ics")
}

/// The calendar feed of an audience's current offers (written by `export`).
pub fn audience_feed(code: &str) -> String {
    format!("calendars/audiences/{code}.ics")
}

/// The public address of a page, for mails: `base_url` + path without `index.html`, or the
/// site-relative path when the site's address is unknown.
pub fn public_url(config: &crate::config::Config, path: &str) -> String {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    match config.base_url.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
        Some(base) => format!("{}/{path}", base.trim_end_matches('/')),
        None => path.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Names file under their folded first letter; signs and digits under "#".
    #[test]
    fn initials_fold_accents() {
        assert_eq!(initial("Échevinat"), 'E');
        assert_eq!(initial("« La Zone »"), 'L');
        assert_eq!(initial("123 Soleil"), '#');
        assert_eq!(address_line("rue X 1", "4020", "Liège"), "rue X 1, 4020 Liège");
        assert_eq!(address_line("", "", "Liège"), "Liège");
    }
}
