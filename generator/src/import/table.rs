//! The table an import writes into, read so that it can be rewritten without disturbing it.
//!
//! It is read with `load`'s own decoding and row splitting, and each record keeps the exact
//! text it had (from its first line to the next record's), so a rewrite copies untouched
//! records byte for byte and re-serialises only the records the import changes. The bytes
//! before the text (BOMs) and the encoding are kept too.

use crate::diagnostics::Diagnostics;
use crate::load::{decode, headers, rows, tables};
use anyhow::Result;
use encoding_rs::Encoding;
use std::path::{Path, PathBuf};

/// One record of the table: its cells (in the file's column order) and its text.
#[derive(Debug, Clone)]
pub struct Record {
    pub line: u32,
    pub cells: Vec<String>,
    /// The record's text in the file, line breaks after it included.
    pub raw: std::ops::Range<usize>,
}

/// A table file as found (or about to be created).
#[derive(Debug)]
pub struct TableFile {
    pub table: &'static tables::Table,
    pub path: PathBuf,
    /// How diagnostics name it: `data/operators.csv`.
    pub name: String,
    pub exists: bool,
    /// The BOMs the file started with, kept as they were.
    pub bom: Vec<u8>,
    pub encoding: &'static Encoding,
    pub text: String,
    pub delimiter: u8,
    pub newline: &'static str,
    /// The canonical field of each column (`None`: a column `load` ignores).
    pub fields: Vec<Option<&'static str>>,
    /// The header's text (up to the first record).
    pub head: std::ops::Range<usize>,
    pub records: Vec<Record>,
}

impl TableFile {
    /// Reads `table`'s file under `root/data` (`path` when `load` found it under another name).
    pub fn read(root: &Path, table: &'static tables::Table, found: Option<PathBuf>) -> Result<TableFile> {
        let path = found.unwrap_or_else(|| root.join("data").join(format!("{}.csv", table.name)));
        let name = format!("data/{}", path.file_name().and_then(|n| n.to_str()).unwrap_or(table.name));
        let Some(bytes) = crate::fs::read_optional(&path)? else {
            return Ok(TableFile::empty(table, path, name));
        };
        let bom_len = leading_boms(&bytes);
        let decoded = decode::decode(&bytes);
        let text = decoded.text;
        let mut quiet = Diagnostics::default();
        let rows = rows::read(&text, &name, &mut quiet);
        let delimiter = rows::delimiter(&text);
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let starts = line_starts(&text);
        let start_of = |line: u32| {
            let index = usize::try_from(line).unwrap_or(usize::MAX).saturating_sub(1);
            starts.get(index).copied().unwrap_or(text.len())
        };
        let mut rows = rows.into_iter();
        let header = rows.next();
        let fields = header.as_ref().map_or_else(Vec::new, |h| headers::map(table, h, &name, &mut quiet));
        let rows: Vec<rows::Row> = rows.collect();
        let head_end = rows.first().map_or(text.len(), |r| start_of(r.line));
        let mut records = Vec::with_capacity(rows.len());
        for (i, row) in rows.iter().enumerate() {
            let end = rows.get(i + 1).map_or(text.len(), |next| start_of(next.line));
            let cells = row.cells.iter().map(|c| c.value.clone()).collect();
            records.push(Record { line: row.line, cells, raw: start_of(row.line)..end });
        }
        Ok(TableFile {
            table,
            path,
            name,
            exists: true,
            bom: bytes[..bom_len].to_vec(),
            encoding: decoded.encoding,
            text,
            delimiter,
            newline,
            fields,
            head: 0..head_end,
            records,
        })
    }

    fn empty(table: &'static tables::Table, path: PathBuf, name: String) -> TableFile {
        TableFile {
            table,
            path,
            name,
            exists: false,
            bom: Vec::new(),
            encoding: encoding_rs::UTF_8,
            text: String::new(),
            delimiter: b',',
            newline: "\n",
            fields: Vec::new(),
            head: 0..0,
            records: Vec::new(),
        }
    }

    /// The column of `field`, when the file has one.
    pub fn column(&self, field: &str) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }

    /// The value of `field` in `record` (`""` when the file has no such column).
    pub fn value<'a>(&self, record: &'a Record, field: &str) -> &'a str {
        self.column(field).and_then(|i| record.cells.get(i)).map_or("", String::as_str)
    }

    /// Every record's id, in file order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.records.iter().map(|r| self.value(r, "id"))
    }
}

/// The number of bytes taken by leading UTF-8 BOMs (`decode` drops them; a rewrite keeps them).
fn leading_boms(bytes: &[u8]) -> usize {
    let mut n = 0;
    while bytes[n..].starts_with(b"\xEF\xBB\xBF") {
        n += 3;
    }
    n
}

/// The byte offset where each line starts.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
}
