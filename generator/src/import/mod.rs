//! `passerelle import`: an existing listing → records of one table (DESIGN.md "Import").
//!
//! Its own stage, beside the build pipeline, in named steps:
//!
//! 1. [`source`]: the listing (CSV as `data/` reads it, a workbook sheet, a [`calendar`]'s
//!    events) → rows of cells;
//! 2. [`mapping`] + [`apply`]: the mapping (TOML) bound to the header, each row → canonical
//!    cells, [`normalize`]d as `data/` expects them (a bad row is an error, never half-read);
//! 3. [`reconcile`]: rows × the [`table`] × the source's previous [`state`] × the recorded
//!    [`decisions`] → new, updated, unchanged, [`duplicates`] to review, conflicts;
//! 4. [`report`]: the counts and details, text or JSON;
//! 5. [`write`] (only with `--write`): the table (and the state) rewritten atomically, after
//!    `check` passed on a copy of `data/` holding them.
//!
//! [`suggest`] ([`suggest_calendar`] for a calendar) drafts a mapping from the source instead.

pub mod apply;
pub mod calendar;
pub mod decisions;
pub mod duplicates;
pub mod mapping;
pub mod normalize;
pub mod reconcile;
pub mod report;
pub mod source;
pub mod state;
pub mod suggest;
pub mod suggest_calendar;
pub mod table;
pub mod write;

use crate::diagnostics::Diagnostics;
use crate::load::tables::{self, Table};
use anyhow::{Context, Result};
use report::Report;
use std::path::{Path, PathBuf};

/// What `passerelle import` was asked.
#[derive(Debug, Clone)]
pub struct Request {
    pub source: PathBuf,
    /// `operators`, `venues` or `offers`.
    pub table: &'static Table,
    pub mapping: Option<PathBuf>,
    pub root: PathBuf,
    pub write: bool,
}

/// The tables an import may fill.
pub const TABLES: [&Table; 3] = [&tables::OPERATORS, &tables::VENUES, &tables::OFFERS];

/// The table named `name` (English or French), when an import may fill it.
pub fn table(name: &str) -> Option<&'static Table> {
    let folded = passerelle_index::fold::key(name);
    TABLES.into_iter().find(|t| {
        std::iter::once(t.name)
            .chain(t.aliases.iter().copied())
            .any(|n| passerelle_index::fold::key(n) == folded)
    })
}

/// Runs an import; the report says what it found and (with `write`) did. `Err` only for
/// I/O failures; everything wrong with the inputs is in the report's diagnostics.
pub fn run(request: &Request, options: &crate::Options) -> Result<Report> {
    run_with(request, options, &mut |_| {})
}

/// [`run`], telling `progress` each stage as it ends (`read 12,000 rows`…), for a terminal.
pub fn run_with(
    request: &Request,
    options: &crate::Options,
    progress: &mut dyn FnMut(String),
) -> Result<Report> {
    let mut report = Report {
        source: request.source.display().to_string(),
        table: request.table.name.to_owned(),
        ..Report::default()
    };
    let (context, found, clean) = charter(&request.root, request.table, options)?;
    let found = match found {
        Some(sheet) if sheet.rows.is_some() => {
            let message = "this table is a sheet of a workbook: an import writes CSV files only";
            let hint = "save that sheet as data/<table>.csv (and remove it from the workbook), then import";
            report.diagnostics.push_at(
                crate::Severity::Error,
                &sheet.name,
                (1, 1),
                message,
                Some(hint.into()),
            );
            return Ok(finish(report, 0, 0, 0));
        }
        found => found.map(|s| s.path),
    };
    if let Some(refused) = calendar_elsewhere(request) {
        report.diagnostics.push(refused);
        return Ok(finish(report, 0, 0, 0));
    }
    let d = &mut report.diagnostics;
    let stem = request.source.file_stem().and_then(|s| s.to_str()).unwrap_or("source");
    let mapping = match &request.mapping {
        Some(path) => {
            let text = decode_text(path)?;
            match mapping::Mapping::parse(&text, &path.display().to_string(), request.table, stem, d) {
                Some(m) => Some(m),
                None => return Ok(finish(report, 0, 0, 0)),
            }
        }
        None => None,
    };
    let sheet_name = mapping.as_ref().and_then(|m| m.sheet.as_ref()).map(|(s, _)| s.as_str());
    let Some(sheet) = source::read(&request.source, sheet_name, site_zone(&request.root), d)? else {
        return Ok(finish(report, 0, 0, 0));
    };
    report.source.clone_from(&sheet.name);
    // A calendar's events are keyed by their UID, and without a mapping read as suggested.
    let mapping = match mapping {
        Some(mut m) if sheet.calendar => {
            m.key.get_or_insert_with(|| ("UID".to_owned(), (1, 1)));
            Some(m)
        }
        None if sheet.calendar => {
            let (header, rows) = sheet.rows.split_first().map_or((None, &[][..]), |(h, r)| (Some(h), r));
            let draft =
                header.map(|h| suggest_calendar::suggest(stem, h, rows, &context)).unwrap_or_default();
            let file = format!("{} (the suggested mapping)", request.source.display());
            match mapping::Mapping::parse(&draft, &file, request.table, stem, d) {
                Some(m) => Some(m),
                None => return Ok(finish(report, 0, 0, 0)),
            }
        }
        other => other,
    };
    progress(format!("read {} rows from {}", sheet.rows.len().saturating_sub(1), sheet.name));
    let mut rows = sheet.rows.into_iter();
    let Some(header) = rows.next() else {
        let d = &mut report.diagnostics;
        d.push_at(crate::Severity::Error, &sheet.name, (1, 1), "empty source: no header line", None);
        return Ok(finish(report, 0, 0, 0));
    };
    let mapping = mapping.unwrap_or_else(|| apply::identity(&header, request.table, stem));
    let bound = apply::bind(&mapping, &header, d);
    // Any error so far stops the import, but a calendar's refused events (one error each).
    let Some(bound) = bound.filter(|_| d.error_count() <= sheet.rejected) else {
        return Ok(finish(report, 0, 0, 0));
    };
    // A calendar's events refused while reading are read, and in error.
    let (mut read, mut filtered, mut in_error, mut mapped) = (sheet.rejected, 0, sheet.rejected, Vec::new());
    let mut repeats = normalize::Repeats::default();
    for row in rows.filter(|r| !r.unterminated) {
        read += 1;
        if !bound.keeps(&row) {
            filtered += 1;
            continue;
        }
        let errors = d.error_count();
        let mut m = bound.apply(&row, &sheet.name, d);
        let valid = normalize::normalize(&mut m, &context, &sheet.name, d, &mut repeats)
            && d.error_count() == errors
            && normalize::complete(&m, request.table, mapping.key.is_some(), &sheet.name, d);
        if valid {
            mapped.push(m);
        } else {
            in_error += 1;
        }
    }
    repeats.summarise(&sheet.name, d);
    progress(format!("mapped {} rows ({filtered} filtered out, {in_error} in error)", mapped.len()));
    let file = table::TableFile::read(&request.root, request.table, found)?;
    let state = state::State::read(&request.root, &mapping.name)?;
    let decisions = decisions::Decisions::read(&request.root, d)?;
    let inputs = reconcile::Inputs {
        file: &file,
        name: &mapping.name,
        source_file: &sheet.name,
        state: &state,
        decisions: &decisions,
    };
    let before = report.diagnostics.error_count();
    let outcome = reconcile::reconcile(mapped, &inputs, &mut report);
    // Rows reconciling refused (a repeated key, a taken id): one error each.
    in_error += report.diagnostics.error_count() - before;
    progress(format!("compared with the {} records of {}", file.records.len(), file.name));
    let mut files = Vec::new();
    if !outcome.plan.is_empty() {
        files.push((file.path.clone(), write::compose(&file, &outcome.plan)?));
    }
    // The table first, then the state: a crash between the two leaves a state that is behind,
    // which the next import repairs (the table already holds the values: no conflict).
    if outcome.state.rows != state.rows {
        files.push((outcome.state.path.clone(), outcome.state.to_csv()));
    }
    report.files = files.iter().map(|(p, _)| relative(&request.root, p)).collect();
    if request.write && !files.is_empty() && !clean {
        let message =
            "`passerelle check` finds errors in the charter: nothing is imported until they are fixed";
        report.diagnostics.push_at(crate::Severity::Error, &file.name, (1, 1), message, None);
        report.refused = true;
    } else if request.write && !files.is_empty() {
        match write::commit(&request.root, &files, options)? {
            Ok(()) => report.written = true,
            Err(found) => {
                for diagnostic in found.iter().filter(|d| d.severity == crate::Severity::Error) {
                    report.diagnostics.push(diagnostic.clone());
                }
                report.refused = true;
            }
        }
    }
    Ok(finish(report, read, filtered, in_error))
}

/// `--suggest`: the draft mapping for the request's source, or the diagnostics that stopped it.
pub fn draft(request: &Request, options: &crate::Options) -> Result<Result<String, Diagnostics>> {
    let mut d = Diagnostics::default();
    if let Some(refused) = calendar_elsewhere(request) {
        d.push(refused);
        return Ok(Err(d));
    }
    let (context, _, _) = charter(&request.root, request.table, options)?;
    let Some(sheet) = source::read(&request.source, None, site_zone(&request.root), &mut d)? else {
        return Ok(Err(d));
    };
    let Some((header, rows)) = sheet.rows.split_first() else {
        d.push_at(crate::Severity::Error, &sheet.name, (1, 1), "empty source: no header line", None);
        return Ok(Err(d));
    };
    let stem = request.source.file_stem().and_then(|s| s.to_str()).unwrap_or("source");
    if sheet.calendar {
        return Ok(Ok(suggest_calendar::suggest(stem, header, rows, &context)));
    }
    let sheet_name = sheet.name.strip_suffix(']').and_then(|n| n.rsplit_once('[')).map(|(_, s)| s);
    Ok(Ok(suggest::suggest(request.table, stem, sheet_name, header, rows, &context)))
}

/// A calendar is a source of offers only.
fn calendar_elsewhere(request: &Request) -> Option<crate::diagnostics::Diagnostic> {
    let name = request.source.display().to_string();
    (calendar::is_calendar(&name) && request.table.name != "offers").then(|| {
        let mut d = Diagnostics::default();
        let message =
            format!("a calendar's events are offers: it cannot be imported into {}", request.table.name);
        d.push_at(crate::Severity::Error, &name, (1, 1), message, Some("use --into offers".into()));
        let found = d.iter().next().cloned();
        found
    })?
}

/// The site's time zone (`content/site.toml`), where a calendar's times are written.
fn site_zone(root: &Path) -> chrono_tz::Tz {
    crate::config::Config::load(root).map_or(chrono_tz::Europe::Brussels, |c| c.zone())
}

fn finish(mut report: Report, read: usize, filtered: usize, in_error: usize) -> Report {
    report.finish(read, filtered, in_error);
    report
}

/// The charter as it is: what values are checked against, where the table's file is, and
/// whether `check` finds it clean.
fn charter(
    root: &Path,
    table: &'static Table,
    options: &crate::Options,
) -> Result<(normalize::Context, Option<crate::load::files::Source>, bool)> {
    let mut quiet = Diagnostics::default();
    let found = crate::load::files::find(root, &mut quiet)?;
    let position = tables::ALL.iter().position(|t| t.name == table.name).context("an importable table")?;
    let path = found.tables.into_iter().nth(position).flatten();
    let mut records = crate::load::load(root, &mut quiet)?;
    let vocabularies = crate::validate::validate(&mut records, options.today, &mut quiet);
    let pairs = |items: Vec<(String, String)>| items;
    let context = normalize::Context {
        table: table.name,
        vocabularies,
        districts: pairs(records.districts.iter().map(|x| (x.id.clone(), x.name.clone())).collect()),
        operators: pairs(records.operators.iter().map(|x| (x.id.clone(), x.name.clone())).collect()),
        venues: pairs(records.venues.iter().map(|x| (x.id.clone(), x.name.clone())).collect()),
    };
    // Clean as `check` means it: the data, and everything else it reads (content/).
    let clean = !quiet.has_errors() && !crate::check(root, options)?.diagnostics.has_errors();
    Ok((context, path, clean))
}

/// A small text file (the mapping), decoded as `data/` files are.
fn decode_text(path: &Path) -> Result<String> {
    Ok(crate::load::decode::decode(&crate::fs::read(path)?).text)
}

/// `path` relative to `root`, `/`-separated, for the report.
fn relative(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}
