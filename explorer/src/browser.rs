//! The browser helpers the app calls (wasm only): the URL and the history, geolocation, and
//! frame timing. Components never call them: the app does, and hands components callbacks.

use crate::filter::Query;
use crate::state::Record;
use crate::url;
use gloo::utils::window;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Records `query` in the URL as `record` says (a new history entry, or in place).
pub fn record(query: &Query, record: Record) {
    if record == Record::Keep {
        return;
    }
    let location = window().location();
    let qs = url::to_query_string(query);
    let current = location.search().unwrap_or_default();
    if current.trim_start_matches('?') == qs {
        return;
    }
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let target = if qs.is_empty() { [path, hash].concat() } else { [path, "?".into(), qs, hash].concat() };
    let Ok(history) = window().history() else { return };
    let _ = match record {
        Record::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&target)),
        _ => history.replace_state_with_url(&JsValue::NULL, "", Some(&target)),
    };
}

/// The filter state in the current URL.
pub fn current_query() -> Query {
    url::from_query_string(&window().location().search().unwrap_or_default())
}

/// Calls `done` with the user's `[lon, lat]`, or `None` when it is refused or unavailable.
pub fn locate(done: impl Fn(Option<[f64; 2]>) + 'static) {
    let done = Rc::new(done);
    let Ok(geolocation) = window().navigator().geolocation() else {
        done(None);
        return;
    };
    let ok = {
        let done = done.clone();
        Closure::once_into_js(move |position: JsValue| {
            let get =
                |v: &JsValue, key: &str| js_sys::Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED);
            let coords = get(&position, "coords");
            let lonlat = get(&coords, "longitude").as_f64().zip(get(&coords, "latitude").as_f64());
            done(lonlat.map(|(lon, lat)| [lon, lat]));
        })
    };
    let failed = {
        let done = done.clone();
        Closure::once_into_js(move |_: JsValue| done(None))
    };
    if geolocation
        .get_current_position_with_error_callback(ok.unchecked_ref(), Some(failed.unchecked_ref()))
        .is_err()
    {
        done(None);
    }
}

/// Brings the results' heading into view and focus, so a keyboard or screen reader user lands
/// on the results.
pub fn focus_results() {
    let heading = gloo::utils::document().get_element_by_id("px-results-title");
    if let Some(heading) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        heading.scroll_into_view();
        let _ = heading.focus();
    }
}

/// Turns the phone's list / map switch to the list.
pub fn show_list() {
    let list = gloo::utils::document().get_element_by_id("px-view-list");
    if let Some(list) = list.and_then(|l| l.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        list.set_checked(true);
    }
}

/// Marks the moment a change is rendered: the performance mark `px-rendered` (the latest only),
/// which the filter-change benchmark reads (xtask/browser/bench/explorer-perf.mjs).
pub fn mark_rendered() {
    if let Some(performance) = window().performance() {
        performance.clear_marks_with_mark_name("px-rendered");
        let _ = performance.mark("px-rendered");
    }
}

/// Runs `then` once the next frame is painted (a frame callback, then a task), so that work
/// the user does not see stays out of the frame that shows a change.
pub fn after_paint(then: impl FnOnce() + 'static) {
    let task = Closure::once_into_js(then);
    let frame = Closure::once_into_js(move || {
        let _ = window().set_timeout_with_callback(task.unchecked_ref());
    });
    let _ = window().request_animation_frame(frame.unchecked_ref());
}
