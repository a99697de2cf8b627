//! The one door to the file system for reading, and for rewriting one project file (`draw
//! --announce`, `import --write`): path-aware helpers whose errors name the file. (Writing
//! under the output folder belongs to the `write` stage alone.)

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

/// What [`read_input`] found at a path.
#[derive(Debug)]
pub enum Input {
    /// A regular file, and its bytes.
    File(Vec<u8>),
    Missing,
    /// Not a regular file: what it is ("a symbolic link", "a named pipe (FIFO)", …).
    Refused(&'static str),
}

/// Reads a project input: a regular file only, never through a symbolic link (its target may
/// be outside the project), never a FIFO (the read would hang) or a device (`/dev/zero` never
/// ends). On Unix the file is opened with `O_NOFOLLOW | O_NONBLOCK` and checked again once open,
/// so swapping it for a link between the check and the read does not help either.
pub fn read_input(path: &Path) -> Result<Input> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Input::Missing),
        Err(e) => return Err(e).with_context(|| format!("failed to read `{}`", path.display())),
    };
    if let Some(what) = refused(&meta.file_type()) {
        return Ok(Input::Refused(what));
    }
    let mut file = match open_no_follow(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Input::Missing),
        Err(_) if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) => {
            return Ok(Input::Refused("a symbolic link"))
        }
        Err(e) => return Err(e).with_context(|| format!("failed to read `{}`", path.display())),
    };
    let meta = file.metadata().with_context(|| format!("failed to read `{}`", path.display()))?;
    if let Some(what) = refused(&meta.file_type()) {
        return Ok(Input::Refused(what));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::io::Read::read_to_end(&mut file, &mut bytes)
        .with_context(|| format!("failed to read `{}`", path.display()))?;
    Ok(Input::File(bytes))
}

/// What a file type is when it is not a regular file.
fn refused(file_type: &std::fs::FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_symlink() {
        return Some("a symbolic link");
    }
    if file_type.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Some("a device");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

#[cfg(unix)]
fn open_no_follow(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK).open(path)
}

#[cfg(not(unix))]
fn open_no_follow(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// An entry of a folder of the project.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Relative to the folder listed, `/`-separated.
    pub rel: String,
    pub path: std::path::PathBuf,
}

/// The entries of `dir` that are not folders (files, links, FIFOs: [`read_input`] tells them
/// apart), sorted by name; none when `dir` does not exist.
pub fn entries(dir: &Path) -> Result<Vec<Entry>> {
    let mut out = Vec::new();
    for path in list(dir)?.unwrap_or_default() {
        let is_dir = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
        if !is_dir {
            out.push(Entry { rel: name.to_owned(), path });
        }
    }
    Ok(out)
}

/// Every entry under `dir` that is not a folder, recursively, sorted by path; hidden entries
/// (`.name`) skipped; symbolic links listed, never followed. None when `dir` does not exist.
pub fn walk(dir: &Path) -> Result<Vec<Entry>> {
    if !std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(dir).min_depth(1).sort_by_file_name().into_iter();
    for entry in walker.filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.')) {
        let entry = entry.with_context(|| format!("failed to list `{}`", dir.display()))?;
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        out.push(Entry { rel, path: entry.path().to_path_buf() });
    }
    Ok(out)
}

/// Replaces the file at `path` by `bytes` atomically: written to a temporary file in the same
/// folder (created if needed), synced, then renamed over, so a reader or a crash sees the old
/// file or the new one, never half of it; the temporary file is removed on failure.
pub fn replace(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let folder = path.parent().context("a file has a folder")?;
    std::fs::create_dir_all(folder).with_context(|| format!("failed to create `{}`", folder.display()))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let temp = folder.join(format!(".{name}.passerelle-{}", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.with_context(|| format!("failed to write `{}`", path.display()))
}
