//! Request views: one resident's request as lists show it, and the figures of `requests/`
//! (counts by status and district, median time to an answer).

use super::Link;
use crate::model::{Charter, Request, RequestStatus};
use crate::render::i18n::Catalogue;
use crate::validate::requests::via_is_an_offer;
use anyhow::Result;
use serde::Serialize;

/// A request as lists show it.
#[derive(Debug, Serialize)]
pub struct RequestEntry<'a> {
    pub id: &'a str,
    pub district: Link<'a>,
    pub received: Option<String>,
    /// The workshop (an offer) it came from, linked, or the free text.
    pub via_offer: Option<Link<'a>>,
    pub via_text: Option<&'a str>,
    pub topic: &'a str,
    pub request: &'a str,
    pub addressed_to: &'a str,
    pub status: &'static str,
    pub status_label: &'a str,
    pub relayed: Option<String>,
    pub answer: &'a str,
    pub answered: Option<String>,
    /// "répondue en 38 jours".
    pub delay: Option<String>,
}

/// Days from receipt to answer, when answered.
pub fn days_to_answer(r: &Request) -> Option<i64> {
    Some((r.answered_on? - r.received_on?).num_days())
}

impl<'a> RequestEntry<'a> {
    pub fn new(charter: &'a Charter, cat: &'a Catalogue, r: &'a Request) -> Result<Self> {
        let date = |d: Option<chrono::NaiveDate>| d.map(|d| cat.date_short(d)).transpose();
        let district = charter.district(&r.district).map_or(r.district.as_str(), |d| d.name.as_str());
        let via_offer = via_is_an_offer(&r.via)
            .then(|| charter.offer(&r.via))
            .flatten()
            .map(|o| Link::record("offers", &o.id, &o.title));
        let delay = days_to_answer(r)
            .map(|n| cat.count("answered_in", usize::try_from(n).unwrap_or(0)))
            .transpose()?;
        Ok(RequestEntry {
            id: &r.id,
            district: Link::record("districts", &r.district, district),
            received: date(r.received_on)?,
            via_text: (via_offer.is_none() && !r.via.is_empty()).then_some(r.via.as_str()),
            via_offer,
            topic: &r.topic,
            request: &r.request,
            addressed_to: &r.addressed_to,
            status: r.status.code(),
            status_label: cat.get(&format!("requests.status_{}", r.status.code()))?,
            relayed: date(r.relayed_on)?,
            answer: &r.answer,
            answered: date(r.answered_on)?,
            delay,
        })
    }
}

/// A count per status, in the order requests move through them.
#[derive(Debug, Serialize)]
pub struct StatusCount<'a> {
    pub code: &'static str,
    pub label: &'a str,
    pub count: usize,
}

/// One district's row of the table: its counts per status, then its total.
#[derive(Debug, Serialize)]
pub struct DistrictCounts<'a> {
    pub district: Link<'a>,
    pub counts: Vec<usize>,
    pub total: usize,
}

/// The figures of `requests/`.
#[derive(Debug, Serialize)]
pub struct Figures<'a> {
    pub total: usize,
    pub by_status: Vec<StatusCount<'a>>,
    pub by_district: Vec<DistrictCounts<'a>>,
    /// How many were answered, and the median of their days to an answer.
    pub answered: usize,
    pub median_days: Option<String>,
}

impl<'a> Figures<'a> {
    pub fn new(charter: &'a Charter, cat: &'a Catalogue) -> Result<Self> {
        let requests = &charter.requests;
        let count = |s: RequestStatus, list: &mut dyn Iterator<Item = &Request>| {
            list.filter(|r| r.status == s).count()
        };
        let by_status = RequestStatus::ALL
            .iter()
            .map(|&s| {
                Ok(StatusCount {
                    code: s.code(),
                    label: cat.get(&format!("requests.status_{}", s.code()))?,
                    count: count(s, &mut requests.iter()),
                })
            })
            .collect::<Result<_>>()?;
        let by_district = charter
            .districts
            .iter()
            .filter(|d| requests.iter().any(|r| r.district == d.id))
            .map(|d| {
                let counts: Vec<usize> =
                    RequestStatus::ALL.iter().map(|&s| count(s, &mut charter.district_requests(d))).collect();
                DistrictCounts {
                    district: Link::record("districts", &d.id, &d.name),
                    total: counts.iter().sum(),
                    counts,
                }
            })
            .collect();
        let mut days: Vec<i64> = requests.iter().filter_map(days_to_answer).collect();
        days.sort_unstable();
        let median_days = median(&days)
            .map(|m| if m.fract() == 0.0 { Ok(format!("{m:.0}")) } else { cat.decimal(m) })
            .transpose()?;
        Ok(Figures { total: requests.len(), by_status, by_district, answered: days.len(), median_days })
    }
}

/// The median of sorted values (the mean of the two middle ones for an even count).
pub fn median(sorted: &[i64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2] as f64),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0),
    }
}

#[cfg(test)]
mod tests {
    // Odd counts take the middle value, even ones the mean of the two middle values.
    #[test]
    fn median_of_days() {
        assert_eq!(super::median(&[]), None);
        assert_eq!(super::median(&[3, 10, 40]), Some(10.0));
        assert_eq!(super::median(&[3, 10, 20, 40]), Some(15.0));
    }
}
