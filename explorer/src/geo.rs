//! Geography: Web Mercator (the projection the generator used for the map), its inverse for
//! tiles, and great-circle distances for "near me".

use crate::math::{asin, clamp, cos, ln, log2, sin, tan};
use passerelle_index::Map;
use std::f64::consts::PI;

/// Web Mercator of `[lon, lat]` degrees, in `[0, 1]²` (x east, y south), as map tiles use.
pub fn mercator([lon, lat]: [f64; 2]) -> [f64; 2] {
    let lat = clamp(lat, -85.051_128, 85.051_128).to_radians();
    let x = (lon + 180.0) / 360.0;
    let y = (1.0 - ln(tan(lat) + 1.0 / cos(lat)) / PI) / 2.0;
    [x, y]
}

/// A `[lon, lat]` position in the map's viewBox units.
pub fn to_view(map: &Map, lonlat: [f64; 2]) -> [f64; 2] {
    let [x, y] = mercator(lonlat);
    [(x - map.origin[0]) * map.scale, (y - map.origin[1]) * map.scale]
}

/// A viewBox position in Web Mercator units.
pub fn view_to_world(map: &Map, [x, y]: [f64; 2]) -> [f64; 2] {
    [x / map.scale + map.origin[0], y / map.scale + map.origin[1]]
}

/// `v` with one decimal ("12.3", "-0.5", "7"), without the float formatter of `core::fmt`
/// (which would weigh ~20 KB in the wasm).
pub fn dec1(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let (sign, tenths) = if tenths < 0 { ("-", -tenths) } else { ("", tenths) };
    match tenths % 10 {
        0 => format!("{sign}{}", tenths / 10),
        d => format!("{sign}{}.{d}", tenths / 10),
    }
}

/// `v` with two decimals at most (viewBox sizes that shrink with zoom).
pub fn dec2(v: f64) -> String {
    let hundredths = (v * 100.0).round() as i64;
    let (sign, h) = if hundredths < 0 { ("-", -hundredths) } else { ("", hundredths) };
    format!("{sign}{}.{:02}", h / 100, h % 100)
}

/// Great-circle distance in metres between two `[lon, lat]` positions (haversine).
pub fn distance_m([lon1, lat1]: [f64; 2], [lon2, lat2]: [f64; 2]) -> f64 {
    const EARTH_RADIUS_M: f64 = 6_371_000.0;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = sin(dp / 2.0).powi(2) + cos(p1) * cos(p2) * sin(dl / 2.0).powi(2);
    2.0 * EARTH_RADIUS_M * asin(a.sqrt())
}

/// One raster tile covering part of the map: its URL and where it goes, in viewBox units.
#[derive(Clone, Debug, PartialEq)]
pub struct Tile {
    pub url: String,
    pub x: f64,
    pub y: f64,
    pub size: f64,
}

/// The tiles of `template` (`{z}/{x}/{y}`) covering the visible viewBox rectangle
/// `[x, y, width, height]`, at the zoom where a tile is about `pixels_per_unit`·256 wide.
pub fn tiles(map: &Map, template: &str, visible: [f64; 4], pixels_per_unit: f64) -> Vec<Tile> {
    // A tile at zoom z is 1/2^z world units, i.e. scale/2^z viewBox units, ideally 256 px.
    let ideal = log2(map.scale * pixels_per_unit / 256.0).round();
    let z = clamp(ideal, 0.0, 19.0) as i32;
    let n = f64::from(1 << z);
    let [wx0, wy0] = view_to_world(map, [visible[0], visible[1]]);
    let [wx1, wy1] = view_to_world(map, [visible[0] + visible[2], visible[1] + visible[3]]);
    let range = |a: f64, b: f64| ((a * n).floor().max(0.0) as i64)..=((b * n).floor().min(n - 1.0) as i64);
    let size = map.scale / n;
    let mut out = Vec::new();
    for ty in range(wy0, wy1) {
        for tx in range(wx0, wx1) {
            let url = template
                .replace("{z}", &z.to_string())
                .replace("{x}", &tx.to_string())
                .replace("{y}", &ty.to_string());
            let x = (tx as f64 / n - map.origin[0]) * map.scale;
            let y = (ty as f64 / n - map.origin[1]) * map.scale;
            out.push(Tile { url, x, y, size });
        }
        if out.len() > 64 {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Decimals print without the float formatter.
    #[test]
    fn decimals() {
        assert_eq!(
            (dec1(12.34), dec1(-0.46), dec1(7.0), dec1(-0.04)),
            ("12.3".into(), "-0.5".into(), "7".into(), "0".into())
        );
        assert_eq!((dec2(1.005), dec2(0.5), dec2(-2.25)), ("1.00".into(), "0.50".into(), "-2.25".into()));
    }

    // Mercator puts (0, 0) in the middle of the world and north up; Liège lands where tiles say.
    #[test]
    fn mercator_projection() {
        assert_eq!(mercator([0.0, 0.0]), [0.5, 0.5]);
        let [x, y] = mercator([5.5797, 50.6326]);
        // Zoom 14 tile of Liège's centre is x=8445, y=5511 (as OSM numbers it).
        assert_eq!(((x * 16384.0) as u32, (y * 16384.0) as u32), (8445, 5511));
        assert!(mercator([0.0, 60.0])[1] < mercator([0.0, 50.0])[1]);
    }

    // Distances are right to a few metres: Bressoux to Outremeuse is about 1.2 km.
    #[test]
    fn haversine_distance() {
        let d = distance_m([5.6000, 50.6400], [5.5830, 50.6370]);
        assert!((1150.0..1350.0).contains(&d), "{d}");
        assert_eq!(distance_m([5.6, 50.6], [5.6, 50.6]), 0.0);
    }

    // The tiles cover the visible rectangle and are placed in viewBox units.
    #[test]
    fn tiles_cover_the_view() {
        let [x0, y0] = mercator([5.55, 50.66]);
        let map =
            Map { width: 1000.0, height: 800.0, origin: [x0, y0], scale: 1000.0 / 0.0002, ..Map::default() };
        let tiles = tiles(&map, "t/{z}/{x}/{y}.png", [0.0, 0.0, 1000.0, 800.0], 1.0);
        assert!(!tiles.is_empty());
        assert!(tiles[0].x <= 0.0 && tiles[0].y <= 0.0);
        assert!(tiles[0].url.starts_with("t/"));
    }
}
