//! Snapshots of the `<main>` of representative pages, in both languages, from the hand-built
//! fixture charter (`support::render`), with today pinned to 2026-11-21.

mod support;

use support::render::{charter, config, main_of, pages, render, root};

/// The pages whose `<main>` is snapshotted, by snapshot name.
const PAGES: &[(&str, &str)] = &[
    ("home", "index.html"),
    ("offer", "offers/atelier-slam.html"),
    ("operator", "operators/mj-bressoux.html"),
    ("operators", "operators/index.html"),
    ("district", "districts/bressoux.html"),
    ("districts", "districts/index.html"),
    ("agenda", "agenda/index.html"),
    ("catalogue", "catalogue/index.html"),
];

/// The explorer's asset paths belong to the explorer (content-hashed): snapshots name them.
fn redact_explorer(main: &str) -> String {
    let assets = passerelle::index::explorer_assets();
    main.replace(&assets.index, "[explorer.index]")
        .replace(&assets.script, "[explorer.script]")
        .replace(&assets.style, "[explorer.style]")
}

fn snapshot_language(language: &str) {
    let charter = charter();
    let files = render(&charter, &config(language), &root());
    let pages = pages(&files);
    for (name, path) in PAGES {
        let html = pages.get(path).unwrap_or_else(|| panic!("{path} was not rendered"));
        insta::assert_snapshot!(format!("{language}-{name}"), redact_explorer(main_of(html)), path);
    }
}

// The main content of each representative page, in French (the default interface).
#[test]
fn pages_in_french() {
    snapshot_language("fr");
}

// The same pages with the English interface (record text stays French, marked lang="fr").
#[test]
fn pages_in_english() {
    snapshot_language("en");
}

// Every page kind is written, at `<table>/<id>.html` for records, with the theme files.
#[test]
fn every_page_is_written() {
    let charter = charter();
    let files = render(&charter, &config("fr"), &root());
    for path in [
        "index.html",
        "404.html",
        "explore/index.html",
        "offers/index.html",
        "operators/index.html",
        "venues/index.html",
        "districts/index.html",
        "partnerships/index.html",
        "agenda/index.html",
        "catalogue/index.html",
        "charte/index.html",
        "mentions-legales/index.html",
        "offers/concert-hall.html",
        "venues/hall-bressoux.html",
        "districts/outremeuse.html",
        "partnerships/musique-a-bressoux.html",
    ] {
        assert!(files.contains_key(path), "{path} missing");
    }
    assert!(files.keys().any(|p| p.starts_with("assets/style.") && p.ends_with(".css")));
    assert!(!files.contains_key("index/index.html"), "content/index.md is the home text, not a page");
}

// Each page has one <h1>, the skip link to #contenu, <html lang>, and the explorer contract where
// the explorer mounts (its style and module script, the mount element with its data attributes).
#[test]
fn layout_and_explorer_contract() {
    let charter = charter();
    let files = render(&charter, &config("en"), &root());
    for (path, html) in pages(&files) {
        assert_eq!(html.matches("<h1").count(), 1, "{path}: one <h1>");
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"), "{path}");
        assert!(html.contains(r##"<a class="skip-link" href="#contenu">"##), "{path}");
        assert!(html.contains(r#"<main id="contenu""#), "{path}");
    }
    let assets = passerelle::index::explorer_assets();
    let district = pages(&files)["districts/bressoux.html"].clone();
    assert!(district.contains(&format!(r#"<link rel="stylesheet" href="../{}">"#, assets.style)));
    assert!(district.contains(&format!(r#"<script type="module" src="../{}"></script>"#, assets.script)));
    assert!(district.contains(&format!(
        r#"<div id="explorer" class="explorer" data-base="../" data-index="../{}" data-lang="en" data-district="bressoux">"#,
        assets.index
    )));
    let offer = pages(&files)["offers/atelier-slam.html"].clone();
    assert!(!offer.contains("id=\"explorer\""), "no explorer on an offer page");
}
