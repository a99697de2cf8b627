//! Diagnostics: every problem found in the input, with its place, reported all at once.
//!
//! Format (DESIGN.md): `file:line:column: error|warning: message`, a hint where one helps,
//! sorted by file order then position, then a summary line; or the same as JSON.

use crate::model::records::Origin;
use serde::Serialize;

/// How bad a problem is: errors stop the build, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem at one place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Relative to the project root, `/`-separated: `data/offers.csv`.
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: u32,
    /// 1-based; 0 when the problem concerns the whole line or file.
    pub column: u32,
    pub message: String,
    /// How to fix it, when we can tell ("did you mean …?").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

/// All problems of a run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// An error at `field`'s cell of the record from `origin`.
    pub fn error(&mut self, origin: &Origin, field: &str, message: impl Into<String>, hint: Option<String>) {
        self.at(Severity::Error, origin, field, message.into(), hint);
    }

    /// A warning at `field`'s cell of the record from `origin`.
    pub fn warning(&mut self, origin: &Origin, field: &str, message: impl Into<String>, hint: Option<String>) {
        self.at(Severity::Warning, origin, field, message.into(), hint);
    }

    fn at(&mut self, severity: Severity, origin: &Origin, field: &str, message: String, hint: Option<String>) {
        self.items.push(Diagnostic {
            severity,
            file: origin.file.to_string(),
            line: origin.line,
            column: origin.column(field),
            message,
            hint,
        });
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Error).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Sorts by file (in the order the files are loaded), line, column; stable otherwise.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (file_rank(&a.file), &a.file, a.line, a.column).cmp(&(file_rank(&b.file), &b.file, b.line, b.column))
        });
    }
}

/// The load order of the data files, so diagnostics read in the order of DESIGN.md's tables.
fn file_rank(file: &str) -> usize {
    const ORDER: [&str; 8] = [
        "content/site.toml",
        "data/vocabulary",
        "data/districts.csv",
        "data/districts.geojson",
        "data/operators",
        "data/venues",
        "data/offers",
        "data/partnerships",
    ];
    ORDER.iter().position(|prefix| file.starts_with(prefix)).unwrap_or(ORDER.len())
}
