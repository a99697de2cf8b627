//! `passerelle serve`: build, serve on 127.0.0.1, rebuild and reload on change.
//! (Stub: being written.)

use anyhow::Result;
use std::path::Path;

/// Serves the site of `root` on `127.0.0.1:port` until interrupted.
pub fn serve(_root: &Path, _port: u16) -> Result<()> {
    anyhow::bail!("serve is not written yet")
}
