//! The venues outside every district, in groups the explorer outlines and names ("Hors des
//! quartiers"): venues within [`REACH`] viewBox units of one another (transitively) form a group.
//! Linear in venues: each is compared with those in its grid cell and the 8 around it.

use passerelle_index::Outside;
use std::collections::HashMap;

/// How close (viewBox units, the map being 1000 wide) two venues must be to share a group.
pub const REACH: f64 = 120.0;
/// Room between the outermost venue and the outline: a marker's radius at the usual zoom.
const ROOM: f64 = 30.0;

/// The groups of the venues at `points` (`(venue position, viewBox point)`), in order of their
/// first venue.
pub fn groups(points: &[(u32, [f64; 2])]) -> Vec<Outside> {
    let cell = |[x, y]: [f64; 2]| ((x / REACH).floor() as i64, (y / REACH).floor() as i64);
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (k, &(_, p)) in points.iter().enumerate() {
        grid.entry(cell(p)).or_default().push(k);
    }
    let mut parent: Vec<usize> = (0..points.len()).collect();
    fn root(parent: &mut [usize], mut k: usize) -> usize {
        while parent[k] != k {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        k
    }
    for (k, &(_, [x, y])) in points.iter().enumerate() {
        let (cx, cy) = cell([x, y]);
        for (dx, dy) in (-1..=1).flat_map(|dx| (-1..=1).map(move |dy| (dx, dy))) {
            for &other in grid.get(&(cx + dx, cy + dy)).into_iter().flatten() {
                let [ox, oy] = points[other].1;
                if (ox - x).hypot(oy - y) <= REACH {
                    let (a, b) = (root(&mut parent, k), root(&mut parent, other));
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); points.len()];
    for k in 0..points.len() {
        let r = root(&mut parent, k);
        members[r].push(k);
    }
    members
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(|m| outline(&m.iter().map(|&k| points[k]).collect::<Vec<_>>()))
        .collect()
}

/// A circle around a group's venues, its label just below it.
fn outline(group: &[(u32, [f64; 2])]) -> Outside {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(_, [x, y]) in group {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let r = ((x1 - x0).hypot(y1 - y0) / 2.0 + ROOM).round();
    let (left, cy) = ((cx - r).round(), cy.round());
    Outside {
        path: format!("M{left} {cy}a{r} {r} 0 1 0 {d} 0a{r} {r} 0 1 0 -{d} 0Z", d = 2.0 * r),
        label: [cx.round(), cy + r + 14.0],
        venues: group.iter().map(|&(v, _)| v).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Venues near one another share a group, chained; a distant one has its own.
    #[test]
    fn venues_group_by_reach() {
        let points = [(0, [100.0, 100.0]), (3, [150.0, 100.0]), (5, [200.0, 110.0]), (7, [800.0, 600.0])];
        let groups = groups(&points);
        assert_eq!(groups.iter().map(|g| g.venues.clone()).collect::<Vec<_>>(), vec![vec![0, 3, 5], vec![7]]);
        assert!(groups[0].path.starts_with('M') && groups[0].path.ends_with('Z'));
        assert!(groups[0].label[1] > 110.0, "the label is below the group");
        assert!(super::groups(&[]).is_empty());
    }
}
