//! Absolute addresses from `site.toml`'s `base_url`, for the few files that need them
//! (sitemap, robots.txt, the feed's ids and links, calendar URLs and UIDs). Pages never do.

use crate::config::Config;
use anyhow::{bail, Result};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Characters kept as they are in a site path: unreserved ones and `/`.
const PATH: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~').remove(b'/');

/// The site's public address: `http(s)://host[:port]/[path/]`, always ending in `/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrl {
    base: String,
    host: String,
}

impl BaseUrl {
    /// The configured base URL, `None` when `base_url` is absent or empty.
    pub fn from_config(config: &Config) -> Result<Option<BaseUrl>> {
        match config.base_url.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(text) => {
                BaseUrl::parse(text).map(Some).map_err(|e| e.context("content/site.toml: invalid `base_url`"))
            }
        }
    }

    /// Parses an absolute `http`/`https` URL without query or fragment.
    pub fn parse(text: &str) -> Result<BaseUrl> {
        let lower = text.to_ascii_lowercase();
        let Some(scheme_len) =
            ["https://", "http://"].iter().find(|s| lower.starts_with(**s)).map(|s| s.len())
        else {
            bail!("`{text}` is not an absolute http:// or https:// address");
        };
        if text.chars().any(|c| c.is_whitespace() || c.is_control() || "<>\"'`\\{}|^".contains(c)) {
            bail!("`{text}` contains a character not allowed in an address");
        }
        if text.contains(['?', '#']) {
            bail!("`{text}` must not have a ?query or #fragment");
        }
        let rest = &text[scheme_len..];
        let authority = rest.split('/').next().unwrap_or_default();
        let host_port = authority.rsplit('@').next().unwrap_or_default();
        let host = match host_port.strip_prefix('[') {
            Some(v6) => v6.split(']').next().unwrap_or_default(),
            None => host_port.split(':').next().unwrap_or_default(),
        };
        if host.is_empty() {
            bail!("`{text}` has no host name");
        }
        let mut base = format!("{}{}", &lower[..scheme_len], rest);
        if !base.ends_with('/') {
            base.push('/');
        }
        Ok(BaseUrl { base, host: host.to_ascii_lowercase() })
    }

    /// The absolute address of `path`, a site-relative path (`offers/x/index.html`).
    pub fn join(&self, path: &str) -> String {
        format!("{}{}", self.base, utf8_percent_encode(path.trim_start_matches('/'), PATH))
    }

    /// The address of the site root.
    pub fn root(&self) -> &str {
        &self.base
    }

    /// The host name, without port (`charte.example.org`).
    pub fn host(&self) -> &str {
        &self.host
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // A base URL gets its trailing slash, keeps its sub-path, and joins site paths.
    #[test]
    fn joins_paths_under_the_base() {
        let base = BaseUrl::parse("HTTPS://charte.example.org/culture").expect("valid");
        assert_eq!(base.root(), "https://charte.example.org/culture/");
        assert_eq!(
            base.join("offers/atelier-slam/index.html"),
            "https://charte.example.org/culture/offers/atelier-slam/index.html"
        );
        assert_eq!(base.join("a b/é.html"), "https://charte.example.org/culture/a%20b/%C3%A9.html");
        assert_eq!(base.host(), "charte.example.org");
        assert_eq!(BaseUrl::parse("http://user@[::1]:8080/").expect("v6").host(), "::1");
        assert_eq!(BaseUrl::parse("http://localhost:8000").expect("port").host(), "localhost");
    }

    // Relative, non-web, or decorated addresses are refused with a message.
    #[test]
    fn refuses_what_is_not_a_base() {
        for bad in [
            "charte.example.org",
            "ftp://x.org/",
            "https://",
            "https://x.org/?a=1",
            "https://x.org/#top",
            "https://x.org/a b",
            "javascript:alert(1)",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
