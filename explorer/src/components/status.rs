//! The result count, announced to screen readers (a `role="status"` live region), with a
//! "clear all" button when filters are set.

use crate::i18n::Strings;
use crate::state::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct StatusProps {
    pub total: usize,
    pub filtered: bool,
    pub strings: Rc<Strings>,
    pub on_action: Callback<Action>,
}

#[function_component(Status)]
pub fn status(props: &StatusProps) -> Html {
    let s = &props.strings;
    html! {
        <div class="px-status">
            <p role="status" aria-live="polite" aria-atomic="true" class="px-count">{ s.count("results", props.total) }</p>
            if props.filtered {
                <button type="button" class="px-clear" onclick={props.on_action.reform(|_| Action::Clear)}>{ s.get("clear") }</button>
            }
        </div>
    }
}
