//! District outlines that cross: a ring that crosses itself (a bow tie) and two districts whose
//! areas overlap are errors, as data/README.md promises; districts sharing a border (the same
//! edges, or vertices on each other's edges) are fine.
//!
//! Near-linear whatever the data: segments are paired by [`pairs`] (recursive quartering: a
//! detailed ring, a far-away outline, a crowded corner cost no more than spread-out data; an
//! edge two outlines share is paired once), inside points looked up in [`pairs::Holders`], and
//! once [`MAX_REPORTED`] overlaps or crossings are listed the check
//! stops with one more line saying so (a file of thousands of outlines piled on one another
//! would otherwise print, and cost, one line per pair). An overlap without any crossing (one
//! district inside another, or the same outline twice) is found by testing one point just
//! inside each outline against the outlines whose box holds it.

mod pairs;

use crate::diagnostics::Diagnostics;
use crate::model::geo::BBox;
use crate::records::{Origin, Shape};
use std::collections::HashSet;

/// Overlaps and self-crossings listed before the check stops.
pub const MAX_REPORTED: usize = 20;
/// How far from an edge's midpoint the point "just inside" an outline is, in degrees (~1 cm).
const NUDGE: f64 = 1e-7;
/// Crossings this close to a segment's end (in fractions of its length) are touches: shared
/// vertices and borders digitised twice must not count.
const END_TOLERANCE: f64 = 1e-9;

/// One edge of a ring.
#[derive(Clone, Copy)]
struct Segment {
    shape: usize,
    /// The ring, numbered across the shape's polygons.
    ring: usize,
    /// Position in the ring, and the ring's segment count (for adjacency).
    index: usize,
    count: usize,
    a: (f64, f64),
    b: (f64, f64),
}

/// Reports self-crossing rings and overlapping districts, at each outline's id.
pub fn check(shapes: &[Shape], origins: &[Origin], d: &mut Diagnostics) {
    let segments = segments(shapes);
    let mut crossed_rings = HashSet::new();
    let mut overlapping = HashSet::new();
    let mut last = 0;
    for_each_crossing(&segments, |s, t, at| {
        if s.shape == t.shape && s.ring == t.ring {
            if crossed_rings.insert((s.shape, s.ring)) {
                let message =
                    format!("outline of \"{}\" crosses itself near {}", shapes[s.shape].district, near(at));
                let hint = "a ring may not cross itself: split it into two polygons (a MultiPolygon)";
                d.error(&origins[s.shape], "id", message, Some(hint.into()));
                last = s.shape;
            }
        } else if s.shape != t.shape {
            let pair = (s.shape.min(t.shape), s.shape.max(t.shape));
            if overlapping.insert(pair) {
                overlap(shapes, origins, pair, Some(at), d);
                last = pair.1;
            }
        }
        crossed_rings.len() + overlapping.len() < MAX_REPORTED
    });
    if crossed_rings.len() + overlapping.len() < MAX_REPORTED {
        let room = MAX_REPORTED - crossed_rings.len() - overlapping.len();
        contained(shapes, origins, &mut overlapping, room, &mut last, d);
    }
    if crossed_rings.len() + overlapping.len() >= MAX_REPORTED {
        let message = format!("{MAX_REPORTED} outlines overlap or cross: the others were not checked");
        let hint = "correct these outlines, then run check again";
        d.error(&origins[last], "id", message, Some(hint.into()));
    }
}

fn overlap(
    shapes: &[Shape],
    origins: &[Origin],
    (first, second): (usize, usize),
    at: Option<(f64, f64)>,
    d: &mut Diagnostics,
) {
    let place = at.map(|at| format!(" near {}", near(at))).unwrap_or_default();
    let message = format!(
        "outlines of \"{}\" and \"{}\" overlap{place}",
        shapes[first].district, shapes[second].district
    );
    let hint = "districts may share a border, not an area: correct one of the outlines";
    d.error(&origins[second], "id", message, Some(hint.into()));
}

/// `[5.6012, 50.6423]`.
fn near((lon, lat): (f64, f64)) -> String {
    format!("[{lon:.5}, {lat:.5}]")
}

/// Every edge of every ring, but an edge that another outline already has (the same two
/// ends) only once: shared borders are fine, and outlines drawn twice are found by
/// [`contained`], so a pile of copies costs no pair tests.
fn segments(shapes: &[Shape]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut seen: HashSet<[u64; 4]> = HashSet::new();
    let key = |a: (f64, f64), b: (f64, f64)| {
        let (p, q) = if (a.0, a.1) <= (b.0, b.1) { (a, b) } else { (b, a) };
        [p.0.to_bits(), p.1.to_bits(), q.0.to_bits(), q.1.to_bits()]
    };
    for (shape, outline) in shapes.iter().enumerate() {
        for (ring, points) in outline.polygons.iter().flatten().enumerate() {
            let count = points.len().saturating_sub(1);
            for (index, pair) in points.windows(2).enumerate() {
                if pair[0] != pair[1] && seen.insert(key(pair[0], pair[1])) {
                    out.push(Segment { shape, ring, index, count, a: pair[0], b: pair[1] });
                }
            }
        }
    }
    out
}

/// Calls `found` for each pair of segments that cross properly (not at an end, not along each
/// other), with the crossing point, until it returns `false`; pairs of adjacent segments of a
/// ring are skipped. Returns how many pairs of boxes were tested (the work, for the scaling
/// test).
fn for_each_crossing(
    segments: &[Segment],
    mut found: impl FnMut(&Segment, &Segment, (f64, f64)) -> bool,
) -> usize {
    let boxes: Vec<pairs::Item> = segments
        .iter()
        .map(|s| pairs::Item {
            min: (s.a.0.min(s.b.0), s.a.1.min(s.b.1)),
            max: (s.a.0.max(s.b.0), s.a.1.max(s.b.1)),
        })
        .collect();
    pairs::pairs(&boxes, |i, j| {
        let (s, t) = (&segments[i], &segments[j]);
        match crossing(s, t) {
            Some(at) if !adjacent(s, t) => found(s, t, at),
            _ => true,
        }
    })
}

/// Consecutive edges of one ring (the last and the first too) share a vertex by design.
fn adjacent(s: &Segment, t: &Segment) -> bool {
    s.shape == t.shape
        && s.ring == t.ring
        && (s.index.abs_diff(t.index) == 1 || s.index.abs_diff(t.index) == s.count.saturating_sub(1))
}

/// Where `s` and `t` cross, strictly inside both and not along each other.
fn crossing(s: &Segment, t: &Segment) -> Option<(f64, f64)> {
    let r = (s.b.0 - s.a.0, s.b.1 - s.a.1);
    let q = (t.b.0 - t.a.0, t.b.1 - t.a.1);
    let denominator = r.0 * q.1 - r.1 * q.0;
    let scale = r.0.hypot(r.1) * q.0.hypot(q.1);
    if denominator.abs() <= 1e-12 * scale {
        return None; // parallel or along each other: a shared border
    }
    let w = (t.a.0 - s.a.0, t.a.1 - s.a.1);
    let along_s = (w.0 * q.1 - w.1 * q.0) / denominator;
    let along_t = (w.0 * r.1 - w.1 * r.0) / denominator;
    let inside = |x: f64| x > END_TOLERANCE && x < 1.0 - END_TOLERANCE;
    (inside(along_s) && inside(along_t)).then_some((s.a.0 + along_s * r.0, s.a.1 + along_s * r.1))
}

/// Overlaps with no crossing edge: a point just inside each outline, tested against the
/// outlines whose box holds it ([`pairs::Holders`]), until `room` more are reported.
fn contained(
    shapes: &[Shape],
    origins: &[Origin],
    reported: &mut HashSet<(usize, usize)>,
    room: usize,
    last: &mut usize,
    d: &mut Diagnostics,
) {
    let boxes: Vec<pairs::Item> = shapes
        .iter()
        .map(|s| {
            let b = BBox::around(s.points()).unwrap_or(BBox {
                min_lon: f64::NAN,
                min_lat: f64::NAN,
                max_lon: f64::NAN,
                max_lat: f64::NAN,
            });
            pairs::Item { min: (b.min_lon, b.min_lat), max: (b.max_lon, b.max_lat) }
        })
        .collect();
    let holders = pairs::Holders::new(&boxes);
    let mut added = 0;
    for (inner, shape) in shapes.iter().enumerate() {
        let Some((lon, lat)) = inside_point(shape) else { continue };
        let go = holders.near((lon, lat), |outer| {
            let pair = (inner.min(outer), inner.max(outer));
            let b = &boxes[outer];
            let in_box = b.min.0 <= lon && lon <= b.max.0 && b.min.1 <= lat && lat <= b.max.1;
            if outer != inner && in_box && !reported.contains(&pair) && shapes[outer].contains(lon, lat) {
                reported.insert(pair);
                overlap(shapes, origins, pair, Some((lon, lat)), d);
                *last = pair.1;
                added += 1;
            }
            added < room
        });
        if !go {
            return;
        }
    }
}

/// A point just inside `shape`, beside the middle of one of its outer edges.
fn inside_point(shape: &Shape) -> Option<(f64, f64)> {
    let outer = shape.polygons.iter().filter_map(|rings| rings.first());
    for pair in outer.flat_map(|ring| ring.windows(2)).take(16) {
        let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
        let length = (x1 - x0).hypot(y1 - y0);
        if length < 10.0 * NUDGE {
            continue;
        }
        let (mx, my) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        let (nx, ny) = (-(y1 - y0) / length * NUDGE, (x1 - x0) / length * NUDGE);
        for candidate in [(mx + nx, my + ny), (mx - nx, my - ny)] {
            if shape.contains(candidate.0, candidate.1) {
                return Some(candidate);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests;
