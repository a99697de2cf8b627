//! `passerelle draw ID [--announce | --verify]`: load and validate the data, then print a
//! draw's result, check it, or freeze its pool. `main` only prints what this returns.

pub mod announce;

use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::participation::outcome::Drawn;
use crate::participation::report;
use crate::Options;
use announce::Announced;
use anyhow::Result;
use std::collections::HashSet;
use std::path::Path;

/// What the command was asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Print,
    Announce,
    Verify,
}

/// What to print, and how to exit.
#[derive(Debug)]
pub struct Run {
    /// The problems of this draw's rows (draws.csv and volunteers.csv), for stderr.
    pub diagnostics: Diagnostics,
    /// Problems elsewhere in data/ (`passerelle check` lists them).
    pub other_errors: usize,
    /// For stdout.
    pub text: String,
    pub success: bool,
}

/// Runs the command on the project at `root`.
pub fn run(root: &Path, id: &str, mode: Mode, options: &Options) -> Result<Run> {
    let mut all = Diagnostics::default();
    let mut records = crate::load::load(root, &mut all)?;
    crate::validate::validate(&mut records, options.today, &mut all);
    all.sort(crate::load::files::rank);
    let draw = announce::find(&records.draws, id)?;
    let drawn = Drawn::of(draw, &records.volunteers, &records.operators);
    let mut rows: HashSet<(String, u32)> = HashSet::new();
    rows.insert((draw.origin.file.to_string(), draw.origin.line));
    for v in &drawn.volunteers {
        rows.insert((v.origin.file.to_string(), v.origin.line));
    }
    let mut diagnostics = Diagnostics::default();
    for (file, _) in &rows {
        if let Some(text) = all.source(file) {
            diagnostics.add_source(file, text);
        }
    }
    let mut other_errors = 0;
    for item in all.iter() {
        if rows.contains(&(item.file.clone(), item.line)) {
            diagnostics.push(Diagnostic::clone(item));
        } else if item.severity == Severity::Error {
            other_errors += 1;
        }
    }
    let mut text = String::new();
    let success = match mode {
        Mode::Print => {
            text = report::text(&drawn);
            true
        }
        Mode::Verify => {
            text = report::text(&drawn);
            let holds = !diagnostics.has_errors();
            let recorded = drawn.volunteers.iter().any(|v| v.group.is_some());
            text.push_str(&match (&drawn.outcome, holds) {
                (None, true) => "verify: not drawn yet; the pool holds\n".to_owned(),
                (None, false) => "verify: not drawn yet; the draw's data has errors (above)\n".to_owned(),
                (Some(_), true) if recorded => {
                    "verify: the published result holds (recorded groups and replacements are the draw's)\n"
                        .to_owned()
                }
                (Some(_), true) => {
                    "verify: the result holds (no groups recorded in volunteers.csv: the site shows this one)\n"
                        .to_owned()
                }
                (Some(_), false) => "verify: the published result does NOT hold (see the errors)\n".to_owned(),
            });
            holds
        }
        Mode::Announce => {
            if diagnostics.has_errors() || other_errors > 0 {
                // A pool is frozen once: only from data that `check` accepts.
                text.push_str("announce: refused, fix the errors first (`passerelle check`)\n");
                false
            } else {
                match announce::announce(&root.join(&*draw.origin.file), &drawn)? {
                    Announced::Written { hash, .. } => {
                        text.push_str(&format!(
                            "announce: pool of {} volunteers frozen, sha256 {hash} written into {}\n",
                            drawn.members.len(),
                            draw.origin.file
                        ));
                    }
                    Announced::Already { hash } => {
                        text.push_str(&format!(
                            "announce: already announced with this pool (sha256 {hash})\n"
                        ));
                    }
                }
                true
            }
        }
    };
    Ok(Run { diagnostics, other_errors, text, success })
}
