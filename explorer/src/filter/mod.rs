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

use crate::geo;
pub use bits::Bits;
pub use catalog::{overlaps, Catalog};

/// Offers per page of results.
pub const PAGE_SIZE: usize = 20;

/// The date window facet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum When {
    #[default]
    Any,
    /// From today to Sunday.
    Week,
    /// From today to the end of the month.
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
    pub free: bool,
    /// An age that must fall within the offer's `[age_min, age_max]` (open bounds allowed).
    pub age: Option<u8>,
    pub when: When,
    /// The page of results, from 0.
    pub page: usize,
}

impl Query {
    /// Whether no filter is set (the page number aside).
    pub fn is_empty(&self) -> bool {
        Query { page: 0, ..self.clone() } == Query::default()
    }
}

/// Live counts: offers per facet value if that value were the facet's only choice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub districts: Vec<u32>,
    pub audiences: Vec<u32>,
    pub disciplines: Vec<u32>,
    pub accessibility: Vec<u32>,
    pub free: u32,
    pub week: u32,
    pub month: u32,
}

/// What a query gives.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// Matching offer positions, in display order.
    pub results: Vec<u32>,
    pub counts: Counts,
    /// Matching offers per venue (map markers).
    pub per_venue: Vec<u32>,
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
const GROUPS: usize = 8;

/// Runs `query`. `text_mask` is [`search`]'s answer for `query.text` (computed apart, so that
/// it is reused while only other facets change); `near` is the user's `[lon, lat]`.
pub fn run(catalog: &Catalog, query: &Query, text_mask: Option<&Bits>, near: Option<[f64; 2]>) -> Outcome {
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
    masks[AGE] = query.age.map(|age| {
        let o = &index.offers;
        Bits::from_fn(n, |i| o.age_min[i].is_none_or(|a| a <= age) && o.age_max[i].is_none_or(|a| age <= a))
    });
    masks[WHEN] = match query.when {
        When::Any => None,
        When::Week => Some(catalog.week.clone()),
        When::Month => Some(catalog.month.clone()),
        When::Range { from, to } => Some(Bits::from_fn(n, |i| overlaps(index.offers.span(i), from, to))),
    };

    // All groups but one, for that group's counts.
    let others = |skip: usize| -> Bits {
        let mut acc = Bits::all(n);
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
    let counts = Counts {
        districts: count_each(&catalog.districts, DISTRICT),
        audiences: count_each(&catalog.audiences, AUDIENCE),
        disciplines: count_each(&catalog.disciplines, DISCIPLINE),
        accessibility: count_each(&catalog.accessibility, ACCESS),
        free: catalog.free.count_and(&others(FREE)),
        week: catalog.week.count_and(&when_base),
        month: catalog.month.count_and(&when_base),
    };

    let matching = others(GROUPS);
    let mut results: Vec<u32> =
        catalog.order.iter().copied().filter(|&i| matching.contains(i as usize)).collect();
    let mut per_venue = vec![0; index.venues.len()];
    for &i in &results {
        if let Some(v) = index.offers.venue[i as usize] {
            per_venue[v as usize] += 1;
        }
    }
    let venue_distance =
        near.map(|me| index.venues.iter().map(|v| geo::distance_m(me, v.lonlat)).collect::<Vec<_>>());
    if let Some(distance) = &venue_distance {
        let of = |i: u32| index.offers.venue[i as usize].map_or(f64::INFINITY, |v| distance[v as usize]);
        // Stable: equal distances keep the default order.
        sort::sort_by(&mut results, &|a, b| of(a).total_cmp(&of(b)));
    }
    Outcome { results, counts, per_venue, venue_distance }
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
