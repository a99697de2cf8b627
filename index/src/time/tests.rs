use super::*;
use crate::{days_from_civil as day, iso_day};

fn tue() -> DayRule {
    DayRule { weekday: 1, rank: 0 }
}

fn days(sessions: &[Session]) -> Vec<String> {
    sessions.iter().map(|s| iso_day(s.day)).collect()
}

/// FWB 2026–2027 school holidays around the new year (Noël) and Toussaint.
fn holidays() -> Holidays {
    Holidays {
        school: vec![(day(2026, 10, 24), day(2026, 11, 8)), (day(2026, 12, 19), day(2027, 1, 3))],
        public: vec![(day(2026, 11, 11), day(2026, 11, 11)), (day(2027, 1, 1), day(2027, 1, 1))],
    }
}

// A Tuesday-evening workshop pauses during the school holidays, across the new year.
#[test]
fn weekly_with_school_holidays_across_new_year() {
    let rec = Recurrence {
        days: vec![tue()],
        start: Some(18 * 60 + 30),
        end: Some(20 * 60 + 30),
        from: Some(day(2026, 12, 1)),
        until: Some(day(2027, 1, 19)),
        pauses: Pauses { school: true, public: false },
        ..Recurrence::default()
    };
    let got = rec.sessions(&holidays(), day(2026, 11, 1), day(2027, 2, 1));
    assert_eq!(
        days(&got),
        ["2026-12-01", "2026-12-08", "2026-12-15", "2027-01-05", "2027-01-12", "2027-01-19"]
    );
    assert!(got.iter().all(|s| s.start == Some(1110) && s.end == Some(1230)));
    let without = Recurrence { pauses: Pauses::default(), ..rec };
    assert_eq!(without.sessions(&holidays(), day(2026, 12, 16), day(2027, 1, 4)).len(), 2, "22, 29 Dec");
}

// "2e mardi" and "1er samedi": the rank counts weekdays from the month's start.
#[test]
fn ranked_monthly_days() {
    let rec = Recurrence {
        days: vec![DayRule { weekday: 1, rank: 2 }, DayRule { weekday: 5, rank: 1 }],
        start: Some(14 * 60),
        ..Recurrence::default()
    };
    let got = rec.sessions(&Holidays::default(), day(2026, 12, 1), day(2027, 2, 28));
    assert_eq!(
        days(&got),
        ["2026-12-05", "2026-12-08", "2027-01-02", "2027-01-12", "2027-02-06", "2027-02-09"]
    );
    // A fifth Wednesday exists only in some months.
    let fifth = Recurrence { days: vec![DayRule { weekday: 2, rank: 5 }], ..Recurrence::default() };
    assert_eq!(
        days(&fifth.sessions(&Holidays::default(), day(2026, 9, 1), day(2026, 12, 31))),
        ["2026-09-30", "2026-12-30"]
    );
}

// "dernier vendredi": the last Friday, whether the month has four or five.
#[test]
fn last_weekday_of_the_month() {
    let rec = Recurrence { days: vec![DayRule { weekday: 4, rank: -1 }], ..Recurrence::default() };
    let got = rec.sessions(&Holidays::default(), day(2026, 10, 1), day(2027, 1, 31));
    assert_eq!(days(&got), ["2026-10-30", "2026-11-27", "2026-12-25", "2027-01-29"]);
    let second_last = Recurrence { days: vec![DayRule { weekday: 4, rank: -2 }], ..Recurrence::default() };
    assert_eq!(
        days(&second_last.sessions(&Holidays::default(), day(2026, 10, 1), day(2026, 10, 31))),
        ["2026-10-23"]
    );
}

// 29 February: a Tuesday in 2028, so a weekly Tuesday rule meets it; month lengths know leap years.
#[test]
fn leap_day() {
    assert_eq!(month_length(2028, 2), 29);
    assert_eq!(month_length(2027, 2), 28);
    assert_eq!(month_length(2100, 2), 28);
    let rec = Recurrence { days: vec![tue()], ..Recurrence::default() };
    let got = rec.sessions(&Holidays::default(), day(2028, 2, 20), day(2028, 3, 3));
    assert_eq!(days(&got), ["2028-02-22", "2028-02-29"]);
    let last = Recurrence { days: vec![DayRule { weekday: 1, rank: -1 }], ..Recurrence::default() };
    assert_eq!(days(&last.sessions(&Holidays::default(), day(2028, 2, 1), day(2028, 2, 29))), ["2028-02-29"]);
}

// A `dates` list: each with its own time or the offer's, exceptions still apply, sorted.
#[test]
fn dates_lists() {
    let rec = Recurrence {
        start: Some(20 * 60),
        end: Some(22 * 60),
        dates: vec![
            Session { day: day(2026, 12, 6), start: Some(15 * 60), end: None },
            Session { day: day(2026, 12, 5), start: None, end: None },
            Session { day: day(2027, 1, 1), start: None, end: None },
        ],
        pauses: Pauses { school: false, public: true },
        ..Recurrence::default()
    };
    let got = rec.sessions(&holidays(), day(2026, 1, 1), day(2027, 12, 31));
    assert_eq!(
        got,
        [
            Session { day: day(2026, 12, 5), start: Some(1200), end: Some(1320) },
            Session { day: day(2026, 12, 6), start: Some(900), end: None },
        ]
    );
    assert!(!rec.is_permanent());
}

// Permanent offers have no sessions and are open between their bounds; a daily rule with a
// time is a session every day of its span.
#[test]
fn permanent_and_daily() {
    let rec =
        Recurrence { from: Some(day(2026, 4, 15)), until: Some(day(2026, 6, 14)), ..Recurrence::default() };
    assert!(rec.is_permanent());
    assert!(rec.sessions(&holidays(), day(2026, 1, 1), day(2027, 1, 1)).is_empty());
    assert!(rec.is_open_on(day(2026, 5, 1)) && !rec.is_open_on(day(2026, 6, 15)));
    assert!(Recurrence::default().is_open_on(day(2030, 1, 1)));
    let festival = Recurrence {
        start: Some(18 * 60 + 30),
        from: Some(day(2026, 11, 25)),
        until: Some(day(2026, 11, 27)),
        ..Recurrence::default()
    };
    assert_eq!(
        days(&festival.sessions(&holidays(), day(2026, 11, 1), day(2026, 12, 1))),
        ["2026-11-25", "2026-11-26", "2026-11-27"]
    );
}

// Explicit exceptions: a single day and a range.
#[test]
fn explicit_exceptions() {
    let rec = Recurrence {
        days: vec![tue()],
        except: vec![(day(2026, 12, 8), day(2026, 12, 8)), (day(2026, 12, 20), day(2027, 1, 10))],
        ..Recurrence::default()
    };
    let got = rec.sessions(&Holidays::default(), day(2026, 12, 1), day(2027, 1, 20));
    assert_eq!(days(&got), ["2026-12-01", "2026-12-15", "2027-01-12", "2027-01-19"]);
}

// The next session: today's counts until it ends; a rule that ended has none.
#[test]
fn next_session() {
    let rec = Recurrence {
        days: vec![tue()],
        start: Some(18 * 60 + 30),
        end: Some(20 * 60 + 30),
        until: Some(day(2027, 6, 29)),
        pauses: Pauses { school: true, public: false },
        ..Recurrence::default()
    };
    let tuesday = day(2026, 12, 15);
    let h = holidays();
    let horizon = tuesday + HORIZON_DAYS;
    assert_eq!(rec.next(&h, (tuesday, 19 * 60), horizon).map(|s| s.day), Some(tuesday), "in progress");
    assert_eq!(
        rec.next(&h, (tuesday, 20 * 60 + 30), horizon).map(|s| s.day),
        Some(day(2027, 1, 5)),
        "after the holidays"
    );
    assert_eq!(rec.next(&h, (day(2027, 6, 30), 0), horizon), None, "ended");
    assert_eq!(rec.upcoming(&h, (tuesday, 21 * 60), day(2027, 1, 12)).len(), 2);
}

// Windows: today, the weekend, Sunday night, the month's last day.
#[test]
fn windows() {
    let w = Windows::at(day(2026, 12, 1)); // a Tuesday
    assert_eq!(
        (w.weekend_start, w.sunday, w.month_end),
        (day(2026, 12, 5), day(2026, 12, 6), day(2026, 12, 31))
    );
    let sunday = Windows::at(day(2026, 12, 6));
    assert_eq!((sunday.weekend_start, sunday.sunday), (day(2026, 12, 6), day(2026, 12, 6)));
    assert_eq!(PartOfDay::of(11 * 60 + 59), PartOfDay::Morning);
    assert_eq!(PartOfDay::of(12 * 60), PartOfDay::Afternoon);
    assert_eq!(PartOfDay::of(18 * 60), PartOfDay::Evening);
}
