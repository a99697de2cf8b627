//! A district's map for print, as data the template draws with Typst shapes: the basemap
//! (`data/basemap.geojson`: water, parks, roads, rail) under the district and its neighbours
//! as polygons, its venues as numbered dots (listed under the map).
//!
//! Coordinates are in a box 1,000 units wide, `height` units high, north up (a local
//! equirectangular projection, the same as the district pages' outline: at a district's scale
//! it matches Web Mercator within a pixel). Rings are thinned to one point per unit, so a
//! finely traced polygon prints fast.

use crate::model::geo::BBox;
use crate::model::{Charter, District, Shape};
use crate::records::{MapFeature, MapGeometry};
use passerelle_index::BaseKind;
use serde::Serialize;

/// The width of the map's box, in map units.
const WIDTH: f64 = 1000.0;

#[derive(Debug, Serialize)]
pub struct Map<'a> {
    pub width: f64,
    pub height: f64,
    /// The district's own rings.
    pub own: Vec<Vec<[f64; 2]>>,
    /// The other districts' rings that show in the box.
    pub others: Vec<Vec<[f64; 2]>>,
    /// The basemap's features that show in the box, drawn first.
    pub base: Vec<Base>,
    pub venues: Vec<Venue<'a>>,
}

/// A basemap feature, projected: areas (water, parks) are filled rings, the rest lines.
#[derive(Debug, Serialize)]
pub struct Base {
    /// `water`, `road`, `rail` or `park` (landmarks are left to the site's maps).
    pub kind: &'static str,
    pub area: bool,
    pub parts: Vec<Vec<[f64; 2]>>,
}

#[derive(Debug, Serialize)]
pub struct Venue<'a> {
    pub n: usize,
    pub x: f64,
    pub y: f64,
    pub name: &'a str,
}

/// The map of `d`, or `None` when `districts.geojson` has no outline for it.
pub fn district<'a>(charter: &'a Charter, d: &District) -> Option<Map<'a>> {
    let shape = charter.district_shape(d)?;
    let bbox = BBox::around(shape.points())?;
    let cos = ((bbox.min_lat + bbox.max_lat) / 2.0).to_radians().cos();
    let (w0, h0) = ((bbox.max_lon - bbox.min_lon) * cos, bbox.max_lat - bbox.min_lat);
    if !(w0 > 0.0 && h0 > 0.0) {
        return None;
    }
    // A margin around the district, and a box no flatter than 3:1 nor taller than 1:1.
    let pad = 0.15;
    let (mut w, mut h) = (w0 * (1.0 + 2.0 * pad), h0 * (1.0 + 2.0 * pad));
    if h < w / 3.0 {
        h = w / 3.0;
    }
    if h > w {
        w = h;
    }
    let scale = WIDTH / w;
    let (cx, cy) = ((bbox.min_lon + bbox.max_lon) / 2.0 * cos, (bbox.min_lat + bbox.max_lat) / 2.0);
    let project = |(lon, lat): (f64, f64)| {
        let x = (lon * cos - cx) * scale + WIDTH / 2.0;
        let y = (cy - lat) * scale + h * scale / 2.0;
        [round(x), round(y)]
    };
    let height = round(h * scale);
    let visible = |ring: &[[f64; 2]]| {
        ring.iter()
            .any(|p| (-WIDTH..=2.0 * WIDTH).contains(&p[0]) && (-height..=2.0 * height).contains(&p[1]))
    };
    let own = rings(shape, &project);
    let others = charter
        .districts
        .iter()
        .filter(|o| o.id != d.id)
        .filter_map(|o| charter.district_shape(o))
        .flat_map(|s| rings(s, &project))
        .filter(|r| visible(r))
        .collect();
    let base = charter.basemap.iter().filter_map(|f| base(f, &project, &visible)).collect();
    let mut venues: Vec<_> = charter.district_venues(d).filter_map(|v| Some((v, v.lon?, v.lat?))).collect();
    venues.sort_by_cached_key(|(v, _, _)| (crate::render::views::sort_key(&v.name), v.id.clone()));
    let venues = venues
        .into_iter()
        .enumerate()
        .map(|(i, (v, lon, lat))| {
            let [x, y] = project((lon, lat));
            Venue { n: i + 1, x, y, name: &v.name }
        })
        .collect();
    Some(Map { width: WIDTH, height, own, others, base, venues })
}

/// A basemap feature as it shows on the map, or `None` when it is off the box or a landmark.
fn base(
    f: &MapFeature,
    project: &impl Fn((f64, f64)) -> [f64; 2],
    visible: &impl Fn(&[[f64; 2]]) -> bool,
) -> Option<Base> {
    let (area, parts): (bool, Vec<Vec<[f64; 2]>>) = match &f.geometry {
        MapGeometry::Lines(lines) => (false, lines.iter().map(|l| thin(l, project, 2)).collect()),
        MapGeometry::Areas(polygons) => {
            (true, polygons.iter().flatten().map(|r| thin(r, project, 3)).collect())
        }
        MapGeometry::Point(_) => return None,
    };
    let parts: Vec<_> = parts.into_iter().filter(|p| visible(p)).collect();
    (f.kind != BaseKind::Landmark && !parts.is_empty()).then(|| Base { kind: f.kind.code(), area, parts })
}

/// `points` projected, those closer than a unit to the last kept one dropped; empty when
/// fewer than `min` are left.
fn thin(points: &[(f64, f64)], project: &impl Fn((f64, f64)) -> [f64; 2], min: usize) -> Vec<[f64; 2]> {
    let mut out: Vec<[f64; 2]> = Vec::with_capacity(points.len());
    for &point in points {
        let p = project(point);
        if out.last().is_none_or(|q| (p[0] - q[0]).abs() + (p[1] - q[1]).abs() >= 1.0) {
            out.push(p);
        }
    }
    if out.len() < min {
        out.clear();
    }
    out
}

/// Every ring of `shape`, projected and thinned (points closer than a unit to the last kept
/// one dropped; a ring left with fewer than 3 points is dropped).
fn rings(shape: &Shape, project: &impl Fn((f64, f64)) -> [f64; 2]) -> Vec<Vec<[f64; 2]>> {
    shape.polygons.iter().flatten().map(|ring| thin(ring, project, 3)).filter(|r| !r.is_empty()).collect()
}

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}
