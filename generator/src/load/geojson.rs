//! `data/districts.geojson` → district outlines ([`Shape`]).
//!
//! A FeatureCollection of Polygon or MultiPolygon features, each with `properties.id` = a
//! district id (whether that id exists is checked by `validate`). Invalid JSON is an error at
//! serde_json's line and column. A JSON value carries no position, so a feature's problems
//! point at the first occurrence of its id in the file: the line a person would look at.

use crate::diagnostics::{Diagnostics, Severity};
use crate::model::records::{Origin, Shape};
use serde_json::Value;
use std::sync::Arc;

type Ring = Vec<(f64, f64)>;

/// The outlines of `text`, each with where its feature is.
pub fn shapes(text: &str, file: &str, diagnostics: &mut Diagnostics) -> Vec<(Shape, Origin)> {
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
            return Vec::new();
        }
    };
    let features = match (&root["type"], root["features"].as_array()) {
        (Value::String(kind), Some(features)) if kind == "FeatureCollection" => features,
        _ => {
            let hint = Some("expected {\"type\": \"FeatureCollection\", \"features\": [...]}".to_owned());
            diagnostics.push_at(Severity::Error, file, (1, 1), "not a GeoJSON FeatureCollection", hint);
            return Vec::new();
        }
    };
    let file: Arc<str> = Arc::from(file);
    let mut out: Vec<(Shape, Origin)> = Vec::new();
    for (i, feature) in features.iter().enumerate() {
        let Some(id) = feature["properties"]["id"].as_str().map(str::trim).filter(|id| !id.is_empty()) else {
            let message = format!("feature #{} has no `properties.id` (the district id)", i + 1);
            diagnostics.push_at(Severity::Error, &file, (0, 0), message, None);
            continue;
        };
        let origin = locate(text, id, &file);
        let polygons = match polygons(&feature["geometry"]) {
            Ok(polygons) => polygons,
            Err(message) => {
                diagnostics.error(&origin, "id", format!("outline of \"{id}\": {message}"), None);
                continue;
            }
        };
        if out.iter().any(|(s, _)| s.district == id) {
            let hint = Some("merge the outlines into one MultiPolygon".to_owned());
            diagnostics.error(&origin, "id", format!("a second outline for district \"{id}\""), hint);
            continue;
        }
        out.push((Shape { district: id.to_owned(), polygons }, origin));
    }
    out
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

/// Where `id` first appears as a JSON string, as an origin whose `id` column is there.
fn locate(text: &str, id: &str, file: &Arc<str>) -> Origin {
    let needle = serde_json::to_string(id).unwrap_or_default();
    let (line, column) = text.find(&needle).map_or((0, 0), |at| {
        let before = &text[..at];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = before.matches('\n').count() + 1;
        (
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(before[line_start..].chars().count() + 1).unwrap_or(u32::MAX),
        )
    });
    Origin { file: Arc::clone(file), line, columns: vec![("id", column)], lines: Vec::new() }
}

/// serde_json's byte column on 1-based `line`, as a 1-based character column.
fn char_column(text: &str, line: usize, byte_column: usize) -> u32 {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else { return 1 };
    let count = line_text.char_indices().take_while(|(i, _)| *i < byte_column.saturating_sub(1)).count();
    u32::try_from(count + 1).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests;
