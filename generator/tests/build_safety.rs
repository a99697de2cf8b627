//! The write stage's safety promises, end to end with the real binary (DESIGN.md "Safety"): a
//! build killed at any instant leaves a site that the next build repairs by itself, with no
//! staging folder left; `--out` never where the project would be lost.

mod support;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};
use support::build::*;

/// Edits the project so that a rebuild changes, adds and removes files: a title (many pages),
/// a content page removed and another added.
fn edit_project(root: &Path) {
    edit_first_offer(root, "title", "Un titre neuf pour tester la reprise");
    let pages: Vec<_> = fs::read_dir(root.join("content"))
        .expect("content")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("index.md"))
        .collect();
    fs::remove_file(&pages[0]).expect("remove a content page");
    fs::write(root.join("content/nouvelle-page.md"), "+++\ntitle = \"Nouvelle page\"\n+++\nTexte.\n")
        .expect("add a content page");
}

/// The old site (built before the edit) and the site a clean build of the edited project gives.
struct Case {
    project: tempfile::TempDir,
    old_site: std::path::PathBuf,
    expected: std::collections::BTreeMap<String, Vec<u8>>,
}

fn case() -> Case {
    let project = project();
    let old_site = project.path().join("old-site");
    build_ok(project.path(), Some(&old_site));
    edit_project(project.path());
    let reference = project.path().join("reference");
    build_ok(project.path(), Some(&reference));
    let expected = snapshot(&reference);
    Case { project, old_site, expected }
}

impl Case {
    /// A fresh copy of the old site at `ROOT/runs/NAME/site`.
    fn old_copy(&self, name: &str) -> std::path::PathBuf {
        let site = self.project.path().join("runs").join(name).join("site");
        copy_tree(&self.old_site, &site);
        site
    }

    /// A build into `site` that crashes on purpose at `point` (`PASSERELLE_CRASH_AT`), then
    /// [`assert_repaired`](Self::assert_repaired).
    fn crash_then_repair(&self, site: &Path, point: &str) {
        let output = passerelle()
            .arg("build")
            .arg("--root")
            .arg(self.project.path())
            .arg("--out")
            .arg(site)
            .env("PASSERELLE_CRASH_AT", point)
            .output()
            .expect("run");
        assert_eq!(output.status.code(), Some(86), "{point}: the crash point was not reached");
        self.assert_repaired(site, point);
    }

    /// The next build repairs `site`: it succeeds, the site equals a clean build's, byte for
    /// byte, and nothing is left beside it.
    fn assert_repaired(&self, site: &Path, what: &str) {
        let stderr = build_ok(self.project.path(), Some(site));
        let got = snapshot(site);
        let missing: Vec<_> = self.expected.keys().filter(|k| !got.contains_key(*k)).collect();
        let extra: Vec<_> = got.keys().filter(|k| !self.expected.contains_key(*k)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{what}: missing {missing:?}, extra {extra:?}\n{stderr}"
        );
        for (path, bytes) in &self.expected {
            assert!(got[path] == *bytes, "{what}: {path} differs from a clean build\n{stderr}");
        }
        let parent = site.parent().expect("parent");
        assert_eq!(leftovers(parent), Vec::<String>::new(), "{what}: staging left beside the site");
    }
}

// Killed at every stage of a rebuild over an existing site (staging, each step of the commit,
// after it), the next build repairs the site to exactly what a clean build writes.
#[test]
fn a_build_killed_at_any_stage_is_repaired_by_the_next() {
    let case = case();
    let points = [
        "put:1",
        "put:25",
        "commit",
        "commit:stamp",
        "commit:remove:1",
        "commit:rename:1",
        "commit:rename:3",
        "commit:done",
    ];
    for point in points {
        let site = case.old_copy(&point.replace(':', "-"));
        case.crash_then_repair(&site, point);
    }
}

// A first build killed before its site is in place leaves no site and no staging after the next.
#[test]
fn a_first_build_killed_is_repaired_by_the_next() {
    let case = case();
    for point in ["put:3", "commit:first"] {
        let site = case.project.path().join("first").join(point.replace(':', "-")).join("site");
        fs::create_dir_all(site.parent().expect("parent")).expect("mkdir");
        case.crash_then_repair(&site, point);
    }
}

// Real `kill -9` at timings spread over a whole rebuild: every time, the next build repairs.
#[test]
fn a_build_killed_by_sigkill_is_repaired_by_the_next() {
    let case = case();
    let timing = case.old_copy("timing");
    let start = Instant::now();
    build_ok(case.project.path(), Some(&timing));
    let whole = start.elapsed();
    for step in 0..10u32 {
        let site = case.old_copy(&format!("kill-{step}"));
        let mut child = passerelle()
            .arg("build")
            .arg("--root")
            .arg(case.project.path())
            .arg("--out")
            .arg(&site)
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(whole * step / 10 + Duration::from_millis(u64::from(step)));
        let _ = child.kill();
        let _ = child.wait();
        case.assert_repaired(&site, &format!("killed at {step}/10 of the build"));
    }
}

// `--out` may never be the project, hold it, or sit inside data/ or content/, even when a
// stray stamp file makes a folder look like a site; nothing of the project is touched.
#[test]
fn the_output_never_endangers_the_project() {
    let project = project();
    let root = project.path();
    fs::write(root.join(".passerelle-build"), "").expect("a stray stamp");
    let before = snapshot(root);
    for out in [
        root.to_path_buf(),
        root.parent().expect("parent").to_path_buf(),
        root.join("content"),
        root.join("content/static/site"),
        root.join("data/site"),
    ] {
        let output = build(root, Some(&out));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{}: {stderr}", out.display());
        assert!(stderr.contains("refusing to write the site"), "{}: {stderr}", out.display());
    }
    assert!(snapshot(root) == before, "the project changed");
}

// A stray, empty or foreign `.passerelle-build` does not make a folder a site to overwrite.
#[test]
fn a_stray_stamp_is_not_a_site() {
    let project = project();
    let out = project.path().join("elsewhere");
    fs::create_dir_all(&out).expect("mkdir");
    fs::write(out.join("précieux.txt"), "à garder").expect("a file");
    fs::write(out.join(".passerelle-build"), "not a stamp\n").expect("a stray stamp");
    let output = build(project.path(), Some(&out));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(fs::read_to_string(out.join("précieux.txt")).expect("kept"), "à garder");
}
