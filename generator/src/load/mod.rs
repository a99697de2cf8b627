//! Stage `load`: `data/*.csv` and `data/districts.geojson` → typed [`Records`].
//! (Stub: being written.)

use crate::diagnostics::Diagnostics;
use crate::model::Records;
use anyhow::Result;
use std::path::Path;

/// Reads every table under `root/data`. Problems in the files are pushed to `diagnostics`.
pub fn load(_root: &Path, _diagnostics: &mut Diagnostics) -> Result<Records> {
    Ok(Records::default())
}
