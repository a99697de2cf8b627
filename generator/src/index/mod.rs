//! Stage `index`: the explorer's data and files.
//!
//! Input: the [`Charter`] and the [`Config`] (language, map tiles). Output, staged into the site:
//! - `assets/explorer-index.bin`: the index (format documented in the `passerelle-index` crate,
//!   built here by [`encode`], the map projected by [`project`], the interface strings taken
//!   from the `[explorer]` table of the site's catalogue by [`strings`]);
//! - the explorer itself, compiled to wasm by `build.rs` and embedded ([`assets`]):
//!   `assets/explorer-<hash>.js`, `assets/explorer-<hash>_bg.wasm`, `assets/explorer-<hash>.css`.

pub mod assets;
pub mod encode;
pub mod outside;
pub mod project;
pub mod strings;

use crate::config::Config;
use crate::model::Charter;
use crate::write::Staging;
use anyhow::Result;
use serde::Serialize;

pub use assets::{explorer_sizes, SizeReport};

/// Where the explorer's files are in the site, relative to the site root (names are
/// content-hashed). Pages with an explorer link `style` and `script` and point the mount
/// element's `data-index` at `index`.
#[derive(Clone, Debug, Serialize)]
pub struct ExplorerAssets {
    pub script: String,
    pub style: String,
    pub index: String,
}

/// The explorer's asset paths for this build.
pub fn explorer_assets() -> ExplorerAssets {
    ExplorerAssets {
        script: format!("assets/{}", assets::SCRIPT),
        style: format!("assets/{}", assets::STYLE),
        index: "assets/explorer-index.bin".into(),
    }
}

/// Writes the explorer index and the explorer's assets; returns their gzip sizes against the
/// explorer's budgets (for `passerelle build`'s closing report).
pub fn index(charter: &Charter, config: &Config, out: &mut Staging) -> Result<SizeReport> {
    let index = encode::encode(charter, config)?;
    let bytes = passerelle_index::encode(&index);
    let paths = explorer_assets();
    out.put(&paths.index, &bytes)?;
    out.put(&paths.script, assets::JS)?;
    out.put(&format!("assets/{}", assets::WASM), assets::WASM_BYTES)?;
    out.put(&paths.style, assets::CSS)?;
    Ok(explorer_sizes(&bytes, index.offers.len()))
}

#[cfg(test)]
mod tests;
