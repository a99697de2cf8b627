//! The source of an import → rows of cells, the first one the header.
//!
//! A CSV goes through `load`'s own decoding (BOMs, UTF-8, UTF-16, Windows-1252) and row
//! reader (delimiter detection, quoted multi-line cells), so it is read exactly as `data/`
//! would read it; a workbook through `load::workbook` (one sheet: the mapping's `sheet`, else
//! the first); a calendar (`.ics`) through [`calendar`], one row per event.

use super::calendar;
use crate::diagnostics::suggest::closest;
use crate::diagnostics::{Diagnostics, Severity};
use crate::load::rows::Row;
use crate::load::{decode, rows, workbook};
use anyhow::Result;
use passerelle_index::fold::key as fold;
use std::path::Path;

/// A source read into rows.
#[derive(Debug)]
pub struct Sheet {
    /// How diagnostics name it: `musees.csv`, `musees.xlsx[Feuil1]`.
    pub name: String,
    /// The header first, then the records.
    pub rows: Vec<Row>,
    /// A calendar: its rows are events (virtual columns, see [`super::calendar`]).
    pub calendar: bool,
    /// Records refused while reading (a calendar's events Passerelle cannot express), reported.
    pub rejected: usize,
}

/// Reads `path`; `None` when it cannot be read as a table (reported). A calendar's times
/// are written in the site's zone `site`.
pub fn read(
    path: &Path,
    sheet: Option<&str>,
    site: chrono_tz::Tz,
    d: &mut Diagnostics,
) -> Result<Option<Sheet>> {
    let bytes = crate::fs::read(path)?;
    let name = path.display().to_string();
    if let Some(format) = workbook::Format::of(&name) {
        return Ok(read_workbook(&bytes, format, &name, sheet, d));
    }
    let decoded = decode::decode(&bytes);
    if decoded.lossy {
        d.push_at(
            Severity::Warning,
            &name,
            (1, 1),
            format!("some bytes are not valid {} and were replaced by �", decoded.encoding.name()),
            Some("check the accented letters of the imported records".into()),
        );
    }
    let text = crate::load::controls::drop_forbidden(decoded.text, &name, d);
    d.add_source(&name, &text);
    if calendar::is_calendar(&name) {
        let read = calendar::read(&text, &name, site, d);
        return Ok(read.map(|r| Sheet { name, rows: r.rows, calendar: true, rejected: r.rejected }));
    }
    let rows = rows::read(&text, &name, d);
    Ok(Some(Sheet { name, rows, calendar: false, rejected: 0 }))
}

fn read_workbook(
    bytes: &[u8],
    format: workbook::Format,
    name: &str,
    wanted: Option<&str>,
    d: &mut Diagnostics,
) -> Option<Sheet> {
    let sheets = match workbook::read(bytes, format) {
        Ok(sheets) => sheets,
        Err(message) => {
            d.push_at(Severity::Error, name, (1, 1), format!("unreadable workbook: {message}"), None);
            return None;
        }
    };
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    let index = match wanted {
        None => (!sheets.is_empty()).then_some(0),
        Some(wanted) => sheets
            .iter()
            .position(|s| s.name == wanted)
            .or_else(|| sheets.iter().position(|s| fold(&s.name) == fold(wanted))),
    };
    let Some(index) = index else {
        let hint = wanted
            .and_then(|w| closest(w, names.iter().copied()))
            .map(|c| format!("did you mean \"{c}\"?"))
            .unwrap_or_else(|| format!("its sheets are: {}", names.join(", ")));
        let message = format!("the workbook has no sheet \"{}\"", wanted.unwrap_or_default());
        d.push_at(Severity::Error, name, (1, 1), message, Some(hint));
        return None;
    };
    let mut sheet = sheets.into_iter().nth(index)?;
    let name = format!("{name}[{}]", sheet.name);
    workbook::drop_forbidden(&mut sheet.rows, &name, d);
    Some(Sheet { name, rows: sheet.rows, calendar: false, rejected: 0 })
}
