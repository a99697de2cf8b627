//! The index contract, explorer side: the committed index the generator wrote for its fixture
//! charter (`index/tests/fixture-index.bin`, compared byte for byte by the generator's tests)
//! decodes, and filtering over it gives what the fixture's data says.

use passerelle_explorer::filter::{run, search, Catalog, Now, Query, When};
use passerelle_explorer::index::{decode, Index};

const BIN: &[u8] = include_bytes!("../../index/tests/fixture-index.bin");
const JSON: &str = include_str!("../../index/tests/fixture-index.json");

fn catalog() -> Catalog {
    let index = decode(BIN).expect("the committed index decodes");
    // Seen at noon on the day the fixture was built.
    let now = Now { day: index.today, minute: 12 * 60 };
    Catalog::new(index, now)
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
    // Éveil musical ended before the build day: in the archive, not in the explorer.
    assert_eq!(ids(&c, &Query::default()).len(), 4);
    let q = |f: fn(&mut Query)| {
        let mut q = Query::default();
        f(&mut q);
        ids(&c, &q)
    };
    assert_eq!(
        q(|q| q.text = "theatre".into()),
        ["balade-patrimoine", "concert-noel", "atelier-theatre-ados"],
        "title, operator, venue"
    );
    assert_eq!(
        q(|q| {
            q.districts.insert("droixhe".into());
        }),
        ["concert-noel", "club-lecture"]
    );
    assert_eq!(q(|q| q.free = true), ["atelier-theatre-ados", "club-lecture"], "permanent, by title");
    assert_eq!(
        q(|q| {
            q.audiences.insert("youth".into());
        }),
        ["atelier-theatre-ados"]
    );
    assert_eq!(q(|q| q.when = When::Week), ["balade-patrimoine", "club-lecture"], "dated, then permanent");
    // Age 5: everyone and families; not the adults' club, not the 12–17 workshop.
    assert_eq!(q(|q| q.age = Some(5)), ["balade-patrimoine", "concert-noel"]);
    assert_eq!(
        q(|q| {
            q.accessibility.insert("wheelchair".into());
        }),
        ["concert-noel", "atelier-theatre-ados"]
    );
}
