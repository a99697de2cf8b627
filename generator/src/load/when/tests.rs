use super::*;

fn rule(weekday: u8, rank: i8) -> DayRule {
    DayRule { weekday, rank }
}

// English codes, French names, plurals, ranks in digits or words, glued or spaced.
#[test]
fn weekdays_and_ranks() {
    let cases = [
        ("tue", rule(1, 0)),
        ("Mardi", rule(1, 0)),
        ("mercredis", rule(2, 0)),
        ("2tue", rule(1, 2)),
        ("2e mardi", rule(1, 2)),
        ("2ème mardi", rule(1, 2)),
        ("1er samedi", rule(5, 1)),
        ("premier dimanche", rule(6, 1)),
        ("-1fri", rule(4, -1)),
        ("dernier vendredi", rule(4, -1)),
        ("avant-dernier jeudi", rule(3, -2)),
        ("last Friday", rule(4, -1)),
    ];
    for (text, expected) in cases {
        assert_eq!(day_rule(text), Ok(expected), "{text}");
    }
    assert_eq!(days("mardi|jeudi|mardi"), Ok(vec![rule(1, 0), rule(3, 0)]));
    assert_eq!(days("lundi, jeudi"), Ok(vec![rule(0, 0), rule(3, 0)]));
    assert_eq!(days(""), Ok(vec![]));
}

// Unknown names and impossible ranks are problems whose hint shows the accepted forms.
#[test]
fn bad_weekdays() {
    for text in ["mardy", "6e mardi", "0tue", "-7fri", "2", "e mardi"] {
        let problem = day_rule(text).expect_err(text);
        assert!(problem.hint.is_some(), "{text}");
    }
    assert!(day_rule("mardy").is_err_and(|p| p.message.contains("mardy")));
}

// 14:00, 14h, 14h30, 14 h 30; out-of-range or half-written times are refused.
#[test]
fn times() {
    assert_eq!(time("14:00"), Ok(Some(840)));
    assert_eq!(time("14h"), Ok(Some(840)));
    assert_eq!(time("14H30"), Ok(Some(870)));
    assert_eq!(time("9 h 05"), Ok(Some(545)));
    assert_eq!(time(""), Ok(None));
    for bad in ["25h", "14h60", "14h5", "14", "14:", "midi", "1400"] {
        assert!(time(bad).is_err(), "{bad}");
    }
}

// Dates with an optional time or span, ISO or French.
#[test]
fn dates_lists() {
    let got = dates("05/12/2026 20h|2026-12-06 15h–17h30|07/12/2026").expect("valid");
    let d = |y, m, dd| passerelle_index::days_from_civil(y, m, dd);
    assert_eq!(
        got,
        [
            Session { day: d(2026, 12, 5), start: Some(1200), end: None },
            Session { day: d(2026, 12, 6), start: Some(900), end: Some(1050) },
            Session { day: d(2026, 12, 7), start: None, end: None },
        ]
    );
    for bad in ["29/02/2027 20h", "05/12/2026 25h", "05/12/2026 18h-17h", "demain"] {
        assert!(dates(bad).is_err(), "{bad}");
    }
    assert!(dates("29/02/2028 20h").is_ok(), "a leap day");
}

// Exceptions: dates, ranges, the two holiday keywords in English or French.
#[test]
fn exceptions() {
    let got = except("vacances_scolaires|jours fériés|11/11/2026|21/12/2026..03/01/2027").expect("valid");
    assert!(got.pauses.school && got.pauses.public);
    let d = |y, m, dd| passerelle_index::days_from_civil(y, m, dd);
    assert_eq!(got.ranges, [(d(2026, 11, 11), d(2026, 11, 11)), (d(2026, 12, 21), d(2027, 1, 3))]);
    assert_eq!(except("school_holidays").map(|e| e.pauses.school), Ok(true));
    for bad in ["noël", "03/01/2027..21/12/2026", "21/12/2026..", "32/12/2026"] {
        assert!(except(bad).is_err(), "{bad}");
    }
}
