use super::*;
use crate::export::fixture;

/// Unfolds iCalendar content lines (a CRLF followed by a space continues the line).
fn unfold(text: &str) -> Vec<String> {
    text.replace("\r\n ", "").split("\r\n").filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

/// Reverses iCalendar TEXT escaping.
fn unescape(value: &str) -> String {
    value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")
}

fn offer_text(charter: &Charter, base: Option<&BaseUrl>, id: &str) -> String {
    let config = fixture::config(None);
    let writer = Writer::new(charter, &config, base);
    let bytes = writer.offer(charter.offer(id).expect("offer")).expect("has sessions");
    String::from_utf8(bytes).expect("utf-8")
}

// Every line ends in CRLF and stays within 75 octets (plus the folding space); folding never
// splits a UTF-8 character; the calendar is well nested and carries the zone.
#[test]
fn lines_are_folded_with_crlf() {
    let charter = fixture::charter();
    let config = fixture::config(None);
    let mut bytes = Vec::new();
    Writer::new(&charter, &config, None).feed("Agenda", &|_| true, &mut bytes).expect("feed");
    let text = String::from_utf8(bytes).expect("folding keeps UTF-8 whole");
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "bare LF");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    assert!(text.contains("\r\n "), "the long summary was folded");
    let lines = unfold(&text);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert!(lines.iter().any(|l| l == "TZID:Europe/Brussels"));
    assert!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count() >= 2);
}

// Text is escaped for iCalendar and stays plain text: markup comes out as typed.
#[test]
fn text_is_escaped_not_html_encoded() {
    let charter = fixture::charter();
    let text = offer_text(&charter, None, "atelier-slam");
    let lines = unfold(&text);
    let value = |name: &str| {
        lines
            .iter()
            .find_map(|l| l.strip_prefix(name))
            .unwrap_or_else(|| panic!("{name} in {text}"))
            .to_owned()
    };
    let summary = value("SUMMARY:");
    assert!(summary.contains("<script>") && !summary.contains("&lt;"), "{summary}");
    assert_eq!(unescape(&summary), fixture::HOSTILE_TITLE);
    let slam = charter.offer("atelier-slam").expect("offer");
    assert_eq!(
        unescape(&value("DESCRIPTION:")),
        format!("{}\nmercredis 14h–16h; sur inscription, gratuit", slam.summary)
    );
    assert_eq!(unescape(&value("LOCATION:")), "Maison de quartier <Bressoux>, rue du Moulin 1, 4020 Liège");
}

// A weekly workshop is a weekly rule at its times in the site's zone, its holidays EXDATEs;
// UID and DTSTAMP are stable; the URL is absolute only with a base URL; cancelled says so.
#[test]
fn weekly_rule_with_zone_and_exceptions() {
    let charter = fixture::charter();
    let base = BaseUrl::parse("https://charte.example.org/").expect("base");
    let text = offer_text(&charter, Some(&base), "atelier-slam");
    let lines = unfold(&text);
    for expected in [
        "DTSTART;TZID=Europe/Brussels:20261125T140000",
        "DTEND;TZID=Europe/Brussels:20261125T160000",
        "RRULE:FREQ=WEEKLY;BYDAY=WE;UNTIL=20261216T225959Z",
        "EXDATE;TZID=Europe/Brussels:20261202T140000",
        "UID:atelier-slam@charte.example.org",
        "DTSTAMP:20261110T000000Z",
        "URL:https://charte.example.org/offers/atelier-slam.html",
        "GEO:50.6452;5.6011",
        "STATUS:CONFIRMED",
        "BEGIN:VTIMEZONE",
    ] {
        assert!(lines.iter().any(|l| l == expected), "{expected} missing in {text}");
    }
    let without = unfold(&offer_text(&charter, None, "atelier-slam"));
    assert!(without.iter().any(|l| l == "UID:atelier-slam@passerelle"));
    assert!(!without.iter().any(|l| l.starts_with("URL")), "no relative URL in a calendar");
    let cancelled = unfold(&offer_text(&charter, None, "concert-annule"));
    assert!(cancelled.iter().any(|l| l == "STATUS:CANCELLED"));
    assert!(cancelled.iter().any(|l| l == "DTSTAMP:20261121T000000Z"), "no updated_on: the build's day");
    assert!(cancelled.iter().any(|l| l == "DTSTART;VALUE=DATE:20261205"), "all day");
    assert!(cancelled.iter().any(|l| l == "DTEND;VALUE=DATE:20261206"), "one day");
    let config = fixture::config(None);
    let ongoing = charter.offer("lecture-libre").expect("offer");
    assert!(Writer::new(&charter, &config, None).offer(ongoing).is_none(), "permanent: no calendar");
}

// Sessions with other times than the rule's are events of their own; the CSV lists all.
#[test]
fn sessions_csv_lists_every_session() {
    let charter = fixture::charter();
    let mut bytes = Vec::new();
    sessions_csv(&charter, &mut bytes).expect("csv");
    let text = String::from_utf8(bytes).expect("utf-8");
    assert!(text.starts_with("offer,start,end\n"));
    assert!(text.contains("atelier-slam,2026-11-25T14:00,2026-11-25T16:00\n"), "{text}");
    assert!(text.contains("concert-annule,2026-12-05,\n"), "{text}");
    assert!(!text.contains("atelier-slam,2026-12-02"), "the exception is not a session");
}
