//! A venue's popup on the map: its name, its matching offers, a link to its page. Placed inside
//! the map's frame (above its marker in the lower half, below it in the upper half, shifted
//! sideways to stay in), it takes the focus when it opens; Escape (handled by the map) closes
//! it and gives the focus back to the marker.

use crate::geo::dec1;
use crate::i18n::Strings;
use yew::prelude::*;

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

/// What a popup shows.
pub struct Popup<'a> {
    pub name: &'a str,
    pub id: &'a str,
    /// Matching offers at the venue.
    pub offers: u32,
    /// The marker's centre in CSS pixels, and the frame's size.
    pub at: [f64; 2],
    pub size: (f64, f64),
    pub base: &'a str,
}

/// The popup's element (a plain function, not a component: one fewer component type in the
/// wasm). `node` is focused by the map once it is shown; `close` is its × button's.
pub fn popup(p: &Popup<'_>, s: &Strings, node: NodeRef, close: Callback<MouseEvent>) -> Html {
    html! {
        <div ref={node} class="px-popup" style={placement(p.at, p.size)} role="dialog" tabindex="-1" aria-label={p.name.to_owned()}>
            <p class="px-popup-name">{ p.name }</p>
            <p>{ s.count("venue_offers", p.offers as usize) }</p>
            <a href={[p.base, "venues/", p.id, ".html"].concat()}>{ s.get("venue_page") }</a>
            <button type="button" class="px-popup-close" aria-label={s.get("close").to_owned()} onclick={close}>{ "×" }</button>
        </div>
    }
}
