//! Calendars (`.ics`) imported into offers, end to end: the draft mapping `--suggest` prints
//! for a calendar; then import → `check` → `build` of the three fixture calendars, and every
//! imported event's sessions, as the built site lists them, equal what an independent
//! implementation (python `icalendar` + `recurring-ical-events`, in the venv `cargo xtask
//! test` sets up as `target/ics-venv`) expands from the calendar itself.

mod support;

use passerelle::import::{self, Request};
use passerelle::load::tables::OFFERS;
use passerelle_index::time::{HORIZON_DAYS, PAST_DAYS};
use std::path::{Path, PathBuf};
use std::process::Command;

fn case(name: &str) -> PathBuf {
    support::fixtures().join("import").join(name)
}

fn request(root: &Path, case: &Path, mapping: bool, write: bool) -> Request {
    Request {
        source: case.join("source.ics"),
        table: &OFFERS,
        mapping: mapping.then(|| case.join("mapping.toml")),
        root: root.to_path_buf(),
        write,
    }
}

// A calendar's draft mapping: its columns mapped, LOCATION proposed as venues, categories as
// disciplines, the operator left to decide.
#[test]
fn suggest_drafts_a_calendar_mapping() {
    let project = support::project(None);
    let google = request(project.path(), &case("calendar-google-export"), false, false);
    let draft = import::draft(&google, &support::options()).expect("runs").expect("a draft");
    let nextcloud = request(project.path(), &case("calendar-nextcloud-export"), false, false);
    let other = import::draft(&nextcloud, &support::options()).expect("runs").expect("a draft");
    insta::assert_snapshot!(format!("{draft}\n--- nextcloud\n{other}"));
}

// Without a mapping a calendar is read with the suggested one: here every event lacks its
// operator, said at the event's line.
#[test]
fn without_a_mapping_the_suggestion_is_used() {
    let project = support::project(None);
    let report = import::run(
        &request(project.path(), &case("calendar-nextcloud-export"), false, false),
        &support::options(),
    )
    .expect("runs");
    let text = support::importing::text(&report, &[&case("calendar-nextcloud-export"), project.path()]);
    insta::assert_snapshot!(text);
}

// A calendar is a source of offers only.
#[test]
fn a_calendar_into_operators_is_refused() {
    let project = support::project(None);
    let mut r = request(project.path(), &case("calendar-google-export"), true, false);
    r.table = &passerelle::load::tables::OPERATORS;
    let report = import::run(&r, &support::options()).expect("runs");
    assert!(report.to_text(false).contains("a calendar's events are offers"), "{}", report.to_text(false));
}

// Import → check → build, then the independent expander: each imported event's sessions are
// exactly the built site's sessions of its offer.
#[test]
fn imported_sessions_equal_an_independent_expansion() {
    let project = support::project(None);
    let root = project.path();
    let options = support::options();
    let cases = [
        ("calendar-google-export", "agenda-mj"),
        ("calendar-outlook-export", "outlook-mj"),
        ("calendar-nextcloud-export", "nextcloud-bibliotheque"),
    ];
    for (name, _) in cases {
        let report = import::run(&request(root, &case(name), true, true), &options).expect("runs");
        assert!(report.written, "{name}: {}", report.to_text(false));
    }
    let checked = passerelle::check(root, &options).expect("check runs");
    assert!(!checked.diagnostics.has_errors(), "check after the imports: {:?}", checked.diagnostics);
    let out = tempfile::tempdir().expect("temp dir");
    let site = out.path().join("site");
    passerelle::build(root, &site, &options).expect("build");
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let python = workspace.join("target/ics-venv/bin/python");
    assert!(
        python.exists(),
        "{} is missing: `cargo xtask test` sets up the venv of the independent calendar check",
        python.display()
    );
    let today = passerelle_index::parse_iso_day(support::TODAY).expect("TODAY is a date");
    for (name, source_name) in cases {
        let output = Command::new(&python)
            .arg(workspace.join("xtask/ics/check_import.py"))
            .arg(case(name).join("source.ics"))
            .arg(root.join("data/offers.csv"))
            .arg(source_name)
            .arg(&site)
            .arg("Europe/Brussels")
            .arg(passerelle_index::iso_day(today - PAST_DAYS))
            .arg(passerelle_index::iso_day(today + HORIZON_DAYS))
            .output()
            .expect("python runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{name}: {stdout}{}", String::from_utf8_lossy(&output.stderr));
        assert!(!stdout.starts_with("0 imported events"), "{name}: {stdout}");
    }
}
