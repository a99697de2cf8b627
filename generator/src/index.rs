//! Stage `index`: the explorer's data. (Stub: being written.)

use crate::config::Config;
use crate::model::Charter;
use crate::write::Staging;
use anyhow::Result;

/// Writes the explorer index and the explorer's assets.
pub fn index(_charter: &Charter, _config: &Config, _out: &mut Staging) -> Result<()> {
    Ok(())
}
