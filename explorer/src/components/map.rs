//! The map: district shapes (click, Enter or Space to filter) over the basemap, and on top of
//! them, in CSS pixels whatever the zoom, the venue markers (clusters where they crowd), the
//! district labels placed clear of them ([`layout`]), "you are here", a scale bar and a legend.
//! Pan and zoom by wheel, drag, pinch, double tap and keys ([`use_map_gestures`]) and buttons.
//! Filters go up as `Action`s.

use crate::components::popup::Popup;
use crate::filter::{Catalog, Codes};
use crate::geo::{self, dec1};
use crate::hooks::use_map_gestures;
use crate::i18n::Strings;
use crate::layout::{self, Marker, Screen, Wanted};
use crate::state::{Action, Facet};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct MapProps {
    pub catalog: Rc<Catalog>,
    /// The districts ticked in the filter.
    pub districts: Codes,
    /// Matching offers per venue and per district.
    pub per_venue: Rc<Vec<u32>>,
    pub counts: Rc<Vec<u32>>,
    pub near: Option<[f64; 2]>,
    pub base: AttrValue,
    pub strings: Rc<Strings>,
    pub on_action: Callback<Action>,
}

/// `left` and `top` in CSS pixels, and a square size when given.
fn place([x, y]: [f64; 2], size: Option<f64>) -> String {
    let mut style = ["left:", &dec1(x), "px;top:", &dec1(y), "px"].concat();
    if let Some(s) = size {
        style.extend(["; width:", &dec1(s), "px;height:", &dec1(s), "px"]);
    }
    style
}

#[function_component(MapView)]
pub fn map_view(props: &MapProps) -> Html {
    let index = &props.catalog.index;
    let frame = &index.map;
    let frame_ref = use_node_ref();
    let gestures = use_map_gestures(frame_ref.clone(), frame.width, frame.height);
    let view = gestures.view.clone();
    let popup = use_state(|| None::<usize>);
    let s = &*props.strings;

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
    let markers = if width > 0.0 {
        layout::reading_order(layout::markers(&xy, &props.per_venue, &screen))
    } else {
        Vec::new()
    };
    let named = index.districts.iter().filter(|d| !d.path.is_empty());
    let mut wanted: Vec<Wanted> =
        named.clone().map(|d| Wanted { chars: d.name.chars().count(), at: d.label }).collect();
    let outside_name = s.get("outside");
    wanted.extend(index.outside.iter().map(|o| Wanted { chars: outside_name.chars().count(), at: o.label }));
    let placed = if width > 0.0 { layout::labels(&wanted, &markers, &screen) } else { Vec::new() };
    let names: Vec<&str> =
        named.map(|d| d.name.as_str()).chain(index.outside.iter().map(|_| outside_name)).collect();

    let tiles = frame.tiles.as_deref().map(|t| geo::tiles(frame, t, [view.x, view.y, view.w, view.h], scale));
    let districts = index.districts.iter().enumerate().filter(|(_, d)| !d.path.is_empty()).map(|(i, d)| {
        let selected = props.districts.contains(&d.id);
        let n = props.counts.get(i).copied().unwrap_or(0);
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
                aria-pressed={selected.to_string()} aria-label={label.clone()} {onclick} {onkeydown}>
                <title>{ label }</title>
            </path>
        }
    });
    let labels = placed.iter().map(|p| {
        let class = if p.label >= names.len() - index.outside.len() {
            "px-label px-outside-name"
        } else {
            "px-label"
        };
        html! { <span {class} style={place(p.at, None)} aria-hidden="true">{ names[p.label] }</span> }
    });
    let marker_html = |m: &Marker| {
        let offers = s.count("venue_offers", m.count as usize);
        let first = m.venues[0] as usize;
        let (label, onclick) = if m.is_cluster() {
            let label = s.fill("cluster", &[("venues", &m.venues.len().to_string()), ("offers", &offers)]);
            let (view, gesture, b) = (view.clone(), gestures.gesture.clone(), m.bounds);
            let zoom = Callback::from(move |_: MouseEvent| {
                if gesture.borrow().is_click() {
                    view.set(view.zoom_to(b));
                }
            });
            (label, zoom)
        } else {
            let label = s.fill("marker", &[("name", &index.venues[first].name), ("offers", &offers)]);
            let (popup, gesture) = (popup.clone(), gestures.gesture.clone());
            let open = Callback::from(move |_: MouseEvent| {
                if gesture.borrow().is_click() {
                    popup.set(Some(first));
                }
            });
            (label, open)
        };
        let class = if m.is_cluster() { "px-marker px-cluster" } else { "px-marker" };
        html! {
            <button key={first} type="button" {class} style={place(m.at, Some(m.size))} aria-label={label} data-v={first.to_string()} {onclick}>
                { m.count }
            </button>
        }
    };
    let me = props.near.map(|lonlat| {
        let at = screen.pixel(frame.project(lonlat));
        html! { <span class="px-me" style={place(at, None)} role="img" aria-label={s.get("you_are_here").to_owned()}></span> }
    });
    let popup_html = popup.and_then(|i| index.venues.get(i).map(|v| (i, v))).map(|(i, v)| {
        let close = close_popup.clone();
        html! {
            <Popup name={v.name.clone()} id={v.id.clone()} offers={props.per_venue[i]} at={screen.pixel(v.xy)}
                size={(width, height)} base={props.base.clone()} strings={props.strings.clone()} on_close={close} />
        }
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
                    <g class="px-districts">{ for districts }</g>
                    <g class="px-outside" stroke-width={geo::dec2(1.5 * px)}>{ for index.outside.iter().map(|o| html! { <path d={o.path.clone()} /> }) }</g>
                </svg>
                // Each varying list in an element of its own: yew matches unkeyed siblings from
                // the end, so a list that grows or an item that comes and goes would otherwise
                // make it rebuild (and unfocus) everything before it.
                <div class="px-overlay">
                    <div>{ for labels }</div>
                    <div>{ for markers.iter().map(marker_html) }</div>
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
            <ul class="px-legend" aria-label={s.get("legend").to_owned()}>
                <li><span class="px-key px-key-marker" aria-hidden="true">{ "3" }</span>{ s.get("legend_marker") }</li>
                <li><span class="px-key px-key-cluster" aria-hidden="true">{ "12" }</span>{ s.get("legend_cluster") }</li>
                if !index.outside.is_empty() {
                    <li><span class="px-key px-key-outside" aria-hidden="true"></span>{ s.get("legend_outside") }</li>
                }
            </ul>
            <p id="px-map-hint" class="px-map-hint">{ s.get("map_hint") }</p>
            if let Some(attribution) = &frame.attribution {
                if frame.tiles.is_some() { <p class="px-attribution">{ attribution }</p> }
            }
        </section>
    }
}
