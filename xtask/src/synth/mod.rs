//! `cargo xtask synth --offers N [--seed S] --out DIR`: a complete, valid synthetic charter
//! project scaled from N offers, for benchmarks and browser performance tests.
//!
//! Shape (see [`Shape`]): 20 districts (a jittered grid of ~1 km cells around Liège, shared
//! edges), max(60, N/5) operators, max(15, N/20) venues (inside their district's outline),
//! max(10, N/10) partnerships of 2–4 operators, N offers (French-ish titles, one-sentence
//! summaries, Markdown descriptions of ~400 characters, 60 % dated in 2026-09..2027-06).
//! Every reference resolves and every code is in the built-in vocabularies. The same
//! `(N, seed)` gives the same bytes: a seeded SplitMix64, no wall clock, no hash-order output.
//!
//! Reuse from other tasks: [`write_project`] (or [`generate`] + [`write`] to keep the records).

mod date;
mod generate;
mod geo;
mod rng;
mod text;
mod write;

#[cfg(test)]
mod tests;

pub use generate::{generate, Charter, Scope, Shape};
pub use text::capitalize;

use anyhow::{bail, Context, Result};
use std::path::Path;

/// The default seed.
pub const SEED: u64 = 2026;

/// Generates a charter of `offers` offers and writes it as a project under `dir`.
pub fn write_project(offers: usize, seed: u64, dir: &Path) -> Result<Charter> {
    let charter = generate(Shape { offers, seed });
    write(&charter, dir)?;
    Ok(charter)
}

/// Writes `charter` as a project under `dir`: `data/` (replaced) and `content/` (replaced by a
/// copy of the repository's `content/`: `site.toml` and the editorial pages).
pub fn write(charter: &Charter, dir: &Path) -> Result<()> {
    if dir.join(".git").exists() || dir.join("Cargo.toml").exists() {
        bail!("{} looks like a source tree: refusing to replace its data/ and content/", dir.display());
    }
    let data = dir.join("data");
    let content = dir.join("content");
    for sub in [&data, &content] {
        if sub.exists() {
            std::fs::remove_dir_all(sub).with_context(|| format!("failed to remove `{}`", sub.display()))?;
        }
        std::fs::create_dir_all(sub).with_context(|| format!("failed to create `{}`", sub.display()))?;
    }
    for (name, text) in write::data_files(charter) {
        let path = data.join(name);
        std::fs::write(&path, text).with_context(|| format!("failed to write `{}`", path.display()))?;
    }
    copy_content(&crate::root().join("content"), &content)
}

/// Copies `site.toml` and the `*.md` pages (not templates or other overrides) of `from`.
fn copy_content(from: &Path, to: &Path) -> Result<()> {
    let mut copied_config = false;
    if let Ok(entries) = std::fs::read_dir(from) {
        let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        entries.sort();
        for path in entries {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
            if path.is_file() && (name == "site.toml" || name.ends_with(".md")) {
                std::fs::copy(&path, to.join(&name))
                    .with_context(|| format!("failed to copy `{}`", path.display()))?;
                copied_config |= name == "site.toml";
            }
        }
    }
    if !copied_config {
        let minimal = "title = \"Charte de coopération culturelle (données synthétiques)\"\nlanguage = \"fr\"\n\n[coordination]\nname = \"Coordination de la charte\"\nemail = \"charte@example.org\"\n";
        std::fs::write(to.join("site.toml"), minimal).context("failed to write site.toml")?;
    }
    Ok(())
}

/// `cargo xtask synth --offers N [--seed S] --out DIR`.
pub fn main(args: &[String]) -> Result<()> {
    let mut offers = None;
    let mut seed = SEED;
    let mut out = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().with_context(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--offers" => offers = Some(value()?.parse().context("--offers: not a number")?),
            "--seed" => seed = value()?.parse().context("--seed: not a number")?,
            "--out" => out = Some(std::path::PathBuf::from(value()?)),
            other => bail!(
                "synth: unknown argument {other:?}\nusage: cargo xtask synth --offers N [--seed S] --out DIR"
            ),
        }
    }
    let (Some(offers), Some(out)) = (offers, out) else {
        bail!("usage: cargo xtask synth --offers N [--seed S] --out DIR");
    };
    let c = write_project(offers, seed, &out)?;
    eprintln!(
        "synth: wrote {} ({} districts, {} operators, {} venues, {} offers, {} partnerships; seed {seed})",
        out.display(),
        c.districts.len(),
        c.operators.len(),
        c.venues.len(),
        c.offers.len(),
        c.partnerships.len(),
        seed = c.shape.seed,
    );
    Ok(())
}
