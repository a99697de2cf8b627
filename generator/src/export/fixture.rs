//! A small hand-built charter for the export tests: two districts (one with an outline),
//! two operators, two venues, three offers (one dated with hostile text, one ongoing, one
//! cancelled), one partnership.

use crate::config::Config;
use crate::model::{
    Charter, District, DistrictScope, Offer, Operator, Partnership, Price, Records, Shape, Status, Venue,
};
use crate::vocabulary::Vocabularies;
use chrono::NaiveDate;

/// A title with markup and iCalendar's special characters.
pub const HOSTILE_TITLE: &str = "<script>alert(\"slam\")</script> Slam, rap; & poésie \\ Bressoux";
/// A multi-line Markdown description with quotes.
pub const DESCRIPTION: &str = "Un atelier \"ouvert\".\n\n- écrire\n- dire, à voix haute";

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// The site configuration, with or without a `base_url`.
pub fn config(base_url: Option<&str>) -> Config {
    let base = base_url.map(|b| format!("base_url = \"{b}\"\n")).unwrap_or_default();
    let text = format!(
        "title = \"Charte <test>\"\ndescription = \"Tout & rien\"\n{base}\
         [coordination]\nname = \"Ville de Liège\"\nemail = \"charte@example.org\"\n"
    );
    Config::parse(&text).expect("fixture config")
}

/// The fixture charter, on 2026-11-21.
pub fn charter() -> Charter {
    let records = Records {
        districts: vec![
            District { id: "bressoux".into(), name: "Bressoux".into(), city: "Liège".into(), lat: Some(50.645), lon: Some(5.6), population: Some(12000), priority: true, ..Default::default() },
            District { id: "droixhe".into(), name: "Droixhe".into(), city: "Liège".into(), ..Default::default() },
        ],
        shapes: vec![Shape {
            district: "droixhe".into(),
            polygons: vec![vec![vec![(5.60, 50.65), (5.62, 50.65), (5.62, 50.66), (5.60, 50.65)]]],
        }],
        operators: vec![
            Operator { id: "asbl-mots".into(), name: "ASBL Les Mots".into(), kind: "association".into(), district: Some("bressoux".into()), updated_on: Some(day(2026, 10, 2)), ..Default::default() },
            Operator { id: "bibliotheque".into(), name: "Bibliothèque, \"centrale\"".into(), kind: "public_service".into(), ..Default::default() },
        ],
        venues: vec![
            Venue { id: "maison-bressoux".into(), name: "Maison de quartier <Bressoux>".into(), kind: "community_centre".into(), district: Some("bressoux".into()), address: "rue du Moulin 1".into(), postcode: "4020".into(), city: "Liège".into(), lat: Some(50.6452), lon: Some(5.6011), operator: Some("asbl-mots".into()), accessibility: vec!["wheelchair".into(), "hearing_loop".into()], ..Default::default() },
            Venue { id: "bibliotheque-droixhe".into(), name: "Bibliothèque de Droixhe".into(), kind: "library".into(), district: Some("droixhe".into()), lat: Some(50.655), lon: Some(5.61), ..Default::default() },
        ],
        offers: vec![
            Offer {
                id: "atelier-slam".into(),
                title: HOSTILE_TITLE.into(),
                operator: "asbl-mots".into(),
                partners: vec!["bibliotheque".into()],
                disciplines: vec!["writing".into()],
                audiences: vec!["youth".into(), "adults".into()],
                districts: DistrictScope::Listed(vec!["bressoux".into(), "droixhe".into()]),
                venue: Some("maison-bressoux".into()),
                starts_on: Some(day(2026, 11, 25)),
                ends_on: Some(day(2026, 12, 16)),
                schedule: "mercredis 14h–16h; sur inscription, gratuit".into(),
                days: crate::load::when::days("mercredi").unwrap_or_default(),
                start_time: Some(14 * 60),
                end_time: Some(16 * 60),
                except: crate::load::when::except("02/12/2026").unwrap_or_default(),
                price: Some(Price::Free),
                summary: "Écrire et dire ses textes, avec <b>des</b> slameurs, chaque semaine pendant un mois entier au cœur du quartier.".into(),
                description: DESCRIPTION.into(),
                updated_on: Some(day(2026, 11, 10)),
                ..Default::default()
            },
            Offer {
                id: "lecture-libre".into(),
                title: "Lecture libre".into(),
                operator: "bibliotheque".into(),
                audiences: vec!["everyone".into()],
                venue: Some("bibliotheque-droixhe".into()),
                summary: "Des livres pour tous.".into(),
                updated_on: Some(day(2026, 9, 1)),
                ..Default::default()
            },
            Offer {
                id: "concert-annule".into(),
                title: "Concert".into(),
                operator: "bibliotheque".into(),
                districts: DistrictScope::All,
                starts_on: Some(day(2026, 12, 5)),
                summary: "Un concert.".into(),
                status: Status::Cancelled,
                ..Default::default()
            },
        ],
        partnerships: vec![Partnership {
            id: "mots-et-livres".into(),
            title: "Mots et livres".into(),
            operators: vec!["asbl-mots".into(), "bibliotheque".into()],
            offers: vec!["atelier-slam".into()],
            districts: vec!["bressoux".into()],
            ..Default::default()
        }],
        ..Default::default()
    };
    Charter::new(records, Vocabularies::builtin(), day(2026, 11, 21))
}
