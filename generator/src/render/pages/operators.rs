//! `operators/index.html`, the A–Z directory where each association checks its listing,
//! paginated, and narrowed by kind (`operators/kinds/<code>/`) and by district
//! (`operators/districts/<id>/`, `operators/city-wide/`) without JavaScript; and one page per
//! operator, `operators/<id>.html`.

use crate::render::jsonld;
use crate::render::paging::{self, Key, ListPage};
use crate::render::views::operator::{OperatorEntry, OperatorPage};
use crate::render::views::{initial, sort_key};
use crate::render::{Sink, Site};
use anyhow::Result;
use minijinja::Value;
use serde::Serialize;

/// A letter of the A–Z bar: the page and anchor where its operators begin, if any.
#[derive(Serialize)]
pub struct Alphabet {
    pub letter: String,
    pub path: Option<String>,
}

/// Entries A–Z (folded names, "#" last), each filed under its initial, cut into pages.
pub fn by_letter<'e, 'a>(
    first_path: &str,
    entries: &[&'e OperatorEntry<'a>],
) -> Vec<ListPage<&'e OperatorEntry<'a>>> {
    let mut sorted: Vec<(char, String, &OperatorEntry)> =
        entries.iter().map(|e| (initial(e.name), sort_key(e.name), *e)).collect();
    sorted.sort_by(|a, b| ((a.0 == '#'), &a.1, a.2.id).cmp(&((b.0 == '#'), &b.1, b.2.id)));
    let keyed = sorted.into_iter().map(|(letter, _, e)| (Key::letter(letter), e)).collect();
    paging::paginate(first_path, keyed)
}

/// The A–Z bar of a directory's pages (plus "#" when used), each letter linked to where it
/// begins.
pub fn alphabet<T>(pages: &[ListPage<T>]) -> Vec<Alphabet> {
    let jumps = paging::jumps(pages);
    let path = |letter: &str| jumps.iter().find(|j| j.heading == letter).map(|j| j.path.clone());
    let mut bar: Vec<Alphabet> =
        ('A'..='Z').map(|c| Alphabet { letter: c.to_string(), path: path(&c.to_string()) }).collect();
    if let Some(p) = path("#") {
        bar.push(Alphabet { letter: "#".into(), path: Some(p) });
    }
    bar
}

/// A way to narrow the directory (a kind, a district), linked to its own list.
#[derive(Serialize)]
struct Filter<'a> {
    path: String,
    label: &'a str,
    count: usize,
    current: bool,
}

/// What every page of the directory shows besides its entries.
#[derive(Serialize)]
struct Directory<'a> {
    /// "Associations", "Bressoux": what the list is narrowed to, if anything.
    narrowed: Option<&'a str>,
    alphabet: Vec<Alphabet>,
    kinds: &'a [Filter<'a>],
    districts: &'a [Filter<'a>],
    total: usize,
    complete: usize,
    stale: usize,
    /// Stale or incomplete listings in this list, and where they are all listed.
    to_update: usize,
    to_update_path: Option<&'static str>,
}

/// The directory of the listings to check: stale or incomplete, A–Z.
const TO_UPDATE: &str = "operators/to-update/index.html";

/// A list of the directory: its first page, its title's complement, and its entries.
struct List<'e, 'a> {
    path: String,
    narrowed: Option<&'a str>,
    entries: Vec<&'e OperatorEntry<'a>>,
}

#[derive(Serialize)]
struct OperatorData<'e, 'a> {
    operator: &'e OperatorEntry<'a>,
    detail: OperatorPage<'a>,
    offers: Vec<Value>,
    partner_offers: Vec<Value>,
}

/// The list of the operators of a kind: `operators/kinds/<code>/index.html`.
fn kind_path(code: &str) -> String {
    format!("operators/kinds/{code}/index.html")
}

/// The list of the operators of a district (`operators/districts/<id>/index.html`) or of those
/// outside the districts (`operators/city-wide/index.html`).
fn district_path(id: Option<&str>) -> String {
    id.map_or_else(
        || "operators/city-wide/index.html".to_owned(),
        |id| format!("operators/districts/{id}/index.html"),
    )
}

/// What the directory's search box looks through when JavaScript is on (the lists work
/// without it): one file for every page, fetched on the first keystroke.
const SEARCH: &str = "operators/search.json";

/// `[folded words, name, path, kind, district]` per operator, A–Z: the words are folded here
/// with the explorer's [`passerelle_index::fold::fold`], so the page's script only folds the query.
fn search_index(entries: &[OperatorEntry], city_wide: &str) -> Result<Vec<u8>> {
    let mut rows: Vec<[String; 5]> = entries
        .iter()
        .map(|e| {
            let district = e.district.as_ref().map_or(city_wide, |d| d.label);
            let words = passerelle_index::fold::fold(&format!("{} {} {}", e.name, e.kind, district));
            [words, e.name.to_owned(), e.path.clone(), e.kind.to_owned(), district.to_owned()]
        })
        .collect();
    rows.sort_by_cached_key(|row| (sort_key(&row[1]), row[2].clone()));
    Ok(serde_json::to_vec(&rows)?)
}

/// Renders the directory, narrowed by kind and by district too (links, so it works without
/// JavaScript), and every operator page.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    let c = site.charter;
    let entries: Vec<OperatorEntry> = c
        .operators
        .iter()
        .map(|op| OperatorEntry::new(c, site.cat, site.config, op))
        .collect::<Result<_>>()?;
    out.put(SEARCH, &search_index(&entries, site.cat.get("operator.city_wide")?)?)?;
    let title = site.cat.get("operators.title")?;
    let mut lists: Vec<List> =
        vec![List { path: "operators/index.html".into(), narrowed: None, entries: entries.iter().collect() }];
    for term in &c.vocabularies.operator_kind.terms {
        let of_kind: Vec<&OperatorEntry> =
            c.operators.iter().zip(&entries).filter(|(op, _)| op.kind == term.code).map(|(_, e)| e).collect();
        if !of_kind.is_empty() {
            lists.push(List {
                path: kind_path(&term.code),
                narrowed: Some(site.cat.term(term)),
                entries: of_kind,
            });
        }
    }
    let kinds_end = lists.len();
    let mut places: Vec<(Option<&str>, &str)> =
        c.districts.iter().map(|d| (Some(d.id.as_str()), d.name.as_str())).collect();
    places.sort_by_cached_key(|(_, name)| sort_key(name));
    places.push((None, site.cat.get("operator.city_wide")?));
    for (id, name) in places {
        let in_place: Vec<&OperatorEntry> = c
            .operators
            .iter()
            .zip(&entries)
            .filter(|(op, _)| op.district.as_deref() == id)
            .map(|(_, e)| e)
            .collect();
        if !in_place.is_empty() {
            lists.push(List { path: district_path(id), narrowed: Some(name), entries: in_place });
        }
    }
    let places_end = lists.len();
    // The listings the coordination should check with their operators: stale or incomplete,
    // linked from every page's figures (never a chip: it is a task list, not a way to browse).
    let to_update: Vec<&OperatorEntry> =
        entries.iter().filter(|e| e.check.stale || !e.check.complete).collect();
    if !to_update.is_empty() {
        lists.push(List {
            path: TO_UPDATE.into(),
            narrowed: Some(site.cat.get("operators.to_update")?),
            entries: to_update,
        });
    }
    let to_update_path = (lists.len() > places_end).then_some(TO_UPDATE);
    fn filter<'a>(l: &List<'_, 'a>, current: &str) -> Filter<'a> {
        Filter {
            path: l.path.clone(),
            label: l.narrowed.unwrap_or_default(),
            count: l.entries.len(),
            current: l.path == current,
        }
    }
    for list in &lists {
        let kinds: Vec<Filter> = lists[1..kinds_end].iter().map(|l| filter(l, &list.path)).collect();
        let districts: Vec<Filter> =
            lists[kinds_end..places_end].iter().map(|l| filter(l, &list.path)).collect();
        let pages = by_letter(&list.path, &list.entries);
        let directory = Directory {
            narrowed: list.narrowed,
            alphabet: alphabet(&pages),
            kinds: &kinds,
            districts: &districts,
            total: list.entries.len(),
            complete: list.entries.iter().filter(|e| e.check.complete).count(),
            stale: list.entries.iter().filter(|e| e.check.stale).count(),
            to_update: list.entries.iter().filter(|e| e.check.stale || !e.check.complete).count(),
            // Not on the list itself.
            to_update_path: to_update_path.filter(|&p| p != list.path),
        };
        let here = match list.narrowed {
            Some(narrowed) => {
                site.cat.fill("operators.narrowed_title", &[("title", title), ("what", narrowed)])?
            }
            None => title.to_owned(),
        };
        site.list_pages(
            out,
            "operators.html",
            &pages,
            |path, _| {
                let trail: &[(&str, &str)] =
                    if list.narrowed.is_some() { &[(title, "operators/index.html")] } else { &[] };
                Ok(site.meta(path, here.as_str(), "operators", site.crumbs(trail, &here)?))
            },
            &directory,
        )?;
    }

    let pairs: Vec<_> = c.operators.iter().zip(&entries).collect();
    site.pages(out, &pairs, |&(op, entry)| {
        let mut meta = site.meta(
            entry.path.clone(),
            op.name.as_str(),
            "operators",
            site.crumbs(&[(title, "operators/index.html")], &op.name)?,
        );
        if !op.summary.trim().is_empty() {
            meta.description = op.summary.clone();
        }
        meta.jsonld = Some(jsonld::operator_page(site.config, op, &entry.path));
        meta.correction = entry.check.correction.clone();
        let cat = site.cat;
        let values = [
            (cat.get("fields.kind")?, entry.kind),
            (cat.get("fields.address")?, entry.address.as_str()),
            (cat.get("fields.phone")?, op.phone.as_deref().unwrap_or_default()),
            (cat.get("fields.email")?, op.email.as_deref().unwrap_or_default()),
            (cat.get("fields.website")?, op.website.as_deref().unwrap_or_default()),
            (cat.get("fields.summary")?, op.summary.as_str()),
        ];
        meta.correction_text = Some(crate::render::views::correction::correction_text(
            cat,
            site.config,
            &op.name,
            &op.id,
            &entry.path,
            &values,
        )?);
        let data = OperatorData {
            operator: entry,
            detail: OperatorPage::new(c, site.cat, op)?,
            // An operator checks its whole listing here: ended offers stay, last and marked.
            offers: site.cards_by_time(c.operator_offers(op)),
            partner_offers: site.cards_by_time(c.operator_partner_offers(op)),
        };
        site.render_page("operator.html", meta, data)
    })
}
