//! The mapping file (TOML, DESIGN.md "Import"): which source column fills which canonical one.
//!
//! Read with `toml`'s spans so that every mistake in it (a typo in a section, a canonical
//! column the table does not have, a source column the source does not have) is a diagnostic
//! at the mapping file's own line and column. [`Mapping::parse`] checks the file alone;
//! [`super::apply::Bound`] checks it against the source's header.

use crate::diagnostics::suggest::did_you_mean;
use crate::diagnostics::{Diagnostics, Severity};
use crate::load::tables::Table;
use passerelle_index::fold::key as fold;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// A place in the mapping file: 1-based line and column.
pub type Pos = (u32, u32);

/// A parsed mapping, every name resolved to a canonical column of its table.
#[derive(Debug, Clone, Default)]
pub struct Mapping {
    /// How diagnostics name the mapping file.
    pub file: String,
    /// Provenance prefix: each record keeps `source = "<name>:<key>"`.
    pub name: String,
    /// The source's own id column, when it has one.
    pub key: Option<(String, Pos)>,
    /// The sheet of a workbook to read (default: the first).
    pub sheet: Option<(String, Pos)>,
    pub filters: Vec<Filter>,
    pub columns: Vec<Rule>,
    pub defaults: Vec<(&'static str, String, Pos)>,
}

/// `[filter]`: keep the rows whose `column` holds one of `values` (compared folded).
#[derive(Debug, Clone)]
pub struct Filter {
    pub column: String,
    pub at: Pos,
    pub values: Vec<String>,
}

/// One line of `[columns]`.
#[derive(Debug, Clone)]
pub struct Rule {
    pub target: Target,
    pub at: Pos,
    pub value: Value,
}

/// What a rule fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Field(&'static str),
    /// `"lat,lon"`: one source cell holding both coordinates.
    LatLon,
}

/// Where a rule's value comes from.
#[derive(Debug, Clone)]
pub enum Value {
    /// A source column, or a `{template}` of source columns.
    Template(Vec<Piece>),
    /// `{ from, map, default }`: a source column's values through a table of codes.
    Map { from: String, map: Vec<(String, String)>, default: Option<String> },
}

/// A part of a template: literal text or a source column's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    Column(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    source: Option<RawSource>,
    filter: Option<BTreeMap<Spanned<String>, Spanned<OneOrMany>>>,
    columns: Option<BTreeMap<Spanned<String>, Spanned<RawValue>>>,
    defaults: Option<BTreeMap<Spanned<String>, Spanned<Scalar>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    name: Option<Spanned<String>>,
    key: Option<Spanned<String>>,
    sheet: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(Scalar),
    Many(Vec<Scalar>),
}

/// A TOML string, number or boolean, taken as the text it stands for.
#[derive(Deserialize)]
#[serde(untagged)]
enum Scalar {
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
}

impl Scalar {
    fn text(self) -> String {
        match self {
            Scalar::Text(s) => s,
            Scalar::Int(n) => n.to_string(),
            Scalar::Float(f) => f.to_string(),
            Scalar::Bool(b) => if b { "yes" } else { "no" }.to_owned(),
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawValue {
    Column(String),
    Map(RawMap),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMap {
    from: String,
    #[serde(default)]
    map: BTreeMap<String, Scalar>,
    default: Option<Scalar>,
}

impl Mapping {
    /// Parses `text` for importing into `table`; `None` when it is not TOML of this shape.
    /// Other mistakes are reported and their rule left out, so that binding it to the source
    /// reports the rest too: the caller stops when `diagnostics` has errors.
    /// `fallback_name` is the provenance name when `[source] name` is absent.
    pub fn parse(
        text: &str,
        file: &str,
        table: &Table,
        fallback_name: &str,
        diagnostics: &mut Diagnostics,
    ) -> Option<Mapping> {
        diagnostics.add_source(file, text);
        let at = |span: std::ops::Range<usize>| position(text, span.start);
        let raw: Raw = match toml::from_str(text) {
            Ok(raw) => raw,
            Err(error) => {
                let pos = error.span().map_or((1, 1), |s| position(text, s.start));
                let message = error.message().trim().to_owned();
                diagnostics.push_at(Severity::Error, file, pos, message, Some(TOML_HINT.into()));
                return None;
            }
        };
        let mut mapping =
            Mapping { file: file.to_owned(), name: fallback_name.to_owned(), ..Mapping::default() };
        if let Some(source) = raw.source {
            if let Some(name) = source.name {
                let pos = at(name.span());
                let name = name.into_inner();
                if name.trim().is_empty() || name.contains(':') {
                    let message = format!("source name \"{name}\" must be a short word without `:`");
                    diagnostics.push_at(
                        Severity::Error,
                        file,
                        pos,
                        message,
                        Some("e.g. name = \"museofile\"".into()),
                    );
                }
                mapping.name = name.trim().to_owned();
            }
            mapping.key = source.key.map(|k| (k.get_ref().clone(), at(k.span())));
            mapping.sheet = source.sheet.map(|s| (s.get_ref().clone(), at(s.span())));
        }
        // In the file's order, so diagnostics and the report read top to bottom.
        for (column, values) in in_order(raw.filter) {
            let values = match values.into_inner() {
                OneOrMany::One(v) => vec![v.text()],
                OneOrMany::Many(v) => v.into_iter().map(Scalar::text).collect(),
            };
            mapping.filters.push(Filter { at: at(column.span()), column: column.into_inner(), values });
        }
        for (target, value) in in_order(raw.columns) {
            let pos = at(target.span());
            let Some(target) = resolve_target(target.get_ref(), table, file, pos, diagnostics) else {
                continue;
            };
            let value = match value.into_inner() {
                RawValue::Column(text) => Value::Template(template(&text)),
                RawValue::Map(m) => Value::Map {
                    from: m.from,
                    map: m.map.into_iter().map(|(k, v)| (k, v.text())).collect(),
                    default: m.default.map(Scalar::text),
                },
            };
            mapping.columns.push(Rule { target, at: pos, value });
        }
        for (column, value) in in_order(raw.defaults) {
            let pos = at(column.span());
            match resolve_target(column.get_ref(), table, file, pos, diagnostics) {
                Some(Target::Field(field)) => mapping.defaults.push((field, value.into_inner().text(), pos)),
                Some(Target::LatLon) => diagnostics.push_at(
                    Severity::Error,
                    file,
                    pos,
                    "a default cannot fill \"lat,lon\"",
                    Some("give lat and lon defaults separately".into()),
                ),
                None => {}
            }
        }
        Some(mapping)
    }

    /// The canonical fields this mapping fills (by a rule or a default).
    pub fn fields(&self) -> Vec<&'static str> {
        let mut fields = Vec::new();
        for rule in &self.columns {
            match rule.target {
                Target::Field(f) => fields.push(f),
                Target::LatLon => fields.extend(["lat", "lon"]),
            }
        }
        fields.extend(self.defaults.iter().map(|(f, _, _)| *f));
        fields
    }
}

/// A table's entries sorted by their place in the file.
fn in_order<V>(table: Option<BTreeMap<Spanned<String>, V>>) -> Vec<(Spanned<String>, V)> {
    let mut entries: Vec<_> = table.unwrap_or_default().into_iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

const TOML_HINT: &str =
    "the mapping is TOML: sections [source], [filter], [columns], [defaults]; see the README";

/// A canonical column of `table` named `name` (or one of its aliases); `"lat,lon"` is the pair.
fn resolve_target(name: &str, table: &Table, file: &str, pos: Pos, d: &mut Diagnostics) -> Option<Target> {
    let folded = fold(name);
    if matches!(folded.as_str(), "lat_lon" | "latitude_longitude") {
        return Some(Target::LatLon);
    }
    if folded == "source" {
        d.push_at(
            Severity::Error,
            file,
            pos,
            "`source` is written by the import itself",
            Some("set [source] name and key instead".into()),
        );
        return None;
    }
    let found = table
        .columns
        .iter()
        .find(|c| std::iter::once(c.name).chain(c.aliases.iter().copied()).any(|n| fold(n) == folded));
    if found.is_none() {
        d.push_at(
            Severity::Error,
            file,
            pos,
            format!("`{}` has no column `{name}`", table.name),
            did_you_mean(name, table.column_names()),
        );
    }
    found.map(|c| Target::Field(c.name))
}

/// `"{Adresse} {Lieu}"` → pieces; a value without braces is one column's name.
pub fn template(text: &str) -> Vec<Piece> {
    if !text.contains('{') {
        return vec![Piece::Column(text.to_owned())];
    }
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
        if open > 0 {
            pieces.push(Piece::Text(rest[..open].to_owned()));
        }
        pieces.push(Piece::Column(rest[open + 1..close].to_owned()));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest.to_owned()));
    }
    pieces
}

/// The 1-based line and character column of byte `offset` in `text`.
pub fn position(text: &str, offset: usize) -> Pos {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (u32::try_from(line).unwrap_or(u32::MAX), u32::try_from(column).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests;
