//! Named fields → the participation records (`draws`, `volunteers`, `requests`), and the
//! parsers of their coded cells (statuses in English or French).
//!
//! As in [`build`](super::build), only the shape of each value is checked here; what it means
//! (references, dates in order, the pool hash) is `validate::participation`'s job.

use super::cells::{date, whole, Problem};
use super::fields::Fields;
use crate::diagnostics::suggest::did_you_mean;
use crate::diagnostics::Diagnostics;
use crate::records::{Draw, Request, RequestStatus, Volunteer, VolunteerStatus};
use passerelle_index::fold::key as fold;

pub fn draw(mut f: Fields, d: &mut Diagnostics) -> Draw {
    Draw {
        id: f.take("id"),
        title: f.take("title"),
        summary: f.take("summary"),
        announced_on: f.parse("announced_on", date, None, d),
        seed_source: f.take("seed_source"),
        seed_on: f.parse("seed_on", date, None, d),
        seed: f.take("seed"),
        group_size: f.parse("group_size", whole, None, d),
        groups: f.parse("groups", whole, None, d),
        balance: f.list("balance"),
        confirm_by: f.parse("confirm_by", date, None, d),
        ends_on: f.parse("ends_on", date, None, d),
        pool_sha256: f.take_optional("pool_sha256"),
        origin: f.take_origin(),
    }
}

pub fn volunteer(mut f: Fields, d: &mut Diagnostics) -> Volunteer {
    Volunteer {
        draw: f.take("draw"),
        operator: f.take("operator"),
        registered_on: f.parse("registered_on", date, None, d),
        status: f.parse("status", volunteer_status, VolunteerStatus::Registered, d),
        group: f.parse("group", whole, None, d),
        replaces: f.take_optional("replaces"),
        origin: f.take_origin(),
    }
}

pub fn request(mut f: Fields, d: &mut Diagnostics) -> Request {
    Request {
        id: f.take("id"),
        district: f.take("district"),
        received_on: f.parse("received_on", date, None, d),
        via: f.take("via"),
        topic: f.take("topic"),
        request: f.take("request"),
        addressed_to: f.take("addressed_to"),
        status: f.parse("status", request_status, RequestStatus::Received, d),
        relayed_on: f.parse("relayed_on", date, None, d),
        answer: f.take("answer"),
        answered_on: f.parse("answered_on", date, None, d),
        updated_on: f.parse("updated_on", date, None, d),
        origin: f.take_origin(),
    }
}

const VOLUNTEER_STATUSES: [(&str, VolunteerStatus); 8] = [
    ("registered", VolunteerStatus::Registered),
    ("inscrit", VolunteerStatus::Registered),
    ("inscrite", VolunteerStatus::Registered),
    ("confirmed", VolunteerStatus::Confirmed),
    ("confirme", VolunteerStatus::Confirmed),
    ("confirmee", VolunteerStatus::Confirmed),
    ("withdrawn", VolunteerStatus::Withdrawn),
    ("desiste", VolunteerStatus::Withdrawn),
];

const REQUEST_STATUSES: [(&str, RequestStatus); 14] = [
    ("received", RequestStatus::Received),
    ("recue", RequestStatus::Received),
    ("relayed", RequestStatus::Relayed),
    ("relayee", RequestStatus::Relayed),
    ("answered", RequestStatus::Answered),
    ("repondue", RequestStatus::Answered),
    ("in_progress", RequestStatus::InProgress),
    ("en_cours", RequestStatus::InProgress),
    ("done", RequestStatus::Done),
    ("realisee", RequestStatus::Done),
    ("faite", RequestStatus::Done),
    ("declined", RequestStatus::Declined),
    ("refusee", RequestStatus::Declined),
    ("declinee", RequestStatus::Declined),
];

/// `registered` (the default when empty), `confirmed`, `withdrawn`, or their French names.
pub fn volunteer_status(cell: &str) -> Result<VolunteerStatus, Problem> {
    if cell.is_empty() {
        return Ok(VolunteerStatus::Registered);
    }
    coded(cell, &VOLUNTEER_STATUSES, |s| s.code().to_owned(), "volunteer status")
}

/// `received` (the default when empty) … `declined`, or their French names.
pub fn request_status(cell: &str) -> Result<RequestStatus, Problem> {
    if cell.is_empty() {
        return Ok(RequestStatus::Received);
    }
    coded(cell, &REQUEST_STATUSES, |s| s.code().to_owned(), "request status")
}

/// A value named in `table` (folded codes and French names); the hint lists the codes.
fn coded<T: Copy>(
    cell: &str,
    table: &[(&'static str, T)],
    code: fn(T) -> String,
    what: &str,
) -> Result<T, Problem> {
    let folded = fold(cell);
    if let Some(&(_, value)) = table.iter().find(|(name, _)| *name == folded) {
        return Ok(value);
    }
    let hint = did_you_mean(&folded, table.iter().map(|(name, _)| *name)).unwrap_or_else(|| {
        let codes: Vec<&str> =
            table.iter().filter(|(name, value)| **name == code(*value)).map(|(name, _)| *name).collect();
        format!("expected one of {}", codes.join(", "))
    });
    Err(Problem { message: format!("unknown {what} \"{cell}\""), hint: Some(hint) })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Statuses read in English or French, accents and case ignored; unknown ones are refused.
    #[test]
    fn statuses_in_both_languages() {
        assert_eq!(volunteer_status("Désisté"), Ok(VolunteerStatus::Withdrawn));
        assert_eq!(volunteer_status(""), Ok(VolunteerStatus::Registered));
        assert_eq!(request_status("en cours"), Ok(RequestStatus::InProgress));
        assert_eq!(request_status("in_progress"), Ok(RequestStatus::InProgress));
        assert_eq!(request_status("Répondue"), Ok(RequestStatus::Answered));
        assert!(request_status("perdue").is_err());
    }
}
