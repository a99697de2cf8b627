use super::*;

fn load(text: &str) -> (Vec<(Shape, Origin)>, Vec<String>) {
    let mut d = Diagnostics::default();
    let shapes = shapes(text, "data/districts.geojson", &mut d);
    let messages = d.iter().map(|d| format!("{}:{}: {}", d.line, d.column, d.message)).collect();
    (shapes, messages)
}

const SQUARE: &str = "[[[5.6, 50.6], [5.7, 50.6], [5.7, 50.7], [5.6, 50.7], [5.6, 50.6]]]";

// Polygon and MultiPolygon features become shapes located at their id.
#[test]
fn polygons_and_multipolygons() {
    let text = format!(
        "{{\"type\": \"FeatureCollection\", \"features\": [\n\
         {{\"type\": \"Feature\", \"properties\": {{\"id\": \"bressoux\"}}, \"geometry\": {{\"type\": \"Polygon\", \"coordinates\": {SQUARE}}}}},\n\
         {{\"type\": \"Feature\", \"properties\": {{\"id\": \"droixhe\"}}, \"geometry\": {{\"type\": \"MultiPolygon\", \"coordinates\": [{SQUARE}, {SQUARE}]}}}}\n]}}"
    );
    let (shapes, messages) = load(&text);
    assert!(messages.is_empty(), "{messages:?}");
    assert_eq!(shapes.len(), 2);
    assert_eq!(shapes[1].0.polygons.len(), 2);
    assert_eq!((shapes[1].1.line, shapes[1].1.column("id")), (3, 42));
}

// Invalid JSON is reported at serde_json's line and column, in characters.
#[test]
fn invalid_json_position() {
    let (shapes, messages) = load("{\"type\": \"é\",\n  oops}");
    assert!(shapes.is_empty());
    assert_eq!(messages, ["2:3: invalid JSON: key must be a string"]);
}

// Wrong structures are errors, never panics: not a collection, no id, a point, bad positions.
#[test]
fn structural_problems() {
    assert_eq!(load("[1, 2]").1, ["1:1: not a GeoJSON FeatureCollection"]);
    let feature = |props: &str, geometry: &str| {
        format!("{{\"type\": \"FeatureCollection\", \"features\": [{{\"properties\": {props}, \"geometry\": {geometry}}}]}}")
    };
    let (_, m) = load(&feature("{}", "null"));
    assert!(m[0].contains("has no `properties.id`"), "{m:?}");
    let (_, m) = load(&feature("{\"id\": \"x\"}", "{\"type\": \"Point\", \"coordinates\": [1, 2]}"));
    assert!(m[0].contains("a Point geometry"), "{m:?}");
    let (_, m) = load(&feature(
        "{\"id\": \"x\"}",
        "{\"type\": \"Polygon\", \"coordinates\": [[[50.6, 95.0], [1, 1], [2, 2]]]}",
    ));
    assert!(m[0].contains("is not [longitude, latitude]"), "{m:?}");
    let (_, m) =
        load(&feature("{\"id\": \"x\"}", "{\"type\": \"Polygon\", \"coordinates\": [[[1, 1], [2, 2]]]}"));
    assert!(m[0].contains("at least 3"), "{m:?}");
}

// A ring must be closed (its last position repeats its first) and have an area.
#[test]
fn rings_are_closed() {
    let polygon = |coordinates: &str| {
        format!(
            "{{\"type\": \"FeatureCollection\", \"features\": [\n{{\"properties\": {{\"id\": \"x\"}}, \"geometry\": {{\"type\": \"Polygon\", \"coordinates\": {coordinates}}}}}]}}"
        )
    };
    let (shapes, m) = load(&polygon("[[[5.6, 50.6], [5.7, 50.6], [5.7, 50.7], [5.6, 50.7]]]"));
    assert!(shapes.is_empty());
    assert_eq!(
        m,
        ["2:23: outline of \"x\": a ring is not closed: it ends at [5.6, 50.7] instead of repeating its first position [5.6, 50.6]"]
    );
    let (_, m) = load(&polygon("[[[5.6, 50.6], [5.7, 50.6], [5.6, 50.6]]]"));
    assert!(m[0].contains("has no area"), "{m:?}");
    assert!(load(&polygon(SQUARE)).1.is_empty());
}

// A feature without an id is reported at the feature's own line and column, even on one long
// line; a second outline for a district at its id.
#[test]
fn features_are_located() {
    let feature = |id: &str| {
        format!("{{\"type\": \"Feature\", \"properties\": {{{id}}}, \"geometry\": {{\"type\": \"Polygon\", \"coordinates\": {SQUARE}}}}}")
    };
    let text = format!(
        "{{\"type\": \"FeatureCollection\", \"features\": [{}, {},\n  {}, {}]}}",
        feature("\"id\": \"a\""),
        feature("\"name\": \"a\""),
        feature("\"id\": \"b\""),
        feature("\"id\": \"a\"")
    );
    let (shapes, m) = load(&text);
    assert_eq!(shapes.len(), 2);
    let second = text.find("{\"type\": \"Feature\", \"properties\": {\"name\"").unwrap_or(0);
    let line_two = text.find('\n').unwrap_or(0) + 1;
    let fourth_id = text.rfind("\"a\"").unwrap_or(0) - line_two;
    assert_eq!(
        m,
        [
            format!("1:{}: feature #2 has no `properties.id` (the district id)", second + 1),
            format!("2:{}: a second outline for district \"a\"", fourth_id + 1),
        ]
    );
}
