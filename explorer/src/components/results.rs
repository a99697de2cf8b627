//! The result list: the current page of offers as cards.

use crate::components::card::Card;
use crate::filter::Catalog;
use crate::i18n::Strings;
use std::rc::Rc;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct ResultListProps {
    pub catalog: Rc<Catalog>,
    /// The offers to show (one page).
    pub offers: Rc<Vec<u32>>,
    /// Metres to each venue, when sorting by distance.
    pub distances: Option<Rc<Vec<f64>>>,
    pub base: AttrValue,
    pub strings: Rc<Strings>,
}

#[function_component(ResultList)]
pub fn result_list(props: &ResultListProps) -> Html {
    let venue = |i: u32| props.catalog.index.offers.venue[i as usize];
    html! {
        <ol class="px-list">
            { for props.offers.iter().map(|&i| {
                let distance = props.distances.as_ref().zip(venue(i)).map(|(d, v)| d[v as usize]);
                html! { <Card key={i} catalog={props.catalog.clone()} offer={i} {distance} base={props.base.clone()} strings={props.strings.clone()} /> }
            }) }
        </ol>
    }
}
