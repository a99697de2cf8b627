//! The venue markers: one circle per venue with matching offers, its area growing with their
//! number. Re-rendered only when the counts or the zoom change (props compared by value), with
//! one delegated click and key listener for all of them, so a filter change at 10,000 offers
//! and 500 venues stays within a frame.

use crate::filter::Catalog;
use crate::geo::{dec1, dec2};
use crate::i18n::Strings;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, KeyboardEvent};
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct MarkersProps {
    pub catalog: Rc<Catalog>,
    /// Matching offers per venue.
    pub per_venue: Rc<Vec<u32>>,
    /// viewBox units per screen pixel (markers keep their screen size when zooming).
    pub px: f64,
    pub strings: Rc<Strings>,
    /// A marker was chosen: the venue's position.
    pub on_open: Callback<usize>,
}

/// The venue of the marker an event happened on.
fn venue_of(e: &Event) -> Option<usize> {
    let target = e.target()?.dyn_into::<Element>().ok()?;
    target.get_attribute("data-v")?.parse().ok()
}

#[function_component(Markers)]
pub fn markers(props: &MarkersProps) -> Html {
    let s = &props.strings;
    let px = props.px;
    let onclick = {
        let on_open = props.on_open.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(i) = venue_of(&e) {
                on_open.emit(i);
            }
        })
    };
    let onkeydown = {
        let on_open = props.on_open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(i) = (e.key() == "Enter" || e.key() == " ").then(|| venue_of(&e)).flatten() {
                e.prevent_default();
                e.stop_propagation();
                on_open.emit(i);
            }
        })
    };
    let stroke = dec2(1.5 * px);
    html! {
        <g class="px-venues" {onclick} {onkeydown}>
            { for props.catalog.index.venues.iter().enumerate().filter(|(i, _)| props.per_venue[*i] > 0).map(|(i, v)| {
                let n = props.per_venue[i];
                let r = (3.5 + 2.5 * f64::from(n).sqrt()).min(18.0) * px;
                let label = format!("{} : {}", v.name, s.count("venue_offers", n as usize));
                html! {
                    <circle key={i} class="px-venue" data-v={i.to_string()} cx={dec1(v.xy[0])} cy={dec1(v.xy[1])} r={dec2(r)}
                        stroke-width={stroke.clone()} tabindex="0" role="button" aria-label={label} />
                }
            }) }
        </g>
    }
}
