//! `sitemap.xml` and `robots.txt`.
//!
//! The sitemap lists every HTML page the build put (`Staging::pages`) except `404.html`, by
//! the same addresses the pages link each other with (`offers/x.html`: they work on every
//! host, even without directory indexes), absolute under `base_url`. A sitemap must hold
//! absolute URLs, so without `base_url` there is none (and no `Sitemap:` line in robots.txt).
//! Past [`LIMIT`] pages, the protocol's limit per file, `sitemap.xml` becomes a sitemap index
//! of `sitemap-1.xml`, `sitemap-2.xml`, …
//!
//! robots.txt allows everything: the charter is public information.

use super::urls::BaseUrl;
use anyhow::{Context, Result};
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;

/// The most URLs one sitemap file may list (sitemaps.org).
pub const LIMIT: usize = 50_000;

const NAMESPACE: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// The sitemap files as `(site path, bytes)`: one `sitemap.xml`, or an index and its parts.
pub fn sitemaps(pages: &[&str], base: &BaseUrl) -> Result<Vec<(String, Vec<u8>)>> {
    let urls: Vec<String> = pages.iter().filter(|p| **p != "404.html").map(|p| base.join(p)).collect();
    if urls.len() <= LIMIT {
        return Ok(vec![("sitemap.xml".to_owned(), document("urlset", "url", &urls)?)]);
    }
    let mut files = Vec::new();
    let mut parts = Vec::new();
    for (i, chunk) in urls.chunks(LIMIT).enumerate() {
        let name = format!("sitemap-{}.xml", i + 1);
        parts.push(base.join(&name));
        files.push((name, document("urlset", "url", chunk)?));
    }
    files.insert(0, ("sitemap.xml".to_owned(), document("sitemapindex", "sitemap", &parts)?));
    Ok(files)
}

/// `robots.txt`: everything allowed, and where the sitemap is when there is one.
pub fn robots(base: Option<&BaseUrl>) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = base {
        text.push_str(&format!("\nSitemap: {}\n", base.join("sitemap.xml")));
    }
    text
}

/// `<root xmlns=…><item><loc>url</loc></item>…</root>`.
fn document(root: &str, item: &str, urls: &[String]) -> Result<Vec<u8>> {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    let write = |writer: &mut Writer<Vec<u8>>| -> std::io::Result<()> {
        writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        writer.create_element(root).with_attribute(("xmlns", NAMESPACE)).write_inner_content(|w| {
            for url in urls {
                w.create_element(item).write_inner_content(|w| {
                    w.create_element("loc").write_text_content(BytesText::new(url))?;
                    Ok(())
                })?;
            }
            Ok(())
        })?;
        Ok(())
    };
    write(&mut writer).context("failed to write a sitemap")?;
    let mut bytes = writer.into_inner();
    bytes.push(b'\n');
    Ok(crate::text::xml_guard(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `<loc>` texts of a sitemap document.
    fn locs(bytes: &[u8]) -> Vec<String> {
        let text = std::str::from_utf8(bytes).expect("utf-8");
        let doc = roxmltree::Document::parse(text).expect("well-formed XML");
        doc.descendants()
            .filter(|n| n.has_tag_name((NAMESPACE, "loc")))
            .map(|n| n.text().unwrap_or_default().to_owned())
            .collect()
    }

    // Pages are listed absolute under the base URL, 404.html left out, and robots.txt points
    // at the sitemap.
    #[test]
    fn sitemap_lists_pages_absolute() {
        let base = BaseUrl::parse("https://charte.example.org/c/").expect("base");
        let files = sitemaps(&["404.html", "index.html", "offers/a&b/index.html"], &base).expect("sitemap");
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].0, "sitemap.xml");
        assert_eq!(
            locs(&files[0].1),
            [
                "https://charte.example.org/c/index.html",
                "https://charte.example.org/c/offers/a%26b/index.html"
            ]
        );
        assert_eq!(
            robots(Some(&base)),
            "User-agent: *\nAllow: /\n\nSitemap: https://charte.example.org/c/sitemap.xml\n"
        );
        assert_eq!(robots(None), "User-agent: *\nAllow: /\n");
    }

    // Past the protocol's limit, sitemap.xml is an index of numbered parts.
    #[test]
    fn large_sites_get_a_sitemap_index() {
        let base = BaseUrl::parse("https://x.example.org/").expect("base");
        let names: Vec<String> = (0..LIMIT + 1).map(|i| format!("offers/o{i}/index.html")).collect();
        let pages: Vec<&str> = names.iter().map(String::as_str).collect();
        let files = sitemaps(&pages, &base).expect("sitemap");
        let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
        assert!(std::str::from_utf8(&files[0].1).expect("utf-8").contains("<sitemapindex"));
        assert_eq!(
            locs(&files[0].1),
            ["https://x.example.org/sitemap-1.xml", "https://x.example.org/sitemap-2.xml"]
        );
        assert_eq!(locs(&files[2].1), ["https://x.example.org/offers/o50000/index.html"]);
    }
}
