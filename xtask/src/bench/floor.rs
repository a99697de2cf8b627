//! The disk floor: the same tree as a built site (same folders, same files, same bytes)
//! written by the most minimal writer there is (`create_dir_all` + `write`, one thread), into a
//! fresh folder. A build cannot beat it by much; DESIGN.md asks for at most 1.5× it. Also the
//! site's files and bytes by page kind, to see what each kind costs.

use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// A site held in memory: every file's relative path and bytes, folders first made.
pub struct Tree {
    folders: Vec<PathBuf>,
    files: Vec<(PathBuf, Vec<u8>)>,
}

impl Tree {
    /// Reads the whole site at `dir` (untimed).
    pub fn read(dir: &Path) -> Result<Tree> {
        let mut files = Vec::new();
        let mut folders = std::collections::BTreeSet::new();
        for rel in super::measure::files(dir)? {
            if let Some(parent) = rel.parent().filter(|p| !p.as_os_str().is_empty()) {
                folders.insert(parent.to_path_buf());
            }
            let bytes =
                std::fs::read(dir.join(&rel)).with_context(|| format!("failed to read {}", rel.display()))?;
            files.push((rel, bytes));
        }
        Ok(Tree { folders: folders.into_iter().collect(), files })
    }

    /// Writes the tree into the new folder `out`; the wall time in seconds.
    pub fn write(&self, out: &Path) -> Result<f64> {
        let start = Instant::now();
        std::fs::create_dir_all(out)?;
        for folder in &self.folders {
            std::fs::create_dir_all(out.join(folder))?;
        }
        for (rel, bytes) in &self.files {
            std::fs::write(out.join(rel), bytes)?;
        }
        Ok(start.elapsed().as_secs_f64())
    }

    /// Files and bytes by page kind: the first folder (`offers`, `assets`, …) and extension.
    pub fn kinds(&self) -> BTreeMap<String, (usize, u64)> {
        let mut kinds: BTreeMap<String, (usize, u64)> = BTreeMap::new();
        for (rel, bytes) in &self.files {
            let mut parts = rel.components();
            let first =
                parts.next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
            let folder = if rel.components().count() > 1 { first } else { "(root)".to_owned() };
            let extension = rel.extension().map_or_else(String::new, |e| e.to_string_lossy().into_owned());
            let entry = kinds.entry(format!("{folder} .{extension}")).or_default();
            entry.0 += 1;
            entry.1 += bytes.len() as u64;
        }
        kinds
    }

    /// How many files and folders the tree has.
    pub fn counts(&self) -> (usize, usize) {
        (self.files.len(), self.folders.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The floor writes the same files with the same bytes; kinds count them by folder.
    #[test]
    fn the_floor_writes_the_same_tree() {
        let base = std::env::temp_dir().join(format!("xtask-floor-{}", std::process::id()));
        let site = base.join("site");
        std::fs::create_dir_all(site.join("offers")).expect("mkdir");
        std::fs::write(site.join("index.html"), "home").expect("write");
        std::fs::write(site.join("offers/a.html"), "a").expect("write");
        std::fs::write(site.join("offers/a.ics"), "ics").expect("write");
        let tree = Tree::read(&site).expect("read");
        let copy = base.join("copy");
        tree.write(&copy).expect("write");
        let same = super::super::measure::difference(&site, &copy).expect("compare");
        assert_eq!(same, None);
        let kinds = tree.kinds();
        assert_eq!(kinds["offers .html"], (1, 1));
        assert_eq!(kinds["(root) .html"], (1, 4));
        assert_eq!(tree.counts(), (3, 1));
        let _ = std::fs::remove_dir_all(&base);
    }
}
