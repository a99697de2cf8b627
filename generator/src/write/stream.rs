//! Large files put as a stream: written straight to the staging folder through a buffer while
//! hashed, then compared with the previous site's file by hash, so the open data of 100,000
//! offers (a 180 MB `charter.json`) never sits in memory.

use super::Staging;
use anyhow::{Context, Result};
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::Path;

impl Staging {
    /// Like [`put`](Staging::put), for a file that `write` produces as a stream.
    pub fn put_with(&mut self, path: &str, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
        self.admit(path)?;
        let target = self.staged(path)?;
        let file =
            File::create(&target).with_context(|| format!("failed to write `{}`", target.display()))?;
        // Buffered before hashing, so the hash and the file see 64 KiB chunks, not tokens.
        let mut sink =
            BufWriter::with_capacity(1 << 16, Hashing { inner: file, hasher: blake3::Hasher::new(), len: 0 });
        write(&mut sink).with_context(|| format!("failed to write `{path}`"))?;
        let Hashing { hasher, len, .. } = sink
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(|| format!("failed to write `{}`", target.display()))?;
        if let Some(previous) = &self.previous {
            if same_hash(&previous.join(path), len, &hasher.finalize()) {
                fs::remove_file(&target)
                    .with_context(|| format!("failed to remove `{}`", target.display()))?;
                self.report.unchanged += 1;
                return Ok(());
            }
            self.changed.push(path.to_owned());
        }
        self.report.written += 1;
        Ok(())
    }
}

/// A writer that hashes and counts what goes through it.
struct Hashing<W: Write> {
    inner: W,
    hasher: blake3::Hasher,
    len: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Whether the file at `old` has `len` bytes hashing to `hash`.
fn same_hash(old: &Path, len: u64, hash: &blake3::Hash) -> bool {
    let Ok(meta) = fs::metadata(old) else { return false };
    if !meta.is_file() || meta.len() != len {
        return false;
    }
    let Ok(file) = File::open(old) else { return false };
    let mut hasher = blake3::Hasher::new();
    hasher.update_reader(file).is_ok() && hasher.finalize() == *hash
}

#[cfg(test)]
mod tests {
    use super::*;

    // A streamed file is written like a put one, kept when its bytes did not change (same
    // inode), rewritten when they did.
    #[test]
    fn streamed_files_are_compared_with_the_previous_site() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("site");
        let build = |text: &'static str| {
            let mut staging = Staging::new(&out).expect("staging");
            staging.put_with("data/big.json", |w| Ok(w.write_all(text.as_bytes())?)).expect("put");
            staging.commit().expect("commit")
        };
        assert_eq!(build("[1, 2]").written, 1);
        let inode = |p: &Path| {
            #[cfg(unix)]
            return std::os::unix::fs::MetadataExt::ino(&fs::metadata(p).expect("meta"));
            #[cfg(not(unix))]
            return fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        };
        let before = inode(&out.join("data/big.json"));
        let again = build("[1, 2]");
        assert_eq!((again.written, again.unchanged), (0, 1));
        assert_eq!(inode(&out.join("data/big.json")), before, "not rewritten");
        let changed = build("[1, 3]");
        assert_eq!((changed.written, changed.unchanged), (1, 0));
        assert_eq!(fs::read_to_string(out.join("data/big.json")).expect("read"), "[1, 3]");
    }
}
