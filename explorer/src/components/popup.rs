//! A venue's popup on the map: its name, its matching offers with their next session, "filtrer
//! sur ce lieu", a link to its page. Placed inside
//! the map's frame (above its marker in the lower half, below it in the upper half, shifted
//! sideways to stay in), it takes the focus when it opens; Escape (handled by the map) closes
//! it and gives the focus back to the marker.

use crate::filter::Catalog;
use crate::geo::dec1;
use crate::i18n::Strings;
use crate::markup;
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

/// How many offers a popup lists; the rest are behind "+ N autres".
pub const LISTED: usize = 5;

/// What a popup shows.
pub struct Popup<'a> {
    pub catalog: &'a Catalog,
    pub venue: usize,
    /// The venue's matching offers, soonest first.
    pub offers: Vec<u32>,
    /// The marker's centre in CSS pixels, and the frame's size.
    pub at: [f64; 2],
    pub size: (f64, f64),
    pub base: &'a str,
    /// The results narrowed to this venue (the query string of "+ N autres").
    pub narrowed: String,
}

/// The popup's element (a plain function, not a component: one fewer component type in the
/// wasm): the venue's name, its first offers (title linking to the offer's page, next
/// session), "+ N autres" and "Filtrer sur ce lieu" (both narrow the results to the venue:
/// `filter`), a link to the venue's page. `node` is focused by the map once it is shown;
/// `close` is its × button's.
pub fn popup(
    p: &Popup<'_>,
    s: &Strings,
    node: NodeRef,
    close: Callback<MouseEvent>,
    filter: Callback<MouseEvent>,
) -> Html {
    let v = &p.catalog.index.venues[p.venue];
    let o = &p.catalog.index.offers;
    let listed = p.offers.iter().take(LISTED).map(|&i| {
        let i = i as usize;
        html! {
            <li>
                <a href={[p.base, "offers/", &o.id(i), ".html"].concat()}>{ &o.title[i] }</a>
                <span class="px-popup-when">{ markup::when(p.catalog, i, s) }</span>
            </li>
        }
    });
    let more = p.offers.len().saturating_sub(LISTED);
    html! {
        <div ref={node} class="px-popup" style={placement(p.at, p.size)} role="dialog" tabindex="-1" aria-label={v.name.clone()}>
            <p class="px-popup-name">{ &v.name }</p>
            <p>{ s.count("venue_offers", p.offers.len()) }</p>
            <ul class="px-popup-offers">{ for listed }</ul>
            if more > 0 {
                <p><a href={["?", &p.narrowed].concat()} onclick={filter.clone()}>{ s.fill("popup_more", &[("n", &more.to_string())]) }</a></p>
            }
            <p class="px-popup-actions">
                <button type="button" class="px-popup-filter" onclick={filter}>{ s.get("filter_venue") }</button>
                <a href={[p.base, "venues/", &v.id, ".html"].concat()}>{ s.get("venue_page") }</a>
            </p>
            <button type="button" class="px-popup-close" aria-label={s.get("close").to_owned()} onclick={close}>{ "×" }</button>
        </div>
    }
}
