//! Stage `load`: `data/*.csv` (+ `districts.geojson`, `basemap.geojson`) → typed [`Records`].
//!
//! Steps, one module each: [`files`] finds each table's file (English or French name);
//! [`decode`] turns bytes into text (BOMs, UTF-8, UTF-16, Windows-1252); [`controls`] drops
//! the control characters nobody means to publish; [`rows`] splits the
//! text into cells that know their line and column; [`headers`] maps columns to fields by
//! name or alias ([`tables`] lists them); [`fields`] gives each record an [`Origin`] and typed
//! access, parsing cells with [`cells`]; [`build`] makes the record types; [`geojson`] reads
//! the district outlines; [`workbook`] reads `data/` kept as one workbook (a sheet per
//! table) into the same rows. Every problem in a file is a diagnostic; only I/O fails.
//!
//! [`Origin`]: crate::records::Origin

pub mod build;
pub mod cells;
pub mod content;
pub mod controls;
pub mod decode;
pub mod fields;
pub mod files;
pub mod geojson;
pub mod headers;
pub mod participation;
pub mod rows;
pub mod tables;
pub mod when;
pub mod workbook;

use crate::diagnostics::{Diagnostics, Severity};
use crate::model::Records;
use anyhow::Result;
use fields::Fields;
use files::Source;
use std::path::Path;

/// Reads every table under `root/data`. Problems in the files are pushed to `diagnostics`;
/// an `Err` means a file could not be read at all.
pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> Result<Records> {
    let files::Found { tables: sources, geojson, basemap: found_basemap } = files::find(root, diagnostics)?;
    let mut tables = Vec::with_capacity(tables::ALL.len());
    for (table, source) in tables::ALL.iter().zip(sources) {
        tables.push(match source {
            // A workbook's sheet: its rows were read with the workbook.
            Some(Source { rows: Some(rows), name, .. }) => {
                fields::records_of_rows(table, &name, rows, diagnostics)
            }
            Some(source) => {
                let text = read_text(&source, diagnostics)?;
                fields::records(table, &source.name, &text, diagnostics)
            }
            None => Vec::new(),
        });
    }
    let [vocabulary, districts, operators, venues, offers, partnerships, holidays, draws, volunteers, requests]: [Vec<Fields>; 10] =
        tables.try_into().map_err(|_| anyhow::anyhow!("one list per table"))?;
    let mut records = Records {
        vocabulary: build_all(vocabulary, build::vocabulary, diagnostics),
        districts: build_all(districts, build::district, diagnostics),
        operators: build_all(operators, build::operator, diagnostics),
        venues: build_all(venues, build::venue, diagnostics),
        offers: build_all(offers, build::offer, diagnostics),
        partnerships: build_all(partnerships, build::partnership, diagnostics),
        draws: build_all(draws, participation::draw, diagnostics),
        volunteers: build_all(volunteers, participation::volunteer, diagnostics),
        requests: build_all(requests, participation::request, diagnostics),
        holidays: build_all(holidays, build::holiday, diagnostics),
        ..Records::default()
    };
    if let Some(source) = &geojson {
        let text = read_text(source, diagnostics)?;
        let (shapes, origins) = geojson::shapes(&text, &source.name, diagnostics).into_iter().unzip();
        records.shapes = shapes;
        records.shape_origins = origins;
    }
    if let Some(source) = &found_basemap {
        let text = read_text(source, diagnostics)?;
        records.basemap = geojson::basemap::features(&text, &source.name, diagnostics)
            .into_iter()
            .map(|(f, _)| f)
            .collect();
    }
    Ok(records)
}

fn build_all<T>(
    rows: Vec<Fields>,
    build: fn(Fields, &mut Diagnostics) -> T,
    diagnostics: &mut Diagnostics,
) -> Vec<T> {
    rows.into_iter().map(|fields| build(fields, diagnostics)).collect()
}

/// A file's decoded text, remembered by `diagnostics` for source excerpts; empty when the file
/// is not a regular one (a link, a FIFO, a device: refused, see [`crate::fs::read_input`]).
fn read_text(source: &Source, diagnostics: &mut Diagnostics) -> Result<String> {
    let bytes = match crate::fs::read_input(&source.path)? {
        crate::fs::Input::File(bytes) => bytes,
        crate::fs::Input::Missing => Vec::new(),
        crate::fs::Input::Refused(what) => {
            diagnostics.push_at(
                Severity::Error,
                &source.name,
                (1, 1),
                format!("{what}: refused (Passerelle reads only the project's own regular files)"),
                Some("put a copy of the file itself in data/ instead of a link".into()),
            );
            return Ok(String::new());
        }
    };
    let decoded = decode::decode(&bytes);
    if decoded.lossy {
        diagnostics.push_at(
            Severity::Error,
            &source.name,
            (1, 1),
            format!("some bytes are not valid {} and were replaced by �", decoded.encoding.name()),
            Some("save the file as UTF-8 (\"CSV UTF-8\" in the spreadsheet's save dialog)".into()),
        );
    }
    if let Some(mixed) = &decoded.mixed {
        let others = match mixed.count - 1 {
            0 => String::new(),
            1 => " (and 1 more byte)".to_owned(),
            n => format!(" (and {n} more bytes)"),
        };
        diagnostics.push_at(
            Severity::Warning,
            &source.name,
            (mixed.line, mixed.column),
            format!(
                "byte 0x{:02X} is not UTF-8 in a file that otherwise is: read as Windows-1252 \"{}\"{others}",
                mixed.byte, mixed.read_as
            ),
            Some("check the text there, then save the file as UTF-8 (\"CSV UTF-8\" in the spreadsheet's save dialog)".into()),
        );
    }
    let text = controls::drop_forbidden(decoded.text, &source.name, diagnostics);
    diagnostics.add_source(&source.name, &text);
    Ok(text)
}

#[cfg(test)]
mod tests;
