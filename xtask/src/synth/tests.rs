//! Synthetic charters are deterministic and valid: every reference resolves, every code is a
//! built-in one, every point lies in its district.

use super::generate::{generate, Shape};
use super::geo::ring_contains;
use super::write::data_files;
use std::collections::{HashMap, HashSet};

type Table = Vec<HashMap<String, String>>;

/// Parses one generated CSV back, as a real reader would.
fn parse(text: &str) -> Table {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("a well-formed record");
            headers.iter().zip(r.iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect()
        })
        .collect()
}

fn tables(offers: usize, seed: u64) -> HashMap<&'static str, String> {
    data_files(&generate(Shape { offers, seed })).into_iter().collect()
}

fn multi(value: &str) -> Vec<&str> {
    value.split('|').filter(|v| !v.is_empty()).collect()
}

/// The codes of one built-in vocabulary, read from the generator's source.
fn vocabulary(group: &str) -> HashSet<String> {
    let source = include_str!("../../../generator/src/vocabulary.rs");
    let start = source.find(&format!("{group}: Vocabulary::from_table")).expect("group in vocabulary.rs");
    let block = &source[start..start + source[start..].find("]),").expect("table end")];
    block
        .lines()
        .filter_map(|l| l.trim().strip_prefix("(\""))
        .map(|l| l[..l.find('"').unwrap_or(0)].to_string())
        .collect()
}

// Same shape and seed, same bytes; another seed, other data.
#[test]
fn deterministic() {
    assert_eq!(tables(300, 7), tables(300, 7));
    assert_ne!(tables(300, 7)["offers.csv"], tables(300, 8)["offers.csv"]);
}

// Table sizes follow the documented shape.
#[test]
fn scaled_from_offers() {
    let c = generate(Shape { offers: 2000, seed: 1 });
    assert_eq!(
        (c.districts.len(), c.operators.len(), c.venues.len(), c.partnerships.len(), c.offers.len()),
        (20, 400, 100, 200, 2000)
    );
    let small = generate(Shape { offers: 10, seed: 1 });
    assert_eq!((small.operators.len(), small.venues.len(), small.partnerships.len()), (60, 15, 10));
}

// Ids are unique slugs, references resolve, codes are in the vocabularies, values are sane.
#[test]
fn references_resolve() {
    let t = tables(1500, 3);
    let ids = |name: &str| -> HashSet<String> {
        let rows = parse(&t[name]);
        let set: HashSet<String> = rows.iter().map(|r| r["id"].clone()).collect();
        assert_eq!(set.len(), rows.len(), "{name}: duplicate ids");
        for id in &set {
            assert!(
                !id.is_empty()
                    && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{name}: id {id:?}"
            );
        }
        set
    };
    let (districts, operators, venues, offers) =
        (ids("districts.csv"), ids("operators.csv"), ids("venues.csv"), ids("offers.csv"));
    let audiences = vocabulary("audience");
    let disciplines = vocabulary("discipline");
    let access = vocabulary("accessibility");
    assert_eq!(audiences.len(), 8);
    for o in parse(&t["operators.csv"]) {
        assert!(vocabulary("operator_kind").contains(&o["kind"]));
        assert!(o["district"].is_empty() || districts.contains(&o["district"]));
    }
    for v in parse(&t["venues.csv"]) {
        assert!(vocabulary("venue_kind").contains(&v["kind"]));
        assert!(districts.contains(&v["district"]) && operators.contains(&v["operator"]));
        assert!(multi(&v["accessibility"]).iter().all(|a| access.contains(*a)));
    }
    let mut described = 0;
    let offer_rows = parse(&t["offers.csv"]);
    for o in &offer_rows {
        assert!(operators.contains(&o["operator"]));
        assert!(multi(&o["partners"]).iter().all(|p| operators.contains(*p) && *p != o["operator"]));
        assert!(
            !multi(&o["disciplines"]).is_empty()
                && multi(&o["disciplines"]).iter().all(|d| disciplines.contains(*d))
        );
        assert!(
            !multi(&o["audiences"]).is_empty()
                && multi(&o["audiences"]).iter().all(|a| audiences.contains(*a))
        );
        assert!(multi(&o["accessibility"]).iter().all(|a| access.contains(*a)));
        match o["districts"].as_str() {
            "" => assert!(venues.contains(&o["venue"]), "an offer without districts needs its venue"),
            "all" => {}
            listed => assert!(multi(listed).iter().all(|d| districts.contains(*d))),
        }
        assert!(o["venue"].is_empty() || venues.contains(&o["venue"]));
        assert_eq!(o["starts_on"].is_empty(), o["ends_on"].is_empty());
        assert!(o["starts_on"] <= o["ends_on"]);
        assert!(o["starts_on"].is_empty() || ("2026-09-01".."2027-07-01").contains(&o["starts_on"].as_str()));
        if let (Ok(lo), Ok(hi)) = (o["age_min"].parse::<u8>(), o["age_max"].parse::<u8>()) {
            assert!(lo <= hi);
        }
        assert!(["free", "paid", "pay_what_you_can"].contains(&o["price"].as_str()));
        assert!(["open", "full", "cancelled"].contains(&o["status"].as_str()));
        assert!(o["summary"].ends_with('.') && o["summary"].matches(". ").count() == 0);
        assert!(o["languages"].split('|').all(|l| l.len() == 2));
        described += o["description"].chars().count();
    }
    let average = described / offer_rows.len();
    assert!((330..=480).contains(&average), "average description of {average} characters");
    for p in parse(&t["partnerships.csv"]) {
        let members = multi(&p["operators"]);
        assert!((2..=4).contains(&members.len()) && members.iter().all(|m| operators.contains(*m)));
        assert!(multi(&p["offers"]).iter().all(|o| offers.contains(*o)));
        assert!(multi(&p["districts"]).iter().all(|d| districts.contains(*d)));
    }
}

// Venues lie inside their own district's outline and no other; outlines are closed rings.
#[test]
fn points_in_their_district() {
    let c = generate(Shape { offers: 4000, seed: 11 });
    for d in &c.districts {
        assert_eq!(d.ring.first(), d.ring.last());
    }
    for v in &c.venues {
        for (k, d) in c.districts.iter().enumerate() {
            assert_eq!(ring_contains(&d.ring, v.point), k == v.district, "venue {} vs {}", v.id, d.id);
        }
    }
    let geojson: serde_json::Value =
        serde_json::from_str(&tables(10, 1)["districts.geojson"]).expect("valid GeoJSON");
    assert_eq!(geojson["features"].as_array().map(Vec::len), Some(20));
}
