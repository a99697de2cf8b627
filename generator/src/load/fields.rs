//! Rows of cells → records of named fields, each with its [`Origin`].
//!
//! Applies the header mapping, reports rows whose cell count differs from the header's,
//! skips blank rows, and gives
//! typed access to fields: a cell that does not parse becomes a diagnostic at that cell.

use super::cells::{self, Problem};
use super::rows::Row;
use super::{headers, tables::Table};
use crate::diagnostics::{Diagnostics, Severity};
use crate::records::Origin;
use std::sync::Arc;

/// One record: its field values (trimmed; `""` when empty or absent) and where it came from.
#[derive(Debug)]
pub struct Fields {
    pub origin: Origin,
    values: Vec<(&'static str, String)>,
}

impl Fields {
    /// The value of `field`, `""` when the table has no such column.
    pub fn text(&self, field: &str) -> &str {
        self.values.iter().find(|(name, _)| *name == field).map_or("", |(_, value)| value.as_str())
    }

    /// Moves the value of `field` out (`""` when absent): building a record copies no text.
    pub fn take(&mut self, field: &str) -> String {
        self.values
            .iter_mut()
            .find(|(name, _)| *name == field)
            .map(|(_, value)| std::mem::take(value))
            .unwrap_or_default()
    }

    /// Moves the value of `field` out, `Some` when not empty.
    pub fn take_optional(&mut self, field: &str) -> Option<String> {
        Some(self.take(field)).filter(|v| !v.is_empty())
    }

    /// Moves the origin out, once every field is parsed.
    pub fn take_origin(&mut self) -> Origin {
        std::mem::take(&mut self.origin)
    }

    /// The values of a multi-valued cell.
    pub fn list(&self, field: &str) -> Vec<String> {
        cells::list(self.text(field))
    }

    /// Parses `field` with `parse`; on a problem, reports it at the cell and returns `default`.
    pub fn parse<T>(
        &self,
        field: &str,
        parse: impl Fn(&str) -> Result<T, Problem>,
        default: T,
        diagnostics: &mut Diagnostics,
    ) -> T {
        parse(self.text(field)).unwrap_or_else(|problem| {
            diagnostics.error(&self.origin, field, problem.message, problem.hint);
            default
        })
    }
}

/// The records of one table's file, `text` already decoded.
pub fn records(table: &Table, file: &str, text: &str, diagnostics: &mut Diagnostics) -> Vec<Fields> {
    records_of_rows(table, file, super::rows::read(text, file, diagnostics), diagnostics)
}

/// The records of one table's rows (from a CSV file or a workbook's sheet), header first.
pub fn records_of_rows(
    table: &Table,
    file: &str,
    rows: Vec<Row>,
    diagnostics: &mut Diagnostics,
) -> Vec<Fields> {
    let mut rows = rows.into_iter();
    let Some(header) = rows.next() else {
        diagnostics.push_at(
            Severity::Error,
            file,
            (1, 1),
            "empty file: expected a header line",
            Some(format!("the first line names the columns, such as `{}`", first_columns(table))),
        );
        return Vec::new();
    };
    let fields = headers::map(table, &header, file, diagnostics);
    let file: Arc<str> = Arc::from(file);
    let mut reported_unnamed = vec![false; fields.len()];
    let mut out = Vec::with_capacity(rows.len());
    // A row with an unclosed quote is garbage past it (reported by `rows`): not a record.
    for row in rows.filter(|r| !r.unterminated && r.cells.iter().any(|c| !c.value.is_empty())) {
        check_width(&row, fields.len(), &file, diagnostics);
        warn_unnamed(&row, &header, &mut reported_unnamed, &file, diagnostics);
        out.push(fields_of(row, &fields, &file));
    }
    out
}

fn fields_of(row: Row, fields: &[Option<&'static str>], file: &Arc<str>) -> Fields {
    let mut origin = Origin { file: Arc::clone(file), line: row.line, ..Origin::default() };
    let mut values = Vec::with_capacity(fields.len());
    // A short row's missing cells point at the end of its last cell.
    let fallback = row.cells.last().map_or((row.line, 1), |c| (c.line, c.column));
    let mut cells = row.cells.into_iter();
    for field in fields {
        let cell = cells.next();
        let Some(field) = *field else { continue };
        let (value, line, column) = match cell {
            Some(cell) => (cell.value, cell.line, cell.column),
            None => (String::new(), fallback.0, fallback.1),
        };
        origin.columns.push((field, column));
        if line != row.line {
            origin.lines.push((field, line));
        }
        values.push((field, value));
    }
    Fields { origin, values }
}

/// A row with more or fewer cells than the header is an error: its values are likely shifted
/// (an unquoted comma in a text is the usual cause).
fn check_width(row: &Row, width: usize, file: &str, diagnostics: &mut Diagnostics) {
    let count = row.cells.len();
    if count == width {
        return;
    }
    let (at, hint) = if count > width {
        let cell = &row.cells[width];
        ((cell.line, cell.column), "a cell that contains the delimiter must be in double quotes")
    } else {
        let at = row.cells.last().map_or((row.line, 1), |c| (c.line, c.column));
        (at, "a delimiter is missing, or a quoted cell is not closed")
    };
    diagnostics.push_at(
        Severity::Error,
        file,
        at,
        format!("this row has {count} cells but the header has {width}"),
        Some(hint.to_owned()),
    );
}

/// Values under a column with an empty header would be lost: say so once per column.
fn warn_unnamed(row: &Row, header: &Row, reported: &mut [bool], file: &str, diagnostics: &mut Diagnostics) {
    for (i, cell) in row.cells.iter().enumerate().take(header.cells.len()) {
        if header.cells[i].value.is_empty() && !reported[i] && !cell.value.is_empty() {
            reported[i] = true;
            diagnostics.push_at(
                Severity::Warning,
                file,
                (cell.line, cell.column),
                format!("column {} has no header: its cells are ignored", i + 1),
                Some("name the column in the header, or empty it".into()),
            );
        }
    }
}

fn first_columns(table: &Table) -> String {
    table.columns.iter().filter(|c| c.required).map(|c| c.name).collect::<Vec<_>>().join(",")
}
