//! Stage `index`: the explorer's data. (Stub: being written.)

use crate::config::Config;
use crate::model::Charter;
use crate::write::Staging;
use anyhow::Result;
use serde::Serialize;

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
        script: "assets/explorer.js".into(),
        style: "assets/explorer.css".into(),
        index: "assets/explorer-index.json".into(),
    }
}

/// Writes the explorer index and the explorer's assets.
pub fn index(_charter: &Charter, _config: &Config, _out: &mut Staging) -> Result<()> {
    Ok(())
}
