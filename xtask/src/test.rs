//! `cargo xtask test`: every test, with its own set-up, the way CI runs it.
//!
//! 1. set-up, idempotent: the wasm32 target, Debian's Chromium, Java and Python present, the
//!    browser checks' npm packages from the committed lockfile (`npm ci --ignore-scripts`);
//! 2. `cargo fmt --all --check` (the layout of `rustfmt.toml`), the generator's module layers
//!    (`layers.rs`), `cargo clippy -D warnings` on the host and for wasm32, then
//!    `cargo test --workspace`;
//! 3. the shipped site built by the release binary into `target/e2e-site`, with
//!    `PASSERELLE_TODAY` fixed so the checks do not depend on the date;
//! 4. every `.ics` of that site parsed and expanded by an independent implementation (Python's
//!    `icalendar` + `recurring-ical-events`, pinned in `xtask/ics/requirements.txt`, installed
//!    by the set-up into the venv `target/ics-venv`) and compared with the site's own list of
//!    sessions (`data/sessions.csv`) over the same period (`xtask/ics/check_ics.py`);
//!    and a synthetic charter of 400 offers (`synth`) into `target/e2e-paged`, whose lists span
//!    several pages;
//! 5. `node --test xtask/browser/tests/` with `SITE_DIR` and `PAGED_SITE_DIR` set: the site served under `/charte/` by a
//!    real static server and checked in headless Chromium (HTML validity, WCAG 2.1 AA, links,
//!    no third-party request, no console error, phone width, JavaScript off).
//!
//! A missing tool is a failure, never a skip.

use anyhow::{bail, Context, Result};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// The reference day the site is built with for the checks.
pub const TODAY: &str = "2026-11-21";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian packages for the browser checks: the browser and fonts to lay text out with.
const APT_PACKAGES: &[&str] =
    &["chromium", "fonts-liberation", "fonts-dejavu-core", "poppler-utils", "zbar-tools"];
/// The programs of those packages that the checks run: Chromium, and poppler's and zbar's
/// tools, which read the PDFs the site ships independently of the Typst that wrote them.
const APT_PROGRAMS: &[&str] =
    &[CHROMIUM, "/usr/bin/pdfinfo", "/usr/bin/pdftotext", "/usr/bin/pdftoppm", "/usr/bin/zbarimg"];

/// Runs the whole suite, printing each step's duration at the end.
pub fn run(root: &Path) -> Result<()> {
    let mut steps = Steps::default();
    steps.time("set-up", || setup(root))?;
    steps.time("cargo fmt --check", || {
        super::run(Command::new(cargo()).args(["fmt", "--all", "--check"]).current_dir(root))
    })?;
    steps.time("module layers", || super::layers::run(root))?;
    steps.time("cargo clippy (host, and the explorer for wasm32)", || clippy(root))?;
    steps.time("cargo test --workspace", || {
        super::run(Command::new(cargo()).args(["test", "--workspace"]).current_dir(root))
    })?;
    let site = root.join("target").join("e2e-site");
    steps.time("build the shipped site (release)", || build_site(root, &site))?;
    let paged = root.join("target").join("e2e-paged");
    steps.time("build a synthetic charter of 400 offers (release)", || build_paged(root, &paged))?;
    steps.time("the explorer's size budgets at 10,000 synthetic offers (release)", || {
        budgets_at_scale(root)
    })?;
    steps.time("calendars against an independent expansion", || check_calendars(root, &site))?;
    steps.time("browser and quality checks", || browser_checks(root, &site, &paged))?;
    steps.print();
    Ok(())
}

/// Step durations, printed as a table at the end of a run.
#[derive(Default)]
struct Steps(Vec<(&'static str, Duration)>);

impl Steps {
    fn time(&mut self, name: &'static str, step: impl FnOnce() -> Result<()>) -> Result<()> {
        eprintln!("\n==> xtask test: {name}");
        let start = Instant::now();
        let result = step().with_context(|| format!("step `{name}` failed"));
        self.0.push((name, start.elapsed()));
        if result.is_err() {
            self.print();
        }
        result
    }

    fn print(&self) {
        eprintln!("\n==> xtask test: time per step");
        for (name, took) in &self.0 {
            eprintln!("  {:>7.1} s  {name}", took.as_secs_f64());
        }
        let total: Duration = self.0.iter().map(|(_, took)| *took).sum();
        eprintln!("  {:>7.1} s  total", total.as_secs_f64());
    }
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

/// Installs what the checks need when it is missing; does nothing when all is there.
fn setup(root: &Path) -> Result<()> {
    wasm_target()?;
    chromium()?;
    require("java", &["-version"], "apt-get install openjdk-17-jre-headless")?;
    require("python3", &["--version"], "apt-get install python3")?;
    require("node", &["--version"], "install Node.js 20 or later")?;
    ics_venv(root)?;
    npm_ci(&root.join("xtask").join("browser"))
}

/// The venv of the calendar check, `target/ics-venv`, with the pinned packages of
/// `xtask/ics/requirements.txt`; reinstalled only when that file changes.
fn ics_venv(root: &Path) -> Result<()> {
    let venv = root.join("target").join("ics-venv");
    let requirements = root.join("xtask").join("ics").join("requirements.txt");
    let wanted =
        std::fs::read(&requirements).with_context(|| format!("failed to read {}", requirements.display()))?;
    let stamp = venv.join(".xtask-requirements.txt");
    if std::fs::read(&stamp).is_ok_and(|installed| installed == wanted) {
        eprintln!("calendar check venv: up to date with requirements.txt");
        return Ok(());
    }
    super::run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    super::run(
        Command::new(venv.join("bin").join("pip"))
            .args(["install", "--quiet", "--disable-pip-version-check", "-r"])
            .arg(&requirements),
    )?;
    std::fs::write(&stamp, wanted).with_context(|| format!("failed to write {}", stamp.display()))
}

/// `xtask/ics/check_ics.py` on the built site, over the site's window of sessions (the build
/// day minus `PAST_DAYS` to plus `HORIZON_DAYS`, the same constants the generator uses).
fn check_calendars(root: &Path, site: &Path) -> Result<()> {
    use passerelle_index::time::{HORIZON_DAYS, PAST_DAYS};
    let today = passerelle_index::parse_iso_day(TODAY).context("TODAY is a date")?;
    let python = root.join("target").join("ics-venv").join("bin").join("python");
    super::run(
        Command::new(python)
            .arg(root.join("xtask").join("ics").join("check_ics.py"))
            .arg(site)
            .arg(passerelle_index::iso_day(today - PAST_DAYS))
            .arg(passerelle_index::iso_day(today + HORIZON_DAYS)),
    )
}

/// `rustup target add wasm32-unknown-unknown` unless it is installed.
fn wasm_target() -> Result<()> {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))
        .context("rustup is needed to add the wasm32 target")?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        eprintln!("{WASM_TARGET}: installed");
        return Ok(());
    }
    super::run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

/// Debian's Chromium, poppler-utils and zbar-tools, installed with apt when one is missing
/// (as root; otherwise say how).
fn chromium() -> Result<()> {
    let missing: Vec<&str> = APT_PROGRAMS.iter().copied().filter(|p| !Path::new(p).is_file()).collect();
    if missing.is_empty() {
        eprintln!("chromium, poppler-utils, zbar-tools: {}", APT_PROGRAMS.join(", "));
        return Ok(());
    }
    let install =
        format!("apt-get update && apt-get install -y --no-install-recommends {}", APT_PACKAGES.join(" "));
    if !is_root() {
        bail!("{} missing: run `sudo sh -c '{install}'`, then `cargo xtask test` again", missing.join(", "));
    }
    eprintln!("{}: missing, installing Debian's packages", missing.join(", "));
    super::run(Command::new("apt-get").arg("update").env("DEBIAN_FRONTEND", "noninteractive"))?;
    super::run(
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends"])
            .args(APT_PACKAGES)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    let still: Vec<&str> = APT_PROGRAMS.iter().copied().filter(|p| !Path::new(p).is_file()).collect();
    if !still.is_empty() {
        bail!("`{install}` ran but {} still missing", still.join(", "));
    }
    Ok(())
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_ok_and(|uid| uid.trim() == "0")
}

/// Fails with `hint` when `program` cannot run.
fn require(program: &str, args: &[&str], hint: &str) -> Result<()> {
    let ok = Command::new(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !ok {
        bail!("`{program}` is missing and the browser checks need it: {hint}");
    }
    eprintln!("{program}: present");
    Ok(())
}

/// `npm ci --ignore-scripts` in `xtask/browser` unless node_modules already matches the committed
/// lockfile. `--ignore-scripts`: vnu-jar's postinstall would download a JRE when Java is missing.
fn npm_ci(dir: &Path) -> Result<()> {
    let lock = std::fs::read(dir.join("package-lock.json"))
        .with_context(|| format!("failed to read {}", dir.join("package-lock.json").display()))?;
    let stamp = dir.join("node_modules").join(".xtask-package-lock.json");
    if std::fs::read(&stamp).is_ok_and(|installed| installed == lock) {
        eprintln!("npm packages: up to date with package-lock.json");
        return Ok(());
    }
    super::run(
        Command::new("npm").args(["ci", "--ignore-scripts", "--no-audit", "--no-fund"]).current_dir(dir),
    )?;
    std::fs::write(&stamp, lock).with_context(|| format!("failed to write {}", stamp.display()))
}

/// `cargo clippy -D warnings` over the workspace on the host, then over the explorer for
/// wasm32 (its app, components and browser edge are compiled only for that target).
fn clippy(root: &Path) -> Result<()> {
    super::run(
        Command::new(cargo())
            .args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])
            .current_dir(root),
    )?;
    super::run(
        Command::new(cargo())
            .args(["clippy", "-p", "passerelle-explorer", "--target", WASM_TARGET, "--all-targets", "--"])
            .args(["-D", "warnings"])
            .current_dir(root),
    )
}

/// Builds the shipped data into `site` with the release binary, from scratch.
fn build_site(root: &Path, site: &Path) -> Result<()> {
    if site.exists() {
        std::fs::remove_dir_all(site).with_context(|| format!("failed to remove {}", site.display()))?;
    }
    super::run(
        Command::new(cargo())
            .args(["run", "--release", "--", "build", "--out"])
            .arg(site)
            .env("PASSERELLE_TODAY", TODAY)
            .current_dir(root),
    )
}

/// Offers in the synthetic charter whose lists must be cut into pages.
const PAGED_OFFERS: usize = 400;

/// A synthetic charter large enough for every list to span pages (`cargo xtask synth`), built
/// by the release binary into `site`, for the pagination checks.
fn build_paged(root: &Path, site: &Path) -> Result<()> {
    let (ok, text) = build_synthetic(root, PAGED_OFFERS, &site.with_extension("project"), site)?;
    if !ok {
        bail!("the release build of the synthetic charter of {PAGED_OFFERS} offers failed:\n{text}");
    }
    Ok(())
}

/// Offers of the synthetic charter whose explorer must stay within DESIGN.md's size budgets.
const BUDGET_OFFERS: usize = 10_000;

/// Builds a synthetic charter of [`BUDGET_OFFERS`] (the same generator as the benchmark and
/// the pagination checks, `cargo xtask synth`) with the release binary, and fails unless the
/// build reports the explorer's wasm + JS and its first load within their budgets. Sizes, not
/// times, so a test may hold them.
fn budgets_at_scale(root: &Path) -> Result<()> {
    let dir = root.join("target").join("e2e-budgets");
    let (ok, text) = build_synthetic(root, BUDGET_OFFERS, &dir.join("project"), &dir.join("site"))?;
    let report: Vec<&str> = text.lines().filter(|l| l.contains("the budget of")).collect();
    eprintln!("{}", report.join("\n"));
    if !ok || report.len() < 2 || report.iter().any(|l| l.contains("OVER")) {
        bail!("the explorer at {BUDGET_OFFERS} synthetic offers is over its budgets (or the build failed):\n{text}");
    }
    Ok(())
}

/// Writes a fresh synthetic charter of `offers` (`cargo xtask synth`) into `project` and builds
/// it into `site` with the release binary: whether the build succeeded, and what it printed.
fn build_synthetic(root: &Path, offers: usize, project: &Path, site: &Path) -> Result<(bool, String)> {
    for dir in [site, project] {
        if dir.exists() {
            std::fs::remove_dir_all(dir).with_context(|| format!("failed to remove {}", dir.display()))?;
        }
    }
    super::synth::write_project(offers, super::synth::SEED, project)?;
    let out = Command::new(cargo())
        .args(["run", "--release", "--quiet", "--", "build", "--root"])
        .arg(project)
        .arg("--out")
        .arg(site)
        .env("PASSERELLE_TODAY", TODAY)
        .current_dir(root)
        .output()
        .context("failed to run the release build")?;
    let text = String::from_utf8_lossy(&[out.stdout, out.stderr].concat()).into_owned();
    Ok((out.status.success(), text))
}

/// `node --test` over `xtask/browser/tests/`, with `SITE_DIR` pointing at the built site and
/// `PAGED_SITE_DIR` at the synthetic one.
fn browser_checks(root: &Path, site: &Path, paged: &Path) -> Result<()> {
    let browser = root.join("xtask").join("browser");
    super::run(
        Command::new("node")
            .args(["--test", "tests/"])
            .env("SITE_DIR", site)
            .env("PAGED_SITE_DIR", paged)
            .env("PASSERELLE_TODAY", TODAY)
            .current_dir(browser),
    )
}

/// A command's stdout, or an error naming it.
fn output(command: &mut Command) -> Result<String> {
    let shown = format!("{command:?}");
    let out = command.output().with_context(|| format!("failed to start {shown}"))?;
    if !out.status.success() {
        bail!("{shown} failed with {}", out.status);
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
