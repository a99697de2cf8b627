//! The header line → which field each column holds.
//!
//! Headers match a column's canonical name or an alias, folded (case, accents, separators).
//! An unknown column is a warning (its cells are ignored) with a "did you mean" (the first
//! [`MAX_UNKNOWN`], then one line counting the others); a column given twice is an error
//! (which one is right?); a required column that is missing is an error.

use super::rows::Row;
use super::tables::Table;
use crate::diagnostics::suggest::did_you_mean;
use crate::diagnostics::{Diagnostics, Severity};
use passerelle_index::fold::key as fold;

/// Unknown columns reported one by one; the others are counted in one more line (a file of
/// 100,000 stray columns spent its time in "did you mean" and printed 100,000 lines).
pub const MAX_UNKNOWN: usize = 20;

/// The field of each column of the file, by position; `None` for ignored columns.
pub fn map(
    table: &Table,
    header: &Row,
    file: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<Option<&'static str>> {
    let mut fields: Vec<Option<&'static str>> = Vec::with_capacity(header.cells.len());
    let names: Vec<(String, &'static str)> = table
        .columns
        .iter()
        .flat_map(|c| {
            std::iter::once(c.name).chain(c.aliases.iter().copied()).map(move |n| (fold(n), c.name))
        })
        .collect();
    let mut unknown = Vec::new();
    for cell in &header.cells {
        let at = (cell.line, cell.column);
        if cell.value.is_empty() {
            fields.push(None);
            continue;
        }
        let folded = fold(&cell.value);
        let found = names
            .iter()
            .find(|(n, _)| *n == folded)
            .and_then(|(_, name)| table.columns.iter().find(|c| c.name == *name));
        let Some(column) = found else {
            if unknown.len() < MAX_UNKNOWN {
                diagnostics.push_at(
                    Severity::Warning,
                    file,
                    at,
                    format!("unknown column `{}`, ignored", cell.value),
                    did_you_mean(&cell.value, table.column_names()),
                );
            }
            unknown.push(at);
            fields.push(None);
            continue;
        };
        if let Some(first) = fields.iter().position(|f| *f == Some(column.name)) {
            diagnostics.push_at(
                Severity::Error,
                file,
                at,
                format!(
                    "duplicate column `{}`: column {} already is `{}`",
                    cell.value,
                    first + 1,
                    column.name
                ),
                Some("remove or rename one of the two columns".into()),
            );
            fields.push(None);
            continue;
        }
        fields.push(Some(column.name));
    }
    if let Some(&at) = unknown.get(MAX_UNKNOWN) {
        let message = format!("{} more unknown columns, ignored", unknown.len() - MAX_UNKNOWN);
        let hint = "remove the columns this table does not have (see data/README.md)";
        diagnostics.push_at(Severity::Warning, file, at, message, Some(hint.into()));
    }
    for column in table.columns.iter().filter(|c| c.required) {
        if !fields.contains(&Some(column.name)) {
            diagnostics.push_at(
                Severity::Error,
                file,
                (header.line, 1),
                format!("missing required column `{}`", column.name),
                Some(accepted(column.name, column.aliases)),
            );
        }
    }
    fields
}

/// `a column named "title" or "titre"`.
fn accepted(name: &str, aliases: &[&str]) -> String {
    let names: Vec<String> =
        std::iter::once(name).chain(aliases.iter().copied()).map(|n| format!("\"{n}\"")).collect();
    format!("add a column named {}", names.join(" or "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::rows::Cell;
    use crate::load::tables::OFFERS;

    fn header(names: &[&str]) -> Row {
        let cells = names
            .iter()
            .enumerate()
            .map(|(i, n)| Cell {
                value: (*n).into(),
                line: 1,
                column: u32::try_from(i * 10 + 1).unwrap_or(0),
            })
            .collect();
        Row { line: 1, cells, unterminated: false }
    }

    // French, accented, capitalised headers map to canonical fields.
    #[test]
    fn french_headers_map() {
        let mut d = Diagnostics::default();
        let fields = map(
            &OFFERS,
            &header(&["ID", "Titre", "porteur", "Résumé", "Âge min", "mis à jour le"]),
            "o.csv",
            &mut d,
        );
        assert_eq!(
            fields,
            [
                Some("id"),
                Some("title"),
                Some("operator"),
                Some("summary"),
                Some("age_min"),
                Some("updated_on")
            ]
        );
        assert!(d.is_empty(), "{d:?}");
    }

    // Unknown → warning with did-you-mean; duplicate → error; missing required → error.
    #[test]
    fn header_problems() {
        let mut d = Diagnostics::default();
        let fields = map(&OFFERS, &header(&["id", "titel", "title", "titre", "summary"]), "o.csv", &mut d);
        assert_eq!(fields, [Some("id"), None, Some("title"), None, Some("summary")]);
        let messages: Vec<_> =
            d.iter().map(|d| (d.severity, d.column, d.message.clone(), d.hint.clone())).collect();
        assert_eq!(messages[0].0, Severity::Warning);
        assert_eq!(messages[0].3.as_deref(), Some("did you mean \"title\"?"));
        assert_eq!((messages[1].0, messages[1].1), (Severity::Error, 31));
        assert!(messages[2].2.contains("missing required column `operator`"), "{messages:?}");
    }
}
