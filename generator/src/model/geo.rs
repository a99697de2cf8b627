//! Plane geometry on district outlines: point in polygon (to derive a venue's district),
//! centroids and bounding boxes. Coordinates are `(lon, lat)` degrees; at a city's scale the
//! distortion of treating them as planar is far below what these uses can notice.

use super::records::Shape;

/// A bounding box in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BBox {
    pub min_lon: f64,
    pub min_lat: f64,
    pub max_lon: f64,
    pub max_lat: f64,
}

impl BBox {
    /// The box around `points`, or `None` when there are none.
    pub fn around(points: impl IntoIterator<Item = (f64, f64)>) -> Option<BBox> {
        points.into_iter().fold(None, |acc, (lon, lat)| {
            Some(match acc {
                None => BBox { min_lon: lon, min_lat: lat, max_lon: lon, max_lat: lat },
                Some(b) => BBox {
                    min_lon: b.min_lon.min(lon),
                    min_lat: b.min_lat.min(lat),
                    max_lon: b.max_lon.max(lon),
                    max_lat: b.max_lat.max(lat),
                },
            })
        })
    }

    /// The box grown by `margin` degrees on every side.
    pub fn grown(self, margin: f64) -> BBox {
        BBox {
            min_lon: self.min_lon - margin,
            min_lat: self.min_lat - margin,
            max_lon: self.max_lon + margin,
            max_lat: self.max_lat + margin,
        }
    }

    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        (self.min_lon..=self.max_lon).contains(&lon) && (self.min_lat..=self.max_lat).contains(&lat)
    }
}

impl Shape {
    /// Every vertex of every ring.
    pub fn points(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.polygons.iter().flatten().flatten().copied()
    }

    /// Whether `(lon, lat)` lies inside the shape (inside an outer ring and outside its holes).
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        self.polygons.iter().any(|rings| {
            let mut rings = rings.iter();
            rings.next().is_some_and(|outer| ring_contains(outer, lon, lat))
                && !rings.any(|hole| ring_contains(hole, lon, lat))
        })
    }

    /// The area-weighted centroid of the outer rings, as `(lon, lat)`; the mean of the vertices
    /// for degenerate shapes.
    pub fn centroid(&self) -> Option<(f64, f64)> {
        let (mut area, mut cx, mut cy) = (0.0, 0.0, 0.0);
        for outer in self.polygons.iter().filter_map(|rings| rings.first()) {
            for pair in outer.windows(2) {
                let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
                let cross = x0 * y1 - x1 * y0;
                area += cross;
                cx += (x0 + x1) * cross;
                cy += (y0 + y1) * cross;
            }
        }
        if area.abs() > f64::EPSILON {
            return Some((cx / (3.0 * area), cy / (3.0 * area)));
        }
        let (n, sx, sy) =
            self.points().fold((0.0, 0.0, 0.0), |(n, sx, sy), (x, y)| (n + 1.0, sx + x, sy + y));
        (n > 0.0).then(|| (sx / n, sy / n))
    }
}

/// Even-odd ray casting; the ring may be open or closed.
fn ring_contains(ring: &[(f64, f64)], lon: f64, lat: f64) -> bool {
    let mut inside = false;
    let mut j = ring.len().wrapping_sub(1);
    for i in 0..ring.len() {
        let ((xi, yi), (xj, yj)) = (ring[i], ring[j]);
        if (yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square_with_hole() -> Shape {
        let outer = vec![(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)];
        let hole = vec![(1.0, 1.0), (2.0, 1.0), (2.0, 2.0), (1.0, 2.0), (1.0, 1.0)];
        Shape { district: "d".into(), polygons: vec![vec![outer, hole]] }
    }

    // A point is inside the outer ring and outside its hole; outside points are not inside.
    #[test]
    fn point_in_polygon_respects_holes() {
        let s = square_with_hole();
        assert!(s.contains(3.0, 3.0));
        assert!(!s.contains(1.5, 1.5), "in the hole");
        assert!(!s.contains(5.0, 1.0));
        assert!(!s.contains(-0.1, 2.0));
    }

    // The centroid of a square is its centre.
    #[test]
    fn centroid_of_square() {
        let s = Shape {
            district: "d".into(),
            polygons: vec![vec![vec![(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)]]],
        };
        let (x, y) = s.centroid().unwrap();
        assert!((x - 1.0).abs() < 1e-9 && (y - 1.0).abs() < 1e-9);
    }

    // The bounding box covers all points and grows on every side.
    #[test]
    fn bbox_around_and_grown() {
        let b = BBox::around([(1.0, 2.0), (3.0, -1.0)]).unwrap().grown(0.5);
        assert!(b.contains(3.4, 2.4) && !b.contains(3.6, 0.0));
        assert!(BBox::around(std::iter::empty()).is_none());
    }
}
