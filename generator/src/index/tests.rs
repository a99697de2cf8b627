//! The index contract, generator side: the index of a small fixture charter is compared with
//! the committed `index/tests/fixture-index.json`, which the explorer's tests read too.
//! After an intended change of the format or the fixture, rewrite it with
//! `PASSERELLE_BLESS=1 cargo test -p passerelle index::`.

use super::encode::{encode, truncate};
use super::*;
use crate::config::Config;
use crate::model::{District, DistrictScope, Offer, Operator, Price, Records, Shape, Status, Venue};
use crate::vocabulary::Vocabularies;
use chrono::NaiveDate;
use std::path::Path;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn square(district: &str, lon: f64, lat: f64) -> Shape {
    let (w, h) = (0.02, 0.012);
    let ring = vec![(lon, lat), (lon + w, lat), (lon + w, lat + h), (lon, lat + h), (lon, lat)];
    Shape { district: district.into(), polygons: vec![vec![ring]] }
}

/// Three districts side by side, three venues, five offers covering every field's cases.
pub(crate) fn fixture() -> Charter {
    let district = |id: &str, name: &str| District {
        id: id.into(),
        name: name.into(),
        city: "Liège".into(),
        ..District::default()
    };
    let operator = |id: &str, name: &str| Operator {
        id: id.into(),
        name: name.into(),
        kind: "association".into(),
        ..Operator::default()
    };
    let venue = |id: &str, name: &str, d: &str, lon: f64, lat: f64, access: &[&str]| Venue {
        id: id.into(),
        name: name.into(),
        kind: "other".into(),
        district: Some(d.into()),
        lon: Some(lon),
        lat: Some(lat),
        accessibility: access.iter().map(|s| s.to_string()).collect(),
        ..Venue::default()
    };
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let records = Records {
        districts: vec![district("bressoux", "Bressoux"), district("droixhe", "Droixhe"), district("outremeuse", "Outremeuse")],
        operators: vec![operator("theatre-place", "Théâtre de la Place"), operator("mj-bressoux", "MJ de Bressoux"), operator("bibliotheque", "Bibliothèque des Chiroux")],
        venues: vec![
            venue("salle-bressoux", "Salle du Pont", "bressoux", 5.605, 50.640, &["wheelchair"]),
            venue("biblio-droixhe", "Bibliothèque de Droixhe", "droixhe", 5.625, 50.642, &[]),
            venue("theatre-outremeuse", "Théâtre d'Outremeuse", "outremeuse", 5.585, 50.638, &["wheelchair", "hearing_loop"]),
        ],
        offers: vec![
            Offer {
                id: "atelier-theatre-ados".into(),
                title: "Atelier de théâtre pour ados".into(),
                operator: "theatre-place".into(),
                partners: strings(&["mj-bressoux"]),
                disciplines: strings(&["theatre"]),
                audiences: strings(&["youth"]),
                age_min: Some(12),
                age_max: Some(17),
                venue: Some("salle-bressoux".into()),
                starts_on: date(2026, 11, 25),
                ends_on: date(2027, 3, 31),
                price: Some(Price::Free),
                summary: "Improviser, écrire et jouer ensemble, chaque mercredi après-midi.".into(),
                ..Offer::default()
            },
            Offer {
                id: "club-lecture".into(),
                title: "Club de lecture".into(),
                operator: "bibliotheque".into(),
                disciplines: strings(&["reading"]),
                audiences: strings(&["adults", "seniors"]),
                venue: Some("biblio-droixhe".into()),
                price: Some(Price::Free),
                accessibility: strings(&["easy_read"]),
                summary: "Un livre par mois, une discussion ouverte à toutes et à tous.".into(),
                ..Offer::default()
            },
            Offer {
                id: "concert-noel".into(),
                title: "Concert de Noël des chorales".into(),
                operator: "mj-bressoux".into(),
                disciplines: strings(&["music"]),
                audiences: strings(&["everyone", "families"]),
                districts: DistrictScope::All,
                venue: Some("theatre-outremeuse".into()),
                starts_on: date(2026, 12, 19),
                price: Some(Price::PayWhatYouCan),
                status: Status::Full,
                summary: "Les chorales des quartiers chantent ensemble. Une longue phrase qui dépasse la limite \
                          de longueur du résumé dans l'index de l'explorateur, afin de vérifier qu'elle est bien \
                          coupée à une frontière de mot, avec des points de suspension."
                    .into(),
                ..Offer::default()
            },
            Offer {
                id: "eveil-musical".into(),
                title: "Éveil musical".into(),
                operator: "mj-bressoux".into(),
                disciplines: strings(&["music", "dance"]),
                audiences: strings(&["children"]),
                age_min: Some(3),
                age_max: Some(6),
                districts: DistrictScope::Listed(strings(&["bressoux", "droixhe"])),
                starts_on: date(2026, 9, 1),
                ends_on: date(2026, 10, 31),
                price: Some(Price::Paid),
                summary: "Comptines et percussions pour les petits.".into(),
                ..Offer::default()
            },
            Offer {
                id: "balade-patrimoine".into(),
                title: "Balade patrimoine".into(),
                operator: "theatre-place".into(),
                disciplines: strings(&["heritage"]),
                audiences: strings(&["everyone"]),
                districts: DistrictScope::Listed(strings(&["outremeuse"])),
                starts_on: date(2026, 11, 22),
                ends_on: date(2026, 11, 22),
                status: Status::Cancelled,
                summary: "Une promenade commentée le long de la Dérivation.".into(),
                ..Offer::default()
            },
        ],
        shapes: vec![square("bressoux", 5.595, 50.634), square("droixhe", 5.615, 50.634), square("outremeuse", 5.575, 50.632)],
        ..Records::default()
    };
    Charter::new(records, Vocabularies::builtin(), date(2026, 11, 21).unwrap_or_default())
}

pub(super) fn config() -> Config {
    Config::parse("title = \"Charte\"\nlanguage = \"fr\"\n[coordination]\nname = \"Ville\"\nemail = \"c@example.org\"\n").expect("config")
}

// The fixture's index is the committed contract file, byte for byte (and its JSON twin, which
// shows the same index readably in review diffs).
#[test]
fn fixture_index_matches_the_committed_contract() {
    let index = encode(&fixture(), &config()).expect("encode");
    assert_eq!(index.check(), Ok(()));
    let bytes = passerelle_index::encode(&index);
    let json = serde_json::to_string_pretty(&index).expect("json") + "\n";
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../index/tests");
    if std::env::var_os("PASSERELLE_BLESS").is_some() {
        std::fs::create_dir_all(&dir).expect("index/tests");
        std::fs::write(dir.join("fixture-index.bin"), &bytes).expect("write the contract file");
        std::fs::write(dir.join("fixture-index.json"), &json).expect("write its JSON twin");
    }
    let committed_json = std::fs::read_to_string(dir.join("fixture-index.json")).unwrap_or_default();
    assert!(
        committed_json == json,
        "the index differs from index/tests/fixture-index.json (PASSERELLE_BLESS=1 to accept):\n{json}"
    );
    let committed = std::fs::read(dir.join("fixture-index.bin")).unwrap_or_default();
    assert!(
        committed == bytes,
        "the index differs from index/tests/fixture-index.bin (PASSERELLE_BLESS=1 to accept)"
    );
}

// Names are stored once; dates are day numbers; scopes are resolved; accessibility merges the
// venue's; long summaries are cut.
#[test]
fn encodes_references_dates_and_scopes() {
    let index = encode(&fixture(), &config()).expect("encode");
    let o = &index.offers;
    let at = |id: &str| (0..o.len()).position(|i| o.id(i) == id).expect(id);
    let concert = at("concert-noel");
    assert_eq!(o.districts[concert], [0, 1, 2], "`all` lists every district");
    assert_eq!(index.operators[o.operator[concert] as usize], "MJ de Bressoux");
    assert_eq!(o.start[concert], Some(20_806));
    assert!(
        o.summary[concert].ends_with('…')
            && o.summary[concert].chars().count() <= passerelle_index::SUMMARY_MAX + 1
    );
    let teens = at("atelier-theatre-ados");
    let wheelchair =
        index.vocab.accessibility.iter().position(|(c, _)| c == "wheelchair").expect("code") as u32;
    assert_eq!(o.accessibility[teens], [wheelchair], "from the venue");
    assert_eq!(o.districts[at("club-lecture")], [1], "empty scope = the venue's district");
    assert_eq!(index.today, 20_778);
    assert!(index.districts.iter().all(|d| d.path.starts_with('M') && d.path.ends_with('Z')));
    assert_eq!(index.vocab.discipline[1], ("theatre".to_string(), "Théâtre".to_string()));
    assert!(index.strings.iter().any(|(k, _)| k == "search_label"), "the [explorer] table is carried");
}

// Truncation cuts at a word boundary and never inside a character.
#[test]
fn truncates_at_words() {
    assert_eq!(truncate("court", 10), "court");
    assert_eq!(truncate("Un deux trois quatre", 12), "Un deux…");
    assert_eq!(truncate("ééééééééééééé", 5), "ééééé…");
}
