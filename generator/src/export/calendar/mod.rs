//! iCalendar (RFC 5545): one `.ics` per offer with sessions (`offers/<id>.ics`, beside its
//! page: the "add to calendar" link) and subscribable feeds of the current offers: the whole
//! charter (`data/agenda.ics`), each district (`calendars/districts/<id>.ics`) and each audience
//! (`calendars/audiences/<code>.ics`). Beside them, `data/sessions.csv` lists every session the
//! site computed, so an independent implementation can check the calendars expand to it.
//!
//! Each offer's sessions are events in the site's zone ([`events`]: `RRULE`, `EXDATE`,
//! `RDATE`, `DTSTART;TZID=…`), and every calendar carries that zone's `VTIMEZONE` ([`zone`]).
//! SUMMARY is the title, DESCRIPTION the summary and the schedule sentence as written in the
//! data, LOCATION the venue's name and address, GEO its coordinates, URL the offer page when
//! `base_url` is set (absolute only), UID `<offer-id>@<host of base_url, or "passerelle">`,
//! DTSTAMP the offer's `updated_on` (else the build's day: never the clock, so builds are
//! reproducible). Text is iCalendar-escaped and lines folded at 75 octets by the `ics` crate; a
//! cancelled offer is `STATUS:CANCELLED`, so subscribed calendars update.

pub mod events;
pub mod zone;

use super::urls::BaseUrl;
use crate::config::Config;
use crate::load::when::{date_of, day_number};
use crate::model::time::{HORIZON_DAYS, PAST_DAYS};
use crate::model::{Charter, Offer, Status};
use anyhow::Result;
use chrono::Datelike;
use events::{end_value, occurrences, start_value, Occurrences};
use ics::components::{Parameter, Property};
use ics::escape_text;
use ics::parameters::Value;
use ics::properties::{
    CalScale, Description, DtEnd, DtStart, Geo, Location, Method, Name, ProdID, Summary, Version, URL,
};
use std::fmt::Write as _;
use std::io::Write;

/// The PRODID of every calendar Passerelle writes.
const PRODID: &str = "-//Passerelle//Passerelle//FR";

/// The days of the site's own list of sessions (and of `data/sessions.csv`).
pub fn window(charter: &Charter) -> (i32, i32) {
    let today = day_number(charter.today);
    (today - PAST_DAYS, today + HORIZON_DAYS)
}

pub use crate::render::views::{audience_feed as audience_path, district_feed as district_path};

/// What every calendar of one build shares: the zone, its VTIMEZONE, the base URL.
pub struct Writer<'a> {
    charter: &'a Charter,
    zone: chrono_tz::Tz,
    vtimezone: String,
    base: Option<&'a BaseUrl>,
}

impl<'a> Writer<'a> {
    pub fn new(charter: &'a Charter, config: &Config, base: Option<&'a BaseUrl>) -> Writer<'a> {
        let zone = config.zone();
        let (lo, hi) = window(charter);
        let vtimezone = zone::vtimezone(zone, date_of(lo).year() - 1, date_of(hi).year() + 1);
        Writer { charter, zone, vtimezone, base }
    }

    /// A feed: every current offer `keep` accepts, in id order, one event at a time.
    pub fn feed(&self, name: &str, keep: &dyn Fn(&Offer) -> bool, w: &mut dyn Write) -> Result<()> {
        let mut text = String::new();
        self.open(&mut text, name);
        w.write_all(fold(&text).as_bytes())?;
        for offer in self.charter.current_offers().filter(|o| keep(o)) {
            text.clear();
            self.events(&mut text, offer);
            w.write_all(fold(&text).as_bytes())?;
        }
        w.write_all(b"END:VCALENDAR\r\n")?;
        Ok(())
    }

    /// `offers/<id>.ics`: one offer's calendar, `None` when it has no session.
    pub fn offer(&self, offer: &Offer) -> Option<Vec<u8>> {
        if self.charter.timing(offer).sessions.is_empty() {
            return None;
        }
        let mut text = String::new();
        self.open(&mut text, &offer.title);
        self.events(&mut text, offer);
        text.push_str("END:VCALENDAR\r\n");
        Some(fold(&text).into_bytes())
    }

    /// `BEGIN:VCALENDAR`, the calendar's properties and the zone.
    fn open(&self, text: &mut String, name: &str) {
        text.push_str("BEGIN:VCALENDAR\r\n");
        let name = escape_text(name);
        let properties: [Property; 7] = [
            Version::new("2.0").into(),
            ProdID::new(PRODID).into(),
            CalScale::new("GREGORIAN").into(),
            Method::new("PUBLISH").into(),
            Name::new(name.clone()).into(),
            Property::new("X-WR-CALNAME", name),
            Property::new("X-WR-TIMEZONE", self.zone.name()),
        ];
        for property in properties {
            let _ = write!(text, "{property}");
        }
        text.push_str(&self.vtimezone);
    }

    /// The offer's VEVENTs (one per time signature, see [`events`]).
    fn events(&self, text: &mut String, offer: &Offer) {
        let timing = self.charter.timing(offer);
        for (n, occ) in occurrences(timing, self.zone, window(self.charter)).iter().enumerate() {
            let uid_id = if n == 0 { offer.id.clone() } else { format!("{}-{}", offer.id, n + 1) };
            self.event(text, offer, &uid_id, occ);
        }
    }

    fn event(&self, text: &mut String, offer: &Offer, uid_id: &str, occ: &Occurrences) {
        let host = self.base.map_or("passerelle", |b| b.host());
        let stamp = offer.updated_on.unwrap_or(self.charter.today);
        let mut event =
            ics::Event::new(format!("{uid_id}@{host}"), stamp.format("%Y%m%dT000000Z").to_string());
        let (start, all_day) = start_value(&occ.first);
        event.push(self.timed(DtStart::new(start), all_day));
        if let Some(end) = end_value(&occ.first) {
            event.push(self.timed(DtEnd::new(end), all_day));
        }
        if let Some(rule) = &occ.rrule {
            event.push(Property::new("RRULE", rule.clone()));
        }
        for (key, list) in [("EXDATE", &occ.exdates), ("RDATE", &occ.rdates)] {
            if !list.is_empty() {
                let values: Vec<String> = list.iter().map(|s| start_value(s).0).collect();
                event.push(self.timed(Property::new(key, values.join(",")), all_day));
            }
        }
        event.push(Summary::new(escape_text(offer.title.as_str())));
        let sentence = if offer.schedule.trim().is_empty() { "" } else { offer.schedule.as_str() };
        let description = [offer.summary.as_str(), sentence]
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if !description.is_empty() {
            event.push(Description::new(escape_text(description)));
        }
        if let Some(venue) = self.charter.offer_venue(offer) {
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
        if let Some(base) = self.base {
            event.push(URL::new(base.join(&crate::render::views::record_path("offers", &offer.id))));
        }
        let status = if offer.status == Status::Cancelled { "CANCELLED" } else { "CONFIRMED" };
        event.push(ics::properties::Status::new(status));
        let _ = write!(text, "{event}");
    }

    /// A date-time property in the site's zone (`TZID=…`), or a `VALUE=DATE` one.
    fn timed<'p, P: Into<Property<'p>>>(&self, property: P, all_day: bool) -> Property<'p> {
        let mut property: Property = property.into();
        if all_day {
            property.add(Value::DATE);
        } else {
            property.add(Parameter::new("TZID", self.zone.name().to_owned()));
        }
        property
    }
}

/// Folds content lines at 75 octets, continuation lines included (the `ics` crate counts 75
/// after the leading space, one too many for RFC 5545 §3.1), never inside a UTF-8 character.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 64);
    for line in text.replace("\r\n ", "").split_terminator("\r\n") {
        let (mut rest, mut room) = (line, 75);
        loop {
            if rest.len() <= room {
                out.push_str(rest);
                break;
            }
            let mut cut = room;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            room = 74;
        }
        out.push_str("\r\n");
    }
    out
}

/// `data/sessions.csv`: every session of the site's list (offer id, local start, local end),
/// the reference the calendar check compares expansions with.
pub fn sessions_csv(charter: &Charter, w: &mut dyn Write) -> Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(["offer", "start", "end"])?;
    for (offer, timing) in charter.offers.iter().zip(&charter.timings) {
        for s in &timing.sessions {
            let day = passerelle_index::iso_day(s.day);
            let at =
                |m: Option<u16>| m.map_or(String::new(), |m| format!("{day}T{:02}:{:02}", m / 60, m % 60));
            let start = if s.start.is_some() { at(s.start) } else { day.clone() };
            out.write_record([offer.id.as_str(), &start, &at(s.end.filter(|_| s.start.is_some()))])?;
        }
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests;
