//! `check` linear in its input (DESIGN.md "Budgets"): for every table, for wide rows and for
//! GeoJSON features and points, `check`'s CPU time is measured on a small synthetic charter grown by N, then
//! by 2N, and the ratio printed (about 2 expected). It reports, it never fails on timing.

use super::{report::Report, TODAY};
use anyhow::{bail, Context, Result};
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs of `check` per size; the median is kept.
const RUNS: usize = 3;

/// What grows, and how much at N.
const CASES: [(&str, usize); 10] = [
    ("districts.csv rows", 50_000),
    ("operators.csv rows", 50_000),
    ("venues.csv rows", 50_000),
    ("offers.csv rows", 50_000),
    ("partnerships.csv rows", 50_000),
    ("vocabulary.csv rows", 100_000),
    ("holidays.csv rows", 50_000),
    ("columns of a row", 100_000),
    ("GeoJSON features", 5_000),
    ("GeoJSON points of a ring", 250_000),
];

/// Times `check` at N and 2N for each case.
pub fn run(bin: &Path, work: &Path, report: &mut Report) -> Result<()> {
    let base = work.join("scaling-base");
    if !base.exists() {
        crate::synth::write_project(200, 1, &base)?;
    }
    for (case, n) in CASES {
        let mut times = Vec::new();
        for size in [n, 2 * n] {
            let project = work.join("scaling");
            let _ = std::fs::remove_dir_all(&project);
            copy(&base, &project)?;
            grow(&project, case, size)?;
            let cpu = timed_check(bin, &project, work)?;
            eprintln!("bench: check with {size} {case}: {cpu:.2} s cpu");
            times.push(cpu);
        }
        let ratio = times[1] / times[0].max(1e-3);
        let label = format!("check, {case}: {n} → {}", 2 * n);
        report.check(
            &label,
            times[1],
            "s",
            "2N ≤ ~2× N",
            ratio <= 2.5,
            &format!("{:.2} s → {:.2} s ({ratio:.2}×)", times[0], times[1]),
        );
    }
    Ok(())
}

/// The median CPU time (user + system, from GNU time: the machine is shared, so wall time
/// would measure the neighbours) of `check` on `project`; finding problems (exit 1) is fine
/// here, a crash is not.
fn timed_check(bin: &Path, project: &Path, scratch: &Path) -> Result<f64> {
    let report = scratch.join("scaling-time.txt");
    let mut cpus = Vec::new();
    for _ in 0..RUNS {
        let status = Command::new(super::measure::GNU_TIME)
            .args(["-f", "%U %S", "-o"])
            .arg(&report)
            .arg("--")
            .arg(bin)
            .arg("check")
            .arg("--root")
            .arg(project)
            .env("PASSERELLE_TODAY", TODAY)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .context("failed to start passerelle check under GNU time")?;
        if !matches!(status.code(), Some(0 | 1)) {
            bail!("passerelle check --root {} failed with {status}", project.display());
        }
        let text = std::fs::read_to_string(&report).context("GNU time's report")?;
        let cpu: f64 = text
            .lines()
            .last()
            .unwrap_or_default()
            .split_whitespace()
            .filter_map(|f| f.parse::<f64>().ok())
            .sum();
        cpus.push(cpu);
    }
    cpus.sort_by(f64::total_cmp);
    Ok(cpus[cpus.len() / 2])
}

fn copy(from: &Path, to: &Path) -> Result<()> {
    for entry in walkdir(from)? {
        let relative = entry.strip_prefix(from)?;
        let target = to.join(relative);
        if entry.is_dir() {
            std::fs::create_dir_all(&target)?;
        } else {
            std::fs::copy(&entry, &target).with_context(|| format!("failed to copy {}", entry.display()))?;
        }
    }
    Ok(())
}

fn walkdir(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    let mut out = vec![dir.to_path_buf()];
    let mut i = 0;
    while i < out.len() {
        if out[i].is_dir() {
            for entry in std::fs::read_dir(&out[i])? {
                out.push(entry?.path());
            }
        }
        i += 1;
    }
    Ok(out)
}

/// Grows `project` by `n` of `case`: copies of a table's last row under new ids, extra
/// columns, district outlines far outside the city, or points of one ring.
fn grow(project: &Path, case: &str, n: usize) -> Result<()> {
    let data = project.join("data");
    if let Some(table) = case.strip_suffix(" rows") {
        return grow_table(&data.join(table), table, n);
    }
    match case {
        "columns of a row" => {
            let path = data.join("partnerships.csv");
            let text = std::fs::read_to_string(&path)?;
            let (head, rest) = text.split_once('\n').unwrap_or((&text, ""));
            let extra: String = (0..n).map(|i| format!(",extra_{i}")).collect();
            let cells: String = (0..n).map(|i| format!(",{i}")).collect();
            let rows: String = rest.lines().map(|l| format!("{l}{cells}\n")).collect();
            std::fs::write(&path, format!("{head}{extra}\n{rows}"))?;
        }
        "GeoJSON features" => {
            let path = data.join("districts.geojson");
            let text = std::fs::read_to_string(&path)?;
            let features: String = (0..n)
                .map(|i| {
                    let (x, y) = (6.0 + (i % 100) as f64 * 0.002, 51.0 + (i / 100) as f64 * 0.002);
                    format!(",{{\"type\":\"Feature\",\"properties\":{{\"id\":\"zone-{i}\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[[{x},{y}],[{},{y}],[{},{}],[{x},{}],[{x},{y}]]]}}}}", x + 0.001, x + 0.001, y + 0.001, y + 0.001)
                })
                .collect();
            let at = text.rfind(']').context("a FeatureCollection")?;
            std::fs::write(&path, format!("{}{features}{}", &text[..at], &text[at..]))?;
        }
        _ => {
            // One more outline far away whose ring has n points on a circle.
            let path = data.join("districts.geojson");
            let text = std::fs::read_to_string(&path)?;
            let mut ring: Vec<String> = (0..n)
                .map(|i| {
                    let a = i as f64 / n as f64 * std::f64::consts::TAU;
                    format!("[{:.7},{:.7}]", 7.0 + 0.05 * a.cos(), 52.0 + 0.05 * a.sin())
                })
                .collect();
            ring.push(ring[0].clone());
            let feature = format!(",{{\"type\":\"Feature\",\"properties\":{{\"id\":\"ring\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[{}]]}}}}", ring.join(","));
            let at = text.rfind(']').context("a FeatureCollection")?;
            std::fs::write(&path, format!("{}{feature}{}", &text[..at], &text[at..]))?;
        }
    }
    Ok(())
}

/// `n` more rows: new vocabulary codes, holidays, or copies of the table's last record under
/// new ids (`s0`, `s1`…).
fn grow_table(path: &Path, table: &str, n: usize) -> Result<()> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut records: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .collect::<Result<_, _>>()?;
    if records.is_empty() {
        let header = match table {
            "vocabulary.csv" => vec!["group", "code", "label_fr", "label_en"],
            _ => vec!["id", "name", "starts_on", "ends_on", "kind"],
        };
        records.push(csv::StringRecord::from(header));
    }
    let last = records.last().cloned().unwrap_or_default();
    let mut out = csv::Writer::from_writer(Vec::new());
    for record in &records {
        out.write_record(record)?;
    }
    for i in 0..n {
        let day = format!("2027-01-0{}", 1 + i % 5);
        let row: Vec<String> = match table {
            "vocabulary.csv" => {
                vec!["discipline".into(), format!("code_{i}"), format!("Code {i}"), format!("Code {i}")]
            }
            "holidays.csv" if records.len() == 1 => {
                vec![format!("h{i}"), format!("Congé {i}"), day.clone(), day, "school".into()]
            }
            _ => std::iter::once(format!("s{i}")).chain(last.iter().skip(1).map(str::to_owned)).collect(),
        };
        out.write_record(&row)?;
    }
    std::fs::write(path, out.into_inner()?).context("failed to write the table")
}
