//! The root component: holds the state (a reducer over [`State`]), keeps the URL in step, and
//! lays out the thin components, passing data down and `Action` callbacks up.

use crate::browser;
use crate::components::{
    facets::{facets, Facets},
    map::MapView,
    near::{near_me, Near},
    pager::pager,
    results::result_list,
    search::search_box,
    status::status,
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
    // Near me: the browser is asked for the position, or near me stops.
    let toggle_near = {
        let (dispatcher, active) = (state.dispatcher(), state.near.is_some());
        Callback::from(move |_: MouseEvent| {
            if active {
                return dispatcher.dispatch(Action::Near(None));
            }
            dispatcher.dispatch(Action::Locating);
            let dispatcher = dispatcher.clone();
            browser::locate(move |position| {
                dispatcher.dispatch(if position.is_some() {
                    Action::Near(position)
                } else {
                    Action::LocateFailed
                })
            });
        })
    };
    // To the results (the filters' sheet folded, a venue chosen from the map): the phone's
    // switch back on the list, the focus on the results' heading.
    let to_results = Callback::from(|_: ()| {
        browser::show_list();
        browser::after_paint(browser::focus_results);
    });
    let on_venue = {
        let (dispatcher, to_results) = (state.dispatcher(), to_results.clone());
        Callback::from(move |id: String| {
            dispatcher.dispatch(Action::OnlyVenue(id));
            to_results.emit(());
        })
    };
    let s = &*strings;
    let outcome = &state.outcome;
    let q = &state.query;
    let index = &props.catalog.index;
    let near = Near {
        active: state.near.is_some(),
        asking: state.asking,
        radius: state.radius,
        counts: outcome.counts.radii,
    };
    // Phones show the list or the map: two radio buttons, and the stylesheet does the rest.
    // Raw markup: yew would set `checked` again on every render, turning the map back to the
    // list at each filter change; this markup never changes, so yew leaves it alone.
    let switch = Html::from_html_unchecked(AttrValue::from(
        [
            "<input type=\"radio\" name=\"px-view\" id=\"px-view-list\" checked><label for=\"px-view-list\">",
            s.get("view_list"),
            "</label><input type=\"radio\" name=\"px-view\" id=\"px-view-map\"><label for=\"px-view-map\">",
            s.get("view_map"),
            "</label>",
        ]
        .concat(),
    ));
    html! {
        <div class="px-explorer">
            <a class="px-skip" href="#px-results-title">{ s.get("skip_results") }</a>
            <div class="px-bar">
                { search_box(&q.text, s, &on_action) }
                { near_me(&near, s, toggle_near, &on_action) }
            </div>
            <div class="px-body">
                { facets(&Facets { catalog: &props.catalog, query: q, counts: &outcome.counts, open: props.wide,
                    total: outcome.results.len() }, s, &on_action, to_results) }
                <div class="px-main">
                    <div class="px-switch" role="radiogroup" aria-label={s.get("view").to_owned()}>
                        { switch }
                    </div>
                    <MapView catalog={props.catalog.clone()} query={q.clone()} outcome={outcome.clone()}
                        near={state.near} radius={state.radius} {on_venue}
                        base={props.base.clone()} strings={strings.clone()} on_action={on_action.clone()} />
                    <section class="px-results" aria-labelledby="px-results-title">
                        <h2 id="px-results-title" class="px-results-title" tabindex="-1">{ s.get("results") }</h2>
                        { status(outcome.results.len(), q, index, s, &on_action) }
                        { result_list(&props.catalog, outcome.page(q.page), outcome.venue_distance.as_deref(), &props.base, s) }
                        { pager(q.page, outcome.pages(), s, &on_action) }
                    </section>
                </div>
            </div>
        </div>
    }
}
