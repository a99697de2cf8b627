//! What a source said last time: `data/import-state/<source>.csv`, one row per source key.
//!
//! A re-import compares three values of each field: the source's previous value (here), its
//! new value, and the table's current one. The source unchanged → the table is left alone
//! (a hand edit is kept); the source changed and the table still holds the previous value →
//! updated; both changed → a conflict, the table's value kept. Storing the values rather than
//! hashes keeps the file readable and the conflict report able to say what the source said.
//! `load` reads no sub-folder of `data/`, so this file never becomes a table.

use crate::diagnostics::Diagnostics;
use crate::load::{decode, rows};
use anyhow::Result;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The previous values of one source: key → field → value.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct State {
    pub path: PathBuf,
    pub rows: BTreeMap<String, BTreeMap<String, String>>,
}

impl State {
    /// The state of source `name` under `root` (empty when never imported).
    pub fn read(root: &Path, name: &str) -> Result<State> {
        let path = root.join("data").join("import-state").join(format!("{}.csv", file_stem(name)));
        let mut state = State { path, rows: BTreeMap::new() };
        let Some(bytes) = crate::fs::read_optional(&state.path)? else { return Ok(state) };
        let text = decode::decode(&bytes).text;
        let mut rows = rows::read(&text, "import-state", &mut Diagnostics::default()).into_iter();
        let Some(header) = rows.next() else { return Ok(state) };
        let names: Vec<String> = header.cells.iter().map(|c| c.value.clone()).collect();
        for row in rows {
            let mut values = BTreeMap::new();
            let mut key = None;
            for (name, cell) in names.iter().zip(row.cells) {
                if name == "key" {
                    key = Some(cell.value);
                } else if !cell.value.is_empty() {
                    values.insert(name.clone(), cell.value);
                }
            }
            if let Some(key) = key {
                state.rows.insert(key, values);
            }
        }
        Ok(state)
    }

    /// The previous value of `field` for `key`, when that key was imported with a value there.
    pub fn previous(&self, key: &str, field: &str) -> Option<&str> {
        self.rows.get(key)?.get(field).map(String::as_str)
    }

    /// The file's bytes: `key` then the fields in name order, rows by key.
    pub fn to_csv(&self) -> Vec<u8> {
        let mut fields: Vec<&str> = self.rows.values().flat_map(|r| r.keys().map(String::as_str)).collect();
        fields.sort_unstable();
        fields.dedup();
        let mut writer = csv::Writer::from_writer(Vec::new());
        let header: Vec<&str> = std::iter::once("key").chain(fields.iter().copied()).collect();
        // Writing into a Vec cannot fail.
        let _ = writer.write_record(&header);
        for (key, values) in &self.rows {
            let row = std::iter::once(key.as_str())
                .chain(fields.iter().map(|f| values.get(*f).map_or("", String::as_str)));
            let _ = writer.write_record(row);
        }
        writer.into_inner().unwrap_or_default()
    }
}

/// A source name as a file name: `Museofile 2026` → `museofile-2026`.
pub fn file_stem(name: &str) -> String {
    let slug = passerelle_index::fold::slug(name);
    if slug.is_empty() {
        "source".to_owned()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // What is written is read back the same.
    #[test]
    fn round_trip() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut state = State::read(dir.path(), "Musées 2026").expect("read");
        assert!(state.path.ends_with("import-state/musees-2026.csv"));
        let row = BTreeMap::from([("name".to_owned(), "Musée, \"grand\"".to_owned())]);
        state.rows.insert("M1".into(), row);
        std::fs::create_dir_all(state.path.parent().expect("folder")).expect("mkdir");
        std::fs::write(&state.path, state.to_csv()).expect("write");
        let back = State::read(dir.path(), "Musées 2026").expect("read");
        assert_eq!(back, state);
        assert_eq!(back.previous("M1", "name"), Some("Musée, \"grand\""));
    }
}
