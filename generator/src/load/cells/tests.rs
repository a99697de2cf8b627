use super::*;

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

// ISO and French day-first dates parse; two-digit years, impossible days and words do not.
#[test]
fn dates() {
    assert_eq!(date("2026-06-15"), Ok(ymd(2026, 6, 15)));
    assert_eq!(date("15/06/2026"), Ok(ymd(2026, 6, 15)));
    assert_eq!(date("5-6-2026"), Ok(ymd(2026, 6, 5)));
    assert_eq!(date("15.06.2026"), Ok(ymd(2026, 6, 15)));
    assert_eq!(date(""), Ok(None));
    for bad in ["15/06/26", "31/02/2026", "2026-13-01", "demain", "2026/06/15", "1/2/3/4", "+1/06/2026"] {
        let error = date(bad).expect_err(bad);
        assert_eq!(error.hint.as_deref(), Some("expected 2026-06-15 or 15/06/2026"), "{bad}");
    }
}

// Numbers accept a decimal comma; NaN, infinity and text are refused.
#[test]
fn numbers() {
    assert_eq!(number("50,6401"), Ok(Some(50.6401)));
    assert_eq!(number("-5.5"), Ok(Some(-5.5)));
    assert_eq!(number(""), Ok(None));
    for bad in ["NaN", "inf", "1,2,3", "nord", "."] {
        assert!(number(bad).is_err(), "{bad}");
    }
}

// Whole numbers allow thousands spaces; ages stop at 120.
#[test]
fn wholes_and_ages() {
    assert_eq!(whole("9 120"), Ok(Some(9120)));
    assert!(whole("9.5").is_err() && whole("-3").is_err());
    assert_eq!(age("12"), Ok(Some(12)));
    assert!(age("121").is_err() && age("300").is_err() && age("douze").is_err());
}

// yes/no words in both languages; anything else is a problem.
#[test]
fn yes_no_words() {
    for yes in ["yes", "Oui", "TRUE", "vrai", "1", "x"] {
        assert_eq!(yes_no(yes), Ok(true), "{yes}");
    }
    for no in ["", "no", "Non", "false", "faux", "0"] {
        assert_eq!(yes_no(no), Ok(false), "{no}");
    }
    assert!(yes_no("peut-être").is_err());
}

// Lists split on |, or on , and ; when there is no |; trimmed, empties dropped.
#[test]
fn lists() {
    assert_eq!(list("a | b||c"), ["a", "b", "c"]);
    assert_eq!(list("a, b; c"), ["a", "b", "c"]);
    assert_eq!(list("a,b|c"), ["a,b", "c"]);
    assert!(list(" ").is_empty());
}

// The districts cell: empty = venue, all/tous/toutes = every district, else a list.
#[test]
fn scopes() {
    assert_eq!(scope(""), DistrictScope::Venue);
    assert_eq!(scope("Tous"), DistrictScope::All);
    assert_eq!(scope("toutes"), DistrictScope::All);
    assert_eq!(scope("bressoux|droixhe"), DistrictScope::Listed(vec!["bressoux".into(), "droixhe".into()]));
}

// Price and status codes in English or French; unknown ones get a did-you-mean.
#[test]
fn coded_values() {
    assert_eq!(price("Gratuit"), Ok(Some(Price::Free)));
    assert_eq!(price("prix libre"), Ok(Some(Price::PayWhatYouCan)));
    assert_eq!(price(""), Ok(None));
    assert_eq!(status("Annulé"), Ok(Status::Cancelled));
    assert_eq!(status(""), Ok(Status::Open));
    assert_eq!(status("complet"), Ok(Status::Full));
    let error = price("fre").expect_err("unknown");
    assert_eq!(error.hint.as_deref(), Some("did you mean \"free\"?"));
    assert!(status("zzz").expect_err("unknown").hint.unwrap_or_default().starts_with("expected one of"));
}
