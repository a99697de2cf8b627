//! "Près de chez moi": asks for the user's position (through `locate`, which the app wires to
//! the browser), then sorts by distance.

use crate::i18n::Strings;
use crate::state::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct NearMeProps {
    pub active: bool,
    /// Asks for the user's `[lon, lat]`; the answer (`None`: refused or unavailable) comes
    /// back through the callback it is given.
    pub locate: Callback<Callback<Option<[f64; 2]>>>,
    pub strings: Rc<Strings>,
    pub on_action: Callback<Action>,
}

#[derive(Clone, Copy, PartialEq)]
enum Asking {
    Idle,
    Locating,
    Failed,
}

#[function_component(NearMe)]
pub fn near_me(props: &NearMeProps) -> Html {
    let asking = use_state(|| Asking::Idle);
    let s = &props.strings;
    let onclick = {
        let (asking, on_action, active) = (asking.clone(), props.on_action.clone(), props.active);
        let locate = props.locate.clone();
        Callback::from(move |_: MouseEvent| {
            if active {
                on_action.emit(Action::Near(None));
                return;
            }
            asking.set(Asking::Locating);
            let (asking, on_action) = (asking.clone(), on_action.clone());
            locate.emit(Callback::from(move |position: Option<[f64; 2]>| {
                asking.set(if position.is_some() { Asking::Idle } else { Asking::Failed });
                if position.is_some() {
                    on_action.emit(Action::Near(position));
                }
            }));
        })
    };
    let note = match (*asking, props.active) {
        (Asking::Locating, _) => s.get("near_locating"),
        (Asking::Failed, _) => s.get("near_error"),
        (_, true) => s.get("near_active"),
        _ => "",
    };
    html! {
        <div class="px-near">
            <button type="button" class="px-near-button" aria-pressed={props.active.to_string()} {onclick}>
                <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16"><circle cx="8" cy="8" r="3" /><path d="M8 0v3M8 13v3M0 8h3M13 8h3" /></svg>
                { s.get("near_me") }
            </button>
            <span class="px-near-note" aria-live="polite">{ note }</span>
        </div>
    }
}
