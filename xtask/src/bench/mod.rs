//! `cargo xtask bench [--offers 10000] [--big 100000] [--runs 5] [--seed S]`: the budgets of
//! DESIGN.md measured side by side in one run, printed as a table and written to
//! `target/bench/report.json`. Never asserts timing: the machines are shared and noisy, so each
//! time is the median of `--runs` runs after one warm-up, and a missed budget is reported, not
//! failed on.
//!
//! Measures: full build of N synthetic offers by the release `passerelle` vs `hugo` rendering the
//! same pages from the same records (`hugo.rs`) vs the disk floor (the same tree written by a
//! minimal writer, `floor.rs`), interleaved, each run into a new folder (deleting a tree slows
//! the next ones down on some file systems: old outputs are deleted only at the end); a rebuild
//! with nothing changed and one with one offer changed (time, ratio, files rewritten); files
//! and bytes by page kind; peak memory; the big build and its floor; byte-identical builds;
//! explorer sizes (gzip) and filter-change time.

mod floor;
mod hugo;
mod measure;
mod report;
mod scaling;

use crate::synth;
use anyhow::{bail, Context, Result};
use measure::{median, Run};
use report::Report;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The reference day of every build, so that two builds are comparable whatever the clock says.
const TODAY: &str = "2026-09-01";

#[derive(Clone, Debug)]
struct Args {
    offers: usize,
    big: usize,
    runs: usize,
    seed: u64,
    /// `--only scaling`: only `check`'s scaling (no Hugo, no builds).
    only_scaling: bool,
}

fn parse(args: &[String]) -> Result<Args> {
    let mut parsed = Args { offers: 10_000, big: 100_000, runs: 5, seed: synth::SEED, only_scaling: false };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let value = args.next().with_context(|| format!("{arg} needs a value"))?;
        let number = || value.parse::<u64>().with_context(|| format!("{arg}: {value:?} is not a number"));
        match arg.as_str() {
            "--offers" => parsed.offers = number()? as usize,
            "--big" => parsed.big = number()? as usize,
            "--runs" => parsed.runs = number()?.max(1) as usize,
            "--seed" => parsed.seed = number()?,
            "--only" if value == "scaling" => parsed.only_scaling = true,
            other => bail!("bench: unknown argument {other:?}\nusage: cargo xtask bench [--offers 10000] [--big 100000 (0: skip)] [--runs 5] [--seed S] [--only scaling]"),
        }
    }
    Ok(parsed)
}

/// Installs `package` with apt when `program` is missing; fails loudly when it cannot.
fn ensure(program: &str, package: &str) -> Result<()> {
    let found = |p: &str| {
        Command::new("sh").args(["-c", &format!("command -v {p}")]).output().is_ok_and(|o| o.status.success())
    };
    if found(program) {
        return Ok(());
    }
    eprintln!("bench: {program} is missing: installing the Debian package {package}");
    let apt =
        |args: &[&str]| Command::new("apt-get").args(args).env("DEBIAN_FRONTEND", "noninteractive").status();
    let installed = apt(&["update"]).is_ok_and(|s| s.success())
        && apt(&["install", "-y", package]).is_ok_and(|s| s.success());
    if !installed || !found(program) {
        bail!("bench needs {program}: `apt-get install -y {package}` failed (run as root, or install it yourself)");
    }
    Ok(())
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| crate::root().join("target"))
}

fn remove(dir: &Path) -> Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).with_context(|| format!("failed to remove `{}`", dir.display()))?;
    }
    Ok(())
}

/// `passerelle build --root ROOT --out OUT`, with the bench's reference day.
fn build(bin: &Path, root: &Path, out: &Path) -> Command {
    let mut command = Command::new(bin);
    command.arg("build").arg("--root").arg(root).arg("--out").arg(out).env("PASSERELLE_TODAY", TODAY);
    command
}

/// Runs `fresh` (which prepares a clean state) then `command`, `runs + 1` times; drops the
/// first run (warm-up: page cache, lazy loading).
fn repeat(
    label: &str,
    runs: usize,
    scratch: &Path,
    mut fresh: impl FnMut() -> Result<()>,
    mut command: impl FnMut() -> Command,
) -> Result<Vec<Run>> {
    let mut out = Vec::new();
    for i in 0..=runs {
        fresh()?;
        let run = measure::run(&mut command(), scratch)?;
        let which = match (i, runs) {
            (_, 0) => String::new(),
            (0, _) => ", warm-up".to_string(),
            _ => format!(", run {i}/{runs}"),
        };
        eprintln!(
            "bench: {label}{which}: {:.2} s wall, {:.2} s cpu, {:.0} MB peak",
            run.wall,
            run.cpu,
            run.max_rss as f64 / 1_048_576.0
        );
        if i > 0 || runs == 0 {
            out.push(run);
        }
    }
    Ok(out)
}

fn walls(runs: &[Run]) -> f64 {
    median(&runs.iter().map(|r| r.wall).collect::<Vec<_>>())
}

fn cpus(runs: &[Run]) -> f64 {
    median(&runs.iter().map(|r| r.cpu).collect::<Vec<_>>())
}

fn peak_mb(runs: &[Run]) -> f64 {
    runs.iter().map(|r| r.max_rss).max().unwrap_or(0) as f64 / 1_048_576.0
}

/// The "N files written" of the build's own report line, when it prints one.
fn written(stderr: &str) -> Option<usize> {
    let line = stderr.lines().rev().find(|l| l.contains("files written"))?;
    let before = &line[..line.find(" files written")?];
    before.rsplit(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

fn html_pages(dir: &Path) -> Result<usize> {
    Ok(measure::files(dir)?.iter().filter(|f| f.extension().is_some_and(|e| e == "html")).count())
}

/// `cargo xtask bench …`.
pub fn main(args: &[String]) -> Result<()> {
    let args = parse(args)?;
    if !args.only_scaling {
        ensure("hugo", "hugo")?;
    }
    ensure(measure::GNU_TIME, "time")?;
    let status = Command::new("cargo")
        .args(["build", "--release", "-p", "passerelle"])
        .current_dir(crate::root())
        .status()?;
    if !status.success() {
        bail!("`cargo build --release -p passerelle` failed with {status}");
    }
    let work = target_dir().join("bench");
    std::fs::create_dir_all(&work).with_context(|| format!("failed to create `{}`", work.display()))?;
    // A private copy: target/release/passerelle may be rebuilt by someone else mid-bench, which
    // would change the build's fingerprint (so the rebuild) and the figures.
    let bin = work.join("passerelle");
    std::fs::copy(target_dir().join("release/passerelle"), &bin)
        .context("failed to copy the release binary")?;
    let mut report = Report::default();
    if args.only_scaling {
        scaling::run(&bin, &work, &mut report)?;
        println!("\n{}", report.table());
        return Ok(());
    }
    let hugo_version = Command::new("hugo")
        .arg("version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for (key, value) in [
        ("offers", args.offers.into()),
        ("big", args.big.into()),
        ("runs", args.runs.into()),
        ("seed", args.seed.into()),
        ("today", TODAY.into()),
        ("hugo", hugo_version.clone().into()),
        ("cores", cores.into()),
        ("statistic", "median of `runs` runs after one warm-up run; peak memory is the maximum".into()),
    ] {
        report.meta.insert(key.into(), value);
    }
    eprintln!(
        "bench: {} offers, {} runs each (median after one warm-up), {cores} cores, {hugo_version}",
        args.offers, args.runs
    );

    let n = args.offers;
    let dir = work.join(format!("n{n}"));
    let project = dir.join("project");
    let charter = synth::write_project(n, args.seed, &project)?;
    hugo::project(&charter, &dir.join("hugo"))?;
    drop(charter);
    eprintln!("bench: synthetic charter and Hugo project written under {}", dir.display());

    // Full builds, side by side: runs interleaved (passerelle, hugo, passerelle, …), so that any
    // drift of the machine (other users, a file system slowing as trees are deleted and made
    // again) weighs on both alike.
    let runs_dir = dir.join("runs");
    remove(&runs_dir)?;
    let hugo_source = dir.join("hugo");
    let (mut passerelle, mut hugo, mut floors) = (Vec::new(), Vec::new(), Vec::new());
    let mut tree = None;
    let (mut site, mut hugo_out) = (PathBuf::new(), PathBuf::new());
    for i in 0..=args.runs {
        let which = if i == 0 { "warm-up".to_string() } else { format!("run {i}/{}", args.runs) };
        (site, hugo_out) = (runs_dir.join(format!("passerelle-{i}")), runs_dir.join(format!("hugo-{i}")));
        passerelle.extend(repeat(
            &format!("passerelle full build, {which}"),
            0,
            &work,
            || Ok(()),
            || build(&bin, &project, &site),
        )?);
        hugo.extend(repeat(
            &format!("hugo full build, {which}"),
            0,
            &work,
            || Ok(()),
            || {
                let mut c = Command::new("hugo");
                c.arg("--quiet").arg("--source").arg(&hugo_source).arg("--destination").arg(&hugo_out);
                c
            },
        )?);
        let tree = match &tree {
            Some(tree) => tree,
            None => tree.insert(floor::Tree::read(&site)?),
        };
        let wall = tree.write(&runs_dir.join(format!("floor-{i}")))?;
        eprintln!("bench: disk floor (same tree, minimal writer), {which}: {wall:.2} s wall");
        floors.push(wall);
    }
    // The first of each was the warm-up.
    passerelle.remove(0);
    hugo.remove(0);
    floors.remove(0);
    let (p_full, h_full) = (walls(&passerelle), walls(&hugo));
    let floor = median(&floors);
    let tree = tree.context("at least one build ran")?;
    let (files, folders) = tree.counts();
    report.info(&format!("disk floor, {n} offers"), floor, "s", &format!("{files} files, {folders} folders"));
    report.check(
        &format!("passerelle full build / disk floor, {n} offers"),
        p_full / floor,
        "x",
        "≤ 1.5×",
        p_full <= 1.5 * floor,
        &format!("{p_full:.2} s / {floor:.2} s"),
    );
    for (kind, (count, bytes)) in tree.kinds() {
        let note = format!("{:.1} MB", bytes as f64 / 1_048_576.0);
        report.info(&format!("files: {kind}"), count as f64, "", &note);
    }
    drop(tree);
    let speedup = h_full / p_full;
    report.info(
        &format!("pages rendered at {n} offers: passerelle / hugo (.html files)"),
        html_pages(&site)? as f64,
        "",
        &format!("hugo: {}", html_pages(&hugo_out)?),
    );
    report.info(&format!("hugo full build, {n} offers"), h_full, "s", &format!("cpu {:.2} s", cpus(&hugo)));
    report.check(
        &format!("passerelle full build, {n} offers"),
        p_full,
        "s",
        "≥ 3× faster than hugo (issue 13; DESIGN.md: 5×)",
        speedup >= 3.0,
        &format!("{speedup:.1}× faster (cpu {:.1}×)", cpus(&hugo) / cpus(&passerelle)),
    );

    // A rebuild with nothing changed, into the same folder.
    let before = measure::snapshot(&site)?;
    let rebuilds =
        repeat("passerelle rebuild", args.runs, &work, || Ok(()), || build(&bin, &project, &site))?;
    let reported =
        rebuilds.iter().map(|run| written(&run.stderr)).try_fold(0, |max, w| w.map(|w| w.max(max)));
    let rewritten = measure::changed(&before, &measure::snapshot(&site)?);
    let p_re = walls(&rebuilds);
    let re_ratio = p_full / p_re;
    report.check(
        &format!("rebuild, nothing changed, {n} offers"),
        p_re,
        "s",
        "≥ 20× faster than full",
        re_ratio >= 20.0,
        &format!("{re_ratio:.1}× faster"),
    );
    let note = reported.map_or("build prints no count".to_string(), |w| format!("build reports {w} written"));
    report.check(
        "files rewritten by the rebuild (mtime/inode)",
        rewritten as f64,
        "",
        "0",
        rewritten == 0 && reported.unwrap_or(0) == 0,
        &note,
    );

    // One offer changed: its title, in place, so the rebuild must rewrite the pages that show it.
    let mut toggle = false;
    let one = repeat(
        "passerelle rebuild, one offer changed",
        args.runs,
        &work,
        || {
            toggle = !toggle;
            edit_first_title(&project, toggle)
        },
        || build(&bin, &project, &site),
    )?;
    let p_one = walls(&one);
    report.check(
        &format!("rebuild, one offer changed, {n} offers"),
        p_one,
        "s",
        "≥ 20× faster than full",
        p_full / p_one >= 20.0,
        &format!(
            "{:.1}× faster; {} files written",
            p_full / p_one,
            one.last().and_then(|r| written(&r.stderr)).unwrap_or(0)
        ),
    );

    // Memory.
    report.info(&format!("hugo peak memory, {n} offers"), peak_mb(&hugo), "MB", "");
    let p_mem = peak_mb(&passerelle);
    report.check(&format!("passerelle peak memory, {n} offers"), p_mem, "MB", "≤ 150 MB", p_mem <= 150.0, "");

    // Determinism: a second full build elsewhere, compared byte for byte.
    let twin = dir.join("site-twin");
    remove(&twin)?;
    measure::run(&mut build(&bin, &project, &twin), &work)?;
    let difference = measure::difference(&site, &twin)?;
    report.check(
        "two builds byte-identical",
        f64::from(u8::from(difference.is_none())),
        "yes/no",
        "yes",
        difference.is_none(),
        difference.as_deref().unwrap_or(""),
    );
    sizes(&site, n, &mut report)?;
    explorer_perf(&site, n, &mut report);
    report.info(
        &format!("site size, {n} offers"),
        measure::tree_size(&site)? as f64 / 1_048_576.0,
        "MB",
        &format!("hugo: {:.1} MB", measure::tree_size(&hugo_out)? as f64 / 1_048_576.0),
    );

    if args.big > 0 {
        big(&args, &bin, &work, &mut report)?;
    }
    scaling::run(&bin, &work, &mut report)?;
    eprintln!("bench: removing the runs' outputs (untimed)");
    remove(&runs_dir)?;
    println!("\n{}", report.table());
    let json = work.join("report.json");
    report.write_json(&json)?;
    println!("times: median of {} runs after a warm-up; written to {}", args.runs, json.display());
    if report.missed() > 0 {
        println!(
            "{} budget(s) missed (reported, not failed: timings on a shared machine are indicative)",
            report.missed()
        );
    }
    Ok(())
}

/// The 100,000-offer build: time and peak memory.
fn big(args: &Args, bin: &Path, work: &Path, report: &mut Report) -> Result<()> {
    let n = args.big;
    let dir = work.join(format!("n{n}"));
    let project = dir.join("project");
    synth::write_project(n, args.seed, &project)?;
    let runs_dir = dir.join("runs");
    remove(&runs_dir)?;
    let runs = args.runs.min(3);
    eprintln!("bench: {n} offers, {runs} runs");
    let (mut builds, mut floors, mut tree) = (Vec::new(), Vec::new(), None);
    for i in 0..=runs {
        let site = runs_dir.join(format!("passerelle-{i}"));
        builds.extend(repeat(
            &format!("passerelle {n} offers, run {i}"),
            0,
            work,
            || Ok(()),
            || build(bin, &project, &site),
        )?);
        let tree = match &tree {
            Some(tree) => tree,
            None => tree.insert(floor::Tree::read(&site)?),
        };
        floors.push(tree.write(&runs_dir.join(format!("floor-{i}")))?);
    }
    builds.remove(0);
    floors.remove(0);
    drop(tree);
    let (time, mem, floor) = (walls(&builds), peak_mb(&builds), median(&floors));
    report.info(&format!("disk floor, {n} offers"), floor, "s", "");
    report.check(
        &format!("passerelle full build / disk floor, {n} offers"),
        time / floor,
        "x",
        "≤ 1.5× (or ≤ 10 s)",
        time <= 1.5 * floor || time <= 10.0,
        &format!("{time:.2} s / {floor:.2} s"),
    );
    report.check(
        &format!("passerelle full build, {n} offers"),
        time,
        "s",
        "≤ 10 s",
        time <= 10.0,
        &format!("cpu {:.2} s", cpus(&builds)),
    );
    report.check(&format!("passerelle peak memory, {n} offers"), mem, "MB", "≤ 1 GB", mem <= 1024.0, "");
    eprintln!("bench: removing the {n}-offer runs' outputs (untimed)");
    remove(&runs_dir)
}

/// Changes the first offer's title in `project/data/offers.csv` (`on`: marked, else back).
fn edit_first_title(project: &Path, on: bool) -> Result<()> {
    let path = project.join("data/offers.csv");
    let mut reader =
        csv::Reader::from_path(&path).with_context(|| format!("failed to read {}", path.display()))?;
    let headers = reader.headers()?.clone();
    let title = headers.iter().position(|h| h == "title").context("offers.csv has a title column")?;
    let mut rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
    let first = rows.first_mut().context("offers.csv has an offer")?;
    let base = first[title].trim_end_matches(" (modifié)").to_owned();
    let mut fields: Vec<String> = first.iter().map(str::to_owned).collect();
    fields[title] = if on { format!("{base} (modifié)") } else { base };
    *first = csv::StringRecord::from(fields);
    let mut writer = csv::Writer::from_path(&path)?;
    writer.write_record(&headers)?;
    for row in &rows {
        writer.write_record(row)?;
    }
    writer.flush()?;
    Ok(())
}

/// The explorer's transfer sizes, gzipped: wasm + JS, and the first load (+ CSS + index).
fn sizes(site: &Path, n: usize, report: &mut Report) -> Result<()> {
    let mut gz = std::collections::BTreeMap::<&str, u64>::new();
    for rel in measure::files(site)? {
        let name = rel.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let kind = match rel.extension().and_then(|e| e.to_str()) {
            _ if name.starts_with("explorer-index") => "index",
            Some("wasm") => "wasm",
            Some("js") | Some("mjs") => "js",
            Some("css") if !name.starts_with("print") => "css",
            _ => continue,
        };
        *gz.entry(kind).or_default() += measure::gzip_len(&std::fs::read(site.join(&rel))?)?;
    }
    if !gz.contains_key("wasm") {
        report.info("explorer wasm + JS (gzip)", 0.0, "kB", "no .wasm in the built site: not measured");
        return Ok(());
    }
    // The budgets and their unit are the generator's own (kB of 1,000 bytes, gzip -9).
    use passerelle_index::budget::{CODE_BUDGET, FIRST_LOAD_BUDGET, FIRST_LOAD_BUDGET_100K};
    let bytes = |k: &str| gz.get(k).copied().unwrap_or(0) as usize;
    let kb = |b: usize| b as f64 / 1000.0;
    let app = bytes("wasm") + bytes("js");
    let first = app + bytes("css") + bytes("index");
    report.check(
        "explorer wasm + JS (gzip)",
        kb(app),
        "kB",
        &format!("≤ {} kB", CODE_BUDGET / 1000),
        app <= CODE_BUDGET,
        &format!("wasm {:.1} + js {:.1}", kb(bytes("wasm")), kb(bytes("js"))),
    );
    let budget = if n >= 100_000 { FIRST_LOAD_BUDGET_100K } else { FIRST_LOAD_BUDGET };
    let detail = format!("+ css {:.1} + index {:.1}", kb(bytes("css")), kb(bytes("index")));
    report.check(
        &format!("explorer first load, {n} offers (gzip)"),
        kb(first),
        "kB",
        &format!("≤ {} kB", budget / 1000),
        first <= budget,
        &detail,
    );
    Ok(())
}

/// A filter change in the explorer at `n` offers, in headless Chromium: the median and p95 of
/// `xtask/browser/bench/explorer-perf.mjs` (one JSON line), with the load average it ran at.
/// Reported, never failed on; a missing Node or Chromium is reported as not measured.
fn explorer_perf(site: &Path, n: usize, report: &mut Report) {
    let browser = crate::root().join("xtask").join("browser");
    let run = Command::new("node")
        .arg("bench/explorer-perf.mjs")
        .env("SITE_DIR", site)
        .current_dir(&browser)
        .output();
    let figures = match &run {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout)
            .lines()
            .last()
            .and_then(|l| serde_json::from_str::<serde_json::Value>(l).ok()),
        _ => None,
    };
    let Some(f) = figures else {
        let why = match run {
            Ok(o) => String::from_utf8_lossy(&o.stderr).lines().last().unwrap_or("no output").to_string(),
            Err(e) => format!("cannot run node: {e}"),
        };
        report.info(
            &format!("explorer filter change, {n} offers"),
            0.0,
            "ms",
            &format!("not measured: {why}"),
        );
        return;
    };
    let number = |key: &str| f[key].as_f64().unwrap_or(f64::NAN);
    let load = f["loadavg_1min"]
        .as_array()
        .and_then(|l| l.first())
        .and_then(serde_json::Value::as_f64)
        .unwrap_or(f64::NAN);
    let note = format!(
        "{} changes, load average {load:.1}; main-thread cpu median {:.1} ms",
        number("samples"),
        number("main_thread_cpu_median_ms")
    );
    let (median, p95) = (number("median_ms"), number("p95_ms"));
    report.check(
        &format!("explorer filter change, {n} offers (median)"),
        median,
        "ms",
        "≤ 16 ms",
        median <= 16.0,
        &note,
    );
    report.check(&format!("explorer filter change, {n} offers (p95)"), p95, "ms", "≤ 50 ms", p95 <= 50.0, "");
}
