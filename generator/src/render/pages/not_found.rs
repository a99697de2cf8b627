//! `404.html`: the page static hosts serve for any missing URL, at any depth.
//!
//! Its links cannot be relative to its own location (it is served at the missing URL's), so:
//! when `site.toml` gives `base_url`, links are absolute to it (the one page that uses it);
//! otherwise they are written relative to the site root, which is right when the host serves
//! `404.html` for a missing page at the root level and when the file is opened directly. The
//! stylesheet is inlined so the page is styled at any depth; it has no script, and the inlined
//! CSS cannot close its `<style>` element ([`inline_css`]).

use crate::render::{Sink, Site};
use anyhow::Result;
use serde::Serialize;

#[derive(Serialize)]
struct NotFound<'a> {
    inline_style: &'a str,
    /// The icon inlined too: without one, a browser asks for /favicon.ico at the host's root.
    icon_data: &'a str,
}

/// Renders `404.html`.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    let base = match site.config.base_url.as_deref().and_then(crate::links::web) {
        Some(web) => format!("{}/", web.href.trim_end_matches('/')),
        None => "./".to_owned(),
    };
    let title = site.cat.get("not_found.title")?;
    let meta = site.meta("404.html", title, "", Vec::new());
    let inline_style = inline_css(&site.assets.style_source);
    site.page_rooted(
        out,
        "404.html",
        meta,
        &base,
        NotFound { inline_style: &inline_style, icon_data: &site.assets.icon_data },
    )
}

/// CSS made safe to inline in `<style>`: a `<style>` element's text ends at the first `</`
/// followed by `style` (any case), so every `</` becomes `<\/`, which CSS reads the same
/// (`\/` is an escaped `/`) and HTML never reads as an end tag. A `content/static/style.css`
/// holding `</style><script>…` stays CSS.
pub fn inline_css(css: &str) -> String {
    css.replace("</", "<\\/")
}

#[cfg(test)]
mod tests {
    use super::inline_css;

    // No `</` survives, whatever its case; the rest of the stylesheet is as written.
    #[test]
    fn inlined_css_cannot_close_its_element() {
        let css = "a::after { content: \"</style>\"; }</STYLE><script>alert(1)</script>";
        let inlined = inline_css(css);
        assert!(!inlined.contains("</"), "{inlined}");
        assert_eq!(inlined.replace("<\\/", "</"), css);
        assert_eq!(inline_css("body { color: #000; }"), "body { color: #000; }");
    }
}
