//! `passerelle import` from the shapes that are bytes, generated here: a Windows-1252 CSV, an
//! `.xlsx` and an `.ods` workbook with several sheets (numbers, dates, a notes sheet first).
//! Each goes through the same scenario as tests/import.rs and snapshots its reports; the
//! `--suggest` drafts are snapshots too, and must bind to their source without an error.

mod support;

use passerelle::import::{self, mapping::Mapping, Request};
use passerelle::load::tables::{OPERATORS, VENUES};
use passerelle::Diagnostics;
use support::importing::scenario;
use support::workbooks::{ods, xlsx, Cell, Cell::Number as N, Cell::Text as T};

const VENUE_MAPPING: &str = r#"[source]
name = "equipements-culturels"
key = "Code"
sheet = "Equipements"

[columns]
name = "Nom de l'équipement"
kind = { from = "Type", map = { "Médiathèque" = "media_library", "Salle" = "community_centre" }, default = "other" }
postcode = "CP"
lat = "Latitude"
lon = "Longitude"
updated_on = "Mis à jour"

[defaults]
city = "Liège"
"#;

/// A notes sheet, then the listing, then a sheet of something else.
fn sheets() -> Vec<(&'static str, Vec<Vec<Cell<'static>>>)> {
    let row = |code, name, kind, cp, lat, lon, day: Cell<'static>| {
        vec![T(code), T(name), T(kind), N(cp), N(lat), N(lon), day]
    };
    vec![
        ("Lisez-moi", vec![vec![T("Export du service Culture, novembre 2026")]]),
        (
            "Équipements",
            vec![
                vec![
                    T("Code"),
                    T("Nom de l'équipement"),
                    T("Type"),
                    T("CP"),
                    T("Latitude"),
                    T("Longitude"),
                    T("Mis à jour"),
                ],
                row(
                    "E1",
                    "Médiathèque des Chiroux",
                    "Médiathèque",
                    4000.0,
                    50.6421,
                    5.5685,
                    Cell::Date(2026, 3, 15),
                ),
                row("E2", "Salle Le Moulin", "Salle", 4020.0, 50.6402, 5.6021, T("02/02/2026")),
                row("E3", "Kiosque du parc", "Kiosque", 4020.0, 50.6330, 5.5790, T("")),
                row("E4", "Salle sans date", "Salle", 4020.0, 50.6395, 5.6110, T("30/02/2026")),
            ],
        ),
        ("Budget", vec![vec![T("Poste"), T("Montant")], vec![T("Animations"), N(1200.0)]]),
    ]
}

fn run_workbook(name: &str, bytes: Vec<u8>) -> String {
    let project = support::project(None);
    let source = project.path().join(name);
    std::fs::write(&source, bytes).expect("workbook");
    let mapping = project.path().join("mapping.toml");
    std::fs::write(&mapping, VENUE_MAPPING).expect("mapping");
    scenario(project.path(), source, &VENUES, Some(mapping), &[project.path()])
}

// An .xlsx sheet chosen by its folded name: numbers as typed, a date cell as a date, errors
// named by sheet, row and column letter.
#[test]
fn xlsx_with_several_sheets() {
    insta::assert_snapshot!(run_workbook("equipements.xlsx", xlsx(&sheets())));
}

// The same listing saved as .ods reads to the same report.
#[test]
fn ods_with_several_sheets() {
    let report = run_workbook("equipements.ods", ods(&sheets()));
    insta::assert_snapshot!(report);
    assert_eq!(report.replace(".ods", ".xlsx"), run_workbook("equipements.xlsx", xlsx(&sheets())));
}

const LIST_1252: &str = "Nom;Catégorie;Code postal;Téléphone;Présentation\r\nThéâtre de l'Aléa;Compagnie;4020;04 123 45 67;Créations « jeune public »\r\nCercle généalogique;Association;4000;;Recherches d’archives\r\n";

// A Windows-1252 CSV (what Excel's "CSV" writes in French) reads as its UTF-8 twin; the
// imported text is UTF-8 in a UTF-8 table.
#[test]
fn windows_1252_csv() {
    let project = support::project(None);
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(LIST_1252);
    assert!(!unmappable);
    let source = project.path().join("liste.csv");
    std::fs::write(&source, &bytes).expect("source");
    let mapping = project.path().join("mapping.toml");
    std::fs::write(&mapping, "[columns]\nname = \"Nom\"\nkind = { from = \"Catégorie\", map = { \"Compagnie\" = \"collective\" } }\npostcode = \"Code postal\"\nphone = \"Téléphone\"\nsummary = \"Présentation\"\n").expect("mapping");
    let snapshot = scenario(project.path(), source, &OPERATORS, Some(mapping), &[project.path()]);
    assert!(snapshot.contains("Théâtre de l'Aléa") && snapshot.contains("« jeune public »"), "{snapshot}");
    insta::assert_snapshot!(snapshot);
}

/// The draft for `source`, checked to parse and bind to it without an error.
fn suggested(
    root: &std::path::Path,
    source: std::path::PathBuf,
    table: &'static passerelle::load::tables::Table,
) -> String {
    let request =
        Request { source: source.clone(), table, mapping: None, root: root.to_path_buf(), write: false };
    let draft = import::draft(&request, &support::options()).expect("runs").expect("a draft");
    let mut d = Diagnostics::default();
    let mapping = Mapping::parse(&draft, "draft.toml", table, "x", &mut d).expect("the draft is TOML");
    let path = root.join("draft.toml");
    std::fs::write(&path, &draft).expect("draft");
    let report = import::run(&Request { mapping: Some(path), ..request }, &support::options()).expect("runs");
    assert!(!d.has_errors() && mapping.name == "equipements", "{d:?}\n{draft}");
    assert!(report.counts.read > 0, "{}", report.to_text(false));
    draft
}

// --suggest on the workbook: headers matched, coordinates and key found, value maps drafted.
#[test]
fn suggest_a_workbook_mapping() {
    let project = support::project(None);
    let source = project.path().join("equipements.xlsx");
    let mut book = sheets();
    book.remove(0);
    std::fs::write(&source, xlsx(&book)).expect("workbook");
    insta::assert_snapshot!(suggested(project.path(), source, &VENUES));
}

// --suggest on a CSV with "lat, lon" in one column and French open-data headers.
#[test]
fn suggest_a_csv_mapping() {
    let project = support::project(None);
    let source = project.path().join("equipements.csv");
    let fixture = support::fixtures().join("import/venues-lat-lon-duplicates/source.csv");
    std::fs::copy(fixture, &source).expect("copy");
    insta::assert_snapshot!(suggested(project.path(), source, &VENUES));
}
