//! `districts/index.html`, the comparison of districts (a table and its SVG bar chart), and one
//! page per district, `districts/<id>.html`, with its explorer pre-filtered.

use crate::render::views::district::{Chart, DistrictLinks, DistrictRow, Outline};
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

#[derive(Serialize)]
struct DistrictData<'r, 'a> {
    district: &'r DistrictRow<'a>,
    outline: Option<Outline<'a>>,
    links: DistrictLinks<'a>,
    explorer_district: &'a str,
    explorer_compact: bool,
    explorer_offers: Vec<Value>,
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

    let pairs: Vec<_> = order.iter().zip(&rows).collect();
    site.pages(out, &pairs, |&(&i, row)| {
        let d = &c.districts[i];
        let mut offers: Vec<&crate::model::Offer> = c.district_offers(d).collect();
        offers.sort_by_cached_key(|o| (sort_key(&o.title), o.id.as_str()));
        let offers = site.cards_of(offers.into_iter());
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
        let data = DistrictData {
            district: row,
            outline: Outline::new(c, d),
            links: DistrictLinks::new(c, d),
            explorer_district: &d.id,
            explorer_compact: false,
            explorer_offers: offers,
        };
        site.render_page("district.html", meta, data)
    })
}
