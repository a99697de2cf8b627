//! `check` on participation data (draws, volunteers, requests): one folder per rule under
//! `tests/fixtures/participation/cases/`, laid over `fixtures/base/` then the valid
//! `fixtures/participation/base/` (a made draw with a replacement, an announced one, three
//! requests), each snapshotting every diagnostic it produces. See tests/README.md.

mod support;

use passerelle::diagnostics::render;
use std::path::Path;

/// base, then participation/base, then the case (its `remove.txt` applied).
fn project(case: Option<&Path>) -> tempfile::TempDir {
    let dir = support::project(Some(&support::fixtures().join("participation/base")));
    if let Some(case) = case {
        support::copy_tree(case, dir.path());
        for name in ["about.txt", "remove.txt"] {
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

fn diagnostics_of(case: Option<&Path>) -> (String, passerelle::Checked) {
    let project = project(case);
    let checked = passerelle::check(project.path(), &support::options()).expect("check runs");
    (render::to_text(&checked.diagnostics, false), checked)
}

// The participation base is valid: no error, no warning, and its draw is the recorded one.
#[test]
fn participation_base_is_clean() {
    let (text, checked) = diagnostics_of(None);
    assert_eq!(text, "no problem found\n");
    let charter = checked.charter.expect("valid");
    let draw = charter.draws.iter().find(|d| d.id == "tirage-test").expect("draw");
    let drawn = charter.drawn(draw);
    let outcome = drawn.outcome.expect("drawn");
    let names =
        |g: &[usize]| g.iter().map(|&r| outcome.ranking[r].entrant.operator.clone()).collect::<Vec<_>>();
    assert_eq!(names(&outcome.groups[1]), ["musee", "ecole-haut", "bibliotheque"]);
    assert_eq!(charter.requests.len(), 3);
}

// Every participation case produces exactly the diagnostics of its snapshot.
#[test]
fn participation_cases() {
    insta::glob!("fixtures/participation/cases/*", |case| {
        let about = std::fs::read_to_string(case.join("about.txt")).unwrap_or_default();
        let (text, _) = diagnostics_of(Some(case));
        insta::with_settings!({ description => about.trim(), omit_expression => true }, {
            insta::assert_snapshot!(text);
        });
    });
}

// French file names and headers (tirages, volontaires, demandes) load to the same records.
#[test]
fn french_names_load_the_same() {
    let case = support::fixtures().join("participation/cases/french-names");
    let (text, checked) = diagnostics_of(Some(&case));
    assert_eq!(text, "no problem found\n");
    let charter = checked.charter.expect("valid");
    assert_eq!(charter.draws.len(), 2);
    assert_eq!(charter.volunteers.len(), 16);
    let request = charter.requests.iter().find(|r| r.id == "compost").expect("request");
    assert_eq!(request.status, passerelle::model::RequestStatus::Received);
}
