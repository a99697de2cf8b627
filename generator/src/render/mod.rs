//! Stage `render`: the model → the HTML pages of the site, through minijinja templates.
//!
//! Inputs: the [`Charter`] and the [`Content`] that `load` read (configuration, editorial pages,
//! template and static overrides): render reads no file. Output: every page of DESIGN.md "Site" and the theme's static files, put
//! into the staging [`Sink`].
//!
//! - [`environment`]: the embedded templates and the loader that lets `content/templates/` win;
//! - [`i18n`]: the interface strings (one catalogue per language) and date formatting;
//! - [`markdown`]: the one door to Markdown;
//! - [`views`]: borrowed view structs, what templates see;
//! - [`pages`]: one function per page kind;
//! - [`paging`]: long lists cut into pages of about 50 entries, with their index;
//! - [`assets`], [`content`], [`jsonld`], [`links`]: static files, editorial pages,
//!   schema.org data, safe links.

pub mod assets;
pub mod content;
pub mod environment;
pub mod i18n;
pub mod jsonld;
/// Safe links are checked before rendering too (config, validate): they live in
/// [`crate::links`]; the old path `render::links` still names them.
pub use crate::links;
pub mod markdown;
pub mod pages;
pub mod paging;
pub mod schedule;
mod site;
pub mod views;

use crate::load::content::Content;
use crate::model::Charter;
use crate::write::Staging;
use anyhow::Result;
pub use site::{Meta, Site};
use std::collections::BTreeMap;

/// Where rendered files go: the build's staging folder, or a map in tests.
pub trait Sink {
    /// Adds the file at `path` (site-relative, `/`-separated).
    fn put(&mut self, path: &str, bytes: &[u8]) -> Result<()>;

    /// Adds many files, in order (the staging writes them on every core).
    fn put_all(&mut self, files: &[(String, Vec<u8>)]) -> Result<()> {
        files.iter().try_for_each(|(path, bytes)| self.put(path, bytes))
    }
}

impl Sink for Staging {
    fn put(&mut self, path: &str, bytes: &[u8]) -> Result<()> {
        Staging::put(self, path, bytes)
    }

    fn put_all(&mut self, files: &[(String, Vec<u8>)]) -> Result<()> {
        Staging::put_all(self, files)
    }
}

impl Sink for BTreeMap<String, Vec<u8>> {
    fn put(&mut self, path: &str, bytes: &[u8]) -> Result<()> {
        self.insert(path.to_owned(), bytes.to_vec());
        Ok(())
    }
}

/// Renders every page of the site into `out`.
pub fn render(charter: &Charter, content: &Content, out: &mut Staging) -> Result<()> {
    render_to(charter, content, out)
}

/// A sink that keeps nothing: [`trial`] renders into it.
struct Discard;

impl Sink for Discard {
    fn put(&mut self, _: &str, _: &[u8]) -> Result<()> {
        Ok(())
    }
}

/// Renders the whole site without writing it, turning a template error into a diagnostic at
/// the override's line (for `check`: an override that fails at render time, such as an
/// undefined key, is found before any build).
pub fn trial(charter: &Charter, content: &Content, diagnostics: &mut crate::Diagnostics) {
    let Err(error) = render_to(charter, content, &mut Discard) else { return };
    let template = error.chain().find_map(|e| e.downcast_ref::<minijinja::Error>());
    let (file, line, message) = match template {
        Some(e) => {
            let name = e.name().unwrap_or_default();
            let file = if content.templates.contains_key(name) {
                format!("content/templates/{name}")
            } else {
                "content/templates".to_owned()
            };
            (
                file,
                e.line().map_or(1, |l| l as u32),
                format!("template: {}", e.detail().unwrap_or(&e.to_string())),
            )
        }
        None => ("content/templates".to_owned(), 1, format!("rendering failed: {error:#}")),
    };
    diagnostics.push_at(
        crate::Severity::Error,
        &file,
        (line, 1),
        message,
        Some("fix the override, or remove it to use the built-in template".into()),
    );
}

/// Renders every page of the site into any [`Sink`].
pub fn render_to(charter: &Charter, content: &Content, out: &mut dyn Sink) -> Result<()> {
    let catalogue = i18n::Catalogue::load(content.config.language)?;
    let assets = assets::write(&content.statics, out)?;
    let site = Site::new(charter, content, &catalogue, assets)?;
    pages::home::render(&site, out)?;
    pages::explore::render(&site, out)?;
    pages::offers::render(&site, out)?;
    pages::operators::render(&site, out)?;
    pages::venues::render(&site, out)?;
    pages::districts::render(&site, out)?;
    pages::partnerships::render(&site, out)?;
    pages::draws::render(&site, out)?;
    pages::requests::render(&site, out)?;
    pages::agenda::render(&site, out)?;
    pages::catalogue::render(&site, out)?;
    pages::content::render(&site, out)?;
    pages::not_found::render(&site, out)?;
    Ok(())
}
