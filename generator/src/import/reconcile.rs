//! Mapped rows × the table × what the source said last time → a [`Plan`] and the report.
//!
//! Each row is matched to a record by its provenance (`source` column), else by a recorded
//! `same` decision, else by its id when the mapping gives one. A matched record is updated
//! field by field under the three-way rule of [`super::state`]; an unmatched row is a
//! possible duplicate (not written) when a record or an earlier row has a similar name in
//! the same place and no decision says `different`; otherwise it is new, with an id slugged
//! from its name, unique in the table.

use super::apply::Mapped;
use super::decisions::{Decision, Decisions};
use super::duplicates::{Entry, Index};
use super::report::{Candidate, Conflict, Duplicate, Record, Report, Skipped, Updated};
use super::state::State;
use super::table::TableFile;
use super::write::Plan;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Everything reconciling needs besides the rows.
#[derive(Debug)]
pub struct Inputs<'a> {
    pub file: &'a TableFile,
    /// The source's name (provenance prefix) and how diagnostics name it.
    pub name: &'a str,
    pub source_file: &'a str,
    pub state: &'a State,
    pub decisions: &'a Decisions,
}

/// The plan for the table and the new state of the source.
#[derive(Debug)]
pub struct Outcome {
    pub plan: Plan,
    pub state: State,
}

/// The field that names a record of `table`.
pub fn name_field(table: &str) -> &'static str {
    if table == "offers" {
        "title"
    } else {
        "name"
    }
}

/// Reconciles `rows` (already normalised, in source order) with the table.
pub fn reconcile(rows: Vec<Mapped>, inputs: &Inputs<'_>, report: &mut Report) -> Outcome {
    let file = inputs.file;
    let table = file.table.name;
    let name_field = name_field(table);
    let mut plan = Plan::default();
    let mut state = inputs.state.clone();
    let by_source: HashMap<&str, usize> = file
        .records
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some(file.value(r, "source")).filter(|s| !s.is_empty()).map(|s| (s, i)))
        .collect();
    let by_id: HashMap<&str, usize> = file.ids().enumerate().map(|(i, id)| (id, i)).collect();
    let mut ids: HashSet<String> = file.ids().map(str::to_owned).collect();
    let mut index = Index::default();
    for record in &file.records {
        index.add(entry(file.value(record, "id"), |f| file.value(record, f), name_field));
    }
    let mut seen_keys: HashMap<String, u32> = HashMap::new();
    for row in rows {
        // Without a key column, the mapped id, else the name, identifies the row.
        let key = row.key.clone().unwrap_or_else(|| match row.get("id") {
            "" => passerelle_index::fold::slug(row.get(name_field)),
            id => id.to_owned(),
        });
        let provenance = format!("{}:{key}", inputs.name);
        if let Some(first) = seen_keys.insert(key.clone(), row.line) {
            report.error_at(
                inputs.source_file,
                (row.line, 1),
                format!("key \"{key}\" already on line {first}"),
            );
            continue;
        }
        let matched = by_source
            .get(provenance.as_str())
            .copied()
            .or_else(|| inputs.decisions.same_as(&provenance).and_then(|c| by_id.get(c).copied()))
            .or_else(|| {
                Some(row.get("id")).filter(|id| !id.is_empty()).and_then(|id| by_id.get(id).copied())
            });
        if let Some(i) = matched {
            update(i, &row, &key, &provenance, inputs, &mut plan, report);
            state.rows.insert(key, values(&row));
            continue;
        }
        if let Some(other) = inputs.decisions.same_as(&provenance) {
            report.skipped_same.push(Skipped {
                line: row.line,
                source: provenance.clone(),
                same_as: other.to_owned(),
            });
            continue;
        }
        let probe = entry(&provenance, |f| row.get(f), name_field);
        let candidates: Vec<Candidate> = index
            .matches(&probe)
            .into_iter()
            .filter(|e| inputs.decisions.about(&provenance, &e.label) != Some(Decision::Different))
            .map(|e| Candidate { label: e.label.clone(), name: e.name.clone(), postcode: e.postcode.clone() })
            .collect();
        index.add(probe);
        if !candidates.is_empty() {
            report.duplicates.push(Duplicate {
                line: row.line,
                source: provenance,
                name: row.get(name_field).to_owned(),
                postcode: row.get("postcode").to_owned(),
                candidates,
            });
            continue;
        }
        let id = match new_id(&row, name_field, &ids) {
            Ok(id) => id,
            Err(message) => {
                report.error_at(inputs.source_file, row.at("id"), message);
                continue;
            }
        };
        ids.insert(id.clone());
        let mut cells: Vec<(&'static str, String)> = vec![("id", id.clone())];
        cells.extend(
            row.cells
                .iter()
                .filter(|c| c.field != "id" && !c.value.is_empty())
                .map(|c| (c.field, c.value.clone())),
        );
        cells.push(("source", provenance));
        report.new.push(Record { line: row.line, id, name: row.get(name_field).to_owned() });
        plan.appended.push(cells);
        state.rows.insert(key, values(&row));
    }
    plan.added_columns = added_columns(file, &plan);
    Outcome { plan, state }
}

/// A row's values as the state stores them: non-empty ones (an empty cell in the state file
/// is no value), so that a state read back equals the one written.
fn values(row: &Mapped) -> BTreeMap<String, String> {
    row.cells
        .iter()
        .filter(|c| c.field != "id" && !c.value.is_empty())
        .map(|c| (c.field.to_owned(), c.value.clone()))
        .collect()
}

fn entry<'a>(label: &str, get: impl Fn(&str) -> &'a str, name_field: &str) -> Entry {
    let number = |f: &str| crate::load::cells::number(get(f)).ok().flatten();
    Entry {
        label: label.to_owned(),
        name: get(name_field).to_owned(),
        postcode: get("postcode").to_owned(),
        point: number("lat").zip(number("lon")),
        venue: get("venue").to_owned(),
        operator: if name_field == "title" { get("operator").to_owned() } else { String::new() },
    }
}

/// The three-way update of record `i` from `row`: source unchanged → the table's value kept;
/// source changed and the table untouched → updated; both changed → a conflict.
fn update(
    i: usize,
    row: &Mapped,
    key: &str,
    provenance: &str,
    inputs: &Inputs<'_>,
    plan: &mut Plan,
    report: &mut Report,
) {
    let file = inputs.file;
    let record = &file.records[i];
    let id = file.value(record, "id").to_owned();
    let mut changes = Vec::new();
    for cell in row.cells.iter().filter(|c| c.field != "id") {
        let current = file.value(record, cell.field);
        let new = cell.value.as_str();
        if equivalent(cell.field, new, current) {
            continue;
        }
        match inputs.state.previous(key, cell.field) {
            Some(previous) if previous == new => {}
            Some(previous) if previous == current => changes.push((cell.field, new.to_owned())),
            None if current.is_empty() => changes.push((cell.field, new.to_owned())),
            None if new.is_empty() => {}
            previous => report.conflicts.push(Conflict {
                line: row.line,
                id: id.clone(),
                field: cell.field,
                kept: current.to_owned(),
                source: new.to_owned(),
                previous: previous.map(str::to_owned),
            }),
        }
    }
    if file.value(record, "source") != provenance {
        changes.push(("source", provenance.to_owned()));
    }
    if changes.is_empty() {
        report.unchanged += 1;
    } else {
        report.updated.push(Updated {
            line: row.line,
            id,
            fields: changes.iter().map(|(f, _)| *f).collect(),
        });
        plan.changes.insert(i, changes);
    }
}

/// Whether two cells say the same: `50.6297` is `50.629700`, `15/06/2026` is `2026-06-15`,
/// `a|b` is `b; a`. Text must be equal.
fn equivalent(field: &str, a: &str, b: &str) -> bool {
    use crate::load::cells;
    if a == b {
        return true;
    }
    match field {
        "lat" | "lon" => matches!((cells::number(a), cells::number(b)), (Ok(Some(x)), Ok(Some(y))) if x == y),
        "starts_on" | "ends_on" | "updated_on" | "signed_charter_on" => {
            matches!((cells::date(a), cells::date(b)), (Ok(Some(x)), Ok(Some(y))) if x == y)
        }
        "accessibility" | "disciplines" | "audiences" | "languages" | "partners" | "districts" => {
            let set = |v: &str| cells::list(v).into_iter().collect::<std::collections::BTreeSet<_>>();
            set(a) == set(b)
        }
        _ => false,
    }
}

/// The mapped id, or a slug of the name, made unique with `-2`, `-3`…
fn new_id(row: &Mapped, name_field: &str, taken: &HashSet<String>) -> Result<String, String> {
    let given = row.get("id");
    if !given.is_empty() {
        return match taken.contains(given) {
            true => Err(format!("id \"{given}\" is already used in the table")),
            false => Ok(given.to_owned()),
        };
    }
    let base: String = passerelle_index::fold::slug(row.get(name_field)).chars().take(60).collect();
    let base = base.trim_end_matches('-').to_owned();
    if base.is_empty() {
        return Err(format!("no {name_field} to make an id from"));
    }
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    Ok(id)
}

/// The canonical columns the plan fills that the file lacks, in the table's column order.
fn added_columns(file: &TableFile, plan: &Plan) -> Vec<&'static str> {
    let used: HashSet<&str> = plan
        .appended
        .iter()
        .chain(plan.changes.values())
        .flat_map(|cells| cells.iter().map(|(f, _)| *f))
        .collect();
    let required = file.table.columns.iter().filter(|c| c.required && !file.exists).map(|c| c.name);
    let mut out: Vec<&'static str> = Vec::new();
    for column in file.table.columns {
        let wanted = used.contains(column.name) || required.clone().any(|r| r == column.name);
        if wanted && file.column(column.name).is_none() {
            out.push(column.name);
        }
    }
    out
}
