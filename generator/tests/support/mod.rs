//! Helpers shared by the integration tests: fixture projects in temporary folders, the pinned
//! reference day; `build` (the shipped project, the real binary, a server), `render` (a
//! hand-built charter rendered in memory), `importing` and `workbooks`.

#![allow(dead_code)] // Each test crate uses a different subset.

pub mod build;
pub mod importing;
pub mod render;
pub mod workbooks;

use passerelle::Options;
use std::path::{Path, PathBuf};

/// The day every test runs on, so no result depends on the real date.
pub const TODAY: &str = "2026-11-21";

pub fn options() -> Options {
    Options { today: chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("TODAY is a date") }
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Files of a case folder that describe the case instead of being data.
const CASE_FILES: [&str; 2] = ["about.txt", "remove.txt"];

/// A project in a temporary folder: the valid `fixtures/base`, then the case's files laid over
/// it, then the files its `remove.txt` lists removed.
pub fn project(case: Option<&Path>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_tree(&fixtures().join("base"), dir.path());
    if let Some(case) = case {
        copy_tree(case, dir.path());
        for name in CASE_FILES {
            let _ = std::fs::remove_file(dir.path().join(name));
        }
        if let Ok(list) = std::fs::read_to_string(case.join("remove.txt")) {
            for file in list.lines().map(str::trim).filter(|l| !l.is_empty()) {
                std::fs::remove_file(dir.path().join(file)).expect("remove.txt names a base file");
            }
        }
    }
    dir
}

/// Copies every file under `from` into `to` (made if missing), keeping relative paths.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("fixture folder") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}

/// The repository root (the shipped project: `data/`, `content/`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace").to_path_buf()
}

/// Every file under `root` (relative path → bytes), to compare a folder before and after.
pub fn tree(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path.strip_prefix(root).expect("under root").display().to_string();
                out.insert(name, std::fs::read(&path).expect("read"));
            }
        }
    }
    out
}
