//! What the map's gestures mean, as plain Rust: pointers down (drag, pinch, double tap), the
//! wheel and the keys each give a new [`Viewport`] or nothing. The hook
//! `hooks::use_map_gestures` (wasm only) forwards the browser's events here and sets the view.

use crate::math::{exp, hypot};
use crate::viewport::Viewport;

/// How far (screen pixels) a pointer may travel and still make a click or a tap.
pub const CLICK_SLOP: f64 = 4.0;
/// Two taps this close in time (ms) and space (px) zoom in.
const DOUBLE_TAP_MS: f64 = 300.0;
const DOUBLE_TAP_PX: f64 = 24.0;
/// How much a double tap or a zoom key magnifies.
pub const STEP: f64 = 1.5;

/// The map element on screen: its top-left corner and size, in CSS pixels.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Frame {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

impl Frame {
    /// The viewBox point under client position `(x, y)`.
    fn at(&self, view: &Viewport, x: f64, y: f64) -> [f64; 2] {
        view.at_pixel(x - self.left, y - self.top, self.width, self.height)
    }
}

/// The pointers down on the map and what they did since the first went down.
#[derive(Clone, Debug, Default)]
pub struct Gesture {
    pointers: Vec<(i32, f64, f64)>,
    travelled: f64,
    /// The last tap (a short press that did not move): when (ms) and where.
    last_tap: Option<(f64, f64, f64)>,
}

/// What a pointer move did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Moved {
    /// Nothing (an unknown pointer, or still within the click slop).
    Nothing,
    /// The map is being dragged: capture the pointer so the drag continues outside.
    Drag(Viewport),
    /// Two pointers pinched.
    Pinch(Viewport),
}

impl Gesture {
    /// Pointer `id` went down at client `(x, y)`.
    pub fn down(&mut self, id: i32, x: f64, y: f64) {
        if self.pointers.is_empty() {
            self.travelled = 0.0;
        }
        self.pointers.retain(|p| p.0 != id);
        self.pointers.push((id, x, y));
    }

    /// Pointer `id` moved to `(x, y)`: the view after it.
    pub fn moved(&mut self, id: i32, x: f64, y: f64, view: Viewport, frame: Frame) -> Moved {
        let Some(k) = self.pointers.iter().position(|p| p.0 == id) else { return Moved::Nothing };
        let (_, old_x, old_y) = self.pointers[k];
        self.pointers[k] = (id, x, y);
        match self.pointers.len() {
            1 => {
                self.travelled += hypot(x - old_x, y - old_y);
                if self.travelled <= CLICK_SLOP {
                    return Moved::Nothing;
                }
                Moved::Drag(view.pan_pixels(x - old_x, y - old_y, frame.width, frame.height))
            }
            2 => {
                let (_, ox, oy) = self.pointers[1 - k];
                let before = hypot(old_x - ox, old_y - oy).max(1.0);
                let after = hypot(x - ox, y - oy).max(1.0);
                // A pinch is never a click, whatever the fingers' travel.
                self.travelled += CLICK_SLOP + 1.0;
                let at = frame.at(&view, (x + ox) / 2.0, (y + oy) / 2.0);
                Moved::Pinch(view.zoom_at(after / before, at))
            }
            _ => Moved::Nothing,
        }
    }

    /// Pointer `id` went up (or was cancelled) at `(x, y)`, at time `ms`: the view after a
    /// double tap, if this was one.
    pub fn up(&mut self, id: i32, x: f64, y: f64, ms: f64, view: Viewport, frame: Frame) -> Option<Viewport> {
        let was_down = self.pointers.iter().any(|p| p.0 == id);
        self.pointers.retain(|p| p.0 != id);
        if !was_down || !self.pointers.is_empty() || !self.is_click() {
            self.last_tap = None;
            return None;
        }
        match self.last_tap.take() {
            Some((t, tx, ty)) if ms - t <= DOUBLE_TAP_MS && hypot(x - tx, y - ty) <= DOUBLE_TAP_PX => {
                Some(view.zoom_at(STEP, frame.at(&view, x, y)))
            }
            _ => {
                self.last_tap = Some((ms, x, y));
                None
            }
        }
    }

    /// Whether the pointers so far made a click (they did not drag or pinch), so that a click
    /// event that follows should act.
    pub fn is_click(&self) -> bool {
        self.travelled <= CLICK_SLOP
    }
}

/// The view after a wheel turn of `delta_y` (in lines when `lines`, else pixels) at client
/// `(x, y)`, or `None` when the wheel should scroll the page instead: the map zooms only when
/// it has the focus or with Ctrl (a trackpad's pinch), so scrolling past it never gets stuck.
pub fn wheel(
    view: Viewport,
    delta_y: f64,
    lines: bool,
    at: (f64, f64),
    frame: Frame,
    focused: bool,
    ctrl: bool,
) -> Option<Viewport> {
    if !(focused || ctrl) || delta_y == 0.0 {
        return None;
    }
    let factor = exp(-delta_y * if lines { 0.05 } else { 0.002 });
    Some(view.zoom_at(factor, frame.at(&view, at.0, at.1)))
}

/// The view after key `key` (arrows pan a quarter, `+`/`-` zoom), or `None` for other keys.
pub fn key(view: Viewport, key: &str) -> Option<Viewport> {
    Some(match key {
        "ArrowLeft" => view.pan_fraction(-0.25, 0.0),
        "ArrowRight" => view.pan_fraction(0.25, 0.0),
        "ArrowUp" => view.pan_fraction(0.0, -0.25),
        "ArrowDown" => view.pan_fraction(0.0, 0.25),
        "+" | "=" => view.zoom_centre(STEP),
        "-" | "_" => view.zoom_centre(1.0 / STEP),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAME: Frame = Frame { left: 100.0, top: 50.0, width: 500.0, height: 250.0 };

    fn view() -> Viewport {
        Viewport::new(1000.0, 500.0)
    }

    // A short move is a click; past the slop it drags the map by the pointer's travel.
    #[test]
    fn drag_after_the_slop() {
        let mut g = Gesture::default();
        let v = view().zoom_centre(2.0);
        g.down(1, 200.0, 100.0);
        assert_eq!(g.moved(1, 202.0, 100.0, v, FRAME), Moved::Nothing);
        assert!(g.is_click());
        let Moved::Drag(next) = g.moved(1, 252.0, 100.0, v, FRAME) else { panic!("a drag") };
        // 50 px at 1 px per viewBox unit (500 px for the 500-unit-wide zoomed view).
        assert_eq!(next.x, v.x - 50.0);
        assert!(!g.is_click());
        assert_eq!(g.moved(9, 0.0, 0.0, v, FRAME), Moved::Nothing, "an unknown pointer");
    }

    // Two fingers moving apart zoom in about their midpoint; never a click.
    #[test]
    fn pinch_zooms_about_the_midpoint() {
        let mut g = Gesture::default();
        let v = view();
        g.down(1, 300.0, 175.0);
        g.down(2, 400.0, 175.0);
        let Moved::Pinch(next) = g.moved(2, 500.0, 175.0, v, FRAME) else { panic!("a pinch") };
        assert_eq!(next.zoom(), 2.0);
        // The midpoint (client 400, 175 = viewBox 600, 250) stays in place.
        assert_eq!(next.at_pixel(300.0, 125.0, 500.0, 250.0), [600.0, 250.0]);
        assert!(!g.is_click());
        assert_eq!(g.up(2, 500.0, 175.0, 0.0, next, FRAME), None);
    }

    // Two quick taps in one place zoom in where they landed; slow or distant ones do not.
    #[test]
    fn double_tap() {
        let mut g = Gesture::default();
        let v = view();
        let tap = |g: &mut Gesture, ms: f64, x: f64| {
            g.down(1, x, 100.0);
            g.up(1, x, 100.0, ms, v, FRAME)
        };
        assert_eq!(tap(&mut g, 0.0, 350.0), None);
        let zoomed = tap(&mut g, 200.0, 350.0).expect("a double tap");
        assert_eq!(zoomed.zoom(), STEP);
        assert_eq!(tap(&mut g, 1000.0, 350.0), None);
        assert_eq!(tap(&mut g, 1500.0, 350.0), None, "too slow");
        assert_eq!(tap(&mut g, 1600.0, 450.0), None, "too far");
    }

    // The wheel zooms only with the focus or Ctrl, about the pointer.
    #[test]
    fn wheel_needs_focus_or_ctrl() {
        let v = view();
        assert_eq!(wheel(v, -100.0, false, (350.0, 175.0), FRAME, false, false), None);
        let z = wheel(v, -100.0, false, (350.0, 175.0), FRAME, true, false).unwrap();
        assert!(z.zoom() > 1.0);
        assert_eq!(
            wheel(v, -3.0, true, (350.0, 175.0), FRAME, false, true).map(|z| z.zoom() > 1.0),
            Some(true)
        );
        assert_eq!(
            wheel(v.zoom_centre(2.0), 100.0, false, (0.0, 0.0), FRAME, true, false).map(|z| z.zoom() < 2.0),
            Some(true)
        );
    }

    // Keys pan by a quarter and zoom by a step; other keys do nothing.
    #[test]
    fn keys() {
        let v = view().zoom_centre(2.0);
        assert_eq!(key(v, "ArrowRight").unwrap().x, v.x + v.w / 4.0);
        assert_eq!(key(v, "+").unwrap().zoom(), 2.0 * STEP);
        assert_eq!(key(v, "Tab"), None);
    }
}
