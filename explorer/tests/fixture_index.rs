//! The index contract, explorer side: the committed index the generator wrote for its fixture
//! charter (`index/tests/fixture-index.bin`, compared byte for byte by the generator's tests)
//! decodes, and filtering over it gives what the fixture's data says.

use passerelle_explorer::filter::{run, search, Catalog, Query, When};
use passerelle_explorer::index::{decode, Index};

const BIN: &[u8] = include_bytes!("../../index/tests/fixture-index.bin");
const JSON: &str = include_str!("../../index/tests/fixture-index.json");

fn catalog() -> Catalog {
    Catalog::new(decode(BIN).expect("the committed index decodes"))
}

fn ids(c: &Catalog, q: &Query) -> Vec<String> {
    let mask = search(c, &q.text);
    run(c, q, mask.as_ref(), None).results.iter().map(|&i| c.index.offers.id(i as usize)).collect()
}

// The binary and its JSON twin hold the same index.
#[test]
fn binary_and_json_agree() {
    let from_json: Index = serde_json::from_str(JSON).expect("the JSON twin parses");
    assert_eq!(decode(BIN).expect("decodes"), from_json);
}

// Filters over the fixture: by district, audience, free, date window, age, accent-free search.
#[test]
fn filters_over_the_fixture() {
    let c = catalog();
    assert_eq!(c.index.lang, "fr");
    assert_eq!(ids(&c, &Query::default()).len(), 5);
    let q = |f: fn(&mut Query)| {
        let mut q = Query::default();
        f(&mut q);
        ids(&c, &q)
    };
    assert_eq!(
        q(|q| q.text = "theatre".into()),
        ["balade-patrimoine", "atelier-theatre-ados", "concert-noel"],
        "title, operator, venue"
    );
    assert_eq!(
        q(|q| {
            q.districts.insert("droixhe".into());
        }),
        ["club-lecture", "concert-noel", "eveil-musical"]
    );
    assert_eq!(q(|q| q.free = true), ["club-lecture", "atelier-theatre-ados"]);
    assert_eq!(
        q(|q| {
            q.audiences.insert("youth".into());
        }),
        ["atelier-theatre-ados"]
    );
    assert_eq!(q(|q| q.when = When::Week), ["club-lecture", "balade-patrimoine"]);
    assert_eq!(
        q(|q| q.age = Some(5)),
        ["club-lecture", "balade-patrimoine", "concert-noel", "eveil-musical"]
    );
    assert_eq!(
        q(|q| {
            q.accessibility.insert("wheelchair".into());
        }),
        ["atelier-theatre-ados", "concert-noel"]
    );
}
