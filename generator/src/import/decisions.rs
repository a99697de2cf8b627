//! `data/import-decisions.csv`: the coordinator's answers about possible duplicates.
//!
//! Columns `source` (the incoming record's provenance, `museofile:M0003`), `candidate` (the
//! id of a record of the table, or another row's provenance), `decision` (`same` [`même`] or
//! `different` [`différent`]), and any others the coordinator likes (a `note`, a date): they
//! are kept, never read. A decision once recorded is honoured by every later import: `same`
//! makes the row update that record, `different` lets it in as a new one.

use crate::diagnostics::{Diagnostics, Severity};
use crate::load::{decode, rows};
use anyhow::Result;
use passerelle_index::fold::key as fold;
use std::path::Path;

/// The decisions file's name under `data/`.
pub const FILE: &str = "import-decisions.csv";

/// What was decided about a pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Same,
    Different,
}

/// Every recorded decision.
#[derive(Debug, Default)]
pub struct Decisions {
    entries: Vec<(String, String, Decision)>,
}

impl Decisions {
    /// Reads `root/data/import-decisions.csv` (none yet is no decision); a row it cannot read
    /// is a diagnostic.
    pub fn read(root: &Path, d: &mut Diagnostics) -> Result<Decisions> {
        let file = format!("data/{FILE}");
        let Some(bytes) = crate::fs::read_optional(&root.join("data").join(FILE))? else {
            return Ok(Decisions::default());
        };
        let text = decode::decode(&bytes).text;
        d.add_source(&file, &text);
        let mut rows = rows::read(&text, &file, d).into_iter();
        let Some(header) = rows.next() else { return Ok(Decisions::default()) };
        let column = |name: &str| header.cells.iter().position(|c| fold(&c.value) == name);
        let (Some(source), Some(candidate), Some(decision)) =
            (column("source"), column("candidate"), column("decision"))
        else {
            d.push_at(
                Severity::Error,
                &file,
                (1, 1),
                "expected the columns source, candidate, decision",
                Some("copy the lines the import report proposes".into()),
            );
            return Ok(Decisions::default());
        };
        let mut entries = Vec::new();
        for row in rows {
            let cell = |i: usize| row.cells.get(i).map_or("", |c| c.value.as_str());
            let at = row.cells.get(decision).map_or((row.line, 1), |c| (c.line, c.column));
            let value = match fold(cell(decision)).as_str() {
                "same" | "meme" | "oui" | "yes" => Decision::Same,
                "different" | "not_the_same" | "pas_le_meme" | "non" | "no" => Decision::Different,
                "" => continue,
                other => {
                    d.push_at(
                        Severity::Error,
                        &file,
                        at,
                        format!("unknown decision \"{other}\""),
                        Some("write same or different".into()),
                    );
                    continue;
                }
            };
            entries.push((cell(source).to_owned(), cell(candidate).to_owned(), value));
        }
        Ok(Decisions { entries })
    }

    /// The decision about `source` and `candidate`, in either order.
    pub fn about(&self, source: &str, candidate: &str) -> Option<Decision> {
        self.entries
            .iter()
            .find(|(s, c, _)| (s == source && c == candidate) || (s == candidate && c == source))
            .map(|(_, _, d)| *d)
    }

    /// The record `source` was decided to be the same as, if any.
    pub fn same_as(&self, source: &str) -> Option<&str> {
        self.entries.iter().find(|(s, _, d)| s == source && *d == Decision::Same).map(|(_, c, _)| c.as_str())
    }
}
