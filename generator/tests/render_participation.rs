//! Snapshots of the `<main>` of the participation pages (a made draw, an announced one, the
//! requests, a district's requests), in both languages, rendered from the participation
//! fixture (`fixtures/base` + `fixtures/participation/base`), with today pinned to 2026-11-21.

mod support;

use support::render::{config, main_of, pages, render, root};

/// The pages whose `<main>` is snapshotted, by snapshot name.
fn paths() -> [(&'static str, String); 5] {
    let record = passerelle::render::views::record_path;
    [
        ("draws", "draws/index.html".to_owned()),
        ("draw-made", record("draws", "tirage-test")),
        ("draw-announced", record("draws", "tirage-futur")),
        ("requests", "requests/index.html".to_owned()),
        ("district-requests", record("districts", "droixhe")),
    ]
}

fn snapshot_language(language: &str) {
    let project = support::project(Some(&support::fixtures().join("participation/base")));
    let checked = passerelle::check(project.path(), &support::options()).expect("check runs");
    let charter = checked.charter.expect("the participation fixture is valid");
    let files = render(&charter, &config(language), &root());
    let pages = pages(&files);
    for (name, path) in paths() {
        let html = pages.get(path.as_str()).unwrap_or_else(|| panic!("{path} was not rendered"));
        let main = main_of(html);
        // The district page's explorer is not this test's business: keep the requests section.
        let main = match main.find("id=\"requests-title\"") {
            Some(i) if name == "district-requests" => &main[main[..i].rfind("<section").unwrap_or(0)..],
            _ => main,
        };
        insta::assert_snapshot!(format!("{language}-{name}"), main, &path);
    }
    assert!(files.contains_key("draws/verify.py"));
    let inputs: serde_json::Value =
        serde_json::from_slice(&files["draws/tirage-test.json"]).expect("the draw's inputs are JSON");
    assert_eq!(inputs["pool"].as_array().map(Vec::len), Some(10));
}

// The participation pages with the French interface (the default).
#[test]
fn participation_pages_in_french() {
    snapshot_language("fr");
}

// The same pages with the English interface.
#[test]
fn participation_pages_in_english() {
    snapshot_language("en");
}
