//! Ids: present, slugs (`[a-z0-9-]+`), unique per table. They make URLs, so they must be
//! stable and clean; the hint gives the slugified form (the `slug` crate, which folds accents
//! the same way the site does).

use crate::diagnostics::Diagnostics;
use crate::model::records::{Origin, Records};
use std::collections::HashMap;

/// Checks the ids of every table.
pub fn check(records: &Records, diagnostics: &mut Diagnostics) {
    let r = records;
    table("district", r.districts.iter().map(|x| (&x.id, &x.name, &x.origin)), diagnostics);
    table("operator", r.operators.iter().map(|x| (&x.id, &x.name, &x.origin)), diagnostics);
    table("venue", r.venues.iter().map(|x| (&x.id, &x.name, &x.origin)), diagnostics);
    table("offer", r.offers.iter().map(|x| (&x.id, &x.title, &x.origin)), diagnostics);
    table("partnership", r.partnerships.iter().map(|x| (&x.id, &x.title, &x.origin)), diagnostics);
    table("holiday", r.holidays.iter().map(|x| (&x.id, &x.name, &x.origin)), diagnostics);
}

/// Whether `id` is a slug: lowercase ASCII letters, digits and hyphens, not empty.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn table<'a>(
    what: &str,
    rows: impl Iterator<Item = (&'a String, &'a String, &'a Origin)>,
    diagnostics: &mut Diagnostics,
) {
    let mut first_line: HashMap<&str, u32> = HashMap::new();
    for (id, name, origin) in rows {
        if id.is_empty() {
            let suggestion = slug::slugify(name);
            let hint =
                (!suggestion.is_empty()).then(|| format!("give it a short slug such as \"{suggestion}\""));
            diagnostics.error(origin, "id", format!("missing {what} id"), hint);
            continue;
        }
        if !is_slug(id) {
            let suggestion = slug::slugify(id);
            let hint = if suggestion.is_empty() {
                "use lowercase letters, digits and hyphens".to_owned()
            } else {
                format!("use lowercase letters, digits and hyphens: \"{suggestion}\"")
            };
            diagnostics.error(origin, "id", format!("{what} id \"{id}\" is not a slug"), Some(hint));
        }
        if what == "offer" && id == "archive" {
            let hint =
                Some("`offers/archive/` lists the ended offers: give this offer another id".to_owned());
            diagnostics.error(origin, "id", "offer id \"archive\" is reserved", hint);
        }
        match first_line.get(id.as_str()) {
            Some(line) => diagnostics.error(
                origin,
                "id",
                format!("duplicate {what} id \"{id}\": already used on line {line}"),
                Some("ids are unique per table: rename one of the two".into()),
            ),
            None => {
                first_line.insert(id, origin.line);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::records::Offer;
    use std::sync::Arc;

    fn offer(id: &str, title: &str, line: u32) -> Offer {
        let origin =
            Origin { file: Arc::from("data/offers.csv"), line, columns: vec![("id", 1)], lines: vec![] };
        Offer { id: id.into(), title: title.into(), origin, ..Offer::default() }
    }

    // Slugs: lowercase ASCII, digits, hyphens only.
    #[test]
    fn slugs() {
        assert!(is_slug("atelier-slam-2026"));
        for bad in ["", "Atelier", "atelier slam", "atelier_slam", "théâtre"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    // A bad slug gets its slugified form; a duplicate names the first line; a missing id the
    // slug of the title.
    #[test]
    fn id_problems() {
        let records = Records {
            offers: vec![
                offer("Atelier Slam", "x", 2),
                offer("a", "x", 3),
                offer("a", "x", 4),
                offer("", "Fête du quartier", 5),
            ],
            ..Records::default()
        };
        let mut d = Diagnostics::default();
        check(&records, &mut d);
        let got: Vec<_> = d
            .iter()
            .map(|d| format!("{}: {} ({})", d.line, d.message, d.hint.clone().unwrap_or_default()))
            .collect();
        assert_eq!(
            got,
            [
                "2: offer id \"Atelier Slam\" is not a slug (use lowercase letters, digits and hyphens: \"atelier-slam\")",
                "4: duplicate offer id \"a\": already used on line 3 (ids are unique per table: rename one of the two)",
                "5: missing offer id (give it a short slug such as \"fete-du-quartier\")",
            ]
        );
    }
}
