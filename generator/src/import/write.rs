//! `--write`: the new table text, checked on a copy of `data/`, then swapped in atomically.
//!
//! [`compose`] keeps every untouched record's text as it was (a column the import adds is one
//! delimiter more at the end of its line), re-serialises the changed ones with `csv` in the
//! file's delimiter and line ending, and appends the new ones. [`commit`] first runs `check`
//! on a copy of `data/` holding the new files: when it finds an error nothing is written.
//! Each file is then written to a temporary file in its own folder and renamed over the old
//! one, so a reader (or a crash) sees the old file or the new one, never half of one.

use super::table::TableFile;
use anyhow::{bail, Context, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What changes in a table.
#[derive(Debug, Default)]
pub struct Plan {
    /// Canonical columns the file lacks and the import fills (appended to the header).
    pub added_columns: Vec<&'static str>,
    /// New values of existing records, by record index.
    pub changes: BTreeMap<usize, Vec<(&'static str, String)>>,
    /// New records, as (field, value) lists.
    pub appended: Vec<Vec<(&'static str, String)>>,
}

impl Plan {
    /// Whether the plan changes nothing.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.appended.is_empty()
    }
}

/// The table's new bytes (same encoding, same BOM).
pub fn compose(file: &TableFile, plan: &Plan) -> Result<Vec<u8>> {
    let mut fields: Vec<Option<&'static str>> = file.fields.clone();
    let mut text = String::with_capacity(file.text.len() + plan.appended.len() * 200);
    let delimiter = char::from(file.delimiter);
    let added = plan.added_columns.iter().filter(|f| !fields.contains(&Some(f))).count();
    if file.exists && !file.text.trim().is_empty() {
        let head = &file.text[file.head.clone()];
        push_extended(&mut text, head, added, delimiter, file.newline, &plan.added_columns);
    } else {
        let names: Vec<&str> = plan.added_columns.to_vec();
        text.push_str(&line(&names.iter().map(|s| s.to_string()).collect::<Vec<_>>(), file));
        fields.clear();
    }
    fields.extend(plan.added_columns.iter().filter(|f| !file.fields.contains(&Some(f))).map(|f| Some(*f)));
    for (i, record) in file.records.iter().enumerate() {
        let raw = &file.text[record.raw.clone()];
        match plan.changes.get(&i) {
            None => push_extended(&mut text, raw, added, delimiter, file.newline, &[]),
            Some(changes) => {
                let mut cells = record.cells.clone();
                cells.resize(fields.len(), String::new());
                for (field, value) in changes {
                    if let Some(c) = fields.iter().position(|f| *f == Some(field)) {
                        cells[c] = value.clone();
                    }
                }
                let trailing = &raw[raw.trim_end_matches(['\r', '\n']).len()..];
                let serialised = line(&cells, file);
                text.push_str(serialised.trim_end_matches(['\r', '\n']));
                text.push_str(if trailing.is_empty() { file.newline } else { trailing });
            }
        }
    }
    if !text.is_empty() && !text.ends_with('\n') && !plan.appended.is_empty() {
        text.push_str(file.newline);
    }
    for record in &plan.appended {
        let cells: Vec<String> = fields
            .iter()
            .map(|f| {
                f.and_then(|f| record.iter().find(|(n, _)| *n == f))
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            })
            .collect();
        text.push_str(&line(&cells, file));
    }
    encode(file, &text)
}

/// `raw` with `added` empty cells (or the `names` of the added columns, for the header)
/// before its line break.
fn push_extended(out: &mut String, raw: &str, added: usize, delimiter: char, newline: &str, names: &[&str]) {
    let body = raw.trim_end_matches(['\r', '\n']);
    out.push_str(body);
    let extra: Vec<&str> = names.iter().copied().take(added).collect();
    for i in 0..added {
        out.push(delimiter);
        out.push_str(extra.get(i).copied().unwrap_or(""));
    }
    let trailing = &raw[body.len()..];
    out.push_str(if trailing.is_empty() && added > 0 { newline } else { trailing });
}

/// One CSV record in the file's dialect, line break included.
fn line(cells: &[String], file: &TableFile) -> String {
    let terminator = if file.newline == "\r\n" { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') };
    let mut writer =
        csv::WriterBuilder::new().delimiter(file.delimiter).terminator(terminator).from_writer(Vec::new());
    // Writing into a Vec cannot fail; a failure would leave an empty line, caught by `check`.
    let _ = writer.write_record(cells);
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The text in the file's own encoding, after its BOMs.
fn encode(file: &TableFile, text: &str) -> Result<Vec<u8>> {
    let mut bytes = file.bom.clone();
    if file.encoding == encoding_rs::UTF_8 {
        bytes.extend_from_slice(text.as_bytes());
        return Ok(bytes);
    }
    if file.encoding.output_encoding() != file.encoding {
        bail!("{} is {}: save it as UTF-8 before importing into it", file.name, file.encoding.name());
    }
    let (encoded, _, unmappable) = file.encoding.encode(text);
    if unmappable {
        bail!(
            "{} is {} and the imported text has characters it cannot hold: save it as UTF-8 first",
            file.name,
            file.encoding.name()
        );
    }
    bytes.extend_from_slice(&encoded);
    Ok(bytes)
}

/// Writes `files` (path → bytes) under `root`, after `check` found no error in a copy of
/// `data/` holding them. `Ok(Err(diagnostics))` when it found some (nothing written).
pub fn commit(
    root: &Path,
    files: &[(PathBuf, Vec<u8>)],
    options: &crate::Options,
) -> Result<Result<(), crate::Diagnostics>> {
    let staging = Staging::new(root)?;
    for (path, bytes) in files {
        let relative = path.strip_prefix(root).context("an import writes under its root only")?;
        let target = staging.root.join(relative);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("failed to create `{}`", parent.display()))?;
        }
        std::fs::write(&target, bytes).with_context(|| format!("failed to write `{}`", target.display()))?;
    }
    let checked = crate::check(&staging.root, options)?;
    if checked.diagnostics.has_errors() {
        return Ok(Err(checked.diagnostics));
    }
    for (path, bytes) in files {
        crate::fs::replace(path, bytes)?;
    }
    Ok(Ok(()))
}

/// A copy of `root/data` (files only: `load` reads no sub-folder) and of `root/content`
/// (what `check` also reads: site.toml, pages, templates) in a temporary folder, removed when
/// dropped.
struct Staging {
    root: PathBuf,
}

impl Staging {
    fn new(root: &Path) -> Result<Staging> {
        let base = std::env::temp_dir().join(format!("passerelle-import-{}-{}", std::process::id(), nanos()));
        let data = base.join("data");
        std::fs::create_dir_all(&data).with_context(|| format!("failed to create `{}`", data.display()))?;
        let staging = Staging { root: base };
        for entry in crate::fs::entries(&root.join("data"))? {
            copy(&entry.path, &data.join(&entry.rel))?;
        }
        for entry in crate::fs::walk(&root.join("content"))? {
            copy(&entry.path, &staging.root.join("content").join(&entry.rel))?;
        }
        Ok(staging)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// Copies a regular file; a link or a FIFO is left out (`check` refuses it in the project
/// itself, which is checked before anything is staged).
fn copy(from: &Path, to: &Path) -> Result<()> {
    if !std::fs::symlink_metadata(from).is_ok_and(|m| m.is_file()) {
        return Ok(());
    }
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("failed to create `{}`", parent.display()))?;
    }
    std::fs::copy(from, to).with_context(|| format!("failed to copy `{}`", from.display()))?;
    Ok(())
}

fn nanos() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos())
}

#[cfg(test)]
mod tests;
