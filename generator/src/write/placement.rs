//! Where a site may be written: never where a build would delete or copy the project.
//!
//! A build deletes what the previous site had and the new one has not, so an output folder
//! that is the project, holds it, or sits inside `data/` or `content/` would lose the records
//! or copy the site into its own inputs at every build. Paths are compared after resolving
//! symlinks (`..`, a link to the project), for the part of each path that exists.

use anyhow::{bail, Context, Result};
use std::path::{Component, Path, PathBuf};

/// Fails when `out` is `root`, contains `root`, or is (inside) `root/data` or `root/content`.
pub fn check(root: &Path, out: &Path) -> Result<()> {
    let root = resolved(root)?;
    let out = resolved(out)?;
    if out == root {
        bail!(
            "refusing to write the site into the project folder `{}` itself: a build removes what \
             it did not write (use --out {}/site or a folder outside the project)",
            out.display(),
            root.display()
        );
    }
    if root.starts_with(&out) {
        bail!(
            "refusing to write the site into `{}`: it holds the project `{}`, which the build \
             would delete (choose an output folder outside the project, or ROOT/site)",
            out.display(),
            root.display()
        );
    }
    for input in ["data", "content"] {
        let folder = root.join(input);
        if out.starts_with(&folder) {
            bail!(
                "refusing to write the site into `{}`: it is inside the project's `{input}/`, which \
                 the build reads (use --out {}/site or a folder outside the project)",
                out.display(),
                root.display()
            );
        }
    }
    Ok(())
}

/// `path` made absolute and normalised, its longest existing ancestor resolved through
/// symlinks (the rest, not yet created, appended as written).
fn resolved(path: &Path) -> Result<PathBuf> {
    let absolute =
        std::path::absolute(path).with_context(|| format!("invalid folder `{}`", path.display()))?;
    let lexical = normalise(&absolute);
    let mut existing = lexical.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return Ok(rest.iter().rev().fold(real, |acc: PathBuf, part| acc.join(part)));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => return Ok(lexical),
        }
    }
}

/// Removes `.` and resolves `..` lexically (after `canonicalize` failed on a missing path).
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        for folder in ["data", "content/static"] {
            std::fs::create_dir_all(dir.path().join(folder)).expect("mkdir");
        }
        dir
    }

    // ROOT/site, a sibling folder and a folder not yet created are fine.
    #[test]
    fn ordinary_outputs_pass() {
        let dir = project();
        let root = dir.path();
        check(root, &root.join("site")).expect("ROOT/site");
        check(root, &root.join("public/www")).expect("a new folder inside the project");
        check(root, &root.parent().expect("parent").join("elsewhere")).expect("a sibling");
    }

    // The project itself, a folder holding it, and its inputs are refused, however written.
    #[test]
    fn the_project_and_its_inputs_are_refused() {
        let dir = project();
        let root = dir.path();
        for out in [
            root.to_path_buf(),
            root.join("."),
            root.join("data/../"),
            root.parent().expect("parent").to_path_buf(),
            root.join("data"),
            root.join("content"),
            root.join("content/static/site"),
            root.join("data/new/folder"),
        ] {
            let error = check(root, &out).expect_err(&out.display().to_string()).to_string();
            assert!(error.starts_with("refusing to write the site"), "{error}");
        }
    }

    // A symlink that leads back into the project is seen through.
    #[cfg(unix)]
    #[test]
    fn symlinks_are_resolved() {
        let dir = project();
        let root = dir.path();
        let outside = tempfile::tempdir().expect("tempdir");
        let link = outside.path().join("link");
        std::os::unix::fs::symlink(root.join("content"), &link).expect("symlink");
        assert!(check(root, &link.join("site")).is_err());
    }
}
