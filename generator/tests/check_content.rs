//! `check` is the build's gate over every input the build reads (DESIGN.md "Safety"): a broken
//! `site.toml`, a page without front matter, a template override that fails, a link or a FIFO
//! in `content/` are diagnostics of `check`, and the build stops on them with the old site kept.

mod support;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};
use support::build::*;

/// `passerelle check --root ROOT`: exit code and stderr.
fn check(root: &Path) -> (Option<i32>, String) {
    let output = passerelle().arg("check").arg("--root").arg(root).output().expect("run");
    (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
}

/// Check and build both fail with `needle` in their output, and the previous site is intact.
fn check_and_build_refuse(root: &Path, needle: &str) {
    let (code, stderr) = check(root);
    assert_eq!(code, Some(1), "check: {stderr}");
    assert!(stderr.contains(needle), "check does not say {needle:?}:\n{stderr}");
    let site = root.join("site");
    let before = snapshot(&site);
    let output = build(root, None);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "build: {stderr}");
    assert!(stderr.contains(needle), "build does not say {needle:?}:\n{stderr}");
    assert!(snapshot(&site) == before, "the previous site changed");
}

// site.toml: a syntax error, an unknown key, a bad coordination e-mail, a javascript: tile
// server, each at its line and column.
#[test]
fn site_toml_problems_stop_check_and_build() {
    let project = project();
    let root = project.path();
    build_ok(root, None);
    let path = root.join("content/site.toml");
    let shipped = fs::read_to_string(&path).expect("site.toml");
    let email_line = shipped.lines().position(|l| l.starts_with("email")).expect("an email line") + 1;
    for (edit, needle) in [
        (format!("{shipped}\ncouleur = \"rouge\"\n"), "error: unknown field `couleur`".to_owned()),
        (
            shipped.replacen("email = \"", "email = \"pas-une-adresse ", 1),
            format!("content/site.toml:{email_line}:9: error"),
        ),
        (
            format!(
                "{shipped}\n[map]\ntiles = \"javascript:alert(1)//{{z}}{{x}}{{y}}\"\nattribution = \"x\"\n"
            ),
            "is not a tile server address".to_owned(),
        ),
        (format!("{shipped}\n[coordination\n"), "content/site.toml:".to_owned()),
    ] {
        fs::write(&path, edit).expect("write");
        check_and_build_refuse(root, &needle);
    }
}

// A page without front matter, and a template override with an undefined key, are found by
// check, at their file and line.
#[test]
fn content_pages_and_templates_are_checked() {
    let project = project();
    let root = project.path();
    build_ok(root, None);
    fs::write(root.join("content/brouillon.md"), "# Pas de front matter\n").expect("write");
    check_and_build_refuse(
        root,
        "content/brouillon.md:1:1: error: a content page starts with a front matter",
    );
    fs::remove_file(root.join("content/brouillon.md")).expect("rm");
    fs::create_dir_all(root.join("content/templates")).expect("mkdir");
    fs::write(
        root.join("content/templates/agenda.html"),
        "{% extends \"base.html\" %}\n{% block main %}{{ t.agenda.nope }}{% endblock %}\n",
    )
    .expect("write");
    check_and_build_refuse(root, "content/templates/agenda.html:2:1: error: template");
}

// A symbolic link to a secret, a link to /dev/zero and a FIFO in content/static are refused
// by check and build, which neither hang nor publish them.
#[cfg(unix)]
#[test]
fn links_and_fifos_in_content_are_refused() {
    let project = project();
    let root = project.path();
    build_ok(root, None);
    let secrets = tempfile::tempdir().expect("tempdir");
    fs::write(secrets.path().join("id_rsa"), "PRIVATE KEY").expect("write");
    let statics = root.join("content/static");
    fs::create_dir_all(&statics).expect("mkdir");
    std::os::unix::fs::symlink(secrets.path().join("id_rsa"), statics.join("cle.txt")).expect("link");
    std::os::unix::fs::symlink("/dev/zero", statics.join("zero.bin")).expect("link");
    assert!(std::process::Command::new("mkfifo")
        .arg(statics.join("tube"))
        .status()
        .expect("mkfifo")
        .success());
    let start = Instant::now();
    check_and_build_refuse(root, "content/static/cle.txt:1:1: error: a symbolic link: refused");
    let (_, stderr) = check(root);
    assert!(stderr.contains("content/static/tube:1:1: error: a named pipe (FIFO): refused"), "{stderr}");
    assert!(stderr.contains("content/static/zero.bin:1:1: error: a symbolic link"), "{stderr}");
    assert!(start.elapsed() < Duration::from_secs(60), "check or build hung");
    let published = snapshot(&root.join("site"));
    assert!(!published.values().any(|bytes| bytes.windows(11).any(|w| w == b"PRIVATE KEY")));
}

// A table of data/ that is a symbolic link (to a file outside the project) is refused too.
#[cfg(unix)]
#[test]
fn a_linked_table_is_refused() {
    let project = project();
    let root = project.path();
    let outside = tempfile::tempdir().expect("tempdir");
    fs::rename(root.join("data/venues.csv"), outside.path().join("venues.csv")).expect("move");
    std::os::unix::fs::symlink(outside.path().join("venues.csv"), root.join("data/venues.csv"))
        .expect("link");
    let (code, stderr) = check(root);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("data/venues.csv:1:1: error: a symbolic link: refused"), "{stderr}");
}
