//! Properties of `passerelle import`: nothing in a source makes it panic (arbitrary bytes as
//! CSV, workbook or calendar; valid workbooks and CSV with random bytes spliced in), and
//! whatever `--write` writes passes `check`. Then the round trip on the shipped charter:
//! import → check → build publishes the imported records' pages.

mod support;

use passerelle::import::{self, Request};
use passerelle::load::tables::{Table, OFFERS, OPERATORS, VENUES};
use proptest::prelude::*;
use support::workbooks::{xlsx, Cell::Number as N, Cell::Text as T};

const MAPPING: &str = "[source]\nname = \"p\"\nkey = \"Code\"\n[columns]\nname = \"Nom\"\n\"lat,lon\" = \"Geo\"\nkind = { from = \"Type\", map = { \"x\" = \"park\" }, default = \"other\" }\n";

fn interesting_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        4 => any::<u8>(),
        3 => prop::sample::select(b",;\t\"\r\n|{}[]:.-/0123456789 \xEF\xBB\xBF\xC3\xA9\xE9PK\x03\x04".to_vec()),
    ]
}

/// Imports `bytes` as `name` into venues with [`MAPPING`], dry and with `--write`; what is
/// written must pass `check`.
fn import_survives(name: &str, bytes: &[u8]) {
    import_survives_into(name, bytes, &VENUES, MAPPING);
}

/// The Google calendar fixture and its mapping.
fn calendar() -> (Vec<u8>, String) {
    let case = support::fixtures().join("import/calendar-google-export");
    let read = |f: &str| std::fs::read(case.join(f)).expect("fixture");
    (read("source.ics"), String::from_utf8(read("mapping.toml")).expect("utf-8"))
}

fn import_survives_into(name: &str, bytes: &[u8], table: &'static Table, mapping_text: &str) {
    let project = support::project(None);
    let root = project.path();
    let source = root.join(name);
    std::fs::write(&source, bytes).expect("source");
    let mapping = root.join("m.toml");
    std::fs::write(&mapping, mapping_text).expect("mapping");
    for write in [false, true] {
        let request = Request {
            source: source.clone(),
            table,
            mapping: Some(mapping.clone()),
            root: root.to_path_buf(),
            write,
        };
        let report = import::run(&request, &support::options()).expect("only I/O fails");
        let _ = (report.to_text(true), report.to_json());
        if report.written {
            let checked = passerelle::check(root, &support::options()).expect("check");
            assert!(
                !checked.diagnostics.has_errors(),
                "{}",
                passerelle::diagnostics::render::to_text(&checked.diagnostics, false)
            );
        }
    }
}

fn valid_csv() -> Vec<u8> {
    b"Code;Nom;Type;Geo\r\nA;Parc A;x;\"50.64, 5.60\"\r\nB;\"Salle\r\nB\";y;50,63; 5,59\r\n".to_vec()
}

fn valid_xlsx() -> Vec<u8> {
    xlsx(&[(
        "Feuil1",
        vec![
            vec![T("Code"), T("Nom"), T("Type"), T("Geo")],
            vec![T("A"), T("Parc A"), T("x"), T("50.64, 5.60")],
            vec![N(2.0), T("B"), T("y"), T("")],
        ],
    )])
}

fn splice(base: &[u8], at: usize, remove: usize, insert: &[u8]) -> Vec<u8> {
    let start = at.min(base.len());
    let end = (start + remove).min(base.len());
    [&base[..start], insert, &base[end..]].concat()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    // Arbitrary bytes under every extension an import reads.
    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in prop::collection::vec(interesting_byte(), 0..600),
        extension in prop::sample::select(vec!["csv", "xlsx", "ods", "ics", "txt"]),
    ) {
        import_survives(&format!("source.{extension}"), &bytes);
    }

    // A valid CSV or workbook with random bytes spliced in (a damaged download).
    #[test]
    fn damaged_sources_never_panic(
        workbook in any::<bool>(),
        at in 0usize..6000,
        remove in 0usize..64,
        insert in prop::collection::vec(interesting_byte(), 0..64),
    ) {
        let (name, base) = if workbook { ("source.xlsx", valid_xlsx()) } else { ("source.csv", valid_csv()) };
        import_survives(name, &splice(&base, at % (base.len() + 1), remove, &insert));
    }

    // Arbitrary bytes as a calendar of offers, and a real calendar export damaged: a
    // diagnostic or an import, never a panic; what is written passes `check`.
    #[test]
    fn damaged_calendars_never_panic(
        bytes in prop::collection::vec(interesting_byte(), 0..400),
        at in 0usize..6000,
        remove in 0usize..64,
        insert in prop::collection::vec(calendar_byte(), 0..48),
    ) {
        let (base, mapping) = calendar();
        import_survives_into("source.ics", &bytes, &OFFERS, &mapping);
        let damaged = splice(&base, at % (base.len() + 1), remove, &insert);
        import_survives_into("source.ics", &damaged, &OFFERS, &mapping);
    }
}

/// Bytes that matter to a calendar: its separators, digits and rule words.
fn calendar_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        2 => any::<u8>(),
        5 => prop::sample::select(b";:=,\"\r\n \tTZ0123456789-+/PDHMSWRULEFQCOYBXN".to_vec()),
    ]
}

// The shipped charter takes a public-sector-style listing: import --write, check is clean,
// the build publishes a page for each imported operator.
#[test]
fn round_trip_import_check_build() {
    let project = tempfile::tempdir().expect("temp dir");
    let root = project.path();
    for folder in ["data", "content"] {
        std::fs::create_dir_all(root.join(folder)).expect("mkdir");
        support::copy_tree(&support::repo_root().join(folder), &root.join(folder));
    }
    let source = root.join("annuaire.csv");
    std::fs::write(
        &source,
        "Numéro;Dénomination;Forme;CP;Commune;Site\nR1;Atelier Graphique du Longdoz;Association;4020;Liège;atelier-longdoz.example.org\nR2;Fanfare des Vennes;Association;4020;Liège;\n",
    )
    .expect("source");
    let mapping = root.join("annuaire.toml");
    std::fs::write(&mapping, "[source]\nname = \"annuaire\"\nkey = \"Numéro\"\n[columns]\nname = \"Dénomination\"\nkind = { from = \"Forme\", map = { \"Association\" = \"association\" } }\npostcode = \"CP\"\ncity = \"Commune\"\nwebsite = \"Site\"\n").expect("mapping");
    let request =
        Request { source, table: &OPERATORS, mapping: Some(mapping), root: root.to_path_buf(), write: true };
    let report = import::run(&request, &support::options()).expect("runs");
    assert!(report.written && report.counts.new == 2, "{}", report.to_text(false));
    let checked = passerelle::check(root, &support::options()).expect("check");
    assert!(
        !checked.diagnostics.has_errors(),
        "{}",
        passerelle::diagnostics::render::to_text(&checked.diagnostics, false)
    );
    let out = tempfile::tempdir().expect("out");
    let site = out.path().join("site");
    let built = passerelle::build(root, &site, &support::options()).expect("build");
    assert!(built.report.is_some(), "the build succeeds");
    let charter = checked.charter.expect("a charter");
    for id in ["atelier-graphique-du-longdoz", "fanfare-des-vennes"] {
        let operator = charter.operator(id).expect("imported operator");
        assert_eq!(operator.source.as_deref().map(|s| s.starts_with("annuaire:R")), Some(true));
        let page = passerelle::render::views::record_path("operators", id);
        assert!(site.join(&page).is_file(), "{page} published");
    }
}
