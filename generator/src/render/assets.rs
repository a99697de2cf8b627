//! The site's own static files: the stylesheets and the icon, embedded, each overridable by a
//! file of the same name in `ROOT/content/static/`, written under `assets/` with a content
//! hash in the name (cache busting: a changed stylesheet gets a new URL). Every other file of
//! `content/static/` (a city's logo, a PDF) is copied to `static/` under its own name, so
//! Markdown pages can link to it.

use super::Sink;
use anyhow::Result;
use serde::Serialize;
use std::collections::BTreeMap;

/// The built-in static files, by name.
pub const STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../../static/style.css")),
    ("print.css", include_bytes!("../../static/print.css")),
    ("icon.svg", include_bytes!("../../static/icon.svg")),
];

/// Where the theme files are in this build (paths relative to the site root).
#[derive(Clone, Debug, Serialize)]
pub struct Assets {
    pub style: String,
    pub print: String,
    pub icon: String,
    /// The stylesheet itself, for pages that must not depend on their depth (`404.html`).
    #[serde(skip)]
    pub style_source: String,
    /// The icon as a `data:` URL, for the same pages (no request to the host's root).
    #[serde(skip)]
    pub icon_data: String,
}

/// Resolves the theme files (override or embedded), writes them with hashed names, copies the
/// rest of `content/static/` (`statics`, read by `load`), and says where the theme files went.
pub fn write(statics: &BTreeMap<String, Vec<u8>>, out: &mut dyn Sink) -> Result<Assets> {
    let mut paths = Vec::new();
    let mut style_source = String::new();
    let mut icon_data = String::new();
    for (name, embedded) in STATIC {
        let bytes = statics.get(*name).map_or(*embedded, Vec::as_slice);
        if *name == "style.css" {
            style_source = String::from_utf8_lossy(bytes).into_owned();
        }
        if *name == "icon.svg" {
            let text = String::from_utf8_lossy(bytes);
            let svg = percent_encoding::utf8_percent_encode(&text, percent_encoding::NON_ALPHANUMERIC);
            icon_data = format!("data:image/svg+xml,{svg}");
        }
        let path = hashed_name(name, bytes);
        out.put(&path, bytes)?;
        paths.push(path);
    }
    for (rel, bytes) in statics {
        if STATIC.iter().any(|(name, _)| name == rel) {
            continue;
        }
        out.put(&format!("static/{rel}"), bytes)?;
    }
    let [style, print, icon]: [String; 3] =
        paths.try_into().map_err(|_| anyhow::anyhow!("three theme files"))?;
    Ok(Assets { style, print, icon, style_source, icon_data })
}

/// `style.css` → `assets/style.0123456789.css`, the hash from the bytes.
pub fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let hash = fnv1a(bytes);
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("assets/{stem}.{:010x}.{ext}", hash >> 24),
        None => format!("assets/{name}.{:010x}", hash >> 24),
    }
}

/// FNV-1a, 64 bits: stable across builds and platforms (a cache key, not a security hash).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    // Theme files get hashed names; a site's override replaces one and its hash changes; other
    // files of content/static/ are copied under their own names.
    #[test]
    fn overrides_and_copies() {
        let mut out: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        let default = write(&BTreeMap::new(), &mut out).expect("writes");
        assert!(default.style.starts_with("assets/style.") && default.style.ends_with(".css"));
        let statics = BTreeMap::from([
            ("style.css".to_owned(), b"body{}".to_vec()),
            ("logo.png".to_owned(), b"png".to_vec()),
        ]);
        let mut out: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        let custom = write(&statics, &mut out).expect("writes");
        assert_ne!(custom.style, default.style);
        assert_eq!(out.get(&custom.style).map(Vec::as_slice), Some(&b"body{}"[..]));
        assert!(out.contains_key("static/logo.png"));
        assert!(!out.contains_key("static/style.css"));
    }
}
