//! The search box: accent- and case-insensitive search over titles, summaries, operators, venues.

use crate::i18n::Strings;
use crate::state::Action;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct SearchBoxProps {
    pub text: String,
    pub strings: Rc<Strings>,
    pub on_action: Callback<Action>,
}

#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    let oninput = props
        .on_action
        .reform(|e: InputEvent| Action::SetText(e.target_unchecked_into::<HtmlInputElement>().value()));
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let s = &props.strings;
    html! {
        <form class="px-search" role="search" {onsubmit}>
            <label for="px-q">{ s.get("search_label") }</label>
            <input id="px-q" type="search" autocomplete="off" value={props.text.clone()}
                placeholder={s.get("search_placeholder").to_owned()} {oninput} />
        </form>
    }
}
