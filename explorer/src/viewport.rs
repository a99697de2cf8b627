//! The map's visible rectangle (the SVG viewBox) and how gestures move it: zoom about a point,
//! pan by screen pixels, keyboard steps, reset. Plain Rust: the map component only forwards
//! pointer, wheel and key events here.

use crate::math::clamp;

/// The visible part of the map, in viewBox units, and the whole map's size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub full_w: f64,
    pub full_h: f64,
}

/// How far one can zoom in, as a multiple of the whole map.
pub const MAX_ZOOM: f64 = 32.0;

impl Viewport {
    /// The whole map.
    pub fn new(full_w: f64, full_h: f64) -> Viewport {
        Viewport { x: 0.0, y: 0.0, w: full_w, h: full_h, full_w, full_h }
    }

    /// The whole map again.
    pub fn reset(self) -> Viewport {
        Viewport::new(self.full_w, self.full_h)
    }

    /// How many times the map is magnified.
    pub fn zoom(&self) -> f64 {
        self.full_w / self.w
    }

    /// Screen pixels per viewBox unit, for an element of `width`×`height` pixels showing the
    /// view with `preserveAspectRatio="xMidYMid meet"`, and the letterbox offsets.
    fn fit(&self, width: f64, height: f64) -> (f64, f64, f64) {
        let scale = (width / self.w).min(height / self.h).max(f64::MIN_POSITIVE);
        (scale, (width - self.w * scale) / 2.0, (height - self.h * scale) / 2.0)
    }

    /// The viewBox point under pixel `(px, py)` of an element of `width`×`height` pixels.
    pub fn at_pixel(&self, px: f64, py: f64, width: f64, height: f64) -> [f64; 2] {
        let (scale, ox, oy) = self.fit(width, height);
        [self.x + (px - ox) / scale, self.y + (py - oy) / scale]
    }

    /// Magnifies by `factor` (> 1 zooms in) keeping `at` (viewBox units) in place.
    pub fn zoom_at(self, factor: f64, [ax, ay]: [f64; 2]) -> Viewport {
        let zoom = clamp(self.zoom() * factor, 1.0, MAX_ZOOM);
        if zoom <= 1.0 {
            return self.reset();
        }
        let w = self.full_w / zoom;
        let h = self.full_h / zoom;
        let k = w / self.w;
        Viewport { x: ax - (ax - self.x) * k, y: ay - (ay - self.y) * k, w, h, ..self }.clamped()
    }

    /// Zooms about the centre (buttons and keys).
    pub fn zoom_centre(self, factor: f64) -> Viewport {
        self.zoom_at(factor, [self.x + self.w / 2.0, self.y + self.h / 2.0])
    }

    /// The view that shows the viewBox rectangle `[x0, y0, x1, y1]` with a margin (a cluster
    /// opened), zoomed in at least one step, at most [`MAX_ZOOM`].
    pub fn zoom_to(self, [x0, y0, x1, y1]: [f64; 4]) -> Viewport {
        let fit = (self.full_w / ((x1 - x0) * 2.0)).min(self.full_h / ((y1 - y0) * 2.0));
        let zoom = clamp(fit, self.zoom() * 1.5, MAX_ZOOM);
        let (w, h) = (self.full_w / zoom, self.full_h / zoom);
        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        Viewport { x: cx - w / 2.0, y: cy - h / 2.0, w, h, ..self }.clamped()
    }

    /// Moves the map by `(dx, dy)` screen pixels (a drag), for an element of that size.
    pub fn pan_pixels(self, dx: f64, dy: f64, width: f64, height: f64) -> Viewport {
        let (scale, _, _) = self.fit(width, height);
        Viewport { x: self.x - dx / scale, y: self.y - dy / scale, ..self }.clamped()
    }

    /// Moves the view by a fraction of its size (arrow keys: a quarter).
    pub fn pan_fraction(self, fx: f64, fy: f64) -> Viewport {
        Viewport { x: self.x + fx * self.w, y: self.y + fy * self.h, ..self }.clamped()
    }

    /// Keeps the view's centre over the map.
    fn clamped(self) -> Viewport {
        let cx = clamp(self.x + self.w / 2.0, 0.0, self.full_w);
        let cy = clamp(self.y + self.h / 2.0, 0.0, self.full_h);
        Viewport { x: cx - self.w / 2.0, y: cy - self.h / 2.0, ..self }
    }

    /// The `viewBox` attribute.
    pub fn view_box(&self) -> String {
        use crate::geo::dec2;
        [dec2(self.x), dec2(self.y), dec2(self.w), dec2(self.h)].join(" ")
    }

    /// Where viewBox point `[x, y]` is, in percent of the element (for HTML overlays).
    pub fn percent(&self, [x, y]: [f64; 2]) -> (f64, f64) {
        ((x - self.x) / self.w * 100.0, (y - self.y) / self.h * 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Zooming keeps the point under the cursor in place and stays within 1×..MAX_ZOOM.
    #[test]
    fn zoom_about_a_point() {
        let v = Viewport::new(1000.0, 500.0);
        let z = v.zoom_at(2.0, [250.0, 100.0]);
        assert_eq!((z.w, z.h), (500.0, 250.0));
        assert_eq!((z.x, z.y), (125.0, 50.0));
        assert_eq!(z.zoom_at(1000.0, [0.0, 0.0]).zoom(), MAX_ZOOM);
        assert_eq!(z.zoom_at(0.001, [0.0, 0.0]), v, "zooming out stops at the whole map");
    }

    // Pixels map to viewBox units through the letterbox of "meet".
    #[test]
    fn pixels_to_view() {
        let v = Viewport::new(1000.0, 500.0);
        // A 500×500 px element shows the 1000×500 map at 0.5 px/unit, 125 px bands above/below.
        assert_eq!(v.at_pixel(250.0, 250.0, 500.0, 500.0), [500.0, 250.0]);
        assert_eq!(v.at_pixel(0.0, 125.0, 500.0, 500.0), [0.0, 0.0]);
        let moved = v.zoom_centre(2.0).pan_pixels(50.0, 0.0, 500.0, 250.0);
        assert_eq!(moved.x, 250.0 - 50.0);
    }

    // Opening a cluster frames its venues with a margin, and always zooms in.
    #[test]
    fn zoom_to_a_box() {
        let v = Viewport::new(1000.0, 500.0);
        let z = v.zoom_to([100.0, 100.0, 150.0, 120.0]);
        assert_eq!(z.zoom(), 10.0);
        assert_eq!((z.x + z.w / 2.0, z.y + z.h / 2.0), (125.0, 110.0));
        assert_eq!(v.zoom_to([1.0, 1.0, 1.0, 1.0]).zoom(), MAX_ZOOM, "one point");
        assert_eq!(v.zoom_to([0.0, 0.0, 1000.0, 500.0]).zoom(), 1.5, "at least a step");
    }

    // The view cannot wander off the map: its centre stays over it.
    #[test]
    fn pan_is_clamped() {
        let v = Viewport::new(1000.0, 500.0).zoom_centre(4.0);
        let far = v.pan_fraction(-100.0, 100.0);
        assert_eq!((far.x + far.w / 2.0, far.y + far.h / 2.0), (0.0, 500.0));
        assert_eq!(v.percent([v.x + v.w / 2.0, v.y]), (50.0, 0.0));
    }
}
