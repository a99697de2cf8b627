//! Stage `export`: open data files under `data/`. (Stub: being written.)

use crate::config::Config;
use crate::model::Charter;
use crate::write::Staging;
use anyhow::Result;

/// Writes the canonical CSV, JSON, GeoJSON and iCalendar exports.
pub fn export(_charter: &Charter, _config: &Config, _out: &mut Staging) -> Result<()> {
    Ok(())
}
