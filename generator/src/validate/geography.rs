//! Places: district positions and outlines, venues and operators near the districts, a
//! venue's district derived from its coordinates, offers that reach no district; outlines that
//! cross themselves or overlap each other ([`topology`]).
//!
//! Derives: a district's `lat`/`lon` from its outline's centroid when empty; a venue's
//! `district` from the outline containing it when empty.
//!
//! "Near the districts" is the box around every outline and district centre grown by
//! [`MARGIN`] (about 5 km): beyond it a point is a warning (an address outside the city is
//! possible), not an error; `0, 0` (an empty spreadsheet cell turned number) is an error.

use super::values::in_range;
use crate::diagnostics::suggest::did_you_mean;
use crate::diagnostics::Diagnostics;
use crate::model::geo::BBox;
use crate::records::{DistrictScope, Origin, Records, Shape};
use std::collections::HashMap;

mod topology;

/// How far beyond the districts a point may be before a warning, in degrees (~5 km).
pub const MARGIN: f64 = 0.05;

/// A point this close to its district's outline (in metres) is not "outside" it: addresses on
/// a boundary street geocode to either side.
pub const BORDER_M: f64 = 30.0;

/// Checks positions and derives what can be derived.
pub fn check(records: &mut Records, diagnostics: &mut Diagnostics) {
    let d = diagnostics;
    let shapes: HashMap<&str, &Shape> = records.shapes.iter().map(|s| (s.district.as_str(), s)).collect();
    for district in &mut records.districts {
        let centroid = shapes.get(district.id.as_str()).and_then(|s| s.centroid());
        match (district.lat, district.lon, centroid) {
            (Some(_), Some(_), _) => {}
            (None, None, Some((lon, lat))) => (district.lat, district.lon) = (Some(lat), Some(lon)),
            (None, None, None) if !district.id.is_empty() => d.error(
                &district.origin,
                "lat",
                format!("district \"{}\" has no position", district.id),
                Some("give its lat and lon, or its outline in data/districts.geojson".into()),
            ),
            _ => {}
        }
    }
    topology::check(&records.shapes, &records.shape_origins, d);
    // A set: every outline and every venue looks its district up.
    let ids: std::collections::HashSet<&str> = records.districts.iter().map(|x| x.id.as_str()).collect();
    for (shape, origin) in records.shapes.iter().zip(&records.shape_origins) {
        if !ids.contains(&shape.district.as_str()) {
            let message =
                format!("outline for \"{}\", which is not a district of districts.csv", shape.district);
            d.warning(origin, "id", message, did_you_mean(&shape.district, ids.iter().copied()));
        }
    }
    let extent = extent(records);
    for o in &records.operators {
        near(extent, &o.origin, o.lat, o.lon, d);
    }
    for venue in &mut records.venues {
        near(extent, &venue.origin, venue.lat, venue.lon, d);
        let (Some(lat), Some(lon)) = (venue.lat, venue.lon) else { continue };
        if !in_range(lat, lon) {
            continue;
        }
        match &venue.district {
            None => {
                let known = records.shapes.iter().filter(|s| ids.contains(&s.district.as_str()));
                venue.district = known.into_iter().find(|s| s.contains(lon, lat)).map(|s| s.district.clone());
            }
            Some(id) => outside_own(&venue.origin, id, (lon, lat), &shapes, &records.shapes, d),
        }
    }
    offers_reach_a_district(records, d);
}

/// The districts' box grown by [`MARGIN`], or `None` when no district has a position.
fn extent(records: &Records) -> Option<BBox> {
    let outlines = records.shapes.iter().flat_map(Shape::points);
    let centres = records.districts.iter().filter_map(|x| Some((x.lon?, x.lat?)));
    BBox::around(outlines.chain(centres).filter(|&(lon, lat)| in_range(lat, lon))).map(|b| b.grown(MARGIN))
}

fn near(extent: Option<BBox>, origin: &Origin, lat: Option<f64>, lon: Option<f64>, d: &mut Diagnostics) {
    let (Some(lat), Some(lon), Some(extent)) = (lat, lon, extent) else { return };
    if lat == 0.0 && lon == 0.0 {
        d.error(
            origin,
            "lat",
            "coordinates 0, 0 (in the ocean off Africa)",
            Some("an empty cell turned into zeros? give the real position".into()),
        );
    } else if in_range(lat, lon) && !extent.contains(lon, lat) {
        let hint = if extent.contains(lat, lon) {
            "latitude and longitude look swapped".to_owned()
        } else {
            "check the coordinates: lat and lon in degrees".to_owned()
        };
        d.warning(origin, "lat", format!("{lat}, {lon} is far from every district"), Some(hint));
    }
}

/// A venue whose point lies outside its own district's outline (beyond the border tolerance).
fn outside_own(
    origin: &Origin,
    id: &str,
    (lon, lat): (f64, f64),
    shapes: &HashMap<&str, &Shape>,
    all: &[Shape],
    d: &mut Diagnostics,
) {
    let Some(shape) = shapes.get(id) else { return };
    if shape.contains(lon, lat) || distance_to_outline_m(shape, lon, lat) <= BORDER_M {
        return;
    }
    let hint = match all.iter().find(|s| s.contains(lon, lat)) {
        Some(other) => {
            format!("the point is in \"{}\": check the coordinates or the district", other.district)
        }
        None => "check the coordinates or the district".to_owned(),
    };
    d.warning(
        origin,
        "district",
        format!("the venue's coordinates lie outside its district \"{id}\""),
        Some(hint),
    );
}

/// An offer with an empty `districts` cell reaches its venue's district: warn when that is none.
fn offers_reach_a_district(records: &Records, d: &mut Diagnostics) {
    let venues: HashMap<&str, Option<&str>> =
        records.venues.iter().map(|v| (v.id.as_str(), v.district.as_deref())).collect();
    for offer in records.offers.iter().filter(|o| o.districts == DistrictScope::Venue) {
        let message = match offer.venue.as_deref().map(|v| venues.get(v)) {
            None => "this offer reaches no district: it has no venue and no districts".to_owned(),
            Some(Some(None)) => format!(
                "this offer reaches no district: its venue \"{}\" is in none",
                offer.venue.as_deref().unwrap_or("")
            ),
            // A known venue with a district, or an unknown venue (already an error).
            Some(_) => continue,
        };
        d.warning(&offer.origin, "districts", message, Some("list its districts, or write `all`".into()));
    }
}

/// The distance from a point to the nearest edge of a shape, in metres (planar, scaled by
/// the cosine of the latitude: fine at a city's scale).
fn distance_to_outline_m(shape: &Shape, lon: f64, lat: f64) -> f64 {
    const M_PER_DEGREE: f64 = 111_320.0;
    let kx = lat.to_radians().cos() * M_PER_DEGREE;
    let to_m = |(x, y): (f64, f64)| ((x - lon) * kx, (y - lat) * M_PER_DEGREE);
    let mut best = f64::INFINITY;
    for ring in shape.polygons.iter().flatten() {
        for (i, &a) in ring.iter().enumerate() {
            let b = ring[(i + 1) % ring.len()];
            best = best.min(segment_distance(to_m(a), to_m(b)));
        }
    }
    best
}

/// Distance from the origin to the segment `a`–`b`.
fn segment_distance((ax, ay): (f64, f64), (bx, by): (f64, f64)) -> f64 {
    let (dx, dy) = (bx - ax, by - ay);
    let length2 = dx * dx + dy * dy;
    let t = if length2 > 0.0 { (-(ax * dx + ay * dy) / length2).clamp(0.0, 1.0) } else { 0.0 };
    (ax + t * dx).hypot(ay + t * dy)
}

#[cfg(test)]
mod tests;
