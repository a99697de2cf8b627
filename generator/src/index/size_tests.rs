//! The explorer's weight at 10,000 offers, printed as a figure (a benchmark, not a timed
//! test): `cargo test -p passerelle --release index::size_tests -- --nocapture`; it fails when the
//! sizes break DESIGN.md's budgets (a size, never a time).

use super::assets::{CODE_BUDGET, FIRST_LOAD_BUDGET};
use super::tests::{config, fixture};
use super::*;
use crate::index::encode::encode;
use crate::model::{Offer, Price, Records};
use crate::records::DayRule;
use crate::vocabulary::Vocabularies;
use chrono::NaiveDate;

/// A deterministic generator of plausible offers (the workspace's SplitMix64).
struct Rng(passerelle_index::rng::SplitMix64);

impl Rng {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
    fn below(&mut self, n: u64) -> u64 {
        self.0.below(n)
    }
}

/// The fixture's districts, venues and operators, with `n` synthetic offers.
pub(crate) fn synthetic(n: usize) -> Charter {
    let base = fixture();
    let mut rng = Rng(passerelle_index::rng::SplitMix64::new(2026));
    let kinds = [
        "Atelier",
        "Stage",
        "Rencontre",
        "Spectacle",
        "Concert",
        "Exposition",
        "Balade",
        "Club",
        "Initiation",
        "Résidence",
    ];
    let topics = [
        "théâtre d'improvisation",
        "slam et poésie",
        "danse urbaine",
        "photographie argentique",
        "percussions",
        "contes",
        "BD et illustration",
        "cinéma d'animation",
        "chant choral",
        "céramique",
        "patrimoine industriel",
        "jeux vidéo",
        "couture et recyclage",
        "radio de quartier",
        "cirque",
    ];
    let whom = [
        "pour ados",
        "en famille",
        "pour les aînés",
        "pour les petits",
        "tout public",
        "pour les écoles",
        "entre voisins",
        "",
    ];
    let verbs = ["Découvrir", "Pratiquer", "Créer", "Explorer", "Partager", "Apprendre"];
    let ends = [
        "avec des artistes du quartier.",
        "chaque semaine, sans prérequis.",
        "dans une ambiance conviviale.",
        "et présenter le résultat en fin de saison.",
        "avec le soutien des associations locales.",
        "au fil des saisons.",
    ];
    let codes = |v: &crate::vocabulary::Vocabulary| v.codes().map(String::from).collect::<Vec<_>>();
    let (aud, dis) = (codes(&base.vocabularies.audience), codes(&base.vocabularies.discipline));
    let mut records = Records {
        districts: base.districts.clone(),
        operators: base.operators.clone(),
        venues: base.venues.clone(),
        shapes: base.shapes.iter().flatten().cloned().collect(),
        ..Records::default()
    };
    for i in 0..n {
        let topic = rng.pick(&topics);
        let title =
            format!("{} {} {} #{}", rng.pick(&kinds), topic, rng.pick(&whom), i % 97).replace("  ", " ");
        let summary = format!("{} {} {}", rng.pick(&verbs), topic, rng.pick(&ends));
        let start = (rng.below(10) < 6).then(|| 20_700 + rng.below(300) as i64);
        let day = |d: i64| NaiveDate::from_ymd_opt(1970, 1, 1).map(|e| e + chrono::Days::new(d as u64));
        records.offers.push(Offer {
            id: format!("offre-{i:05}"),
            title,
            summary,
            operator: base.operators[rng.below(3) as usize].id.clone(),
            venue: Some(base.venues[rng.below(3) as usize].id.clone()),
            audiences: vec![aud[rng.below(aud.len() as u64) as usize].clone()],
            disciplines: vec![dis[rng.below(dis.len() as u64) as usize].clone()],
            age_min: (rng.below(4) == 0).then(|| rng.below(12) as u8),
            starts_on: start.and_then(day),
            ends_on: start.and_then(|s| day(s + rng.below(120) as i64)),
            price: Some(if rng.below(2) == 0 { Price::Free } else { Price::Paid }),
            // Most offers recur weekly (one or two weekdays, pausing in school holidays), some
            // monthly, the rest are one-off or permanent: the rule, not its dates, is stored.
            days: match rng.below(10) {
                0..=5 => vec![DayRule { weekday: rng.below(7) as u8, rank: 0 }],
                6 => vec![DayRule { weekday: rng.below(7) as u8, rank: 2 }],
                7 => vec![DayRule { weekday: 2, rank: 0 }, DayRule { weekday: 5, rank: 0 }],
                _ => vec![],
            },
            start_time: (rng.below(5) > 0).then(|| 540 + 30 * rng.below(24) as u16),
            end_time: (rng.below(3) > 0).then_some(1290),
            except: crate::records::Except {
                pauses: passerelle_index::time::Pauses { school: rng.below(2) == 0, public: false },
                ..Default::default()
            },
            ..Offer::default()
        });
    }
    Charter::new(records, Vocabularies::builtin(), base.today)
}

// The explorer's first load at 10,000 offers, against the budget (printed, not timed).
#[test]
fn size_of_the_explorer_at_10000_offers() {
    let index = encode(&synthetic(10_000), &config()).expect("encode");
    let bytes = passerelle_index::encode(&index);
    let report = explorer_sizes(&bytes, index.offers.len());
    let json = serde_json::to_vec(&index).expect("json");
    println!("{report}");
    println!(
        "(the same index as JSON would be {:.1} KB gzip)",
        passerelle_index::budget::gzip_len(&json) as f64 / 1024.0
    );
    assert!(report.code() <= CODE_BUDGET, "wasm + JS over the budget:\n{report}");
    assert!(report.first_load() <= FIRST_LOAD_BUDGET, "first load over the budget:\n{report}");
}
