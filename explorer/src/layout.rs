//! What the map shows at a given view and screen size, as plain Rust: venue markers, merged
//! into clusters where they would overlap, each at least [`MIN_TARGET`] pixels wide; district
//! labels at their pole of inaccessibility (computed by the generator), moved or left out where a
//! marker or another label is, so that no label is ever under a marker. The map component draws
//! the result; nothing here touches the browser.

use crate::filter::sort::sort_by;
use crate::math::clamp;
use crate::viewport::Viewport;

/// The smallest marker, in CSS pixels: a 24 × 24 target (WCAG 2.2, 2.5.8).
pub const MIN_TARGET: f64 = 24.0;
/// The largest marker's diameter.
const MAX_TARGET: f64 = 44.0;
/// District labels' font size and line height, in CSS pixels (the stylesheet says the same).
pub const LABEL_FONT: f64 = 13.0;
const LABEL_LINE: f64 = 18.0;
/// A label's width per character, in ems: more than the letters of a wide bold sans-serif
/// (DejaVu Sans Bold, Linux's usual fallback, averages ~0.72) take, so the box the layout
/// reserves holds the text the browser draws.
const EM_PER_CHAR: f64 = 0.76;
/// Room left around a label's text.
const LABEL_PAD: f64 = 4.0;

/// The map on screen: its size in CSS pixels and the view it shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Screen {
    pub width: f64,
    pub height: f64,
    pub view: Viewport,
}

impl Screen {
    /// CSS pixels per viewBox unit, and the letterbox offsets (`preserveAspectRatio` "meet").
    fn fit(&self) -> (f64, f64, f64) {
        let v = &self.view;
        let scale = (self.width / v.w).min(self.height / v.h).max(f64::MIN_POSITIVE);
        (scale, (self.width - v.w * scale) / 2.0, (self.height - v.h * scale) / 2.0)
    }

    /// CSS pixels per viewBox unit.
    pub fn scale(&self) -> f64 {
        self.fit().0
    }

    /// Where viewBox point `[x, y]` is on screen, in CSS pixels from the map's top-left corner.
    pub fn pixel(&self, [x, y]: [f64; 2]) -> [f64; 2] {
        let (scale, ox, oy) = self.fit();
        [ox + (x - self.view.x) * scale, oy + (y - self.view.y) * scale]
    }

    fn contains(&self, [x, y]: [f64; 2], margin: f64) -> bool {
        x >= -margin && y >= -margin && x <= self.width + margin && y <= self.height + margin
    }
}

/// A marker: one venue, or a cluster of venues too close to tell apart at this zoom.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// Its centre, in CSS pixels from the map's top-left corner.
    pub at: [f64; 2],
    /// Its diameter in CSS pixels (at least [`MIN_TARGET`]).
    pub size: f64,
    /// Matching offers at its venues.
    pub count: u32,
    /// Its venues (positions in the index), the one it is drawn at first.
    pub venues: Vec<u32>,
    /// The viewBox rectangle `[x0, y0, x1, y1]` around its venues (a cluster zooms to it).
    pub bounds: [f64; 4],
}

impl Marker {
    /// Whether it stands for several venues.
    pub fn is_cluster(&self) -> bool {
        self.venues.len() > 1
    }
}

/// A marker's diameter for `count` matching offers: its area grows with the count.
pub fn marker_size(count: u32) -> f64 {
    clamp(MIN_TARGET + 3.0 * (f64::from(count).sqrt() - 1.0), MIN_TARGET, MAX_TARGET).round()
}

/// The markers for `per_venue` matching offers at venues `xy` (viewBox units) on `screen`, in
/// reading order (top to bottom in bands of a marker's height, then left to right: the order
/// in which the keyboard reaches them): each venue with a match joins the first marker it
/// would overlap, or starts its own. Venues off screen are left out.
pub fn markers(xy: &[[f64; 2]], per_venue: &[u32], screen: &Screen) -> Vec<Marker> {
    let at: Vec<[f64; 2]> = xy.iter().map(|&p| screen.pixel(p)).collect();
    let band = |i: u32| (at[i as usize][1] / MIN_TARGET).floor() as i64;
    let mut order: Vec<u32> = (0..per_venue.len().min(xy.len()) as u32)
        .filter(|&i| per_venue[i as usize] > 0 && screen.contains(at[i as usize], MIN_TARGET))
        .collect();
    sort_by(&mut order, &|a, b| band(a).cmp(&band(b)).then(at[a as usize][0].total_cmp(&at[b as usize][0])));
    let mut out: Vec<Marker> = Vec::new();
    for i in order {
        let (n, point, at) = (per_venue[i as usize], xy[i as usize], at[i as usize]);
        let size = marker_size(n);
        let near = out.iter_mut().find(|m| {
            let (dx, dy) = (m.at[0] - at[0], m.at[1] - at[1]);
            let reach = (m.size + size) / 2.0;
            dx * dx + dy * dy < reach * reach
        });
        match near {
            Some(m) => {
                m.count += n;
                m.size = marker_size(m.count);
                m.venues.push(i);
                let b = &mut m.bounds;
                *b = [b[0].min(point[0]), b[1].min(point[1]), b[2].max(point[0]), b[3].max(point[1])];
            }
            None => out.push(Marker {
                at,
                size,
                count: n,
                venues: vec![i],
                bounds: [point[0], point[1], point[0], point[1]],
            }),
        }
    }
    out
}

/// A label to place: its text's length in characters and where it wants to be (viewBox units).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Wanted {
    pub chars: usize,
    pub at: [f64; 2],
}

/// A placed label: which one, and its box's centre in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    pub label: usize,
    pub at: [f64; 2],
}

/// A label's box `[x0, y0, x1, y1]` centred on `at`.
pub fn label_box(chars: usize, [x, y]: [f64; 2]) -> [f64; 4] {
    let half_w = (chars as f64 * EM_PER_CHAR * LABEL_FONT + 2.0 * LABEL_PAD) / 2.0;
    let half_h = LABEL_LINE / 2.0;
    [x - half_w, y - half_h, x + half_w, y + half_h]
}

fn overlaps(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Whether a marker (its bounding square: what a browser reports for it, and a pixel of
/// room) meets `rect`.
fn meets(m: &Marker, rect: &[f64; 4]) -> bool {
    let r = m.size / 2.0 + 1.0;
    overlaps(&[m.at[0] - r, m.at[1] - r, m.at[0] + r, m.at[1] + r], rect)
}

/// The labels that fit, in order of `wanted`: each at its point, or a line or two above or below,
/// inside the screen and clear of every marker and of the labels placed before it. A label
/// that fits nowhere is left out at this zoom (its district is still named by its shape).
pub fn labels(wanted: &[Wanted], markers: &[Marker], screen: &Screen) -> Vec<Placed> {
    let mut placed: Vec<(Placed, [f64; 4])> = Vec::new();
    for (k, w) in wanted.iter().enumerate() {
        let [x, y] = screen.pixel(w.at);
        // Up or down two lines at most, never sideways: there, a small district's name would sit
        // on its neighbour.
        let candidates = [0.0, -1.25, 1.25, -2.25, 2.25].map(|lines| [x, y + lines * LABEL_LINE]);
        let fits = candidates.into_iter().map(|at| (at, label_box(w.chars, at))).find(|(_, b)| {
            b[0] >= 0.0
                && b[1] >= 0.0
                && b[2] <= screen.width
                && b[3] <= screen.height
                && !markers.iter().any(|m| meets(m, b))
                && !placed.iter().any(|(_, other)| overlaps(other, b))
        });
        if let Some((at, b)) = fits {
            placed.push((Placed { label: k, at }, b));
        }
    }
    placed.into_iter().map(|(p, _)| p).collect()
}

/// The scale bar for `metres_per_px` at the view's centre: the longest round distance (50 m,
/// 100 m, 200 m, 500 m, 1 km…) that fits in `max_px`, and its length in pixels.
pub fn scale_bar(metres_per_px: f64, max_px: f64) -> (u32, f64) {
    const STEPS: [u32; 12] = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000];
    let fits = |m: &u32| f64::from(*m) / metres_per_px <= max_px;
    let metres = STEPS.iter().rev().find(|m| fits(m)).copied().unwrap_or(STEPS[0]);
    (metres, f64::from(metres) / metres_per_px)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen(width: f64) -> Screen {
        Screen { width, height: width * 0.75, view: Viewport::new(1000.0, 750.0) }
    }

    // Markers are never below the target size, grow with their count, and stop growing.
    #[test]
    fn marker_sizes() {
        assert_eq!(marker_size(1), MIN_TARGET);
        assert!(marker_size(9) > marker_size(4));
        assert_eq!(marker_size(10_000), MAX_TARGET);
    }

    // Venues closer than their markers' size merge, and the counts add up; distant ones stay.
    #[test]
    fn crowded_markers_cluster() {
        let xy = [[100.0, 100.0], [105.0, 100.0], [900.0, 700.0], [500.0, 500.0]];
        let per_venue = [3, 2, 1, 0];
        let ms = markers(&xy, &per_venue, &screen(390.0));
        assert_eq!(ms.len(), 2);
        assert_eq!((ms[0].count, ms[0].venues.clone()), (5, vec![0, 1]));
        assert!(ms[0].is_cluster() && !ms[1].is_cluster());
        assert_eq!(ms[0].bounds, [100.0, 100.0, 105.0, 100.0]);
        assert_eq!(ms.iter().map(|m| m.count).sum::<u32>(), per_venue.iter().sum::<u32>());
        // Zoomed in on them, they part.
        let zoomed =
            Screen { view: Viewport::new(1000.0, 750.0).zoom_at(30.0, [102.0, 100.0]), ..screen(390.0) };
        let ms = markers(&xy, &per_venue, &zoomed);
        assert_eq!(
            ms.iter().map(|m| m.venues.len()).collect::<Vec<_>>(),
            vec![1, 1],
            "the far one is off screen"
        );
    }

    // A label moves off a marker, never onto another label, and is dropped where nothing fits.
    #[test]
    fn labels_avoid_markers() {
        let s = screen(1000.0);
        let ms = markers(&[[500.0, 300.0]], &[1], &s);
        let wanted = [Wanted { chars: 10, at: [500.0, 300.0] }, Wanted { chars: 10, at: [500.0, 300.0] }];
        let placed = labels(&wanted, &ms, &s);
        assert_eq!(placed.len(), 2);
        for p in &placed {
            assert!(!meets(&ms[0], &label_box(10, p.at)), "{p:?}");
        }
        assert!(!overlaps(&label_box(10, placed[0].at), &label_box(10, placed[1].at)));
        // At the edge, a label that would stick out is left out.
        assert!(labels(&[Wanted { chars: 30, at: [2.0, 300.0] }], &[], &s).is_empty());
    }

    // The scale bar takes the longest round distance that fits.
    #[test]
    fn scale_bars() {
        assert_eq!(scale_bar(5.0, 110.0), (500, 100.0));
        assert_eq!(scale_bar(10.0, 110.0), (1000, 100.0));
        assert_eq!(scale_bar(3.0, 110.0), (200, 200.0 / 3.0));
    }

    // The keyboard meets markers row by row, left to right.
    #[test]
    fn markers_in_reading_order() {
        let s = screen(1000.0);
        let ms = markers(&[[900.0, 100.0], [100.0, 105.0], [500.0, 600.0]], &[1, 5, 9], &s);
        assert_eq!(ms.iter().map(|m| m.venues[0]).collect::<Vec<_>>(), vec![1, 0, 2]);
    }

    // Screen positions follow the view (meet letterboxing included).
    #[test]
    fn pixels() {
        let s = Screen { width: 400.0, height: 400.0, view: Viewport::new(1000.0, 750.0) };
        assert_eq!(s.scale(), 0.4);
        assert_eq!(s.pixel([0.0, 0.0]), [0.0, 50.0]);
        assert_eq!(s.pixel([1000.0, 750.0]), [400.0, 350.0]);
    }
}
