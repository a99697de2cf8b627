//! The venue markers: one circle per venue, its area growing with its matching offers, hidden
//! (`px-zero`, `display: none`) when none match. Built for a filter change at 10,000 offers and
//! 500 venues to stay within a frame:
//! - every venue keeps its circle, so a filter only changes a radius or a class, never creates
//!   or removes elements; the label is the venue's name, the popup gives the count;
//! - what never changes (position, name, `data-v`) is prepared once per catalog, shared strings;
//! - one delegated click and key listener for all of them, the stroke set once on the group;
//! - re-rendered only when the counts or the zoom change (props compared by value).

use crate::filter::Catalog;
use crate::geo::{dec1, dec2};
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
    /// A marker was chosen: the venue's position.
    pub on_open: Callback<usize>,
}

/// A venue's attributes that do not depend on the filter.
struct Fixed {
    cx: AttrValue,
    cy: AttrValue,
    index: AttrValue,
    name: AttrValue,
}

/// The venue of the marker an event happened on.
fn venue_of(e: &Event) -> Option<usize> {
    let target = e.target()?.dyn_into::<Element>().ok()?;
    target.get_attribute("data-v")?.parse().ok()
}

/// A marker's radius in screen pixels for `n` matching offers (its area grows with `n`).
pub fn radius_px(n: u32) -> f64 {
    (3.5 + 2.5 * f64::from(n).sqrt()).min(18.0)
}

#[function_component(Markers)]
pub fn markers(props: &MarkersProps) -> Html {
    let fixed = use_memo(props.catalog.clone(), |catalog| {
        let venues = &catalog.index.venues;
        venues
            .iter()
            .enumerate()
            .map(|(i, v)| Fixed {
                cx: dec1(v.xy[0]).into(),
                cy: dec1(v.xy[1]).into(),
                index: i.to_string().into(),
                name: AttrValue::from(Rc::<str>::from(v.name.as_str())),
            })
            .collect::<Vec<_>>()
    });
    // Listeners made once: their identity unchanged, yew leaves them in place.
    let handlers = use_memo(props.on_open.clone(), |on_open| {
        let click = on_open.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            if let Some(i) = venue_of(&e) {
                click.emit(i);
            }
        });
        let key = on_open.clone();
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            if let Some(i) = (e.key() == "Enter" || e.key() == " ").then(|| venue_of(&e)).flatten() {
                e.prevent_default();
                e.stop_propagation();
                key.emit(i);
            }
        });
        (onclick, onkeydown)
    });
    let px = props.px;
    // Only what a filter changes is written: the class (hidden or not) and the radius, on a
    // half-pixel grid so that small changes in a count leave it alone; a hidden marker keeps
    // the radius it had. The label is the venue's name (the popup it opens gives the count).
    let radii = use_mut_ref(Vec::<AttrValue>::new);
    let mut radii = radii.borrow_mut();
    radii.resize(fixed.len(), AttrValue::Static("0"));
    let circles = fixed.iter().zip(props.per_venue.iter()).zip(radii.iter_mut()).enumerate().map(|(i, ((f, &n), r))| {
        let class = if n == 0 { "px-venue px-zero" } else { "px-venue" };
        if n > 0 {
            let radius = dec2((radius_px(n) * 2.0).round() / 2.0 * px);
            if *r != radius {
                *r = radius.into();
            }
        }
        html! {
            <circle key={i} {class} data-v={f.index.clone()} cx={f.cx.clone()} cy={f.cy.clone()}
                r={r.clone()} tabindex="0" role="button" aria-label={f.name.clone()} />
        }
    });
    let (onclick, onkeydown) = (handlers.0.clone(), handlers.1.clone());
    html! {
        <g class="px-venues" stroke-width={dec2(1.5 * px)} {onclick} {onkeydown}>
            { for circles }
        </g>
    }
}
