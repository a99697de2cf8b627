use super::*;
use crate::records::{DayRule, Except, Pauses};

// The model sits before `load` in the pipeline: its tests spell the cells' values directly.
fn days(cell: &str) -> Result<Vec<DayRule>, ()> {
    let names = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
    Ok(cell
        .split('|')
        .filter(|d| !d.is_empty())
        .filter_map(|d| names.iter().position(|n| *n == d))
        .map(|w| DayRule { weekday: w as u8, rank: 0 })
        .collect())
}
fn time(cell: &str) -> Result<Option<u16>, ()> {
    Ok(cell.split_once('h').map(|(h, m)| h.parse::<u16>().unwrap_or(0) * 60 + m.parse::<u16>().unwrap_or(0)))
}
fn except(_: &str) -> Result<Except, ()> {
    Ok(Except { pauses: Pauses { school: true, public: false }, ..Except::default() })
}
use chrono::{NaiveDate, Timelike};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn offer(
    days_cell: &str,
    start: &str,
    end: &str,
    starts: Option<NaiveDate>,
    ends: Option<NaiveDate>,
) -> Offer {
    Offer {
        days: days(days_cell).expect("days"),
        start_time: time(start).expect("start"),
        end_time: time(end).expect("end"),
        starts_on: starts,
        ends_on: ends,
        ..Offer::default()
    }
}

// A Tuesday 18:30 session is 17:30 UTC in winter and 16:30 UTC in summer: the instants follow
// the March and October changes of Europe/Brussels.
#[test]
fn dst_changes_in_march_and_october() {
    let zone = chrono_tz::Europe::Brussels;
    let o = offer("mardi", "18h30", "20h30", Some(date(2027, 3, 16)), Some(date(2027, 11, 2)));
    let timing = Timing::new(&o, &Holidays::default(), date(2027, 3, 1));
    let utc_hours: Vec<(String, u32)> = timing
        .sessions
        .iter()
        .filter(|s| {
            let d = super::date_of(s.day);
            d <= date(2027, 4, 6) || d >= date(2027, 10, 26)
        })
        .map(|s| {
            let t = instant(zone, s.day, s.start.expect("time")).expect("exists");
            (passerelle_index::iso_day(s.day), t.hour())
        })
        .collect();
    // Summer time runs from Sunday 28 March to Sunday 31 October 2027.
    let expect = [
        ("2027-03-16", 17),
        ("2027-03-23", 17),
        ("2027-03-30", 16),
        ("2027-04-06", 16),
        ("2027-10-26", 16),
        ("2027-11-02", 17),
    ];
    let expect: Vec<(String, u32)> = expect.iter().map(|(d, h)| (d.to_string(), *h)).collect();
    assert_eq!(utc_hours, expect);
    // 02:30 on 28 March 2027 does not exist; 02:30 on 31 October 2027 happens twice.
    let spring = super::day_number(date(2027, 3, 28));
    assert_eq!(instant(zone, spring, 150), None);
    let autumn = super::day_number(date(2027, 10, 31));
    assert_eq!(instant(zone, autumn, 150).map(|t| t.hour()), Some(0), "the first 02:30, summer time");
}

// A one-off event, a weekly workshop over, a permanent exhibition: next session and ended.
#[test]
fn next_and_ended() {
    let h = Holidays::default();
    let one_off = offer("", "20h", "", Some(date(2026, 12, 5)), None);
    let t = Timing::new(&one_off, &h, date(2026, 12, 1));
    assert_eq!(t.sessions.len(), 1);
    assert_eq!(t.next.map(|s| (s.day, s.start)), Some((super::day_number(date(2026, 12, 5)), Some(1200))));
    assert!(!Timing::new(&one_off, &h, date(2026, 12, 5)).ended, "on its day");
    assert!(Timing::new(&one_off, &h, date(2026, 12, 6)).ended);
    let weekly = offer("jeudi", "14h", "16h", Some(date(2026, 9, 1)), Some(date(2026, 11, 30)));
    let over = Timing::new(&weekly, &h, date(2026, 12, 1));
    assert!(over.ended && over.next.is_none());
    assert_eq!(over.order().0, 3, "ended last");
    let expo = offer("", "", "", Some(date(2026, 4, 15)), Some(date(2026, 6, 14)));
    assert!(Timing::new(&expo, &h, date(2026, 12, 1)).ended);
    let library = offer("", "", "", None, None);
    let open = Timing::new(&library, &h, date(2026, 12, 1));
    assert!(open.is_permanent() && !open.ended && open.on_between(date(2026, 12, 1), date(2026, 12, 6)));
    assert_eq!(open.order().0, 1, "permanent after dated");
}

// Holidays from rows: school and public apart, a missing end is one day.
#[test]
fn holidays_from_rows() {
    let rows = [
        Holiday { starts_on: Some(date(2026, 12, 25)), kind: HolidayKind::Public, ..Holiday::default() },
        Holiday {
            starts_on: Some(date(2026, 12, 21)),
            ends_on: Some(date(2027, 1, 1)),
            kind: HolidayKind::School,
            ..Holiday::default()
        },
    ];
    let h = holidays(&rows);
    let d = |y, m, dd| super::day_number(date(y, m, dd));
    assert_eq!(h.public, [(d(2026, 12, 25), d(2026, 12, 25))]);
    assert_eq!(h.school, [(d(2026, 12, 21), d(2027, 1, 1))]);
    let mut o = offer("lundi", "10h", "", Some(date(2026, 12, 14)), Some(date(2027, 1, 11)));
    o.except = except("vacances scolaires").expect("valid");
    let t = Timing::new(&o, &h, date(2026, 12, 1));
    let got: Vec<String> = t.sessions.iter().map(|s| passerelle_index::iso_day(s.day)).collect();
    assert_eq!(got, ["2026-12-14", "2027-01-04", "2027-01-11"]);
}
