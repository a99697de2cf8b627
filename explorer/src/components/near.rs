//! "Près de chez moi": asks for the user's position (the app asks the browser), then sorts by
//! distance; once located, a radius (500 m … 5 km) with the offers within each.

use crate::filter::RADII;
use crate::i18n::Strings;
use crate::state::{Action, Asking};
use yew::prelude::*;

/// What "near me" shows: on or off, where asking stands, the radius and the counts within each
/// of `filter::RADII`.
pub struct Near {
    pub active: bool,
    pub asking: Asking,
    pub radius: Option<u32>,
    pub counts: [u32; 4],
}

/// One radius choice ("500 m (3)", "1 km (8)"… "Toutes distances"), pressed when chosen.
fn radius_button(
    radius: Option<u32>,
    n: u32,
    chosen: Option<u32>,
    s: &Strings,
    on_action: &Callback<Action>,
) -> Html {
    let label = match radius {
        Some(r) if r >= 1000 => s.fill("scale_km", &[("n", &(r / 1000).to_string())]),
        Some(r) => s.fill("scale_m", &[("n", &r.to_string())]),
        None => s.get("radius_any").to_owned(),
    };
    html! {
        <button type="button" aria-pressed={(chosen == radius).to_string()} onclick={on_action.reform(move |_| Action::Radius(radius))}>
            { label }
            if radius.is_some() { <span class="px-n">{ n }</span> }
        </button>
    }
}

/// The button, its note and the radii (a plain function, not a component: fewer component
/// types in the wasm). `toggle`: the button's click (the app asks for the position or stops).
pub fn near_me(near: &Near, s: &Strings, toggle: Callback<MouseEvent>, on_action: &Callback<Action>) -> Html {
    let note = match (near.asking, near.active) {
        (Asking::Locating, _) => s.get("near_locating"),
        (Asking::Failed, _) => s.get("near_error"),
        (_, true) => s.get("near_active"),
        _ => "",
    };
    html! {
        <div class="px-near">
            <button type="button" class="px-near-button" aria-pressed={near.active.to_string()} onclick={toggle}>
                <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16"><circle cx="8" cy="8" r="3" /><path d="M8 0v3M8 13v3M0 8h3M13 8h3" /></svg>
                { s.get("near_me") }
            </button>
            <span class="px-near-note" aria-live="polite">{ note }</span>
            if near.active {
                <div class="px-radii" role="group" aria-label={s.get("radius").to_owned()}>
                    { for RADII.iter().zip(near.counts).map(|(&r, n)| radius_button(Some(r), n, near.radius, s, on_action)) }
                    { radius_button(None, 0, near.radius, s, on_action) }
                </div>
            }
        </div>
    }
}
