//! `districts/index.html`, the comparison of districts (a table and its SVG bar chart), and one
//! page per district, `districts/<id>.html`, with its explorer pre-filtered (its offers paginated
//! for readers without JavaScript: `districts/<id>/page/2.html`, …).

use crate::render::paging::{self, Group, Jump, ListPage, Pager};
use crate::render::views::coverage::{self, GapChart, Season};
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
    /// The season under way (district × audience and age band), then the previous ones.
    seasons: Vec<Season<'a>>,
    /// Offers per 1,000 residents against the city's, for the season under way.
    gap: Option<GapChart<'a>>,
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
    let districts: Vec<_> = order.iter().map(|&i| &c.districts[i]).collect();
    let seasons = coverage::seasons(c, site.cat, site.config, &districts)?;
    let gap = match seasons.first() {
        Some(season) => GapChart::new(site.cat, season, &districts)?,
        None => None,
    };
    let comparison = Comparison {
        rows: &rows,
        chart: Chart::offers(&rows),
        with_population: rows.iter().any(|r| r.population.is_some()),
        seasons,
        gap,
    };
    site.page(out, "districts.html", meta, comparison)?;

    // Every district's list of current offers, cut into pages: page 1 is the district's own
    // page (with its map and explorer), the others list offers only. All go through one
    // `site.pages`, so at most a few pages are held at once whatever the charter's size.
    let lists: Vec<Vec<ListPage<Value>>> = order
        .iter()
        .zip(&rows)
        .map(|(&i, row)| {
            let d = &c.districts[i];
            site.offer_pages(&row.path, c.district_offers(d).filter(|o| c.is_current(o)))
        })
        .collect::<Result<_>>()?;
    let jumps: Vec<Vec<Jump>> = lists.iter().map(|pages| paging::jumps(pages)).collect();
    let items: Vec<(usize, usize)> =
        lists.iter().enumerate().flat_map(|(k, pages)| (0..pages.len()).map(move |p| (k, p))).collect();
    site.pages(out, &items, |&(k, p)| {
        let (i, row, page) = (order[k], &rows[k], &lists[k][p]);
        let d = &c.districts[i];
        if p > 0 {
            let here = d.name.as_str();
            let meta = site.meta(
                page.path.clone(),
                here,
                "districts",
                site.crumbs(&[(title, "districts/index.html"), (here, &row.path)], here)?,
            );
            let extra = DistrictName { name: here, path: &row.path };
            return site.list_page("district_offers.html", page, &jumps[k], meta, &extra);
        }
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
        meta.next = page.pager.next.clone();
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
            pager: &page.pager,
            groups: &page.groups,
            requests,
        };
        site.render_page("district.html", meta, data)
    })
}
