//! The result count, announced to screen readers (a `role="status"` live region), a chip per
//! venue the results are narrowed to (a tap removes it), and a "clear all" button when filters
//! are set.

use crate::filter::Query;
use crate::i18n::Strings;
use crate::index::Index;
use crate::state::{Action, Facet};
use yew::prelude::*;

/// The status line (a plain function, not a component: fewer component types in the wasm).
pub fn status(total: usize, q: &Query, index: &Index, s: &Strings, on_action: &Callback<Action>) -> Html {
    let chips = q.venues.iter().filter_map(|id| index.venues.iter().find(|v| v.id == *id)).map(|v| {
        let id = v.id.clone();
        html! {
            <button type="button" class="px-chip" aria-label={s.fill("venue_chip_remove", &[("name", &v.name)])}
                onclick={on_action.reform(move |_| Action::Toggle(Facet::Venue, id.clone()))}>
                { s.fill("venue_chip", &[("name", &v.name)]) }<span aria-hidden="true">{ " ×" }</span>
            </button>
        }
    });
    html! {
        <div class="px-status">
            <p role="status" aria-live="polite" aria-atomic="true" class="px-count">{ s.count("results", total) }</p>
            { for chips }
            if !q.is_empty() {
                <button type="button" class="px-clear" onclick={on_action.reform(|_| Action::Clear)}>{ s.get("clear") }</button>
            }
        </div>
    }
}
