//! The editorial pages (`content/*.md`, read and checked by `load`), their Markdown rendered
//! through the one Markdown door, each to `<slug>/index.html`; `content/index.md` is the home
//! page's text.

use super::markdown::{self, Source};
use crate::load::content::FrontMatter;

/// One content page, ready for its template.
#[derive(Debug)]
pub struct Page<'a> {
    /// The file stem: `charte` → `charte/index.html`.
    pub slug: &'a str,
    pub front: &'a FrontMatter,
    /// The body, as HTML (safe).
    pub html: String,
}

impl Page<'_> {
    /// The page's path in the site.
    pub fn path(&self) -> String {
        format!("{}/index.html", self.slug)
    }
}

/// The pages, sorted by weight then slug; the home text apart.
#[derive(Debug, Default)]
pub struct Content<'a> {
    pub pages: Vec<Page<'a>>,
    /// `content/index.md`'s body as HTML, for the home page.
    pub home: Option<String>,
}

impl<'a> Content<'a> {
    /// Renders the Markdown of every page that `load` read.
    pub fn new(content: &'a crate::load::content::Content) -> Content<'a> {
        let pages = content
            .pages
            .iter()
            .map(|page| Page {
                slug: &page.slug,
                front: &page.front,
                html: markdown::to_html(&page.markdown, Source::Content),
            })
            .collect();
        let home = content.home.as_deref().map(|text| markdown::to_html(text, Source::Content));
        Content { pages, home }
    }
}
