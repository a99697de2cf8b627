//! Stage `render`: the model → the HTML pages of the site, through minijinja templates.
//!
//! Inputs: the [`Charter`], the [`Config`], the project folder (for `content/*.md`, template and
//! static overrides). Output: every page of DESIGN.md "Site" and the theme's static files, put
//! into the staging [`Sink`].
//!
//! - [`environment`]: the embedded templates and the loader that lets `content/templates/` win;
//! - [`i18n`]: the interface strings (one catalogue per language) and date formatting;
//! - [`markdown`]: the one door to Markdown;
//! - [`views`]: borrowed view structs, what templates see;
//! - [`pages`]: one function per page kind;
//! - [`assets`], [`content`], [`jsonld`], [`links`]: static files, editorial pages,
//!   schema.org data, safe links.

pub mod assets;
pub mod content;
pub mod environment;
pub mod i18n;
pub mod jsonld;
pub mod links;
pub mod markdown;
pub mod pages;
pub mod schedule;
mod site;
pub mod views;

use crate::config::Config;
use crate::model::Charter;
use crate::write::Staging;
use anyhow::Result;
pub use site::{Meta, Site};
use std::collections::BTreeMap;
use std::path::Path;

/// Where rendered files go: the build's staging folder, or a map in tests.
pub trait Sink {
    /// Adds the file at `path` (site-relative, `/`-separated).
    fn put(&mut self, path: &str, bytes: &[u8]) -> Result<()>;
}

impl Sink for Staging {
    fn put(&mut self, path: &str, bytes: &[u8]) -> Result<()> {
        Staging::put(self, path, bytes)
    }
}

impl Sink for BTreeMap<String, Vec<u8>> {
    fn put(&mut self, path: &str, bytes: &[u8]) -> Result<()> {
        self.insert(path.to_owned(), bytes.to_vec());
        Ok(())
    }
}

/// Renders every page of the site into `out`.
pub fn render(charter: &Charter, config: &Config, root: &Path, out: &mut Staging) -> Result<()> {
    render_to(charter, config, root, out)
}

/// Renders every page of the site into any [`Sink`].
pub fn render_to(charter: &Charter, config: &Config, root: &Path, out: &mut dyn Sink) -> Result<()> {
    let catalogue = i18n::Catalogue::load(config.language)?;
    let assets = assets::write(root, out)?;
    let site = Site::new(charter, config, &catalogue, root, assets)?;
    pages::home::render(&site, out)?;
    pages::explore::render(&site, out)?;
    pages::offers::render(&site, out)?;
    pages::operators::render(&site, out)?;
    pages::venues::render(&site, out)?;
    pages::districts::render(&site, out)?;
    pages::partnerships::render(&site, out)?;
    pages::agenda::render(&site, out)?;
    pages::catalogue::render(&site, out)?;
    pages::content::render(&site, out)?;
    pages::not_found::render(&site, out)?;
    Ok(())
}
