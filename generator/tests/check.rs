//! `check` on bad inputs: one folder per case under `tests/fixtures/cases/`, laid over the
//! valid `tests/fixtures/base/`, each snapshotting every diagnostic it produces (short style,
//! as `passerelle check` prints them off a terminal). See tests/README.md to add a case.

mod support;

use passerelle::diagnostics::render;
use std::path::Path;

fn diagnostics_of(case: Option<&Path>) -> (String, passerelle::Checked) {
    let project = project_dir(case);
    let checked = passerelle::check(project.path(), &support::options()).expect("check runs");
    (render::to_text(&checked.diagnostics, false), checked)
}

fn project_dir(case: Option<&Path>) -> tempfile::TempDir {
    support::project(case)
}

// The base every case starts from is valid: no error, no warning.
#[test]
fn base_is_clean() {
    let (text, checked) = diagnostics_of(None);
    assert_eq!(text, "no problem found\n");
    assert!(checked.charter.is_some());
}

// Every fixture case produces exactly the diagnostics of its snapshot.
#[test]
fn fixture_cases() {
    insta::glob!("fixtures/cases/*", |case| {
        let about = std::fs::read_to_string(case.join("about.txt")).unwrap_or_default();
        let (text, _) = diagnostics_of(Some(case));
        insta::with_settings!({ description => about.trim(), omit_expression => true }, {
            insta::assert_snapshot!(text);
        });
    });
}

// A venue with an empty district gets the one whose outline contains its point.
#[test]
fn derived_venue_district_is_set() {
    let case = support::fixtures().join("cases/derived-venue-district");
    let (_, checked) = diagnostics_of(Some(&case));
    let charter = checked.charter.expect("valid");
    let venue = charter.venue("maison-des-jeunes").expect("venue");
    assert_eq!(venue.district.as_deref(), Some("bressoux"));
    let droixhe = charter.district("droixhe").expect("district");
    assert!(droixhe.lat.is_some(), "district centre derived from its outline");
}

// French headers, file names and values load to the same offers as the English base.
#[test]
fn french_headers_load_the_same_offers() {
    let case = support::fixtures().join("cases/french-headers");
    let (text, checked) = diagnostics_of(Some(&case));
    assert_eq!(text, "no problem found\n");
    let charter = checked.charter.expect("valid");
    let offer = charter.offer("heure-du-conte").expect("offer");
    assert_eq!(offer.price, Some(passerelle::model::Price::PayWhatYouCan));
    assert_eq!(offer.status, passerelle::model::Status::Full);
    assert_eq!(offer.districts, passerelle::model::DistrictScope::All);
    assert_eq!(offer.languages, ["fr", "nl"]);
}

// One stray Windows-1252 byte in a UTF-8 file does not turn the file into mojibake: the UTF-8
// text stays as written, the stray byte is read as Windows-1252.
#[test]
fn mixed_encoding_keeps_utf8() {
    let case = support::fixtures().join("cases/mixed-encoding");
    let (text, checked) = diagnostics_of(Some(&case));
    assert!(text.contains("warning: byte 0xE9"), "{text}");
    let charter = checked.charter.expect("valid");
    let tale = charter.offer("heure-du-conte").expect("offer");
    assert_eq!(tale.summary, "Des histoires et des légendes lues aux enfants.");
    let slam = charter.offer("atelier-slam").expect("offer");
    assert_eq!(slam.summary, "Un atelier d'écriture et de slam.");
}
