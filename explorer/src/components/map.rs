//! The map: district shapes (click, Enter or Space to filter) over the basemap, and on top of
//! them, in CSS pixels whatever the zoom, the venue markers (clusters where they crowd), the
//! district labels placed clear of them ([`layout`]), "you are here", a scale bar and a legend.
//! Pan and zoom by wheel, drag, pinch, double tap and keys ([`use_map_gestures`]) and buttons.
//! Filters go up as `Action`s.

use crate::components::popup::{self, Popup};
use crate::filter::{Catalog, Outcome, Query};
use crate::geo::{self, dec1};
use crate::hooks::use_map_gestures;
use crate::i18n::Strings;
use crate::index::BaseKind;
use crate::layout::{self, Marker, Screen, Wanted};
use crate::markup;
use crate::state::{Action, Facet};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct MapProps {
    pub catalog: Rc<Catalog>,
    /// The filters (the districts ticked, the popup's "+ N autres" link).
    pub query: Query,
    /// Matching offers per venue and per district.
    pub outcome: Rc<Outcome>,
    pub near: Option<[f64; 2]>,
    /// The "near me" radius in metres.
    pub radius: Option<u32>,
    /// "Filtrer sur ce lieu" (a venue id).
    pub on_venue: Callback<String>,
    pub base: AttrValue,
    pub strings: Rc<Strings>,
    pub on_action: Callback<Action>,
}

/// `left` and `top` in CSS pixels.
fn place([x, y]: [f64; 2]) -> String {
    ["left:", &dec1(x), "px;top:", &dec1(y), "px"].concat()
}

#[function_component(MapView)]
pub fn map_view(props: &MapProps) -> Html {
    let index = &props.catalog.index;
    let frame = &index.map;
    let frame_ref = use_node_ref();
    let gestures = use_map_gestures(frame_ref.clone(), frame.width, frame.height);
    let view = gestures.view.clone();
    let popup = use_state(|| None::<usize>);
    let popup_ref = use_node_ref();
    // The markers and the view of the latest render, for the markers' click listener.
    let shown = use_mut_ref(|| (*view, Vec::<Marker>::new()));
    // A popup that opens takes the focus.
    {
        let popup_ref = popup_ref.clone();
        use_effect_with(*popup, move |open| {
            if let Some(element) = open.and_then(|_| popup_ref.cast::<HtmlElement>()) {
                let _ = element.focus();
            }
        });
    }
    // "Near me": the map centres on the user, framing the radius (1 km without one).
    {
        let view = view.clone();
        let (frame, near, radius) = (frame.clone(), props.near, props.radius);
        use_effect_with((near, radius), move |_| {
            if let Some(at) = near {
                let [x, y] = frame.project(at);
                let r = f64::from(radius.unwrap_or(1000)) / frame.metres_per_unit(y);
                view.set(view.reset().zoom_to([x - r, y - r, x + r, y + r]));
            }
        });
    }
    let s = &*props.strings;
    let (per_venue, counts) = (&props.outcome.per_venue, &props.outcome.counts.districts);

    // Escape closes the popup and gives the focus back to its marker.
    let close_popup = {
        let (popup, frame_ref) = (popup.clone(), frame_ref.clone());
        Callback::from(move |_: ()| {
            let Some(i) = *popup else { return };
            popup.set(None);
            let selector = ["[data-v=\"", &i.to_string(), "\"]"].concat();
            let marker = frame_ref.cast::<Element>().and_then(|f| f.query_selector(&selector).ok().flatten());
            if let Some(marker) = marker.and_then(|m| m.dyn_into::<HtmlElement>().ok()) {
                let _ = marker.focus();
            }
        })
    };
    let onkeydown = {
        let (keys, close_popup) = (gestures.onkeydown.clone(), close_popup.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                close_popup.emit(());
            } else if e
                .target()
                .and_then(|t| t.dyn_into::<HtmlElement>().ok())
                .is_none_or(|t| t.closest(".px-popup").ok().flatten().is_none())
            {
                keys.emit(e);
            }
        })
    };
    let zoom_by = |factor: f64| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| view.set(view.zoom_centre(factor)))
    };
    let reset = {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| view.set(view.reset()))
    };
    // The district outlines, as shared strings (compared, never copied, on each render).
    let outlines = use_memo(props.catalog.clone(), |c| {
        c.index
            .districts
            .iter()
            .map(|d| AttrValue::from(Rc::<str>::from(d.path.as_str())))
            .collect::<Vec<_>>()
    });

    let (width, height) = gestures.size;
    let screen = Screen { width, height, view: *view };
    let scale = screen.scale();
    let px = 1.0 / scale;
    let xy: Vec<[f64; 2]> = index.venues.iter().map(|v| v.xy).collect();
    // Kept for the click listener, then read from there (no copy).
    *shown.borrow_mut() =
        (*view, if width > 0.0 { layout::markers(&xy, per_venue, &screen) } else { Vec::new() });
    let kept = shown.borrow();
    let markers = &kept.1;
    // The names, first come first placed: districts, groups outside them, then the basemap's
    // (rivers, streets, parks, landmarks), each with its class.
    let outside_name = s.get("outside");
    let names: Vec<(&str, [f64; 2], &str)> = index
        .districts
        .iter()
        .filter(|d| !d.path.is_empty())
        .map(|d| (d.name.as_str(), d.label, "px-label"))
        .chain(index.outside.iter().map(|o| (outside_name, o.label, "px-label px-outside-name")))
        .chain(index.basemap.iter().filter(|f| !f.name.is_empty()).map(|f| {
            (
                f.name.as_str(),
                f.at,
                if f.kind == 0 { "px-label px-water-name" } else { "px-label px-base-name" },
            )
        }))
        .collect();
    let wanted: Vec<Wanted> =
        names.iter().map(|&(name, at, _)| Wanted { chars: name.chars().count(), at }).collect();
    let placed = if width > 0.0 { layout::labels(&wanted, markers, &screen) } else { Vec::new() };

    // The basemap's paths (made once per catalog).
    let base_paths = use_memo(props.catalog.clone(), |c| {
        c.index.basemap.iter().map(|f| AttrValue::from(Rc::<str>::from(f.path.as_str()))).collect::<Vec<_>>()
    });
    let basemap = index.basemap.iter().zip(base_paths.iter()).map(|(f, d)| {
        html! { <path class={["px-base px-", BaseKind::from_u8(f.kind).code()].concat()} d={d.clone()} /> }
    });
    // Tiles only once the map's size is known: their zoom level follows it.
    let tiles = frame
        .tiles
        .as_deref()
        .filter(|_| width > 0.0)
        .map(|t| geo::tiles(frame, t, [view.x, view.y, view.w, view.h], scale));
    let districts = index.districts.iter().enumerate().filter(|(_, d)| !d.path.is_empty()).map(|(i, d)| {
        let selected = props.query.districts.contains(&d.id);
        let n = counts.get(i).copied().unwrap_or(0);
        let label = [d.name.as_str(), " (", &s.count("results", n as usize), ")"].concat();
        let toggle = {
            let (on_action, id, gesture) = (props.on_action.clone(), d.id.clone(), gestures.gesture.clone());
            move || {
                if gesture.borrow().is_click() {
                    on_action.emit(Action::Toggle(Facet::District, id.clone()));
                }
            }
        };
        let onclick = {
            let toggle = toggle.clone();
            Callback::from(move |_: MouseEvent| toggle())
        };
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                e.stop_propagation();
                toggle();
            }
        });
        let class = classes!("px-district", selected.then_some("px-selected"), (n == 0).then_some("px-none"));
        html! {
            <path key={d.id.clone()} {class} d={outlines[i].clone()} tabindex="0" role="button"
                aria-pressed={selected.to_string()} aria-label={label} {onclick} {onkeydown} />
        }
    });
    let labels = placed.iter().map(|p| {
        let (name, _, class) = names[p.label];
        html! { <span {class} style={place(p.at)} aria-hidden="true">{ name }</span> }
    });
    // One click listener for every marker (made once): it finds the marker by its first venue
    // (`data-v`) among those of the latest render, then opens its popup or zooms on its cluster.
    let on_marker = {
        let (shown, popup, view, gesture) =
            (shown.clone(), popup.setter(), view.setter(), gestures.gesture.clone());
        use_callback((), move |e: MouseEvent, _| {
            let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
            let Some(first) =
                target.and_then(|t| t.get_attribute("data-v")).and_then(|v| v.parse::<u32>().ok())
            else {
                return;
            };
            if !gesture.borrow().is_click() {
                return;
            }
            let (latest, markers) = &*shown.borrow();
            match markers.iter().find(|m| m.venues[0] == first) {
                Some(m) if m.is_cluster() => view.set(latest.zoom_to(m.bounds)),
                Some(_) => popup.set(Some(first as usize)),
                None => {}
            }
        })
    };
    // The markers as one block of markup (see `markup`): unchanged markers, no DOM work.
    let mut marker_markup = String::new();
    markup::markers(markers, &index.venues, s, &mut marker_markup);
    // "You are here": a dot with its words, and the radius as a circle.
    let me = props.near.map(|lonlat| {
        let at = screen.pixel(frame.project(lonlat));
        html! { <span class="px-me" style={place(at)}><span class="px-me-dot"></span>{ s.get("you_are_here") }</span> }
    });
    let circle = props.near.zip(props.radius).map(|(lonlat, radius)| {
        let [x, y] = frame.project(lonlat);
        let r = f64::from(radius) / frame.metres_per_unit(y);
        html! { <circle class="px-radius" cx={dec1(x)} cy={dec1(y)} r={geo::dec2(r)} /> }
    });
    let popup_html = popup.filter(|&i| i < index.venues.len()).map(|i| {
        let venue = &index.venues[i];
        let mut narrowed = Query { page: 0, ..props.query.clone() };
        narrowed.venues.clear();
        narrowed.venues.insert(venue.id.clone());
        let shown = Popup {
            catalog: &props.catalog,
            venue: i,
            offers: props.outcome.at_venue(&props.catalog, i as u32),
            at: screen.pixel(venue.xy),
            size: (width, height),
            base: &props.base,
            narrowed: crate::url::to_query_string(&narrowed),
        };
        let filter = {
            let (on_venue, id, popup) = (props.on_venue.clone(), venue.id.clone(), popup.clone());
            // Also the "+ N autres" link's: the app narrows the results (no page load).
            Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                popup.set(None);
                on_venue.emit(id.clone());
            })
        };
        popup::popup(&shown, s, popup_ref.clone(), close_popup.reform(|_| ()), filter)
    });
    let metres_per_px = frame.metres_per_unit(view.y + view.h / 2.0) * px;
    let (metres, bar) = layout::scale_bar(metres_per_px, 110.0);
    let bar_text = if metres >= 1000 {
        s.fill("scale_km", &[("n", &(metres / 1000).to_string())])
    } else {
        s.fill("scale_m", &[("n", &metres.to_string())])
    };

    let ratio = [
        "aspect-ratio:",
        &(frame.width.round() as i64).to_string(),
        "/",
        &(frame.height.round() as i64).to_string(),
    ]
    .concat();
    html! {
        <section class="px-map" aria-label={s.get("map").to_owned()}>
            <div ref={frame_ref} class="px-map-frame" style={ratio}
                onpointerdown={gestures.onpointerdown} onpointermove={gestures.onpointermove}
                onpointerup={gestures.onpointerup.clone()} onpointercancel={gestures.onpointerup} onkeydown={onkeydown}>
                <svg class={if frame.tiles.is_some() { "px-svg px-on-tiles" } else { "px-svg" }} viewBox={view.view_box()} preserveAspectRatio="xMidYMid meet"
                    tabindex="0" role="group" aria-label={s.get("map").to_owned()} aria-describedby="px-map-hint">
                    if let Some(tiles) = tiles {
                        <g class="px-tiles">{ for tiles.into_iter().map(|t| html! {
                            <image href={t.url} x={geo::dec2(t.x)} y={geo::dec2(t.y)} width={geo::dec2(t.size)} height={geo::dec2(t.size)} />
                        }) }</g>
                    }
                    <g class="px-basemap">{ for basemap }</g>
                    <g class="px-districts">{ for districts }</g>
                    <g class="px-outside">{ for index.outside.iter().map(|o| html! { <path d={o.path.clone()} /> }) }</g>
                    <g>{ for circle }</g>
                </svg>
                // Each varying list in an element of its own: yew matches unkeyed siblings from
                // the end, so a list that grows or an item that comes and goes would otherwise
                // make it rebuild (and unfocus) everything before it.
                <div class="px-overlay">
                    <div>{ for labels }</div>
                    <div onclick={on_marker}>{ Html::from_html_unchecked(AttrValue::from(marker_markup)) }</div>
                    <div>{ for me }</div>
                </div>
                <div>{ for popup_html }</div>
                <div class="px-scale" title={s.get("scale").to_owned()}>
                    <span class="px-scale-bar" style={["width:", &dec1(bar), "px"].concat()}></span>{ bar_text }
                </div>
                <div class="px-map-tools">
                    <button type="button" onclick={zoom_by(1.5)} aria-label={s.get("zoom_in").to_owned()} title={s.get("zoom_in").to_owned()}>{ "+" }</button>
                    <button type="button" onclick={zoom_by(1.0 / 1.5)} aria-label={s.get("zoom_out").to_owned()} title={s.get("zoom_out").to_owned()}>{ "−" }</button>
                    <button type="button" onclick={reset} aria-label={s.get("reset_view").to_owned()} title={s.get("reset_view").to_owned()}>{ "⟲" }</button>
                </div>
            </div>
            // The legend's items are markup from the site's own catalogue (`legend_items`,
            // `legend_outside`): one raw insertion weighs less wasm than their elements.
            <ul class="px-legend" aria-label={s.get("legend").to_owned()}>
                { Html::from_html_unchecked(AttrValue::from([s.get("legend_items"), if index.outside.is_empty() { "" } else { s.get("legend_outside") }].concat())) }
            </ul>
            <p id="px-map-hint" class="px-map-hint">{ s.get("map_hint") }</p>
            if let Some(attribution) = &frame.attribution {
                if frame.tiles.is_some() { <p class="px-attribution">{ attribution }</p> }
            }
        </section>
    }
}
