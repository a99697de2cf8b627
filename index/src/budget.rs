//! The explorer's size budgets (DESIGN.md "Budgets") and the one way they are measured, shared
//! by `passerelle build` (which prints them) and `cargo xtask bench` (which reports them):
//! gzip at its best level (what a static host serves precompressed), counted in bytes, with
//! DESIGN.md's "KB" read as the stricter kB of 1,000 bytes. Behind the `measure` feature, so
//! the explorer's wasm never links a compressor.

use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;

/// wasm + JS, gzipped.
pub const CODE_BUDGET: usize = 150_000;
/// wasm, JS, CSS and the index at 10,000 offers, gzipped.
pub const FIRST_LOAD_BUDGET: usize = 400_000;
/// The first load at 100,000 offers, gzipped.
pub const FIRST_LOAD_BUDGET_100K: usize = 1_000_000;

/// The gzip -9 size of `bytes`.
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().map_or(bytes.len(), |v| v.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    // Repetitive text shrinks; the measure is deterministic.
    #[test]
    fn gzip_shrinks_and_is_stable() {
        let text = "offre ".repeat(1000);
        assert!(gzip_len(text.as_bytes()) < 100);
        assert_eq!(gzip_len(text.as_bytes()), gzip_len(text.as_bytes()));
    }
}
