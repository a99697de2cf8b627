//! The explorer's compiled files, embedded: `build.rs` compiled `explorer/` to wasm, ran
//! wasm-bindgen (and wasm-opt when available) and wrote them, with content-hashed names, to
//! OUT_DIR.

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

pub use passerelle_index::budget::{gzip_len, CODE_BUDGET, FIRST_LOAD_BUDGET};

/// The sizes of the embedded explorer with an index of `index` bytes for `offers` offers.
pub fn explorer_sizes(index: &[u8], offers: usize) -> SizeReport {
    SizeReport {
        offers,
        wasm: gzip_len(WASM_BYTES),
        js: gzip_len(JS),
        css: gzip_len(CSS),
        index: gzip_len(index),
    }
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

/// `137,691 B (137.7 kB, 134.5 KiB)`: bytes, and both the 1,000 and the 1,024 units.
fn amount(bytes: usize) -> String {
    let digits = bytes.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{grouped} B ({:.1} kB, {:.1} KiB)", bytes as f64 / 1000.0, bytes as f64 / 1024.0)
}

/// "within" or "OVER" a budget in bytes.
fn verdict(bytes: usize, budget: usize) -> String {
    let word = if bytes <= budget { "within" } else { "OVER" };
    format!("{word} the budget of {} kB", budget / 1000)
}

impl std::fmt::Display for SizeReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "explorer (gzip -9; 1 kB = 1,000 B, 1 KiB = 1,024 B):")?;
        writeln!(f, "  wasm + JS {}: {}", amount(self.code()), verdict(self.code(), CODE_BUDGET))?;
        writeln!(
            f,
            "  first load with the index of {} offers {}: {}",
            self.offers,
            amount(self.first_load()),
            verdict(self.first_load(), FIRST_LOAD_BUDGET)
        )?;
        write!(
            f,
            "  (wasm {}, JS {}, CSS {}, index {})",
            amount(self.wasm),
            amount(self.js),
            amount(self.css),
            amount(self.index)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The report gives bytes, kB and KiB, and judges against the budget in bytes (1 kB = 1,000 B).
    #[test]
    fn report_units() {
        let report = SizeReport { offers: 10_000, wasm: 140_000, js: 7_500, css: 2_000, index: 170_000 };
        let text = report.to_string();
        assert!(
            text.contains("wasm + JS 147,500 B (147.5 kB, 144.0 KiB): within the budget of 150 kB"),
            "{text}"
        );
        assert!(
            text.contains(
                "index of 10000 offers 319,500 B (319.5 kB, 312.0 KiB): within the budget of 400 kB"
            ),
            "{text}"
        );
        let over = SizeReport { wasm: 150_001 - 7_500, ..report };
        assert!(
            over.to_string().contains("150,001 B (150.0 kB, 146.5 KiB): OVER the budget of 150 kB"),
            "{over}"
        );
    }
}
