use super::*;
use crate::diagnostics::Severity;
use crate::load::when::{dates, days, except, time};
use crate::model::records::{Holiday, Origin};
use chrono::NaiveDate;

fn origin() -> Origin {
    let columns = ["days", "start_time", "end_time", "dates", "except", "starts_on", "ends_on", "name"];
    Origin {
        file: "data/offers.csv".into(),
        line: 2,
        columns: columns.iter().map(|c| (*c, 1)).collect(),
        lines: vec![],
    }
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn run(records: &Records) -> Vec<(Severity, String)> {
    let mut d = Diagnostics::default();
    check(records, &mut d);
    d.iter().map(|x| (x.severity, x.message.clone())).collect()
}

fn offer(days_cell: &str, start: &str, end: &str) -> Offer {
    Offer {
        days: days(days_cell).expect("days"),
        start_time: time(start).expect("start"),
        end_time: time(end).expect("end"),
        origin: origin(),
        ..Offer::default()
    }
}

// An end without a start, an end before its start, a time with no day: errors.
#[test]
fn times_that_cannot_be() {
    let records = Records {
        offers: vec![offer("mardi", "", "16h"), offer("mardi", "18h", "17h30"), offer("", "14h", "")],
        ..Records::default()
    };
    let got = run(&records);
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got.iter().all(|(s, _)| *s == Severity::Error));
    assert!(got[1].1.contains("17:30"), "{got:?}");
}

// "2e mardi" in a period without one, a date list outside its bounds, holidays not listed:
// warnings.
#[test]
fn recurrences_without_sessions() {
    let mut none = offer("2e mardi", "14h", "");
    (none.starts_on, none.ends_on) = (date(2026, 12, 1), date(2026, 12, 7));
    let mut outside = offer("", "20h", "");
    outside.dates = dates("05/12/2026|06/01/2027").expect("dates");
    (outside.starts_on, outside.ends_on) = (date(2026, 12, 1), date(2026, 12, 31));
    let mut pausing = offer("mardi", "18h", "");
    pausing.except = except("vacances scolaires|jours fériés").expect("except");
    let records = Records { offers: vec![none, outside, pausing], ..Records::default() };
    let got = run(&records);
    let messages: Vec<&str> = got.iter().map(|(_, m)| m.as_str()).collect();
    assert!(got.iter().all(|(s, _)| *s == Severity::Warning), "{got:?}");
    assert_eq!(messages.len(), 4, "{messages:?}");
    assert!(messages[0].contains("no session"));
    assert!(messages[1].contains("2027-01-06"));
    assert!(messages[2].contains("school") && messages[3].contains("public"));
}

// A holiday with no start, or ending before it starts: errors; a good row passes.
#[test]
fn holiday_rows() {
    let holiday = |id: &str, starts_on, ends_on| Holiday {
        id: id.into(),
        name: "Noël".into(),
        starts_on,
        ends_on,
        origin: origin(),
        ..Holiday::default()
    };
    let records = Records {
        holidays: vec![
            holiday("a", None, None),
            holiday("b", date(2027, 1, 1), date(2026, 12, 21)),
            holiday("c", date(2026, 12, 21), date(2027, 1, 1)),
        ],
        ..Records::default()
    };
    let got = run(&records);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].1.contains("start") && got[1].1.contains("before"));
}
