//! A venue's popup on the map: its name, its matching offers, a link to its page. Placed inside
//! the map's frame (above its marker in the lower half, below it in the upper half, shifted
//! sideways to stay in), it takes the focus when it opens; Escape (handled by the map) closes
//! it and gives the focus back to the marker.

use crate::geo::dec1;
use crate::i18n::Strings;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct PopupProps {
    pub name: AttrValue,
    pub id: AttrValue,
    /// Matching offers at the venue.
    pub offers: u32,
    /// The marker's centre in CSS pixels, and the frame's size.
    pub at: [f64; 2],
    pub size: (f64, f64),
    pub base: AttrValue,
    pub strings: Rc<Strings>,
    pub on_close: Callback<()>,
}

/// Room kept between the popup and the frame's edges, and between it and its marker.
const EDGE: f64 = 8.0;
const GAP: f64 = 18.0;

/// The popup's `style`: its width, horizontal position and the side of the marker it is on,
/// with a height limit so that it never leaves the frame.
pub fn placement([x, y]: [f64; 2], (width, height): (f64, f64)) -> String {
    let w = (width - 2.0 * EDGE).min(272.0);
    let left = (x - w / 2.0).max(EDGE).min(width - w - EDGE);
    let (side, offset, room) = if y > height / 2.0 {
        ("bottom:", height - y + GAP, y - GAP - EDGE)
    } else {
        ("top:", y + GAP, height - y - GAP - EDGE)
    };
    [
        "left:",
        &dec1(left),
        "px;width:",
        &dec1(w),
        "px;",
        side,
        &dec1(offset),
        "px;max-height:",
        &dec1(room.max(48.0)),
        "px",
    ]
    .concat()
}

#[function_component(Popup)]
pub fn popup(props: &PopupProps) -> Html {
    let s = &props.strings;
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.id.clone(), move |_| {
            if let Some(element) = node.cast::<HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div ref={node} class="px-popup" style={placement(props.at, props.size)} role="dialog" tabindex="-1" aria-label={props.name.clone()}>
            <p class="px-popup-name">{ &props.name }</p>
            <p>{ s.count("venue_offers", props.offers as usize) }</p>
            <a href={[props.base.as_str(), "venues/", &props.id, ".html"].concat()}>{ s.get("venue_page") }</a>
            <button type="button" class="px-popup-close" aria-label={s.get("close").to_owned()} onclick={close}>{ "×" }</button>
        </div>
    }
}
