//! Warnings that never stop a build but tell the coordination what to follow up: listings not
//! updated for a year, offers whose dates are past, operators nobody can contact, offers that
//! will miss the map.

use crate::diagnostics::Diagnostics;
use crate::records::{Origin, Records};
use chrono::{Months, NaiveDate};
use std::collections::HashMap;

/// How old an `updated_on` may be before the listing is called stale.
pub const STALE_AFTER: Months = Months::new(12);

/// Checks freshness and completeness relative to `today`.
pub fn check(records: &Records, today: NaiveDate, diagnostics: &mut Diagnostics) {
    let d = diagnostics;
    for o in &records.operators {
        updated(&o.origin, o.updated_on, today, d);
        if o.website.is_none() && o.email.is_none() && o.phone.is_none() && !o.id.is_empty() {
            let field = ["email", "website", "phone"].into_iter().find(|f| o.origin.has(f)).unwrap_or("id");
            let hint = Some("give a website, an e-mail address or a phone number".to_owned());
            d.warning(&o.origin, field, format!("operator \"{}\" has no contact", o.id), hint);
        }
    }
    for v in &records.venues {
        updated(&v.origin, v.updated_on, today, d);
    }
    let located: HashMap<&str, bool> =
        records.venues.iter().map(|v| (v.id.as_str(), v.lat.is_some() && v.lon.is_some())).collect();
    for o in &records.offers {
        updated(&o.origin, o.updated_on, today, d);
        past(&o.origin, o.starts_on, o.ends_on, today, d);
        if let Some(venue) = &o.venue {
            if located.get(venue.as_str()) == Some(&false) {
                let message =
                    format!("venue \"{venue}\" has no coordinates: this offer will not be on the map");
                d.warning(&o.origin, "venue", message, None);
            }
        }
    }
}

/// A listing not updated for [`STALE_AFTER`], or updated in the future (a typo).
fn updated(origin: &Origin, updated_on: Option<NaiveDate>, today: NaiveDate, d: &mut Diagnostics) {
    let Some(updated_on) = updated_on else { return };
    if today.checked_sub_months(STALE_AFTER).is_some_and(|limit| updated_on < limit) {
        let hint = Some("check the listing with its operator, then set updated_on to today".to_owned());
        d.warning(origin, "updated_on", format!("not updated since {updated_on}, over a year ago"), hint);
    } else if updated_on > today {
        d.warning(origin, "updated_on", format!("updated on {updated_on}, a date in the future"), None);
    }
}

/// An offer that is over: its end is past, or it has only a start date (a one-day event)
/// that is past. Offers with no dates are ongoing.
fn past(
    origin: &Origin,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
    today: NaiveDate,
    d: &mut Diagnostics,
) {
    let (field, last_day) = match (starts_on, ends_on) {
        (_, Some(ends)) => ("ends_on", ends),
        (Some(starts), None) => ("starts_on", starts),
        (None, None) => return,
    };
    if last_day < today {
        let hint = Some("remove it, or give its new dates".to_owned());
        d.warning(origin, field, format!("this offer is over: its last day was {last_day}"), hint);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::{Offer, Operator};

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    fn warnings(records: &Records) -> Vec<String> {
        let mut d = Diagnostics::default();
        check(records, day(2026, 11, 21).unwrap_or_default(), &mut d);
        d.iter().map(|d| d.message.clone()).collect()
    }

    // Stale after twelve months to the day; a future date is flagged; a recent one is fine.
    #[test]
    fn stale_listings() {
        let op = |updated_on| Operator {
            id: "a".into(),
            updated_on,
            email: Some("a@b.org".into()),
            ..Operator::default()
        };
        let records = Records {
            operators: vec![op(day(2025, 11, 20)), op(day(2025, 11, 21)), op(day(2026, 12, 1))],
            ..Records::default()
        };
        assert_eq!(
            warnings(&records),
            ["not updated since 2025-11-20, over a year ago", "updated on 2026-12-01, a date in the future"]
        );
    }

    // Past: an end before today, or a lone start before today; ongoing and future offers are not.
    #[test]
    fn past_offers() {
        let offer = |starts_on, ends_on| Offer { starts_on, ends_on, ..Offer::default() };
        let records = Records {
            offers: vec![
                offer(day(2026, 1, 1), day(2026, 11, 20)),
                offer(day(2026, 11, 20), None),
                offer(day(2026, 1, 1), day(2026, 11, 21)),
                offer(None, None),
                offer(day(2026, 12, 1), None),
            ],
            ..Records::default()
        };
        assert_eq!(
            warnings(&records),
            [
                "this offer is over: its last day was 2026-11-20",
                "this offer is over: its last day was 2026-11-20"
            ]
        );
    }

    // An operator without website, e-mail or phone is flagged once.
    #[test]
    fn no_contact() {
        let records = Records {
            operators: vec![Operator { id: "a".into(), ..Operator::default() }],
            ..Records::default()
        };
        assert_eq!(warnings(&records), ["operator \"a\" has no contact"]);
    }
}
