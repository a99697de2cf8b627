//! The build stamp: one tiny file at the site root that marks a folder as a Passerelle site
//! and records what built it, so that a build with nothing new can skip every stage.
//!
//! It is a dotfile of four short lines (a title, the fingerprint, the file count and byte
//! count): harmless when uploaded with the site, ignored by Jekyll-style hosts, and the same
//! for the same input, so two builds stay byte-identical.

use super::{Fingerprint, Report};
use anyhow::{Context, Result};
use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};
use walkdir::WalkDir;

/// The stamp's file name, at the site root.
pub const STAMP: &str = ".passerelle-build";

/// What the stamp records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Stamp {
    /// `None` when the build could not fingerprint itself (then no later build is skipped).
    pub fingerprint: Option<Fingerprint>,
    /// The site's files and their total size, the stamp aside: a cheap "is it intact" check.
    pub files: usize,
    pub bytes: u64,
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "# Written by Passerelle: lets the next build skip its work when nothing changed.")?;
        match &self.fingerprint {
            Some(fingerprint) => writeln!(f, "fingerprint = {fingerprint}")?,
            None => writeln!(f, "fingerprint = none")?,
        }
        writeln!(f, "files = {}", self.files)?;
        writeln!(f, "bytes = {}", self.bytes)
    }
}

impl Stamp {
    /// Parses a stamp's text; `None` for anything else (an older or damaged stamp).
    pub fn parse(text: &str) -> Option<Stamp> {
        let mut stamp = Stamp { fingerprint: None, files: 0, bytes: 0 };
        let mut seen = 0;
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let (key, value) = line.split_once(" = ")?;
            match key {
                "fingerprint" => stamp.fingerprint = Fingerprint::parse(value),
                "files" => stamp.files = value.parse().ok()?,
                "bytes" => stamp.bytes = value.parse().ok()?,
                _ => return None,
            }
            seen += 1;
        }
        (seen == 3).then_some(stamp)
    }
}

/// When the site at `out` was built from the same `fingerprint` and still holds the files its
/// stamp counts (same number, same total size), the report of a build that does nothing.
pub fn up_to_date(out: &Path, fingerprint: Option<&Fingerprint>) -> Option<Report> {
    let fingerprint = fingerprint?;
    let text = fs::read_to_string(out.join(STAMP)).ok()?;
    let stamp = Stamp::parse(&text)?;
    if stamp.fingerprint.as_ref() != Some(fingerprint) {
        return None;
    }
    let (mut files, mut bytes) = (0usize, 0u64);
    for entry in WalkDir::new(out).min_depth(1) {
        let entry = entry.ok()?;
        if entry.file_type().is_file() && !(entry.depth() == 1 && entry.file_name() == STAMP) {
            files += 1;
            bytes += entry.metadata().ok()?.len();
        }
    }
    (files == stamp.files && bytes == stamp.bytes).then(|| Report { unchanged: files, up_to_date: true, ..Report::default() })
}

/// Files of the previous site that are not in `paths` (the stamp aside).
pub(super) fn count_missing(previous: &Path, paths: &HashSet<String>) -> Result<usize> {
    let mut missing = 0;
    for entry in WalkDir::new(previous).min_depth(1) {
        let entry = entry.with_context(|| format!("failed to list `{}`", previous.display()))?;
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = entry.path().strip_prefix(previous).unwrap_or(entry.path());
        let rel = rel.to_string_lossy().replace('\\', "/");
        if rel != STAMP && !paths.contains(&rel) {
            missing += 1;
        }
    }
    Ok(missing)
}

/// The prefix of the staging and set-aside folders of the output `name`.
pub(super) fn sibling_prefix(name: &str) -> String {
    format!(".{name}.passerelle-")
}

/// Removes staging folders that a killed build left beside the output: those of another
/// process that no longer runs (or, where that cannot be told, older than an hour). Best effort.
pub(super) fn remove_stale_siblings(parent: &Path, name: &str) {
    let prefix = sibling_prefix(name);
    let Ok(entries) = fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else { continue };
        let Some(pid) = rest.split('-').nth(1).and_then(|p| p.parse::<u32>().ok()) else { continue };
        if pid != std::process::id() && !still_running(pid, &entry.path()) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether the process `pid` that made `folder` may still be building.
fn still_running(pid: u32, folder: &Path) -> bool {
    let proc = Path::new("/proc");
    if proc.is_dir() {
        return proc.join(pid.to_string()).exists();
    }
    let age = fs::metadata(folder).and_then(|m| m.modified()).ok().and_then(|t| SystemTime::now().duration_since(t).ok());
    age.is_none_or(|age| age < Duration::from_secs(3600))
}
