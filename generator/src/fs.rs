//! The one door to the file system for reading: path-aware helpers whose errors name the file.
//! (Writing under the output folder belongs to the `write` stage alone.)

use anyhow::{Context, Result};
use std::path::Path;

/// Reads a whole file as bytes.
pub fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("failed to read `{}`", path.display()))
}

/// Reads a file when it exists; `Ok(None)` when it does not.
pub fn read_optional(path: &Path) -> Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("failed to read `{}`", path.display())),
    }
}

/// The entries of a folder, sorted by name; `Ok(None)` when the folder does not exist.
pub fn list(dir: &Path) -> Result<Option<Vec<std::path::PathBuf>>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("failed to list `{}`", dir.display())),
    };
    let mut paths = Vec::new();
    for entry in entries {
        paths.push(entry.with_context(|| format!("failed to list `{}`", dir.display()))?.path());
    }
    paths.sort();
    Ok(Some(paths))
}
