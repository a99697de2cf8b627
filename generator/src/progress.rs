//! What a build shows while it runs: on a terminal, one short line per stage with its counts
//! and time; otherwise (CI, a pipe, a log) only one summary line at the end.

use crate::write::Report;
use crate::Step;
use std::io::IsTerminal;
use std::path::Path;
use std::time::Instant;

/// Progress display of one build, fed by [`crate::build_with`]'s steps.
#[derive(Debug)]
pub struct Progress {
    terminal: bool,
    started: Instant,
    last: Instant,
    files: usize,
}

impl Default for Progress {
    fn default() -> Self {
        Progress::new(std::io::stderr().is_terminal())
    }
}

impl Progress {
    /// A display that prints every stage when `terminal`, only the summary otherwise.
    pub fn new(terminal: bool) -> Progress {
        let now = Instant::now();
        Progress { terminal, started: now, last: now, files: 0 }
    }

    /// Shows a finished stage (on a terminal).
    pub fn step(&mut self, step: Step<'_>) {
        if let Some(line) = self.line(&step) {
            if self.terminal {
                eprintln!("{line}  ({:.2} s)", self.last.elapsed().as_secs_f64());
            }
        }
        self.last = Instant::now();
    }

    /// The stage line for `step` (`None` for a step that has none).
    fn line(&mut self, step: &Step<'_>) -> Option<String> {
        match step {
            Step::UpToDate => None,
            Step::Checked(c) => Some(format!(
                "check   {} districts, {} operators, {} venues, {} offers, {} partnerships",
                c.districts.len(),
                c.operators.len(),
                c.venues.len(),
                c.offers.len(),
                c.partnerships.len()
            )),
            Step::Staged { stage, files } => {
                let new = files.saturating_sub(self.files);
                self.files = *files;
                Some(format!("{stage:<7} {new} files"))
            }
        }
    }

    /// The closing line(s) of a build into `out`: the write stage and the total on a terminal,
    /// one summary line otherwise.
    pub fn finish(&self, out: &Path, report: &Report) -> String {
        let total = self.started.elapsed().as_secs_f64();
        if report.up_to_date {
            return format!(
                "{} is up to date: 0 files written, nothing changed since the last build ({total:.2} s)",
                out.display()
            );
        }
        if self.terminal {
            format!(
                "write   {}  ({:.2} s)\nbuilt {} in {total:.2} s",
                summary(report),
                self.last.elapsed().as_secs_f64(),
                out.display()
            )
        } else {
            format!("built {}: {} ({total:.2} s)", out.display(), summary(report))
        }
    }
}

/// `12 files written, 240 unchanged, 0 removed`, or that nothing changed.
pub fn summary(report: &Report) -> String {
    if report.up_to_date {
        return "0 files written, nothing changed".to_owned();
    }
    format!("{} files written, {} unchanged, {} removed", report.written, report.unchanged, report.removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Stage lines count the files each stage added; off a terminal only the summary remains.
    #[test]
    fn counts_files_per_stage() {
        let mut progress = Progress::new(false);
        assert_eq!(
            progress.line(&Step::Staged { stage: "render", files: 180 }).as_deref(),
            Some("render  180 files")
        );
        assert_eq!(
            progress.line(&Step::Staged { stage: "export", files: 225 }).as_deref(),
            Some("export  45 files")
        );
        let report = Report { written: 12, unchanged: 240, removed: 1, up_to_date: false };
        let line = progress.finish(Path::new("site"), &report);
        assert!(line.starts_with("built site: 12 files written, 240 unchanged, 1 removed ("), "{line}");
        assert!(!line.contains('\n'), "one line");
        let fresh = Report { unchanged: 252, up_to_date: true, ..Report::default() };
        assert!(progress.finish(Path::new("site"), &fresh).starts_with("site is up to date"));
    }
}
