//! `districts/index.html`, the comparison of districts (a table and its SVG bar chart), and one
//! page per district, `districts/<id>.html`, with its explorer pre-filtered (its offers paginated
//! for readers without JavaScript: `districts/<id>/page/2.html`, …).

use crate::render::paging::{Group, Pager};
use crate::render::views::district::{Chart, DistrictLinks, DistrictRow, Outline};
use crate::render::views::request::RequestEntry;
use crate::render::views::sort_key;
use crate::render::{Sink, Site};
use anyhow::Result;
use minijinja::Value;
use serde::Serialize;

#[derive(Serialize)]
struct Comparison<'r, 'a> {
    rows: &'r [DistrictRow<'a>],
    chart: Chart<'a>,
    /// Whether any district has a population (then the per-1,000 column is shown).
    with_population: bool,
}

/// What a district's later pages of offers show besides the list.
#[derive(Serialize)]
struct DistrictName<'a> {
    name: &'a str,
    path: &'a str,
}

#[derive(Serialize)]
struct DistrictData<'r, 'a> {
    district: &'r DistrictRow<'a>,
    outline: Option<Outline<'a>>,
    links: DistrictLinks<'a>,
    explorer_district: &'a str,
    explorer_compact: bool,
    /// The first page of the district's current offers (the explorer's fallback).
    pager: &'r Pager,
    groups: &'r [Group<Value>],
    /// Residents' requests from this district, newest first.
    requests: Vec<RequestEntry<'a>>,
}

/// Renders the comparison and every district page.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    let c = site.charter;
    let mut order: Vec<usize> = (0..c.districts.len()).collect();
    order.sort_by_cached_key(|&i| (sort_key(&c.districts[i].name), &c.districts[i].id));
    let rows: Vec<DistrictRow> =
        order.iter().map(|&i| DistrictRow::new(c, site.cat, &c.districts[i])).collect::<Result<_>>()?;
    let title = site.cat.get("districts.title")?;
    let meta = site.meta("districts/index.html", title, "districts", site.crumbs(&[], title)?);
    let comparison = Comparison {
        rows: &rows,
        chart: Chart::offers(&rows),
        with_population: rows.iter().any(|r| r.population.is_some()),
    };
    site.page(out, "districts.html", meta, comparison)?;

    // A district's later pages of offers, put after the district pages (in path order: builds
    // stay byte-identical whatever the threads did first).
    let later = std::sync::Mutex::new(std::collections::BTreeMap::<String, Vec<u8>>::new());
    let pairs: Vec<_> = order.iter().zip(&rows).collect();
    site.pages(out, &pairs, |&(&i, row)| {
        let d = &c.districts[i];
        let pages = site.offer_pages(&row.path, c.district_offers(d).filter(|o| c.is_current(o)))?;
        let mut meta = site.meta(
            row.path.clone(),
            d.name.as_str(),
            "districts",
            site.crumbs(&[(title, "districts/index.html")], &d.name)?,
        );
        if !d.summary.trim().is_empty() {
            meta.description = d.summary.clone();
        }
        meta.explorer = true;
        let mut requests: Vec<&crate::model::Request> = c.district_requests(d).collect();
        requests.sort_by(|a, b| b.received_on.cmp(&a.received_on).then_with(|| a.id.cmp(&b.id)));
        let requests =
            requests.into_iter().map(|r| RequestEntry::new(c, site.cat, r)).collect::<Result<_>>()?;
        let data = DistrictData {
            district: row,
            outline: Outline::new(c, d),
            links: DistrictLinks::new(c, d),
            explorer_district: &d.id,
            explorer_compact: false,
            pager: &pages[0].pager,
            groups: &pages[0].groups,
            requests,
        };
        meta.next = pages[0].pager.next.clone();
        let page = site.render_page("district.html", meta, data)?;
        let here = d.name.as_str();
        let mut rest = std::collections::BTreeMap::new();
        site.list_pages_from(
            &mut rest,
            "district_offers.html",
            &pages,
            2,
            |path, _| {
                Ok(site.meta(
                    path,
                    here,
                    "districts",
                    site.crumbs(&[(title, "districts/index.html"), (here, &row.path)], here)?,
                ))
            },
            &DistrictName { name: here, path: &row.path },
        )?;
        later.lock().map_err(|_| anyhow::anyhow!("a render thread panicked"))?.extend(rest);
        Ok(page)
    })?;
    out.put_all(
        &later
            .into_inner()
            .map_err(|_| anyhow::anyhow!("a render thread panicked"))?
            .into_iter()
            .collect::<Vec<_>>(),
    )
}
