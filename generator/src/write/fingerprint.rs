//! The fingerprint of a build: one BLAKE3 hash of everything the site is made from.
//!
//! It covers every file under `ROOT/data/` and `ROOT/content/` (path, size and bytes, in sorted
//! order, so a rename or a new template override counts), the build's reference day (`today`,
//! which moves "this week" and "past"), and the running binary's own bytes (templates, assets and
//! the explorer are compiled in, so a new binary is a new build). Equal fingerprints mean the
//! same site. BLAKE3: cryptographic (no accidental collision can skip a needed build) and fast
//! enough (SIMD, GB/s) to hash the inputs and the binary on every run.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use std::fmt;
use std::fs::File;
use std::path::Path;
use std::sync::OnceLock;
use walkdir::WalkDir;

/// A build's fingerprint, 64 lowercase hexadecimal digits.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Fingerprint(String);

impl Fingerprint {
    /// Hashes the inputs of a build of `root` on day `today`. `None` when the running binary
    /// cannot be read (then the build is never skipped).
    pub fn of(root: &Path, today: NaiveDate) -> Result<Option<Fingerprint>> {
        let Some(binary) = binary_identity() else { return Ok(None) };
        let mut hasher = blake3::Hasher::new();
        hasher.update(b"passerelle fingerprint 1\0");
        hasher.update(binary.as_bytes());
        hasher.update(today.to_string().as_bytes());
        for folder in ["data", "content"] {
            hash_folder(&mut hasher, root, folder)?;
        }
        Ok(Some(Fingerprint(hasher.finalize().to_hex().to_string())))
    }

    /// Reads a fingerprint written by [`Display`](fmt::Display).
    pub(super) fn parse(text: &str) -> Option<Fingerprint> {
        let ok = text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        ok.then(|| Fingerprint(text.to_owned()))
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Adds every file under `root/folder` to the hash: relative path, size, bytes.
fn hash_folder(hasher: &mut blake3::Hasher, root: &Path, folder: &str) -> Result<()> {
    let base = root.join(folder);
    hasher.update(b"\0folder\0");
    hasher.update(folder.as_bytes());
    if !base.is_dir() {
        return Ok(());
    }
    for entry in WalkDir::new(&base).sort_by_file_name() {
        let entry = entry.with_context(|| format!("failed to list `{}`", base.display()))?;
        let path = entry.path();
        let rel = path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/");
        if entry.file_type().is_dir() {
            continue;
        }
        // A link, a FIFO or a device counts by its name only: reading it could hang or leave
        // the project (`load` refuses it, so adding one must not look like "nothing changed").
        if !entry.file_type().is_file() {
            hasher.update(b"\0other\0");
            hasher.update(rel.as_bytes());
            continue;
        }
        let file = File::open(path).with_context(|| format!("failed to read `{}`", path.display()))?;
        let len = file.metadata().with_context(|| format!("failed to read `{}`", path.display()))?.len();
        hasher.update(b"\0file\0");
        hasher.update(rel.as_bytes());
        hasher.update(&len.to_le_bytes());
        hasher.update_reader(file).with_context(|| format!("failed to read `{}`", path.display()))?;
    }
    Ok(())
}

/// The BLAKE3 hash of the running executable, computed once per process (`None` when it
/// cannot be read).
pub fn binary_identity() -> Option<&'static str> {
    static IDENTITY: OnceLock<Option<String>> = OnceLock::new();
    IDENTITY
        .get_or_init(|| {
            let exe = std::env::current_exe().ok()?;
            let file = File::open(exe).ok()?;
            let mut hasher = blake3::Hasher::new();
            hasher.update_reader(file).ok()?;
            Some(hasher.finalize().to_hex().to_string())
        })
        .as_deref()
}
