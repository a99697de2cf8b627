//! One offer as a card: title (a link to its static page), operator, venue, districts, next
//! session (day and time, from the visitor's clock), audiences, free and status badges,
//! distance when sorting by it.
//!
//! Cards have no listeners, so they are written as markup (escaped here) and inserted as one
//! raw block per page of results: a card as yew elements weighed ~5 KB of the wasm (its
//! component machinery and element builders), this writer a fraction of it; yew still compares
//! the page's markup and leaves the list alone when it did not change.

use crate::filter::Catalog;
use crate::i18n::Strings;
use passerelle_index::{Price, Status};

/// When the offer is next on: "mar. 8 déc. 2026, 18 h 30–20 h 30", "Ouvert aux heures
/// d'ouverture" for a permanent offer (also a venue's popup's).
pub fn when(catalog: &Catalog, i: usize, s: &Strings) -> String {
    match catalog.time.next[i] {
        Some(session) => {
            let mut day = s.weekday_date(session.day);
            if let Some(a) = session.start {
                push(&mut day, &[", ", &s.clock(a)]);
            }
            if let (Some(_), Some(b)) = (session.start, session.end) {
                push(&mut day, &["–", &s.clock(b)]);
            }
            day
        }
        None if catalog.time.permanent.contains(i) => s.get("permanent").to_owned(),
        None => s.get("past").to_owned(),
    }
}

/// Appends `parts` (one loop for every call, where `extend` of an array makes one per length).
pub fn push(out: &mut String, parts: &[&str]) {
    for part in parts {
        out.push_str(part);
    }
}

/// `text` escaped for HTML text and double-quoted attribute values.
pub fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

/// `<tag class="class">text</tag>`, the text escaped.
fn element(out: &mut String, tag: &str, class: &str, text: &str) {
    push(out, &["<", tag, " class=\"", class, "\">"]);
    escape(text, out);
    push(out, &["</", tag, ">"]);
}

/// Appends offer `i`'s card (`<li class="px-card">…</li>`) to `out`.
pub fn card(c: &Catalog, i: usize, distance: Option<f64>, base: &str, s: &Strings, out: &mut String) {
    let (index, o) = (&c.index, &c.index.offers);
    let operator = index.operators.get(o.operator[i] as usize).map_or("", String::as_str);
    // A venue named as its operator (a theatre's own show) is said once.
    let venue = o.venue[i].map(|v| index.venues[v as usize].name.as_str()).filter(|v| *v != operator);
    let districts = if o.districts[i].len() == index.districts.len() && index.districts.len() > 2 {
        s.get("all_districts").to_owned()
    } else {
        o.districts[i]
            .iter()
            .map(|&d| index.districts[d as usize].name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    push(out, &["<li class=\"px-card\"><h3><a href=\"", base, "offers/"]);
    escape(&o.id(i), out);
    out.push_str(".html\">");
    escape(&o.title[i], out);
    out.push_str("</a></h3><p class=\"px-meta\">");
    for part in
        [Some(operator), venue, Some(districts.as_str()).filter(|d| !d.is_empty())].into_iter().flatten()
    {
        out.push_str("<span>");
        escape(part, out);
        out.push_str("</span>");
    }
    out.push_str("</p><p class=\"px-when\">");
    escape(&when(c, i, s), out);
    if let Some(d) = distance {
        element(out, "span", "px-distance", &s.distance(d));
    }
    out.push_str("</p>");
    element(out, "p", "px-summary", &o.summary[i]);
    out.push_str("<ul class=\"px-tags\">");
    if o.price(i) == Price::Free {
        element(out, "li", "px-badge px-free", s.get("free"));
    }
    match o.status(i) {
        Status::Full => element(out, "li", "px-badge px-full", s.get("status_full")),
        Status::Cancelled => element(out, "li", "px-badge px-cancelled", s.get("status_cancelled")),
        Status::Open => {}
    }
    let codes = || o.audiences[i].iter().filter_map(|&a| index.vocab.audience.get(a as usize));
    for (_, label) in codes() {
        element(out, "li", "px-tag", label);
    }
    if codes().any(|(c, _)| c == "schools") {
        element(out, "li", "px-badge px-through", s.get("through_school"));
    } else if codes().any(|(c, _)| c == "associations") {
        element(out, "li", "px-badge px-through", s.get("through_association"));
    }
    out.push_str("</ul></li>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::Now;
    use passerelle_index::{Index, OfferRow, Venue, FORMAT_VERSION};

    // Text from the data never becomes markup.
    #[test]
    fn escapes_markup() {
        let mut out = String::new();
        escape("<b>\"Rock & Roll\"</b>", &mut out);
        assert_eq!(out, "&lt;b&gt;&quot;Rock &amp; Roll&quot;&lt;/b&gt;");
    }

    // A venue named as its operator is said once; another venue is said beside the operator.
    #[test]
    fn operator_and_venue_said_once() {
        let mut index = Index { version: FORMAT_VERSION, ..Index::default() };
        index.operators = vec!["Théâtre de la Place".into(), "MJ <Bressoux>".into()];
        index.venues =
            vec![Venue { id: "place".into(), name: "Théâtre de la Place".into(), ..Venue::default() }];
        for (id, operator) in [("a", 0), ("b", 1)] {
            index.offers.push(OfferRow {
                id: id.into(),
                title: "Slam".into(),
                operator,
                venue: Some(0),
                ..OfferRow::default()
            });
        }
        let c = Catalog::new(index, Now::default());
        let s = Strings::new("fr", Vec::new());
        let meta = |i: usize| {
            let mut out = String::new();
            card(&c, i, None, "../", &s, &mut out);
            let start = out.find("<p class=\"px-meta\">").expect("meta");
            out[start..out[start..].find("</p>").expect("end") + start].to_owned()
        };
        assert_eq!(meta(0), "<p class=\"px-meta\"><span>Théâtre de la Place</span>");
        assert_eq!(
            meta(1),
            "<p class=\"px-meta\"><span>MJ &lt;Bressoux&gt;</span><span>Théâtre de la Place</span>"
        );
    }
}
