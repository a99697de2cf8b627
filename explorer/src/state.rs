//! The explorer's state: the filter [`Query`], the user's position for "near me", and the
//! [`Outcome`] of running the query. Every change goes through [`State::apply`], which only
//! calls [`crate::filter`]; the yew `Reducible` wrapper (wasm only) delegates to it.

use crate::filter::{self, Bits, Catalog, Near, Outcome, Query, When};
use std::rc::Rc;

/// A facet whose values are ticked (several at once: alternatives).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    District,
    Audience,
    Discipline,
    Accessibility,
    Venue,
}

/// How a change should be recorded in the browser history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Record {
    /// A new entry (Back returns to the previous filters).
    Push,
    /// Replace the current entry (typing in the search box, a page opening).
    Replace,
    /// The state came from the URL (Back/Forward): leave the history alone.
    Keep,
}

/// Where "near me" stands while the browser is asked for the position.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Asking {
    #[default]
    Idle,
    Locating,
    Failed,
}

/// What the user (or the browser) did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetText(String),
    Toggle(Facet, String),
    SetFree(bool),
    SetAge(Option<u8>),
    SetWhen(When),
    /// Ticks or unticks a weekday (0 = Monday).
    ToggleWeekday(u8),
    /// Ticks or unticks a part of the day (0 = morning, 1 = afternoon, 2 = evening).
    TogglePart(u8),
    Page(usize),
    Clear,
    /// The URL changed (Back/Forward).
    Restore(Query),
    /// "Near me": the browser is asked for the position.
    Locating,
    /// "Near me": the position was refused or is unavailable.
    LocateFailed,
    /// "Near me": the user's `[lon, lat]`, or `None` to stop sorting by distance.
    Near(Option<[f64; 2]>),
    /// "Near me": only offers within this many metres (one of `filter::RADII`), or any distance.
    Radius(Option<u32>),
    /// "Filtrer sur ce lieu": the results narrowed to this venue alone (by id).
    OnlyVenue(String),
}

/// The explorer's state.
#[derive(Clone, Debug)]
pub struct State {
    pub catalog: Rc<Catalog>,
    pub query: Query,
    pub near: Option<[f64; 2]>,
    /// The "near me" radius in metres (kept in the state, never in the URL: a position is private).
    pub radius: Option<u32>,
    pub asking: Asking,
    pub outcome: Rc<Outcome>,
    pub record: Record,
    /// The search text `text_mask` was computed for, and its answer (reused while it holds).
    searched: String,
    text_mask: Option<Rc<Bits>>,
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.query == other.query
            && self.near == other.near
            && self.radius == other.radius
            && self.asking == other.asking
            && Rc::ptr_eq(&self.outcome, &other.outcome)
    }
}

impl State {
    /// The state a page opens with.
    pub fn new(catalog: Rc<Catalog>, query: Query) -> State {
        let mut state = State {
            catalog,
            query: Query::default(),
            near: None,
            radius: None,
            asking: Asking::Idle,
            outcome: Rc::default(),
            record: Record::Replace,
            searched: String::new(),
            text_mask: None,
        };
        state.query = query;
        state.refresh();
        state
    }

    /// The state after `action`.
    pub fn apply(&self, action: Action) -> State {
        let mut next = self.clone();
        let q = &mut next.query;
        next.record = Record::Push;
        let page = q.page;
        q.page = 0;
        match action {
            Action::SetText(text) => {
                q.text = text;
                next.record = Record::Replace;
            }
            Action::Toggle(facet, code) => {
                let set = match facet {
                    Facet::District => &mut q.districts,
                    Facet::Audience => &mut q.audiences,
                    Facet::Discipline => &mut q.disciplines,
                    Facet::Accessibility => &mut q.accessibility,
                    Facet::Venue => &mut q.venues,
                };
                if !set.remove(&code) {
                    set.insert(code);
                }
            }
            Action::SetFree(free) => q.free = free,
            Action::SetAge(age) => {
                q.age = age;
                // Typed digit by digit: one history entry, not one per key.
                next.record = Record::Replace;
            }
            Action::SetWhen(when) => q.when = when,
            Action::ToggleWeekday(d) => q.weekdays ^= 1 << (d % 7),
            Action::TogglePart(p) => q.parts ^= 1 << (p % 3),
            Action::Page(p) => q.page = p,
            Action::Clear => *q = Query::default(),
            Action::Restore(query) => {
                *q = query;
                next.record = Record::Keep;
            }
            Action::OnlyVenue(id) => {
                q.venues.clear();
                q.venues.insert(id);
            }
            Action::Locating | Action::LocateFailed => {
                next.asking = if action == Action::Locating { Asking::Locating } else { Asking::Failed };
                q.page = page;
                next.record = Record::Keep;
                // Nothing to filter again.
                return next;
            }
            Action::Near(near) => {
                next.near = near;
                next.asking = Asking::Idle;
                if near.is_none() {
                    next.radius = None;
                }
                q.page = page;
                next.record = Record::Keep;
            }
            Action::Radius(radius) => {
                next.radius = radius;
                next.record = Record::Keep;
            }
        }
        next.refresh();
        next
    }

    /// Re-runs the filter (the search only when its text changed); clamps the page.
    fn refresh(&mut self) {
        if self.searched != self.query.text {
            self.text_mask = filter::search(&self.catalog, &self.query.text).map(Rc::new);
            self.searched = self.query.text.clone();
        }
        let near = self.near.map(|at| Near { at, radius: self.radius });
        let outcome = filter::run(&self.catalog, &self.query, self.text_mask.as_deref(), near);
        self.query.page = self.query.page.min(outcome.pages() - 1);
        self.outcome = Rc::new(outcome);
    }
}

#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use passerelle_index::{Index, OfferRow, FORMAT_VERSION};

    fn state(offers: usize) -> State {
        let mut index = Index { version: FORMAT_VERSION, operators: vec!["Op".into()], ..Index::default() };
        index.vocab.audience = vec![("youth".into(), "Jeunes".into())];
        for i in 0..offers {
            index.offers.push(OfferRow {
                id: format!("o{i}"),
                title: format!("Offre {i}"),
                audiences: vec![0],
                ..OfferRow::default()
            });
        }
        State::new(Rc::new(Catalog::new(index, crate::filter::Now::default())), Query::default())
    }

    // Filters reset the page and push a history entry; typing replaces it; Back keeps history.
    #[test]
    fn transitions_record_history_and_reset_the_page() {
        let s = state(45).apply(Action::Page(2));
        assert_eq!((s.query.page, s.record), (2, Record::Push));
        let t = s.apply(Action::Toggle(Facet::Audience, "youth".into()));
        assert_eq!((t.query.page, t.record, t.outcome.results.len()), (0, Record::Push, 45));
        let u = t.apply(Action::SetText("offre 4".into()));
        assert_eq!(u.record, Record::Replace);
        assert_eq!(u.outcome.results.len(), 9, "every word anywhere: 4, 14, 24, 34, 40..44");
        let back = u.apply(Action::Restore(t.query.clone()));
        assert_eq!((back.record, back.outcome.results.len()), (Record::Keep, 45));
        let cleared = back.apply(Action::Toggle(Facet::Audience, "youth".into())).apply(Action::Clear);
        assert!(cleared.query.is_empty());
    }

    // "Near me" keeps the page and the URL; a page past the end is clamped.
    #[test]
    fn near_me_and_clamping() {
        let s = state(45).apply(Action::Page(1)).apply(Action::Near(Some([5.6, 50.6])));
        assert_eq!((s.query.page, s.record, s.near), (1, Record::Keep, Some([5.6, 50.6])));
        assert_eq!(state(45).apply(Action::Page(99)).query.page, 2);
    }

    // A venue chosen from the map replaces any other; the chip clears it; the radius is
    // forgotten with the position and never goes to the URL.
    #[test]
    fn venue_and_radius() {
        let s = state(3).apply(Action::OnlyVenue("a".into())).apply(Action::OnlyVenue("b".into()));
        assert_eq!((s.query.venues.len(), s.record), (1, Record::Push));
        assert!(s.query.venues.contains("b"));
        assert!(s.apply(Action::Toggle(Facet::Venue, "b".into())).query.is_empty());
        let asked = s.apply(Action::Locating);
        assert_eq!((asked.asking, Rc::ptr_eq(&asked.outcome, &s.outcome)), (Asking::Locating, true));
        assert_eq!(asked.apply(Action::LocateFailed).asking, Asking::Failed);
        let r = asked.apply(Action::Near(Some([5.6, 50.6]))).apply(Action::Radius(Some(500)));
        assert_eq!(r.asking, Asking::Idle);
        assert_eq!((r.radius, r.record), (Some(500), Record::Keep));
        assert_eq!(r.apply(Action::Near(None)).radius, None);
    }
}
