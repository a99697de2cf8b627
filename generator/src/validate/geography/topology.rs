//! District outlines that cross: a ring that crosses itself (a bow tie) and two districts whose
//! areas overlap are errors, as data/README.md promises; districts sharing a border (the same
//! edges, or vertices on each other's edges) are fine.
//!
//! Linear in practice, never a pair test of every segment against every other: segments go
//! into a uniform grid of about one cell per segment over the outlines' box, and only segments
//! sharing a cell are tested. An overlap without any crossing (one district inside another, or
//! the same outline twice) is found by testing one point just inside each outline against the
//! outlines whose box holds it.

use crate::diagnostics::Diagnostics;
use crate::model::geo::BBox;
use crate::records::{Origin, Shape};
use std::collections::HashSet;

/// The most grid cells per side (a million cells at most).
const MAX_SIDE: usize = 1000;
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
    for_each_crossing(&segments, |s, t, at| {
        if s.shape == t.shape && s.ring == t.ring {
            if crossed_rings.insert((s.shape, s.ring)) {
                let message =
                    format!("outline of \"{}\" crosses itself near {}", shapes[s.shape].district, near(at));
                let hint = "a ring may not cross itself: split it into two polygons (a MultiPolygon)";
                d.error(&origins[s.shape], "id", message, Some(hint.into()));
            }
        } else if s.shape != t.shape {
            let pair = (s.shape.min(t.shape), s.shape.max(t.shape));
            if overlapping.insert(pair) {
                overlap(shapes, origins, pair, Some(at), d);
            }
        }
    });
    contained(shapes, origins, &mut overlapping, d);
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

fn segments(shapes: &[Shape]) -> Vec<Segment> {
    let mut out = Vec::new();
    for (shape, outline) in shapes.iter().enumerate() {
        for (ring, points) in outline.polygons.iter().flatten().enumerate() {
            let count = points.len().saturating_sub(1);
            for (index, pair) in points.windows(2).enumerate() {
                if pair[0] != pair[1] {
                    out.push(Segment { shape, ring, index, count, a: pair[0], b: pair[1] });
                }
            }
        }
    }
    out
}

/// Calls `found` for each pair of segments that cross properly (not at an end, not along each
/// other), with the crossing point; pairs of adjacent segments of a ring are skipped. Returns
/// how many pairs were tested (the work, for the scaling test).
fn for_each_crossing(segments: &[Segment], mut found: impl FnMut(&Segment, &Segment, (f64, f64))) -> usize {
    let Some(bbox) = BBox::around(segments.iter().flat_map(|s| [s.a, s.b])) else { return 0 };
    let side = ((segments.len() as f64).sqrt().ceil() as usize).clamp(1, MAX_SIDE);
    let width = (bbox.max_lon - bbox.min_lon).max(f64::MIN_POSITIVE);
    let height = (bbox.max_lat - bbox.min_lat).max(f64::MIN_POSITIVE);
    let cell = |x: f64, y: f64| {
        let i = (((x - bbox.min_lon) / width) * side as f64) as usize;
        let j = (((y - bbox.min_lat) / height) * side as f64) as usize;
        (i.min(side - 1), j.min(side - 1))
    };
    let mut grid: Vec<Vec<u32>> = vec![Vec::new(); side * side];
    for (n, s) in segments.iter().enumerate() {
        let (i0, j0) = cell(s.a.0.min(s.b.0), s.a.1.min(s.b.1));
        let (i1, j1) = cell(s.a.0.max(s.b.0), s.a.1.max(s.b.1));
        for j in j0..=j1 {
            for i in i0..=i1 {
                grid[j * side + i].push(u32::try_from(n).unwrap_or(u32::MAX));
            }
        }
    }
    let mut tested = HashSet::new();
    let mut pairs = 0;
    for members in &grid {
        for (k, &m) in members.iter().enumerate() {
            for &n in &members[k + 1..] {
                let (s, t) = (&segments[m as usize], &segments[n as usize]);
                if adjacent(s, t) || !tested.insert((m, n)) {
                    continue;
                }
                pairs += 1;
                if let Some(at) = crossing(s, t) {
                    found(s, t, at);
                }
            }
        }
    }
    pairs
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

/// Overlaps with no crossing edge: a point just inside each outline, tested against every
/// other outline whose box holds it.
fn contained(
    shapes: &[Shape],
    origins: &[Origin],
    reported: &mut HashSet<(usize, usize)>,
    d: &mut Diagnostics,
) {
    let boxes: Vec<Option<BBox>> = shapes.iter().map(|s| BBox::around(s.points())).collect();
    for (inner, shape) in shapes.iter().enumerate() {
        let Some((lon, lat)) = inside_point(shape) else { continue };
        for (outer, other) in shapes.iter().enumerate() {
            let pair = (inner.min(outer), inner.max(outer));
            let in_box = boxes[outer].is_some_and(|b| b.contains(lon, lat));
            if outer != inner && in_box && !reported.contains(&pair) && other.contains(lon, lat) {
                reported.insert(pair);
                overlap(shapes, origins, pair, Some((lon, lat)), d);
            }
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
