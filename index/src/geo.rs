//! Geography shared by the generator and the explorer: Web Mercator (how the map is projected
//! into its viewBox, see [`crate::Map`]) and great-circle distances (near me, duplicates, the
//! district checks). One definition, so the generator's map and the explorer's positions agree.

use crate::math::{asin, clamp, cos, ln, sin, tan};
use crate::Map;
use std::f64::consts::PI;

/// The Earth's mean radius, in metres (the haversine's sphere).
pub const EARTH_RADIUS_M: f64 = 6_371_000.0;

/// Web Mercator of `[lon, lat]` degrees, in `[0, 1]²` (x east, y south), as map tiles use.
pub fn mercator([lon, lat]: [f64; 2]) -> [f64; 2] {
    let lat = clamp(lat, -85.051_128, 85.051_128).to_radians();
    [(lon + 180.0) / 360.0, (1.0 - ln(tan(lat) + 1.0 / cos(lat)) / PI) / 2.0]
}

/// Great-circle distance in metres between two `[lon, lat]` positions (haversine).
pub fn distance_m([lon1, lat1]: [f64; 2], [lon2, lat2]: [f64; 2]) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let (sp, sl) = (sin(dp / 2.0), sin(dl / 2.0));
    let a = sp * sp + cos(p1) * cos(p2) * sl * sl;
    2.0 * EARTH_RADIUS_M * asin(clamp(a, 0.0, 1.0).sqrt())
}

impl Map {
    /// A `[lon, lat]` position in the map's viewBox units.
    pub fn project(&self, lonlat: [f64; 2]) -> [f64; 2] {
        let [x, y] = mercator(lonlat);
        [(x - self.origin[0]) * self.scale, (y - self.origin[1]) * self.scale]
    }

    /// A viewBox position in Web Mercator units (`[0, 1]²`).
    pub fn to_world(&self, [x, y]: [f64; 2]) -> [f64; 2] {
        [x / self.scale + self.origin[0], y / self.scale + self.origin[1]]
    }

    /// Metres per viewBox unit around viewBox row `y` (Mercator stretches by 1/cos(latitude)),
    /// for scale bars and radii.
    pub fn metres_per_unit(&self, y: f64) -> f64 {
        let world_y = y / self.scale + self.origin[1];
        // Latitude of a Mercator y: the inverse of `mercator`, by the Gudermannian function.
        let lat = crate::math::atan(crate::math::sinh(PI * (1.0 - 2.0 * world_y)));
        2.0 * PI * EARTH_RADIUS_M * cos(lat) / self.scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Mercator puts (0, 0) in the middle of the world and north up; Liège lands where tiles say.
    #[test]
    fn mercator_projection() {
        assert_eq!(mercator([0.0, 0.0]), [0.5, 0.5]);
        let [x, y] = mercator([5.5797, 50.6326]);
        // Zoom 14 tile of Liège's centre is x=8445, y=5511 (as OSM numbers it).
        assert_eq!(((x * 16384.0) as u32, (y * 16384.0) as u32), (8445, 5511));
        assert!(mercator([0.0, 60.0])[1] < mercator([0.0, 50.0])[1]);
    }

    // Distances are right to a few metres: Bressoux to Outremeuse is about 1.2 km; 0.001° of
    // latitude is 111 m.
    #[test]
    fn haversine_distance() {
        let d = distance_m([5.6000, 50.6400], [5.5830, 50.6370]);
        assert!((1150.0..1350.0).contains(&d), "{d}");
        assert_eq!(distance_m([5.6, 50.6], [5.6, 50.6]), 0.0);
        let d = distance_m([5.57, 50.6400], [5.57, 50.6409]);
        assert!((99.0..101.0).contains(&d), "{d}");
    }

    // Projecting and measuring agree: 1 km east of a point, on the map, is 1 km of units.
    #[test]
    fn projection_and_scale() {
        let [x0, y0] = mercator([5.55, 50.66]);
        let map =
            Map { width: 1000.0, height: 750.0, origin: [x0, y0], scale: 1000.0 / 0.0002, ..Map::default() };
        assert_eq!(map.project([5.55, 50.66]), [0.0, 0.0]);
        let a = map.project([5.58, 50.64]);
        let world = map.to_world(a);
        assert!((world[0] - mercator([5.58, 50.64])[0]).abs() < 1e-12);
        let b = map.project([5.58 + 0.01, 50.64]);
        let metres = (b[0] - a[0]) * map.metres_per_unit(a[1]);
        let truth = distance_m([5.58, 50.64], [5.59, 50.64]);
        assert!((metres - truth).abs() < 1.0, "{metres} vs {truth}");
    }
}
