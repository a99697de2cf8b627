//! Pages of results: previous / next and where we are, so 10,000 offers render 20 at a time.

use crate::browser;
use crate::i18n::Strings;
use crate::state::Action;
use yew::prelude::*;

/// The pager (a plain function, not a component: fewer component types in the wasm); nothing
/// when the results fit on one page. A new page brings the results' heading into view and
/// focus, so a keyboard or screen reader user lands on it.
pub fn pager(page: usize, pages: usize, s: &Strings, on_action: &Callback<Action>) -> Html {
    if pages <= 1 {
        return html! {};
    }
    let go = |page: usize| {
        on_action.reform(move |_: MouseEvent| {
            browser::focus_results();
            Action::Page(page)
        })
    };
    let label = s.fill("page_of", &[("page", &(page + 1).to_string()), ("pages", &pages.to_string())]);
    html! {
        <nav class="px-pager" aria-label={s.get("pages").to_owned()}>
            <button type="button" disabled={page == 0} onclick={go(page.saturating_sub(1))}>{ s.get("page_prev") }</button>
            <span>{ label }</span>
            <button type="button" disabled={page + 1 >= pages} onclick={go(page + 1)}>{ s.get("page_next") }</button>
        </nav>
    }
}
