//! Workbooks (`.xlsx`, `.ods`) → the same [`Row`]s the CSV reader produces.
//!
//! calamine reads the file; each sheet becomes rows of trimmed text cells whose `line` is the
//! sheet's row number and `column` the column's index (1 = `A`), so a diagnostic names
//! `charte.xlsx[offres]:14:F` (the renderer spells the column, see
//! [`crate::diagnostics::render::column_letters`]). Numbers a spreadsheet stored as numbers come out as they were
//! typed (`4020`, not `4020.0`), dates as ISO `2026-06-15` (times as `14:30`). A damaged file is
//! a message, never a panic: calamine runs behind `catch_unwind` since it parses untrusted zips.

use super::rows::{Cell, Row};
use calamine::{Data, Ods, Range, Reader, Xlsx};
use std::io::Cursor;

/// The workbook formats read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Ods,
}

impl Format {
    /// The format of a file named `name`, from its extension (`.xlsx`, `.xlsm`, `.ods`).
    pub fn of(name: &str) -> Option<Format> {
        let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match extension.as_str() {
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            "ods" => Some(Format::Ods),
            _ => None,
        }
    }
}

/// One sheet: its name and its rows (the first is the header), blank rows left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Row>,
}

/// Every sheet of a workbook, in the workbook's order; `Err` says why the file is unreadable.
pub fn read(bytes: &[u8], format: Format) -> Result<Vec<Sheet>, String> {
    let bytes = bytes.to_vec();
    std::panic::catch_unwind(move || read_unguarded(bytes, format))
        .unwrap_or_else(|_| Err("the workbook is damaged (its reader gave up)".to_owned()))
}

fn read_unguarded(bytes: Vec<u8>, format: Format) -> Result<Vec<Sheet>, String> {
    let cursor = Cursor::new(bytes);
    let sheets = match format {
        Format::Xlsx => {
            let mut book: Xlsx<_> =
                calamine::open_workbook_from_rs(cursor).map_err(|e: calamine::XlsxError| e.to_string())?;
            book.worksheets()
        }
        Format::Ods => {
            let mut book: Ods<_> =
                calamine::open_workbook_from_rs(cursor).map_err(|e: calamine::OdsError| e.to_string())?;
            book.worksheets()
        }
    };
    Ok(sheets.into_iter().map(|(name, range)| Sheet { rows: rows(&range), name }).collect())
}

/// The rows of a sheet, numbered as the spreadsheet shows them.
fn rows(range: &Range<Data>) -> Vec<Row> {
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut out = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        let line = first_row.saturating_add(u32::try_from(i).unwrap_or(u32::MAX)).saturating_add(1);
        let cells: Vec<Cell> = cells
            .iter()
            .enumerate()
            .map(|(j, data)| Cell {
                value: text(data),
                line,
                column: first_column.saturating_add(u32::try_from(j).unwrap_or(u32::MAX)).saturating_add(1),
            })
            .collect();
        if cells.iter().any(|c| !c.value.is_empty()) {
            out.push(Row { line, cells, unterminated: false });
        }
    }
    out
}

/// A cell as the text a CSV export of it would hold.
fn text(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_owned(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
        Data::DateTime(d) => match d.as_datetime() {
            Some(t) if d.as_f64() < 1.0 => t.format("%H:%M").to_string(),
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.format("%Y-%m-%d").to_string(),
            Some(t) => t.format("%Y-%m-%d %H:%M").to_string(),
            None => number(d.as_f64()),
        },
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// `4020` for 4020.0, `50.6401` as is: what was typed, not the float's debug form.
fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{f:.0}")
    } else {
        f.to_string()
    }
}

/// Drops the control characters and noncharacters of every cell (as [`super::controls`]
/// does for a CSV file's text), one warning per cell that had some.
pub fn drop_forbidden(rows: &mut [Row], file: &str, diagnostics: &mut crate::Diagnostics) {
    use crate::text::{code_point, is_forbidden};
    for cell in rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
        if let Some(c) = cell.value.chars().find(|c| is_forbidden(*c)) {
            diagnostics.push_at(
                crate::Severity::Warning,
                file,
                (cell.line, cell.column),
                format!("control character {} dropped", code_point(c)),
                Some("it is invisible and breaks feeds and terminals: delete it in the cell".into()),
            );
            cell.value.retain(|c| !is_forbidden(c));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Numbers read as typed, not as floats; booleans as yes/no.
    #[test]
    fn cell_text() {
        assert_eq!(text(&Data::Float(4020.0)), "4020");
        assert_eq!(text(&Data::Float(50.6401)), "50.6401");
        assert_eq!(text(&Data::Bool(true)), "yes");
        assert_eq!(text(&Data::String("  Liège ".into())), "Liège");
    }

    // A control character in a cell is dropped, with a warning at the cell.
    #[test]
    fn control_characters_dropped() {
        let mut rows = vec![Row {
            line: 3,
            cells: vec![Cell { value: "a\u{1b}[2Jb".into(), line: 3, column: 6 }],
            unterminated: false,
        }];
        let mut d = crate::Diagnostics::default();
        drop_forbidden(&mut rows, "c.xlsx[offres]", &mut d);
        assert_eq!(rows[0].cells[0].value, "a[2Jb");
        let w = d.iter().next().map(|w| (w.line, w.column));
        assert_eq!(w, Some((3, 6)));
    }

    // Garbage is an error message, not a panic.
    #[test]
    fn garbage_is_an_error() {
        assert!(read(b"not a zip", Format::Xlsx).is_err());
        assert!(read(b"PK\x03\x04garbage", Format::Ods).is_err());
        assert_eq!(Format::of("Musees.XLSX"), Some(Format::Xlsx));
        assert_eq!(Format::of("a.csv"), None);
    }
}
