use super::*;
use crate::records::{District, Offer, Venue};
use std::sync::Arc;

fn square(id: &str, x0: f64, y0: f64) -> Shape {
    let ring = vec![(x0, y0), (x0 + 0.01, y0), (x0 + 0.01, y0 + 0.01), (x0, y0 + 0.01), (x0, y0)];
    Shape { district: id.into(), polygons: vec![vec![ring]] }
}

fn origin(line: u32) -> Origin {
    Origin {
        file: Arc::from("data/venues.csv"),
        line,
        columns: vec![("district", 4), ("lat", 8)],
        lines: vec![],
    }
}

fn venue(id: &str, district: Option<&str>, lat: f64, lon: f64, line: u32) -> Venue {
    Venue {
        id: id.into(),
        district: district.map(Into::into),
        lat: Some(lat),
        lon: Some(lon),
        origin: origin(line),
        ..Venue::default()
    }
}

fn records(venues: Vec<Venue>) -> Records {
    Records {
        districts: vec![
            District { id: "a".into(), ..District::default() },
            District { id: "b".into(), ..District::default() },
        ],
        shapes: vec![square("a", 5.60, 50.60), square("b", 5.61, 50.60)],
        shape_origins: vec![Origin::default(), Origin::default()],
        venues,
        ..Records::default()
    }
}

fn run(records: &mut Records) -> Vec<String> {
    let mut d = Diagnostics::default();
    check(records, &mut d);
    d.iter().map(|d| format!("{}:{}: {}", d.line, d.column, d.message)).collect()
}

// An empty venue district is derived from the outline that contains the point.
#[test]
fn venue_district_derived() {
    let mut r = records(vec![venue("v", None, 50.605, 5.615, 2)]);
    assert!(run(&mut r).is_empty());
    assert_eq!(r.venues[0].district.as_deref(), Some("b"));
}

// A point outside its own district warns, naming where it is; near the border it does not.
#[test]
fn outside_own_district() {
    let mut r =
        records(vec![venue("v", Some("a"), 50.605, 5.615, 2), venue("w", Some("a"), 50.605, 5.6101, 3)]);
    let got = run(&mut r);
    assert_eq!(got, ["2:4: the venue's coordinates lie outside its district \"a\""]);
}

// District centres come from outlines; a point far away warns, 0,0 is an error.
#[test]
fn centroids_and_far_points() {
    let mut r = records(vec![venue("v", None, 50.9, 5.6, 2), venue("w", None, 0.0, 0.0, 3)]);
    let got = run(&mut r);
    assert_eq!(
        got,
        ["2:8: 50.9, 5.6 is far from every district", "3:8: coordinates 0, 0 (in the ocean off Africa)"]
    );
    let (lat, lon) = (r.districts[0].lat.unwrap_or_default(), r.districts[0].lon.unwrap_or_default());
    assert!((lat - 50.605).abs() < 1e-6 && (lon - 5.605).abs() < 1e-6, "{lat} {lon}");
}

// An offer with an empty districts cell whose venue is in no district reaches none: warning.
#[test]
fn offer_reaching_no_district() {
    let mut r = records(vec![venue("v", None, 50.62, 5.6, 2)]);
    r.offers = vec![Offer { venue: Some("v".into()), ..Offer::default() }, Offer::default()];
    let got = run(&mut r);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].contains("its venue \"v\" is in none") && got[1].contains("no venue and no districts"));
}
