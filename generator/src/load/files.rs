//! Finding each table's file in `ROOT/data`, by its English or French name.
//!
//! File names are compared folded (case, accents, separators), so `Offres.csv`,
//! `équipements.csv` and `EQUIPEMENTS.CSV` are all found. A missing required table is an error;
//! two files for one table is an error too (which one would the coordination expect?).

use super::tables::{Table, ALL};
use crate::diagnostics::suggest::fold;
use crate::diagnostics::{Diagnostics, Severity};
use anyhow::Result;
use std::path::{Path, PathBuf};

/// The stems `districts.geojson` may have.
const GEOJSON_NAMES: [&str; 2] = ["districts", "quartiers"];

/// One file to read: where it is, and how diagnostics name it (`data/offres.csv`).
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub name: String,
}

/// The files found under `data/`.
#[derive(Debug, Default)]
pub struct Found {
    /// Per table of [`ALL`], in that order.
    pub tables: Vec<Option<Source>>,
    pub geojson: Option<Source>,
}

/// Looks for every table's file in `root/data`.
pub fn find(root: &Path, diagnostics: &mut Diagnostics) -> Result<Found> {
    // Not only regular files: a table that is a link or a FIFO is found, then refused when read.
    let entries = crate::fs::entries(&root.join("data"))?;
    let mut found = Found { tables: vec![None; ALL.len()], geojson: None };
    for entry in entries {
        let file_name = entry.rel.as_str();
        let source = Source { name: format!("data/{file_name}"), path: entry.path.clone() };
        let slot = match classify(file_name) {
            Some(Kind::Table(i)) => &mut found.tables[i],
            Some(Kind::Geojson) => &mut found.geojson,
            None => continue,
        };
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

enum Kind {
    Table(usize),
    Geojson,
}

fn classify(file_name: &str) -> Option<Kind> {
    let (stem, extension) = file_name.rsplit_once('.')?;
    let (stem, extension) = (fold(stem), extension.to_ascii_lowercase());
    match extension.as_str() {
        "csv" => ALL.iter().position(|t| names(t).any(|n| fold(n) == stem)).map(Kind::Table),
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
    match classify(file_name)? {
        Kind::Table(i) => Some(2 * i),
        // Right after districts (table 1, rank 2).
        Kind::Geojson => Some(3),
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
