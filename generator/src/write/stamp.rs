//! The build stamp: one tiny file at the site root that marks a folder as a Passerelle site
//! and records what built it, so that a build with nothing new can skip every stage.
//!
//! It is a dotfile of a few short lines (a comment, the fingerprint, the file count, a hash of
//! the site's outline): harmless when uploaded with the site, ignored by Jekyll-style hosts,
//! and the same for the same input, so two builds stay byte-identical.
//!
//! "Intact" is checked on the site's outline, its first two levels of names (`index.html`,
//! `offers/`, `offers/atelier-slam/`, …): two directory listings per top-level folder, a few
//! milliseconds even at 100,000 offers, where walking every file took ~0.2 s at 10,000. It
//! catches a site emptied (`mv site/* …` leaves the dotfile), a folder or a record's page
//! folder deleted; not an edit deep inside a page (delete `site/` to force a full build).

use super::{Fingerprint, Report};
use std::collections::{BTreeSet, HashSet};
use std::fmt;
use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// The stamp's file name, at the site root.
pub const STAMP: &str = ".passerelle-build";

/// What the stamp records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Stamp {
    /// `None` when the build could not fingerprint itself (then no later build is skipped).
    pub fingerprint: Option<Fingerprint>,
    /// How many files the site has, the stamp aside.
    pub files: usize,
    /// The BLAKE3 hash of the site's outline ([`outline_of_paths`]).
    pub outline: String,
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "# Written by Passerelle: lets the next build skip its work when nothing changed.")?;
        match &self.fingerprint {
            Some(fingerprint) => writeln!(f, "fingerprint = {fingerprint}")?,
            None => writeln!(f, "fingerprint = none")?,
        }
        writeln!(f, "files = {}", self.files)?;
        writeln!(f, "outline = {}", self.outline)
    }
}

impl Stamp {
    /// Parses a stamp's text; `None` for anything else (an older or damaged stamp).
    pub fn parse(text: &str) -> Option<Stamp> {
        let mut stamp = Stamp { fingerprint: None, files: 0, outline: String::new() };
        let mut seen = 0;
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let (key, value) = line.split_once(" = ")?;
            match key {
                "fingerprint" => stamp.fingerprint = Fingerprint::parse(value),
                "files" => stamp.files = value.parse().ok()?,
                "outline" => stamp.outline = value.to_owned(),
                _ => return None,
            }
            seen += 1;
        }
        (seen == 3).then_some(stamp)
    }
}

/// Whether `path` is a stamp Passerelle wrote (a stray or damaged file is not).
pub fn is_valid(path: &Path) -> bool {
    let small = fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() < 4096);
    small && fs::read_to_string(path).ok().and_then(|text| Stamp::parse(&text)).is_some()
}

/// When the site at `out` was built from the same `fingerprint` and still has the outline its
/// stamp records, the report of a build that does nothing.
pub fn up_to_date(out: &Path, fingerprint: Option<&Fingerprint>) -> Option<Report> {
    let fingerprint = fingerprint?;
    let text = fs::read_to_string(out.join(STAMP)).ok()?;
    let stamp = Stamp::parse(&text)?;
    if stamp.fingerprint.as_ref() != Some(fingerprint) || outline_on_disk(out)? != stamp.outline {
        return None;
    }
    Some(Report { unchanged: stamp.files, up_to_date: true, ..Report::default() })
}

/// The outline of a site whose files are `paths`: the hash of its sorted names at depth one
/// and two (`offers`, `offers/atelier-slam`), the stamp aside.
pub(super) fn outline_of_paths(paths: &HashSet<String>) -> String {
    let mut names = BTreeSet::new();
    for path in paths {
        let mut segments = path.splitn(3, '/');
        let first = segments.next().unwrap_or_default();
        names.insert(first.to_owned());
        if let Some(second) = segments.next() {
            names.insert(format!("{first}/{second}"));
        }
    }
    hash(&names)
}

/// The outline of the site on disk, as [`outline_of_paths`] computes it from the build.
fn outline_on_disk(out: &Path) -> Option<String> {
    let mut names = BTreeSet::new();
    for entry in fs::read_dir(out).ok()? {
        let entry = entry.ok()?;
        let first = entry.file_name().into_string().ok()?;
        if first == STAMP {
            continue;
        }
        if entry.file_type().ok()?.is_dir() {
            for inner in fs::read_dir(entry.path()).ok()? {
                let second = inner.ok()?.file_name().into_string().ok()?;
                names.insert(format!("{first}/{second}"));
            }
        }
        names.insert(first);
    }
    Some(hash(&names))
}

fn hash(names: &BTreeSet<String>) -> String {
    let mut hasher = blake3::Hasher::new();
    for name in names {
        hasher.update(name.as_bytes());
        hasher.update(b"\0");
    }
    hasher.finalize().to_hex()[..32].to_owned()
}

/// The prefix of the staging folders of the output `name`.
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
    let age = fs::metadata(folder)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok());
    age.is_none_or(|age| age < Duration::from_secs(3600))
}
