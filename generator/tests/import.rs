//! `passerelle import`: one folder per source shape under `tests/fixtures/import/`, imported
//! into a copy of `tests/fixtures/base/`, each snapshotting its report (dry run, then
//! `--write`, the lines the table gained, then a re-import that must write nothing), plus the
//! shapes that are bytes (Windows-1252, workbooks) generated here, and the re-import,
//! conflict and decision cases step by step. See tests/README.md to add a case.

mod support;

use passerelle::import::{self, Request};
use std::path::{Path, PathBuf};

/// A folder's `mapping.toml`, if any.
fn mapping_of(case: &Path) -> Option<PathBuf> {
    Some(case.join("mapping.toml")).filter(|p| p.exists())
}

fn table_of(case: &Path) -> &'static passerelle::load::tables::Table {
    let name = std::fs::read_to_string(case.join("into.txt")).expect("into.txt");
    import::table(name.trim()).expect("an importable table")
}

fn request(
    root: &Path,
    source: PathBuf,
    table: &'static passerelle::load::tables::Table,
    mapping: Option<PathBuf>,
    write: bool,
) -> Request {
    Request { source, table, mapping, root: root.to_path_buf(), write }
}

/// The report as text, temporary paths taken out.
fn text(report: &import::report::Report, dirs: &[&Path]) -> String {
    let mut text = report.to_text(false);
    for dir in dirs {
        text = text.replace(&format!("{}/", dir.display()), "");
    }
    text
}

/// Dry run, `--write`, what the table gained, a second `--write`: the snapshot of a case.
fn scenario(
    root: &Path,
    source: PathBuf,
    table: &'static passerelle::load::tables::Table,
    mapping: Option<PathBuf>,
    dirs: &[&Path],
) -> String {
    let options = support::options();
    let table_path = root.join("data").join(format!("{}.csv", table.name));
    let before = std::fs::read(&table_path).unwrap_or_default();
    let dry =
        import::run(&request(root, source.clone(), table, mapping.clone(), false), &options).expect("runs");
    assert_eq!(std::fs::read(&table_path).unwrap_or_default(), before, "a dry run writes nothing");
    let written =
        import::run(&request(root, source.clone(), table, mapping.clone(), true), &options).expect("runs");
    let after = std::fs::read(&table_path).unwrap_or_default();
    let gained = String::from_utf8_lossy(&after)
        .lines()
        .skip(String::from_utf8_lossy(&before).lines().count())
        .collect::<Vec<_>>()
        .join("\n");
    if written.written {
        let checked = passerelle::check(root, &options).expect("check runs");
        assert!(!checked.diagnostics.has_errors(), "the written charter passes check");
    } else {
        assert_eq!(after, before, "nothing written: the table is byte-identical");
    }
    let again = import::run(&request(root, source, table, mapping, true), &options).expect("runs");
    assert!(!again.written, "a second import of the same source writes nothing");
    assert_eq!(std::fs::read(&table_path).unwrap_or_default(), after);
    format!(
        "--- dry run\n{}\n--- --write\n{}\n--- lines added to the table\n{gained}\n\n--- the same import again\n{}",
        text(&dry, dirs),
        text(&written, dirs),
        text(&again, dirs)
    )
}

// Every source shape under fixtures/import/ gives exactly the reports of its snapshot.
#[test]
fn fixture_sources() {
    insta::glob!("fixtures/import/*", |case| {
        let about = std::fs::read_to_string(case.join("about.txt")).unwrap_or_default();
        let project = support::project(None);
        let source = std::fs::read_dir(case)
            .expect("case folder")
            .map(|e| e.expect("entry").path())
            .find(|p| p.file_stem().is_some_and(|s| s == "source"))
            .expect("a source file");
        let snapshot =
            scenario(project.path(), source, table_of(case), mapping_of(case), &[case, project.path()]);
        insta::with_settings!({ description => about.trim(), omit_expression => true }, {
            insta::assert_snapshot!(snapshot);
        });
    });
}
