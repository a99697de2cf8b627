//! Stage `render`: the model → HTML pages. (Stub: being written.)

use crate::config::Config;
use crate::model::Charter;
use crate::write::Staging;
use anyhow::Result;
use std::path::Path;

/// Renders every page of the site into `out`.
pub fn render(_charter: &Charter, _config: &Config, _root: &Path, _out: &mut Staging) -> Result<()> {
    Ok(())
}
