//! The map: district shapes (click, Enter or Space to filter), venue markers sized by matching
//! offers with a popup, pan and zoom (by wheel, drag, pinch and keys through
//! [`use_map_gestures`], and buttons), an optional tile background, and "you are here" when
//! sorting by distance. Filters go up as `Action`s.

use crate::components::markers::Markers;
use crate::filter::{Catalog, Codes};
use crate::hooks::use_map_gestures;
use crate::i18n::Strings;
use crate::state::{Action, Facet};
use crate::{geo, math};
use std::rc::Rc;
use web_sys::KeyboardEvent;
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

#[function_component(MapView)]
pub fn map_view(props: &MapProps) -> Html {
    let index = &props.catalog.index;
    let frame = &index.map;
    let svg_ref = use_node_ref();
    let gestures = use_map_gestures(svg_ref.clone(), frame.width, frame.height);
    let view = gestures.view.clone();
    let gesture = gestures.gesture.clone();
    let popup = use_state(|| None::<usize>);
    let s = &*props.strings;

    let onkeydown = {
        let (keys, popup) = (gestures.onkeydown.clone(), popup.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                popup.set(None);
            } else {
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

    // Made once, so that the markers are not re-rendered for it.
    let open_popup = {
        let popup = popup.setter();
        use_callback((), move |i: usize, _| popup.set(Some(i)))
    };
    // The district outlines, as shared strings (compared, never copied, on each render).
    let outlines = use_memo(props.catalog.clone(), |c| {
        c.index
            .districts
            .iter()
            .map(|d| AttrValue::from(Rc::<str>::from(d.path.as_str())))
            .collect::<Vec<_>>()
    });

    // Sizes in screen pixels whatever the zoom: one pixel is `px` viewBox units.
    let px = view.w / frame.width * (frame.width / 640.0);
    let tiles = frame
        .tiles
        .as_deref()
        .map(|t| geo::tiles(frame, t, [view.x, view.y, view.w, view.h], 640.0 / view.w));

    let districts = index.districts.iter().enumerate().filter(|(_, d)| !d.path.is_empty()).map(|(i, d)| {
        let selected = props.districts.contains(&d.id);
        let n = props.counts.get(i).copied().unwrap_or(0);
        let label = format!("{} ({})", d.name, s.count("results", n as usize));
        let toggle = {
            let (on_action, id, gesture) = (props.on_action.clone(), d.id.clone(), gesture.clone());
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
    let labels = index.districts.iter().filter(|d| !d.path.is_empty()).map(|d| {
        html! {
            <text class="px-district-name" x={geo::dec1(d.label[0])} y={geo::dec1(d.label[1])}
                font-size={geo::dec2(12.0 * px)} aria-hidden="true">{ &d.name }</text>
        }
    });
    let me = props.near.map(|lonlat| {
        let [x, y] = frame.project(lonlat);
        html! { <circle class="px-me" cx={geo::dec1(x)} cy={geo::dec1(y)} r={geo::dec2(6.0 * px)} stroke-width={geo::dec2(3.0 * px)}><title>{ s.get("you_are_here") }</title></circle> }
    });
    let popup_html = popup.and_then(|i| index.venues.get(i).map(|v| (i, v))).map(|(i, v)| {
        let (left, top) = view.percent(v.xy);
        let close = { let popup = popup.clone(); Callback::from(move |_: MouseEvent| popup.set(None)) };
        let style = format!("left:{}%;top:{}%", geo::dec2(math::clamp(left, 0.0, 100.0)), geo::dec2(math::clamp(top, 0.0, 100.0)));
        // Kept inside the frame: below the marker near the top, aligned to it near the sides.
        let class = classes!(
            "px-popup",
            (top < 40.0).then_some("px-below"),
            (left < 30.0).then_some("px-at-left"),
            (left > 70.0).then_some("px-at-right"),
        );
        html! {
            <div class={class} {style} role="dialog" aria-label={v.name.clone()}>
                <p class="px-popup-name">{ &v.name }</p>
                <p>{ s.count("venue_offers", props.per_venue[i] as usize) }</p>
                <a href={format!("{}venues/{}.html", props.base, v.id)}>{ s.get("venue_page") }</a>
                <button type="button" class="px-popup-close" aria-label={s.get("close").to_owned()} onclick={close}>{ "×" }</button>
            </div>
        }
    });

    let ratio = format!("aspect-ratio:{}/{}", frame.width.round() as i64, frame.height.round() as i64);
    html! {
        <section class="px-map" aria-label={s.get("map").to_owned()}>
            <div class="px-map-frame" style={ratio}>
                <svg ref={svg_ref} class={if frame.tiles.is_some() { "px-svg px-on-tiles" } else { "px-svg" }} viewBox={view.view_box()} preserveAspectRatio="xMidYMid meet"
                    tabindex="0" role="group" aria-label={s.get("map").to_owned()} aria-describedby="px-map-hint"
                    onpointerdown={gestures.onpointerdown} onpointermove={gestures.onpointermove}
                    onpointerup={gestures.onpointerup.clone()} onpointercancel={gestures.onpointerup} {onkeydown}>
                    if let Some(tiles) = tiles {
                        <g class="px-tiles">{ for tiles.into_iter().map(|t| html! {
                            <image href={t.url} x={geo::dec2(t.x)} y={geo::dec2(t.y)} width={geo::dec2(t.size)} height={geo::dec2(t.size)} />
                        }) }</g>
                    }
                    <g class="px-districts">{ for districts }</g>
                    <g class="px-labels">{ for labels }</g>
                    <Markers catalog={props.catalog.clone()} per_venue={props.per_venue.clone()} {px} on_open={open_popup} />
                    { for me }
                </svg>
                { for popup_html }
                <div class="px-map-tools">
                    <button type="button" onclick={zoom_by(1.5)} aria-label={s.get("zoom_in").to_owned()} title={s.get("zoom_in").to_owned()}>{ "+" }</button>
                    <button type="button" onclick={zoom_by(1.0 / 1.5)} aria-label={s.get("zoom_out").to_owned()} title={s.get("zoom_out").to_owned()}>{ "−" }</button>
                    <button type="button" onclick={reset} aria-label={s.get("reset_view").to_owned()} title={s.get("reset_view").to_owned()}>{ "⟲" }</button>
                </div>
            </div>
            <p id="px-map-hint" class="px-map-hint">{ s.get("map_hint") }</p>
            if let Some(attribution) = &frame.attribution {
                if frame.tiles.is_some() { <p class="px-attribution">{ attribution }</p> }
            }
        </section>
    }
}
