use super::*;

// Day numbers round-trip and agree with known dates (1970-01-01 is day 0, a Thursday).
#[test]
fn day_numbers() {
    assert_eq!(days_from_civil(1970, 1, 1), 0);
    assert_eq!(days_from_civil(2026, 11, 21), 20_778);
    assert_eq!(civil_from_days(20_778), (2026, 11, 21));
    assert_eq!(weekday(0), 3, "Thursday");
    assert_eq!(weekday(20_778), 5, "2026-11-21 is a Saturday");
    for d in -800_000..800_000 {
        if d % 997 == 0 {
            let (y, m, day) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, day), d);
        }
    }
    assert_eq!(days_from_civil(2024, 2, 29) + 1, days_from_civil(2024, 3, 1));
}

// ISO dates parse and print; impossible dates are refused.
#[test]
fn iso_days() {
    assert_eq!(parse_iso_day("2026-11-21"), Some(20_778));
    assert_eq!(iso_day(20_778), "2026-11-21");
    assert_eq!(parse_iso_day("2026-02-30"), None);
    assert_eq!(parse_iso_day("nope"), None);
}

fn tiny() -> Index {
    let mut index = Index { version: FORMAT_VERSION, operators: vec!["Op".into()], ..Index::default() };
    index.offers.push(OfferRow { id: "a".into(), start: Some(5), ..OfferRow::default() });
    index
}

// A well-formed index passes; a wrong version, ragged columns or a dangling reference do not.
#[test]
fn check_catches_broken_indexes() {
    assert_eq!(tiny().check(), Ok(()));
    assert_eq!(tiny().offers.span(0), (Some(5), Some(5)), "a start alone is one day");

    let mut v = tiny();
    v.version = 99;
    assert!(v.check().is_err());

    let mut ragged = tiny();
    ragged.offers.title.clear();
    assert!(ragged.check().unwrap_err().contains("offers.title"));

    let mut dangling = tiny();
    dangling.offers.districts[0] = vec![7];
    assert!(dangling.check().unwrap_err().contains("\"a\""));
}

// Encoding then decoding gives the same index; garbage and a broken index are refused.
#[test]
fn encode_decode_round_trip() {
    let mut index = tiny();
    index.strings = vec![("clear".into(), "Effacer".into())];
    index.venues.push(Venue {
        id: "v".into(),
        name: "Salle".into(),
        district: None,
        xy: [1.5, 2.0],
        lonlat: [5.6, 50.6],
    });
    assert_eq!(decode(&encode(&index)), Ok(index));
    assert!(decode(b"\xff\xff garbage").is_err());
    let mut broken = tiny();
    broken.offers.operator[0] = 9;
    assert!(decode(&encode(&broken)).is_err());
}
