//! Stage `model`: one in-memory graph of the charter, built from validated records.
//!
//! Input: [`Records`] that passed `validate` (every reference resolves, venue districts derived).
//! Output: a [`Charter`] whose tables are sorted by id and whose relations are navigable both
//! ways (an operator's offers, venues and partnerships; a district's offers, venues, operators;
//! a venue's offers). Renderers, the index and the exports only read it; it does no I/O.

pub mod geo;
/// The record types live in [`crate::records`] (load, validate and diagnostics use them too);
/// the old path `model::records` still names them.
pub use crate::records;
pub mod time;

use crate::vocabulary::Vocabularies;
use chrono::NaiveDate;
pub use records::{
    District, DistrictScope, Id, Offer, Operator, Partnership, Price, Records, Shape, Status, Venue,
};
pub use records::{Draw, Request, RequestStatus, Volunteer, VolunteerStatus};
use std::collections::HashMap;

/// The whole charter, linked.
#[derive(Debug)]
pub struct Charter {
    /// Sorted by id, as are all tables below.
    pub districts: Vec<District>,
    pub operators: Vec<Operator>,
    pub venues: Vec<Venue>,
    pub offers: Vec<Offer>,
    pub partnerships: Vec<Partnership>,
    /// District outlines, in the order of `districts` (a district may have none).
    pub shapes: Vec<Option<Shape>>,
    /// `basemap.geojson`'s features (water, roads, rail, parks, landmarks), in the file's order.
    pub basemap: Vec<records::MapFeature>,
    pub vocabularies: Vocabularies,
    /// The build's reference day: "this week", "past", "stale" are relative to it.
    pub today: NaiveDate,
    /// Participation: draws (by id), their volunteers (in the order of the data), requests (by id).
    pub draws: Vec<Draw>,
    pub volunteers: Vec<Volunteer>,
    pub requests: Vec<Request>,
    /// `holidays.csv`, sorted by start, and the same as day ranges for the recurrences.
    pub holiday_rows: Vec<records::Holiday>,
    pub holidays: time::Holidays,
    /// Per offer (same order as `offers`): its recurrence, sessions, next session.
    pub timings: Vec<time::Timing>,
    links: Links,
}

/// Adjacency lists, by position in the sorted tables.
#[derive(Debug, Default)]
struct Links {
    district_ix: HashMap<Id, usize>,
    operator_ix: HashMap<Id, usize>,
    venue_ix: HashMap<Id, usize>,
    offer_ix: HashMap<Id, usize>,
    partnership_ix: HashMap<Id, usize>,
    /// Per offer: the districts it reaches (scope resolved).
    offer_districts: Vec<Vec<usize>>,
    /// Per operator: offers it carries, offers it partners, venues it runs, its partnerships.
    operator_offers: Vec<Vec<usize>>,
    operator_partner_offers: Vec<Vec<usize>>,
    operator_venues: Vec<Vec<usize>>,
    operator_partnerships: Vec<Vec<usize>>,
    /// Per district: offers reaching it, venues in it, operators based in it, partnerships.
    district_offers: Vec<Vec<usize>>,
    district_venues: Vec<Vec<usize>>,
    district_operators: Vec<Vec<usize>>,
    district_partnerships: Vec<Vec<usize>>,
    /// Per venue: offers held there.
    venue_offers: Vec<Vec<usize>>,
    /// Per offer: partnerships listing it.
    offer_partnerships: Vec<Vec<usize>>,
}

fn positions<T>(items: &[T], id: impl Fn(&T) -> &str) -> HashMap<Id, usize> {
    items.iter().enumerate().map(|(i, item)| (id(item).to_owned(), i)).collect()
}

impl Charter {
    /// Links validated records. References that do not resolve are ignored (validation has
    /// reported them), so this never fails.
    pub fn new(mut records: Records, vocabularies: Vocabularies, today: NaiveDate) -> Charter {
        records.districts.sort_by(|a, b| a.id.cmp(&b.id));
        records.operators.sort_by(|a, b| a.id.cmp(&b.id));
        records.venues.sort_by(|a, b| a.id.cmp(&b.id));
        records.offers.sort_by(|a, b| a.id.cmp(&b.id));
        records.partnerships.sort_by(|a, b| a.id.cmp(&b.id));
        records.draws.sort_by(|a, b| a.id.cmp(&b.id));
        records.requests.sort_by(|a, b| a.id.cmp(&b.id));
        records.holidays.sort_by(|a, b| (a.starts_on, &a.id).cmp(&(b.starts_on, &b.id)));
        let Records {
            districts,
            operators,
            venues,
            offers,
            partnerships,
            shapes,
            basemap,
            holidays,
            draws,
            volunteers,
            requests,
            ..
        } = records;
        let holiday_ranges = time::holidays(&holidays);
        let timings = offers.iter().map(|o| time::Timing::new(o, &holiday_ranges, today)).collect();
        let shapes = districts.iter().map(|d| shapes.iter().find(|s| s.district == d.id).cloned()).collect();
        let mut charter = Charter {
            districts,
            operators,
            venues,
            offers,
            partnerships,
            shapes,
            basemap,
            vocabularies,
            today,
            draws,
            volunteers,
            requests,
            holiday_rows: holidays,
            holidays: holiday_ranges,
            timings,
            links: Links::default(),
        };
        charter.links = Links::build(&charter);
        charter
    }

    pub fn district(&self, id: &str) -> Option<&District> {
        self.links.district_ix.get(id).map(|&i| &self.districts[i])
    }
    pub fn operator(&self, id: &str) -> Option<&Operator> {
        self.links.operator_ix.get(id).map(|&i| &self.operators[i])
    }
    pub fn venue(&self, id: &str) -> Option<&Venue> {
        self.links.venue_ix.get(id).map(|&i| &self.venues[i])
    }
    pub fn offer(&self, id: &str) -> Option<&Offer> {
        self.links.offer_ix.get(id).map(|&i| &self.offers[i])
    }
    /// An offer's timing (computed once, in [`Charter::new`]).
    pub fn timing(&self, offer: &Offer) -> &time::Timing {
        static NONE: std::sync::OnceLock<time::Timing> = std::sync::OnceLock::new();
        match self.links.offer_ix.get(&offer.id) {
            Some(&i) => &self.timings[i],
            None => NONE.get_or_init(time::Timing::default),
        }
    }
    /// Not ended at the build day (a cancelled offer is still current: it is marked, not hidden).
    pub fn is_current(&self, offer: &Offer) -> bool {
        !self.timing(offer).ended
    }
    /// The offers not ended, in the order of `offers`.
    pub fn current_offers(&self) -> impl Iterator<Item = &Offer> {
        self.offers.iter().filter(|o| self.is_current(o))
    }
    /// The position of offer `id` in `offers` (renderers keep per-offer values in that order).
    pub fn offer_index(&self, id: &str) -> Option<usize> {
        self.links.offer_ix.get(id).copied()
    }
    pub fn partnership(&self, id: &str) -> Option<&Partnership> {
        self.links.partnership_ix.get(id).map(|&i| &self.partnerships[i])
    }

    /// The districts an offer reaches: its listed districts, every district for `all`, or its
    /// venue's district. Sorted by id.
    pub fn offer_districts<'a>(&'a self, offer: &Offer) -> impl Iterator<Item = &'a District> {
        self.pick(&self.districts, &self.links.offer_districts, &self.links.offer_ix, &offer.id)
    }
    /// The offer's operator (porteur).
    pub fn offer_operator(&self, offer: &Offer) -> Option<&Operator> {
        self.operator(&offer.operator)
    }
    /// The offer's partners, in the order of the data.
    pub fn offer_partners<'a>(&'a self, offer: &'a Offer) -> impl Iterator<Item = &'a Operator> {
        offer.partners.iter().filter_map(|id| self.operator(id))
    }
    pub fn offer_venue(&self, offer: &Offer) -> Option<&Venue> {
        offer.venue.as_deref().and_then(|id| self.venue(id))
    }
    /// The partnerships that list this offer.
    pub fn offer_partnerships<'a>(&'a self, offer: &Offer) -> impl Iterator<Item = &'a Partnership> {
        self.pick(&self.partnerships, &self.links.offer_partnerships, &self.links.offer_ix, &offer.id)
    }

    /// Offers this operator carries (as porteur).
    pub fn operator_offers<'a>(&'a self, op: &Operator) -> impl Iterator<Item = &'a Offer> {
        self.pick(&self.offers, &self.links.operator_offers, &self.links.operator_ix, &op.id)
    }
    /// Offers where this operator is a partner.
    pub fn operator_partner_offers<'a>(&'a self, op: &Operator) -> impl Iterator<Item = &'a Offer> {
        self.pick(&self.offers, &self.links.operator_partner_offers, &self.links.operator_ix, &op.id)
    }
    /// Venues this operator runs.
    pub fn operator_venues<'a>(&'a self, op: &Operator) -> impl Iterator<Item = &'a Venue> {
        self.pick(&self.venues, &self.links.operator_venues, &self.links.operator_ix, &op.id)
    }
    /// Partnerships this operator belongs to.
    pub fn operator_partnerships<'a>(&'a self, op: &Operator) -> impl Iterator<Item = &'a Partnership> {
        self.pick(&self.partnerships, &self.links.operator_partnerships, &self.links.operator_ix, &op.id)
    }
    pub fn operator_district(&self, op: &Operator) -> Option<&District> {
        op.district.as_deref().and_then(|id| self.district(id))
    }

    /// Offers reaching this district.
    pub fn district_offers<'a>(&'a self, d: &District) -> impl Iterator<Item = &'a Offer> {
        self.pick(&self.offers, &self.links.district_offers, &self.links.district_ix, &d.id)
    }
    /// Venues located in this district.
    pub fn district_venues<'a>(&'a self, d: &District) -> impl Iterator<Item = &'a Venue> {
        self.pick(&self.venues, &self.links.district_venues, &self.links.district_ix, &d.id)
    }
    /// Operators whose home district this is.
    pub fn district_operators<'a>(&'a self, d: &District) -> impl Iterator<Item = &'a Operator> {
        self.pick(&self.operators, &self.links.district_operators, &self.links.district_ix, &d.id)
    }
    /// Partnerships naming this district.
    pub fn district_partnerships<'a>(&'a self, d: &District) -> impl Iterator<Item = &'a Partnership> {
        self.pick(&self.partnerships, &self.links.district_partnerships, &self.links.district_ix, &d.id)
    }
    /// The district's outline, when `districts.geojson` has one.
    pub fn district_shape(&self, d: &District) -> Option<&Shape> {
        self.links.district_ix.get(&d.id).and_then(|&i| self.shapes[i].as_ref())
    }

    /// Offers held at this venue.
    pub fn venue_offers<'a>(&'a self, v: &Venue) -> impl Iterator<Item = &'a Offer> {
        self.pick(&self.offers, &self.links.venue_offers, &self.links.venue_ix, &v.id)
    }
    pub fn venue_operator(&self, v: &Venue) -> Option<&Operator> {
        v.operator.as_deref().and_then(|id| self.operator(id))
    }
    pub fn venue_district(&self, v: &Venue) -> Option<&District> {
        v.district.as_deref().and_then(|id| self.district(id))
    }

    pub fn partnership_operators<'a>(&'a self, p: &'a Partnership) -> impl Iterator<Item = &'a Operator> {
        p.operators.iter().filter_map(|id| self.operator(id))
    }
    pub fn partnership_offers<'a>(&'a self, p: &'a Partnership) -> impl Iterator<Item = &'a Offer> {
        p.offers.iter().filter_map(|id| self.offer(id))
    }
    pub fn partnership_districts<'a>(&'a self, p: &'a Partnership) -> impl Iterator<Item = &'a District> {
        p.districts.iter().filter_map(|id| self.district(id))
    }

    /// A draw with its pool and, once the seed is known, its result.
    pub fn drawn<'a>(&'a self, draw: &'a Draw) -> crate::participation::outcome::Drawn<'a> {
        crate::participation::outcome::Drawn::of(draw, &self.volunteers, &self.operators)
    }
    /// The residents' requests from this district, by id.
    pub fn district_requests<'a>(&'a self, d: &'a District) -> impl Iterator<Item = &'a Request> {
        self.requests.iter().filter(move |r| r.district == d.id)
    }

    /// Items of `table` listed in `lists` for the record with `id`.
    fn pick<'a, T>(
        &'a self,
        table: &'a [T],
        lists: &'a [Vec<usize>],
        ix: &HashMap<Id, usize>,
        id: &str,
    ) -> impl Iterator<Item = &'a T> {
        let list: &'a [usize] = ix.get(id).map_or(&[], |&i| lists[i].as_slice());
        list.iter().map(move |&j| &table[j])
    }
}

impl Links {
    fn build(c: &Charter) -> Links {
        let mut l = Links {
            district_ix: positions(&c.districts, |d| &d.id),
            operator_ix: positions(&c.operators, |o| &o.id),
            venue_ix: positions(&c.venues, |v| &v.id),
            offer_ix: positions(&c.offers, |o| &o.id),
            partnership_ix: positions(&c.partnerships, |p| &p.id),
            ..Links::default()
        };
        let (nd, nop, nv, nof) = (c.districts.len(), c.operators.len(), c.venues.len(), c.offers.len());
        l.operator_offers = vec![Vec::new(); nop];
        l.operator_partner_offers = vec![Vec::new(); nop];
        l.operator_venues = vec![Vec::new(); nop];
        l.operator_partnerships = vec![Vec::new(); nop];
        l.district_offers = vec![Vec::new(); nd];
        l.district_venues = vec![Vec::new(); nd];
        l.district_operators = vec![Vec::new(); nd];
        l.district_partnerships = vec![Vec::new(); nd];
        l.venue_offers = vec![Vec::new(); nv];
        l.offer_partnerships = vec![Vec::new(); nof];

        for (vi, venue) in c.venues.iter().enumerate() {
            if let Some(&o) = venue.operator.as_ref().and_then(|id| l.operator_ix.get(id)) {
                l.operator_venues[o].push(vi);
            }
            if let Some(&d) = venue.district.as_ref().and_then(|id| l.district_ix.get(id)) {
                l.district_venues[d].push(vi);
            }
        }
        for (oi, op) in c.operators.iter().enumerate() {
            if let Some(&d) = op.district.as_ref().and_then(|id| l.district_ix.get(id)) {
                l.district_operators[d].push(oi);
            }
        }
        l.offer_districts = c.offers.iter().map(|offer| l.scope(c, offer)).collect();
        for (fi, offer) in c.offers.iter().enumerate() {
            if let Some(&o) = l.operator_ix.get(&offer.operator) {
                l.operator_offers[o].push(fi);
            }
            for partner in dedup(&offer.partners) {
                if let Some(&o) = l.operator_ix.get(partner) {
                    l.operator_partner_offers[o].push(fi);
                }
            }
            if let Some(&v) = offer.venue.as_ref().and_then(|id| l.venue_ix.get(id)) {
                l.venue_offers[v].push(fi);
            }
            for &d in &l.offer_districts[fi] {
                l.district_offers[d].push(fi);
            }
        }
        for (pi, p) in c.partnerships.iter().enumerate() {
            for id in dedup(&p.operators) {
                if let Some(&o) = l.operator_ix.get(id) {
                    l.operator_partnerships[o].push(pi);
                }
            }
            for id in dedup(&p.districts) {
                if let Some(&d) = l.district_ix.get(id) {
                    l.district_partnerships[d].push(pi);
                }
            }
            for id in dedup(&p.offers) {
                if let Some(&f) = l.offer_ix.get(id) {
                    l.offer_partnerships[f].push(pi);
                }
            }
        }
        l
    }

    /// Resolves an offer's district scope to sorted district positions.
    fn scope(&self, c: &Charter, offer: &Offer) -> Vec<usize> {
        let mut ds: Vec<usize> = match &offer.districts {
            DistrictScope::All => (0..c.districts.len()).collect(),
            DistrictScope::Listed(ids) => {
                ids.iter().filter_map(|id| self.district_ix.get(id).copied()).collect()
            }
            DistrictScope::Venue => offer
                .venue
                .as_ref()
                .and_then(|v| self.venue_ix.get(v))
                .and_then(|&v| c.venues[v].district.as_ref())
                .and_then(|d| self.district_ix.get(d).copied())
                .into_iter()
                .collect(),
        };
        ds.sort_unstable();
        ds.dedup();
        ds
    }
}

/// The distinct ids of a list, in first-seen order (a repeated id must not link twice).
fn dedup(ids: &[Id]) -> Vec<&Id> {
    let mut seen: Vec<&Id> = Vec::with_capacity(ids.len());
    for id in ids {
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    seen
}

#[cfg(test)]
mod tests;
