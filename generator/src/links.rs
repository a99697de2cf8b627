//! Links: the relative `root` of a page, the only external `href`s a page may carry
//! (`http(s)`, `mailto:`, `tel:`), and pre-filled `mailto:` URLs.
//!
//! Link strategy: every internal link is relative to the page (`{{ root }}offers/x.html`)
//! and names its file (`offers/x.html`, `offers/index.html`), so the same `site/` works at a domain root, under a
//! sub-path, on hosts without directory indexes (S3 REST, a USB stick opened as `file://`).

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Serialize;

/// The prefix that leads from the page at `path` (site-relative, `/`-separated) back to the
/// site root: `"./"` at the root, `"../"` for `offers/x.html`.
pub fn root_of(path: &str) -> String {
    let depth = path.matches('/').count();
    if depth == 0 {
        "./".to_owned()
    } else {
        "../".repeat(depth)
    }
}

/// What kind of target an external link has (templates pick an icon and a label by it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HrefKind {
    Web,
    Mail,
    Phone,
}

/// An external link that is safe to put in an `href`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Href {
    pub href: String,
    /// What to show: the address without its scheme.
    pub label: String,
    pub kind: HrefKind,
}

/// A web address, only when it is `http://` or `https://` (case-insensitive) and has no
/// character that could break out of an attribute, hide a scheme or make it show as another
/// address (bidi overrides, zero-width characters).
pub fn web(url: &str) -> Option<Href> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"))?;
    if rest.is_empty()
        || url.chars().any(|c| c.is_whitespace() || c.is_control() || hidden(c) || "<>\"'`\\".contains(c))
    {
        return None;
    }
    let label = url.split_once("://").map_or(url, |(_, r)| r).trim_end_matches('/').to_owned();
    Some(Href { href: url.to_owned(), label, kind: HrefKind::Web })
}

/// A bidi override or zero-width character: never in an `href` (see [`crate::text`]).
fn hidden(c: char) -> bool {
    crate::text::is_invisible(c)
}

/// An e-mail address as a `mailto:` link (the address must look like one: `x@y.z`, nothing
/// invisible).
pub fn mail(address: &str) -> Option<Href> {
    let address = address.trim().trim_start_matches("mailto:");
    if address.chars().any(hidden) {
        return None;
    }
    let (user, host) = address.split_once('@')?;
    let ok = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || "._%+-".contains(c));
    if !ok(user) || !ok(host) || !host.contains('.') {
        return None;
    }
    Some(Href { href: format!("mailto:{address}"), label: address.to_owned(), kind: HrefKind::Mail })
}

/// A phone number as a `tel:` link (digits, spaces, dots, dashes, parentheses, one leading +).
pub fn phone(number: &str) -> Option<Href> {
    let number = number.trim().trim_start_matches("tel:");
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let allowed = number
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || " .-/()".contains(c) || (c == '+' && i == 0));
    if digits < 3 || !allowed {
        return None;
    }
    let compact: String = number.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    Some(Href { href: format!("tel:{compact}"), label: number.to_owned(), kind: HrefKind::Phone })
}

/// A booking cell (a URL, an e-mail address or a phone number) as a link, or `None` when it
/// is none of those (then it is shown as text, never as an `href`).
pub fn booking(value: &str) -> Option<Href> {
    web(value).or_else(|| mail(value)).or_else(|| phone(value))
}

/// Whether a Markdown link destination may become an `href`: a safe external link, or a
/// relative one (no scheme at all).
pub fn markdown_destination_ok(dest: &str) -> bool {
    let dest = dest.trim();
    let lower = dest.to_ascii_lowercase();
    if lower.starts_with("mailto:") || lower.starts_with("tel:") {
        return mail(dest).is_some() || phone(dest).is_some();
    }
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return web(dest).is_some();
    }
    is_relative(dest)
}

/// A relative reference: no scheme, no protocol-relative `//host`, no root-absolute `/`.
pub fn is_relative(dest: &str) -> bool {
    let before = dest.split(['/', '?', '#']).next().unwrap_or("");
    !before.contains(':')
        && !dest.starts_with('/')
        && !dest.starts_with('\\')
        && !dest.chars().any(|c| c.is_control() || hidden(c))
}

/// A `mailto:` URL to `to` with a subject and body, percent-encoded (RFC 6068).
pub fn mailto(to: &str, subject: &str, body: &str) -> Option<String> {
    let to = mail(to)?;
    Some(format!("{}?subject={}&body={}", to.href, percent(subject), percent(body)))
}

/// RFC 3986's unreserved characters, the only ones [`percent`] leaves as they are.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn percent(text: &str) -> String {
    utf8_percent_encode(text, UNRESERVED).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    // The root prefix climbs one level per folder of the page's path.
    #[test]
    fn root_climbs_per_folder() {
        assert_eq!(root_of("index.html"), "./");
        assert_eq!(root_of("offers/index.html"), "../");
        assert_eq!(root_of("offers/atelier-slam.html"), "../");
        assert_eq!(root_of("offers/archive/index.html"), "../../");
    }

    // Only http(s), mailto and tel become hrefs; javascript: and friends never do.
    #[test]
    fn only_safe_schemes_become_hrefs() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "https://x.org/\"><script>",
            "//evil.example",
            "java\tscript:alert(1)",
            "https://example.org/\u{202E}fdp.exe",
            "https://exa\u{200B}mple.org",
            "contact\u{2066}@example.org",
            "mailto:contact@exa\u{FEFF}mple.org",
            "docs/\u{202E}fdp.html",
        ] {
            assert_eq!(booking(bad), None, "{bad}");
            assert!(!markdown_destination_ok(bad), "{bad}");
        }
        assert_eq!(booking("https://example.org/r").map(|h| h.kind), Some(HrefKind::Web));
        assert_eq!(booking("info@example.org").map(|h| h.href), Some("mailto:info@example.org".into()));
        assert_eq!(booking("+32 4 221 00 00").map(|h| h.href), Some("tel:+3242210000".into()));
        assert!(markdown_destination_ok("../offers/x/index.html"));
    }

    // A correction mail is pre-filled, with every reserved character encoded.
    #[test]
    fn mailto_is_encoded() {
        let url = mailto("c@example.org", "Correction : a&b", "id=x\nligne").expect("valid");
        assert_eq!(url, "mailto:c@example.org?subject=Correction%20%3A%20a%26b&body=id%3Dx%0Aligne");
    }
}
