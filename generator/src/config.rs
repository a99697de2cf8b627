//! `content/site.toml`: the site's configuration (title, language, coordination contact, map).

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
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
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
}

fn default_timezone() -> String {
    "Europe/Brussels".to_owned()
}

/// The coordination of the charter (a city service).
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
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

    /// Reads `ROOT/content/site.toml`.
    pub fn load(root: &Path) -> Result<Config> {
        let path = root.join("content/site.toml");
        let bytes = crate::fs::read(&path)?;
        let text = String::from_utf8(bytes).with_context(|| format!("`{}` is not UTF-8", path.display()))?;
        Config::parse(&text).with_context(|| format!("invalid `{}`", path.display()))
    }

    /// Parses and checks a `site.toml` text.
    pub fn parse(text: &str) -> Result<Config> {
        let config: Config = toml::from_str(text)?;
        if config.timezone.parse::<chrono_tz::Tz>().is_err() {
            let close = crate::diagnostics::suggest::did_you_mean(
                &config.timezone,
                chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()),
            );
            anyhow::bail!(
                "timezone = {:?} is not an IANA time zone: {}",
                config.timezone,
                close.unwrap_or_else(|| "expected a name such as \"Europe/Brussels\"".into())
            );
        }
        if config.map.tiles.is_some() && config.map.attribution.as_deref().is_none_or(str::is_empty) {
            anyhow::bail!("[map] tiles needs an attribution (the tile server's terms require one)");
        }
        Ok(config)
    }
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
        let err = Config::parse(&tiles).unwrap_err().to_string();
        assert!(err.contains("attribution"), "{err}");
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
    }
}
