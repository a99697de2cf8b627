//! District outlines: a jittered grid of cells around Liège (50.63 N, 5.58 E), neighbours
//! sharing their edges as real districts do, and points drawn strictly inside a cell.

use super::rng::Rng;

/// Longitude and latitude of the grid's centre.
const CENTRE: (f64, f64) = (5.58, 50.63);
/// A cell's size in degrees: about 1 km × 1 km at this latitude.
const CELL: (f64, f64) = (0.014, 0.009);

/// The grid of district cells: `cols × rows` cells, jittered corners, a jittered midpoint on
/// every edge (shared with the neighbour across it).
#[derive(Clone, Debug)]
pub struct Grid {
    cols: usize,
    /// Corner nodes, `(cols + 1) × (rows + 1)`, row-major from the south-west.
    nodes: Vec<(f64, f64)>,
    /// Midpoint of the horizontal edge from node (i, j) to (i + 1, j).
    h_mid: Vec<(f64, f64)>,
    /// Midpoint of the vertical edge from node (i, j) to (i, j + 1).
    v_mid: Vec<(f64, f64)>,
}

impl Grid {
    /// A grid of at least `cells` cells, about 5 wide.
    pub fn new(cells: usize, rng: &mut Rng) -> Grid {
        let cols = 5.min(cells.max(1));
        let rows = cells.div_ceil(cols).max(1);
        let origin = (CENTRE.0 - CELL.0 * cols as f64 / 2.0, CENTRE.1 - CELL.1 * rows as f64 / 2.0);
        let mut nodes = Vec::with_capacity((cols + 1) * (rows + 1));
        for j in 0..=rows {
            for i in 0..=cols {
                let jitter = |rng: &mut Rng, size: f64| (rng.unit() - 0.5) * 0.24 * size;
                let x = origin.0 + i as f64 * CELL.0 + jitter(rng, CELL.0);
                let y = origin.1 + j as f64 * CELL.1 + jitter(rng, CELL.1);
                nodes.push((x, y));
            }
        }
        let mut grid = Grid { cols, nodes, h_mid: Vec::new(), v_mid: Vec::new() };
        // Midpoints pushed sideways by up to ±5 % of the cell: outlines that are not rectangles.
        for j in 0..=rows {
            for i in 0..cols {
                let (a, b) = (grid.node(i, j), grid.node(i + 1, j));
                let dy = (rng.unit() - 0.5) * 0.10 * CELL.1;
                grid.h_mid.push(((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0 + dy));
            }
        }
        for j in 0..rows {
            for i in 0..=cols {
                let (a, b) = (grid.node(i, j), grid.node(i, j + 1));
                let dx = (rng.unit() - 0.5) * 0.10 * CELL.0;
                grid.v_mid.push(((a.0 + b.0) / 2.0 + dx, (a.1 + b.1) / 2.0));
            }
        }
        grid
    }

    fn node(&self, i: usize, j: usize) -> (f64, f64) {
        self.nodes[j * (self.cols + 1) + i]
    }

    /// The cell of district number `k` as (column, row).
    fn cell(&self, k: usize) -> (usize, usize) {
        (k % self.cols, k / self.cols)
    }

    /// The closed outer ring of cell `k`, counter-clockwise (RFC 7946), `(lon, lat)` points.
    pub fn ring(&self, k: usize) -> Vec<(f64, f64)> {
        let (i, j) = self.cell(k);
        let h = |i: usize, j: usize| self.h_mid[j * self.cols + i];
        let v = |i: usize, j: usize| self.v_mid[j * (self.cols + 1) + i];
        vec![
            self.node(i, j),
            h(i, j),
            self.node(i + 1, j),
            v(i + 1, j),
            self.node(i + 1, j + 1),
            h(i, j + 1),
            self.node(i, j + 1),
            v(i, j),
            self.node(i, j),
        ]
    }

    /// A point well inside cell `k`: bilinear between its corners, 22 %–78 % across each way,
    /// clear of the jittered edges.
    pub fn point_in(&self, k: usize, rng: &mut Rng) -> (f64, f64) {
        let (i, j) = self.cell(k);
        let (u, v) = (0.22 + 0.56 * rng.unit(), 0.22 + 0.56 * rng.unit());
        let (a, b, c, d) =
            (self.node(i, j), self.node(i + 1, j), self.node(i + 1, j + 1), self.node(i, j + 1));
        let lerp = |p: (f64, f64), q: (f64, f64), t: f64| (p.0 + (q.0 - p.0) * t, p.1 + (q.1 - p.1) * t);
        lerp(lerp(a, b, u), lerp(d, c, u), v)
    }

    /// The centroid of cell `k`'s corners.
    pub fn centre(&self, k: usize) -> (f64, f64) {
        let ring = self.ring(k);
        let n = (ring.len() - 1) as f64;
        let sum = ring[..ring.len() - 1].iter().fold((0.0, 0.0), |s, p| (s.0 + p.0, s.1 + p.1));
        (sum.0 / n, sum.1 / n)
    }
}

/// Even-odd point in ring (ray casting), for the tests.
#[cfg(test)]
pub fn ring_contains(ring: &[(f64, f64)], (x, y): (f64, f64)) -> bool {
    let mut inside = false;
    for w in ring.windows(2) {
        let ((x1, y1), (x2, y2)) = (w[0], w[1]);
        if (y1 > y) != (y2 > y) && x < x1 + (y - y1) / (y2 - y1) * (x2 - x1) {
            inside = !inside;
        }
    }
    inside
}
