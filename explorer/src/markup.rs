//! What the explorer writes as markup rather than as yew elements: the result cards and the
//! map's markers. Neither has listeners of its own (the map listens once for all its markers),
//! so each list is one block of escaped markup that yew inserts raw: it compares the block's
//! text and leaves the DOM alone when it did not change (a filter change that leaves the
//! markers as they were touches none of them), and replaces it at once when it did. A card as
//! a yew component weighed ~5 KB of the wasm, these writers a fraction of it.
//!
//! A card: title (a link to its static page), operator, venue, districts, next session (day and
//! time, from the visitor's clock), audiences, free and status badges, distance when sorting by
//! it. A marker: a button at its place, sized, labelled with its venue (or its cluster) and
//! its offers, `data-v` its first venue.

use crate::filter::Catalog;
use crate::geo::dec1;
use crate::i18n::Strings;
use crate::layout::Marker;
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

/// Appends the buttons of `markers` (venues' names from `venues`) to `out`.
pub fn markers(markers: &[Marker], venues: &[passerelle_index::Venue], s: &Strings, out: &mut String) {
    for m in markers {
        let offers = s.count("venue_offers", m.count as usize);
        let first = m.venues[0] as usize;
        let (class, label) = if m.is_cluster() {
            (
                "px-marker px-cluster",
                s.fill("cluster", &[("venues", &m.venues.len().to_string()), ("offers", &offers)]),
            )
        } else {
            ("px-marker", s.fill("marker", &[("name", &venues[first].name), ("offers", &offers)]))
        };
        let (x, y, size) = (dec1(m.at[0]), dec1(m.at[1]), dec1(m.size));
        push(out, &["<button type=\"button\" class=\"", class, "\" style=\"left:", &x, "px;top:", &y]);
        push(out, &["px;width:", &size, "px;height:", &size, "px\" aria-label=\""]);
        escape(&label, out);
        push(out, &["\" data-v=\"", &first.to_string(), "\">", &m.count.to_string(), "</button>"]);
    }
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

    // A marker is a labelled button at its place, its venue's name escaped.
    #[test]
    fn marker_buttons() {
        let s = Strings::new(
            "fr",
            [
                ("marker", "{name} : {offers}"),
                ("venue_offers_many", "{n} offres"),
                ("cluster", "{venues} lieux"),
            ]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        );
        let venues = vec![Venue { name: "Salle \"Le Lien\"".into(), ..Venue::default() }; 2];
        let one = Marker { at: [10.0, 20.5], size: 24.0, count: 3, venues: vec![1], bounds: [0.0; 4] };
        let two = Marker { venues: vec![0, 1], ..one.clone() };
        let mut out = String::new();
        markers(&[one, two], &venues, &s, &mut out);
        assert_eq!(
            out,
            "<button type=\"button\" class=\"px-marker\" style=\"left:10px;top:20.5px;width:24px;height:24px\" \
             aria-label=\"Salle &quot;Le Lien&quot; : 3 offres\" data-v=\"1\">3</button>\
             <button type=\"button\" class=\"px-marker px-cluster\" style=\"left:10px;top:20.5px;width:24px;height:24px\" \
             aria-label=\"2 lieux\" data-v=\"0\">3</button>"
        );
    }
}
