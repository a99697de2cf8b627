//! Passerelle: a charter of cultural cooperation, from CSV records to a static web site.
//!
//! The pipeline, one module per stage, each called once below:
//!
//! 1. [`load`]: `data/*.csv` (+ `districts.geojson`) → typed [`model::Records`], and
//!    `content/` (site.toml, pages, template and static overrides) → [`load::content::Content`];
//! 2. [`validate`]: ids, references, vocabularies, values → [`Diagnostics`], all at once;
//! 3. [`model`]: records → one linked [`Charter`] graph;
//! 4. [`render`]: the graph → HTML pages (minijinja), beside [`index`] (the explorer's data),
//!    [`export`] (open data files) and [`print`] (`catalogue.pdf` and the district posters,
//!    typeset with Typst last, when the pages' memory is free);
//! 5. [`write`]: everything staged beside the output folder, then committed: renamed into place
//!    for a first build, file by file (each rename atomic) over a previous site, so that a build
//!    killed at any instant leaves a site the next build recognises and repairs.
//!
//! [`config`] is `content/site.toml`'s meaning; [`serve`] rebuilds and serves on change.

pub mod config;
pub mod diagnostics;
pub mod draw;
pub mod export;
pub mod fs;
pub mod import;
pub mod index;
pub mod links;
pub mod load;
pub mod model;
pub mod participation;
pub mod print;
pub mod progress;
pub mod records;
pub mod render;
pub mod serve;
pub mod text;
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
            Ok(day) => NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
                .map_err(|e| anyhow::anyhow!("PASSERELLE_TODAY={day:?} is not a YYYY-MM-DD date: {e}"))?,
            Err(_) => chrono::Local::now().date_naive(),
        };
        Ok(Options { today })
    }
}

/// The result of checking a project: its diagnostics, and the model and the content when
/// there is no error.
#[derive(Debug)]
pub struct Checked {
    pub diagnostics: Diagnostics,
    pub charter: Option<Charter>,
    pub content: Option<load::content::Content>,
}

/// Stages `load` → `validate` → `model`, over every input the build reads (`data/` and
/// `content/`), so that a clean `check` means the build succeeds. Problems in the input are
/// diagnostics; only I/O failures (an unreadable folder) are errors.
pub fn check(root: &Path, options: &Options) -> Result<Checked> {
    let mut diagnostics = Diagnostics::default();
    let content = load::content::load(root, &mut diagnostics)?;
    let mut records = load::load(root, &mut diagnostics)?;
    let vocabularies = validate::validate(&mut records, options.today, &mut diagnostics);
    let mut charter = None;
    if !diagnostics.has_errors() {
        let linked = Charter::new(records, vocabularies, options.today);
        if let Some(content) = content.as_ref().filter(|c| !c.templates.is_empty()) {
            // A template override can fail at render time (an undefined key): render once.
            render::trial(&linked, content, &mut diagnostics);
            // The same for a print template override (a Typst error at its line).
            print::trial(&linked, content, &mut diagnostics);
        }
        charter = Some(linked);
    }
    diagnostics.sort(load::files::rank);
    diagnostics.keep_quoted_lines();
    let clean = !diagnostics.has_errors();
    Ok(Checked { diagnostics, charter: charter.filter(|_| clean), content: content.filter(|_| clean) })
}

/// What a build did.
#[derive(Debug)]
pub struct Built {
    pub diagnostics: Diagnostics,
    /// `None` when errors stopped the build (the previous site is untouched).
    pub report: Option<write::Report>,
    /// The explorer's gzip sizes against its budgets, when the index was written.
    pub explorer: Option<index::SizeReport>,
}

/// The whole pipeline: check, then render, index and export into a staging folder beside
/// `out`, swapped in only when complete.
pub fn build(root: &Path, out: &Path, options: &Options) -> Result<Built> {
    build_with(root, out, options, &mut |_| {})
}

/// A stage of [`build_with`] that just finished, for progress display.
#[derive(Debug)]
pub enum Step<'a> {
    /// Same inputs, same binary, same day as the site at `out` was built from: nothing to do.
    UpToDate,
    /// Data loaded and validated into this charter.
    Checked(&'a Charter),
    /// A stage (`"render"`, `"index"`, `"export"`, `"print"`) is done; `files` staged so far.
    Staged { stage: &'static str, files: usize },
}

/// [`build`], telling `progress` each stage as it ends. Skips every stage when the site at
/// `out` was built from the same [`write::Fingerprint`] and is intact.
pub fn build_with(
    root: &Path,
    out: &Path,
    options: &Options,
    progress: &mut dyn FnMut(Step<'_>),
) -> Result<Built> {
    write::placement::check(root, out)?;
    write::tidy(out);
    let fingerprint = write::Fingerprint::of(root, options.today)?;
    if let Some(report) = write::up_to_date(out, fingerprint.as_ref()) {
        progress(Step::UpToDate);
        return Ok(Built { diagnostics: Diagnostics::default(), report: Some(report), explorer: None });
    }
    let Checked { diagnostics, charter, content } = check(root, options)?;
    let (Some(charter), Some(content)) = (charter, content) else {
        return Ok(Built { diagnostics, report: None, explorer: None });
    };
    progress(Step::Checked(&charter));
    let config = &content.config;
    let mut staging = write::Staging::new(out)?.with_fingerprint(fingerprint);
    render::render(&charter, &content, &mut staging)?;
    progress(Step::Staged { stage: "render", files: staging.len() });
    let explorer = index::index(&charter, config, &mut staging)?;
    progress(Step::Staged { stage: "index", files: staging.len() });
    export::export(&charter, config, &mut staging)?;
    progress(Step::Staged { stage: "export", files: staging.len() });
    // Last, with the model released: typesetting is the build's largest allocation (README
    // "Print"), and only the PDFs whose inputs changed are typeset, one at a time.
    let jobs = print::jobs(&charter, &content)?;
    drop(charter);
    drop(content);
    for job in print_todo(&jobs, &mut staging)? {
        staging.put(&job.path, &print::typeset(job, options.today)?)?;
    }
    staging.put(print::KEYS, print::keys_file(&jobs).as_bytes())?;
    progress(Step::Staged { stage: "print", files: staging.len() });
    let report = staging.commit()?;
    Ok(Built { diagnostics, report: Some(report), explorer: Some(explorer) })
}

/// The print jobs whose PDF must be typeset: those the previous site does not have from the
/// same inputs (the others are kept as they are, never typeset again).
fn print_todo<'j>(jobs: &'j [print::Job], staging: &mut write::Staging) -> Result<Vec<&'j print::Job>> {
    let previous = staging.previous(print::KEYS).and_then(|b| String::from_utf8(b).ok()).unwrap_or_default();
    let keys = print::previous_keys(&previous);
    let mut todo = Vec::new();
    for job in jobs {
        if keys.get(job.path.as_str()) != Some(&job.key.as_str()) || !staging.keep(&job.path)? {
            todo.push(job);
        }
    }
    Ok(todo)
}

/// The default output folder of a project: `ROOT/site`.
pub fn default_out(root: &Path) -> PathBuf {
    root.join("site")
}
