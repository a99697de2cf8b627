//! Filtering: which offers match a [`Query`], in which order, and how many offers each facet
//! value would give ("live counts").
//!
//! Within a facet, values are alternatives (OR); facets combine (AND). A facet value's count
//! is the number of offers matching the value and every *other* facet, as faceted search does:
//! ticking it would give that many results (more, when the facet already has a value ticked).

pub mod bits;
pub mod catalog;
pub mod fold;
pub mod sort;
pub mod when;

use crate::geo;
pub use bits::Bits;
pub use catalog::{overlaps, Catalog};
pub use when::Now;

/// Offers per page of results.
pub const PAGE_SIZE: usize = 20;

/// The date window facet: each window runs from the visitor's now (what is still to come).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum When {
    #[default]
    Any,
    /// To the end of today.
    Today,
    /// This Saturday and Sunday (the rest of Sunday on a Sunday).
    Weekend,
    /// To Sunday night.
    Week,
    /// To the month's last day.
    Month,
    /// Between two days, inclusive; an open bound is `None`.
    Range { from: Option<i32>, to: Option<i32> },
}

/// A facet's ticked values: a small sorted set of codes (a sorted `Vec`, lighter in the wasm
/// than a `BTreeSet`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Codes(Vec<String>);

impl Codes {
    pub fn contains(&self, code: &str) -> bool {
        self.0.iter().any(|c| c == code)
    }

    /// Adds `code`; false when it was there.
    pub fn insert(&mut self, code: String) -> bool {
        match self.0.binary_search(&code) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, code);
                true
            }
        }
    }

    /// Removes `code`; false when it was not there.
    pub fn remove(&mut self, code: &str) -> bool {
        let before = self.0.len();
        self.0.retain(|c| c != code);
        self.0.len() != before
    }

    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl FromIterator<String> for Codes {
    fn from_iter<I: IntoIterator<Item = String>>(items: I) -> Codes {
        let mut codes = Codes::default();
        for code in items {
            codes.insert(code);
        }
        codes
    }
}

impl<const N: usize> From<[String; N]> for Codes {
    fn from(items: [String; N]) -> Codes {
        items.into_iter().collect()
    }
}

/// The whole filter state (what the URL holds). Facet values are codes and ids, not positions,
/// so that a shared link survives a rebuild; unknown ones are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub districts: Codes,
    pub audiences: Codes,
    pub disciplines: Codes,
    pub accessibility: Codes,
    /// Venue ids ("filtrer sur ce lieu" in a map popup).
    pub venues: Codes,
    pub free: bool,
    /// An age that must fall within the offer's `[age_min, age_max]` (open bounds allowed).
    pub age: Option<u8>,
    pub when: When,
    /// Weekdays with a session (bit 0 = Monday … bit 6 = Sunday); 0 = any.
    pub weekdays: u8,
    /// Parts of the day (bit 0 = morning < 12 h, 1 = afternoon 12–18 h, 2 = evening ≥ 18 h).
    pub parts: u8,
    /// The page of results, from 0.
    pub page: usize,
}

impl Query {
    /// Whether no filter is set (the page number aside).
    pub fn is_empty(&self) -> bool {
        Query { page: 0, ..self.clone() } == Query::default()
    }
}

/// The radii "near me" offers, in metres.
pub const RADII: [u32; 4] = [500, 1000, 2000, 5000];

/// "Near me": the user's `[lon, lat]` and the chosen radius in metres (`None`: sorted by
/// distance, not filtered).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Near {
    pub at: [f64; 2],
    pub radius: Option<u32>,
}

/// Live counts: offers per facet value if that value were the facet's only choice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub districts: Vec<u32>,
    pub audiences: Vec<u32>,
    pub disciplines: Vec<u32>,
    pub accessibility: Vec<u32>,
    pub free: u32,
    pub today: u32,
    pub weekend: u32,
    pub week: u32,
    pub month: u32,
    pub weekdays: [u32; 7],
    pub parts: [u32; 3],
    /// Offers within each of [`RADII`] of the user (all other filters applied); zeros without
    /// a position.
    pub radii: [u32; 4],
}

/// What a query gives.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// Matching offer positions, in display order.
    pub results: Vec<u32>,
    pub counts: Counts,
    /// Matching offers per venue (map markers), every filter applied but the venue one (so
    /// that the map still offers the other venues).
    pub per_venue: Vec<u32>,
    /// The offers the markers count (those of `per_venue`).
    pub on_map: Bits,
    /// Metres from the user to each venue, when "near me" is on.
    pub venue_distance: Option<Vec<f64>>,
}

impl Outcome {
    /// The offers on page `page` (clamped to the last page).
    pub fn page(&self, page: usize) -> &[u32] {
        let start = page.min(self.pages().saturating_sub(1)) * PAGE_SIZE;
        &self.results[start..(start + PAGE_SIZE).min(self.results.len())]
    }

    /// How many pages the results take (at least 1).
    pub fn pages(&self) -> usize {
        self.results.len().div_ceil(PAGE_SIZE).max(1)
    }

    /// The offers a venue's marker counts, soonest first (its popup's list).
    pub fn at_venue(&self, catalog: &Catalog, venue: u32) -> Vec<u32> {
        let o = &catalog.index.offers;
        let here = |i: &u32| o.venue[*i as usize] == Some(venue) && self.on_map.contains(*i as usize);
        catalog.order.iter().copied().filter(here).collect()
    }
}

/// Offers whose folded text contains every word of `text`; `None` for an empty search.
pub fn search(catalog: &Catalog, text: &str) -> Option<Bits> {
    let query = fold::fold(text);
    if query.is_empty() {
        return None;
    }
    Some(Bits::from_fn(catalog.len(), |i| fold::matches(&catalog.folded[i], &query)))
}

/// The facet groups, in the order of the masks below.
const TEXT: usize = 0;
const DISTRICT: usize = 1;
const AUDIENCE: usize = 2;
const DISCIPLINE: usize = 3;
const ACCESS: usize = 4;
const FREE: usize = 5;
const AGE: usize = 6;
const WHEN: usize = 7;
const SLOT: usize = 8;
const VENUE: usize = 9;
const RADIUS: usize = 10;
const GROUPS: usize = 11;

/// Whether offer `i` is for a resident of `age` (DESIGN.md "Time", age): within its
/// `age_min`/`age_max` when it has them, else by its audiences (children 3–11, youth 12–17,
/// adults 18+, seniors 60+, families and everyone any age; none said: kept). An offer reached
/// only through a class or an association (`schools`, `associations`, without `families` or
/// `everyone`) is left out: a resident cannot take a child to it.
pub fn fits_age(index: &passerelle_index::Index, i: usize, age: u8) -> bool {
    let o = &index.offers;
    let codes: Vec<&str> = o.audiences[i]
        .iter()
        .filter_map(|&a| index.vocab.audience.get(a as usize))
        .map(|(c, _)| c.as_str())
        .collect();
    let open = codes.iter().any(|c| matches!(*c, "families" | "everyone"));
    if !open && codes.iter().any(|c| matches!(*c, "schools" | "associations")) {
        return false;
    }
    if o.age_min[i].is_some() || o.age_max[i].is_some() {
        return o.age_min[i].is_none_or(|a| a <= age) && o.age_max[i].is_none_or(|a| age <= a);
    }
    codes.is_empty()
        || codes.iter().any(|c| match *c {
            "children" => (3..=11).contains(&age),
            "youth" => (12..=17).contains(&age),
            "adults" => age >= 18,
            "seniors" => age >= 60,
            "families" | "everyone" => true,
            _ => false,
        })
}

/// Runs `query`. `text_mask` is [`search`]'s answer for `query.text` (computed apart, so that
/// it is reused while only other facets change); `near`: the user's position and radius.
/// Only current offers are ever matched, counted or ranked (ended ones are in the archive).
pub fn run(catalog: &Catalog, query: &Query, text_mask: Option<&Bits>, near: Option<Near>) -> Outcome {
    let n = catalog.len();
    let index = &catalog.index;
    let mut masks: [Option<Bits>; GROUPS] = Default::default();
    masks[TEXT] = text_mask.cloned();
    masks[DISTRICT] = any_of(&catalog.districts, &query.districts, |c| catalog.district_ix(c));
    masks[AUDIENCE] = any_of(&catalog.audiences, &query.audiences, |c| code_ix(&index.vocab.audience, c));
    masks[DISCIPLINE] =
        any_of(&catalog.disciplines, &query.disciplines, |c| code_ix(&index.vocab.discipline, c));
    masks[ACCESS] =
        any_of(&catalog.accessibility, &query.accessibility, |c| code_ix(&index.vocab.accessibility, c));
    masks[FREE] = query.free.then(|| catalog.free.clone());
    masks[AGE] = query.age.map(|age| Bits::from_fn(n, |i| fits_age(index, i, age)));
    let time = &catalog.time;
    masks[WHEN] = match query.when {
        When::Any => None,
        When::Today => Some(time.today.clone()),
        When::Weekend => Some(time.weekend.clone()),
        When::Week => Some(time.week.clone()),
        When::Month => Some(time.month.clone()),
        When::Range { from, to } => Some(time.between(index, from, to)),
    };
    masks[SLOT] = time.slot_mask(query.weekdays, query.parts);
    let venue_ix: Vec<u32> = query
        .venues
        .iter()
        .filter_map(|id| index.venues.iter().position(|v| v.id == *id))
        .map(|v| v as u32)
        .collect();
    let at_venue = |set: &dyn Fn(u32) -> bool| Bits::from_fn(n, |i| index.offers.venue[i].is_some_and(set));
    masks[VENUE] = (!venue_ix.is_empty()).then(|| at_venue(&|v| venue_ix.contains(&v)));
    let venue_distance =
        near.map(|me| index.venues.iter().map(|v| geo::distance_m(me.at, v.lonlat)).collect::<Vec<_>>());
    let within = |r: u32| {
        let d = venue_distance.as_deref().unwrap_or_default();
        at_venue(&|v| d.get(v as usize).is_some_and(|&m| m <= f64::from(r)))
    };
    masks[RADIUS] = near.and_then(|me| me.radius).map(within);

    // All groups but one, for that group's counts; only current offers (not ended).
    let others = |skip: usize| -> Bits {
        let mut acc = time.current.clone();
        for (g, mask) in masks.iter().enumerate() {
            if let (true, Some(mask)) = (g != skip, mask) {
                acc.and_with(mask);
            }
        }
        acc
    };
    let count_each = |values: &[Bits], group: usize| -> Vec<u32> {
        let base = others(group);
        values.iter().map(|v| v.count_and(&base)).collect()
    };
    let when_base = others(WHEN);
    let slot_base = others(SLOT);
    let slot_count = |weekdays: u8, parts: u8| {
        time.slot_mask(weekdays, parts).map_or(0, |mask| mask.count_and(&slot_base))
    };
    let counts = Counts {
        districts: count_each(&catalog.districts, DISTRICT),
        audiences: count_each(&catalog.audiences, AUDIENCE),
        disciplines: count_each(&catalog.disciplines, DISCIPLINE),
        accessibility: count_each(&catalog.accessibility, ACCESS),
        free: catalog.free.count_and(&others(FREE)),
        today: time.today.count_and(&when_base),
        weekend: time.weekend.count_and(&when_base),
        week: time.week.count_and(&when_base),
        month: time.month.count_and(&when_base),
        weekdays: std::array::from_fn(|d| slot_count(1 << d, query.parts)),
        parts: std::array::from_fn(|p| slot_count(query.weekdays, 1 << p)),
        radii: [0; 4],
    };
    let mut counts = counts;
    if near.is_some() {
        let base = others(RADIUS);
        for (n, r) in counts.radii.iter_mut().zip(RADII) {
            *n = within(r).count_and(&base);
        }
    }

    let matching = others(GROUPS);
    let mut results: Vec<u32> =
        catalog.order.iter().copied().filter(|&i| matching.contains(i as usize)).collect();
    let mut per_venue = vec![0; index.venues.len()];
    let on_map = if masks[VENUE].is_some() { others(VENUE) } else { matching };
    for i in on_map.ones() {
        if let Some(v) = index.offers.venue[i] {
            per_venue[v as usize] += 1;
        }
    }
    if let Some(distance) = &venue_distance {
        let of = |i: u32| index.offers.venue[i as usize].map_or(f64::INFINITY, |v| distance[v as usize]);
        // Stable: equal distances keep the default order.
        sort::sort_by(&mut results, &|a, b| of(a).total_cmp(&of(b)));
    }
    Outcome { results, counts, per_venue, on_map, venue_distance }
}

/// The union of the bitsets of the chosen values; `None` when nothing is chosen.
fn any_of(values: &[Bits], chosen: &Codes, position: impl Fn(&str) -> Option<usize>) -> Option<Bits> {
    // Unknown codes (a stale link) are skipped; only unknown ones: the facet does not constrain.
    let mut acc: Option<Bits> = None;
    for ix in chosen.iter().filter_map(|c| position(c)) {
        match &mut acc {
            Some(acc) => acc.or_with(&values[ix]),
            None => acc = Some(values[ix].clone()),
        }
    }
    acc
}

/// Position of `code` in a vocabulary.
pub fn code_ix(vocab: &[(String, String)], code: &str) -> Option<usize> {
    vocab.iter().position(|(c, _)| c == code)
}

#[cfg(test)]
mod tests;
