//! Pages of results: previous / next and where we are, so 10,000 offers render 20 at a time.

use crate::i18n::Strings;
use crate::state::Action;
use gloo::utils::document;
use std::rc::Rc;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct PagerProps {
    pub page: usize,
    pub pages: usize,
    pub strings: Rc<Strings>,
    pub on_action: Callback<Action>,
}

/// Brings the results' heading into view and focus, so a keyboard or screen reader user lands
/// on the new page.
fn to_results_top() {
    if let Some(el) = document().get_element_by_id("px-results-title") {
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            el.scroll_into_view();
            let _ = el.focus();
        }
    }
}

#[function_component(Pager)]
pub fn pager(props: &PagerProps) -> Html {
    if props.pages <= 1 {
        return html! {};
    }
    let s = &props.strings;
    let go = |page: usize| {
        props.on_action.reform(move |_: MouseEvent| {
            to_results_top();
            Action::Page(page)
        })
    };
    let (page, pages) = (props.page, props.pages);
    let label = s.fill("page_of", &[("page", &(page + 1).to_string()), ("pages", &pages.to_string())]);
    html! {
        <nav class="px-pager" aria-label={s.get("pages").to_owned()}>
            <button type="button" disabled={page == 0} onclick={go(page.saturating_sub(1))}>{ s.get("page_prev") }</button>
            <span>{ label }</span>
            <button type="button" disabled={page + 1 >= pages} onclick={go(page + 1)}>{ s.get("page_next") }</button>
        </nav>
    }
}
