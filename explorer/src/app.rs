//! The root component: holds the state (a reducer over [`State`]), keeps the URL in step, and
//! lays out the thin components, passing data down and `Action` callbacks up.

use crate::browser;
use crate::components::{
    facets::Facets, map::MapView, near::NearMe, pager::Pager, results::ResultList, search::SearchBox,
    status::Status,
};
use crate::filter::{Catalog, Query};
use crate::i18n::Strings;
use crate::state::{Action, State};
use gloo::events::EventListener;
use gloo::utils::window;
use std::rc::Rc;
use yew::prelude::*;

/// What the page gives the app.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub catalog: Rc<Catalog>,
    /// The relative path from the page to the site root (`../`).
    pub base: AttrValue,
    pub initial: Rc<Query>,
    /// A wide screen: the filters start unfolded.
    pub wide: bool,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(|| State::new(props.catalog.clone(), (*props.initial).clone()));
    let strings = use_memo((), {
        let index = &props.catalog.index;
        let s = Strings::new(&index.lang, index.strings.clone());
        move |_| s
    });

    // After each change is on screen: a performance mark (`px-rendered`, what the benchmark
    // times), then the URL follows the state, once the frame is painted (history calls can
    // block for milliseconds). Back/Forward bring the state back.
    use_effect_with((state.query.clone(), state.record), |(query, record)| {
        browser::mark_rendered();
        let (query, record) = (query.clone(), *record);
        browser::after_paint(move || browser::record(&query, record));
    });
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&window(), "popstate", move |_| {
                dispatcher.dispatch(Action::Restore(browser::current_query()))
            });
            move || drop(listener)
        });
    }

    // One callback for the app's life: children whose data did not change skip their render.
    let on_action = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action: Action, _| dispatcher.dispatch(action))
    };
    // Near me asks the browser for the position; the button only hears the answer.
    let locate = use_callback((), |reply: Callback<Option<[f64; 2]>>, _| {
        browser::locate(move |position| reply.emit(position))
    });
    let s = &*strings;
    let outcome = &state.outcome;
    let q = &state.query;
    html! {
        <div class="px-explorer">
            <div class="px-bar">
                <SearchBox text={q.text.clone()} strings={strings.clone()} on_action={on_action.clone()} />
                <NearMe active={state.near.is_some()} {locate} strings={strings.clone()} on_action={on_action.clone()} />
            </div>
            <div class="px-body">
                <Facets catalog={props.catalog.clone()} query={q.clone()} counts={outcome.counts.clone()}
                    open={props.wide} strings={strings.clone()} on_action={on_action.clone()} />
                <div class="px-main">
                    <MapView catalog={props.catalog.clone()} districts={q.districts.clone()}
                        per_venue={Rc::new(outcome.per_venue.clone())} counts={Rc::new(outcome.counts.districts.clone())}
                        near={state.near} base={props.base.clone()} strings={strings.clone()} on_action={on_action.clone()} />
                    <section class="px-results" aria-labelledby="px-results-title">
                        <h2 id="px-results-title" class="px-results-title" tabindex="-1">{ s.get("results") }</h2>
                        <Status total={outcome.results.len()} filtered={!q.is_empty()} strings={strings.clone()} on_action={on_action.clone()} />
                        <ResultList catalog={props.catalog.clone()} offers={Rc::new(outcome.page(q.page).to_vec())}
                            distances={outcome.venue_distance.clone().map(Rc::new)} base={props.base.clone()} strings={strings.clone()} />
                        <Pager page={q.page} pages={outcome.pages()} strings={strings.clone()} on_action={on_action} />
                    </section>
                </div>
            </div>
        </div>
    }
}
