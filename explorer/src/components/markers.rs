//! The venue markers: one circle per venue, its area growing with its matching offers, hidden
//! (`px-zero`, `display: none`) when none match. Built for a filter change at 10,000 offers and
//! 500 venues to stay within a frame:
//! - the circles are rendered once per catalog ([`Circles`], whose props never change), with
//!   what does not depend on the filter (position, name, `data-v`); yew never diffs them again;
//! - a filter or zoom change only runs [`Markers`]' effect, which writes the class of a venue
//!   that empties or fills, and the radius (on a half-pixel grid) where it moved: attribute
//!   writes only where something changed, no element created or removed, no virtual DOM;
//! - one delegated click and key listener for all of them, the stroke set once on the group.
//!
//! A marker's label is the venue's name; the popup it opens gives the number of offers.

use crate::filter::Catalog;
use crate::geo::{dec1, dec2};
use std::cell::RefCell;
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

/// The venue of the marker an event happened on.
fn venue_of(e: &Event) -> Option<usize> {
    let target = e.target()?.dyn_into::<Element>().ok()?;
    target.get_attribute("data-v")?.parse().ok()
}

/// A marker's radius in screen pixels for `n` matching offers (its area grows with `n`), on a
/// half-pixel grid.
pub fn radius_px(n: u32) -> f64 {
    ((3.5 + 2.5 * f64::from(n).sqrt()).min(18.0) * 2.0).round() / 2.0
}

#[derive(PartialEq, Properties)]
struct CirclesProps {
    catalog: Rc<Catalog>,
}

/// Every venue's circle, hidden, with what never changes. Rendered once per catalog.
#[function_component(Circles)]
fn circles(props: &CirclesProps) -> Html {
    html! {
        { for props.catalog.index.venues.iter().enumerate().map(|(i, v)| html! {
            <circle key={i} class="px-venue px-zero" data-v={i.to_string()} cx={dec1(v.xy[0])} cy={dec1(v.xy[1])}
                tabindex="0" role="button" aria-label={v.name.clone()} />
        }) }
    }
}

/// What the effect last wrote on a circle.
#[derive(Clone, Default)]
struct Written {
    shown: bool,
    r: String,
}

#[function_component(Markers)]
pub fn markers(props: &MarkersProps) -> Html {
    let group = use_node_ref();
    let written = use_mut_ref(Vec::<Written>::new);
    {
        let (group, written) = (group.clone(), written.clone());
        use_effect_with((props.per_venue.clone(), props.px), move |(per_venue, px)| {
            update(&group, &written, per_venue, *px)
        });
    }
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
    let (onclick, onkeydown) = (handlers.0.clone(), handlers.1.clone());
    html! {
        <g ref={group} class="px-venues" stroke-width={dec2(1.5 * props.px)} {onclick} {onkeydown}>
            <Circles catalog={props.catalog.clone()} />
        </g>
    }
}

/// Shows, hides and sizes the circles under `group` (venue `i` is child `i`) for `per_venue`,
/// writing only what differs from what was last written; a hidden circle keeps its radius.
fn update(group: &NodeRef, written: &RefCell<Vec<Written>>, per_venue: &[u32], px: f64) {
    let Some(group) = group.cast::<Element>() else { return };
    let circles = group.children();
    let mut written = written.borrow_mut();
    written.resize(per_venue.len(), Written::default());
    for (i, (&n, done)) in per_venue.iter().zip(written.iter_mut()).enumerate() {
        let Some(circle) = circles.item(i as u32) else { continue };
        let shown = n > 0;
        if shown {
            let r = dec2(radius_px(n) * px);
            if r != done.r {
                let _ = circle.set_attribute("r", &r);
                done.r = r;
            }
        }
        if shown != done.shown {
            let _ = circle.set_attribute("class", if shown { "px-venue" } else { "px-venue px-zero" });
            done.shown = shown;
        }
    }
}
