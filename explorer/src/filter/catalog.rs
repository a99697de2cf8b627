//! The index, prepared for filtering once at load: folded search text and one bitset per facet
//! value, so that a filter change is a handful of word-wise ANDs and popcounts.

use super::bits::Bits;
use super::fold::fold;
use passerelle_index::{civil_from_days, days_from_civil, weekday, Index, Price};

/// The index plus what filtering needs precomputed.
#[derive(Debug)]
pub struct Catalog {
    pub index: Index,
    /// Per offer: title, summary, operator and venue names, folded, separated by `|`.
    pub(crate) folded: Vec<String>,
    pub(crate) districts: Vec<Bits>,
    pub(crate) audiences: Vec<Bits>,
    pub(crate) disciplines: Vec<Bits>,
    pub(crate) accessibility: Vec<Bits>,
    pub(crate) free: Bits,
    pub(crate) week: Bits,
    pub(crate) month: Bits,
    /// Offer positions in the default order: on now or upcoming by next date, then past ones.
    pub(crate) order: Vec<u32>,
    /// The last day of "this week" (Sunday) and "this month", from the index's `today`.
    pub week_end: i32,
    pub month_end: i32,
}

impl Catalog {
    /// Prepares `index`, which must have passed [`Index::check`].
    pub fn new(index: Index) -> Catalog {
        let o = &index.offers;
        let n = o.len();
        let member = |lists: &Vec<Vec<u32>>, values: usize| -> Vec<Bits> {
            let mut bits = vec![Bits::none(n); values];
            for (i, list) in lists.iter().enumerate() {
                for &v in list {
                    bits[v as usize].insert(i);
                }
            }
            bits
        };
        let folded: Vec<String> = (0..n)
            .map(|i| {
                let venue = o.venue[i].map_or("", |v| index.venues[v as usize].name.as_str());
                let operator = index.operators.get(o.operator[i] as usize).map_or("", String::as_str);
                fold(&format!("{}|{}|{}|{}", o.title[i], o.summary[i], operator, venue))
            })
            .collect();
        let today = index.today;
        let week_end = today + 6 - weekday(today) as i32;
        let (y, m, _) = civil_from_days(today);
        let month_end = if m == 12 { days_from_civil(y + 1, 1, 1) } else { days_from_civil(y, m + 1, 1) } - 1;
        let overlap = |i: usize, from: i32, to: i32| overlaps(o.span(i), Some(from), Some(to));
        Catalog {
            districts: member(&o.districts, index.districts.len()),
            audiences: member(&o.audiences, index.vocab.audience.len()),
            disciplines: member(&o.disciplines, index.vocab.discipline.len()),
            accessibility: member(&o.accessibility, index.vocab.accessibility.len()),
            free: Bits::from_fn(n, |i| o.price(i) == Price::Free),
            week: Bits::from_fn(n, |i| overlap(i, today, week_end)),
            month: Bits::from_fn(n, |i| overlap(i, today, month_end)),
            order: default_order(&index, &folded),
            folded,
            week_end,
            month_end,
            index,
        }
    }

    pub fn len(&self) -> usize {
        self.index.offers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.offers.is_empty()
    }

    /// The next day an offer is on, from today: `None` when it is over (or has no dates).
    pub fn next_day(&self, i: usize) -> Option<i32> {
        let today = self.index.today;
        match self.index.offers.span(i) {
            (_, Some(end)) if end < today => None,
            (Some(start), _) => Some(start.max(today)),
            (None, _) => Some(today),
        }
    }

    /// Position of a district by id.
    pub fn district_ix(&self, id: &str) -> Option<usize> {
        self.index.districts.iter().position(|d| d.id == id)
    }
}

/// Whether the inclusive span `(start, end)` (open where `None`) meets `[from, to]`.
pub fn overlaps((start, end): (Option<i32>, Option<i32>), from: Option<i32>, to: Option<i32>) -> bool {
    let starts_in_time = match (start, to) {
        (Some(s), Some(t)) => s <= t,
        _ => true,
    };
    let ends_in_time = match (end, from) {
        (Some(e), Some(f)) => e >= f,
        _ => true,
    };
    starts_in_time && ends_in_time
}

/// On now or upcoming first (by next day, soonest first), then past offers (latest first);
/// ties by folded title, then id.
fn default_order(index: &Index, folded: &[String]) -> Vec<u32> {
    let o = &index.offers;
    let today = index.today;
    let key = |i: usize| -> (u8, i32) {
        match o.span(i) {
            (_, Some(end)) if end < today => (1, -end),
            (Some(start), _) => (0, start.max(today)),
            (None, _) => (0, today),
        }
    };
    let mut order: Vec<u32> = (0..o.len() as u32).collect();
    super::sort::sort_by(&mut order, &|a, b| {
        let (a, b) = (a as usize, b as usize);
        key(a).cmp(&key(b)).then_with(|| folded[a].cmp(&folded[b])).then_with(|| o.id[a].cmp(&o.id[b]))
    });
    order
}
