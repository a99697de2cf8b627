//! Stage `write`: the site is staged in a folder beside the output, then swapped in whole.
//!
//! Input: the files that `render`, `index` and `export` [`put`](Staging::put) (site-relative
//! `/`-separated paths and their bytes). Output: the output folder, replaced by
//! [`commit`](Staging::commit), and a [`Report`] of what changed.
//!
//! - **Streaming.** A file is written to the staging folder as soon as it is put; only its
//!   path is kept, so the site never sits whole in memory.
//! - **Only what changed.** A file whose bytes equal the previous site's file at the same path
//!   is hard-linked from it (copied with its modification time where links are impossible), so
//!   it keeps its inode and mtime: uploads by rsync or mtime, and browsers' caches, see no change.
//! - **Atomic.** Until `commit`, the previous site is not touched. `commit` renames it aside,
//!   renames the staging folder in its place and removes the old one. A staging dropped without
//!   commit (any error, Ctrl-C through [`interrupt`]) removes its folder.
//! - **Safe.** The output is replaced only when it is absent, empty, or a Passerelle site (it
//!   holds the [`STAMP`] file), so `--out .` can never wipe a project.
//! - **Fast when nothing changed.** The stamp records the build's [`Fingerprint`] (all inputs,
//!   the day and the binary); [`up_to_date`] lets a build with nothing new skip every stage.
//!
//! No `fsync`: the swap is atomic against a failing or killed build, not against power loss.

mod fingerprint;
mod stamp;
#[cfg(test)]
mod tests;

use anyhow::{bail, Context, Result};
pub use fingerprint::Fingerprint;
pub use stamp::{up_to_date, STAMP};
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// What a build wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Files whose bytes are new or changed.
    pub written: usize,
    /// Files identical to the previous site's, kept as they were (same inode and mtime).
    pub unchanged: usize,
    /// Files of the previous site that the new one no longer has.
    pub removed: usize,
    /// Nothing changed since the last build (same [`Fingerprint`], site intact): no stage ran.
    pub up_to_date: bool,
}

impl Report {
    /// Files in the site (the build stamp aside).
    pub fn files(&self) -> usize {
        self.written + self.unchanged
    }
}

/// Set by [`interrupt`]: the next `put` fails, so the staging is dropped and removed.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Asks the build in progress to stop at its next file (from a Ctrl-C handler): it fails with
/// "interrupted" and leaves the previous site as it was.
pub fn interrupt() {
    INTERRUPTED.store(true, Ordering::SeqCst);
}

/// The site being built, in a folder beside the output.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    tmp: PathBuf,
    /// The previous site, whose identical files are linked instead of written.
    previous: Option<PathBuf>,
    paths: HashSet<String>,
    /// Folders already created under `tmp`, relative.
    dirs: HashSet<String>,
    report: Report,
    bytes: u64,
    fingerprint: Option<Fingerprint>,
    committed: bool,
}

impl Staging {
    /// Creates the staging folder beside `out` (`.NAME.passerelle-tmp-PID-N` in `out`'s parent,
    /// so the final renames stay on one file system). Fails when `out` exists and is neither a
    /// folder that Passerelle wrote nor an empty one.
    pub fn new(out: &Path) -> Result<Staging> {
        let out = resolve(out)?;
        let previous = check_replaceable(&out)?;
        let (parent, name) = split(&out)?;
        fs::create_dir_all(&parent).with_context(|| format!("failed to create `{}`", parent.display()))?;
        stamp::remove_stale_siblings(&parent, &name);
        let tmp = parent.join(sibling_name(&name, "tmp"));
        fs::create_dir(&tmp).with_context(|| format!("failed to create `{}`", tmp.display()))?;
        Ok(Staging {
            out,
            tmp,
            previous,
            paths: HashSet::new(),
            dirs: HashSet::new(),
            report: Report::default(),
            bytes: 0,
            fingerprint: None,
            committed: false,
        })
    }

    /// Records the build's fingerprint in the site's stamp at commit, so that the next build
    /// with the same inputs can be skipped ([`up_to_date`]).
    pub fn with_fingerprint(mut self, fingerprint: Option<Fingerprint>) -> Staging {
        self.fingerprint = fingerprint;
        self
    }

    /// Adds a file at `path`, relative to the site root, `/`-separated: written at once to the
    /// staging folder, or linked from the previous site when its bytes are the same.
    /// A path that leaves the root (`..`, absolute, empty segments) or that was already put is
    /// a program error.
    pub fn put(&mut self, path: &str, bytes: &[u8]) -> Result<()> {
        if INTERRUPTED.load(Ordering::SeqCst) {
            bail!("interrupted");
        }
        check_path(path)?;
        if path == STAMP {
            bail!("`{STAMP}` is reserved for the build stamp");
        }
        if !self.paths.insert(path.to_owned()) {
            bail!("`{path}` was put twice in the site (a program error: two pages share a path)");
        }
        match self.store(path, bytes)? {
            Stored::Written => self.report.written += 1,
            Stored::Kept => self.report.unchanged += 1,
        }
        self.bytes += bytes.len() as u64;
        Ok(())
    }

    /// How many files were put so far.
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    /// Whether no file was put yet.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// Whether `path` was put.
    pub fn contains(&self, path: &str) -> bool {
        self.paths.contains(path)
    }

    /// The HTML pages put so far (paths ending in `.html`), sorted: the sitemap's raw material.
    pub fn pages(&self) -> Vec<&str> {
        let mut pages: Vec<&str> = self.paths.iter().map(String::as_str).filter(|p| p.ends_with(".html")).collect();
        pages.sort_unstable();
        pages
    }

    /// Swaps the staged site in: `out` → aside, staging → `out`, aside removed. Until the second
    /// rename the previous site is whole at `out`; if that rename fails it is put back.
    pub fn commit(mut self) -> Result<Report> {
        let stamp = stamp::Stamp { fingerprint: self.fingerprint.clone(), files: self.paths.len(), bytes: self.bytes };
        self.store(STAMP, stamp.to_string().as_bytes())?;
        let mut report = self.report.clone();
        let previous = self.previous.take();
        if let Some(previous) = &previous {
            report.removed = stamp::count_missing(previous, &self.paths)?;
            let (parent, name) = split(&self.out)?;
            let aside = parent.join(sibling_name(&name, "old"));
            fs::rename(previous, &aside)
                .with_context(|| format!("failed to move the previous site `{}` aside", previous.display()))?;
            if let Err(error) = fs::rename(&self.tmp, &self.out) {
                let _ = fs::rename(&aside, &self.out);
                return Err(error).with_context(|| format!("failed to move the new site to `{}`", self.out.display()));
            }
            self.committed = true;
            fs::remove_dir_all(&aside)
                .with_context(|| format!("the site is written, but the previous one could not be removed from `{}`", aside.display()))?;
        } else {
            if self.out.exists() {
                // An empty folder (checked in `new`): replace it.
                fs::remove_dir(&self.out).with_context(|| format!("failed to replace the empty folder `{}`", self.out.display()))?;
            }
            fs::rename(&self.tmp, &self.out).with_context(|| format!("failed to move the new site to `{}`", self.out.display()))?;
            self.committed = true;
        }
        Ok(report)
    }

    /// Writes `bytes` at `path` in the staging folder, or links the previous site's identical file.
    fn store(&mut self, path: &str, bytes: &[u8]) -> Result<Stored> {
        let target = self.tmp.join(path);
        if let Some((dir, _)) = path.rsplit_once('/') {
            if !self.dirs.contains(dir) {
                let full = self.tmp.join(dir);
                fs::create_dir_all(&full).with_context(|| format!("failed to create `{}`", full.display()))?;
                self.dirs.insert(dir.to_owned());
            }
        }
        if let Some(old) = self.previous.as_ref().map(|p| p.join(path)) {
            if same_bytes(&old, bytes) && keep(&old, &target).is_ok() {
                return Ok(Stored::Kept);
            }
        }
        fs::write(&target, bytes).with_context(|| format!("failed to write `{}`", target.display()))?;
        Ok(Stored::Written)
    }
}

impl Drop for Staging {
    /// A staging that was not committed (an error, an interruption) leaves nothing behind.
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

/// What `store` did with a file.
enum Stored {
    Written,
    Kept,
}

/// Whether the file at `old` holds exactly `bytes` (sizes first, so most changes cost no read).
fn same_bytes(old: &Path, bytes: &[u8]) -> bool {
    match fs::metadata(old) {
        Ok(meta) if meta.is_file() && meta.len() == bytes.len() as u64 => fs::read(old).is_ok_and(|b| b == bytes),
        _ => false,
    }
}

/// Puts the previous site's file at `target`: a hard link, or a copy with the same mtime.
fn keep(old: &Path, target: &Path) -> std::io::Result<()> {
    if fs::hard_link(old, target).is_ok() {
        return Ok(());
    }
    let modified = fs::metadata(old)?.modified()?;
    fs::copy(old, target)?;
    fs::File::options().write(true).open(target)?.set_modified(modified)
}

/// Refuses paths that would leave the site root or name it ambiguously.
fn check_path(path: &str) -> Result<()> {
    let bad = path.is_empty()
        || path.starts_with('/')
        || path.contains('\\')
        || path.contains('\0')
        || path.contains(':')
        || path.split('/').any(|segment| matches!(segment, "" | "." | ".."));
    if bad {
        bail!("`{path}` is not a relative path inside the site (a program error)");
    }
    Ok(())
}

/// `out` made absolute, through a symlink to the folder it names (the swap replaces the folder).
fn resolve(out: &Path) -> Result<PathBuf> {
    let absolute = std::path::absolute(out).with_context(|| format!("invalid output folder `{}`", out.display()))?;
    match fs::symlink_metadata(&absolute) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(&absolute).with_context(|| format!("failed to resolve `{}`", absolute.display()))
        }
        _ => Ok(absolute),
    }
}

/// The previous site at `out`, if any; an error when `out` is a file or a foreign folder.
fn check_replaceable(out: &Path) -> Result<Option<PathBuf>> {
    let meta = match fs::metadata(out) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("failed to read `{}`", out.display())),
    };
    if !meta.is_dir() {
        bail!("the output `{}` is a file, not a folder", out.display());
    }
    if out.join(STAMP).is_file() {
        return Ok(Some(out.to_path_buf()));
    }
    let mut entries = fs::read_dir(out).with_context(|| format!("failed to read `{}`", out.display()))?;
    if entries.next().is_some() {
        bail!(
            "refusing to replace `{}`: it is not empty and Passerelle did not write it (no `{STAMP}`); \
             remove it or choose another --out",
            out.display()
        );
    }
    Ok(None)
}

/// `out`'s parent folder and file name.
fn split(out: &Path) -> Result<(PathBuf, String)> {
    let name = out.file_name().and_then(|n| n.to_str()).with_context(|| format!("invalid output folder `{}`", out.display()))?;
    let parent = out.parent().with_context(|| format!("the output `{}` has no parent folder", out.display()))?;
    Ok((parent.to_path_buf(), name.to_owned()))
}

/// `.NAME.passerelle-KIND-PID-N`: unique per process and per staging.
fn sibling_name(name: &str, kind: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!("{}{kind}-{}-{n}", stamp::sibling_prefix(name), std::process::id())
}
