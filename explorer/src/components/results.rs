//! The result list: the current page of offers as cards ([`card`]), as one block of markup.

use crate::filter::Catalog;
use crate::i18n::Strings;
use crate::markup;
use yew::prelude::*;

/// The `<ol>` of the cards of `offers` (one page); `distances`: metres to each venue, when
/// sorting by distance.
pub fn result_list(c: &Catalog, offers: &[u32], distances: Option<&[f64]>, base: &str, s: &Strings) -> Html {
    let mut markup = String::new();
    for &i in offers {
        let distance = distances.zip(c.index.offers.venue[i as usize]).map(|(d, v)| d[v as usize]);
        markup::card(c, i as usize, distance, base, s, &mut markup);
    }
    html! { <ol class="px-list">{ Html::from_html_unchecked(AttrValue::from(markup)) }</ol> }
}
