//! The explorer's compiled files, embedded: `build.rs` compiled `explorer/` to wasm, ran
//! wasm-bindgen (and wasm-opt when available) and wrote them, with content-hashed names, to
//! OUT_DIR.

use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;

include!(concat!(env!("OUT_DIR"), "/explorer_assets.rs"));

/// The JS module: wasm-bindgen's glue, which starts the app.
pub const JS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/explorer.js"));
/// The WebAssembly module.
pub const WASM_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/explorer_bg.wasm"));
/// The explorer's stylesheet (`explorer/style.css`).
pub const CSS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/explorer.css"));

/// The explorer's weight as served, gzip -9 measured (the budgets are in gzip bytes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SizeReport {
    pub offers: usize,
    pub wasm: usize,
    pub js: usize,
    pub css: usize,
    pub index: usize,
}

/// Budgets (DESIGN.md): wasm + JS, and a first load at 10,000 offers.
pub const CODE_BUDGET: usize = 150 * 1024;
pub const FIRST_LOAD_BUDGET: usize = 400 * 1024;

/// gzip -9 size of `bytes`.
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().map_or(bytes.len(), |v| v.len())
}

/// The sizes of the embedded explorer with an index of `index` bytes for `offers` offers.
pub fn explorer_sizes(index: &[u8], offers: usize) -> SizeReport {
    SizeReport { offers, wasm: gzip_len(WASM_BYTES), js: gzip_len(JS), css: gzip_len(CSS), index: gzip_len(index) }
}

impl SizeReport {
    /// wasm + JS.
    pub fn code(&self) -> usize {
        self.wasm + self.js
    }

    /// Everything the first visit of the explorer downloads.
    pub fn first_load(&self) -> usize {
        self.code() + self.css + self.index
    }
}

impl std::fmt::Display for SizeReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kb = |n: usize| n as f64 / 1024.0;
        write!(
            f,
            "explorer (gzip): wasm + JS {:.1} KB (budget {:.0} KB), first load with the index of {} offers {:.1} KB \
             (wasm {:.1}, JS {:.1}, CSS {:.1}, index {:.1})",
            kb(self.code()),
            kb(CODE_BUDGET),
            self.offers,
            kb(self.first_load()),
            kb(self.wasm),
            kb(self.js),
            kb(self.css),
            kb(self.index)
        )
    }
}
