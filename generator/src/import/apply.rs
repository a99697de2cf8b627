//! A mapping bound to a source's header, applied to each row: source cells → canonical cells.
//!
//! Binding resolves every source column the mapping names (exactly, else folded like `data/`
//! headers) and reports the unknown ones at the mapping's line and column with a "did you
//! mean" among the source's headers. Applying fills each canonical field from a column, a
//! template, a value map or a default; each value remembers the source cell it came from, so
//! a later problem with it is a `source:line:col` diagnostic.

use super::mapping::{Mapping, Piece, Pos, Rule, Target, Value};
use crate::diagnostics::suggest::did_you_mean;
use crate::diagnostics::{Diagnostics, Severity};
use crate::load::rows::Row;
use crate::load::tables::Table;
use passerelle_index::fold::key as fold;

/// A mapping whose source columns are indices into the source's rows.
#[derive(Debug)]
pub struct Bound {
    rules: Vec<(Target, BoundValue)>,
    filters: Vec<(usize, Vec<String>)>,
    key: Option<usize>,
    defaults: Vec<(&'static str, String)>,
}

#[derive(Debug)]
enum BoundValue {
    Template(Vec<BoundPiece>),
    Map { from: usize, map: Vec<(String, String)>, default: Option<String> },
}

#[derive(Debug)]
enum BoundPiece {
    Text(String),
    Column(usize),
}

/// One canonical value of a mapped row, and the source cell it came from (1-based).
#[derive(Debug, Clone, PartialEq)]
pub struct MappedCell {
    pub field: &'static str,
    pub value: String,
    pub line: u32,
    pub column: u32,
    /// A value map's `default`, for a value that is neither in the map nor a code.
    pub fallback: Option<String>,
}

/// A source row once mapped: its key (the source's id) and canonical cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapped {
    pub line: u32,
    pub key: Option<String>,
    pub cells: Vec<MappedCell>,
}

impl Mapped {
    /// The value of `field`, `""` when unmapped.
    pub fn get(&self, field: &str) -> &str {
        self.cells.iter().find(|c| c.field == field).map_or("", |c| c.value.as_str())
    }

    /// Where `field`'s value came from: its cell, or the row's first column.
    pub fn at(&self, field: &str) -> (u32, u32) {
        self.cells.iter().find(|c| c.field == field).map_or((self.line, 1), |c| (c.line, c.column))
    }

    /// Sets `field` (keeping its place when already there).
    pub fn set(&mut self, field: &'static str, value: String) {
        match self.cells.iter_mut().find(|c| c.field == field) {
            Some(cell) => cell.value = value,
            None => self.cells.push(MappedCell { field, value, line: self.line, column: 1, fallback: None }),
        }
    }
}

/// The identity mapping of a source whose headers already are canonical names or aliases.
pub fn identity(header: &Row, table: &Table, name: &str) -> Mapping {
    let columns = header
        .cells
        .iter()
        .filter_map(|cell| {
            let folded = fold(&cell.value);
            let column = table.columns.iter().find(|c| {
                std::iter::once(c.name).chain(c.aliases.iter().copied()).any(|n| fold(n) == folded)
            })?;
            Some(Rule {
                target: Target::Field(column.name),
                at: (1, 1),
                value: Value::Template(vec![Piece::Column(cell.value.clone())]),
            })
        })
        .collect();
    Mapping { name: name.to_owned(), columns, ..Mapping::default() }
}

/// Binds `mapping` to the source's `header`; `None` when it names unknown columns (reported).
pub fn bind(mapping: &Mapping, header: &Row, d: &mut Diagnostics) -> Option<Bound> {
    let names: Vec<&str> = header.cells.iter().map(|c| c.value.as_str()).collect();
    let errors = d.error_count();
    let find = |name: &str, at: Pos, d: &mut Diagnostics| -> Option<usize> {
        let found = names.iter().position(|n| *n == name).or_else(|| {
            let folded = fold(name);
            names.iter().position(|n| fold(n) == folded)
        });
        if found.is_none() {
            let hint = did_you_mean(name, names.iter().copied())
                .or_else(|| Some(format!("the source's columns are: {}", names.join(", "))));
            d.push_at(Severity::Error, &mapping.file, at, format!("the source has no column `{name}`"), hint);
        }
        found
    };
    let mut rules = Vec::new();
    for rule in &mapping.columns {
        let value = match &rule.value {
            Value::Template(pieces) => {
                let mut bound = Vec::new();
                for piece in pieces {
                    bound.push(match piece {
                        Piece::Text(t) => BoundPiece::Text(t.clone()),
                        Piece::Column(c) => BoundPiece::Column(find(c, rule.at, d).unwrap_or(0)),
                    });
                }
                BoundValue::Template(bound)
            }
            Value::Map { from, map, default } => BoundValue::Map {
                from: find(from, rule.at, d).unwrap_or(0),
                map: map.iter().map(|(k, v)| (fold(k), v.clone())).collect(),
                default: default.clone(),
            },
        };
        rules.push((rule.target, value));
    }
    let mut filters = Vec::new();
    for filter in &mapping.filters {
        let column = find(&filter.column, filter.at, d).unwrap_or(0);
        filters.push((column, filter.values.iter().map(|v| fold(v)).collect()));
    }
    let key = mapping.key.as_ref().map(|(k, at)| find(k, *at, d).unwrap_or(0));
    let defaults = mapping.defaults.iter().map(|(f, v, _)| (*f, v.clone())).collect();
    (d.error_count() == errors).then_some(Bound { rules, filters, key, defaults })
}

impl Bound {
    /// Whether `row` passes every `[filter]`.
    pub fn keeps(&self, row: &Row) -> bool {
        self.filters.iter().all(|(column, values)| {
            let value = row.cells.get(*column).map_or(String::new(), |c| fold(&c.value));
            values.contains(&value)
        })
    }

    /// The canonical cells of `row` (not normalised yet; see `normalize`).
    pub fn apply(&self, row: &Row, file: &str, d: &mut Diagnostics) -> Mapped {
        let cell = |i: usize| row.cells.get(i);
        let place = |i: usize| cell(i).map_or((row.line, 1), |c| (c.line, c.column));
        let key = self.key.and_then(&cell).map(|c| c.value.clone()).filter(|k| !k.is_empty());
        let mut mapped = Mapped { line: row.line, key, cells: Vec::new() };
        for (target, value) in &self.rules {
            let (text, first, fallback) = match value {
                BoundValue::Template(pieces) => {
                    let (text, first) = template(pieces, row);
                    (text, first, None)
                }
                BoundValue::Map { from, map, default } => {
                    let text =
                        through_map(cell(*from).map_or("", |c| c.value.as_str()), map, default.as_deref());
                    (text, *from, default.clone())
                }
            };
            let (line, column) = place(first);
            match target {
                Target::Field(field) => {
                    mapped.cells.push(MappedCell { field, value: text, line, column, fallback });
                }
                Target::LatLon if text.is_empty() => {}
                Target::LatLon => match split_pair(&text) {
                    Some((lat, lon)) => {
                        mapped.cells.push(MappedCell {
                            field: "lat",
                            value: lat,
                            line,
                            column,
                            fallback: None,
                        });
                        mapped.cells.push(MappedCell {
                            field: "lon",
                            value: lon,
                            line,
                            column,
                            fallback: None,
                        });
                    }
                    None => d.push_at(
                        Severity::Error,
                        file,
                        (line, column),
                        format!("\"{text}\" is not a pair of coordinates"),
                        Some("expected \"latitude, longitude\", such as \"50.6412, 5.5718\"".into()),
                    ),
                },
            }
        }
        for (field, value) in &self.defaults {
            if mapped.get(field).is_empty() {
                mapped.set(field, value.clone());
            }
        }
        mapped
    }
}

/// A template's text, blanks collapsed (an empty column leaves no double space), and the
/// first column it uses (where its diagnostics point).
fn template(pieces: &[BoundPiece], row: &Row) -> (String, usize) {
    let mut text = String::new();
    let mut first = None;
    for piece in pieces {
        match piece {
            BoundPiece::Text(t) => text.push_str(t),
            BoundPiece::Column(i) => {
                first.get_or_insert(*i);
                text.push_str(row.cells.get(*i).map_or("", |c| c.value.as_str()));
            }
        }
    }
    let collapsed =
        if pieces.len() > 1 { text.split_whitespace().collect::<Vec<_>>().join(" ") } else { text };
    (collapsed.trim().to_owned(), first.unwrap_or(0))
}

/// A value (or each of a multi-valued cell's values) through a value map; an empty cell
/// takes the default; unmapped values stay as they are (normalising reads them as a code or
/// a label, and falls back on the default only when they are neither).
fn through_map(value: &str, map: &[(String, String)], default: Option<&str>) -> String {
    let one = |v: &str| -> String {
        let folded = fold(v);
        map.iter().find(|(k, _)| *k == folded).map_or_else(|| v.to_owned(), |(_, code)| code.clone())
    };
    if value.trim().is_empty() {
        return default.unwrap_or("").to_owned();
    }
    if map.iter().any(|(k, _)| *k == fold(value)) || !value.contains(['|', ';', ',']) {
        return one(value);
    }
    let parts: Vec<String> = crate::load::cells::list(value).iter().map(|v| one(v)).collect();
    let mut unique: Vec<String> = Vec::new();
    for p in parts.into_iter().filter(|p| !p.is_empty()) {
        if !unique.contains(&p) {
            unique.push(p);
        }
    }
    unique.join("|")
}

/// `"50.64, 5.57"`, `"50,64; 5,57"`, `"(50.64 5.57)"` → (`50.64`, `5.57`).
pub fn split_pair(text: &str) -> Option<(String, String)> {
    let inner = text.trim().trim_matches(|c| matches!(c, '(' | ')' | '[' | ']')).trim();
    let parts: Vec<&str> = if inner.contains(';') {
        inner.split(';').collect()
    } else if inner.matches(',').count() == 1 {
        inner.split(',').collect()
    } else if inner.contains(", ") {
        inner.split(", ").collect()
    } else {
        inner.split_whitespace().collect()
    };
    let [lat, lon] = parts[..] else { return None };
    let number = |s: &str| crate::load::cells::number(s.trim()).ok().flatten();
    let (lat, lon) = (number(lat)?, number(lon)?);
    Some((lat.to_string(), lon.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Coordinate pairs in the shapes open data writes them.
    #[test]
    fn pairs() {
        let pair = |t: &str| split_pair(t);
        assert_eq!(pair("50.64, 5.57"), Some(("50.64".into(), "5.57".into())));
        assert_eq!(pair("50,64; 5,57"), Some(("50.64".into(), "5.57".into())));
        assert_eq!(pair("50,64, 5,57"), Some(("50.64".into(), "5.57".into())));
        assert_eq!(pair("[50.64 5.57]"), Some(("50.64".into(), "5.57".into())));
        assert_eq!(pair("50.64"), None);
        assert_eq!(pair("a, b"), None);
    }

    // Value maps apply folded, to each value of a list, and fall back on the default.
    #[test]
    fn value_maps() {
        let map = vec![(fold("Écomusée"), "museum".to_owned()), (fold("Jeunes"), "youth".to_owned())];
        assert_eq!(through_map("ECOMUSEE", &map, None), "museum");
        assert_eq!(through_map("Château", &map, Some("other")), "Château");
        assert_eq!(through_map("Château", &map, None), "Château");
        assert_eq!(through_map("", &map, Some("other")), "other");
        assert_eq!(through_map("jeunes|Jeunes", &map, None), "youth");
    }
}
