//! The map's geography on the explorer's side: tiles over the projected map and decimals for
//! SVG attributes. Web Mercator and distances are the index crate's (one definition, shared with
//! the generator), re-exported here.

use crate::math::{clamp, log2};
use passerelle_index::Map;

pub use passerelle_index::geo::{distance_m, mercator};

/// `v` with one decimal ("12.3", "-0.5", "7"), without the float formatter of `core::fmt`
/// (which would weigh ~20 KB in the wasm).
pub fn dec1(v: f64) -> String {
    decimals(v, 1, false)
}

/// `v` with two decimals at most (viewBox sizes that shrink with zoom).
pub fn dec2(v: f64) -> String {
    decimals(v, 2, true)
}

/// `v` rounded to `places` decimals, written digit by digit (no `format!`: each call with
/// arguments costs wasm); trailing zeros kept when `keep`, else a zero fraction is left out.
fn decimals(v: f64, places: u32, keep: bool) -> String {
    let scale = 10i64.pow(places);
    let n = (v * scale as f64).round() as i64;
    let (int, frac) = (n.unsigned_abs() / scale as u64, n.unsigned_abs() % scale as u64);
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    out.push_str(&int.to_string());
    if keep || frac != 0 {
        out.push('.');
        let digits = frac.to_string();
        for _ in digits.len()..places as usize {
            out.push('0');
        }
        out.push_str(&digits);
    }
    out
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
    let [wx0, wy0] = map.to_world([visible[0], visible[1]]);
    let [wx1, wy1] = map.to_world([visible[0] + visible[2], visible[1] + visible[3]]);
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
