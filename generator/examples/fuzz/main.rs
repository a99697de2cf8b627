//! A fuzz harness on stable Rust (cargo-fuzz needs nightly): `cargo xtask fuzz [--minutes N]
//! [--seed S]`, or `cargo run --release -p passerelle --example fuzz -- --minutes N`.
//!
//! Each run takes one shipped file (a `data/` table, the GeoJSON, `content/site.toml` or a
//! `content/` page),
//! applies one to four mutations ([`mutate`]: bit flips, byte insertions, strings from
//! `naughty.txt`, truncations, delimiter and quote swaps, encoding swaps, huge cells, pasted
//! lines), and runs it in-process under `catch_unwind` through `passerelle::check` (load,
//! validate, model; `check` reads `content/` too) and both diagnostic renderers, and a page
//! also through the content reader by itself (front matter, Markdown). A panic, or a run slower than [`SLOW`], is a finding: its
//! input is saved under `target/fuzz-findings/` and the harness exits 1. Prints runs/s, runs
//! and findings every ten seconds and at the end.

mod mutate;

use passerelle::diagnostics::render;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A run that takes more CPU time than this is a finding (check is linear; the shipped files
/// take milliseconds, a 300 kB hostile cell well under a second). CPU time, not wall time: the
/// machine may be shared.
const SLOW: Duration = Duration::from_secs(5);

/// One seed input: its path relative to the project, and its bytes.
struct Seed {
    path: String,
    bytes: Vec<u8>,
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1));
    let minutes: f64 = value("--minutes").and_then(|m| m.parse().ok()).unwrap_or(1.0);
    let seed: u64 = value("--seed").and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_secs())
    });
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace").to_path_buf();
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| repo.join("target"), PathBuf::from);
    match run(&repo, &target, minutes, seed) {
        Ok(0) => std::process::ExitCode::SUCCESS,
        Ok(_) => std::process::ExitCode::from(1),
        Err(error) => {
            eprintln!("fuzz: {error}");
            std::process::ExitCode::from(2)
        }
    }
}

fn run(repo: &Path, target: &Path, minutes: f64, seed: u64) -> std::io::Result<usize> {
    let seeds = seeds(repo)?;
    let naughty = mutate::naughty(include_str!("naughty.txt"));
    let work = target.join("fuzz-work");
    let _ = std::fs::remove_dir_all(&work);
    for seed in &seeds {
        let path = work.join(&seed.path);
        std::fs::create_dir_all(path.parent().unwrap_or(&work))?;
        std::fs::write(path, &seed.bytes)?;
    }
    let findings_dir = target.join("fuzz-findings");
    let last_panic = Arc::new(Mutex::new(String::new()));
    let hook_panic = Arc::clone(&last_panic);
    panic::set_hook(Box::new(move |info| {
        if let Ok(mut last) = hook_panic.lock() {
            *last = info.to_string();
        }
    }));
    let options =
        passerelle::Options { today: chrono::NaiveDate::from_ymd_opt(2026, 11, 21).expect("a day") };
    let mut rng = mutate::Rng::new(seed);
    let (started, deadline) = (Instant::now(), Duration::from_secs_f64(minutes * 60.0));
    let (mut runs, mut findings, mut shown) = (0u64, 0usize, Instant::now());
    let mut slowest = (Duration::ZERO, String::new());
    eprintln!(
        "fuzz: seed {seed}, {} seed files, {} naughty strings, {minutes} min",
        seeds.len(),
        naughty.len()
    );
    while started.elapsed() < deadline {
        let seed_file = &seeds[rng.below(seeds.len())];
        let mut bytes = seed_file.bytes.clone();
        let mutations = mutate::mutate(&mut bytes, &naughty, &mut rng);
        let start = cpu_time();
        let file = work.join(&seed_file.path);
        std::fs::write(&file, &bytes)?;
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
            check(&work, &options);
            if seed_file.path.ends_with(".md") {
                content(&bytes);
            }
        }));
        std::fs::write(&file, &seed_file.bytes)?;
        let elapsed = cpu_time().saturating_sub(start);
        runs += 1;
        if elapsed > slowest.0 {
            slowest = (elapsed, format!("{} ({})", seed_file.path, mutations.join(", ")));
        }
        let problem = match outcome {
            Err(_) => Some(format!("panic: {}", last_panic.lock().map(|m| m.clone()).unwrap_or_default())),
            Ok(()) if elapsed > SLOW => Some(format!("slow: {:.1} s of CPU", elapsed.as_secs_f64())),
            Ok(()) => None,
        };
        if let Some(problem) = problem {
            findings += 1;
            let saved = save(&findings_dir, findings, seed_file, &bytes, &mutations, &problem)?;
            eprintln!("fuzz: FINDING {problem}\n      input saved as {}", saved.display());
        }
        if shown.elapsed() > Duration::from_secs(10) {
            report(runs, findings, started.elapsed());
            shown = Instant::now();
        }
    }
    report(runs, findings, started.elapsed());
    eprintln!("fuzz: slowest run {:.2} s of CPU: {}", slowest.0.as_secs_f64(), slowest.1);
    Ok(findings)
}

/// `check` on the project at `root`, then both text styles and the JSON of its diagnostics.
fn check(root: &Path, options: &passerelle::Options) {
    // An Err is an I/O failure, not a finding (the harness writes the files itself).
    if let Ok(checked) = passerelle::check(root, options) {
        let _ = render::to_text(&checked.diagnostics, false);
        let _ = render::to_text(&checked.diagnostics, true);
        let _ = serde_json::to_string(&render::to_json(&checked.diagnostics));
    }
}

/// The content reader on one page by itself: front matter, then the Markdown body to HTML
/// (`check` reads the pages too, but stops at the first error of a page).
fn content(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Ok((_, body)) = passerelle::load::content::parse(&text) {
        let _ = passerelle::render::markdown::to_html(body, passerelle::render::markdown::Source::Content);
    }
}

/// This thread's CPU time (Linux: `/proc/thread-self/schedstat`, in nanoseconds); elsewhere
/// the time since the harness started, which makes SLOW a wall-clock limit.
fn cpu_time() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse().ok()))
        .map_or_else(|| START.get_or_init(Instant::now).elapsed(), Duration::from_nanos)
}

fn report(runs: u64, findings: usize, elapsed: Duration) {
    let seconds = elapsed.as_secs_f64().max(1e-9);
    eprintln!(
        "fuzz: {runs} runs in {seconds:.0} s ({:.1} runs/s), {findings} finding{}",
        runs as f64 / seconds,
        if findings == 1 { "" } else { "s" }
    );
}

/// Every file of `data/` and every page of `content/` of the shipped project.
fn seeds(repo: &Path) -> std::io::Result<Vec<Seed>> {
    let mut seeds = Vec::new();
    for folder in ["data", "content"] {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(repo.join(folder))?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for path in entries.into_iter().filter(|p| p.is_file()) {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
            let keep = [".csv", ".geojson", ".md", ".toml"].iter().any(|e| name.ends_with(e));
            if keep && name != "README.md" {
                seeds.push(Seed { path: format!("{folder}/{name}"), bytes: std::fs::read(&path)? });
            }
        }
    }
    if seeds.is_empty() {
        return Err(std::io::Error::other("no seed files under data/ and content/"));
    }
    Ok(seeds)
}

/// Saves a finding's input and what happened: `target/fuzz-findings/<n>-<file>` and `.txt`.
fn save(
    dir: &Path,
    n: usize,
    seed: &Seed,
    bytes: &[u8],
    mutations: &[&str],
    problem: &str,
) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let name = seed.path.replace('/', "-");
    let path = dir.join(format!("{n}-{name}"));
    std::fs::write(&path, bytes)?;
    let note = format!("{problem}\nseed file: {}\nmutations: {}\n", seed.path, mutations.join(", "));
    std::fs::write(dir.join(format!("{n}-{name}.txt")), note)?;
    Ok(path)
}
