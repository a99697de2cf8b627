//! The entry point (wasm only): mounting the app into the page, with the index fetched.
//! What the app itself asks of the browser (history, geolocation, timing) is in [`crate::browser`].
//!
//! The page carries `<div id="explorer" data-base="../" data-index="../assets/explorer-index.bin"
//! data-lang="fr" data-district="bressoux">` with a static list inside. The static list stays
//! until the index is loaded and the app is ready, then is replaced in the same frame (a compact
//! mount whose end is in view waits, see [`mount`]); if the index cannot be
//! loaded, the static list simply stays.

use crate::app::{App, AppProps};
use crate::filter::Catalog;
use crate::url;
use gloo::events::EventListener;
use gloo::utils::{document, window};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// Entry point, run when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    let Some(root) = document().get_element_by_id("explorer") else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(message) = mount(root).await {
            web_sys::console::error_1(&["passerelle explorer: ", &message].concat().into());
        }
    });
}

/// The visitor's local day and minute, from the browser's clock (never the build day: a site
/// built last month still shows this week).
fn now() -> crate::filter::Now {
    let date = js_sys::Date::new_0();
    let day =
        passerelle_index::days_from_civil(date.get_full_year() as i32, date.get_month() + 1, date.get_date());
    crate::filter::Now { day, minute: (date.get_hours() * 60 + date.get_minutes()) as u16 }
}

async fn mount(root: Element) -> Result<(), String> {
    let data = |name: &str| root.get_attribute(&["data-", name].concat()).unwrap_or_default();
    let (base, index_url, district) = (data("base"), data("index"), data("district"));
    if index_url.is_empty() {
        return Err("the mount element has no data-index".into());
    }
    let bytes = fetch_bytes(&index_url).await.map_err(|e| [&index_url, ": ", &e].concat())?;
    let index = passerelle_index::decode(&bytes).map_err(|e| [&index_url, ": ", &e].concat())?;
    let catalog = Rc::new(Catalog::new(index, now()));

    // The URL wins; a district page without a query opens on its district.
    let search = window().location().search().unwrap_or_default();
    let mut initial = url::from_query_string(&search);
    if search.trim_start_matches('?').is_empty() && catalog.district_ix(&district).is_some() {
        initial.districts.insert(district);
    }
    let wide = window().inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w >= 900.0);
    let props = AppProps { catalog, base: base.into(), initial: Rc::new(initial), wide };
    let compact = root.class_list().contains("explorer-compact");
    let mut pending = Some((root.clone(), props));
    let mut take_over = move || {
        if let Some((root, props)) = pending.take() {
            root.set_inner_html("");
            root.class_list().add_1("px-mounted").ok();
            yew::Renderer::<App>::with_root_and_props(root, props).render();
        }
    };
    if !(compact && ends_in_view(&root)) {
        take_over();
        return Ok(());
    }
    // A compact mount (the home page) whose end is in view: the app is much taller than its
    // fallback and would push what follows down under the reader's eyes. It takes over once
    // that is no longer so (what follows out of sight, or the mount above the viewport, where
    // the browser's scroll anchoring keeps what is on screen still); until then the fallback
    // (links to the districts and the offers) does the job.
    EventListener::new(&window(), "scroll", move |_| {
        if !ends_in_view(&root) {
            take_over();
        }
    })
    .forget();
    Ok(())
}

/// Whether `element` ends inside the viewport, so that what follows it is in view.
fn ends_in_view(element: &Element) -> bool {
    let bottom = element.get_bounding_client_rect().bottom();
    let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    bottom > 0.0 && bottom < height
}

/// The body of `url` (fetched relative to the page).
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen_futures::JsFuture;
    let shown = |e: JsValue| e.as_string().unwrap_or_else(|| "network error".into());
    let response: web_sys::Response =
        JsFuture::from(window().fetch_with_str(url)).await.map_err(shown)?.unchecked_into();
    if !response.ok() {
        return Err(["HTTP ", &response.status().to_string()].concat());
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(shown)?).await.map_err(shown)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
