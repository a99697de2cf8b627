//! Values that must make sense on their own or together: date order, age range, coordinate
//! ranges and pairs, web and e-mail addresses, phones, booking links, language codes.

use super::syntax::{self, Problem};
use crate::diagnostics::Diagnostics;
use crate::records::{Origin, Records};
use chrono::NaiveDate;

/// Checks the values of every table.
pub fn check(records: &Records, diagnostics: &mut Diagnostics) {
    let d = diagnostics;
    for x in &records.districts {
        coordinates(&x.origin, x.lat, x.lon, d);
    }
    for o in &records.operators {
        coordinates(&o.origin, o.lat, o.lon, d);
        syntax_of(&o.origin, "website", o.website.as_deref(), syntax::web_address, d);
        syntax_of(&o.origin, "email", o.email.as_deref(), syntax::email, d);
        syntax_of(&o.origin, "phone", o.phone.as_deref(), syntax::phone, d);
    }
    for v in &records.venues {
        coordinates(&v.origin, v.lat, v.lon, d);
        syntax_of(&v.origin, "website", v.website.as_deref(), syntax::web_address, d);
    }
    for o in &records.offers {
        dates(&o.origin, o.starts_on, o.ends_on, d);
        if let (Some(min), Some(max)) = (o.age_min, o.age_max) {
            if min > max {
                d.error(
                    &o.origin,
                    "age_max",
                    format!("age_max {max} is below age_min {min}"),
                    Some("swap them?".into()),
                );
            }
        }
        syntax_of(
            &o.origin,
            "booking",
            Some(&o.booking).filter(|b| !b.is_empty()).map(String::as_str),
            syntax::booking,
            d,
        );
        for language in &o.languages {
            syntax_of(&o.origin, "languages", Some(language), syntax::language, d);
        }
    }
    for p in &records.partnerships {
        dates(&p.origin, p.starts_on, p.ends_on, d);
    }
}

fn syntax_of(
    origin: &Origin,
    field: &str,
    value: Option<&str>,
    check: fn(&str) -> Option<Problem>,
    d: &mut Diagnostics,
) {
    if let Some((message, hint)) = value.and_then(check) {
        d.error(origin, field, message, hint);
    }
}

fn dates(origin: &Origin, starts: Option<NaiveDate>, ends: Option<NaiveDate>, d: &mut Diagnostics) {
    if let (Some(starts), Some(ends)) = (starts, ends) {
        if ends < starts {
            d.error(origin, "ends_on", format!("ends on {ends}, before it starts on {starts}"), None);
        }
    }
}

/// Latitude and longitude come together and within their ranges (swapped ones are hinted).
fn coordinates(origin: &Origin, lat: Option<f64>, lon: Option<f64>, d: &mut Diagnostics) {
    match (lat, lon) {
        (Some(lat), Some(lon)) => {
            let swapped = (-90.0..=90.0).contains(&lon) && (-180.0..=180.0).contains(&lat);
            let hint = || swapped.then(|| "latitude and longitude may be swapped".to_owned());
            if !(-90.0..=90.0).contains(&lat) {
                d.error(origin, "lat", format!("latitude {lat} is outside -90 to 90"), hint());
            }
            if !(-180.0..=180.0).contains(&lon) {
                d.error(origin, "lon", format!("longitude {lon} is outside -180 to 180"), hint());
            }
        }
        (Some(_), None) if origin.has("lon") && !d.reported(origin, "lon") => {
            d.error(origin, "lon", "latitude without longitude", None);
        }
        (None, Some(_)) if origin.has("lat") && !d.reported(origin, "lat") => {
            d.error(origin, "lat", "longitude without latitude", None);
        }
        _ => {}
    }
}

/// Whether a point is within the valid ranges (the other checks skip points that are not).
pub fn in_range(lat: f64, lon: f64) -> bool {
    (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::{Offer, Venue};
    use std::sync::Arc;

    fn origin() -> Origin {
        let columns =
            ["lat", "lon", "age_min", "age_max", "booking"].iter().zip(1..).map(|(f, c)| (*f, c)).collect();
        Origin { file: Arc::from("data/t.csv"), line: 2, columns, lines: vec![] }
    }

    fn run(records: &Records) -> Vec<String> {
        let mut d = Diagnostics::default();
        check(records, &mut d);
        d.iter()
            .map(|d| format!("{}: {} ({})", d.column, d.message, d.hint.clone().unwrap_or_default()))
            .collect()
    }

    // Out-of-range coordinates are errors, hinted as swapped when swapping fits; a lone
    // latitude is an error at the missing longitude.
    #[test]
    fn coordinate_ranges_and_pairs() {
        let venue = |lat, lon| Venue { lat, lon, origin: origin(), ..Venue::default() };
        let records = Records {
            venues: vec![venue(Some(150.0), Some(50.6)), venue(Some(50.6), None)],
            ..Records::default()
        };
        assert_eq!(
            run(&records),
            [
                "1: latitude 150 is outside -90 to 90 (latitude and longitude may be swapped)",
                "2: latitude without longitude ()"
            ]
        );
    }

    // Ages inverted and unsafe booking links are errors at their cells.
    #[test]
    fn ages_and_booking() {
        let offer = Offer {
            age_min: Some(12),
            age_max: Some(6),
            booking: "javascript:alert(1)".into(),
            origin: origin(),
            ..Offer::default()
        };
        let got = run(&Records { offers: vec![offer], ..Records::default() });
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].starts_with("4: age_max 6 is below age_min 12"));
        assert!(got[1].starts_with("5: address \"javascript:alert(1)\" uses `javascript:`"));
    }
}
