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
    assert!(ragged.check().unwrap_err().contains("columns differ in length"));

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

// Every day comes back from the stored form: on either side of `today`, open or not, at the
// ends of the numbers.
#[test]
fn packing_gives_every_day_back() {
    let mut index =
        Index { version: FORMAT_VERSION, today: 20_000, operators: vec!["Op".into()], ..Index::default() };
    let cases: [(Option<i32>, Option<i32>); 6] = [
        (Some(20_003), None),
        (None, Some(19_990)),
        (Some(19_000), Some(21_000)),
        (None, None),
        (Some(20_000), Some(20_000)),
        (Some(i32::MAX), Some(i32::MIN)),
    ];
    for (i, (start, end)) in cases.into_iter().enumerate() {
        let when = time::Recurrence {
            from: start.map(|s| s.wrapping_add(i as i32 - 4)),
            until: end,
            dates: vec![time::Session { day: 20_010 - i as i32, start: None, end: None }],
            except: vec![(19_990, 20_020 + i as i32)],
            ..time::Recurrence::default()
        };
        let title = format!("Offre {i}");
        index.offers.push(OfferRow { title, start, end, when, ..OfferRow::default() });
    }
    let stored = pack(&index);
    assert_eq!(stored.offers.start[0], Some(3), "days from today");
    assert_eq!(stored.offers.end[2], Some(2_000), "days from the start");
    assert_eq!(stored.offers.when[4].from, Some(0), "the rule starts with the offer");
    assert_eq!(stored.offers.when[2].except[0], (-10, 32), "a day off: its first day, its length");
    assert_eq!(decode(&encode(&index)), Ok(index.clone()));
    // Ragged columns are refused by the check, never a panic while unpacking.
    let mut ragged = index;
    ragged.offers.start.truncate(2);
    assert!(decode(&encode(&ragged)).is_err());
}

// The hand reader and postcard's serde reader agree on an index using every field, and the
// reader refuses truncated bytes, another version and trailing bytes.
#[test]
fn the_reader_agrees_with_postcard() {
    use crate::time::{DayRule, Pauses, Recurrence, Session};
    let mut index = tiny();
    index.lang = "fr".into();
    index.today = -3;
    index.strings = vec![("k".into(), "é".into())];
    index.vocab.audience = vec![("youth".into(), "Jeunes".into())];
    index.map = Map {
        width: 1000.0,
        height: 750.5,
        origin: [0.25, -0.5],
        scale: 1e6,
        tiles: Some("t".into()),
        attribution: None,
    };
    index.districts.push(District {
        id: "d".into(),
        name: "D".into(),
        path: "M0 0Z".into(),
        label: [1.5, -2.0],
    });
    index.venues.push(Venue {
        id: "v".into(),
        name: "V".into(),
        district: Some(0),
        xy: [3.0, 4.0],
        lonlat: [5.6, 50.6],
    });
    index.offers.push(OfferRow {
        id: "b".into(),
        venue: Some(0),
        districts: vec![0],
        audiences: vec![0],
        age_min: Some(6),
        age_max: Some(255),
        price: 3,
        start: Some(-20_000),
        end: Some(300_000),
        status: 2,
        when: Recurrence {
            days: vec![DayRule { weekday: 1, rank: -1 }, DayRule { weekday: 6, rank: 2 }],
            start: Some(1110),
            end: None,
            from: Some(20_000),
            until: None,
            dates: vec![Session { day: 20_001, start: Some(600), end: Some(1439) }],
            except: vec![(1, 2)],
            pauses: Pauses { school: true, public: false },
        },
        ..OfferRow::default()
    });
    index.holidays.school = vec![(10, 20)];
    index.basemap.push(BaseFeature {
        kind: 1,
        name: "Rue".into(),
        path: "M0 0L1 1".into(),
        length: 1.4,
        at: [0.5, 0.5],
    });
    index.outside.push(Outside { path: "M0 0Z".into(), label: [1.0, 2.0], venues: vec![0] });
    let bytes = encode(&index);
    let mut by_serde: Index = postcard::from_bytes(&bytes).expect("postcard reads it");
    assert_eq!(read::read(&bytes), Ok(by_serde.clone()));
    unpack(&mut by_serde);
    assert_eq!(by_serde, index);
    assert!(read::read(&bytes[..bytes.len() - 1]).is_err(), "truncated");
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(read::read(&longer).is_err(), "trailing bytes");
    let mut other = index.clone();
    other.version = FORMAT_VERSION + 1;
    assert_eq!(read::read(&encode(&other)), Err("another version of the index format"));
    // A length far beyond the bytes is refused, not allocated.
    assert!(read::read(&[FORMAT_VERSION as u8, 0xff, 0xff, 0xff, 0xff, 0x0f]).is_err());
}
