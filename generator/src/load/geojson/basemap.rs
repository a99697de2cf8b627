//! `data/basemap.geojson` [fond_de_carte] → the basemap's features ([`MapFeature`]): what lets a
//! resident find their way on the maps. Each feature has `properties.kind` (`water`, `road`,
//! `rail`, `park`, `landmark`, or in French `eau`, `rue`, `voie_ferrée`, `parc`, `repère`) and
//! a `name`; a landmark is a Point, the others LineStrings, MultiLineStrings, Polygons or
//! MultiPolygons. A problem points at the feature's `kind` (or the feature's start); a missing
//! name is a warning (the feature is drawn, unnamed). Linear in features and positions.

use super::scan::{self, Cursor};
use super::{array, locate_field, polygon, position, span};
use crate::diagnostics::Diagnostics;
use crate::records::{MapFeature, MapGeometry, Origin};
use passerelle_index::BaseKind;
use serde_json::Value;
use std::sync::Arc;

/// The kinds, each with its French alias.
const KINDS: [(&str, &str, BaseKind); 5] = [
    ("water", "eau", BaseKind::Water),
    ("road", "rue", BaseKind::Road),
    ("rail", "voie_ferrée", BaseKind::Rail),
    ("park", "parc", BaseKind::Park),
    ("landmark", "repère", BaseKind::Landmark),
];

/// The features of `text`, each with where it is.
pub fn features(text: &str, file: &str, diagnostics: &mut Diagnostics) -> Vec<(MapFeature, Origin)> {
    let Some(root) = super::collection(text, file, diagnostics) else { return Vec::new() };
    let features = root["features"].as_array().map(Vec::as_slice).unwrap_or_default();
    let file: Arc<str> = Arc::from(file);
    let starts = scan::feature_starts(text);
    let mut cursor = Cursor::new(text);
    let mut out = Vec::new();
    for (i, feature) in features.iter().enumerate() {
        let span = span(&starts, i, features.len(), text.len());
        let properties = &feature["properties"];
        let written = properties["kind"].as_str().unwrap_or_default().trim();
        let origin = locate_field(text, span, written, "kind", &file, &mut cursor);
        let Some(kind) = kind(written) else {
            let message = if written.is_empty() {
                format!("feature #{} has no `properties.kind`", i + 1)
            } else {
                format!("unknown basemap kind \"{written}\"")
            };
            let hint =
                Some("one of water, road, rail, park, landmark (eau, rue, voie_ferrée, parc, repère)".into());
            diagnostics.error(&origin, "kind", message, hint);
            continue;
        };
        let name = properties["name"].as_str().or(properties["nom"].as_str()).unwrap_or_default().trim();
        if name.is_empty() {
            let hint = Some("add \"name\": \"…\" to its properties, so the map can name it".into());
            diagnostics.warning(&origin, "kind", format!("a {} without a name", kind.code()), hint);
        }
        match geometry(&feature["geometry"], kind) {
            Ok(geometry) => out.push((MapFeature { kind, name: name.to_owned(), geometry }, origin)),
            Err(message) => {
                diagnostics.error(&origin, "kind", format!("{} \"{name}\": {message}", kind.code()), None)
            }
        }
    }
    out
}

fn kind(written: &str) -> Option<BaseKind> {
    let folded = passerelle_index::fold::fold(written);
    KINDS
        .iter()
        .find(|(en, fr, _)| folded == *en || folded == passerelle_index::fold::fold(fr))
        .map(|&(_, _, kind)| kind)
}

/// A feature's geometry, checked against its kind.
fn geometry(geometry: &Value, kind: BaseKind) -> Result<MapGeometry, String> {
    let coordinates = &geometry["coordinates"];
    let kind_of = geometry["type"].as_str().unwrap_or("no");
    let geometry = match kind_of {
        "Point" => MapGeometry::Point(position(coordinates)?),
        "LineString" => MapGeometry::Lines(vec![line(coordinates)?]),
        "MultiLineString" => {
            MapGeometry::Lines(array(coordinates)?.iter().map(line).collect::<Result<_, _>>()?)
        }
        "Polygon" => MapGeometry::Areas(vec![polygon(coordinates)?]),
        "MultiPolygon" => {
            MapGeometry::Areas(array(coordinates)?.iter().map(polygon).collect::<Result<_, _>>()?)
        }
        other => return Err(format!("a {other} geometry; expected a Point, a line or a polygon")),
    };
    match (kind, &geometry) {
        (BaseKind::Landmark, MapGeometry::Point(_)) => Ok(geometry),
        (BaseKind::Landmark, _) => Err(format!("a {kind_of}; a landmark is a Point")),
        (_, MapGeometry::Point(_)) => Err("a Point; only a landmark is a point".into()),
        _ => Ok(geometry),
    }
}

fn line(value: &Value) -> Result<Vec<(f64, f64)>, String> {
    let line: Vec<(f64, f64)> = array(value)?.iter().map(position).collect::<Result<_, _>>()?;
    if line.len() < 2 {
        return Err(format!("a line of {} position; it needs at least 2", line.len()));
    }
    Ok(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> (Vec<MapFeature>, String) {
        let mut d = Diagnostics::default();
        let features = features(text, "data/basemap.geojson", &mut d);
        let messages: Vec<String> =
            d.iter().map(|d| format!("{}:{}: {:?}: {}", d.line, d.column, d.severity, d.message)).collect();
        (features.into_iter().map(|(f, _)| f).collect(), messages.join("\n"))
    }

    // Every kind in English or French, lines, areas and a point load as written.
    #[test]
    fn kinds_and_geometries() {
        let text = r#"{"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"kind": "eau", "name": "La Meuse"}, "geometry": {"type": "LineString", "coordinates": [[5.57, 50.62], [5.58, 50.64]]}},
{"type": "Feature", "properties": {"kind": "park", "name": "Parc"}, "geometry": {"type": "Polygon", "coordinates": [[[5.6, 50.6], [5.61, 50.6], [5.61, 50.61], [5.6, 50.6]]]}},
{"type": "Feature", "properties": {"kind": "Repère", "name": "Médiacité"}, "geometry": {"type": "Point", "coordinates": [5.58, 50.62]}}
]}"#;
        let (features, diagnostics) = load(text);
        assert_eq!(diagnostics, "");
        assert_eq!(
            features.iter().map(|f| f.kind).collect::<Vec<_>>(),
            [BaseKind::Water, BaseKind::Park, BaseKind::Landmark]
        );
        assert_eq!(features[2].geometry, MapGeometry::Point((5.58, 50.62)));
    }

    // Bad kinds and geometries are errors at the feature's kind, a missing name a warning.
    #[test]
    fn problems_point_at_the_feature() {
        let text = r#"{"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"kind": "river", "name": "X"}, "geometry": {"type": "LineString", "coordinates": [[5.57, 50.62], [5.58, 50.64]]}},
{"type": "Feature", "properties": {"kind": "landmark", "name": "Y"}, "geometry": {"type": "LineString", "coordinates": [[5.57, 50.62], [5.58, 50.64]]}},
{"type": "Feature", "properties": {"kind": "road"}, "geometry": {"type": "LineString", "coordinates": [[5.57, 50.62]]}},
{"type": "Feature", "properties": {"kind": "rail", "name": "Z"}, "geometry": {"type": "LineString", "coordinates": [[5.57, 50.62], [500, 50.64]]}}
]}"#;
        let (features, diagnostics) = load(text);
        assert!(features.is_empty());
        assert!(diagnostics.contains("2:44: Error: unknown basemap kind \"river\""), "{diagnostics}");
        assert!(
            diagnostics.contains("3:44: Error: landmark \"Y\": a LineString; a landmark is a Point"),
            "{diagnostics}"
        );
        assert!(diagnostics.contains("4:44: Warning: a road without a name"), "{diagnostics}");
        assert!(diagnostics.contains("a line of 1 position"), "{diagnostics}");
        assert!(diagnostics.contains("position [500, 50.64] is not [longitude, latitude]"), "{diagnostics}");
    }
}
