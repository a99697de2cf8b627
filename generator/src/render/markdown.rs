//! The one door to Markdown: every Markdown text of the site (CSV descriptions, content pages)
//! becomes HTML here, with one set of pulldown-cmark options.
//!
//! Raw HTML is never passed through: it comes out as escaped text. Links keep their `href`
//! only when it is `http(s)`, `mailto:`, `tel:` or relative; otherwise only their text remains.
//! Images are dropped for their alt text in data (they would make third-party requests) and
//! kept in content pages only when relative (files from `content/static/`). Headings are
//! clamped so that a description never outranks the page's own headings.

use crate::links;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Where a Markdown text comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A CSV cell: no images, headings from `<h3>`.
    Data,
    /// A page of `content/`: relative images, headings from `<h2>`.
    Content,
}

/// Renders Markdown to HTML that is safe to insert as is.
pub fn to_html(text: &str, source: Source) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION;
    let min_level = match source {
        Source::Data => HeadingLevel::H3,
        Source::Content => HeadingLevel::H2,
    };
    // Per open link or image: whether its start tag was kept (so its end tag is too).
    let mut kept: Vec<bool> = Vec::new();
    let events = Parser::new_ext(text, options).filter_map(|event| match event {
        Event::Html(html) | Event::InlineHtml(html) => Some(Event::Text(html)),
        Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Start(Tag::Heading { level, .. }) => Some(Event::Start(Tag::Heading {
            level: level.max(min_level),
            id: None,
            classes: vec![],
            attrs: vec![],
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(level.max(min_level)))),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            let keep = links::markdown_destination_ok(&dest_url);
            kept.push(keep);
            keep.then_some(Event::Start(Tag::Link { link_type, dest_url, title, id }))
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
            let keep = source == Source::Content && links::is_relative(&dest_url) && !dest_url.is_empty();
            kept.push(keep);
            keep.then_some(Event::Start(Tag::Image { link_type, dest_url, title, id }))
        }
        Event::End(end @ (TagEnd::Link | TagEnd::Image)) => {
            kept.pop().unwrap_or(false).then_some(Event::End(end))
        }
        Event::FootnoteReference(name) => Some(Event::Text(CowStr::from(format!("[{name}]")))),
        other => Some(other),
    });
    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// Markdown reduced to one line of plain text (for meta descriptions and JSON-LD).
pub fn to_plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for event in Parser::new_ext(text, Options::ENABLE_SMART_PUNCTUATION) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    // Raw HTML, inline or block, comes out escaped.
    #[test]
    fn raw_html_is_escaped() {
        let html = to_html("Bonjour <script>alert(1)</script>\n\n<div onclick=x>bloc</div>\n", Source::Data);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    // A javascript: link keeps its text and loses its href; safe links stay links.
    #[test]
    fn unsafe_links_lose_their_href() {
        let html = to_html("[clic](javascript:alert(1)) et [site](https://example.org)", Source::Data);
        assert!(!html.contains("javascript"), "{html}");
        assert!(html.contains("clic"), "{html}");
        assert!(html.contains(r#"<a href="https://example.org">site</a>"#), "{html}");
    }

    // Images in data become their alt text; headings never outrank the page's.
    #[test]
    fn data_images_and_headings_are_tamed() {
        let html = to_html("# Titre\n\n![un chat](https://tracker.example/x.png)", Source::Data);
        assert!(html.contains("<h3>Titre</h3>"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("un chat"), "{html}");
        assert!(to_html("![logo](../static/logo.png)", Source::Content).contains("<img"));
    }
}
