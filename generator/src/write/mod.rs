//! Stage `write`: the site is staged in a folder beside the output, then committed.
//!
//! Input: the files that `render`, `index` and `export` [`put`](Staging::put) (site-relative
//! `/`-separated paths and their bytes). Output: the output folder, updated by
//! [`commit`](Staging::commit), and a [`Report`] of what changed.
//!
//! - **Streaming.** A file is written to the staging folder as soon as it is put; only its
//!   path is kept, so the site never sits whole in memory.
//! - **Only what changed.** A file whose bytes equal the previous site's file at the same path
//!   is not staged at all: it stays as it is, same inode, same mtime, so uploads by rsync or
//!   mtime and browsers' caches see no change.
//! - **Nothing before commit.** Until `commit`, the previous site is not touched; a staging
//!   dropped without commit (any error, Ctrl-C through [`interrupt`]) removes its folder, so a
//!   failed build leaves the previous site byte-identical and nothing beside it.
//! - **Commit.** A first build renames the staging folder into place (atomic). Over a previous
//!   site, the commit removes its stamp, deletes the files the new site no longer has, and
//!   renames each changed file over its old version (each file atomic: never half-written),
//!   then writes the new stamp. This replaces a whole-folder swap (out → aside, staging → out,
//!   aside removed), which must rebuild every folder and link of the site in the staging and
//!   then delete the whole previous tree on every build: measured on the project's machines
//!   (ext4 mounted `discard`) a 20,000-file site took ~5 s to link and ~55 s to delete, for a
//!   one-title edit; in place, the same edit costs one rename. The commit first marks the
//!   site's stamp "in progress" (one atomic rename), so a commit cut short at any instant
//!   leaves a folder that is still known as Passerelle's and never taken for up to date: the
//!   next build compares every file and heals it. Staging folders left by a killed build are
//!   removed by the next one, even when it finds nothing else to do ([`tidy`]).
//! - **Safe.** The output is written only when it is absent, empty, or a Passerelle site (it
//!   holds a valid [`STAMP`]), and never where [`placement::check`] says the project would be
//!   lost: the project itself, a folder holding it, or its `data/` and `content/`.
//! - **Fast when nothing changed.** The stamp records the build's [`Fingerprint`] (all inputs,
//!   the day and the binary); [`up_to_date`] lets a build with nothing new skip every stage.
//!
//! No `fsync`: the guarantees hold against a failing or killed build, not against power loss.

mod apply;
pub mod crash;
mod fingerprint;
pub mod placement;
mod stamp;
mod stream;
#[cfg(test)]
mod tests;

use anyhow::{bail, Context, Result};
pub use fingerprint::{binary_identity, Fingerprint};
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
    /// The previous site, whose identical files are left as they are.
    previous: Option<PathBuf>,
    /// Files staged over a previous site (new or changed), in the order they were put.
    changed: Vec<String>,
    paths: HashSet<String>,
    /// The folders that hold the files put (every ancestor of every path).
    folders: HashSet<String>,
    /// Folders already created under `tmp`, relative.
    dirs: HashSet<String>,
    report: Report,
    fingerprint: Option<Fingerprint>,
    committed: bool,
}

impl Staging {
    /// Creates the staging folder beside `out` (`.NAME.passerelle-tmp-PID-N` in `out`'s parent,
    /// so the commit's renames stay on one file system). Fails when `out` exists and is neither a
    /// folder that Passerelle wrote nor an empty one.
    pub fn new(out: &Path) -> Result<Staging> {
        let out = resolve(out)?;
        let previous = check_replaceable(&out)?;
        let (parent, name) = split(&out)?;
        fs::create_dir_all(&parent).with_context(|| format!("failed to create `{}`", parent.display()))?;
        stamp::remove_stale_siblings(&parent, &name);
        let tmp = parent.join(staging_name(&name));
        fs::create_dir(&tmp).with_context(|| format!("failed to create `{}`", tmp.display()))?;
        Ok(Staging {
            out,
            tmp,
            previous,
            changed: Vec::new(),
            paths: HashSet::new(),
            folders: HashSet::new(),
            dirs: HashSet::new(),
            report: Report::default(),
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
    /// staging folder, unless the previous site has the same bytes there (then left alone).
    /// A path that leaves the root (`..`, absolute, empty segments), that was already put, or
    /// that is also a folder of the site is a program error. For a large file, see
    /// [`put_with`](Self::put_with).
    pub fn put(&mut self, path: &str, bytes: &[u8]) -> Result<()> {
        self.admit(path)?;
        if let Some(previous) = &self.previous {
            if same_bytes(&previous.join(path), bytes) {
                self.report.unchanged += 1;
                return Ok(());
            }
            self.changed.push(path.to_owned());
        }
        let target = self.staged(path)?;
        fs::write(&target, bytes).with_context(|| format!("failed to write `{}`", target.display()))?;
        self.report.written += 1;
        crash::point("put");
        Ok(())
    }

    /// Adds many files at once, written on every core: admitted (and their folders created) in
    /// order, then compared with the previous site and written in parallel, then counted. The
    /// same outcome as calling [`put`](Self::put) on each in turn.
    pub fn put_all(&mut self, files: &[(String, Vec<u8>)]) -> Result<()> {
        let mut targets = Vec::with_capacity(files.len());
        for (path, _) in files {
            self.admit(path)?;
            targets.push(self.staged(path)?);
        }
        let previous = self.previous.as_deref();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(files.len().max(1));
        let write_one = |(path, bytes): &(String, Vec<u8>), target: &PathBuf| -> Result<bool> {
            if previous.is_some_and(|previous| same_bytes(&previous.join(path), bytes)) {
                return Ok(false);
            }
            fs::write(target, bytes).with_context(|| format!("failed to write `{}`", target.display()))?;
            crash::point("put");
            Ok(true)
        };
        let size = files.len().div_ceil(threads).max(1);
        let written: Vec<Result<bool>> = std::thread::scope(|scope| {
            let workers: Vec<_> = files
                .chunks(size)
                .zip(targets.chunks(size))
                .map(|(files, targets)| {
                    scope.spawn(move || {
                        files.iter().zip(targets).map(|(f, t)| write_one(f, t)).collect::<Vec<_>>()
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| {
                    w.join().unwrap_or_else(|_| vec![Err(anyhow::anyhow!("a write thread panicked"))])
                })
                .collect()
        });
        for ((path, _), result) in files.iter().zip(written) {
            if result? {
                self.report.written += 1;
                if self.previous.is_some() {
                    self.changed.push(path.clone());
                }
            } else {
                self.report.unchanged += 1;
            }
        }
        Ok(())
    }

    /// Checks that `path` may be added, and records it.
    fn admit(&mut self, path: &str) -> Result<()> {
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
        let folders: Vec<&str> = path.match_indices('/').map(|(i, _)| &path[..i]).collect();
        if self.folders.contains(path) || folders.iter().any(|f| self.paths.contains(*f)) {
            bail!("`{path}` would be both a file and a folder of the site (a program error)");
        }
        self.folders.extend(folders.into_iter().map(str::to_owned));
        Ok(())
    }

    /// Where `path` goes in the staging folder, its folder created.
    fn staged(&mut self, path: &str) -> Result<PathBuf> {
        if let Some((dir, _)) = path.rsplit_once('/') {
            if !self.dirs.contains(dir) {
                let full = self.tmp.join(dir);
                fs::create_dir_all(&full)
                    .with_context(|| format!("failed to create `{}`", full.display()))?;
                self.dirs.insert(dir.to_owned());
            }
        }
        Ok(self.tmp.join(path))
    }

    /// Keeps the previous site's file at `path` as it is (counted unchanged, never read), for
    /// a stage that knows it would write the same bytes (the `print` stage, from the inputs'
    /// hash). `false` when there is no such file: then the stage must put it.
    pub fn keep(&mut self, path: &str) -> Result<bool> {
        let Some(previous) = &self.previous else { return Ok(false) };
        if !fs::symlink_metadata(previous.join(path)).is_ok_and(|m| m.is_file()) {
            return Ok(false);
        }
        self.admit(path)?;
        self.report.unchanged += 1;
        Ok(true)
    }

    /// The previous site's file at `path`, when there is one (a stage's own record of what it
    /// wrote last time, such as the `print` stage's keys).
    pub fn previous(&self, path: &str) -> Option<Vec<u8>> {
        check_path(path).ok()?;
        let file = self.previous.as_ref()?.join(path);
        fs::symlink_metadata(&file).ok().filter(|m| m.is_file())?;
        fs::read(file).ok()
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
        let mut pages: Vec<&str> =
            self.paths.iter().map(String::as_str).filter(|p| p.ends_with(".html")).collect();
        pages.sort_unstable();
        pages
    }

    /// Commits the staged site: renamed into place for a first build; over a previous site,
    /// its stamp removed, its files that are gone deleted, each changed file renamed over its old
    /// version, and the new stamp written last.
    pub fn commit(mut self) -> Result<Report> {
        crash::point("commit");
        let outline = stamp::outline_of_paths(&self.paths);
        let stamp = stamp::Stamp { fingerprint: self.fingerprint.clone(), files: self.paths.len(), outline };
        let mut report = self.report.clone();
        let stamp_path = self.tmp.join(STAMP);
        fs::write(&stamp_path, stamp.to_string())
            .with_context(|| format!("failed to write `{}`", stamp_path.display()))?;
        match self.previous.take() {
            Some(previous) => {
                let in_progress = stamp::Stamp { fingerprint: None, ..stamp };
                let marker = self.tmp.join(".in-progress");
                fs::write(&marker, in_progress.to_string())
                    .with_context(|| format!("failed to write `{}`", marker.display()))?;
                report.removed = apply::apply(&self.tmp, &previous, &marker, &self.changed, &self.paths)?;
                let target = previous.join(STAMP);
                fs::rename(&stamp_path, &target)
                    .with_context(|| format!("failed to write `{}`", target.display()))?;
                crash::point("commit:done");
            }
            None => {
                crash::point("commit:first");
                if self.out.exists() {
                    // An empty folder (checked in `new`): replaced.
                    fs::remove_dir(&self.out).with_context(|| {
                        format!("failed to replace the empty folder `{}`", self.out.display())
                    })?;
                }
                fs::rename(&self.tmp, &self.out)
                    .with_context(|| format!("failed to move the new site to `{}`", self.out.display()))?;
                self.committed = true;
            }
        }
        Ok(report)
    }
}

impl Drop for Staging {
    /// The staging folder never outlives the build: after an error or an interruption it is
    /// removed with what it holds; after a commit over a previous site, only empty folders.
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Whether the file at `old` holds exactly `bytes` (sizes first, so most changes cost no read).
fn same_bytes(old: &Path, bytes: &[u8]) -> bool {
    match fs::metadata(old) {
        Ok(meta) if meta.is_file() && meta.len() == bytes.len() as u64 => {
            fs::read(old).is_ok_and(|b| b == bytes)
        }
        _ => false,
    }
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
    let absolute =
        std::path::absolute(out).with_context(|| format!("invalid output folder `{}`", out.display()))?;
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
    if stamp::is_valid(&out.join(STAMP)) {
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
    let name = out
        .file_name()
        .and_then(|n| n.to_str())
        .with_context(|| format!("invalid output folder `{}`", out.display()))?;
    let parent =
        out.parent().with_context(|| format!("the output `{}` has no parent folder", out.display()))?;
    Ok((parent.to_path_buf(), name.to_owned()))
}

/// Removes the staging folders that a killed build left beside `out`. Cheap (one listing of
/// `out`'s parent): every build calls it, even one that then finds nothing to do.
pub fn tidy(out: &Path) {
    if let Ok((parent, name)) = resolve(out).and_then(|out| split(&out)) {
        stamp::remove_stale_siblings(&parent, &name);
    }
}

/// `.NAME.passerelle-tmp-PID-N`: unique per process and per staging.
fn staging_name(name: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!("{}tmp-{}-{n}", stamp::sibling_prefix(name), std::process::id())
}
