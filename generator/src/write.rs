//! Stage `write`: stages the site beside the output folder and swaps it in when complete.
//! (Stub: being written.)

use anyhow::Result;
use std::path::{Path, PathBuf};

/// What a build wrote.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub written: usize,
    pub unchanged: usize,
}

/// The site being built.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
}

impl Staging {
    pub fn new(out: &Path) -> Result<Staging> {
        Ok(Staging { out: out.to_path_buf() })
    }

    /// Adds a file at `path`, relative to the site root, `/`-separated.
    pub fn put(&mut self, _path: &str, _bytes: &[u8]) -> Result<()> {
        Ok(())
    }

    pub fn commit(self) -> Result<Report> {
        let _ = self.out;
        Ok(Report::default())
    }
}
