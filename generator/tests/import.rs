//! `passerelle import`: one folder per source shape under `tests/fixtures/import/`, imported
//! into a copy of `tests/fixtures/base/`, each snapshotting its report (dry run, then
//! `--write`, the lines the table gained, then a re-import that must write nothing), plus the
//! shapes that are bytes (Windows-1252, workbooks) generated here, and the re-import,
//! conflict and decision cases step by step. See tests/README.md to add a case.

mod support;

use passerelle::import;
use std::path::{Path, PathBuf};
use support::importing::scenario;

/// A folder's `mapping.toml`, if any.
fn mapping_of(case: &Path) -> Option<PathBuf> {
    Some(case.join("mapping.toml")).filter(|p| p.exists())
}

fn table_of(case: &Path) -> &'static passerelle::load::tables::Table {
    let name = std::fs::read_to_string(case.join("into.txt")).expect("into.txt");
    import::table(name.trim()).expect("an importable table")
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
