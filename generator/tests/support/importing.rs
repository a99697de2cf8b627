//! The import scenario every source shape goes through (see tests/import.rs).

use passerelle::import::{self, Request};
use std::path::{Path, PathBuf};

pub fn request(
    root: &Path,
    source: PathBuf,
    table: &'static passerelle::load::tables::Table,
    mapping: Option<PathBuf>,
    write: bool,
) -> Request {
    Request { source, table, mapping, root: root.to_path_buf(), write }
}

/// The report as text, temporary paths taken out.
pub fn text(report: &import::report::Report, dirs: &[&Path]) -> String {
    let mut text = report.to_text(false);
    for dir in dirs {
        text = text.replace(&format!("{}/", dir.display()), "");
    }
    text
}

/// Dry run, `--write`, what the table gained, a second `--write`: the snapshot of a case.
pub fn scenario(
    root: &Path,
    source: PathBuf,
    table: &'static passerelle::load::tables::Table,
    mapping: Option<PathBuf>,
    dirs: &[&Path],
) -> String {
    let options = super::options();
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
