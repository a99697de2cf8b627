use super::*;
use crate::config::Language;
use crate::load::when::{dates, days, except, time};
use crate::model::records::Offer;
use crate::model::time::Holidays;
use chrono::NaiveDate;

fn timing(days_cell: &str, start: &str, end: &str, dates_cell: &str, except_cell: &str) -> Timing {
    let offer = Offer {
        days: days(days_cell).expect("days"),
        start_time: time(start).expect("start"),
        end_time: time(end).expect("end"),
        dates: dates(dates_cell).expect("dates"),
        except: except(except_cell).expect("except"),
        ..Offer::default()
    };
    Timing::new(&offer, &Holidays::default(), NaiveDate::from_ymd_opt(2026, 12, 1).expect("day"))
}

fn both(t: &Timing) -> (String, String) {
    let fr = Catalogue::load(Language::Fr).expect("fr");
    let en = Catalogue::load(Language::En).expect("en");
    (sentence(&fr, t, true).expect("fr"), sentence(&en, t, true).expect("en"))
}

// The design's example, and its English twin.
#[test]
fn weekly_with_holidays() {
    let (fr, en) = both(&timing("mardi", "18h30", "20h30", "", "vacances_scolaires"));
    assert_eq!(fr, "Tous les mardis de 18 h 30 à 20 h 30, sauf pendant les vacances scolaires");
    assert_eq!(en, "Every Tuesday from 18:30 to 20:30, except during school holidays");
}

// Ranked days, several weekdays, public holidays and explicit days off.
#[test]
fn ranks_and_exceptions() {
    let (fr, en) = both(&timing("2e mardi|dernier vendredi", "14h", "", "", ""));
    assert_eq!(fr, "Le 2e mardi du mois et le dernier vendredi du mois à 14 h");
    assert_eq!(en, "The second Tuesday of the month and the last Friday of the month at 14:00");
    let (fr, _) = both(&timing("lundi|jeudi", "13h30", "16h", "", "jours_fériés|24/12/2026"));
    assert_eq!(
        fr,
        "Tous les lundis et jeudis de 13 h 30 à 16 h, sauf les jours fériés, sauf le 24 décembre 2026"
    );
}

// A dates list: each with its time, the rest counted.
#[test]
fn dates_list() {
    let (fr, _) = both(&timing("", "20h", "", "05/12/2026|06/12/2026 15h", ""));
    assert_eq!(fr, "Samedi 5 décembre 2026 à 20 h et dimanche 6 décembre 2026 à 15 h");
    let many = "01/12/2026|02/12/2026|03/12/2026|04/12/2026|05/12/2026|06/12/2026";
    let (fr, _) = both(&timing("", "20h", "", many, ""));
    assert!(fr.ends_with("et 2 autres dates"), "{fr}");
}

// A permanent offer and a card's session.
#[test]
fn permanent_and_session() {
    let (fr, en) = both(&timing("", "", "", "", ""));
    assert_eq!(
        (fr.as_str(), en.as_str()),
        ("Aux heures d’ouverture du lieu", "During the venue’s opening hours")
    );
    let fr = Catalogue::load(Language::Fr).expect("fr");
    let s =
        Session { day: passerelle_index::days_from_civil(2026, 12, 8), start: Some(1110), end: Some(1230) };
    assert_eq!(session(&fr, &s).expect("fr"), "Mardi 8 décembre 2026, 18 h 30–20 h 30");
}
