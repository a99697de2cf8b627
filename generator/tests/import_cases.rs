//! `passerelle import` step by step: a re-import after hand edits (kept, updated, conflict),
//! decisions about possible duplicates (same, different) honoured by later imports, and a
//! failed `--write` that leaves `data/` byte-identical. Each step's report is a snapshot.

mod support;

use passerelle::import::{self, report::Report, Request};
use passerelle::load::tables::OPERATORS;
use std::path::Path;

const HEADER: &str = "Numéro;Nom;Catégorie;Code_postal;Téléphone;Objet";

const MAPPING: &str = "[source]\nname = \"assoc\"\nkey = \"Numéro\"\n[columns]\nname = \"Nom\"\nkind = { from = \"Catégorie\", map = { \"Asso\" = \"association\" } }\npostcode = \"Code_postal\"\nphone = \"Téléphone\"\nsummary = \"Objet\"\n";

/// Imports `rows` (under [`HEADER`]) into operators with the `assoc` mapping.
fn import(root: &Path, rows: &[&str], write: bool) -> Report {
    import_with(root, MAPPING, rows, write)
}

fn import_with(root: &Path, mapping_text: &str, rows: &[&str], write: bool) -> Report {
    let source = root.join("assoc.csv");
    std::fs::write(&source, format!("{HEADER}\n{}\n", rows.join("\n"))).expect("source");
    let mapping = root.join("assoc.toml");
    std::fs::write(&mapping, mapping_text).expect("mapping");
    let request =
        Request { source, table: &OPERATORS, mapping: Some(mapping), root: root.to_path_buf(), write };
    import::run(&request, &support::options()).expect("runs")
}

fn text(report: &Report, root: &Path) -> String {
    report.to_text(false).replace(&format!("{}/", root.display()), "")
}

fn operators(root: &Path) -> String {
    std::fs::read_to_string(root.join("data/operators.csv")).expect("operators.csv")
}

fn edit(root: &Path, from: &str, to: &str) {
    let text = operators(root);
    assert!(text.contains(from), "{from} in operators.csv");
    std::fs::write(root.join("data/operators.csv"), text.replacen(from, to, 1)).expect("edit");
}

// A hand edit survives a re-import; a field only the source changed is updated; a field both
// changed is a conflict (the hand value kept), reported once; an unchanged source writes nothing.
#[test]
fn reimport_keeps_hand_edits_and_reports_conflicts() {
    let project = support::project(None);
    let root = project.path();
    let v1 =
        ["A1;Atelier Théâtre Bressoux;Asso;4020;04 111 11 11;Théâtre", "A2;Chœur des Prés;Asso;4000;;Chant"];
    assert_eq!(import(root, &v1, true).counts.new, 2);
    edit(root, "04 111 11 11", "04 999 99 99");
    edit(root, "Chœur des Prés", "Chœur des Prés de Droixhe");
    let again = import(root, &v1, true);
    assert!(!again.written && again.conflicts.is_empty(), "{}", text(&again, root));
    assert!(
        operators(root).contains("04 999 99 99") && operators(root).contains("Chœur des Prés de Droixhe")
    );
    let v2 = [
        "A1;Atelier Théâtre Bressoux;Asso;4020;04 222 22 22;Théâtre et impro",
        "A2;Chœur des Prés;Asso;4000;;Chant",
    ];
    let changed = import(root, &v2, true);
    let table = operators(root);
    assert!(table.contains("04 999 99 99") && table.contains("Théâtre et impro"), "{table}");
    assert!(table.contains("Chœur des Prés de Droixhe"));
    let once_more = import(root, &v2, true);
    assert!(!once_more.written && once_more.conflicts.is_empty());
    insta::assert_snapshot!(format!("{}\n--- again\n{}", text(&changed, root), text(&once_more, root)));
}

// A possible duplicate is held back; `same` makes it update that record, `different` lets it
// in as new; the decisions hold for every later import.
#[test]
fn decisions_are_honoured() {
    let project = support::project(None);
    let root = project.path();
    let rows = [
        "B1;Maison des Jeunes - Bressoux;Asso;4020;;Une maison des jeunes.",
        "B2;Bibliotheque Droixhe;Asso;4020;04 333 33 33;Une autre bibliothèque",
    ];
    let before = operators(root);
    let held = import(root, &rows, true);
    assert_eq!(held.counts.duplicates, 2, "{}", text(&held, root));
    assert_eq!(operators(root), before, "duplicates are not written");
    std::fs::write(
        root.join("data/import-decisions.csv"),
        "source,candidate,decision,note\nassoc:B1,mj-bressoux,same,la même MJ\nassoc:B2,bibliotheque,différent,\n",
    )
    .expect("decisions");
    let decided = import(root, &rows, true);
    assert!(decided.written);
    let table = operators(root);
    assert!(table.contains("assoc:B1") && table.contains("bibliotheque-droixhe"), "{table}");
    assert_eq!(table.matches("Maison des jeunes de Bressoux").count(), 1, "no second MJ");
    let again = import(root, &rows, true);
    assert!(!again.written && again.duplicates.is_empty());
    let checked = passerelle::check(root, &support::options()).expect("check");
    assert!(!checked.diagnostics.has_errors());
    insta::assert_snapshot!(format!(
        "{}\n--- decided\n{}\n--- again\n{}",
        text(&held, root),
        text(&decided, root),
        text(&again, root)
    ));
}

// A write whose result would fail `check` (a latitude without its longitude) changes no
// byte of data/; neither does a write into a charter that already has errors.
#[test]
fn failed_write_leaves_data_identical() {
    let project = support::project(None);
    let root = project.path();
    let before = support::tree(&root.join("data"));
    let lat_only = format!("{MAPPING}lat = \"Code_postal\"\n");
    let report = import_with(root, &lat_only, &["C1;Nouvelle asso;Asso;4020;;Une asso."], true);
    assert!(!report.written && report.refused, "{}", text(&report, root));
    assert_eq!(support::tree(&root.join("data")), before, "data/ byte-identical");
    insta::assert_snapshot!(text(&report, root));
    // The base's `slam` discipline needs vocabulary.csv: without it the charter has errors.
    std::fs::write(root.join("data/vocabulary.csv"), "group,code,label_fr,label_en\n").expect("vocabulary");
    let broken = support::tree(&root.join("data"));
    let report = import(root, &["C1;Nouvelle asso;Asso;4020;;Une asso."], true);
    assert!(!report.written && report.refused);
    assert_eq!(support::tree(&root.join("data")), broken, "data/ byte-identical");
}
