//! `check` linear in its input (DESIGN.md "Budgets"): for every table, for wide rows and for
//! GeoJSON features and points, `check` is timed on a small synthetic charter grown by N, then
//! by 2N, and the ratio printed (about 2 expected). It reports, it never fails on timing.

use super::{measure, report::Report, TODAY};
use anyhow::{Context, Result};
use std::path::Path;
use std::process::Command;

/// What grows, and how much at N.
const CASES: [(&str, usize); 10] = [
    ("districts.csv rows", 20_000),
    ("operators.csv rows", 20_000),
    ("venues.csv rows", 20_000),
    ("offers.csv rows", 20_000),
    ("partnerships.csv rows", 20_000),
    ("vocabulary.csv rows", 40_000),
    ("holidays.csv rows", 20_000),
    ("columns of a row", 50_000),
    ("GeoJSON features", 2_000),
    ("GeoJSON points of a ring", 100_000),
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
            let mut command = Command::new(bin);
            command.arg("check").arg("--root").arg(&project).env("PASSERELLE_TODAY", TODAY);
            let run = measure::run(&mut command, work)?;
            eprintln!("bench: check with {size} {case}: {:.2} s", run.wall);
            times.push(run.wall);
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
        let path = data.join(table);
        let text = if table == "vocabulary.csv" || table == "holidays.csv" && !path.exists() {
            std::fs::read_to_string(&path).unwrap_or_default()
        } else {
            std::fs::read_to_string(&path)?
        };
        let mut out = if text.is_empty() { header(table).to_owned() } else { text };
        if !out.ends_with('\n') {
            out.push('\n');
        }
        let last = out.lines().last().unwrap_or_default().to_owned();
        let (_, rest) = last.split_once(',').unwrap_or(("", &last));
        for i in 0..n {
            match table {
                "vocabulary.csv" => out.push_str(&format!("discipline,code_{i},Code {i},Code {i}\n")),
                "holidays.csv" => out.push_str(&format!(
                    "h{i},Congé {i},2027-01-0{},2027-01-0{},school\n",
                    1 + i % 5,
                    1 + i % 5
                )),
                _ => out.push_str(&format!("s{i},{rest}\n")),
            }
        }
        return std::fs::write(&path, out).context("failed to write the table");
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

fn header(table: &str) -> &'static str {
    match table {
        "vocabulary.csv" => "group,code,label_fr,label_en\n",
        _ => "id,name,starts_on,ends_on,kind\n",
    }
}
