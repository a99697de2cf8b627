//! Vocabulary codes: `vocabulary.csv`'s rows (a known group, a well-formed code), then every
//! coded value of the records (kinds, disciplines, audiences, accessibility).
//!
//! Only codes are accepted (they are stable; labels change with the language), but a label
//! typed instead of its code ("Théâtre", "Tout public") gets that code as the hint.

use crate::diagnostics::suggest::did_you_mean;
use crate::diagnostics::Diagnostics;
use crate::records::{Origin, Records, VocabularyRow};
use crate::vocabulary::{Vocabularies, Vocabulary, GROUPS};
use passerelle_index::fold::key as fold;
use std::collections::HashMap;

/// Checks the rows of `vocabulary.csv`.
pub fn check_rows(rows: &[VocabularyRow], diagnostics: &mut Diagnostics) {
    let mut first_line: HashMap<(&str, &str), u32> = HashMap::new();
    let builtin = Vocabularies::builtin();
    for row in rows {
        if !row.group.is_empty() && !GROUPS.contains(&row.group.as_str()) {
            let hint = did_you_mean(&row.group, GROUPS)
                .unwrap_or_else(|| format!("expected one of {}", GROUPS.join(", ")));
            diagnostics.error(
                &row.origin,
                "group",
                format!("unknown vocabulary group \"{}\"", row.group),
                Some(hint),
            );
        }
        if !row.code.is_empty() && !is_code(&row.code) {
            let hint = format!("use lowercase letters, digits and underscores: \"{}\"", fold(&row.code));
            diagnostics.error(
                &row.origin,
                "code",
                format!("code \"{}\" is not a valid code", row.code),
                Some(hint),
            );
        }
        let new_code = builtin.group(&row.group).is_some_and(|v| !v.contains(&row.code));
        if new_code && !row.code.is_empty() && row.label_fr.is_empty() {
            let message = format!("new code \"{}\" has no French label", row.code);
            diagnostics.error(
                &row.origin,
                "label_fr",
                message,
                Some("give label_fr: the site shows it".into()),
            );
        }
        if let Some(line) = first_line.insert((&row.group, &row.code), row.origin.line) {
            let message =
                format!("\"{}\" of group \"{}\" is also defined on line {line}", row.code, row.group);
            diagnostics.warning(
                &row.origin,
                "code",
                message,
                Some("this later row wins; remove one of the two".into()),
            );
        }
    }
}

/// Whether `code` is a vocabulary code: lowercase ASCII letters, digits and underscores.
pub fn is_code(code: &str) -> bool {
    !code.is_empty() && code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Checks every coded value of the records against `vocabularies`.
pub fn check(records: &Records, vocabularies: &Vocabularies, diagnostics: &mut Diagnostics) {
    let v = vocabularies;
    let d = diagnostics;
    for o in &records.operators {
        one(&v.operator_kind, "operator kind", &o.origin, "kind", &o.kind, d);
    }
    for venue in &records.venues {
        one(&v.venue_kind, "venue kind", &venue.origin, "kind", &venue.kind, d);
        for code in &venue.accessibility {
            one(&v.accessibility, "accessibility", &venue.origin, "accessibility", code, d);
        }
    }
    for o in &records.offers {
        for code in &o.disciplines {
            one(&v.discipline, "discipline", &o.origin, "disciplines", code, d);
        }
        for code in &o.audiences {
            one(&v.audience, "audience", &o.origin, "audiences", code, d);
        }
        for code in &o.accessibility {
            one(&v.accessibility, "accessibility", &o.origin, "accessibility", code, d);
        }
    }
}

fn one(vocabulary: &Vocabulary, what: &str, origin: &Origin, field: &str, code: &str, d: &mut Diagnostics) {
    if code.is_empty() || vocabulary.contains(code) {
        return;
    }
    // Past the file's cap the error is only counted: skip the comparison with every code.
    let hint = (!d.is_full(&origin.file)).then(|| hint(vocabulary, code));
    d.error(origin, field, format!("unknown {what} \"{code}\""), hint);
}

/// The code the user probably meant: a label or code equal once folded ("Théâtre",
/// "Visual arts"), else the closest code or label, else the list of codes.
fn hint(vocabulary: &Vocabulary, typed: &str) -> String {
    let folded = fold(typed);
    let same = vocabulary.terms.iter().find(|t| [&t.code, &t.fr, &t.en].iter().any(|s| fold(s) == folded));
    if let Some(term) = same {
        return format!("did you mean \"{}\"?", term.code);
    }
    if let Some(hint) = did_you_mean(typed, vocabulary.codes()) {
        return hint;
    }
    let labels = vocabulary.terms.iter().flat_map(|t| [t.fr.as_str(), t.en.as_str()]);
    if let Some(label) = crate::diagnostics::suggest::closest(typed, labels) {
        if let Some(term) = vocabulary.terms.iter().find(|t| t.fr == label || t.en == label) {
            return format!("did you mean \"{}\"?", term.code);
        }
    }
    format!("expected one of {}", vocabulary.codes().collect::<Vec<_>>().join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    // A label typed for its code, in French or English, hints the code; a slip hints the
    // closest code; nonsense lists the codes.
    #[test]
    fn hints() {
        let v = Vocabularies::builtin();
        assert_eq!(hint(&v.discipline, "Théâtre"), "did you mean \"theatre\"?");
        assert_eq!(hint(&v.discipline, "Visual arts"), "did you mean \"visual_arts\"?");
        assert_eq!(hint(&v.audience, "tout public"), "did you mean \"everyone\"?");
        assert_eq!(hint(&v.discipline, "musc"), "did you mean \"music\"?");
        assert_eq!(hint(&v.discipline, "Photographies"), "did you mean \"photography\"?");
        assert!(hint(&v.accessibility, "zzz").starts_with("expected one of wheelchair, "));
    }

    // Codes are lowercase ASCII with underscores.
    #[test]
    fn codes() {
        assert!(is_code("visual_arts") && is_code("slam"));
        assert!(!is_code("Slam") && !is_code("arts-de-rue") && !is_code(""));
    }
}
