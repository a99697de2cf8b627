//! The facets: one fieldset per group (date, weekday, time of day, district, audience,
//! discipline, price and age, accessibility), each value with its live count.

use crate::filter::{Catalog, Codes, Counts, Query, When};
use crate::i18n::Strings;
use crate::state::{Action, Facet};
use passerelle_index::{iso_day, parse_iso_day};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the facets show.
pub struct Facets<'a> {
    pub catalog: &'a Catalog,
    pub query: &'a Query,
    pub counts: &'a Counts,
    /// Unfolded at first (wide screens).
    pub open: bool,
    /// The number of results (the phone's sheet ends with "Voir les N résultats").
    pub total: usize,
}

/// One checkbox with its label and count.
fn check(id: String, label: &str, count: u32, checked: bool, onchange: Callback<Event>) -> Html {
    let class = classes!("px-option", (count == 0 && !checked).then_some("px-empty"));
    html! {
        <li {class}>
            <input type="checkbox" id={id.clone()} {checked} {onchange} />
            <label for={id}>{ label }<span class="px-n">{ count }</span></label>
        </li>
    }
}

/// A fieldset of checkboxes over `(code, label)` values.
fn group(
    facet: Facet,
    key: &str,
    values: &[(String, String)],
    counts: &[u32],
    chosen: &Codes,
    s: &Strings,
    on_action: &Callback<Action>,
) -> Html {
    html! {
        <fieldset class="px-group">
            <legend>{ s.get(key) }</legend>
            <ul>
                { for values.iter().zip(counts).map(|((code, label), &n)| {
                    let code = code.clone();
                    let onchange = on_action.reform({ let code = code.clone(); move |_| Action::Toggle(facet, code.clone()) });
                    check(["px-", key, "-", &code].concat(), label, n, chosen.contains(&code), onchange)
                }) }
            </ul>
        </fieldset>
    }
}

fn input_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// The facets (a plain function, not a component: fewer component types in the wasm).
/// `on_done` closes the filters' sheet (phones) and takes the reader to the results.
pub fn facets(props: &Facets<'_>, s: &Strings, a: &Callback<Action>, on_done: Callback<()>) -> Html {
    let (q, c) = (props.query, props.counts);
    let index = &props.catalog.index;
    let districts: Vec<(String, String)> =
        index.districts.iter().map(|d| (d.id.clone(), d.name.clone())).collect();

    let when = |value: When, key: &str, count: Option<u32>| {
        let checked = std::mem::discriminant(&q.when) == std::mem::discriminant(&value);
        let id = ["px-when-", key].concat();
        let onchange = a.reform(move |_| Action::SetWhen(value));
        html! {
            <li class="px-option">
                <input type="radio" name="px-when" id={id.clone()} {checked} {onchange} />
                <label for={id}>{ s.get(key) }if let Some(n) = count { <span class="px-n">{ n }</span> }</label>
            </li>
        }
    };
    let (from, to) = match q.when {
        When::Range { from, to } => (from, to),
        _ => (None, None),
    };
    let set_from =
        a.reform(move |e: Event| Action::SetWhen(When::Range { from: parse_iso_day(&input_value(&e)), to }));
    let set_to =
        a.reform(move |e: Event| Action::SetWhen(When::Range { from, to: parse_iso_day(&input_value(&e)) }));
    let set_free =
        a.reform(|e: Event| Action::SetFree(e.target_unchecked_into::<HtmlInputElement>().checked()));
    // As the visitor types (not on blur): "8" filters at once.
    let set_age = a.reform(|e: InputEvent| {
        Action::SetAge(e.target_unchecked_into::<HtmlInputElement>().value().trim().parse().ok())
    });
    let weekday_names: Vec<&str> = s.get("weekday_names").split_whitespace().collect();
    let day_options = (0..7u8).map(|d| {
        let checked = q.weekdays & (1 << d) != 0;
        let label = weekday_names.get(usize::from(d)).copied().unwrap_or_default();
        check(
            ["px-day-", &d.to_string()].concat(),
            label,
            c.weekdays[usize::from(d)],
            checked,
            a.reform(move |_| Action::ToggleWeekday(d)),
        )
    });
    let part_options =
        ["part_morning", "part_afternoon", "part_evening"].into_iter().enumerate().map(|(p, key)| {
            let p = p as u8;
            let checked = q.parts & (1 << p) != 0;
            check(
                ["px-part-", &p.to_string()].concat(),
                s.get(key),
                c.parts[usize::from(p)],
                checked,
                a.reform(move |_| Action::TogglePart(p)),
            )
        });
    let chosen = q.districts.len()
        + q.audiences.len()
        + q.disciplines.len()
        + q.accessibility.len()
        + usize::from(q.free)
        + usize::from(q.age.is_some())
        + usize::from(q.when != When::Any)
        + q.weekdays.count_ones() as usize
        + q.parts.count_ones() as usize;
    let summary = if chosen > 0 {
        [s.get("filters"), " (", &chosen.to_string(), ")"].concat()
    } else {
        s.get("filters").to_owned()
    };

    // On phones the open filters are a sheet over the page: "Voir les N résultats" or Escape
    // folds it and takes the reader to the results.
    let done = Callback::from(move |_: ()| {
        if let Some(d) = gloo::utils::document().get_element_by_id("px-filters") {
            let _ = d.remove_attribute("open");
        }
        on_done.emit(());
    });
    let onkeydown = {
        let done = done.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                done.emit(());
            }
        })
    };
    html! {
        <details id="px-filters" class="px-filters" open={props.open} {onkeydown}>
            <summary>{ summary }</summary>
            <div class="px-groups">
                <fieldset class="px-group">
                    <legend>{ s.get("when") }</legend>
                    <ul>
                        { when(When::Any, "when_any", None) }
                        { when(When::Today, "when_today", Some(c.today)) }
                        { when(When::Weekend, "when_weekend", Some(c.weekend)) }
                        { when(When::Week, "when_week", Some(c.week)) }
                        { when(When::Month, "when_month", Some(c.month)) }
                        { when(When::Range { from, to }, "when_range", None) }
                    </ul>
                    if matches!(q.when, When::Range { .. }) {
                        <div class="px-range">
                            <label for="px-from">{ s.get("from") }</label>
                            <input type="date" id="px-from" value={from.map(iso_day).unwrap_or_default()} onchange={set_from} />
                            <label for="px-to">{ s.get("to") }</label>
                            <input type="date" id="px-to" value={to.map(iso_day).unwrap_or_default()} onchange={set_to} />
                        </div>
                    }
                </fieldset>
                <fieldset class="px-group">
                    <legend>{ s.get("weekday") }</legend>
                    <ul>{ for day_options }</ul>
                </fieldset>
                <fieldset class="px-group">
                    <legend>{ s.get("part") }</legend>
                    <ul>{ for part_options }</ul>
                </fieldset>
                { group(Facet::District, "district", &districts, &c.districts, &q.districts, s, a) }
                { group(Facet::Audience, "audience", &index.vocab.audience, &c.audiences, &q.audiences, s, a) }
                <fieldset class="px-group">
                    <legend>{ s.get("price_age") }</legend>
                    <ul>{ check("px-free".into(), s.get("free"), c.free, q.free, set_free) }</ul>
                    <div class="px-age">
                        <label for="px-age">{ s.get("age") }</label>
                        <input type="number" id="px-age" min="0" max="120" inputmode="numeric"
                            value={q.age.map(|a| a.to_string()).unwrap_or_default()} oninput={set_age} />
                    </div>
                </fieldset>
                { group(Facet::Discipline, "discipline", &index.vocab.discipline, &c.disciplines, &q.disciplines, s, a) }
                { group(Facet::Accessibility, "accessibility", &index.vocab.accessibility, &c.accessibility, &q.accessibility, s, a) }
                <button type="button" class="px-sheet-done" onclick={done.reform(|_| ())}>{ s.count("show_results", props.total) }</button>
            </div>
        </details>
    }
}
