//! `content/site.toml`: the site's configuration (title, language, coordination contact, map).
//! `load` reads the file; [`Config::from_source`] reports every problem at its line and column.

use crate::diagnostics::{line_col, Diagnostics, Severity};
use crate::links;
use anyhow::{Context, Result};
use serde::Deserialize;
use std::path::Path;

/// The interface language of the site.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Fr,
    En,
}

impl Language {
    /// The BCP 47 tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
        }
    }
}

/// The site configuration, from `content/site.toml`.
#[derive(Clone, Debug, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The site's name, in the header and the `<title>`s.
    pub title: String,
    /// One or two sentences: what the charter is (home page, feed, meta description).
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub language: Language,
    /// The language the records (CSV text) are written in, when it differs from the
    /// interface's: record text is then marked with `lang` for screen readers. Defaults to
    /// `language`.
    #[serde(default)]
    pub data_language: Option<Language>,
    /// The public address, when known: only the sitemap and the feed need absolute URLs.
    /// Pages never use it (every link is relative).
    #[serde(default)]
    pub base_url: Option<String>,
    /// Who answers corrections and questions.
    pub coordination: Coordination,
    #[serde(default)]
    pub map: Map,
    /// The IANA time zone every time of the data is local to (DESIGN.md "Time").
    #[serde(default = "default_timezone")]
    pub timezone: String,
    /// The day a season starts each year, `MM-DD` (default `09-01`, the school year): the
    /// districts comparison counts the offers of the season under way, and gives each previous
    /// season its own table.
    #[serde(default = "default_season_starts")]
    pub season_starts: String,
}

fn default_timezone() -> String {
    "Europe/Brussels".to_owned()
}

fn default_season_starts() -> String {
    "09-01".to_owned()
}

/// `MM-DD` as (month, day), when it is a day of every year (not 02-29).
fn month_day(text: &str) -> Option<(u32, u32)> {
    let (m, d) = text.trim().split_once('-')?;
    let (m, d) = (m.parse().ok()?, d.parse().ok()?);
    chrono::NaiveDate::from_ymd_opt(2027, m, d).map(|_| (m, d))
}

/// The coordination of the charter (a city service).
#[derive(Clone, Debug, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Coordination {
    pub name: String,
    /// Where "report a correction" mails go.
    pub email: String,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
}

/// The explorer map's optional raster background. Without `tiles`, the map is drawn from the
/// district shapes alone and no third-party request is made.
#[derive(Clone, Debug, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Map {
    /// A tile URL template with `{z}`, `{x}`, `{y}`, e.g. `https://tiles.example.org/{z}/{x}/{y}.png`.
    #[serde(default)]
    pub tiles: Option<String>,
    /// Required with `tiles`: the attribution the tile server asks for.
    #[serde(default)]
    pub attribution: Option<String>,
}

impl Config {
    /// The site's time zone (checked by [`Config::parse`]; Brussels if it somehow is not).
    pub fn zone(&self) -> chrono_tz::Tz {
        self.timezone.parse().unwrap_or(chrono_tz::Europe::Brussels)
    }

    /// The season holding `day`: from its start (`season_starts`) to the day before the next.
    pub fn season(&self, day: chrono::NaiveDate) -> (chrono::NaiveDate, chrono::NaiveDate) {
        use chrono::Datelike;
        let (m, d) = month_day(&self.season_starts).unwrap_or((9, 1));
        let start_in = |year: i32| chrono::NaiveDate::from_ymd_opt(year, m, d).unwrap_or(day);
        let start = if start_in(day.year()) <= day { start_in(day.year()) } else { start_in(day.year() - 1) };
        let next = start_in(start.year() + 1);
        (start, next.pred_opt().unwrap_or(next))
    }

    /// Reads `ROOT/content/site.toml`.
    pub fn load(root: &Path) -> Result<Config> {
        let path = root.join("content/site.toml");
        let bytes = crate::fs::read(&path)?;
        let text = String::from_utf8(bytes).with_context(|| format!("`{}` is not UTF-8", path.display()))?;
        Config::parse(&text).with_context(|| format!("invalid `{}`", path.display()))
    }

    /// Parses and checks a `site.toml` text.
    pub fn parse(text: &str) -> Result<Config> {
        let mut diagnostics = Diagnostics::default();
        match Config::from_source(text, "site.toml", &mut diagnostics) {
            Some(config) => Ok(config),
            None => {
                let first = diagnostics.iter().next().map_or_else(String::new, |d| d.message.clone());
                anyhow::bail!("{first}")
            }
        }
    }

    /// Parses `text` (the file `file`), pushing every problem with its line and column:
    /// syntax, unknown or missing keys, and values the site cannot use. `None` on any error.
    pub fn from_source(text: &str, file: &str, diagnostics: &mut Diagnostics) -> Option<Config> {
        let config = match toml::from_str::<Config>(text) {
            Ok(config) => config,
            Err(error) => {
                let at = line_col(text, error.span().map_or(0, |s| s.start));
                let hint = "see the comments of the shipped content/site.toml for every key".to_owned();
                diagnostics.push_at(Severity::Error, file, at, error.message().trim().to_owned(), Some(hint));
                return None;
            }
        };
        let errors = diagnostics.error_count();
        let mut report = |path: &[&str], message: String, hint: &str| {
            diagnostics.push_at(Severity::Error, file, position(text, path), message, Some(hint.to_owned()));
        };
        if links::mail(&config.coordination.email).is_none() {
            report(
                &["coordination", "email"],
                format!("the coordination's e-mail `{}` is not an e-mail address", config.coordination.email),
                "\"report a correction\" links write to it: give an address such as culture@ville.example",
            );
        }
        if let Some(phone) = config.coordination.phone.as_deref().filter(|p| links::phone(p).is_none()) {
            report(
                &["coordination", "phone"],
                format!("`{phone}` is not a phone number"),
                "digits, spaces, dots, dashes, one leading +",
            );
        }
        if let Some(url) = config.base_url.as_deref().filter(|u| links::web(u).is_none()) {
            report(
                &["base_url"],
                format!("`{url}` is not an http(s) address"),
                "the site's public address, such as https://culture.ville.example/charte/",
            );
        }
        if config.timezone.parse::<chrono_tz::Tz>().is_err() {
            let close = crate::diagnostics::suggest::closest(
                &config.timezone,
                chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()),
            );
            let close = close.map_or_else(String::new, |c| format!(" (did you mean \"{c}\"?)"));
            report(
                &["timezone"],
                format!("timezone \"{}\" is not an IANA time zone{close}", config.timezone),
                "a name of the IANA database, such as Europe/Brussels or Europe/Paris",
            );
        }
        if month_day(&config.season_starts).is_none() {
            report(
                &["season_starts"],
                format!("season_starts `{}` is not a day of the year as MM-DD", config.season_starts),
                "the day each season starts, such as \"09-01\" for the school year",
            );
        }
        if let Some(tiles) = config.map.tiles.as_deref() {
            let template = ["{z}", "{x}", "{y}"].iter().all(|p| tiles.contains(p));
            if !template || links::web(tiles).is_none() {
                report(
                    &["map", "tiles"],
                    format!("`{tiles}` is not a tile server address"),
                    "an https:// (or http://) URL template with {z}, {x} and {y}, e.g. https://tiles.example.org/{z}/{x}/{y}.png",
                );
            }
            if config.map.attribution.as_deref().is_none_or(|a| a.trim().is_empty()) {
                report(
                    &["map", "tiles"],
                    "[map] tiles needs an attribution (the tile server's terms require one)".to_owned(),
                    "add attribution = \"© OpenStreetMap contributors\" (or what the server asks for)",
                );
            }
        }
        (diagnostics.error_count() == errors).then_some(config)
    }
}

/// Where the value at `path` (`["map", "tiles"]`) is in a `site.toml` text; 1:1 when unknown.
fn position(text: &str, path: &[&str]) -> (u32, u32) {
    let Ok(root) = toml::de::DeTable::parse(text) else { return (1, 1) };
    let mut table = root.get_ref();
    let mut span = root.span();
    for key in path {
        let Some((_, value)) = table.iter().find(|(k, _)| k.get_ref() == key) else { break };
        span = value.span();
        match value.get_ref().as_table() {
            Some(inner) => table = inner,
            None => break,
        }
    }
    line_col(text, span.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The shipped site.toml parses.
    #[test]
    fn shipped_config_parses() {
        let text = include_str!("../../content/site.toml");
        let config = Config::parse(text).expect("content/site.toml");
        assert_eq!(config.language, Language::Fr);
        assert!(config.map.tiles.is_none(), "no third-party request by default");
    }

    // Unknown keys and tiles without attribution are refused with a clear message.
    #[test]
    fn refuses_unknown_keys_and_unattributed_tiles() {
        let base = "title = \"t\"\n[coordination]\nname = \"n\"\nemail = \"e@example.org\"\n";
        assert!(Config::parse(&format!("colour = 1\n{base}")).is_err());
        let tiles = format!("{base}[map]\ntiles = \"https://t.example.org/{{z}}/{{x}}/{{y}}.png\"\n");
        let err = Config::parse(&tiles).expect_err("no attribution").to_string();
        assert!(err.contains("attribution"), "{err}");
    }

    // Every problem of a site.toml is a diagnostic at the line and column of its value.
    #[test]
    fn problems_have_their_place() {
        let cases = [
            ("title = \"t\"\ncolour = 1\n[coordination]\nname = \"n\"\nemail = \"e@x.org\"\n", (2, 1), "unknown field"),
            ("title = \"t\"\n[coordination]\nname = \"n\"\nemail = \"pas une adresse\"\n", (4, 9), "not an e-mail"),
            ("title = \"t\n", (1, 11), "invalid"),
            (
                "title = \"t\"\n[coordination]\nname = \"n\"\nemail = \"e@x.org\"\n[map]\ntiles = \"javascript:alert(1)//{z}{x}{y}\"\nattribution = \"a\"\n",
                (6, 9),
                "not a tile server",
            ),
            ("base_url = \"ftp://x\"\ntitle = \"t\"\n[coordination]\nname = \"n\"\nemail = \"e@x.org\"\n", (1, 12), "http(s)"),
        ];
        for (text, at, needle) in cases {
            let mut diagnostics = Diagnostics::default();
            assert!(Config::from_source(text, "content/site.toml", &mut diagnostics).is_none(), "{text}");
            let first = diagnostics.iter().next().expect("a diagnostic");
            assert_eq!((first.line, first.column), at, "{text}: {first:?}");
            assert!(first.message.contains(needle), "{text}: {first:?}");
        }
    }

    // The time zone defaults to Brussels; a misspelt one is refused with a suggestion.
    #[test]
    fn timezone() {
        let base = "title = \"t\"\n[coordination]\nname = \"n\"\nemail = \"e@example.org\"\n";
        assert_eq!(Config::parse(base).expect("valid").zone(), chrono_tz::Europe::Brussels);
        let paris = Config::parse(&format!("timezone = \"Europe/Paris\"\n{base}")).expect("valid");
        assert_eq!(paris.zone(), chrono_tz::Europe::Paris);
        let err = Config::parse(&format!("timezone = \"Europe/Brusels\"\n{base}"));
        assert!(err.is_err_and(|e| e.to_string().contains("Europe/Brussels")));
        let mut diagnostics = Diagnostics::default();
        let text = format!("timezone = \"Europe/Brusels\"\n{base}");
        assert!(Config::from_source(&text, "content/site.toml", &mut diagnostics).is_none());
        let first = diagnostics.iter().next().expect("a diagnostic");
        assert_eq!((first.line, first.column), (1, 12));
    }
}
