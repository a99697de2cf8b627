//! `data/districts.geojson` → district outlines ([`Shape`]); `data/basemap.geojson` → the
//! basemap's features ([`basemap`]).
//!
//! A FeatureCollection of Polygon or MultiPolygon features, each with `properties.id` = a
//! district id (whether that id exists is checked by `validate`). Invalid JSON is an error at
//! serde_json's line and column. A JSON value carries no position, so [`scan`] finds where
//! each feature starts in the text: a feature's problems point at its id in it (the line a
//! person would look at), or at the feature itself when it has no id. Rings must be closed
//! (RFC 7946: the last position repeats the first); whether they cross themselves or each
//! other is `validate`'s (`validate::geography`). Linear in features and positions.

use crate::diagnostics::{Diagnostics, Severity};
use crate::records::{Origin, Shape};
use scan::Cursor;
use serde_json::Value;
use std::collections::HashSet;
use std::sync::Arc;

pub mod basemap;
mod scan;

type Ring = Vec<(f64, f64)>;

/// The outlines of `text`, each with where its feature is.
pub fn shapes(text: &str, file: &str, diagnostics: &mut Diagnostics) -> Vec<(Shape, Origin)> {
    let Some(root) = collection(text, file, diagnostics) else { return Vec::new() };
    let features = root["features"].as_array().map(Vec::as_slice).unwrap_or_default();
    let file: Arc<str> = Arc::from(file);
    let starts = scan::feature_starts(text);
    let mut cursor = Cursor::new(text);
    let mut seen = HashSet::new();
    let mut out: Vec<(Shape, Origin)> = Vec::new();
    for (i, feature) in features.iter().enumerate() {
        // The feature's own text: from its start to the next one's (the whole text if the
        // scan and serde_json disagree, which valid JSON does not allow).
        let span = span(&starts, i, features.len(), text.len());
        let Some(id) = feature["properties"]["id"].as_str().map(str::trim).filter(|id| !id.is_empty()) else {
            let message = format!("feature #{} has no `properties.id` (the district id)", i + 1);
            let hint = Some("add \"properties\": {\"id\": \"<the district's id>\"}".to_owned());
            diagnostics.push_at(Severity::Error, &file, cursor.at(span.start), message, hint);
            continue;
        };
        let origin = locate(text, span, id, &file, &mut cursor);
        let polygons = match polygons(&feature["geometry"]) {
            Ok(polygons) => polygons,
            Err(message) => {
                diagnostics.error(&origin, "id", format!("outline of \"{id}\": {message}"), None);
                continue;
            }
        };
        if !seen.insert(id.to_owned()) {
            let hint = Some("merge the outlines into one MultiPolygon".to_owned());
            diagnostics.error(&origin, "id", format!("a second outline for district \"{id}\""), hint);
            continue;
        }
        out.push((Shape { district: id.to_owned(), polygons }, origin));
    }
    out
}

/// The root of a GeoJSON FeatureCollection (its `features` is an array), or `None` with the
/// diagnostic: invalid JSON at serde_json's line and column, another kind of JSON at 1:1.
fn collection(text: &str, file: &str, diagnostics: &mut Diagnostics) -> Option<Value> {
    let root: Value = match serde_json::from_str(text) {
        Ok(root) => root,
        Err(error) => {
            let message = error.to_string();
            let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
            let line = u32::try_from(error.line()).unwrap_or(u32::MAX);
            let column = char_column(text, error.line(), error.column());
            diagnostics.push_at(
                Severity::Error,
                file,
                (line, column),
                format!("invalid JSON: {message}"),
                None,
            );
            return None;
        }
    };
    match (&root["type"], root["features"].as_array()) {
        (Value::String(kind), Some(_)) if kind == "FeatureCollection" => Some(root),
        _ => {
            let hint = Some("expected {\"type\": \"FeatureCollection\", \"features\": [...]}".to_owned());
            diagnostics.push_at(Severity::Error, file, (1, 1), "not a GeoJSON FeatureCollection", hint);
            None
        }
    }
}

/// The span of feature `i` of `count` in the text, given where the scan found them start.
fn span(starts: &[usize], i: usize, count: usize, len: usize) -> std::ops::Range<usize> {
    match (starts.get(i), starts.get(i + 1)) {
        (Some(&start), Some(&end)) if starts.len() == count => start..end,
        (Some(&start), None) if starts.len() == count => start..len,
        _ => 0..len,
    }
}

/// A Polygon's or MultiPolygon's rings, checked.
fn polygons(geometry: &Value) -> Result<Vec<Vec<Ring>>, String> {
    let coordinates = &geometry["coordinates"];
    let polygons = match geometry["type"].as_str() {
        Some("Polygon") => vec![polygon(coordinates)?],
        Some("MultiPolygon") => array(coordinates)?.iter().map(polygon).collect::<Result<_, _>>()?,
        Some(other) => return Err(format!("a {other} geometry; expected a Polygon or MultiPolygon")),
        None => return Err("no geometry type; expected a Polygon or MultiPolygon".into()),
    };
    if polygons.is_empty() {
        return Err("an empty MultiPolygon".into());
    }
    Ok(polygons)
}

fn polygon(value: &Value) -> Result<Vec<Ring>, String> {
    let rings: Vec<Ring> = array(value)?.iter().map(ring).collect::<Result<_, _>>()?;
    if rings.is_empty() {
        return Err("a polygon without rings".into());
    }
    Ok(rings)
}

fn ring(value: &Value) -> Result<Ring, String> {
    let ring: Ring = array(value)?.iter().map(position).collect::<Result<_, _>>()?;
    if ring.len() < 3 {
        return Err(format!("a ring of {} positions; a polygon needs at least 3", ring.len()));
    }
    let (first, last) = (ring[0], ring[ring.len() - 1]);
    if first != last {
        return Err(format!(
            "a ring is not closed: it ends at [{}, {}] instead of repeating its first position [{}, {}]",
            last.0, last.1, first.0, first.1
        ));
    }
    if ring.len() < 4 {
        return Err("a closed ring of 3 positions has no area; it needs at least 4".into());
    }
    Ok(ring)
}

/// `[lon, lat]` (a third number, the altitude, is ignored).
fn position(value: &Value) -> Result<(f64, f64), String> {
    let numbers = array(value)?;
    match numbers.iter().map(Value::as_f64).collect::<Vec<_>>()[..] {
        [Some(lon), Some(lat), ..] if (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat) => {
            Ok((lon, lat))
        }
        [Some(lon), Some(lat), ..] => {
            Err(format!("position [{lon}, {lat}] is not [longitude, latitude] in degrees"))
        }
        _ => Err(format!("position {value} is not [longitude, latitude]")),
    }
}

fn array(value: &Value) -> Result<&Vec<Value>, String> {
    value.as_array().ok_or_else(|| format!("expected an array of coordinates, found {}", kind(value)))
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Where `id` first appears as a JSON string in the feature's `span` of the text (else the
/// feature's start), as an origin whose `id` column is there.
fn locate(
    text: &str,
    span: std::ops::Range<usize>,
    id: &str,
    file: &Arc<str>,
    cursor: &mut Cursor<'_>,
) -> Origin {
    locate_field(text, span, id, "id", file, cursor)
}

/// Where the JSON string `value` first appears in `span` (else the span's start), as an origin
/// whose `field` column is there.
fn locate_field(
    text: &str,
    span: std::ops::Range<usize>,
    value: &str,
    field: &'static str,
    file: &Arc<str>,
    cursor: &mut Cursor<'_>,
) -> Origin {
    let needle = serde_json::to_string(value).unwrap_or_default();
    let within =
        text.get(span.clone()).and_then(|t| t.find(&needle)).map_or(span.start, |at| span.start + at);
    let (line, column) = cursor.at(within);
    Origin { file: Arc::clone(file), line, columns: vec![(field, column)], lines: Vec::new() }
}

/// serde_json's byte column on 1-based `line`, as a 1-based character column.
fn char_column(text: &str, line: usize, byte_column: usize) -> u32 {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else { return 1 };
    let count = line_text.char_indices().take_while(|(i, _)| *i < byte_column.saturating_sub(1)).count();
    u32::try_from(count + 1).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests;
