//! Measuring a child process (wall time, CPU time, peak memory) and comparing output trees.
//!
//! Peak memory is the child's maximum resident set size as the kernel reports it when the child
//! is reaped (`wait4`), read through GNU time (`/usr/bin/time -f`): exact, whatever the child
//! does, with no `unsafe` in this crate (the workspace forbids it).

use anyhow::{bail, Context, Result};
use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

pub const GNU_TIME: &str = "/usr/bin/time";

/// One run of a command.
#[derive(Clone, Debug)]
pub struct Run {
    /// Wall-clock seconds.
    pub wall: f64,
    /// User + system CPU seconds.
    pub cpu: f64,
    /// Peak resident memory, bytes.
    pub max_rss: u64,
    pub stderr: String,
}

/// Runs `command` (not started yet) under GNU time; fails with its stderr when it fails.
pub fn run(command: &mut Command, scratch: &Path) -> Result<Run> {
    let report = scratch.join("time.txt");
    let mut timed = Command::new(GNU_TIME);
    timed.args(["-f", "%U %S %M", "-o"]).arg(&report).arg("--").arg(command.get_program());
    timed.args(command.get_args());
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => timed.env(key, value),
            None => timed.env_remove(key),
        };
    }
    if let Some(dir) = command.get_current_dir() {
        timed.current_dir(dir);
    }
    let shown = format!("{command:?}");
    let start = Instant::now();
    let output = timed
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .with_context(|| format!("failed to start {shown}"))?;
    let wall = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if !output.status.success() {
        let tail: Vec<&str> = stderr.lines().rev().take(30).collect::<Vec<_>>().into_iter().rev().collect();
        bail!("{shown} failed with {}:\n{}", output.status, tail.join("\n"));
    }
    let text =
        std::fs::read_to_string(&report).with_context(|| format!("failed to read `{}`", report.display()))?;
    let fields: Vec<f64> =
        text.lines().last().unwrap_or_default().split_whitespace().filter_map(|f| f.parse().ok()).collect();
    let [user, system, rss_kb] = fields[..] else {
        bail!("unexpected GNU time output {text:?}");
    };
    Ok(Run { wall, cpu: user + system, max_rss: rss_kb as u64 * 1024, stderr })
}

/// The median of `values` (the mean of the middle two for an even count).
pub fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// Every file under `dir`, by path relative to it, sorted.
pub fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
        for entry in std::fs::read_dir(dir).with_context(|| format!("failed to list `{}`", dir.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                walk(&path, base, out)?;
            } else {
                out.push(path.strip_prefix(base).unwrap_or(&path).to_path_buf());
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    out.sort();
    Ok(out)
}

/// What identifies a file's last write: inode, size, modification time.
pub type Snapshot = BTreeMap<PathBuf, (u64, u64, i64, i64)>;

pub fn snapshot(dir: &Path) -> Result<Snapshot> {
    files(dir)?
        .into_iter()
        .map(|rel| {
            let m = std::fs::metadata(dir.join(&rel))?;
            Ok((rel, (m.ino(), m.len(), m.mtime(), m.mtime_nsec())))
        })
        .collect()
}

/// How many files were written (created, replaced or touched) or removed between two snapshots.
pub fn changed(before: &Snapshot, after: &Snapshot) -> usize {
    let touched = after.iter().filter(|(path, id)| before.get(*path) != Some(*id)).count();
    touched + before.keys().filter(|path| !after.contains_key(*path)).count()
}

/// `None` when the trees hold the same files with the same bytes, else the first difference.
pub fn difference(a: &Path, b: &Path) -> Result<Option<String>> {
    let (fa, fb) = (files(a)?, files(b)?);
    if fa != fb {
        let only = fa.iter().find(|f| !fb.contains(f)).or_else(|| fb.iter().find(|f| !fa.contains(f)));
        return Ok(Some(format!("file lists differ ({} vs {} files; e.g. {only:?})", fa.len(), fb.len())));
    }
    for rel in fa {
        if std::fs::read(a.join(&rel))? != std::fs::read(b.join(&rel))? {
            return Ok(Some(format!("{} differs", rel.display())));
        }
    }
    Ok(None)
}

/// The size of `bytes` gzipped, measured as `passerelle build` measures its budgets.
pub fn gzip_len(bytes: &[u8]) -> Result<u64> {
    Ok(passerelle_index::budget::gzip_len(bytes) as u64)
}

/// The total size of a tree's files, in bytes.
pub fn tree_size(dir: &Path) -> Result<u64> {
    files(dir)?.iter().map(|rel| Ok(std::fs::metadata(dir.join(rel))?.len())).sum()
}
