//! Ids: present, slugs (`[a-z0-9-]+`), unique per table. They make URLs, so they must be
//! stable and clean; the hint gives the slugified form (the `slug` crate, which folds accents
//! the same way the site does).
//!
//! They also make file names (`offers/<id>.html`, `offers/<id>/offer.ics`), which every file
//! system a site may be copied to must accept: at most [`MAX_LEN`] characters (255 bytes is
//! the usual limit of a name, and `<id>.html` must fit with room for any later suffix), and
//! none of the names Windows reserves for devices ([`is_reserved_on_windows`]).

use crate::diagnostics::Diagnostics;
use crate::records::{Origin, Records};
use std::collections::HashMap;

/// Checks the ids of every table.
pub fn check(records: &Records, diagnostics: &mut Diagnostics) {
    let r = records;
    table("district", r.districts.iter().map(|x| (&x.id, &x.name, &x.origin)), diagnostics);
    table("operator", r.operators.iter().map(|x| (&x.id, &x.name, &x.origin)), diagnostics);
    table("venue", r.venues.iter().map(|x| (&x.id, &x.name, &x.origin)), diagnostics);
    table("offer", r.offers.iter().map(|x| (&x.id, &x.title, &x.origin)), diagnostics);
    table("partnership", r.partnerships.iter().map(|x| (&x.id, &x.title, &x.origin)), diagnostics);
}

/// Whether `id` is a slug: lowercase ASCII letters, digits and hyphens, not empty.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The longest id, in characters (ids are ASCII slugs: bytes too).
pub const MAX_LEN: usize = 100;

/// The device names Windows refuses as a file or folder name, whatever the extension
/// (`con`, `con.html` and `con.tar.gz` alike) and the case.
const RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
    "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Whether Windows refuses `id` as a file name: its part before the first `.`, trailing
/// spaces and dots ignored as Windows ignores them, is a device name.
pub fn is_reserved_on_windows(id: &str) -> bool {
    let stem = id.split('.').next().unwrap_or(id).trim_end_matches([' ', '.']).to_ascii_lowercase();
    RESERVED.contains(&stem.as_str())
}

/// Problems of an id as a file name: too long, or reserved on Windows.
fn file_name(what: &str, id: &str, origin: &Origin, diagnostics: &mut Diagnostics) {
    let length = id.chars().count();
    if length > MAX_LEN {
        let short: String = passerelle_index::fold::slug(id).chars().take(MAX_LEN).collect();
        let short = short.trim_end_matches('-');
        diagnostics.error(
            origin,
            "id",
            format!("{what} id of {length} characters: at most {MAX_LEN}, since it makes file names"),
            Some(format!("shorten it, e.g. \"{short}\"")),
        );
    }
    if id == "index" {
        diagnostics.error(
            origin,
            "id",
            format!("{what} id \"index\" is the name of the section's own page (`index.html`)"),
            Some(format!("add a word, e.g. \"index-{what}\"")),
        );
    }
    if is_reserved_on_windows(id) {
        diagnostics.error(
            origin,
            "id",
            format!("{what} id \"{id}\" is a device name on Windows, which cannot create `{id}.html`"),
            Some(format!("add a word, e.g. \"{}-{what}\"", id.to_ascii_lowercase())),
        );
    }
}

fn table<'a>(
    what: &str,
    rows: impl Iterator<Item = (&'a String, &'a String, &'a Origin)>,
    diagnostics: &mut Diagnostics,
) {
    let mut first_line: HashMap<&str, u32> = HashMap::new();
    for (id, name, origin) in rows {
        if id.is_empty() {
            let suggestion = passerelle_index::fold::slug(name);
            let hint =
                (!suggestion.is_empty()).then(|| format!("give it a short slug such as \"{suggestion}\""));
            diagnostics.error(origin, "id", format!("missing {what} id"), hint);
            continue;
        }
        if !is_slug(id) {
            let suggestion = passerelle_index::fold::slug(id);
            let hint = if suggestion.is_empty() {
                "use lowercase letters, digits and hyphens".to_owned()
            } else {
                format!("use lowercase letters, digits and hyphens: \"{suggestion}\"")
            };
            diagnostics.error(origin, "id", format!("{what} id \"{id}\" is not a slug"), Some(hint));
        }
        file_name(what, id, origin, diagnostics);
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
    use crate::records::Offer;
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

    // `index` would be the section's own page (offers/index.html); a longer id is fine.
    #[test]
    fn index_is_reserved() {
        let mut diagnostics = Diagnostics::default();
        file_name("offer", "index", &Origin::default(), &mut diagnostics);
        assert_eq!(diagnostics.error_count(), 1, "offers/index.html is the list of offers");
        let mut diagnostics = Diagnostics::default();
        file_name("offer", "index-des-offres", &Origin::default(), &mut diagnostics);
        assert_eq!(diagnostics.error_count(), 0);
    }

    // Windows' device names, with or without an extension, in any case; not as a part.
    #[test]
    fn reserved_names() {
        for id in ["con", "nul", "aux", "prn", "com1", "lpt9", "CON", "con.html", "nul.tar.gz", "aux ."] {
            assert!(is_reserved_on_windows(id), "{id}");
        }
        for id in ["con-1", "console", "com0", "com10", "lpt", "nul-part", "icon"] {
            assert!(!is_reserved_on_windows(id), "{id}");
        }
    }

    // Too long and reserved ids are errors with a hint.
    #[test]
    fn file_name_problems() {
        let long = "a".repeat(MAX_LEN + 1);
        let records = Records {
            offers: vec![offer(&long, "x", 2), offer(&"b".repeat(MAX_LEN), "x", 3), offer("com1", "x", 4)],
            ..Records::default()
        };
        let mut d = Diagnostics::default();
        check(&records, &mut d);
        let got: Vec<_> = d.iter().map(|d| (d.line, d.message.clone())).collect();
        assert_eq!(
            got,
            [
                (2, format!("offer id of 101 characters: at most {MAX_LEN}, since it makes file names")),
                (4, "offer id \"com1\" is a device name on Windows, which cannot create `com1.html`".into()),
            ]
        );
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
