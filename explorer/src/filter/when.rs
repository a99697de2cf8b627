//! Time, from the visitor's clock (never the build day): each offer's next session, whether it
//! is still current, and one bitset per window ("today", "this weekend", "this week", "this
//! month": from now to the end of that day, Sunday night, the month's last day) and per
//! (weekday, part of day) slot, all from the recurrence the index carries
//! (`passerelle_index::time`), the very rule the generator expanded for the static pages.

use super::bits::Bits;
use passerelle_index::time::{PartOfDay, Recurrence, Session, Windows, HORIZON_DAYS};
use passerelle_index::{weekday, Index};

/// The visitor's local day (day number) and minute of the day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Now {
    pub day: i32,
    pub minute: u16,
}

/// How many weeks of sessions the weekday and time-of-day facets look at.
pub const SLOT_WEEKS: i32 = 12;

/// The three parts of the day, in facet order.
pub const PARTS: [PartOfDay; 3] = [PartOfDay::Morning, PartOfDay::Afternoon, PartOfDay::Evening];

/// What filtering needs to know about time, computed once per page load.
#[derive(Debug)]
pub struct Timeline {
    pub now: Now,
    pub windows: Windows,
    /// Per offer: its next session still to come (over: `None`).
    pub next: Vec<Option<Session>>,
    /// Offers open on their venue's hours (no set sessions), and not ended.
    pub permanent: Bits,
    /// Offers not ended: a session to come, or permanent and open.
    pub current: Bits,
    pub today: Bits,
    pub weekend: Bits,
    pub week: Bits,
    pub month: Bits,
    /// Per `weekday * 3 + part`: offers with a session to come then (within [`SLOT_WEEKS`]).
    pub slots: Vec<Bits>,
}

/// Whether a permanent offer is open on some day of `first..=last`.
fn open_between(rec: &Recurrence, first: i32, last: i32) -> bool {
    let lo = rec.from.map_or(first, |f| f.max(first));
    let hi = rec.until.map_or(last, |u| u.min(last));
    lo <= hi
}

impl Timeline {
    pub fn new(index: &Index, now: Now) -> Timeline {
        let o = &index.offers;
        let n = o.len();
        let w = Windows::at(now.day);
        let at = (now.day, now.minute);
        let mut t = Timeline {
            now,
            windows: w,
            next: Vec::with_capacity(n),
            permanent: Bits::none(n),
            current: Bits::none(n),
            today: Bits::none(n),
            weekend: Bits::none(n),
            week: Bits::none(n),
            month: Bits::none(n),
            slots: vec![Bits::none(n); 21],
        };
        let slot_end = now.day + 7 * SLOT_WEEKS - 1;
        for (i, rec) in o.when.iter().enumerate() {
            if rec.is_permanent() {
                t.next.push(None);
                if open_between(rec, now.day, now.day + HORIZON_DAYS) {
                    t.permanent.insert(i);
                    t.current.insert(i);
                    for (bits, last) in
                        [(&mut t.today, w.today), (&mut t.week, w.sunday), (&mut t.month, w.month_end)]
                    {
                        if open_between(rec, now.day, last) {
                            bits.insert(i);
                        }
                    }
                    if open_between(rec, w.weekend_start, w.sunday) {
                        t.weekend.insert(i);
                    }
                }
                continue;
            }
            let upcoming = rec.upcoming(&index.holidays, at, slot_end.max(w.month_end));
            let next =
                upcoming.first().copied().or_else(|| rec.next(&index.holidays, at, now.day + HORIZON_DAYS));
            t.next.push(next);
            if next.is_some() {
                t.current.insert(i);
            }
            let on = |first: i32, last: i32| upcoming.iter().any(|s| first <= s.day && s.day <= last);
            for (bits, first, last) in [
                (&mut t.today, now.day, w.today),
                (&mut t.weekend, w.weekend_start, w.sunday),
                (&mut t.week, now.day, w.sunday),
                (&mut t.month, now.day, w.month_end),
            ] {
                if on(first, last) {
                    bits.insert(i);
                }
            }
            for s in upcoming.iter().filter(|s| s.day <= slot_end) {
                if let Some(part) = s.part_of_day() {
                    let p = PARTS.iter().position(|x| *x == part).unwrap_or(0);
                    t.slots[weekday(s.day) as usize * 3 + p].insert(i);
                }
            }
        }
        t
    }

    /// Offers with a session to come between two days (inclusive), or permanent and open then.
    pub fn between(&self, index: &Index, from: Option<i32>, to: Option<i32>) -> Bits {
        let first = from.map_or(self.now.day, |f| f.max(self.now.day));
        let last = to.unwrap_or(self.now.day + HORIZON_DAYS).min(self.now.day + HORIZON_DAYS);
        let at = (self.now.day, self.now.minute);
        Bits::from_fn(index.offers.len(), |i| {
            let rec = &index.offers.when[i];
            if rec.is_permanent() {
                return self.permanent.contains(i) && open_between(rec, first, last);
            }
            self.next[i].is_some_and(|s| s.day <= last)
                && rec.upcoming(&index.holidays, at, last).iter().any(|s| s.day >= first)
        })
    }

    /// The offers with a session in any of the chosen weekdays × parts of the day (bit masks:
    /// bit 0 = Monday / morning; 0 = any).
    pub fn slot_mask(&self, weekdays: u8, parts: u8) -> Option<Bits> {
        if weekdays == 0 && parts == 0 {
            return None;
        }
        let n = self.current.len();
        let mut acc = Bits::none(n);
        for day in (0..7).filter(|d| weekdays == 0 || weekdays & (1 << d) != 0) {
            for part in (0..3).filter(|p| parts == 0 || parts & (1 << p) != 0) {
                acc.or_with(&self.slots[day * 3 + part]);
            }
        }
        Some(acc)
    }
}
