//! Control characters in every field of the shipped project never reach the site: the build
//! passes with warnings, every XML file it writes (feed, sitemap, SVG) parses with an
//! independent parser (roxmltree), and no file carries a forbidden character.

mod support;

use std::path::Path;
use support::build::*;

/// What copy-pastes bring: ESC, backspace, NUL, U+FFFE, U+FFFF, NEL (U+0085), another C1
/// control (CSI), DEL, form feed.
const FORBIDDEN: &str = "\u{1b}\u{8}\u{0}\u{fffe}\u{ffff}\u{85}\u{9b}\u{7f}\u{c}";
/// In free text: a terminal colour sequence (its printable tail stays, as text), bidi marks
/// and a zero-width space (legitimate in Arabic or Hebrew names: kept).
const TEXT: &str = "\u{1b}[31m\u{200f}\u{202e}\u{2066}\u{2069}\u{200b}";

/// Free-text columns, which take the bidi marks too (ids, codes, dates and addresses must stay
/// valid once the forbidden characters are dropped, so they only get those).
const TEXT_COLUMNS: [&str; 8] =
    ["name", "title", "summary", "description", "schedule", "price_detail", "address", "opening_hours"];

/// Every cell of `file` with the corpus in its middle.
fn poison_csv(file: &Path) {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_path(file).expect("csv");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    let headers: Vec<String> = rows[0].iter().map(str::to_owned).collect();
    let mut writer = csv::Writer::from_path(file).expect("csv");
    for (i, row) in rows.iter().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .zip(&headers)
            .map(|(cell, header)| {
                let corpus = if i > 0 && TEXT_COLUMNS.contains(&header.as_str()) {
                    format!("{FORBIDDEN}{TEXT}")
                } else {
                    FORBIDDEN.to_owned()
                };
                let middle =
                    cell.char_indices().nth(cell.chars().count() / 2).map_or(cell.len(), |(at, _)| at);
                format!("{}{corpus}{}", &cell[..middle], &cell[middle..])
            })
            .collect();
        writer.write_record(&cells).expect("write");
    }
    writer.flush().expect("flush");
}

#[test]
fn control_characters_never_reach_the_site() {
    let project = project();
    let data = project.path().join("data");
    for entry in std::fs::read_dir(&data).expect("data") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "csv") {
            poison_csv(&path);
        }
    }
    let geojson = data.join("districts.geojson");
    let text = std::fs::read_to_string(&geojson).expect("geojson");
    std::fs::write(&geojson, text.replace(", ", &format!(",{FORBIDDEN} "))).expect("write");

    let stderr = build_ok(project.path(), None);
    assert!(stderr.contains("control character U+001B (escape) dropped"), "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "no raw ESC printed");

    let site = snapshot(&project.path().join("site"));
    let mut xml_files = 0;
    for (path, bytes) in &site {
        let Ok(text) = std::str::from_utf8(bytes) else { continue };
        let bad: Vec<String> = text
            .chars()
            .filter(|&c| passerelle::text::is_forbidden(c))
            .map(passerelle::text::code_point)
            .collect();
        assert!(bad.is_empty(), "{path} carries {bad:?}");
        if path.ends_with(".xml") || path.ends_with(".svg") {
            roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{path} is not well-formed: {e}"));
            xml_files += 1;
        }
    }
    assert!(site.contains_key("feed.xml") && site.contains_key("sitemap.xml"), "{:?}", site.keys());
    assert!(xml_files >= 3, "feed, sitemap and the icon were parsed");
    let feed = std::str::from_utf8(&site["feed.xml"]).expect("utf-8");
    assert!(feed.contains('\u{202e}'), "bidi marks are text, kept");
}
