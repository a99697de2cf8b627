//! schema.org JSON-LD for record pages: `Event` (or `EventSeries` for an ongoing offer) with
//! its `Place` and organizing `Organization`; `Organization` for operators; `Place` for venues.
//! The JSON is made safe to sit inside `<script>` (`<`, `>` and `&` escaped as `\u00XX`).

use super::views::public_url;
use crate::config::Config;
use crate::links;
use crate::model::{Charter, Offer, Operator, Price, Status, Venue};
use serde_json::{json, Map, Value};

/// JSON text that cannot close its `<script>` element.
pub fn script_safe(value: &Value) -> String {
    let json = value.to_string();
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

fn postal_address(address: &str, postcode: &str, city: &str) -> Value {
    let mut a = Map::new();
    a.insert("@type".into(), "PostalAddress".into());
    for (key, value) in [("streetAddress", address), ("postalCode", postcode), ("addressLocality", city)] {
        if !value.trim().is_empty() {
            a.insert(key.into(), value.trim().into());
        }
    }
    Value::Object(a)
}

fn with_url(mut value: Value, config: &Config, path: &str) -> Value {
    if config.base_url.is_some() {
        value["url"] = public_url(config, path).into();
    }
    value
}

/// A venue as a schema.org `Place`, with its coordinates.
pub fn place(venue: &Venue) -> Value {
    let mut p = json!({
        "@type": "Place",
        "name": venue.name,
        "address": postal_address(&venue.address, &venue.postcode, &venue.city),
    });
    if let (Some(lat), Some(lon)) = (venue.lat, venue.lon) {
        p["geo"] = json!({ "@type": "GeoCoordinates", "latitude": lat, "longitude": lon });
    }
    if let Some(web) = venue.website.as_deref().and_then(links::web) {
        p["url"] = web.href.into();
    }
    p
}

/// An operator as a schema.org `Organization`.
pub fn organization(op: &Operator) -> Value {
    let mut o = json!({ "@type": "Organization", "name": op.name });
    if !op.address.trim().is_empty() || !op.city.trim().is_empty() {
        o["address"] = postal_address(&op.address, &op.postcode, &op.city);
    }
    if let Some(web) = op.website.as_deref().and_then(links::web) {
        o["url"] = web.href.into();
    }
    if let Some(mail) = op.email.as_deref().and_then(links::mail) {
        o["email"] = mail.label.into();
    }
    if let Some(phone) = op.phone.as_deref().and_then(links::phone) {
        o["telephone"] = phone.label.into();
    }
    if !op.summary.trim().is_empty() {
        o["description"] = op.summary.trim().into();
    }
    o
}

/// The operator page's JSON-LD.
pub fn operator_page(config: &Config, op: &Operator, path: &str) -> String {
    let mut o = organization(op);
    o["@context"] = "https://schema.org".into();
    script_safe(&with_url(o, config, path))
}

/// The venue page's JSON-LD.
pub fn venue_page(config: &Config, venue: &Venue, path: &str) -> String {
    let mut p = place(venue);
    p["@context"] = "https://schema.org".into();
    script_safe(&with_url(p, config, path))
}

/// The offer page's JSON-LD: an `Event` when dated, an `EventSeries` when ongoing.
pub fn offer_page(charter: &Charter, config: &Config, offer: &Offer, path: &str) -> String {
    let dated = offer.starts_on.is_some() || offer.ends_on.is_some();
    let mut e = json!({
        "@context": "https://schema.org",
        "@type": if dated { "Event" } else { "EventSeries" },
        "name": offer.title,
        "description": offer.summary,
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": match offer.status {
            Status::Cancelled => "https://schema.org/EventCancelled",
            _ => "https://schema.org/EventScheduled",
        },
    });
    if let Some(start) = offer.starts_on.or(offer.ends_on) {
        e["startDate"] = start.to_string().into();
    }
    if let Some(end) = offer.ends_on.or(offer.starts_on) {
        e["endDate"] = end.to_string().into();
    }
    if let Some(venue) = charter.offer_venue(offer) {
        e["location"] = place(venue);
    }
    if let Some(op) = charter.offer_operator(offer) {
        e["organizer"] = organization(op);
    }
    let partners: Vec<Value> = charter.offer_partners(offer).map(organization).collect();
    if !partners.is_empty() {
        e["contributor"] = partners.into();
    }
    if let Some(price) = offer.price {
        e["isAccessibleForFree"] = (price == Price::Free).into();
    }
    if offer.status == Status::Full {
        e["offers"] = json!({ "@type": "Offer", "availability": "https://schema.org/SoldOut" });
    }
    if !offer.languages.is_empty() {
        e["inLanguage"] = offer.languages.clone().into();
    }
    match (offer.age_min, offer.age_max) {
        (Some(a), Some(b)) => e["typicalAgeRange"] = format!("{a}-{b}").into(),
        (Some(a), None) => e["typicalAgeRange"] = format!("{a}-").into(),
        _ => {}
    }
    script_safe(&with_url(e, config, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    // JSON-LD cannot close its script element whatever the data says.
    #[test]
    fn script_safe_escapes_markup() {
        let text = script_safe(&json!({ "name": "</script><script>alert(1)</script>" }));
        assert!(!text.contains('<') && !text.contains('>'), "{text}");
        let back: Value = serde_json::from_str(&text).expect("still JSON");
        assert_eq!(back["name"], "</script><script>alert(1)</script>");
    }
}
