//! The `passerelle import` command as a coordinator runs it: exit codes, `--suggest` on
//! stdout, `--format json`, and `--write` changing the table only when asked.

mod support;

use std::path::Path;
use std::process::{Command, Output};

fn passerelle(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_passerelle"))
        .arg("import")
        .args(args)
        .args(["--root", root.to_str().expect("utf-8 path")])
        .current_dir(root)
        .env("PASSERELLE_TODAY", support::TODAY)
        .output()
        .expect("the binary runs")
}

fn case() -> (tempfile::TempDir, String) {
    let project = support::project(None);
    let fixture = support::fixtures().join("import/venues-lat-lon-duplicates");
    for file in ["source.csv", "mapping.toml"] {
        std::fs::copy(fixture.join(file), project.path().join(file)).expect("copy");
    }
    let venues = std::fs::read_to_string(project.path().join("data/venues.csv")).expect("venues");
    (project, venues)
}

// A dry run prints the report, exits 1 for the rows in error, and writes nothing; JSON has
// the counts and the diagnostics.
#[test]
fn dry_run_text_and_json() {
    let (project, venues) = case();
    let root = project.path();
    let output = passerelle(root, &["source.csv", "--into", "venues", "--mapping", "mapping.toml"]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("import source.csv into venues (dry run"), "{text}");
    let output =
        passerelle(root, &["source.csv", "--into", "lieux", "--mapping", "mapping.toml", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["counts"]["read"], 6);
    assert_eq!(json["counts"]["duplicates"], 2);
    assert_eq!(json["diagnostics"]["errors"], 2);
    assert_eq!(json["diagnostics"]["diagnostics"][0]["file"], "source.csv");
    assert_eq!(json["written"], false);
    assert_eq!(json["new"][0]["id"], "salle-des-fetes-du-longdoz");
    assert_eq!(json["duplicates"][0]["candidates"][0]["label"], "bibliotheque-droixhe");
    assert_eq!(std::fs::read_to_string(root.join("data/venues.csv")).expect("venues"), venues);
}

// --write changes the table; --suggest prints a TOML draft; a bad table name or --suggest with
// --write is a usage error (2).
#[test]
fn write_suggest_and_usage() {
    let (project, venues) = case();
    let root = project.path();
    passerelle(root, &["source.csv", "--into", "venues", "--mapping", "mapping.toml", "--write"]);
    let after = std::fs::read_to_string(root.join("data/venues.csv")).expect("venues");
    assert!(after.starts_with(venues.lines().next().expect("header")) && after.contains("equipements:L04"));
    let output = passerelle(root, &["source.csv", "--into", "venues", "--suggest"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("\"lat,lon\" = \"Coordonnées\""));
    assert_eq!(passerelle(root, &["source.csv", "--into", "districts"]).status.code(), Some(2));
    assert_eq!(
        passerelle(root, &["source.csv", "--into", "venues", "--suggest", "--write"]).status.code(),
        Some(2)
    );
}
