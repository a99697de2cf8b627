//! `passerelle build` end to end, on a copy of the shipped project: reproducible output,
//! incremental rewrites, the fast path, atomic failure, and what it prints.

mod support;

use std::fs;
use support::build::*;

// Two builds of the same input into two folders are byte-identical, file for file.
#[test]
fn two_builds_are_byte_identical() {
    let project = project();
    let (a, b) = (project.path().join("a"), project.path().join("b"));
    build_ok(project.path(), Some(&a));
    build_ok(project.path(), Some(&b));
    let (first, second) = (snapshot(&a), snapshot(&b));
    assert!(first.contains_key("data/offers.csv") && first.contains_key("feed.xml"), "{:?}", first.keys());
    assert_eq!(first.keys().collect::<Vec<_>>(), second.keys().collect::<Vec<_>>());
    for (path, bytes) in &first {
        assert!(second[path] == *bytes, "{path} differs between two builds");
    }
}

// A second build with nothing changed takes the fast path: it says so, and no file is
// rewritten (same modification times, same inodes).
#[test]
fn rebuild_with_nothing_changed_rewrites_nothing() {
    let project = project();
    build_ok(project.path(), None);
    let site = project.path().join("site");
    let before = stamps(&site);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let stderr = build_ok(project.path(), None);
    assert!(stderr.contains("is up to date"), "{stderr}");
    assert_eq!(stamps(&site), before);
}

// After an edit, the rebuild rewrites the files that changed and keeps the others as they
// were; its summary counts both.
#[test]
fn rebuild_after_an_edit_writes_only_what_changed() {
    let project = project();
    build_ok(project.path(), None);
    let site = project.path().join("site");
    let before = stamps(&site);
    std::thread::sleep(std::time::Duration::from_millis(20));
    edit_first_offer(project.path(), "title", "Titre modifié pour le test");
    let stderr = build_ok(project.path(), None);
    let summary =
        stderr.lines().find(|l| l.starts_with("built ")).unwrap_or_else(|| panic!("no summary in {stderr}"));
    // "built DIR: 3 files written, 250 unchanged, 0 removed (0.12 s)"
    let count = |word: &str| -> usize {
        let part = summary
            .split([':', ','])
            .find(|part| part.contains(word))
            .unwrap_or_else(|| panic!("{word} in {summary}"));
        part.split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("a count in {part:?}"))
    };
    let after = stamps(&site);
    let rewritten: Vec<&String> = after
        .iter()
        .filter(|(path, stamp)| *path != ".passerelle-build" && before.get(*path) != Some(stamp))
        .map(|(p, _)| p)
        .collect();
    assert_eq!(count("written"), rewritten.len(), "{summary}: {rewritten:?}");
    assert!(rewritten.iter().any(|p| *p == "data/offers.csv"), "{rewritten:?}");
    assert!(!rewritten.iter().any(|p| *p == "data/venues.geojson"), "untouched by a title");
    assert_eq!(count("unchanged"), after.len() - 1 - rewritten.len(), "{summary}");
    assert!(fs::read_to_string(site.join("data/offers.csv"))
        .expect("csv")
        .contains("Titre modifié pour le test"));
    assert!(
        stderr.lines().filter(|l| l.starts_with("built ")).count() == 1,
        "one summary line off a terminal: {stderr}"
    );
}

// A build that fails on a data error leaves the previous site byte-identical and no staging
// folder behind; the next good build works.
#[test]
fn failed_build_leaves_the_previous_site() {
    let project = project();
    build_ok(project.path(), None);
    let site = project.path().join("site");
    let before = snapshot(&site);
    edit_first_offer(project.path(), "operator", "operateur-qui-n-existe-pas");
    let output = build(project.path(), None);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("operateur-qui-n-existe-pas"), "{stderr}");
    assert!(snapshot(&site) == before, "the previous site changed");
    assert_eq!(leftovers(project.path()), Vec::<String>::new());
}

// A folder that Passerelle did not write is never replaced, even when named as --out.
#[test]
fn never_replaces_a_foreign_folder() {
    let project = project();
    let foreign = project.path().join("papers");
    fs::create_dir_all(&foreign).expect("mkdir");
    fs::write(foreign.join("notes.txt"), "mine").expect("write");
    let output = build(project.path(), Some(&foreign));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("refusing to replace"), "{stderr}");
    assert_eq!(fs::read_to_string(foreign.join("notes.txt")).expect("kept"), "mine");
    assert_eq!(leftovers(project.path()), Vec::<String>::new());
}

// The open data files are there and well-formed: canonical CSV headers, JSON, GeoJSON,
// iCalendar, Atom, robots.txt and a sitemap (the shipped site.toml has a base_url).
#[test]
fn open_data_and_feeds_are_written() {
    let project = project();
    build_ok(project.path(), None);
    let site = project.path().join("site");
    let read = |path: &str| fs::read_to_string(site.join(path)).unwrap_or_else(|_| panic!("{path}"));
    assert!(read("data/offers.csv").starts_with(
        "id,title,operator,partners,disciplines,audiences,age_min,age_max,districts,venue,starts_on,ends_on,"
    ));
    let json: serde_json::Value = serde_json::from_str(&read("data/charter.json")).expect("charter.json");
    assert!(!json["offers"].as_array().expect("offers").is_empty());
    let venues: serde_json::Value = serde_json::from_str(&read("data/venues.geojson")).expect("geojson");
    assert_eq!(venues["type"], "FeatureCollection");
    let agenda = read("data/agenda.ics");
    assert!(agenda.starts_with("BEGIN:VCALENDAR\r\n") && agenda.contains("BEGIN:VEVENT\r\n"));
    roxmltree::Document::parse(&read("feed.xml")).expect("feed.xml is XML");
    roxmltree::Document::parse(&read("sitemap.xml")).expect("sitemap.xml is XML");
    assert!(read("robots.txt").contains("Sitemap: https://"));
}
