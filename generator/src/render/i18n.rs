//! The interface strings: one catalogue per language (`generator/i18n/{fr,en}.toml`, embedded,
//! parsed at build time), plus the date formatting that needs them ("mercredi 15 juin 2026").
//!
//! Templates read the catalogue as the global `t` (`{{ t.nav.home }}`); a missing key is an
//! error there (strict undefined) and here ([`Catalogue::get`] fails), never a silent blank.

use crate::config::Language;
use anyhow::{anyhow, Context, Result};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

const FR: &str = include_str!("../../i18n/fr.toml");
const EN: &str = include_str!("../../i18n/en.toml");

/// The embedded catalogue source of `language`.
pub fn source(language: Language) -> &'static str {
    match language {
        Language::Fr => FR,
        Language::En => EN,
    }
}

/// One language's strings, nested (for templates) and flattened by dotted key (for Rust).
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub language: Language,
    tree: toml::Table,
    flat: BTreeMap<String, String>,
    months: Vec<String>,
    weekdays: Vec<String>,
    weekdays_plural: Vec<String>,
}

impl Catalogue {
    /// Parses the embedded catalogue of `language`.
    pub fn load(language: Language) -> Result<Catalogue> {
        Catalogue::parse(language, source(language))
            .with_context(|| format!("invalid embedded catalogue `i18n/{}.toml`", language.tag()))
    }

    /// Parses a catalogue text.
    pub fn parse(language: Language, text: &str) -> Result<Catalogue> {
        let tree: toml::Table = toml::from_str(text)?;
        let mut flat = BTreeMap::new();
        flatten("", &tree, &mut flat);
        let list = |key: &str, len: usize| -> Result<Vec<String>> {
            let items = tree
                .get("dates")
                .and_then(|d| d.get(key))
                .and_then(|v| v.as_array())
                .ok_or_else(|| anyhow!("missing list `dates.{key}`"))?;
            let items: Vec<String> = items.iter().filter_map(|v| v.as_str().map(String::from)).collect();
            anyhow::ensure!(items.len() == len, "`dates.{key}` needs {len} strings");
            Ok(items)
        };
        let months = list("months", 12)?;
        let weekdays = list("weekdays", 7)?;
        let weekdays_plural = list("weekdays_plural", 7)?;
        Ok(Catalogue { language, tree, flat, months, weekdays, weekdays_plural })
    }

    /// The string at a dotted key (`"nav.home"`), or an error naming the key.
    pub fn get(&self, key: &str) -> Result<&str> {
        self.flat
            .get(key)
            .map(String::as_str)
            .ok_or_else(|| anyhow!("missing interface string `{key}` in i18n/{}.toml", self.language.tag()))
    }

    /// The string at `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> Result<String> {
        Ok(fill(self.get(key)?, args))
    }

    /// Every dotted key (lists count as one key).
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.flat.keys().map(String::as_str)
    }

    /// The nested table, for templates.
    pub fn tree(&self) -> &toml::Table {
        &self.tree
    }

    /// "1 offre" / "3 offres": `count.<noun>.one|other` with `{n}`. French counts 0 and 1 as
    /// singular, English only 1.
    pub fn count(&self, noun: &str, n: usize) -> Result<String> {
        let one = match self.language {
            Language::Fr => n <= 1,
            Language::En => n == 1,
        };
        let form = if one { "one" } else { "other" };
        self.fill(&format!("count.{noun}.{form}"), &[("n", &n.to_string())])
    }

    /// The month's name ("juin" / "June").
    pub fn month(&self, month: u32) -> &str {
        &self.months[(month as usize).saturating_sub(1) % 12]
    }

    /// The weekday's name, 0 = Monday ("mardi"), plural when a rule repeats it ("mardis").
    pub fn weekday(&self, weekday: u8, plural: bool) -> &str {
        let names = if plural { &self.weekdays_plural } else { &self.weekdays };
        &names[usize::from(weekday) % 7]
    }

    /// The `i`-th string of the list at `key` (`when.ranks`), empty when out of range.
    pub fn item(&self, key: &str, i: usize) -> &str {
        let (table, name) = key.split_once('.').unwrap_or(("", key));
        self.tree
            .get(table)
            .and_then(|t| t.get(name))
            .and_then(|v| v.as_array())
            .and_then(|a| a.get(i))
            .and_then(|v| v.as_str())
            .unwrap_or("")
    }

    /// "juin 2026" / "June 2026", capitalised ("Juin 2026") for headings.
    pub fn month_year(&self, date: NaiveDate) -> Result<String> {
        let text = self.fill(
            "dates.month_year",
            &[("month", self.month(date.month())), ("year", &date.year().to_string())],
        )?;
        Ok(capitalise(&text))
    }

    /// The day of the month as written: "1er" in French, else the number.
    fn day(&self, date: NaiveDate) -> Result<String> {
        Ok(if date.day() == 1 { self.get("dates.first_day")?.to_owned() } else { date.day().to_string() })
    }

    /// "mercredi 15 juin 2026" / "Wednesday 15 June 2026".
    pub fn date_long(&self, date: NaiveDate) -> Result<String> {
        let weekday = &self.weekdays[date.weekday().num_days_from_monday() as usize];
        self.fill(
            "dates.long",
            &[
                ("weekday", weekday),
                ("day", &self.day(date)?),
                ("month", self.month(date.month())),
                ("year", &date.year().to_string()),
            ],
        )
    }

    /// "15 juin 2026" / "15 June 2026".
    pub fn date_short(&self, date: NaiveDate) -> Result<String> {
        self.fill(
            "dates.short",
            &[
                ("day", &self.day(date)?),
                ("month", self.month(date.month())),
                ("year", &date.year().to_string()),
            ],
        )
    }

    /// A date range as people write it: one day in full ("mercredi 15 juin 2026", also for a
    /// start without an end), "du 15 au 18 juin 2026", "du 15 juin au 3 juillet 2026",
    /// "jusqu’au …"; `None` for an ongoing offer.
    pub fn date_range(&self, start: Option<NaiveDate>, end: Option<NaiveDate>) -> Result<Option<String>> {
        let text = match (start, end) {
            (None, None) => return Ok(None),
            (Some(s), None) => self.date_long(s)?,
            (None, Some(e)) => self.fill("dates.until", &[("date", &self.date_short(e)?)])?,
            (Some(s), Some(e)) if s >= e => self.date_long(s)?,
            (Some(s), Some(e)) => {
                let key = if (s.year(), s.month()) == (e.year(), e.month()) {
                    "dates.range_same_month"
                } else if s.year() == e.year() {
                    "dates.range_same_year"
                } else {
                    "dates.range"
                };
                self.fill(
                    key,
                    &[
                        ("d1", &self.day(s)?),
                        ("m1", self.month(s.month())),
                        ("y1", &s.year().to_string()),
                        ("d2", &self.day(e)?),
                        ("m2", self.month(e.month())),
                        ("y2", &e.year().to_string()),
                    ],
                )?
            }
        };
        Ok(Some(text))
    }

    /// An integer with the language's digit grouping: "12 500" / "12,500".
    pub fn number(&self, n: u64) -> Result<String> {
        let group = self.get("numbers.group")?;
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + 8);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(group);
            }
            out.push(c);
        }
        Ok(out)
    }

    /// A number with one decimal and the language's decimal sign: "2,4" / "2.4".
    pub fn decimal(&self, x: f64) -> Result<String> {
        let text = format!("{:.1}", (x * 10.0).round() / 10.0);
        Ok(text.replace('.', self.get("numbers.decimal")?))
    }

    /// A vocabulary term's label in this language.
    pub fn term<'a>(&self, term: &'a crate::vocabulary::Term) -> &'a str {
        match self.language {
            Language::Fr => &term.fr,
            Language::En => &term.en,
        }
    }

    /// The name of an ISO 639-1 language code ("nl" → "néerlandais"), or the code itself.
    pub fn language_name(&self, code: &str) -> String {
        self.flat
            .get(&format!("languages.{}", code.to_ascii_lowercase()))
            .cloned()
            .unwrap_or_else(|| code.to_owned())
    }
}

/// Replaces each `{name}` in `text` by its value.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = text.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The text with its first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, String>) {
    for (key, value) in table {
        let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        match value {
            toml::Value::Table(t) => flatten(&path, t, out),
            toml::Value::String(s) => {
                out.insert(path, s.clone());
            }
            other => {
                out.insert(path, other.to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    // Both catalogues have exactly the same keys (the explorer's [explorer] table included).
    #[test]
    fn catalogues_have_the_same_keys() {
        let fr = Catalogue::load(Language::Fr).expect("fr");
        let en = Catalogue::load(Language::En).expect("en");
        let fr_keys: Vec<&str> = fr.keys().collect();
        let en_keys: Vec<&str> = en.keys().collect();
        let only_fr: Vec<_> = fr_keys.iter().filter(|k| !en_keys.contains(k)).collect();
        let only_en: Vec<_> = en_keys.iter().filter(|k| !fr_keys.contains(k)).collect();
        assert!(only_fr.is_empty() && only_en.is_empty(), "only in fr: {only_fr:?}; only in en: {only_en:?}");
    }

    // Dates read as people write them, in both languages.
    #[test]
    fn dates_in_both_languages() {
        let fr = Catalogue::load(Language::Fr).expect("fr");
        let en = Catalogue::load(Language::En).expect("en");
        assert_eq!(fr.date_long(day(2026, 6, 17)).expect("test value"), "mercredi 17 juin 2026");
        assert_eq!(en.date_long(day(2026, 6, 17)).expect("test value"), "Wednesday 17 June 2026");
        assert_eq!(fr.date_long(day(2026, 7, 1)).expect("test value"), "mercredi 1er juillet 2026");
        let range = |c: &Catalogue, a, b| c.date_range(Some(a), Some(b)).expect("formats").expect("dated");
        assert_eq!(range(&fr, day(2026, 6, 15), day(2026, 6, 18)), "du 15 au 18 juin 2026");
        assert_eq!(range(&en, day(2026, 6, 15), day(2026, 6, 18)), "15–18 June 2026");
        assert_eq!(range(&fr, day(2026, 6, 15), day(2026, 7, 3)), "du 15 juin au 3 juillet 2026");
        assert_eq!(range(&fr, day(2026, 12, 1), day(2027, 1, 3)), "du 1er décembre 2026 au 3 janvier 2027");
        assert_eq!(fr.date_range(None, None).expect("test value"), None);
        assert_eq!(fr.month_year(day(2026, 6, 1)).expect("test value"), "Juin 2026");
    }

    // Counts agree in number: French 0 and 1 are singular, English only 1.
    #[test]
    fn counts_agree_in_number() {
        let fr = Catalogue::load(Language::Fr).expect("fr");
        let en = Catalogue::load(Language::En).expect("en");
        assert_eq!(fr.count("offer", 0).expect("test value"), "0 offre");
        assert_eq!(fr.count("offer", 2).expect("test value"), "2 offres");
        assert_eq!(en.count("offer", 0).expect("test value"), "0 offers");
        assert_eq!(en.count("offer", 1).expect("test value"), "1 offer");
    }
}
