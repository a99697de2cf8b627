//! The few transcendental functions the maps need (see [`crate::geo`]). On wasm (the explorer)
//! they are the browser's `Math.*` (imports cost a few bytes; Rust's libm would add ~10 KB to
//! the wasm); natively (the generator, the tests), the standard library's: the same formulas.

#[cfg(target_arch = "wasm32")]
mod imp {
    use js_sys::Math;
    pub fn sin(x: f64) -> f64 {
        Math::sin(x)
    }
    pub fn cos(x: f64) -> f64 {
        Math::cos(x)
    }
    pub fn tan(x: f64) -> f64 {
        Math::tan(x)
    }
    pub fn asin(x: f64) -> f64 {
        Math::asin(x)
    }
    pub fn ln(x: f64) -> f64 {
        Math::log(x)
    }
    pub fn log2(x: f64) -> f64 {
        Math::log2(x)
    }
    pub fn exp(x: f64) -> f64 {
        Math::exp(x)
    }
    pub fn sinh(x: f64) -> f64 {
        Math::sinh(x)
    }
    pub fn atan(x: f64) -> f64 {
        Math::atan(x)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn sin(x: f64) -> f64 {
        x.sin()
    }
    pub fn cos(x: f64) -> f64 {
        x.cos()
    }
    pub fn tan(x: f64) -> f64 {
        x.tan()
    }
    pub fn asin(x: f64) -> f64 {
        x.asin()
    }
    pub fn ln(x: f64) -> f64 {
        x.ln()
    }
    pub fn log2(x: f64) -> f64 {
        x.log2()
    }
    pub fn exp(x: f64) -> f64 {
        x.exp()
    }
    pub fn sinh(x: f64) -> f64 {
        x.sinh()
    }
    pub fn atan(x: f64) -> f64 {
        x.atan()
    }
}

pub use imp::*;

/// `√(x² + y²)` (a wasm instruction, unlike `f64::hypot`).
pub fn hypot(x: f64, y: f64) -> f64 {
    (x * x + y * y).sqrt()
}

/// `x` within `[lo, hi]` (a NaN gives `lo`). Unlike `f64::clamp`, it has no panic path, whose
/// message formats floats with `{:?}` and so would link `core::fmt::float` (~7 KB gzip).
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    x.max(lo).min(hi)
}
