//! Diagnostics: every problem found in the input, with its place, reported all at once.
//!
//! Format (DESIGN.md): `file:line:column: error|warning: message`, a hint where one helps,
//! sorted by file order then position, then a summary line; or the same as JSON.
//! `load` and `validate` push them; [`render`] prints them (codespan-reporting) or serializes
//! them; [`suggest`] finds the "did you mean" of a hint.

pub mod render;
pub mod suggest;

use crate::records::Origin;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

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

/// The most diagnostics kept per file: past it a file is hostile or not a table at all, and
/// printing each of thousands of problems (each quoting its line) would cost more than it
/// tells. The rest are counted (errors still stop the build) and one note says so.
pub const MAX_PER_FILE: usize = 500;

/// All problems of a run, with the text of the files they point into (for source excerpts).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    /// Diagnostics kept per file, and those past [`MAX_PER_FILE`] (errors, warnings).
    per_file: BTreeMap<String, usize>,
    hidden: (usize, usize),
    /// Decoded text of each loaded file, by the relative path diagnostics name.
    sources: BTreeMap<String, String>,
    /// (file, line, column) of every error, so [`Diagnostics::reported`] is a lookup.
    error_cells: HashSet<(String, u32, u32)>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        let kept = self.per_file.entry(diagnostic.file.clone()).or_default();
        *kept += 1;
        if *kept > MAX_PER_FILE {
            match diagnostic.severity {
                Severity::Error => self.hidden.0 += 1,
                Severity::Warning => self.hidden.1 += 1,
            }
            if *kept == MAX_PER_FILE + 1 {
                self.items.push(Diagnostic {
                    severity: Severity::Warning,
                    file: diagnostic.file.clone(),
                    line: 1,
                    column: 1,
                    message: format!(
                        "more than {MAX_PER_FILE} problems in this file: the rest are not shown"
                    ),
                    hint: Some("fix these first, or check that this is the right file".into()),
                });
            }
            if diagnostic.severity == Severity::Error {
                self.error_cells.insert((diagnostic.file.clone(), diagnostic.line, diagnostic.column));
            }
            return;
        }
        if diagnostic.severity == Severity::Error {
            self.error_cells.insert((diagnostic.file.clone(), diagnostic.line, diagnostic.column));
        }
        self.items.push(diagnostic);
    }

    /// Whether `file` has reached [`MAX_PER_FILE`]: what is pushed for it now is only counted,
    /// so a costly hint ("did you mean", a comparison with every id) need not be computed.
    pub fn is_full(&self, file: &str) -> bool {
        self.per_file.get(file).is_some_and(|&n| n >= MAX_PER_FILE)
    }

    /// A problem at an explicit place (`line`/`column` 0 = the whole file or line).
    pub fn push_at(
        &mut self,
        severity: Severity,
        file: &str,
        (line, column): (u32, u32),
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        let message = message.into();
        self.push(Diagnostic { severity, file: file.to_owned(), line, column, message, hint });
    }

    /// Remembers the decoded text of `file`, so renderers can quote the offending line.
    pub fn add_source(&mut self, file: &str, text: &str) {
        self.sources.insert(file.to_owned(), text.to_owned());
    }

    /// Keeps of each file's text only the lines that diagnostics quote, the others emptied (their
    /// line breaks stay, so every line and column still points right): once all problems are
    /// known, a charter of 100,000 rows is no longer held twice, as text and as records.
    pub fn keep_quoted_lines(&mut self) {
        let mut quoted: HashMap<&str, HashSet<u32>> = HashMap::new();
        for d in &self.items {
            quoted.entry(d.file.as_str()).or_default().insert(d.line);
        }
        for (file, text) in &mut self.sources {
            let lines = quoted.get(file.as_str());
            let mut kept = String::new();
            for (i, line) in text.split_inclusive('\n').enumerate() {
                let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
                if lines.is_some_and(|l| l.contains(&number)) {
                    kept.push_str(line);
                } else if line.ends_with('\n') {
                    kept.push('\n');
                }
            }
            *text = kept;
        }
    }

    /// The decoded text of `file`, when it was loaded.
    pub fn source(&self, file: &str) -> Option<&str> {
        self.sources.get(file).map(String::as_str)
    }

    /// An error at `field`'s cell of the record from `origin`.
    pub fn error(&mut self, origin: &Origin, field: &str, message: impl Into<String>, hint: Option<String>) {
        self.at(Severity::Error, origin, field, message.into(), hint);
    }

    /// A warning at `field`'s cell of the record from `origin`.
    pub fn warning(
        &mut self,
        origin: &Origin,
        field: &str,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        self.at(Severity::Warning, origin, field, message.into(), hint);
    }

    fn at(
        &mut self,
        severity: Severity,
        origin: &Origin,
        field: &str,
        message: String,
        hint: Option<String>,
    ) {
        self.push(Diagnostic {
            severity,
            file: origin.file.to_string(),
            line: origin.line_of(field),
            column: origin.column(field),
            message,
            hint,
        });
    }

    /// Whether an error already points at `field`'s cell (a cell that did not parse is not
    /// also reported as empty).
    pub fn reported(&self, origin: &Origin, field: &str) -> bool {
        let key = (origin.file.to_string(), origin.line_of(field), origin.column(field));
        self.error_cells.contains(&key)
    }

    pub fn has_errors(&self) -> bool {
        self.hidden.0 > 0 || self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Every error, shown or not.
    pub fn error_count(&self) -> usize {
        self.hidden.0 + self.items.iter().filter(|d| d.severity == Severity::Error).count()
    }

    /// Every warning, shown or not (the note that some are not shown is not counted).
    pub fn warning_count(&self) -> usize {
        let notes = self.per_file.values().filter(|&&n| n > MAX_PER_FILE).count();
        self.hidden.1 + self.items.iter().filter(|d| d.severity == Severity::Warning).count() - notes
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Sorts by file, line, column; stable otherwise. Files come in the order `rank` gives
    /// them (the load order of the data tables, from `load`), `content/` first, unranked last.
    pub fn sort(&mut self, rank: impl Fn(&str) -> Option<usize>) {
        let file_rank = |file: &str| {
            if file.starts_with("content/") {
                0
            } else {
                rank(file).map_or(usize::MAX, |rank| rank + 1)
            }
        };
        // The rank folds file names: compute it once per diagnostic (the sort is stable).
        self.items.sort_by_cached_key(|d| (file_rank(&d.file), d.file.clone(), d.line, d.column));
    }
}

/// The 1-based line and column (in characters) of the byte `offset` of `text` (clamped to
/// the text, and to a character boundary).
pub fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line as u32, column as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Only the quoted lines of a file stay, every other line emptied: the excerpt printed is the
    // same, from a text the size of its line count.
    #[test]
    fn only_quoted_lines_are_kept() {
        let text = "id,name\r\nok,Fine\r\nbad,\"multi\nline\"\r\nlast,One\n";
        let mut d = Diagnostics::default();
        d.add_source("data/x.csv", text);
        d.push_at(Severity::Error, "data/x.csv", (3, 5), "bad cell", None);
        let before = render::to_text(&d, true);
        assert!(before.contains("bad,\"multi"), "{before}");
        d.keep_quoted_lines();
        assert_eq!(d.source("data/x.csv"), Some("\n\nbad,\"multi\n\n\n"));
        assert_eq!(render::to_text(&d, true), before);
    }

    // Offsets become 1-based lines and columns counted in characters.
    #[test]
    fn line_col_counts_characters() {
        let text = "ab\nçé=x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, "ab\nçé".len()), (2, 3));
        assert_eq!(line_col(text, 4), (2, 1), "inside a character: its start");
        assert_eq!(line_col(text, 999), (3, 1));
    }

    // Diagnostics sort by the rank given (the table order), content/ first, then line and column; errors
    // already at a cell are found.
    #[test]
    fn sort_by_table_then_position() {
        let mut d = Diagnostics::default();
        for (file, line) in [
            ("data/offres.csv", 3),
            ("data/acteurs.csv", 9),
            ("data/offres.csv", 2),
            ("content/site.toml", 1),
            ("data/quartiers.csv", 5),
        ] {
            d.push_at(Severity::Error, file, (line, 1), "x", None);
        }
        let rank = |file: &str| {
            ["data/quartiers.csv", "data/acteurs.csv", "data/offres.csv"].iter().position(|f| *f == file)
        };
        d.sort(rank);
        let order: Vec<_> = d.iter().map(|d| (d.file.as_str(), d.line)).collect();
        assert_eq!(
            order,
            [
                ("content/site.toml", 1),
                ("data/quartiers.csv", 5),
                ("data/acteurs.csv", 9),
                ("data/offres.csv", 2),
                ("data/offres.csv", 3)
            ]
        );
        let origin =
            Origin { file: "data/offres.csv".into(), line: 2, columns: vec![("id", 1)], lines: vec![] };
        assert!(d.reported(&origin, "id"));
        let elsewhere = Origin { line: 4, ..origin };
        assert!(!d.reported(&elsewhere, "id"));
    }

    // Past MAX_PER_FILE a file's problems are counted, not kept; errors still count.
    #[test]
    fn problems_per_file_are_capped() {
        let mut d = Diagnostics::default();
        for line in 0..MAX_PER_FILE + 10 {
            d.push_at(Severity::Warning, "data/offers.csv", (1, 1), "w", None);
            d.push_at(Severity::Error, "data/offers.csv", (u32::try_from(line).unwrap_or(0), 1), "e", None);
        }
        d.push_at(Severity::Error, "data/venues.csv", (1, 1), "e", None);
        assert_eq!(d.iter().count(), MAX_PER_FILE + 2);
        assert_eq!((d.error_count(), d.warning_count()), (MAX_PER_FILE + 11, MAX_PER_FILE + 10));
        assert!(d.iter().any(|x| x.message.starts_with("more than 500 problems")));
        assert!(d.is_full("data/offers.csv") && !d.is_full("data/venues.csv"));
        let mut only_hidden_errors = Diagnostics::default();
        for _ in 0..=MAX_PER_FILE {
            only_hidden_errors.push_at(Severity::Warning, "a.csv", (1, 1), "w", None);
        }
        only_hidden_errors.push_at(Severity::Error, "a.csv", (2, 1), "e", None);
        assert!(only_hidden_errors.has_errors());
    }
}
