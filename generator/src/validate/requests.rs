//! Residents' requests (`requests.csv`): district and `via` references, statuses consistent
//! with their dates and answers, dates in order and not in the future, and no personal data:
//! an e-mail address or a phone number in a request is an error (residents are never named).
//!
//! `via` names an offer (the workshop) when it looks like an id (lowercase letters, digits and
//! at least one hyphen, no space); anything else is free text ("courrier au comité").

use super::ids::is_slug;
use super::references::Known;
use crate::diagnostics::Diagnostics;
use crate::records::{Records, Request};
use chrono::NaiveDate;

/// Checks every request.
pub fn check(records: &Records, today: NaiveDate, d: &mut Diagnostics) {
    let districts = Known::new("district", records.districts.iter().map(|x| x.id.as_str()));
    let offers = Known::new("offer", records.offers.iter().map(|x| x.id.as_str()));
    for r in &records.requests {
        let o = &r.origin;
        let need = |field: &str, present: bool, message: &str, d: &mut Diagnostics| {
            if !present && !d.reported(o, field) {
                d.error(o, field, message, None);
            }
        };
        need("district", !r.district.is_empty(), "missing district (where the request comes from)", d);
        need("received_on", r.received_on.is_some(), "missing date the request was received", d);
        need("request", !r.request.is_empty(), "missing request text", d);
        districts.resolve(o, "district", &r.district, d);
        if via_is_an_offer(&r.via) {
            offers.resolve(o, "via", &r.via, d);
        }
        status(r, d);
        dates(r, today, d);
        for (field, text) in
            [("request", &r.request), ("topic", &r.topic), ("via", &r.via), ("answer", &r.answer)]
        {
            if let Some(found) = personal_data(text) {
                let message = format!("{found} in a request: residents are never named");
                let hint = "remove it; the coordination keeps contacts outside the published data".to_owned();
                d.error(o, field, message, Some(hint));
            }
        }
    }
}

/// Whether a `via` cell names an offer rather than describing a channel.
pub fn via_is_an_offer(via: &str) -> bool {
    is_slug(via) && via.contains('-')
}

/// What a status requires and excludes.
fn status(r: &Request, d: &mut Diagnostics) {
    let o = &r.origin;
    let code = r.status.code();
    if r.status.relayed() {
        if r.relayed_on.is_none() && !d.reported(o, "relayed_on") {
            d.error(o, "relayed_on", format!("a request marked {code} needs the date it was relayed"), None);
        }
        if r.addressed_to.is_empty() {
            let hint = "whom it went to: an alderman, a council, a service".to_owned();
            d.error(o, "addressed_to", format!("a request marked {code} needs its addressee"), Some(hint));
        }
    } else if r.relayed_on.is_some() {
        let hint = "set the status to relayed (or later)".to_owned();
        d.error(o, "status", "the request is marked received, but it has a relayed_on date", Some(hint));
    }
    if r.status.answered() {
        if r.answered_on.is_none() && !d.reported(o, "answered_on") {
            d.error(
                o,
                "answered_on",
                format!("a request marked {code} needs the date it was answered"),
                None,
            );
        }
        if r.answer.is_empty() {
            d.error(o, "answer", format!("a request marked {code} needs the answer given"), None);
        }
    } else if r.answered_on.is_some() || !r.answer.is_empty() {
        let field = if r.answered_on.is_some() { "answered_on" } else { "answer" };
        let message = format!("the request is marked {code}, but it has an answer");
        d.error(o, field, message, Some("set the status to answered, in_progress, done or declined".into()));
    }
}

/// received_on ≤ relayed_on ≤ answered_on ≤ today; updated_on not before received_on.
fn dates(r: &Request, today: NaiveDate, d: &mut Diagnostics) {
    let o = &r.origin;
    let chain =
        [("received_on", r.received_on), ("relayed_on", r.relayed_on), ("answered_on", r.answered_on)];
    let mut last: Option<(&str, NaiveDate)> = None;
    for (field, date) in chain {
        let Some(date) = date else { continue };
        if let Some((before, prev)) = last.filter(|&(_, prev)| date < prev) {
            d.error(o, field, format!("{field} ({date}) comes before {before} ({prev})"), None);
        }
        if date > today {
            d.error(o, field, format!("{field} ({date}) is in the future"), None);
        }
        last = Some((field, date));
    }
    if let (Some(received), Some(updated)) = (r.received_on, r.updated_on) {
        if updated < received {
            d.error(
                o,
                "updated_on",
                format!("updated_on ({updated}) comes before received_on ({received})"),
                None,
            );
        }
    }
}

/// "an e-mail address" or "a phone number" when `text` holds one.
pub fn personal_data(text: &str) -> Option<&'static str> {
    let email = text.split(|c: char| c.is_whitespace() || "<>()[],;\"'".contains(c)).any(|word| {
        let Some((user, domain)) = word.split_once('@') else { return false };
        !user.is_empty() && domain.trim_end_matches('.').contains('.')
    });
    if email {
        return Some("an e-mail address");
    }
    phone_number(text).then_some("a phone number")
}

/// A run of at least 9 digits, starting with `+` or `0`, broken only by spaces, dots, slashes,
/// hyphens or parentheses: `0470 12 34 56`, `+32 4 123 45 67`, `04/123.45.67`. A date
/// (`15/06/2026`: 8 digits) or an amount is not one.
fn phone_number(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    for start in 0..chars.len() {
        let c = chars[start];
        let boundary = start == 0 || !chars[start - 1].is_alphanumeric();
        if !boundary || !(c == '+' || c == '0') {
            continue;
        }
        let mut digits = usize::from(c == '0');
        let mut i = start + 1;
        // A phone number fits in 40 characters: never scan further (keeps the check linear).
        while i < chars.len() && i - start < 40 && (chars[i].is_ascii_digit() || " ./-()".contains(chars[i]))
        {
            if chars[i].is_ascii_digit() {
                digits += 1;
            } else if !chars.get(i + 1).is_some_and(|n| n.is_ascii_digit() || *n == '(' || *n == ' ') {
                break;
            }
            i += 1;
        }
        if digits >= 9 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::personal_data;

    // Contacts are found in the shapes residents write them; dates and amounts are not contacts.
    #[test]
    fn finds_contacts_not_dates() {
        assert_eq!(personal_data("appelez-moi au 0470 12 34 56"), Some("a phone number"));
        assert_eq!(personal_data("tél. +32 4 123 45 67"), Some("a phone number"));
        assert_eq!(personal_data("04/123.45.67 le soir"), Some("a phone number"));
        assert_eq!(personal_data("écrire à jeanne.d@example.org."), Some("an e-mail address"));
        assert_eq!(personal_data("depuis le 05/06/2026, 2026-2027"), None);
        assert_eq!(personal_data("un budget de 1 200 000 euros, 3 bancs"), None);
        assert_eq!(personal_data("rendez-vous @ la place"), None);
    }
}
