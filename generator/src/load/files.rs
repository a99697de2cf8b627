//! Finding each table's file in `ROOT/data`, by its English or French name.
//!
//! File names are compared folded (case, accents, separators), so `Offres.csv`,
//! `équipements.csv` and `EQUIPEMENTS.CSV` are all found. A workbook (`charte.xlsx`,
//! `charte.ods`) holds tables as sheets named like the files (`offres`, `Équipements`): each
//! such sheet is a [`Source`] with its rows already read (see [`super::workbook`]). A missing
//! required table is an error; two files (or sheets) for one table is an error too (which one
//! would the coordination expect?).

use super::tables::{Table, ALL};
use crate::diagnostics::{Diagnostics, Severity};
use anyhow::Result;
use passerelle_index::fold::key as fold;
use std::path::{Path, PathBuf};

/// The stems `districts.geojson` may have.
const GEOJSON_NAMES: [&str; 2] = ["districts", "quartiers"];
/// The stems `basemap.geojson` may have.
const BASEMAP_NAMES: [&str; 2] = ["basemap", "fond_de_carte"];

/// One file to read: where it is, and how diagnostics name it (`data/offres.csv`, or
/// `data/charte.xlsx[offres]` for a workbook's sheet, whose rows are then already read).
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub name: String,
    pub rows: Option<Vec<super::rows::Row>>,
}

/// The files found under `data/`.
#[derive(Debug, Default)]
pub struct Found {
    /// Per table of [`ALL`], in that order.
    pub tables: Vec<Option<Source>>,
    pub geojson: Option<Source>,
    pub basemap: Option<Source>,
}

/// Looks for every table's file in `root/data`.
pub fn find(root: &Path, diagnostics: &mut Diagnostics) -> Result<Found> {
    // Not only regular files: a table that is a link or a FIFO is found, then refused when read.
    let entries = crate::fs::entries(&root.join("data"))?;
    let mut found = Found { tables: vec![None; ALL.len()], geojson: None, basemap: None };
    for entry in entries {
        let file_name = entry.rel.as_str();
        if let Some(format) = super::workbook::Format::of(file_name) {
            for (i, source) in sheets(&entry.path, file_name, format, diagnostics)? {
                place(&mut found.tables[i], source, diagnostics);
            }
            continue;
        }
        let source = Source { name: format!("data/{file_name}"), path: entry.path.clone(), rows: None };
        let slot = match classify(file_name) {
            Some(Kind::Table(i)) => &mut found.tables[i],
            Some(Kind::Geojson) => &mut found.geojson,
            Some(Kind::Basemap) => &mut found.basemap,
            None => continue,
        };
        place(slot, source, diagnostics);
    }
    for (table, source) in ALL.iter().zip(&found.tables) {
        if table.required && source.is_none() {
            diagnostics.push_at(
                Severity::Error,
                &format!("data/{}.csv", table.name),
                (1, 1),
                format!("missing table `{}`", table.name),
                Some(format!("expected a file named {}", file_names(table))),
            );
        }
    }
    Ok(found)
}

/// Files `source` under its table, unless another file already holds that table.
fn place(slot: &mut Option<Source>, source: Source, diagnostics: &mut Diagnostics) {
    match slot {
        Some(first) => diagnostics.push_at(
            Severity::Error,
            &source.name,
            (1, 1),
            format!("a second file for the same table as {} (ignored)", first.name),
            Some("keep one of the two files".into()),
        ),
        None => *slot = Some(source),
    }
}

/// The sheets of a workbook in `data/` that are tables (by sheet name), with their rows;
/// other sheets (notes, a budget) are left alone. An unreadable workbook is an error.
fn sheets(
    path: &Path,
    file_name: &str,
    format: super::workbook::Format,
    diagnostics: &mut Diagnostics,
) -> Result<Vec<(usize, Source)>> {
    let name = format!("data/{file_name}");
    let bytes = match crate::fs::read_input(path)? {
        crate::fs::Input::File(bytes) => bytes,
        crate::fs::Input::Missing => return Ok(Vec::new()),
        crate::fs::Input::Refused(what) => {
            let message = format!("{what}: refused (Passerelle reads only the project's own regular files)");
            diagnostics.push_at(Severity::Error, &name, (1, 1), message, None);
            return Ok(Vec::new());
        }
    };
    let sheets = match super::workbook::read(&bytes, format) {
        Ok(sheets) => sheets,
        Err(message) => {
            let hint = Some("open it in a spreadsheet and save it again, or save each table as CSV".into());
            diagnostics.push_at(
                Severity::Error,
                &name,
                (1, 1),
                format!("unreadable workbook: {message}"),
                hint,
            );
            return Ok(Vec::new());
        }
    };
    let mut out = Vec::new();
    for mut sheet in sheets {
        let folded = fold(&sheet.name);
        if let Some(i) = ALL.iter().position(|t| names(t).any(|n| fold(n) == folded)) {
            let sheet_name = format!("{name}[{}]", sheet.name);
            super::workbook::drop_forbidden(&mut sheet.rows, &sheet_name, diagnostics);
            let source = Source { path: path.to_path_buf(), name: sheet_name, rows: Some(sheet.rows) };
            out.push((i, source));
        }
    }
    Ok(out)
}

enum Kind {
    Table(usize),
    Geojson,
    Basemap,
}

fn classify(file_name: &str) -> Option<Kind> {
    let (stem, extension) = file_name.rsplit_once('.')?;
    let (stem, extension) = (fold(stem), extension.to_ascii_lowercase());
    match extension.as_str() {
        "csv" => ALL.iter().position(|t| names(t).any(|n| fold(n) == stem)).map(Kind::Table),
        "geojson" if BASEMAP_NAMES.iter().any(|n| fold(n) == stem) => Some(Kind::Basemap),
        "geojson" => GEOJSON_NAMES.contains(&stem.as_str()).then_some(Kind::Geojson),
        _ => None,
    }
}

fn names(table: &Table) -> impl Iterator<Item = &'static str> {
    std::iter::once(table.name).chain(table.aliases.iter().copied())
}

/// `data/offers.csv, offres.csv or actions.csv`.
fn file_names(table: &Table) -> String {
    let all: Vec<String> = names(table).map(|n| format!("{n}.csv")).collect();
    match all.split_last() {
        Some((last, [])) => format!("data/{last}"),
        Some((last, rest)) => format!("data/{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The position of a file in load order (tables of [`ALL`], the GeoJSON right after
/// districts), so diagnostics read in that order whatever the files are called.
pub fn rank(file: &str) -> Option<usize> {
    let file_name = file.strip_prefix("data/")?;
    // A workbook's sheet ranks as the file it stands for: `charte.xlsx[offres]` as `offres.csv`.
    let sheet = file_name.strip_suffix(']').and_then(|n| n.rsplit_once('[')).map(|(_, s)| format!("{s}.csv"));
    match classify(sheet.as_deref().unwrap_or(file_name))? {
        Kind::Table(i) => Some(2 * i),
        // Right after districts (table 1, rank 2), the basemap with them.
        Kind::Geojson | Kind::Basemap => Some(3),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // French, accented and upper-case file names find their table; others are ignored.
    #[test]
    fn classify_by_folded_name() {
        let table = |name: &str| match classify(name) {
            Some(Kind::Table(i)) => Some(ALL[i].name),
            _ => None,
        };
        assert_eq!(table("offres.csv"), Some("offers"));
        assert_eq!(table("Équipements.CSV"), Some("venues"));
        assert_eq!(table("QUARTIERS.csv"), Some("districts"));
        assert_eq!(table("notes.csv"), None);
        assert_eq!(table("offers.xlsx"), None);
        assert!(matches!(classify("quartiers.geojson"), Some(Kind::Geojson)));
    }

    // Load order: vocabulary, districts, their GeoJSON, operators, venues, offers, partnerships.
    #[test]
    fn rank_follows_load_order() {
        let ranks: Vec<_> = [
            "data/vocabulaire.csv",
            "data/districts.csv",
            "data/districts.geojson",
            "data/acteurs.csv",
            "data/lieux.csv",
            "data/offres.csv",
            "data/partenariats.csv",
        ]
        .iter()
        .map(|f| rank(f))
        .collect();
        let mut sorted = ranks.clone();
        sorted.sort();
        assert_eq!(ranks, sorted);
        assert!(ranks.iter().all(Option::is_some));
        assert_eq!(rank("content/site.toml"), None);
    }

    // The hint lists every accepted file name.
    #[test]
    fn file_names_hint() {
        assert_eq!(file_names(&crate::load::tables::OFFERS), "data/offers.csv, offres.csv or actions.csv");
    }
}
