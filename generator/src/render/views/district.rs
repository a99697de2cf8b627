//! District views: a row of the comparison (table and bar chart) and the outline drawn on a
//! district's page. Geometry is computed here; the SVG markup is in the templates.

use super::{record_path, Link};
use crate::model::{Charter, District, Shape};
use crate::records::{MapFeature, MapGeometry};
use crate::render::i18n::Catalogue;
use anyhow::Result;
use passerelle_index::BaseKind;
use serde::Serialize;

/// One district's figures.
#[derive(Debug, Serialize)]
pub struct DistrictRow<'a> {
    pub id: &'a str,
    pub path: String,
    pub name: &'a str,
    pub summary: &'a str,
    pub priority: bool,
    pub population: Option<String>,
    pub offers: usize,
    pub venues: usize,
    pub operators: usize,
    pub partnerships: usize,
    /// Offers per 1,000 residents, formatted, when the population is known.
    pub per_1000: Option<String>,
    /// Labels of the audiences no offer reaching the district is meant for.
    pub unserved: Vec<&'a str>,
}

impl<'a> DistrictRow<'a> {
    pub fn new(charter: &'a Charter, cat: &'a Catalogue, d: &'a District) -> Result<Self> {
        // Current offers only: an ended or cancelled one no longer serves the district.
        let offers: Vec<_> = charter
            .district_offers(d)
            .filter(|o| charter.is_current(o) && o.status != crate::model::Status::Cancelled)
            .collect();
        let unserved = charter
            .vocabularies
            .audience
            .terms
            .iter()
            .filter(|t| t.code != "everyone")
            .filter(|t| !offers.iter().any(|o| o.audiences.contains(&t.code)))
            .map(|t| cat.term(t))
            .collect();
        let population = d.population.filter(|&p| p > 0);
        Ok(DistrictRow {
            id: &d.id,
            path: record_path("districts", &d.id),
            name: &d.name,
            summary: &d.summary,
            priority: d.priority,
            population: population.map(|p| cat.number(u64::from(p))).transpose()?,
            offers: offers.len(),
            venues: charter.district_venues(d).count(),
            operators: charter.district_operators(d).count(),
            partnerships: charter.district_partnerships(d).count(),
            per_1000: population
                .map(|p| cat.decimal(offers.len() as f64 * 1000.0 / f64::from(p)))
                .transpose()?,
            unserved,
        })
    }
}

/// A horizontal bar chart, one bar per district, its name above the bar.
#[derive(Debug, Serialize)]
pub struct Chart<'a> {
    pub width: u32,
    pub height: u32,
    pub bars: Vec<Bar<'a>>,
}

/// One bar: where to draw it and what to write.
#[derive(Debug, Serialize)]
pub struct Bar<'a> {
    pub label_y: u32,
    pub bar_y: u32,
    pub width: u32,
    pub value_x: u32,
    pub name: &'a str,
    pub value: usize,
    pub priority: bool,
}

impl<'a> Chart<'a> {
    const WIDTH: u32 = 400;
    const ROW: u32 = 46;
    const MAX_BAR: u32 = 340;

    /// Bars for the offers of each district, scaled to the largest.
    pub fn offers(rows: &[DistrictRow<'a>]) -> Chart<'a> {
        let max = rows.iter().map(|r| r.offers).max().unwrap_or(0).max(1);
        let bars = rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let top = i as u32 * Self::ROW;
                let width = ((r.offers as f64 / max as f64) * f64::from(Self::MAX_BAR)).round() as u32;
                Bar {
                    label_y: top + 16,
                    bar_y: top + 22,
                    width: width.max(2),
                    value_x: width.max(2) + 6,
                    name: r.name,
                    value: r.offers,
                    priority: r.priority,
                }
            })
            .collect();
        Chart { width: Self::WIDTH, height: (rows.len() as u32 * Self::ROW).max(Self::ROW), bars }
    }
}

/// A district drawn among its neighbours, with its venues as dots.
#[derive(Debug, Serialize)]
pub struct Outline<'a> {
    pub width: u32,
    pub height: u32,
    /// The district's own outline (SVG path data).
    pub shape: String,
    /// The neighbours, lighter, for context.
    pub neighbours: Vec<String>,
    /// The basemap under them (`data/basemap.geojson`), each path with its kind.
    pub basemap: Vec<BasePath<'a>>,
    pub venues: Vec<Dot<'a>>,
}

/// A basemap feature on the outline: its kind (`water`, `road`…), name and SVG path; `label`,
/// where a river's name goes (the middle of its course) when that is on the map.
#[derive(Debug, Serialize)]
pub struct BasePath<'a> {
    pub kind: &'static str,
    pub name: &'a str,
    pub d: String,
    pub label: Option<(String, String)>,
}

/// A venue on the outline.
#[derive(Debug, Serialize)]
pub struct Dot<'a> {
    pub x: String,
    pub y: String,
    pub name: &'a str,
    pub path: String,
}

impl<'a> Outline<'a> {
    /// The outline of `d`, or `None` when `districts.geojson` has no shape for it.
    pub fn new(charter: &'a Charter, d: &District) -> Option<Outline<'a>> {
        let shape = charter.district_shape(d)?;
        let bbox = crate::model::geo::BBox::around(shape.points())?;
        let lat0 = ((bbox.min_lat + bbox.max_lat) / 2.0).to_radians().cos();
        let (w0, h0) = ((bbox.max_lon - bbox.min_lon) * lat0, bbox.max_lat - bbox.min_lat);
        if w0 <= 0.0 || h0 <= 0.0 {
            return None;
        }
        let (width, pad) = (400.0, 0.12);
        let scale = width / (w0 * (1.0 + 2.0 * pad));
        let height = (h0 * (1.0 + 2.0 * pad) * scale).clamp(120.0, 480.0);
        let (ox, oy) = (bbox.min_lon * lat0 - w0 * pad, bbox.max_lat + (height / scale - h0) / 2.0);
        let project = |(lon, lat): (f64, f64)| ((lon * lat0 - ox) * scale, (oy - lat) * scale);
        let path = |s: &Shape| path_data(s, &project);
        let neighbours = charter
            .districts
            .iter()
            .filter(|other| other.id != d.id)
            .filter_map(|other| charter.district_shape(other))
            .map(path)
            .collect();
        let basemap = charter.basemap.iter().map(|f| base_path(f, &project, (width, height))).collect();
        let venues = charter
            .district_venues(d)
            .filter_map(|v| Some((v, v.lon?, v.lat?)))
            .map(|(v, lon, lat)| {
                let (x, y) = project((lon, lat));
                Dot {
                    x: format!("{x:.1}"),
                    y: format!("{y:.1}"),
                    name: &v.name,
                    path: record_path("venues", &v.id),
                }
            })
            .collect();
        Some(Outline {
            width: width as u32,
            height: height.round() as u32,
            shape: path(shape),
            neighbours,
            basemap,
            venues,
        })
    }
}

/// A basemap feature drawn with `project` on a map of `size`.
fn base_path<'a>(
    f: &'a MapFeature,
    project: &impl Fn((f64, f64)) -> (f64, f64),
    size: (f64, f64),
) -> BasePath<'a> {
    let mut d = String::new();
    let mut line = |points: &[(f64, f64)], close: bool| {
        for (i, &point) in points.iter().enumerate() {
            let (x, y) = project(point);
            d.push_str(&format!("{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" }));
        }
        if close {
            d.push('Z');
        }
    };
    let mut label = None;
    match &f.geometry {
        MapGeometry::Lines(lines) => {
            for points in lines {
                line(points, false);
            }
            let middle = lines.first().and_then(|l| l.get(l.len() / 2)).map(|&p| project(p));
            label = middle
                .filter(|&(x, y)| {
                    f.kind == BaseKind::Water
                        && (20.0..size.0 - 20.0).contains(&x)
                        && (10.0..size.1 - 10.0).contains(&y)
                })
                .map(|(x, y)| (format!("{x:.1}"), format!("{y:.1}")));
        }
        MapGeometry::Areas(polygons) => polygons.iter().flatten().for_each(|ring| line(ring, true)),
        MapGeometry::Point(point) => {
            let (x, y) = project(*point);
            d = format!("M{x:.1} {y:.1}h0");
        }
    }
    BasePath { kind: f.kind.code(), name: &f.name, d, label }
}

/// SVG path data for every ring of a shape.
fn path_data(shape: &Shape, project: &impl Fn((f64, f64)) -> (f64, f64)) -> String {
    let mut d = String::new();
    for ring in shape.polygons.iter().flatten() {
        for (i, &point) in ring.iter().enumerate() {
            let (x, y) = project(point);
            d.push_str(&format!("{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" }));
        }
        d.push('Z');
    }
    d
}

/// The links of a district's related records, for its page.
#[derive(Debug, Serialize)]
pub struct DistrictLinks<'a> {
    pub venues: Vec<Link<'a>>,
    pub operators: Vec<Link<'a>>,
    pub partnerships: Vec<Link<'a>>,
}

impl<'a> DistrictLinks<'a> {
    pub fn new(charter: &'a Charter, d: &District) -> Self {
        DistrictLinks {
            venues: charter.district_venues(d).map(|v| Link::record("venues", &v.id, &v.name)).collect(),
            operators: charter
                .district_operators(d)
                .map(|o| Link::record("operators", &o.id, &o.name))
                .collect(),
            partnerships: charter
                .district_partnerships(d)
                .map(|p| Link::record("partnerships", &p.id, &p.title))
                .collect(),
        }
    }
}
