//! iCalendar (RFC 5545): `data/agenda.ics` with every dated offer, and `offers/<id>.ics`
//! for one offer (the "add to calendar" link of its page). An offer is dated when it has a
//! `starts_on`.
//!
//! Each offer is one all-day event from `starts_on` to `ends_on` (DTEND is the day after, as
//! all-day DTENDs are exclusive); the free-text `schedule` is not parsed, it goes in the
//! DESCRIPTION under the summary. LOCATION is the venue's name and address, GEO its
//! coordinates, URL the offer page when `base_url` is set (absolute only), UID
//! `<offer-id>@<host of base_url, or "passerelle">`, DTSTAMP the offer's `updated_on` (else the
//! build's day: never the clock, so builds are reproducible). Text is iCalendar-escaped and
//! lines folded by the `ics` crate; it is plain text, so markup in the data stays as typed.
//! Events are transparent (a month-long workshop does not mark the month busy) and a cancelled
//! offer is `STATUS:CANCELLED`, so subscribed calendars update.

use super::urls::BaseUrl;
use crate::config::Config;
use crate::model::{Charter, Offer, Status};
use anyhow::Result;
use chrono::{Days, NaiveDate};
use ics::components::Property;
use ics::escape_text;
use ics::parameters::Value;
use ics::properties::{
    CalScale, Description, DtEnd, DtStart, Geo, Location, Method, Name, ProdID, Summary, Transp, Version, URL,
};
use std::fmt::Write as _;
use std::io::Write;

/// The PRODID of every calendar Passerelle writes.
const PRODID: &str = "-//Passerelle//Passerelle//FR";

/// Writes `data/agenda.ics` to `w`: every dated offer, in id order, one event at a time.
pub fn agenda(charter: &Charter, config: &Config, base: Option<&BaseUrl>, w: &mut dyn Write) -> Result<()> {
    let mut text = String::new();
    open(&mut text, &config.title);
    w.write_all(text.as_bytes())?;
    for offer in charter.offers.iter().filter(|o| o.starts_on.is_some()) {
        text.clear();
        event(&mut text, charter, base, offer);
        w.write_all(text.as_bytes())?;
    }
    w.write_all(b"END:VCALENDAR\r\n")?;
    Ok(())
}

/// `offers/<id>.ics`: one offer's calendar, `None` when it has no date.
pub fn offer(charter: &Charter, base: Option<&BaseUrl>, offer: &Offer) -> Option<Vec<u8>> {
    offer.starts_on?;
    let mut text = String::new();
    open(&mut text, &offer.title);
    event(&mut text, charter, base, offer);
    text.push_str("END:VCALENDAR\r\n");
    Some(text.into_bytes())
}

/// `BEGIN:VCALENDAR` and the calendar's properties.
fn open(text: &mut String, name: &str) {
    text.push_str("BEGIN:VCALENDAR\r\n");
    let name = escape_text(name);
    let properties: [Property; 6] = [
        Version::new("2.0").into(),
        ProdID::new(PRODID).into(),
        CalScale::new("GREGORIAN").into(),
        Method::new("PUBLISH").into(),
        Name::new(name.clone()).into(),
        Property::new("X-WR-CALNAME", name),
    ];
    for property in properties {
        push(text, property);
    }
}

/// One offer's VEVENT (the caller checked it has a start).
fn event(text: &mut String, charter: &Charter, base: Option<&BaseUrl>, offer: &Offer) {
    let Some(start) = offer.starts_on else { return };
    let end = offer.ends_on.filter(|&end| end >= start).unwrap_or(start);
    let host = base.map_or("passerelle", BaseUrl::host);
    let stamp = offer.updated_on.unwrap_or(charter.today);
    let mut event =
        ics::Event::new(format!("{}@{host}", offer.id), stamp.format("%Y%m%dT000000Z").to_string());
    event.push(date_property(DtStart::new(basic(start))));
    event.push(date_property(DtEnd::new(basic(end.checked_add_days(Days::new(1)).unwrap_or(end)))));
    event.push(Summary::new(escape_text(offer.title.as_str())));
    let description = [offer.summary.as_str(), offer.schedule.as_str()]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    if !description.is_empty() {
        event.push(Description::new(escape_text(description)));
    }
    if let Some(venue) = charter.offer_venue(offer) {
        let town = [venue.postcode.as_str(), venue.city.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let place = [venue.name.as_str(), venue.address.as_str(), town.as_str()]
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        event.push(Location::new(escape_text(place)));
        if let (Some(lat), Some(lon)) = (venue.lat, venue.lon) {
            event.push(Geo::new(format!("{lat};{lon}")));
        }
    }
    if let Some(base) = base {
        event.push(URL::new(base.join(&crate::render::views::record_path("offers", &offer.id))));
    }
    event.push(ics::properties::Status::new(if offer.status == Status::Cancelled {
        "CANCELLED"
    } else {
        "CONFIRMED"
    }));
    event.push(Transp::new("TRANSPARENT"));
    let _ = write!(text, "{event}");
}

/// A DTSTART or DTEND marked `VALUE=DATE`.
fn date_property<'a, P: Into<Property<'a>>>(property: P) -> Property<'a> {
    let mut property: Property = property.into();
    property.add(Value::DATE);
    property
}

/// `YYYYMMDD`, iCalendar's DATE form.
fn basic(day: NaiveDate) -> String {
    day.format("%Y%m%d").to_string()
}

fn push(text: &mut String, property: Property) {
    let _ = write!(text, "{property}");
}

#[cfg(test)]
mod tests {
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

    // Every line ends in CRLF and stays within 75 octets (plus the folding space); folding
    // never splits a UTF-8 character; the calendar is well nested.
    #[test]
    fn lines_are_folded_with_crlf() {
        let mut bytes = Vec::new();
        agenda(&fixture::charter(), &fixture::config(None), None, &mut bytes).expect("agenda");
        let text = String::from_utf8(bytes).expect("folding keeps UTF-8 whole");
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "bare LF");
        for line in text.split("\r\n") {
            assert!(line.len() <= 76, "{} octets: {line:?}", line.len());
        }
        assert!(text.contains("\r\n "), "the long summary was folded");
        let lines = unfold(&text);
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 2, "the two dated offers");
        assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    }

    // Text is escaped for iCalendar and stays plain text: markup comes out as typed, and
    // commas, semicolons, backslashes and line breaks round-trip.
    #[test]
    fn text_is_escaped_not_html_encoded() {
        let charter = fixture::charter();
        let slam = charter.offer("atelier-slam").expect("offer");
        let text = String::from_utf8(offer(&charter, None, slam).expect("dated")).expect("utf-8");
        let lines = unfold(&text);
        let value = |name: &str| {
            lines
                .iter()
                .find_map(|l| l.strip_prefix(name))
                .unwrap_or_else(|| panic!("{name} in {text}"))
                .to_owned()
        };
        let summary = value("SUMMARY:");
        assert!(summary.contains("<script>"), "plain text, not HTML: {summary}");
        assert!(!summary.contains("&lt;"));
        assert!(summary.contains("Slam\\, rap\\; & poésie \\\\ Bressoux"), "{summary}");
        assert_eq!(unescape(&summary), fixture::HOSTILE_TITLE);
        let description = unescape(&value("DESCRIPTION:"));
        assert_eq!(description, format!("{}\nmercredis 14h–16h; sur inscription, gratuit", slam.summary));
        assert_eq!(
            unescape(&value("LOCATION:")),
            "Maison de quartier <Bressoux>, rue du Moulin 1, 4020 Liège"
        );
    }

    // Dates are all-day (DTEND exclusive), UID and DTSTAMP are stable, the URL is absolute
    // only with a base URL, and a cancelled offer says so.
    #[test]
    fn events_are_all_day_and_reproducible() {
        let charter = fixture::charter();
        let base = BaseUrl::parse("https://charte.example.org/").expect("base");
        let slam = charter.offer("atelier-slam").expect("offer");
        let with_base = String::from_utf8(offer(&charter, Some(&base), slam).expect("dated")).expect("utf-8");
        let lines = unfold(&with_base);
        for expected in [
            "DTSTART;VALUE=DATE:20261125",
            "DTEND;VALUE=DATE:20261217",
            "UID:atelier-slam@charte.example.org",
            "DTSTAMP:20261110T000000Z",
            "URL:https://charte.example.org/offers/atelier-slam.html",
            "GEO:50.6452;5.6011",
            "STATUS:CONFIRMED",
        ] {
            assert!(lines.iter().any(|l| l == expected), "{expected} missing in {with_base}");
        }
        let without = unfold(&String::from_utf8(offer(&charter, None, slam).expect("dated")).expect("utf-8"));
        assert!(without.iter().any(|l| l == "UID:atelier-slam@passerelle"));
        assert!(!without.iter().any(|l| l.starts_with("URL")), "no relative URL in a calendar");
        let cancelled = charter.offer("concert-annule").expect("offer");
        let lines =
            unfold(&String::from_utf8(offer(&charter, None, cancelled).expect("dated")).expect("utf-8"));
        assert!(lines.iter().any(|l| l == "STATUS:CANCELLED"));
        assert!(lines.iter().any(|l| l == "DTSTAMP:20261121T000000Z"), "no updated_on: the build's day");
        assert!(lines.iter().any(|l| l == "DTEND;VALUE=DATE:20261206"), "one day");
        assert!(
            offer(&charter, None, charter.offer("lecture-libre").expect("offer")).is_none(),
            "ongoing: no calendar"
        );
    }
}
