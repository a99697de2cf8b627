//! The index, prepared for filtering once at load: folded search text and one bitset per facet
//! value, so that a filter change is a handful of word-wise ANDs and popcounts. Time comes from
//! the visitor's clock ([`Now`]), never from the day the site was built.

use super::bits::Bits;
use super::fold::fold;
use super::when::{Now, Timeline};
use passerelle_index::{Index, Price};

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
    /// Next sessions, windows and slots at the visitor's now.
    pub time: Timeline,
    /// Current offer positions in the default order: soonest next session first, then the
    /// permanent ones (ended offers are in the archive, not in the explorer).
    pub(crate) order: Vec<u32>,
}

/// One catalog is made per page and shared (`Rc`): two are the same when they are one, which
/// is all components' props need (comparing the contents would cost a pass over the index on
/// every render).
impl PartialEq for Catalog {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Catalog {
    /// Prepares `index`, which must have passed [`Index::check`], at the visitor's `now`.
    pub fn new(index: Index, now: Now) -> Catalog {
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
                fold(&[o.title[i].as_str(), &o.summary[i], operator, venue].join("|"))
            })
            .collect();
        let time = Timeline::new(&index, now);
        Catalog {
            districts: member(&o.districts, index.districts.len()),
            audiences: member(&o.audiences, index.vocab.audience.len()),
            disciplines: member(&o.disciplines, index.vocab.discipline.len()),
            accessibility: member(&o.accessibility, index.vocab.accessibility.len()),
            free: Bits::from_fn(n, |i| o.price(i) == Price::Free),
            order: default_order(&index, &folded, &time),
            folded,
            time,
            index,
        }
    }

    pub fn len(&self) -> usize {
        self.index.offers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.offers.is_empty()
    }

    /// The next day an offer is on, from now: its next session, today for a permanent offer
    /// open now, `None` when it is over.
    pub fn next_day(&self, i: usize) -> Option<i32> {
        match self.time.next[i] {
            Some(s) => Some(s.day),
            None => self.time.permanent.contains(i).then_some(self.time.now.day),
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

/// Current offers by next session (day, then time; all-day ones first that day), then the
/// permanent ones; ties by folded title, then id. Ended offers are left out.
fn default_order(index: &Index, folded: &[String], time: &Timeline) -> Vec<u32> {
    let o = &index.offers;
    let key = |i: usize| -> (u8, i32, u16) {
        match time.next[i] {
            Some(s) => (0, s.day, s.start.unwrap_or(0)),
            None => (1, 0, 0),
        }
    };
    let mut order: Vec<u32> = (0..o.len() as u32).filter(|&i| time.current.contains(i as usize)).collect();
    super::sort::sort_by(&mut order, &|a, b| {
        let (a, b) = (a as usize, b as usize);
        key(a).cmp(&key(b)).then_with(|| folded[a].cmp(&folded[b])).then_with(|| o.id[a].cmp(&o.id[b]))
    });
    order
}
