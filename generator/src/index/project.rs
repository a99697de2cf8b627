//! The map's projection: Web Mercator (`passerelle_index::geo`, the one the explorer uses too),
//! scaled into a fixed-width SVG viewBox framing every district outline and venue, so the
//! explorer draws shapes without any projection code.

use crate::model::Shape;
use crate::records::{MapFeature, MapGeometry};
use passerelle_index::geo::mercator;
use passerelle_index::{BaseFeature, Map};
use std::fmt::Write;

/// The viewBox width; the height follows the area's proportions.
pub const WIDTH: f64 = 1000.0;
/// The viewBox height: the map is always 4:3 (a tall or wide area gets room on its sides), so
/// the page can reserve its box before the explorer loads and the map fills its frame.
pub const HEIGHT: f64 = 750.0;
/// Blank margin around the framed area, as a fraction of its size.
const MARGIN: f64 = 0.04;

/// The frame around `points` (`(lon, lat)`); a unit frame for none.
pub fn frame(points: impl IntoIterator<Item = (f64, f64)>) -> Map {
    let projected: Vec<[f64; 2]> = points
        .into_iter()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .map(|(x, y)| mercator([x, y]))
        .collect();
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &[x, y] in &projected {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    if projected.is_empty() {
        (x0, y0, x1, y1) = mercator_box([5.55, 50.66], [5.62, 50.61]);
    }
    // A single point or a line: give it some room (about 1 km).
    let span = (x1 - x0).max(y1 - y0).max(2e-5);
    let (w, h) = ((x1 - x0).max(span * 0.5), (y1 - y0).max(span * 0.5));
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let (w, h) = (w * (1.0 + 2.0 * MARGIN), h * (1.0 + 2.0 * MARGIN));
    let (w, h) = if h / w < HEIGHT / WIDTH { (w, w * HEIGHT / WIDTH) } else { (h * WIDTH / HEIGHT, h) };
    let scale = WIDTH / w;
    Map {
        width: WIDTH,
        height: HEIGHT,
        origin: [cx - w / 2.0, cy - h / 2.0],
        scale,
        tiles: None,
        attribution: None,
    }
}

fn mercator_box(a: [f64; 2], b: [f64; 2]) -> (f64, f64, f64, f64) {
    let (a, b) = (mercator(a), mercator(b));
    (a[0].min(b[0]), a[1].min(b[1]), a[0].max(b[0]), a[1].max(b[1]))
}

/// `(lon, lat)` in viewBox units, rounded to a tenth.
pub fn to_view(map: &Map, (lon, lat): (f64, f64)) -> [f64; 2] {
    let [x, y] = map.project([lon, lat]);
    [round1(x), round1(y)]
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// A shape as an SVG path (`M…L…Z` per ring, a tenth of a unit; points that round to the
/// previous one are dropped). Holes are rings of the same path: draw with `fill-rule: evenodd`.
pub fn svg_path(map: &Map, shape: &Shape) -> String {
    let mut d = String::new();
    for ring in shape.polygons.iter().flatten() {
        push_path(&mut d, ring.iter().map(|&point| map.project([point.0, point.1])), true);
    }
    d
}

/// Appends one line or ring to SVG path data: `M` then `L` per point, each to a tenth of a unit,
/// a point that rounds to the previous one dropped; `Z` closes a ring that drew anything.
fn push_path(d: &mut String, points: impl IntoIterator<Item = [f64; 2]>, close: bool) {
    let mut last = None;
    for [x, y] in points {
        let p = [round1(x), round1(y)];
        if last == Some(p) {
            continue;
        }
        let _ = write!(d, "{}{} {}", if last.is_none() { 'M' } else { 'L' }, num(p[0]), num(p[1]));
        last = Some(p);
    }
    if close && last.is_some() {
        d.push('Z');
    }
}

/// Where a district's name goes: the pole of inaccessibility of its largest polygon (the point
/// farthest from every edge, found by `polylabel` to a tenth of a unit), in viewBox units.
/// Computed on the projected shape, since the label is drawn there.
pub fn label_point(map: &Map, shape: &Shape) -> Option<[f64; 2]> {
    use geo::{Area, Coord, LineString, Polygon};
    let ring = |ring: &Vec<(f64, f64)>| -> LineString<f64> {
        ring.iter().map(|&(lon, lat)| map.project([lon, lat])).map(|[x, y]| Coord { x, y }).collect()
    };
    let largest = shape
        .polygons
        .iter()
        .filter_map(|rings| {
            let (outer, holes) = rings.split_first()?;
            Some(Polygon::new(ring(outer), holes.iter().map(ring).collect()))
        })
        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))?;
    let point = polylabel::polylabel(&largest, &0.1).ok()?;
    Some([round1(point.x()), round1(point.y())]).filter(|[x, y]| x.is_finite() && y.is_finite())
}

/// How far (viewBox units) a simplified basemap line may stray from the original: a quarter of
/// a unit, under a pixel at the explorer's usual zooms.
const SIMPLIFY: f64 = 0.25;

/// A basemap feature as the explorer draws it: its SVG path (projected, simplified by
/// Ramer–Douglas–Peucker, a tenth of a unit), and its longest line's length (where a name fits).
pub fn base_feature(map: &Map, feature: &MapFeature) -> BaseFeature {
    use geo::{Coord, Euclidean, Length, LineString, Simplify};
    let project = |points: &[(f64, f64)]| -> LineString<f64> {
        points.iter().map(|&(lon, lat)| map.project([lon, lat])).map(|[x, y]| Coord { x, y }).collect()
    };
    let mut d = String::new();
    let mut length: f64 = 0.0;
    let mut at = [0.0, 0.0];
    let mut draw = |line: &LineString<f64>, close: bool| {
        let simplified = line.simplify(SIMPLIFY);
        push_path(&mut d, simplified.coords().map(|c| [c.x, c.y]), close);
        simplified
    };
    match &feature.geometry {
        MapGeometry::Lines(lines) => {
            for line in lines {
                let simplified = draw(&project(line), false);
                length = length.max(Euclidean.length(&simplified));
            }
            if let Some(c) = lines.first().and_then(|l| l.get(l.len() / 2)) {
                at = to_view(map, *c);
            }
        }
        MapGeometry::Areas(polygons) => {
            for ring in polygons.iter().flatten() {
                draw(&project(ring), true);
            }
            let shape = Shape { district: String::new(), polygons: polygons.clone() };
            at = label_point(map, &shape).unwrap_or_default();
        }
        MapGeometry::Point(point) => {
            at = to_view(map, *point);
            // A zero-length segment: with round caps, a dot.
            let _ = write!(d, "M{} {}h0", num(at[0]), num(at[1]));
        }
    }
    BaseFeature { kind: feature.kind as u8, name: feature.name.clone(), path: d, length: round1(length), at }
}

/// A number without a trailing `.0`.
fn num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The frame keeps proportions, fits every point inside the viewBox, with a margin.
    #[test]
    fn frame_fits_points() {
        let points = [(5.57, 50.62), (5.63, 50.66)];
        let map = frame(points);
        assert_eq!(map.width, WIDTH);
        for p in points {
            let [x, y] = to_view(&map, p);
            assert!((1.0..WIDTH - 1.0).contains(&x) && (1.0..map.height - 1.0).contains(&y), "{x} {y}");
        }
        // North is up: the northern point has the smaller y.
        assert!(to_view(&map, (5.6, 50.66))[1] < to_view(&map, (5.6, 50.62))[1]);
        assert!(frame([]).height == HEIGHT && frame([(5.6, 50.6)]).height == HEIGHT);
        let tall = frame([(5.6, 50.5), (5.61, 50.7)]);
        assert_eq!((tall.width, tall.height), (WIDTH, HEIGHT), "always 4:3");
    }

    /// A 1,000-unit square map of a thousandth of a degree around (0.5, 0.5).
    fn test_map() -> Map {
        Map { width: 1000.0, height: 1000.0, origin: [0.5, 0.5], scale: 1000.0 / 0.001, ..Map::default() }
    }

    // A U-shaped district's label sits inside it, in the thick part, not at its centroid
    // (which falls in the U's gap).
    #[test]
    fn label_inside_a_u() {
        let map = test_map();
        // A U opening north: two arms (x 0..0.1 and 0.26..0.36) on a base (y 0..-0.1, south).
        let u = vec![
            (0.0, 0.0),
            (0.1, 0.0),
            (0.1, -0.26),
            (0.26, -0.26),
            (0.26, 0.0),
            (0.36, 0.0),
            (0.36, -0.36),
            (0.0, -0.36),
            (0.0, 0.0),
        ];
        let shape = Shape { district: "u".into(), polygons: vec![vec![u]] };
        let [x, y] = label_point(&map, &shape).expect("a label");
        let centroid = to_view(&map, shape.centroid().expect("a centroid"));
        assert!(y > 730.0, "in the base, below the arms' gap: {x} {y}");
        assert!(centroid[1] < y, "the centroid is higher, nearer the gap: {centroid:?}");
    }

    // A basemap line is projected, simplified (a point on the straight line goes) and measured.
    #[test]
    fn basemap_line() {
        let map = test_map();
        let line = MapFeature {
            kind: passerelle_index::BaseKind::Water,
            name: "Meuse".into(),
            geometry: MapGeometry::Lines(vec![vec![(0.0, 0.0), (0.18, 0.0), (0.36, 0.0), (0.36, -0.36)]]),
        };
        let f = base_feature(&map, &line);
        assert_eq!(f.path, "M0 0L1000 0L1000 1000");
        assert_eq!((f.kind, f.length), (0, 2000.0));
        let point = MapFeature { geometry: MapGeometry::Point((0.36, 0.0)), ..line };
        assert_eq!(base_feature(&map, &point).path, "M1000 0h0");
        assert_eq!(base_feature(&map, &point).at, [1000.0, 0.0]);
    }

    // A square becomes one closed path; repeated points vanish.
    #[test]
    fn path_of_a_square() {
        let map = test_map();
        let ring = vec![(0.0, 0.0), (0.0, 0.0), (0.36, 0.0), (0.36, -0.36), (0.0, -0.36), (0.0, 0.0)];
        let d = svg_path(&map, &Shape { district: "d".into(), polygons: vec![vec![ring]] });
        assert_eq!(d, "M0 0L1000 0L1000 1000L0 1000L0 0Z");
    }
}
