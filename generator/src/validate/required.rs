//! Required fields: what a page cannot do without (a name, a title, an offer's operator and
//! summary, a venue's coordinates for the map). Ids are checked by `ids`.
//!
//! A field whose whole column is missing was reported once by `load`; a cell that did not
//! parse was reported as such: neither is reported again as empty here.

use crate::diagnostics::Diagnostics;
use crate::records::{Origin, Records};

/// Checks the required fields of every table.
pub fn check(records: &Records, diagnostics: &mut Diagnostics) {
    let mut need = |origin: &Origin, field: &str, present: bool, message: &str| {
        if !present && origin.has(field) && !diagnostics.reported(origin, field) {
            diagnostics.error(origin, field, message, None);
        }
    };
    for d in &records.districts {
        need(&d.origin, "name", !d.name.is_empty(), "missing district name");
    }
    for o in &records.operators {
        need(&o.origin, "name", !o.name.is_empty(), "missing operator name");
        need(&o.origin, "kind", !o.kind.is_empty(), "missing operator kind (a code of operator_kind)");
    }
    for v in &records.venues {
        need(&v.origin, "name", !v.name.is_empty(), "missing venue name");
        need(&v.origin, "kind", !v.kind.is_empty(), "missing venue kind (a code of venue_kind)");
        need(&v.origin, "lat", v.lat.is_some(), "missing venue latitude (the map needs it)");
        need(&v.origin, "lon", v.lon.is_some(), "missing venue longitude (the map needs it)");
    }
    for o in &records.offers {
        need(&o.origin, "title", !o.title.is_empty(), "missing offer title");
        need(
            &o.origin,
            "operator",
            !o.operator.is_empty(),
            "missing offer operator (porteur): the id of the operator carrying it",
        );
        need(
            &o.origin,
            "summary",
            !o.summary.is_empty(),
            "missing offer summary (one sentence saying what it is)",
        );
    }
    for p in &records.partnerships {
        need(&p.origin, "title", !p.title.is_empty(), "missing partnership title");
    }
    for row in &records.vocabulary {
        need(&row.origin, "group", !row.group.is_empty(), "missing vocabulary group");
        need(&row.origin, "code", !row.code.is_empty(), "missing vocabulary code");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::Venue;
    use std::sync::Arc;

    // An empty required cell is an error; a cell that failed to parse is not reported twice;
    // a column missing from the file is not reported per row.
    #[test]
    fn required_fields_once() {
        let origin = Origin {
            file: Arc::from("data/venues.csv"),
            line: 2,
            columns: vec![("name", 2), ("lat", 3), ("lon", 4)],
            lines: vec![],
        };
        let records = Records {
            venues: vec![Venue {
                name: "Salle".into(),
                lat: None,
                lon: Some(5.6),
                origin: origin.clone(),
                ..Venue::default()
            }],
            ..Records::default()
        };
        let mut d = Diagnostics::default();
        d.error(&origin, "lat", "invalid number \"50,6N\"", None);
        check(&records, &mut d);
        let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["invalid number \"50,6N\""], "no `kind` column, lat already reported");
    }
}
