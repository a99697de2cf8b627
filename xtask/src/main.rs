//! Development tasks, run as `cargo xtask <task>` (see README.md).
//!
//! - `test`: every test: the workspace's unit and integration tests, then the built site
//!   checked in a real browser (see `test.rs` and `browser/`).
//! - `bench [--offers 10000] [--big 100000] [--runs 5]`: the budgets of DESIGN.md, measured
//!   (Passerelle vs Hugo, rebuild, memory, determinism, explorer sizes; see `bench/`).
//! - `synth --offers N [--seed S] --out DIR`: a valid synthetic charter project (see `synth/`).
//! - `layers`: the generator's modules import only earlier ones (see `layers.rs`).
//! - `fuzz [--minutes N] [--seed S]`: mutated shipped files through `check` and the content
//!   reader, in-process, on stable Rust (`generator/examples/fuzz/`); findings are saved under
//!   `target/fuzz-findings/` and fail the run.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

mod bench;
mod layers;
mod synth;
mod test;

fn main() -> Result<()> {
    let task = std::env::args().nth(1).unwrap_or_default();
    match task.as_str() {
        "test" => test::run(&root()),
        "layers" => layers::run(&root()),
        "bench" => bench::main(&std::env::args().skip(2).collect::<Vec<_>>()),
        "synth" => synth::main(&std::env::args().skip(2).collect::<Vec<_>>()),
        "fuzz" => run(Command::new(env!("CARGO"))
            .args(["run", "--release", "-p", "passerelle", "--example", "fuzz", "--"])
            .args(std::env::args().skip(2))
            .current_dir(root())),
        _ => {
            eprintln!("usage: cargo xtask test | layers | bench [--offers N] [--big N] [--runs R] | synth --offers N [--seed S] --out DIR | fuzz [--minutes N] [--seed S]");
            std::process::exit(2)
        }
    }
}

/// The repository root (xtask lives one level below it).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Runs a command, failing loudly with its name when it fails.
fn run(command: &mut Command) -> Result<()> {
    let shown = format!("{command:?}");
    let status = command.status().with_context(|| format!("failed to start {shown}"))?;
    if !status.success() {
        bail!("{shown} failed with {status}");
    }
    Ok(())
}
