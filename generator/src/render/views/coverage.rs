//! The coordination's view of where the offer is thin (districts comparison): for a season
//! (`site.toml` `season_starts`), each district × each audience and each age band, with the
//! figures per 1,000 residents where the population is known and the empty cells marked.
//!
//! The season under way counts the current offers only (not ended, not cancelled) that run
//! in it; each previous season gets its own table, from the offers that ran in it (ended
//! ones included: that is what the season had). An offer with neither dates nor sessions
//! (permanent) runs in every season.

use super::record_path;
use crate::model::{Charter, District, Offer, Status};
use crate::render::i18n::Catalogue;
use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// The age bands of the table: young children, children, teenagers, adults, seniors.
pub const BANDS: [(u8, u8); 5] = [(0, 5), (6, 11), (12, 17), (18, 59), (60, 120)];
/// Previous seasons shown, at most.
const PREVIOUS: i32 = 3;

#[derive(Debug, Serialize)]
pub struct Season<'a> {
    /// "Saison 2026–2027".
    pub label: String,
    /// "du 1er septembre 2026 au 31 août 2027".
    pub range: String,
    pub current: bool,
    /// Column headings.
    pub audiences: Vec<&'a str>,
    pub bands: Vec<String>,
    pub rows: Vec<Row<'a>>,
    /// Offers counted in the season (each once, whatever the districts it reaches).
    pub offers: usize,
    pub with_population: bool,
}

#[derive(Debug, Serialize)]
pub struct Row<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub path: String,
    pub priority: bool,
    pub population: Option<String>,
    pub total: Cell,
    pub audiences: Vec<Cell>,
    pub bands: Vec<Cell>,
}

/// A count, its figure per 1,000 residents, and whether it is empty (highlighted).
#[derive(Debug, Serialize)]
pub struct Cell {
    pub count: usize,
    pub per_1000: Option<String>,
    pub empty: bool,
}

/// The first and last day an offer runs: its dates, else its sessions; `None` for an open end.
fn span(charter: &Charter, offer: &Offer) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let sessions = &charter.timing(offer).sessions;
    let first = offer.starts_on.or_else(|| sessions.first().map(|s| crate::model::time::date_of(s.day)));
    let last = offer.ends_on.or_else(|| sessions.last().map(|s| crate::model::time::date_of(s.day)));
    (first, last)
}

/// Whether `offer` runs between `start` and `end`.
fn runs_in(charter: &Charter, offer: &Offer, (start, end): (NaiveDate, NaiveDate)) -> bool {
    let (first, last) = span(charter, offer);
    first.is_none_or(|f| f <= end) && last.is_none_or(|l| l >= start)
}

/// The ages an offer is for, as ranges (DESIGN.md "Time", age — the explorer's age filter
/// reads the same rule from the index): its `age_min`–`age_max`, else its audiences' ages.
/// Empty when it is reached only through a class or an association.
pub fn ages(offer: &Offer) -> Vec<(u8, u8)> {
    let has = |c: &str| offer.audiences.iter().any(|a| a == c);
    let open = has("families") || has("everyone");
    if !open && (has("schools") || has("associations")) {
        return Vec::new();
    }
    if offer.age_min.is_some() || offer.age_max.is_some() {
        return vec![(offer.age_min.unwrap_or(0), offer.age_max.unwrap_or(120))];
    }
    if offer.audiences.is_empty() || open {
        return vec![(0, 120)];
    }
    offer
        .audiences
        .iter()
        .filter_map(|a| match a.as_str() {
            "children" => Some((3, 11)),
            "youth" => Some((12, 17)),
            "adults" => Some((18, 120)),
            "seniors" => Some((60, 120)),
            _ => None,
        })
        .collect()
}

/// Whether an offer is for some age of the band `(lo, hi)`.
fn in_band(ages: &[(u8, u8)], (lo, hi): (u8, u8)) -> bool {
    ages.iter().any(|&(a, b)| a <= hi && lo <= b)
}

/// The season under way at the build day, then up to three previous ones that had offers.
pub fn seasons<'a>(
    charter: &'a Charter,
    cat: &'a Catalogue,
    config: &crate::config::Config,
    districts: &[&'a District],
) -> Result<Vec<Season<'a>>> {
    let (start, end) = config.season(charter.today);
    let mut out = Vec::new();
    let current: Vec<&Offer> = charter
        .offers
        .iter()
        .filter(|o| {
            charter.is_current(o) && o.status != Status::Cancelled && runs_in(charter, o, (start, end))
        })
        .collect();
    out.push(season(charter, cat, districts, (start, end), true, &current)?);
    for back in 1..=PREVIOUS {
        let bounds = |d: NaiveDate| d.with_year(d.year() - back).unwrap_or(d);
        let (s, e) = (bounds(start), bounds(end));
        let offers: Vec<&Offer> = charter
            .offers
            .iter()
            .filter(|o| o.status != Status::Cancelled && charter.timing(o).ended)
            .filter(|o| span(charter, o) != (None, None) && runs_in(charter, o, (s, e)))
            .collect();
        if !offers.is_empty() {
            out.push(season(charter, cat, districts, (s, e), false, &offers)?);
        }
    }
    Ok(out)
}

fn season<'a>(
    charter: &'a Charter,
    cat: &'a Catalogue,
    districts: &[&'a District],
    (start, end): (NaiveDate, NaiveDate),
    current: bool,
    offers: &[&Offer],
) -> Result<Season<'a>> {
    let audiences: Vec<_> = charter.vocabularies.audience.terms.iter().collect();
    let per = |count: usize, population: Option<u32>| {
        population.map(|p| cat.decimal(count as f64 * 1000.0 / f64::from(p))).transpose()
    };
    let mut rows = Vec::new();
    for &d in districts {
        let reaching: Vec<&&Offer> =
            offers.iter().filter(|o| charter.offer_districts(o).any(|x| x.id == d.id)).collect();
        let population = d.population.filter(|&p| p > 0);
        let cell = |count: usize| -> Result<Cell> {
            Ok(Cell { count, per_1000: per(count, population)?, empty: count == 0 })
        };
        let by_audience = audiences
            .iter()
            .map(|t| cell(reaching.iter().filter(|o| o.audiences.contains(&t.code)).count()))
            .collect::<Result<_>>()?;
        let ages: Vec<Vec<(u8, u8)>> = reaching.iter().map(|o| ages(o)).collect();
        let by_band = BANDS
            .iter()
            .map(|&b| cell(ages.iter().filter(|a| in_band(a, b)).count()))
            .collect::<Result<_>>()?;
        rows.push(Row {
            id: &d.id,
            name: &d.name,
            path: record_path("districts", &d.id),
            priority: d.priority,
            population: population.map(|p| cat.number(u64::from(p))).transpose()?,
            total: cell(reaching.len())?,
            audiences: by_audience,
            bands: by_band,
        });
    }
    let bands = BANDS
        .iter()
        .map(|&(lo, hi)| {
            let (min, max) = (lo.to_string(), hi.to_string());
            let key = if hi >= 120 { "districts.band_from" } else { "districts.band" };
            cat.fill(key, &[("min", &min), ("max", &max)])
        })
        .collect::<Result<_>>()?;
    Ok(Season {
        label: cat.fill(
            "districts.season",
            &[("from", &start.year().to_string()), ("to", &end.year().to_string())],
        )?,
        range: cat.date_range(Some(start), Some(end))?.unwrap_or_default(),
        current,
        audiences: audiences.iter().map(|t| cat.term(t)).collect(),
        bands,
        with_population: districts.iter().any(|d| d.population.is_some_and(|p| p > 0)),
        offers: offers.len(),
        rows,
    })
}

/// What the table does not show: each district's offers per 1,000 residents against the
/// city's (all the season's offers over all the districts' residents), as bars that go left
/// of the city's line (under-served) or right of it. Districts without a population are left
/// out (and named in the caption).
#[derive(Debug, Serialize)]
pub struct GapChart<'a> {
    pub width: u32,
    pub height: u32,
    /// The x of the city's line.
    pub axis: u32,
    /// The city's figure, formatted.
    pub city: String,
    pub bars: Vec<GapBar<'a>>,
    pub unknown: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct GapBar<'a> {
    pub name: &'a str,
    pub priority: bool,
    pub y: u32,
    pub x: u32,
    pub width: u32,
    pub below: bool,
    /// "2,4 (−1,1)".
    pub value: String,
    pub value_x: u32,
    pub anchor: &'static str,
}

impl<'a> GapChart<'a> {
    const WIDTH: u32 = 640;
    const HALF: f64 = 200.0;
    const ROW: u32 = 30;
    const TOP: u32 = 28;

    /// The chart of the season `season` (its offers reaching each district); `None` when no
    /// district has a population.
    pub fn new(
        cat: &Catalogue,
        season: &Season<'a>,
        districts: &[&'a District],
    ) -> Result<Option<GapChart<'a>>> {
        let known: Vec<(&Row, u32)> = season
            .rows
            .iter()
            .zip(districts)
            .filter_map(|(r, d)| d.population.filter(|&p| p > 0).map(|p| (r, p)))
            .collect();
        if known.is_empty() {
            return Ok(None);
        }
        let residents: f64 = known.iter().map(|(_, p)| f64::from(*p)).sum();
        let offers: f64 = known.iter().map(|(r, _)| r.total.count as f64).sum();
        let city = offers * 1000.0 / residents;
        let figures: Vec<f64> =
            known.iter().map(|(r, p)| r.total.count as f64 * 1000.0 / f64::from(*p)).collect();
        let spread = figures.iter().map(|f| (f - city).abs()).fold(0.0, f64::max).max(f64::EPSILON);
        let axis = Self::WIDTH / 2 + 60;
        let mut bars = Vec::new();
        for (i, ((row, _), figure)) in known.iter().zip(&figures).enumerate() {
            let gap = figure - city;
            let len = ((gap.abs() / spread) * Self::HALF).round() as u32;
            let below = gap < 0.0;
            let x = if below { axis - len } else { axis };
            let sign = if below { "−" } else { "+" };
            bars.push(GapBar {
                name: row.name,
                priority: row.priority,
                y: Self::TOP + i as u32 * Self::ROW,
                x,
                width: len.max(1),
                below,
                value: format!("{} ({sign}{})", cat.decimal(*figure)?, cat.decimal(gap.abs())?),
                value_x: if below { x.saturating_sub(4) } else { x + len.max(1) + 4 },
                anchor: if below { "end" } else { "start" },
            });
        }
        let unknown = season
            .rows
            .iter()
            .zip(districts)
            .filter(|(_, d)| d.population.is_none_or(|p| p == 0))
            .map(|(r, _)| r.name)
            .collect();
        Ok(Some(GapChart {
            width: Self::WIDTH,
            height: Self::TOP + known.len() as u32 * Self::ROW + 8,
            axis,
            city: cat.decimal(city)?,
            bars,
            unknown,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The age rule: explicit ages first, else the audiences' ages; school-only offers none.
    #[test]
    fn ages_follow_the_design_rule() {
        let offer = |audiences: &[&str], min: Option<u8>, max: Option<u8>| Offer {
            audiences: audiences.iter().map(|s| s.to_string()).collect(),
            age_min: min,
            age_max: max,
            ..Default::default()
        };
        assert_eq!(ages(&offer(&["children"], None, None)), [(3, 11)]);
        assert_eq!(ages(&offer(&["children"], Some(6), Some(12))), [(6, 12)]);
        assert_eq!(ages(&offer(&["schools"], Some(6), Some(12))), Vec::<(u8, u8)>::new());
        assert_eq!(ages(&offer(&["schools", "families"], None, None)), [(0, 120)]);
        assert!(in_band(&ages(&offer(&["youth"], None, None)), (12, 17)));
        assert!(!in_band(&ages(&offer(&["youth"], None, None)), (18, 59)));
    }
}
