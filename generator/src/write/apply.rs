//! Committing over a previous site: bring it to the staged state by touching only what
//! differs. The old stamp is first replaced by one marked "in progress" (one rename: the
//! folder stays recognisably Passerelle's at every instant, and a commit cut short is never
//! taken for an up-to-date site), then the files the new site no longer has (and the folders they leave empty), then
//! each changed file is renamed over its old version: one `rename` each, so a file is always
//! either its old or its new bytes, never half-written.

use super::{crash, STAMP};
use anyhow::{Context, Result};
use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::Path;
use walkdir::WalkDir;

/// Applies the staged files `changed` (in `staging`) to the site `out`, whose new file list
/// is `paths`, after `in_progress` (a stamp file) has replaced its stamp; returns how many old
/// files were removed.
pub(super) fn apply(
    staging: &Path,
    out: &Path,
    in_progress: &Path,
    changed: &[String],
    paths: &HashSet<String>,
) -> Result<usize> {
    let stamp = out.join(STAMP);
    fs::rename(in_progress, &stamp).with_context(|| format!("failed to write `{}`", stamp.display()))?;
    crash::point("commit:stamp");
    let removed = remove_missing(out, paths)?;
    for path in changed {
        let target = out.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).with_context(|| format!("failed to create `{}`", parent.display()))?;
        }
        if target.is_dir() {
            fs::remove_dir_all(&target)
                .with_context(|| format!("failed to replace the folder `{}`", target.display()))?;
        }
        fs::rename(staging.join(path), &target)
            .with_context(|| format!("failed to write `{}`", target.display()))?;
        crash::point("commit:rename");
    }
    Ok(removed)
}

/// Deletes the files under `out` that are not in `paths`, then the folders that leaves empty.
fn remove_missing(out: &Path, paths: &HashSet<String>) -> Result<usize> {
    let mut removed = 0;
    let mut emptied = BTreeSet::new();
    for entry in WalkDir::new(out).min_depth(1) {
        let entry = entry.with_context(|| format!("failed to list `{}`", out.display()))?;
        if entry.file_type().is_dir() {
            continue;
        }
        let path = entry.path();
        let rel = path.strip_prefix(out).unwrap_or(path).to_string_lossy().replace('\\', "/");
        if !paths.contains(&rel) && rel != STAMP {
            fs::remove_file(path).with_context(|| format!("failed to remove `{}`", path.display()))?;
            removed += 1;
            crash::point("commit:remove");
            emptied.extend(path.ancestors().skip(1).take_while(|a| *a != out).map(Path::to_path_buf));
        }
    }
    // Deepest first; `remove_dir` only succeeds on an empty folder, which is what is wanted.
    for folder in emptied.iter().rev() {
        let _ = fs::remove_dir(folder);
    }
    Ok(removed)
}
