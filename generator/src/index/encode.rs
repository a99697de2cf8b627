//! The charter as the explorer's [`Index`]: names stored once and referred to by position,
//! dates as day numbers, shapes and venues projected (see the `passerelle-index` crate docs).

use super::project;
use super::strings::explorer_strings;
use crate::config::{Config, Language};
use crate::model::{Charter, Price, Status};
use crate::vocabulary::Vocabulary;
use anyhow::Result;
use chrono::NaiveDate;
use passerelle_index::{District, Index, Map, OfferRow, Venue, FORMAT_VERSION, SUMMARY_MAX};
use std::collections::HashMap;

/// Builds the index of `charter` in the site language.
pub fn encode(charter: &Charter, config: &Config) -> Result<Index> {
    let lang = config.language;
    let map = frame(charter, config);
    let district_ix = positions(charter.districts.iter().map(|d| d.id.as_str()));
    let venue_ix = positions(charter.venues.iter().map(|v| v.id.as_str()));
    let operator_ix = positions(charter.operators.iter().map(|o| o.id.as_str()));
    let vocab = &charter.vocabularies;

    let districts = charter
        .districts
        .iter()
        .map(|d| {
            let shape = charter.district_shape(d);
            let centre = shape.and_then(|s| s.centroid()).or(d.lon.zip(d.lat));
            let pole = shape.and_then(|s| project::label_point(&map, s));
            District {
                id: d.id.clone(),
                name: d.name.clone(),
                path: shape.map(|s| project::svg_path(&map, s)).unwrap_or_default(),
                label: pole.or_else(|| centre.map(|c| project::to_view(&map, c))).unwrap_or_default(),
            }
        })
        .collect();
    let venues = charter
        .venues
        .iter()
        .map(|v| {
            let lonlat = (v.lon.unwrap_or_default(), v.lat.unwrap_or_default());
            Venue {
                id: v.id.clone(),
                name: v.name.clone(),
                district: v.district.as_deref().and_then(|d| district_ix.get(d)).map(|&i| i as u32),
                xy: project::to_view(&map, lonlat),
                lonlat: [lonlat.0, lonlat.1],
            }
        })
        .collect::<Vec<Venue>>();
    let lost: Vec<(u32, [f64; 2])> = charter
        .venues
        .iter()
        .zip(&venues)
        .enumerate()
        .filter(|(_, (v, _))| v.district.is_none() && v.lon.is_some() && v.lat.is_some())
        .map(|(i, (_, venue))| (i as u32, venue.xy))
        .collect();

    let basemap = charter.basemap.iter().map(|f| project::base_feature(&map, f)).collect();

    let mut index = Index {
        version: FORMAT_VERSION,
        lang: lang.tag().into(),
        today: day(charter.today),
        strings: explorer_strings(lang)?.into_iter().collect(),
        vocab: passerelle_index::Vocab {
            audience: labels(&vocab.audience, lang),
            discipline: labels(&vocab.discipline, lang),
            accessibility: labels(&vocab.accessibility, lang),
        },
        map,
        districts,
        venues,
        operators: charter.operators.iter().map(|o| o.name.clone()).collect(),
        offers: Default::default(),
        holidays: charter.holidays.clone(),
        basemap,
        outside: super::outside::groups(&lost),
    };
    for offer in &charter.offers {
        let venue = charter.offer_venue(offer);
        let mut accessibility = codes(&vocab.accessibility, &offer.accessibility);
        if let Some(v) = venue {
            accessibility.extend(codes(&vocab.accessibility, &v.accessibility));
        }
        accessibility.sort_unstable();
        accessibility.dedup();
        index.offers.push(OfferRow {
            id: passerelle_index::Offers::stored_id(&offer.id, &offer.title),
            title: offer.title.clone(),
            summary: truncate(&offer.summary, SUMMARY_MAX),
            operator: operator_ix.get(offer.operator.as_str()).map_or(0, |&i| i as u32),
            venue: venue.and_then(|v| venue_ix.get(v.id.as_str())).map(|&i| i as u32),
            districts: charter
                .offer_districts(offer)
                .filter_map(|d| district_ix.get(d.id.as_str()))
                .map(|&i| i as u32)
                .collect(),
            audiences: codes(&vocab.audience, &offer.audiences),
            disciplines: codes(&vocab.discipline, &offer.disciplines),
            accessibility,
            age_min: offer.age_min,
            age_max: offer.age_max,
            price: match offer.price {
                None => passerelle_index::Price::Unknown,
                Some(Price::Free) => passerelle_index::Price::Free,
                Some(Price::Paid) => passerelle_index::Price::Paid,
                Some(Price::PayWhatYouCan) => passerelle_index::Price::PayWhatYouCan,
            } as u8,
            start: offer.starts_on.map(day),
            end: offer.ends_on.map(day),
            status: match offer.status {
                Status::Open => passerelle_index::Status::Open,
                Status::Full => passerelle_index::Status::Full,
                Status::Cancelled => passerelle_index::Status::Cancelled,
            } as u8,
            when: charter.timing(offer).recurrence.clone(),
        });
    }
    // Operators no offer refers to (an operator without offers) would only weigh: keep them,
    // positions must stay those of the charter's sorted table.
    debug_assert_eq!(index.check(), Ok(()));
    Ok(index)
}

/// The map frame around every outline and venue, with the configured tiles.
fn frame(charter: &Charter, config: &Config) -> Map {
    let outline = charter.shapes.iter().flatten().flat_map(|s| s.points().collect::<Vec<_>>());
    let venues = charter.venues.iter().filter_map(|v| v.lon.zip(v.lat));
    let mut map = project::frame(outline.chain(venues));
    map.tiles = config.map.tiles.clone();
    map.attribution = config.map.attribution.clone();
    map
}

/// Days since 1970-01-01.
pub fn day(date: NaiveDate) -> i32 {
    passerelle_index::days_from_civil(
        chrono::Datelike::year(&date),
        chrono::Datelike::month(&date),
        chrono::Datelike::day(&date),
    )
}

fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    ids.enumerate().map(|(i, id)| (id, i)).collect()
}

fn labels(vocabulary: &Vocabulary, lang: Language) -> Vec<(String, String)> {
    vocabulary
        .terms
        .iter()
        .map(|t| {
            (
                t.code.clone(),
                match lang {
                    Language::Fr => t.fr.clone(),
                    Language::En => t.en.clone(),
                },
            )
        })
        .collect()
}

/// Positions of `values` in `vocabulary` (unknown codes were reported by `validate`), sorted.
fn codes(vocabulary: &Vocabulary, values: &[String]) -> Vec<u32> {
    let mut out: Vec<u32> = values
        .iter()
        .filter_map(|c| vocabulary.terms.iter().position(|t| &t.code == c))
        .map(|i| i as u32)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// `text` cut to at most `max` characters at a word boundary, with "…" when cut.
pub fn truncate(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(at) if at > max / 2 => &cut[..at],
        _ => &cut,
    };
    format!("{}…", cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:.-–—".contains(c)))
}
