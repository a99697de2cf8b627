//! GeoJSON (RFC 7946, WGS84 `[lon, lat]`): `data/venues.geojson`, one Point feature per venue,
//! and `data/districts.geojson`, the district outlines when the data has any.
//!
//! Venue properties: `id`, `name`, `kind` (a `venue_kind` code), `district` (id or null),
//! `address`, `postcode`, `city`, `url` (the venue's page, relative to the site root).
//! District properties: `id`, `name`, `population` (or null), `priority`, `url`.

use crate::model::{Charter, Shape};
use anyhow::{Context, Result};
use geojson::{feature, Feature, FeatureCollection, Geometry, GeometryValue, JsonObject, JsonValue};

/// `data/venues.geojson`'s bytes (venues without coordinates, which validation refuses, are
/// left out).
pub fn venues(charter: &Charter) -> Result<Vec<u8>> {
    let features = charter.venues.iter().filter_map(|v| {
        let (lat, lon) = (v.lat?, v.lon?);
        let properties = object([
            ("id", v.id.clone().into()),
            ("name", v.name.clone().into()),
            ("kind", v.kind.clone().into()),
            ("district", v.district.clone().into()),
            ("address", v.address.clone().into()),
            ("postcode", v.postcode.clone().into()),
            ("city", v.city.clone().into()),
            ("url", crate::render::views::record_path("venues", &v.id).into()),
        ]);
        Some(feature(&v.id, Geometry::new_point([lon, lat]), properties))
    });
    write(FeatureCollection::new(features), "data/venues.geojson")
}

/// `data/districts.geojson`'s bytes, or `None` when no district has an outline.
pub fn districts(charter: &Charter) -> Result<Option<Vec<u8>>> {
    let features: Vec<Feature> = charter
        .districts
        .iter()
        .filter_map(|d| {
            let shape = charter.district_shape(d)?;
            let properties = object([
                ("id", d.id.clone().into()),
                ("name", d.name.clone().into()),
                ("population", d.population.into()),
                ("priority", d.priority.into()),
                ("url", crate::render::views::record_path("districts", &d.id).into()),
            ]);
            Some(feature(&d.id, geometry(shape)?, properties))
        })
        .collect();
    if features.is_empty() {
        return Ok(None);
    }
    write(FeatureCollection::new(features), "data/districts.geojson").map(Some)
}

/// A Polygon for one polygon, a MultiPolygon for several; `None` for none.
fn geometry(shape: &Shape) -> Option<Geometry> {
    let polygon = |rings: &Vec<Vec<(f64, f64)>>| -> Vec<Vec<[f64; 2]>> {
        rings.iter().map(|ring| ring.iter().map(|&(lon, lat)| [lon, lat]).collect()).collect()
    };
    match shape.polygons.as_slice() {
        [] => None,
        [one] => Some(Geometry::new(GeometryValue::new_polygon(polygon(one)))),
        many => Some(Geometry::new(GeometryValue::new_multi_polygon(many.iter().map(polygon)))),
    }
}

fn feature(id: &str, geometry: Geometry, properties: JsonObject) -> Feature {
    Feature {
        geometry: Some(geometry),
        id: Some(feature::Id::String(id.to_owned())),
        properties: Some(properties),
        ..Feature::default()
    }
}

fn object<const N: usize>(pairs: [(&str, JsonValue); N]) -> JsonObject {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

fn write(collection: FeatureCollection, name: &str) -> Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec(&collection).with_context(|| format!("failed to write {name}"))?;
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;
    use serde_json::Value;

    // Venues are a FeatureCollection of Points in [lon, lat] order with the documented
    // properties and page URLs relative to the site root.
    #[test]
    fn venues_are_points_with_relative_urls() {
        let bytes = venues(&fixture::charter()).expect("geojson");
        let json: Value = serde_json::from_slice(&bytes).expect("JSON");
        assert_eq!(json["type"], "FeatureCollection");
        let features = json["features"].as_array().expect("features");
        assert_eq!(features.len(), 2);
        let maison = features.iter().find(|f| f["id"] == "maison-bressoux").expect("venue");
        assert_eq!(maison["type"], "Feature");
        assert_eq!(maison["geometry"]["type"], "Point");
        assert_eq!(maison["geometry"]["coordinates"], serde_json::json!([5.6011, 50.6452]));
        let p = &maison["properties"];
        assert_eq!(p["name"], "Maison de quartier <Bressoux>");
        assert_eq!(p["kind"], "community_centre");
        assert_eq!(p["district"], "bressoux");
        assert_eq!(p["address"], "rue du Moulin 1");
        assert_eq!(p["url"], "venues/maison-bressoux.html");
        assert_collection(&bytes);
    }

    // Only districts with an outline are exported, as Polygons; none at all means no file.
    #[test]
    fn districts_are_polygons_when_present() {
        let charter = fixture::charter();
        let bytes = districts(&charter).expect("geojson").expect("one outline");
        let json: Value = serde_json::from_slice(&bytes).expect("JSON");
        let features = json["features"].as_array().expect("features");
        assert_eq!(features.len(), 1);
        assert_eq!(features[0]["properties"]["id"], "droixhe");
        assert_eq!(features[0]["geometry"]["type"], "Polygon");
        assert_eq!(features[0]["geometry"]["coordinates"][0][0], serde_json::json!([5.6, 50.65]));
        let mut bare = fixture::charter();
        bare.shapes.iter_mut().for_each(|s| *s = None);
        assert!(districts(&bare).expect("geojson").is_none());
    }

    /// The bytes parse back with the geojson crate as a FeatureCollection.
    fn assert_collection(bytes: &[u8]) {
        let text = std::str::from_utf8(bytes).expect("utf-8");
        let parsed: geojson::GeoJson = text.parse().expect("valid GeoJSON");
        assert!(matches!(parsed, geojson::GeoJson::FeatureCollection(_)));
    }
}
