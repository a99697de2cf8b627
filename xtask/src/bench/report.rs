//! The bench's result: a table on the terminal and `target/bench/report.json`.

use anyhow::{Context, Result};
use serde_json::{json, Value};
use std::path::Path;

/// One measure with its budget and verdict.
#[derive(Clone, Debug)]
pub struct Row {
    pub measure: String,
    pub value: f64,
    pub unit: &'static str,
    /// The budget as DESIGN.md states it, empty for context-only figures.
    pub budget: String,
    /// A ratio and/or "ok" / "MISSED" / "-".
    pub verdict: String,
}

#[derive(Debug, Default)]
pub struct Report {
    pub rows: Vec<Row>,
    pub meta: serde_json::Map<String, Value>,
}

impl Report {
    /// A figure with a budget: `ok` when `within`, `MISSED` otherwise; `ratio` is shown first.
    pub fn check(
        &mut self,
        measure: &str,
        value: f64,
        unit: &'static str,
        budget: &str,
        within: bool,
        ratio: &str,
    ) {
        let verdict = format!(
            "{ratio}{}{}",
            if ratio.is_empty() { "" } else { " " },
            if within { "ok" } else { "MISSED" }
        );
        self.push(measure, value, unit, budget, verdict);
    }

    /// A figure for context.
    pub fn info(&mut self, measure: &str, value: f64, unit: &'static str, note: &str) {
        self.push(measure, value, unit, "", note.to_string());
    }

    fn push(&mut self, measure: &str, value: f64, unit: &'static str, budget: &str, verdict: String) {
        self.rows.push(Row { measure: measure.into(), value, unit, budget: budget.into(), verdict });
    }

    pub fn missed(&self) -> usize {
        self.rows.iter().filter(|r| r.verdict.ends_with("MISSED")).count()
    }

    /// The table, aligned, for the terminal.
    pub fn table(&self) -> String {
        let value = |r: &Row| match r.unit {
            "s" => format!("{:.3} s", r.value),
            "MB" => format!("{:.1} MB", r.value),
            "kB" => format!("{:.1} kB", r.value),
            "x" => format!("{:.1}×", r.value),
            "yes/no" => {
                if r.value > 0.0 {
                    "yes".into()
                } else {
                    "no".into()
                }
            }
            _ => format!("{}", r.value),
        };
        let cells: Vec<[String; 4]> = self
            .rows
            .iter()
            .map(|r| [r.measure.clone(), value(r), r.budget.clone(), r.verdict.clone()])
            .collect();
        let header = ["measure", "value", "budget", "ratio / verdict"].map(String::from);
        let mut widths = header.clone().map(|h| h.chars().count());
        for row in &cells {
            for (w, c) in widths.iter_mut().zip(row) {
                *w = (*w).max(c.chars().count());
            }
        }
        let line = |row: &[String; 4]| {
            let padded: Vec<String> = row
                .iter()
                .zip(widths)
                .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
                .collect();
            format!("| {} |\n", padded.join(" | "))
        };
        let mut out = line(&header);
        out.push_str(&format!("|{}|\n", widths.map(|w| "-".repeat(w + 2)).join("|")));
        for row in &cells {
            out.push_str(&line(row));
        }
        out
    }

    pub fn write_json(&self, path: &Path) -> Result<()> {
        let rows: Vec<Value> = self
            .rows
            .iter()
            .map(|r| json!({"measure": r.measure, "value": r.value, "unit": r.unit, "budget": r.budget, "verdict": r.verdict}))
            .collect();
        let doc = json!({"meta": Value::Object(self.meta.clone()), "measures": rows});
        let text = serde_json::to_string_pretty(&doc)? + "\n";
        std::fs::write(path, text).with_context(|| format!("failed to write `{}`", path.display()))
    }
}
