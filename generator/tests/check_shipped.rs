//! `check` on the shipped data set (the repository's `data/`), and on a French spreadsheet
//! export of its offers.

mod support;

use passerelle::diagnostics::{render, Diagnostics};
use passerelle::load::tables::OFFERS;
use std::path::Path;

// The shipped data validates with zero errors (warnings are allowed, and printed).
#[test]
fn shipped_data_has_no_error() {
    let checked = passerelle::check(&support::repo_root(), &support::options()).expect("check runs");
    eprint!("{}", render::to_text(&checked.diagnostics, false));
    assert_eq!(checked.diagnostics.error_count(), 0, "the shipped data must stay valid");
    assert!(checked.charter.is_some());
}

// The shipped offers saved as a French spreadsheet would (Windows-1252, `;`, CRLF, French
// headers, codes and dd/mm/yyyy dates) load to the same offers, field by field.
#[test]
fn french_spreadsheet_export_loads_the_same_offers() {
    let original =
        std::fs::read_to_string(support::repo_root().join("data/offers.csv")).expect("shipped offers");
    // Characters Windows-1252 cannot hold would be lost by the export itself, not by us.
    let original: String = original.chars().map(|c| if encodable(c) { c } else { '?' }).collect();

    let english = project_with("offers.csv", original.as_bytes());
    let export = french_export(&original);
    let (french, _, had_errors) = encoding_rs::WINDOWS_1252.encode(&export);
    assert!(!had_errors);
    let french = project_with("offres.csv", &french);

    let (a, b) = (offers(english.path()), offers(french.path()));
    assert_eq!(a.len(), b.len());
    assert!(!a.is_empty());
    for (a, b) in a.iter().zip(&b) {
        let (a, b) = (serde_json::to_value(a).expect("json"), serde_json::to_value(b).expect("json"));
        for (field, value) in a.as_object().expect("object") {
            assert_eq!(Some(value), b.get(field), "offer {}, field {field}", a["id"]);
        }
    }
}

fn encodable(c: char) -> bool {
    let mut buffer = [0; 4];
    !encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buffer)).2
}

/// A copy of the shipped `data/` whose offers file is replaced by `name` with `bytes`.
fn project_with(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("data")).expect("mkdir");
    support::copy_tree(&support::repo_root().join("data"), &dir.path().join("data"));
    std::fs::remove_file(dir.path().join("data/offers.csv")).expect("offers");
    std::fs::write(dir.path().join("data").join(name), bytes).expect("write");
    dir
}

fn offers(root: &Path) -> Vec<passerelle::model::Offer> {
    let mut diagnostics = Diagnostics::default();
    let records = passerelle::load::load(root, &mut diagnostics).expect("load");
    assert_eq!(diagnostics.error_count(), 0, "{}", render::to_text(&diagnostics, false));
    records.offers
}

/// The offers as a French spreadsheet saves them.
fn french_export(text: &str) -> String {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    let mut writer =
        csv::WriterBuilder::new().delimiter(b';').terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let mut header: Vec<String> = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.expect("shipped offers are valid CSV");
        if i == 0 {
            header = record.iter().map(str::to_owned).collect();
            writer.write_record(header.iter().map(|h| french_name(h))).expect("write");
            continue;
        }
        let cells = record.iter().zip(&header).map(|(cell, column)| french_value(column, cell));
        writer.write_record(cells.collect::<Vec<_>>()).expect("write");
    }
    String::from_utf8(writer.into_inner().expect("flush")).expect("utf-8")
}

/// A column's first French alias, capitalised as a spreadsheet user would.
fn french_name(column: &str) -> String {
    let spec = OFFERS.columns.iter().find(|c| c.name == column);
    let name = spec.and_then(|c| c.aliases.first().copied()).unwrap_or(column);
    let mut chars = name.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn french_value(column: &str, cell: &str) -> String {
    match (column, cell) {
        ("starts_on" | "ends_on" | "updated_on", date) if date.len() == 10 => {
            let (y, m, d) = (&date[0..4], &date[5..7], &date[8..10]);
            format!("{d}/{m}/{y}")
        }
        ("price", "free") => "gratuit".into(),
        ("price", "paid") => "payant".into(),
        ("price", "pay_what_you_can") => "prix libre".into(),
        ("status", "open") => "ouvert".into(),
        ("status", "full") => "complet".into(),
        ("status", "cancelled") => "annulé".into(),
        _ => cell.to_owned(),
    }
}
