//! References between tables: every id a record names must exist, with a "did you mean" when
//! a known id is close (see `diagnostics::suggest`). A partnership joins at least two
//! distinct operators.

use crate::diagnostics::suggest::did_you_mean;
use crate::diagnostics::Diagnostics;
use crate::records::{DistrictScope, Origin, Records};
use std::collections::HashSet;

/// The ids of one table, for lookups and suggestions.
pub struct Known<'a> {
    what: &'static str,
    set: HashSet<&'a str>,
    list: Vec<&'a str>,
}

impl<'a> Known<'a> {
    pub fn new(what: &'static str, ids: impl Iterator<Item = &'a str>) -> Self {
        let list: Vec<&str> = ids.filter(|id| !id.is_empty()).collect();
        Known { what, set: list.iter().copied().collect(), list }
    }

    pub fn contains(&self, id: &str) -> bool {
        self.set.contains(id)
    }

    /// Reports `id` at `field` unless it is known.
    pub fn resolve(&self, origin: &Origin, field: &str, id: &str, diagnostics: &mut Diagnostics) {
        if !id.is_empty() && !self.contains(id) {
            let hint = did_you_mean(id, self.list.iter().copied());
            diagnostics.error(origin, field, format!("unknown {} \"{id}\"", self.what), hint);
        }
    }
}

/// Checks every reference of every table.
pub fn check(records: &Records, diagnostics: &mut Diagnostics) {
    let r = records;
    let districts = Known::new("district", r.districts.iter().map(|x| x.id.as_str()));
    let operators = Known::new("operator", r.operators.iter().map(|x| x.id.as_str()));
    let venues = Known::new("venue", r.venues.iter().map(|x| x.id.as_str()));
    let offers = Known::new("offer", r.offers.iter().map(|x| x.id.as_str()));
    let d = diagnostics;

    for o in &r.operators {
        districts.resolve(&o.origin, "district", o.district.as_deref().unwrap_or(""), d);
    }
    for v in &r.venues {
        districts.resolve(&v.origin, "district", v.district.as_deref().unwrap_or(""), d);
        operators.resolve(&v.origin, "operator", v.operator.as_deref().unwrap_or(""), d);
    }
    for o in &r.offers {
        operators.resolve(&o.origin, "operator", &o.operator, d);
        for partner in &o.partners {
            operators.resolve(&o.origin, "partners", partner, d);
            if *partner == o.operator {
                let message = format!("\"{partner}\" is both the operator and a partner of this offer");
                d.warning(&o.origin, "partners", message, Some("list it once, as the operator".into()));
            }
        }
        venues.resolve(&o.origin, "venue", o.venue.as_deref().unwrap_or(""), d);
        if let DistrictScope::Listed(ids) = &o.districts {
            for id in ids {
                districts.resolve(&o.origin, "districts", id, d);
            }
        }
    }
    for p in &r.partnerships {
        for id in &p.operators {
            operators.resolve(&p.origin, "operators", id, d);
        }
        let distinct: HashSet<&str> = p.operators.iter().map(String::as_str).collect();
        if distinct.len() < 2 && p.origin.has("operators") {
            let message = format!(
                "a partnership joins at least two distinct operators; this one has {}",
                distinct.len()
            );
            d.error(&p.origin, "operators", message, Some("list the operators' ids separated by |".into()));
        }
        for id in &p.offers {
            offers.resolve(&p.origin, "offers", id, d);
        }
        for id in &p.districts {
            districts.resolve(&p.origin, "districts", id, d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // An unknown id is an error with the closest known id as hint; known and empty ids pass.
    #[test]
    fn resolve_suggests_closest() {
        let known = Known::new("district", ["bressoux", "droixhe"].into_iter());
        let mut d = Diagnostics::default();
        let origin = Origin::default();
        known.resolve(&origin, "districts", "bressoux", &mut d);
        known.resolve(&origin, "districts", "", &mut d);
        assert!(d.is_empty());
        known.resolve(&origin, "districts", "bressou", &mut d);
        known.resolve(&origin, "districts", "cathedrale", &mut d);
        let got: Vec<_> = d.iter().map(|d| (d.message.clone(), d.hint.clone())).collect();
        assert_eq!(
            got[0],
            ("unknown district \"bressou\"".into(), Some("did you mean \"bressoux\"?".into()))
        );
        assert_eq!(got[1].1, None);
    }
}
