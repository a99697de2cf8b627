//! The search box: accent- and case-insensitive search over titles, summaries, operators, venues.

use crate::i18n::Strings;
use crate::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The search form (a plain function, not a component: fewer component types in the wasm).
pub fn search_box(text: &str, s: &Strings, on_action: &Callback<Action>) -> Html {
    let oninput = on_action
        .reform(|e: InputEvent| Action::SetText(e.target_unchecked_into::<HtmlInputElement>().value()));
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="px-search" role="search" {onsubmit}>
            <label for="px-q">{ s.get("search_label") }</label>
            <input id="px-q" type="search" autocomplete="off" value={text.to_owned()}
                placeholder={s.get("search_placeholder").to_owned()} {oninput} />
        </form>
    }
}
