//! The `passerelle check` command as users run it: exit codes, text and JSON output.

mod support;

use std::path::Path;
use std::process::{Command, Output};

fn passerelle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_passerelle"))
        .args(args)
        .env("PASSERELLE_TODAY", support::TODAY)
        .output()
        .expect("the binary runs")
}

fn check(root: &Path, format: &str) -> Output {
    passerelle(&["check", "--root", root.to_str().expect("utf-8 path"), "--format", format])
}

fn case(name: &str) -> tempfile::TempDir {
    support::project(Some(&support::fixtures().join("cases").join(name)))
}

// Clean data: exit 0 and "no problem found"; warnings alone still exit 0.
#[test]
fn clean_and_warnings_exit_zero() {
    let output = check(support::project(None).path(), "text");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "no problem found\n");
    let output = check(case("no-contact-warning").path(), "text");
    assert_eq!(output.status.code(), Some(0));
}

// Errors: exit 1, one line per problem on stderr (DESIGN.md's format), then the summary.
#[test]
fn errors_exit_one() {
    let output = check(case("unknown-district").path(), "text");
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8_lossy(&output.stderr), @r#"
    data/offers.csv:5:77: error: unknown district "bressou" (did you mean "bressoux"?)
    data/offers.csv:5:77: error: unknown district "cathedrale"
    2 errors
    "#);
}

// Usage errors (an unknown format, a missing subcommand) exit 2, as clap does.
#[test]
fn usage_errors_exit_two() {
    assert_eq!(check(support::project(None).path(), "xml").status.code(), Some(2));
    assert_eq!(passerelle(&[]).status.code(), Some(2));
}

// --format json prints the counts and every diagnostic on stdout, with the same exit code.
#[test]
fn json_output() {
    let output = check(case("venue-far-away").path(), "json");
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    assert_eq!(json["errors"], 1);
    assert_eq!(json["warnings"], 2);
    let first = &json["diagnostics"][0];
    assert_eq!(first["file"], "data/venues.csv");
    assert_eq!((first["line"].as_u64(), first["column"].as_u64()), (Some(4), Some(39)));
    assert_eq!(first["severity"], "warning");
    assert_eq!(first["hint"], "check the coordinates: lat and lon in degrees");
}

// A folder without data nor content: errors for site.toml and the required tables, exit 1.
#[test]
fn empty_root_reports_missing_tables() {
    let empty = tempfile::tempdir().expect("temp dir");
    let output = check(empty.path(), "text");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("content/site.toml:1:1: error: missing `content/site.toml`"), "{stderr}");
    assert!(stderr.contains("\ndata/districts.csv:1:1: error: missing table `districts`"), "{stderr}");
    assert!(stderr.ends_with("4 errors\n"), "{stderr}");
}

// A reader that stops early (`passerelle check --format json | head -1`) closes the pipe: the
// command exits quietly with its usual code, never a panic ("failed printing to stdout").
#[test]
fn broken_pipe_exits_quietly() {
    use std::process::Stdio;
    let project = case("venue-far-away");
    for format in ["json", "text"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_passerelle"))
            .args(["check", "--root", project.path().to_str().expect("utf-8 path"), "--format", format])
            .env("PASSERELLE_TODAY", support::TODAY)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        // Close the read end before the check is done: its first write meets a broken pipe.
        drop(child.stdout.take());
        if format == "text" {
            // Text goes to stderr: close that one instead (`check 2>&1 | head -1`).
            drop(child.stderr.take());
        }
        let output = child.wait_with_output().expect("the binary ends");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
        assert_eq!(output.status.code(), Some(1), "{format}: the check's own exit code");
    }
}

// ESC from a header and a cell never reaches the terminal raw, in text or JSON (file names are
// covered by diagnostics::render's unit test: only content/ files can have any name).
#[test]
fn escapes_are_not_printed_raw() {
    let project = support::project(None);
    let data = project.path().join("data");
    let offers = std::fs::read_to_string(data.join("offers.csv")).expect("base offers");
    let hostile = offers.replacen("id,title", "id,ti\u{1b}[2Jtle", 1).replacen(
        "atelier-slam,",
        "atelier\u{1b}[31m-slam,",
        1,
    );
    std::fs::write(data.join("offers.csv"), &hostile).expect("write");
    for format in ["text", "json"] {
        let output = check(project.path(), format);
        let all = [output.stdout.as_slice(), output.stderr.as_slice()].concat();
        assert!(!all.contains(&0x1b), "{format}: {}", String::from_utf8_lossy(&all));
        assert!(String::from_utf8_lossy(&all).contains("[31m"), "the rest of the text is kept");
    }
}
