//! Passerelle: a charter of cultural cooperation, from CSV records to a static web site.
//!
//! The pipeline, one module per stage, each called once below:
//!
//! 1. [`load`]: `data/*.csv` (+ `districts.geojson`) → typed [`model::Records`];
//! 2. [`validate`]: ids, references, vocabularies, values → [`Diagnostics`], all at once;
//! 3. [`model`]: records → one linked [`Charter`] graph;
//! 4. [`render`]: the graph → HTML pages (minijinja), beside [`index`] (the explorer's data) and
//!    [`export`] (open data files);
//! 5. [`write`]: everything staged beside the output folder, then swapped in atomically.
//!
//! [`config`] reads `content/site.toml`; [`serve`] rebuilds and serves on change.

pub mod config;
pub mod diagnostics;
pub mod export;
pub mod fs;
pub mod index;
pub mod load;
pub mod model;
pub mod render;
pub mod serve;
pub mod validate;
pub mod vocabulary;
pub mod write;

use anyhow::Result;
use chrono::NaiveDate;
pub use diagnostics::{Diagnostic, Diagnostics, Severity};
pub use model::Charter;
use std::path::{Path, PathBuf};

/// What a run needs to know besides the project folder.
#[derive(Clone, Debug)]
pub struct Options {
    /// The reference day for "this week", "past offer" and "stale listing".
    pub today: NaiveDate,
}

impl Options {
    /// Today from `PASSERELLE_TODAY` (`YYYY-MM-DD`, for reproducible builds and tests), else the
    /// local date.
    pub fn from_env() -> Result<Options> {
        let today = match std::env::var("PASSERELLE_TODAY") {
            Ok(day) => NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d").map_err(|e| {
                anyhow::anyhow!("PASSERELLE_TODAY={day:?} is not a YYYY-MM-DD date: {e}")
            })?,
            Err(_) => chrono::Local::now().date_naive(),
        };
        Ok(Options { today })
    }
}

/// The result of checking a project: its diagnostics, and the model when there is no error.
#[derive(Debug)]
pub struct Checked {
    pub diagnostics: Diagnostics,
    pub charter: Option<Charter>,
}

/// Stages `load` → `validate` → `model`. Problems in the data are diagnostics; only I/O
/// failures (an unreadable folder) are errors.
pub fn check(root: &Path, options: &Options) -> Result<Checked> {
    let mut diagnostics = Diagnostics::default();
    let mut records = load::load(root, &mut diagnostics)?;
    let vocabularies = validate::validate(&mut records, options.today, &mut diagnostics);
    diagnostics.sort();
    let charter = (!diagnostics.has_errors())
        .then(|| Charter::new(records, vocabularies, options.today));
    Ok(Checked { diagnostics, charter })
}

/// What a build did.
#[derive(Debug)]
pub struct Built {
    pub diagnostics: Diagnostics,
    /// `None` when errors stopped the build (the previous site is untouched).
    pub report: Option<write::Report>,
}

/// The whole pipeline: check, then render, index and export into a staging folder beside
/// `out`, swapped in only when complete.
pub fn build(root: &Path, out: &Path, options: &Options) -> Result<Built> {
    let Checked { diagnostics, charter } = check(root, options)?;
    let Some(charter) = charter else {
        return Ok(Built { diagnostics, report: None });
    };
    let config = config::Config::load(root)?;
    let mut staging = write::Staging::new(out)?;
    render::render(&charter, &config, root, &mut staging)?;
    index::index(&charter, &config, &mut staging)?;
    export::export(&charter, &config, &mut staging)?;
    let report = staging.commit()?;
    Ok(Built { diagnostics, report: Some(report) })
}

/// The default output folder of a project: `ROOT/site`.
pub fn default_out(root: &Path) -> PathBuf {
    root.join("site")
}
