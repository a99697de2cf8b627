//! The pairs of boxes that touch, each found once, in about `n log n`: the plane is quartered
//! recursively until a quarter holds a few boxes, so detailed rings, skewed extents (a city
//! and one far-away outline) and crowded corners cost no more than spread-out data. A pair is
//! tested only in the quarter that owns the corner where its two boxes start to overlap, so a
//! box lying across quarters is never tested twice with the same partner.

/// A closed box: `(min lon, min lat)`, `(max lon, max lat)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Item {
    pub min: (f64, f64),
    pub max: (f64, f64),
}

impl Item {
    fn touches(&self, other: &Item) -> bool {
        self.min.0 <= other.max.0
            && other.min.0 <= self.max.0
            && self.min.1 <= other.max.1
            && other.min.1 <= self.max.1
    }
}

/// Below this many boxes a quarter is tested pair by pair.
const LEAF: usize = 12;
/// Deeper than this, a quarter is tested pair by pair (boxes piled on one point).
const DEPTH: u32 = 32;
/// Quartering copies a box into each quarter it lies across: at most this many copies per
/// box in all, then the quarters left are tested pair by pair.
const COPIES: usize = 48;

/// A quarter of the plane; its upper edges belong to it only on the outer border.
#[derive(Clone, Copy)]
struct Quarter {
    min: (f64, f64),
    max: (f64, f64),
    closed: (bool, bool),
}

impl Quarter {
    fn owns(&self, (x, y): (f64, f64)) -> bool {
        let inside = |v: f64, lo: f64, hi: f64, closed: bool| lo <= v && (v < hi || (closed && v <= hi));
        inside(x, self.min.0, self.max.0, self.closed.0) && inside(y, self.min.1, self.max.1, self.closed.1)
    }

    fn holds(&self, item: &Item) -> bool {
        item.min.0 <= self.max.0
            && item.max.0 >= self.min.0
            && item.min.1 <= self.max.1
            && item.max.1 >= self.min.1
    }

    fn quarters(&self) -> [Quarter; 4] {
        let mid = ((self.min.0 + self.max.0) / 2.0, (self.min.1 + self.max.1) / 2.0);
        let low = |lo: f64, hi: f64| (lo, hi, false);
        let xs = [low(self.min.0, mid.0), (mid.0, self.max.0, self.closed.0)];
        let ys = [low(self.min.1, mid.1), (mid.1, self.max.1, self.closed.1)];
        let q = |(x0, x1, cx): (f64, f64, bool), (y0, y1, cy): (f64, f64, bool)| Quarter {
            min: (x0, y0),
            max: (x1, y1),
            closed: (cx, cy),
        };
        [q(xs[0], ys[0]), q(xs[1], ys[0]), q(xs[0], ys[1]), q(xs[1], ys[1])]
    }
}

/// Calls `visit(i, j)` (`i < j`) once for each pair of `items` whose boxes touch, until it
/// returns `false`. Returns how many pairs were visited (the work, for the scaling test).
pub fn pairs(items: &[Item], mut visit: impl FnMut(usize, usize) -> bool) -> usize {
    let Some(first) = items.first() else { return 0 };
    let (mut min, mut max) = (first.min, first.max);
    for item in items {
        min = (min.0.min(item.min.0), min.1.min(item.min.1));
        max = (max.0.max(item.max.0), max.1.max(item.max.1));
    }
    if !(min.0.is_finite() && min.1.is_finite() && max.0.is_finite() && max.1.is_finite()) {
        return 0;
    }
    let all: Vec<u32> = (0..items.len()).filter_map(|i| u32::try_from(i).ok()).collect();
    let budget = COPIES.saturating_mul(items.len());
    let mut walk = Walk { items, visit: &mut visit, visited: 0, stopped: false, budget };
    walk.split(&all, Quarter { min, max, closed: (true, true) }, 0);
    walk.visited
}

struct Walk<'a, F: FnMut(usize, usize) -> bool> {
    items: &'a [Item],
    visit: &'a mut F,
    visited: usize,
    stopped: bool,
    /// Copies quartering may still make.
    budget: usize,
}

impl<F: FnMut(usize, usize) -> bool> Walk<'_, F> {
    fn split(&mut self, members: &[u32], quarter: Quarter, depth: u32) {
        if self.stopped {
            return;
        }
        if members.len() > LEAF && depth < DEPTH {
            let children: Vec<(Quarter, Vec<u32>)> = quarter
                .quarters()
                .into_iter()
                .map(|q| (q, members.iter().copied().filter(|&m| q.holds(&self.items[m as usize])).collect()))
                .collect();
            // Boxes so large (or so piled up) that quartering only copies them, or quartering
            // that has copied enough: test them here.
            let copies: usize = children.iter().map(|(_, m)| m.len()).sum();
            if copies <= 3 * members.len() && copies <= self.budget {
                self.budget -= copies;
                for (q, sub) in children {
                    self.split(&sub, q, depth + 1);
                }
                return;
            }
        }
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                let (i, j) = (a.min(b) as usize, a.max(b) as usize);
                let (s, t) = (&self.items[i], &self.items[j]);
                let corner = (s.min.0.max(t.min.0), s.min.1.max(t.min.1));
                if !s.touches(t) || !quarter.owns(corner) {
                    continue;
                }
                self.visited += 1;
                if !(self.visit)(i, j) {
                    self.stopped = true;
                    return;
                }
            }
        }
    }
}

/// Boxes indexed to answer "which boxes hold this point" (a loose quadtree by levels): each
/// box sits in the up to four cells, of the level whose cells are just larger than it, that
/// it lies across; a point looks at its one cell on each level.
pub struct Holders {
    min: (f64, f64),
    size: f64,
    cells: std::collections::HashMap<(u32, i64, i64), Vec<u32>>,
    levels: u32,
}

/// The finest level of [`Holders`] (cells a million times smaller than the whole).
const LEVELS: u32 = 20;

impl Holders {
    /// Indexes `boxes` (by their position in it).
    pub fn new(boxes: &[Item]) -> Holders {
        let (mut min, mut max) = ((f64::INFINITY, f64::INFINITY), (f64::NEG_INFINITY, f64::NEG_INFINITY));
        for b in boxes {
            min = (min.0.min(b.min.0), min.1.min(b.min.1));
            max = (max.0.max(b.max.0), max.1.max(b.max.1));
        }
        let size = (max.0 - min.0).max(max.1 - min.1);
        let mut holders = Holders { min, size, cells: std::collections::HashMap::new(), levels: 0 };
        if !(size.is_finite() && size > 0.0) {
            holders.size = 1.0;
        }
        for (n, b) in boxes.iter().enumerate() {
            let extent = (b.max.0 - b.min.0).max(b.max.1 - b.min.1);
            let level = if extent > 0.0 {
                (holders.size / extent).log2().floor().clamp(0.0, f64::from(LEVELS)) as u32
            } else {
                LEVELS
            };
            holders.levels = holders.levels.max(level + 1);
            let (i0, j0) = holders.cell(level, b.min);
            let (i1, j1) = holders.cell(level, b.max);
            for i in i0..=i1.min(i0 + 1) {
                for j in j0..=j1.min(j0 + 1) {
                    holders
                        .cells
                        .entry((level, i, j))
                        .or_default()
                        .push(u32::try_from(n).unwrap_or(u32::MAX));
                }
            }
        }
        holders
    }

    fn cell(&self, level: u32, (x, y): (f64, f64)) -> (i64, i64) {
        let width = self.size / f64::from(1u32 << level);
        (((x - self.min.0) / width).floor() as i64, ((y - self.min.1) / width).floor() as i64)
    }

    /// Calls `visit` with each box that may hold `point` (its cells'), until it returns `false`.
    pub fn near(&self, point: (f64, f64), mut visit: impl FnMut(usize) -> bool) -> bool {
        for level in 0..self.levels {
            let (i, j) = self.cell(level, point);
            for &n in self.cells.get(&(level, i, j)).map_or(&[][..], Vec::as_slice) {
                if !visit(n as usize) {
                    return false;
                }
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxes(n: usize) -> Vec<Item> {
        (0..n)
            .map(|i| {
                let (x, y) = ((i % 37) as f64 * 0.7, (i / 37) as f64 * 0.45);
                Item { min: (x, y), max: (x + 1.0, y + 0.6) }
            })
            .collect()
    }

    // Exactly the touching pairs, each once, as the plain double loop finds them.
    #[test]
    fn every_touching_pair_once() {
        let items = boxes(500);
        let mut found = Vec::new();
        pairs(&items, |i, j| {
            found.push((i, j));
            true
        });
        found.sort_unstable();
        let mut plain = Vec::new();
        for i in 0..items.len() {
            for j in i + 1..items.len() {
                if items[i].touches(&items[j]) {
                    plain.push((i, j));
                }
            }
        }
        assert_eq!(found, plain);
    }

    // Stopping is honoured.
    #[test]
    fn stops_when_asked() {
        let items = boxes(200);
        let mut seen = 0;
        assert_eq!(
            pairs(&items, |_, _| {
                seen += 1;
                seen < 5
            }),
            5
        );
    }
}
