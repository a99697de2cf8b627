//! One offer as a card: title (a link to its static page), operator, venue, districts, next
//! date, audiences, free and status badges, distance when sorting by it.

use crate::filter::Catalog;
use crate::i18n::Strings;
use passerelle_index::{Price, Status};
use std::rc::Rc;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct CardProps {
    pub catalog: Rc<Catalog>,
    pub offer: u32,
    pub distance: Option<f64>,
    pub base: AttrValue,
    pub strings: Rc<Strings>,
}

/// When the offer is on, in words: "En cours", "Le 3 déc. 2026", "Du … au …", "Terminé".
fn when(catalog: &Catalog, i: usize, s: &Strings) -> String {
    let today = catalog.index.today;
    match catalog.index.offers.span(i) {
        (_, Some(end)) if end < today => s.get("past").to_owned(),
        (None, None) => s.get("ongoing").to_owned(),
        (Some(start), Some(end)) if start == end => s.fill("on_date", &[("date", &s.date(start))]),
        (Some(start), _) if start > today => match catalog.index.offers.span(i).1 {
            Some(end) => s.fill("from_to", &[("from", &s.date(start)), ("to", &s.date(end))]),
            None => s.fill("from_date", &[("date", &s.date(start))]),
        },
        (_, Some(end)) => s.fill("until", &[("date", &s.date(end))]),
        (Some(_), None) => s.get("ongoing").to_owned(),
    }
}

#[function_component(Card)]
pub fn card(props: &CardProps) -> Html {
    let (c, s, i) = (&props.catalog, &*props.strings, props.offer as usize);
    let (index, o) = (&c.index, &c.index.offers);
    let href = format!("{}offers/{}.html", props.base, o.id(i));
    let operator = index.operators.get(o.operator[i] as usize).cloned().unwrap_or_default();
    let venue = o.venue[i].map(|v| index.venues[v as usize].name.clone());
    let districts = if o.districts[i].len() == index.districts.len() && index.districts.len() > 2 {
        s.get("all_districts").to_owned()
    } else {
        o.districts[i]
            .iter()
            .map(|&d| index.districts[d as usize].name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let audiences = o.audiences[i].iter().map(|&a| index.vocab.audience[a as usize].1.clone());
    let status = match o.status(i) {
        Status::Full => Some(("px-full", s.get("status_full"))),
        Status::Cancelled => Some(("px-cancelled", s.get("status_cancelled"))),
        Status::Open => None,
    };
    html! {
        <li class="px-card">
            <h3><a href={href}>{ &o.title[i] }</a></h3>
            <p class="px-meta">
                <span>{ operator }</span>
                if let Some(venue) = venue { <span>{ venue }</span> }
                if !districts.is_empty() { <span>{ districts }</span> }
            </p>
            <p class="px-when">
                { when(c, i, s) }
                if let Some(d) = props.distance { <span class="px-distance">{ s.distance(d) }</span> }
            </p>
            <p class="px-summary">{ &o.summary[i] }</p>
            <ul class="px-tags">
                if o.price(i) == Price::Free { <li class="px-badge px-free">{ s.get("free") }</li> }
                if let Some((class, label)) = status { <li class={classes!("px-badge", class)}>{ label }</li> }
                { for audiences.map(|a| html! { <li class="px-tag">{ a }</li> }) }
            </ul>
        </li>
    }
}
