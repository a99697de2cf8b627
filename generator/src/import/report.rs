//! The import's report: the counts, then the details, as text or JSON.
//!
//! Counts first (read, filtered, new, updated, unchanged, errors, possible duplicates,
//! conflicts), then every diagnostic (`source:line:col`), the possible duplicates side by
//! side with the line to paste into `data/import-decisions.csv`, and the conflicts. The same
//! facts as JSON for other tools.

use crate::diagnostics::{render, Diagnostics, Severity};
use serde::Serialize;
use std::fmt::Write as _;

/// What an import found and did.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub source: String,
    pub table: String,
    /// Whether the files were written (`--write`, and something to write).
    pub written: bool,
    /// `--write` found errors in the result (`check` on a copy of `data/`): nothing written.
    pub refused: bool,
    pub counts: Counts,
    #[serde(skip)]
    pub diagnostics: Diagnostics,
    pub new: Vec<Record>,
    pub updated: Vec<Updated>,
    #[serde(skip)]
    pub unchanged: usize,
    pub duplicates: Vec<Duplicate>,
    pub conflicts: Vec<Conflict>,
    /// Rows left out because a decision says they are another row of the source.
    pub skipped_same: Vec<Skipped>,
    /// Files written (or that `--write` would write), relative to the root.
    pub files: Vec<String>,
}

/// The figures of the first line.
#[derive(Debug, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub read: usize,
    pub filtered: usize,
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub errors: usize,
    pub duplicates: usize,
    pub conflicts: usize,
}

/// A new record: the source line it comes from, its id and name.
#[derive(Debug, Serialize)]
pub struct Record {
    pub line: u32,
    pub id: String,
    pub name: String,
}

/// An updated record and the fields the import changed.
#[derive(Debug, Serialize)]
pub struct Updated {
    pub line: u32,
    pub id: String,
    pub fields: Vec<&'static str>,
}

/// A row left out as decided: its provenance and the row it is the same as.
#[derive(Debug, Serialize)]
pub struct Skipped {
    pub line: u32,
    pub source: String,
    pub same_as: String,
}

/// A row that may be a record already known.
#[derive(Debug, Serialize)]
pub struct Duplicate {
    pub line: u32,
    pub source: String,
    pub name: String,
    pub postcode: String,
    pub candidates: Vec<Candidate>,
}

/// A record (id) or row (provenance) a row may duplicate.
#[derive(Debug, Serialize)]
pub struct Candidate {
    pub label: String,
    pub name: String,
    pub postcode: String,
}

/// A field both the source and a hand edit changed: the table's value is kept.
#[derive(Debug, Serialize)]
pub struct Conflict {
    pub line: u32,
    pub id: String,
    pub field: &'static str,
    pub kept: String,
    pub source: String,
    /// What the source said last time (`None`: never imported from it).
    pub previous: Option<String>,
}

impl Report {
    /// An error about a row (counted in `errors` by [`Report::finish`]).
    pub fn error_at(&mut self, file: &str, at: (u32, u32), message: String) {
        self.diagnostics.push_at(Severity::Error, file, at, message, None);
    }

    /// Fills the counts from the details.
    pub fn finish(&mut self, read: usize, filtered: usize, rows_in_error: usize) {
        self.counts = Counts {
            read,
            filtered,
            new: self.new.len(),
            updated: self.updated.len(),
            unchanged: self.unchanged + self.skipped_same.len(),
            errors: rows_in_error,
            duplicates: self.duplicates.len(),
            conflicts: self.conflicts.len(),
        };
    }

    /// The counts as one line.
    pub fn summary(&self) -> String {
        let c = &self.counts;
        format!(
            "read {}, filtered out {}, new {}, updated {}, unchanged {}, errors {}, possible duplicates {}, conflicts {}",
            c.read, c.filtered, c.new, c.updated, c.unchanged, c.errors, c.duplicates, c.conflicts
        )
    }

    /// The whole report as text (`rich`: diagnostics with source excerpts, for a terminal).
    pub fn to_text(&self, rich: bool) -> String {
        let mut out = String::new();
        let what = if self.written {
            "written"
        } else if self.refused {
            "not written: the result would not pass check, see the problems below"
        } else if self.counts.read == 0 && self.diagnostics.has_errors() {
            "stopped: see the problems below"
        } else if self.files.is_empty() {
            "nothing to write"
        } else {
            "dry run: nothing written; add --write to write"
        };
        let _ = writeln!(out, "import {} into {} ({what})", self.source, self.table);
        let _ = writeln!(out, "{}", self.summary());
        if !self.diagnostics.is_empty() {
            let _ = writeln!(out, "\nproblems:");
            out.push_str(&render::to_text(&self.diagnostics, rich));
        }
        if !self.duplicates.is_empty() {
            let _ = writeln!(
                out,
                "\npossible duplicates (not written until decided in data/import-decisions.csv):"
            );
            for d in &self.duplicates {
                let _ = writeln!(
                    out,
                    "  {}:{}  {}  \"{}\"{}",
                    self.source,
                    d.line,
                    d.source,
                    d.name,
                    postcode(&d.postcode)
                );
                for c in &d.candidates {
                    let _ = writeln!(out, "    ~ {}  \"{}\"{}", c.label, c.name, postcode(&c.postcode));
                    let _ = writeln!(out, "      decide: {},{},same|different", d.source, c.label);
                }
            }
        }
        if !self.conflicts.is_empty() {
            let _ = writeln!(out, "\nconflicts (the table's value is kept):");
            for c in &self.conflicts {
                let previous = c.previous.as_deref().map_or(String::new(), |p| format!(", was \"{p}\""));
                let _ = writeln!(
                    out,
                    "  {}:{}  {} {}: kept \"{}\", the source now says \"{}\"{previous}",
                    self.source, c.line, c.id, c.field, c.kept, c.source
                );
            }
        }
        self.details(&mut out);
        out
    }

    fn details(&self, out: &mut String) {
        if !self.new.is_empty() {
            let _ = writeln!(out, "\nnew:");
            for Record { line, id, name } in &self.new {
                let _ = writeln!(out, "  {}:{line}  {id}  \"{name}\"", self.source);
            }
        }
        if !self.updated.is_empty() {
            let _ = writeln!(out, "\nupdated:");
            for Updated { line, id, fields } in &self.updated {
                let _ = writeln!(out, "  {}:{line}  {id}: {}", self.source, fields.join(", "));
            }
        }
        for Skipped { line, source, same_as: other } in &self.skipped_same {
            let _ = writeln!(out, "\nleft out as decided: {}:{line} {source} is {other}", self.source);
        }
        if !self.files.is_empty() {
            let verb = if self.written {
                "wrote"
            } else if self.refused {
                "left as they were"
            } else {
                "would write"
            };
            let _ = writeln!(out, "\n{verb}: {}", self.files.join(", "));
        }
    }

    /// The report as JSON, diagnostics included.
    pub fn to_json(&self) -> serde_json::Value {
        let mut value = serde_json::to_value(self).unwrap_or_default();
        if let Some(map) = value.as_object_mut() {
            let diagnostics = serde_json::to_value(render::to_json(&self.diagnostics)).unwrap_or_default();
            map.insert("diagnostics".into(), diagnostics);
        }
        value
    }
}

fn postcode(postcode: &str) -> String {
    if postcode.is_empty() {
        String::new()
    } else {
        format!(" ({postcode})")
    }
}
