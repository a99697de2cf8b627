//! `data/` kept as one workbook: `data/charte.xlsx` (or `.ods`) with a sheet per table, named
//! like the files (French names too), loads to the same charter as the CSV files, and its
//! diagnostics name the sheet, the row and the column letter.

mod support;

use passerelle::diagnostics::render;
use std::path::Path;
use support::workbooks::{ods, xlsx, Cell, Sheets};

/// The base fixture's tables as sheets (under French names where `french`), every cell text.
fn base_as_sheets(french: bool) -> Vec<(String, Vec<Vec<String>>)> {
    let names = [
        ("districts", "quartiers"),
        ("operators", "acteurs"),
        ("venues", "Équipements"),
        ("offers", "offres"),
        ("partnerships", "partenariats"),
        ("vocabulary", "vocabulaire"),
    ];
    names
        .iter()
        .map(|(file, sheet)| {
            let path = support::fixtures().join(format!("base/data/{file}.csv"));
            let mut reader = csv::ReaderBuilder::new().has_headers(false).from_path(path).expect("base csv");
            let rows =
                reader.records().map(|r| r.expect("record").iter().map(str::to_owned).collect()).collect();
            ((if french { *sheet } else { *file }).to_owned(), rows)
        })
        .collect()
}

fn cells(sheets: &[(String, Vec<Vec<String>>)]) -> Vec<(&str, Vec<Vec<Cell<'_>>>)> {
    sheets
        .iter()
        .map(|(name, rows)| {
            (name.as_str(), rows.iter().map(|r| r.iter().map(|c| Cell::Text(c)).collect()).collect())
        })
        .collect()
}

/// A project whose data/ is the GeoJSON and one workbook.
fn project(file: &str, bytes: &[u8]) -> tempfile::TempDir {
    let project = support::project(None);
    for table in ["districts", "operators", "venues", "offers", "partnerships", "vocabulary"] {
        std::fs::remove_file(project.path().join(format!("data/{table}.csv"))).expect("remove");
    }
    std::fs::write(project.path().join("data").join(file), bytes).expect("workbook");
    project
}

fn check(root: &Path) -> passerelle::Checked {
    passerelle::check(root, &support::options()).expect("check runs")
}

// An .xlsx with French sheet names and an .ods with English ones load the base charter.
#[test]
fn a_workbook_loads_like_the_csv_files() {
    let csv = check(support::project(None).path()).charter.expect("base charter");
    for (file, bytes) in [
        ("charte.xlsx", xlsx(&cells(&base_as_sheets(true)) as &Sheets<'_>)),
        ("charte.ods", ods(&cells(&base_as_sheets(false)))),
    ] {
        let project = project(file, &bytes);
        let checked = check(project.path());
        assert_eq!(render::to_text(&checked.diagnostics, false), "no problem found\n", "{file}");
        let charter = checked.charter.expect("a charter");
        assert_eq!(charter.offers.len(), csv.offers.len());
        let (a, b) =
            (charter.offer("atelier-slam").expect("offer"), csv.offer("atelier-slam").expect("offer"));
        assert_eq!(
            (&a.title, &a.description, a.starts_on, &a.disciplines),
            (&b.title, &b.description, b.starts_on, &b.disciplines)
        );
    }
}

// A bad cell in a sheet is reported at sheet, row and column letter; a CSV beside the sheet
// of the same table is "a second file".
#[test]
fn sheet_diagnostics_name_row_and_column() {
    let mut sheets = base_as_sheets(true);
    let offers = sheets.iter_mut().find(|(n, _)| n == "offres").expect("offers sheet");
    offers.1[1][10] = "31/11/2026".into();
    let project = project("charte.xlsx", &xlsx(&cells(&sheets)));
    std::fs::write(project.path().join("data/acteurs.csv"), "id,name,kind\nx,X,association\n").expect("csv");
    insta::assert_snapshot!(render::to_text(&check(project.path()).diagnostics, false));
}
