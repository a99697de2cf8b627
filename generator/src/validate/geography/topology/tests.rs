use super::*;
use std::sync::Arc;

fn shape(id: &str, rings: &[&[(f64, f64)]]) -> Shape {
    Shape { district: id.into(), polygons: vec![rings.iter().map(|r| r.to_vec()).collect()] }
}

/// A closed square ring from `(x, y)` of side `size`.
fn square(x: f64, y: f64, size: f64) -> Vec<(f64, f64)> {
    vec![(x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)]
}

fn run(shapes: &[Shape]) -> Vec<String> {
    let origins: Vec<Origin> = (0..shapes.len())
        .map(|i| Origin {
            file: Arc::from("data/districts.geojson"),
            line: u32::try_from(i).unwrap_or(0) + 2,
            columns: vec![("id", 5)],
            lines: vec![],
        })
        .collect();
    let mut d = Diagnostics::default();
    check(shapes, &origins, &mut d);
    d.iter().map(|d| format!("{}: {}", d.line, d.message)).collect()
}

// A bow tie crosses itself; a square does not.
#[test]
fn self_crossing_ring() {
    let bow = [(5.6, 50.6), (5.7, 50.7), (5.7, 50.6), (5.6, 50.7), (5.6, 50.6)];
    assert_eq!(run(&[shape("a", &[&bow])]), ["2: outline of \"a\" crosses itself near [5.65000, 50.65000]"]);
    assert!(run(&[shape("a", &[&square(5.6, 50.6, 0.1)])]).is_empty());
}

// Neighbours sharing a border (the same edge, or a vertex on the other's edge) are fine;
// crossing edges, one inside the other, or the same outline twice are overlaps.
#[test]
fn overlaps_and_shared_borders() {
    let left = square(5.6, 50.6, 0.1);
    let right = square(5.7, 50.6, 0.1);
    let shifted = square(5.7, 50.65, 0.1); // shares part of an edge, vertex on the other's edge
    assert!(run(&[shape("a", &[&left]), shape("b", &[&right]), shape("c", &[&square(5.6, 50.7, 0.2)])])
        .is_empty());
    assert!(run(&[shape("a", &[&left]), shape("b", &[&shifted])]).is_empty());
    let crossing = square(5.65, 50.65, 0.1);
    assert_eq!(
        run(&[shape("a", &[&left]), shape("b", &[&crossing])]),
        ["3: outlines of \"a\" and \"b\" overlap near [5.70000, 50.65000]"]
    );
    let inner = square(5.62, 50.62, 0.01);
    let got = run(&[shape("a", &[&left]), shape("b", &[&inner])]);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("3: outlines of \"a\" and \"b\" overlap"), "{got:?}");
    let twice = run(&[shape("a", &[&left]), shape("b", &[&left])]);
    assert_eq!(twice.len(), 1, "{twice:?}");
    // A district in another's hole does not overlap it.
    let holed = [left.as_slice(), inner.as_slice()];
    let inner_reversed: Vec<_> = inner.iter().rev().copied().collect();
    assert!(run(&[shape("a", &holed), shape("b", &[&inner_reversed])]).is_empty());
}

// Many districts in a row, each sharing borders with its neighbours: no finding, and the
// grid keeps the work near-linear (the scaling itself is measured by the bench, not timed here).
#[test]
fn a_grid_of_neighbours_is_clean() {
    let shapes: Vec<Shape> = (0..400)
        .map(|i| {
            let (x, y) = (5.0 + f64::from(i % 20) * 0.01, 50.0 + f64::from(i / 20) * 0.01);
            Shape { district: format!("d{i}"), polygons: vec![vec![square(x, y, 0.01)]] }
        })
        .collect();
    assert!(run(&shapes).is_empty());
}

// The work grows linearly: the pairs of segments tested per segment stay bounded from 100 to
// 6,400 neighbouring districts (counted, not timed).
#[test]
fn pair_tests_grow_linearly() {
    let pairs_per_segment = |side: u32| {
        let shapes: Vec<Shape> = (0..side * side)
            .map(|i| {
                let (x, y) = (5.0 + f64::from(i % side) * 0.001, 50.0 + f64::from(i / side) * 0.001);
                Shape { district: format!("d{i}"), polygons: vec![vec![square(x, y, 0.001)]] }
            })
            .collect();
        let segments = segments(&shapes);
        let pairs = for_each_crossing(&segments, |_, _, _| true);
        pairs as f64 / segments.len() as f64
    };
    let (small, large) = (pairs_per_segment(10), pairs_per_segment(80));
    assert!(large < 12.0 && large < 2.0 * small.max(1.0), "{small} then {large} pairs per segment");
}

// Thousands of outlines piled on one spot: the first overlaps are listed, then one line says
// the check stopped; the work stays near-linear (pairs counted by the bench, not timed here).
#[test]
fn piled_outlines_stop_after_the_first_overlaps() {
    let shapes: Vec<Shape> = (0..3000)
        .map(|i| Shape { district: format!("d{i}"), polygons: vec![vec![square(5.0, 50.0, 0.01)]] })
        .collect();
    let found = run(&shapes);
    assert_eq!(found.len(), MAX_REPORTED + 1, "{found:?}");
    assert!(found[MAX_REPORTED].contains("outlines overlap or cross: the others were not checked"));
}

// A ring of many points far from the others: its segments are paired with their neighbours
// only (quartering adapts to where the points are).
#[test]
fn a_detailed_ring_far_away_pairs_locally() {
    let pairs_per_segment = |n: usize| {
        let mut ring: Vec<(f64, f64)> = (0..n)
            .map(|i| {
                let a = i as f64 / n as f64 * std::f64::consts::TAU;
                (7.0 + 0.05 * a.cos(), 52.0 + 0.05 * a.sin())
            })
            .collect();
        ring.push(ring[0]);
        let shapes = vec![
            Shape { district: "here".into(), polygons: vec![vec![square(5.0, 50.0, 0.01)]] },
            Shape { district: "far".into(), polygons: vec![vec![ring]] },
        ];
        let segments = segments(&shapes);
        for_each_crossing(&segments, |_, _, _| true) as f64 / segments.len() as f64
    };
    let (small, large) = (pairs_per_segment(2_000), pairs_per_segment(64_000));
    assert!(large < 4.0 && large < 2.0 * small.max(1.0), "{small} then {large} pairs per segment");
}
