//! The record types, defined once: what one row of each table means once loaded.
//!
//! `load` builds them from CSV rows, `validate` checks them (and derives what can be derived,
//! such as a venue's district), `model` links them into a graph. References between tables are
//! kept as ids (slugs); the graph in `model` resolves them.

use chrono::NaiveDate;
pub use passerelle_index::time::{DayRule, Pauses, Session};
use serde::Serialize;
use std::sync::Arc;

/// A record id: a slug (`[a-z0-9-]+`), unique per table, stable across builds (it makes URLs).
pub type Id = String;

/// A code from a vocabulary (`audience`, `discipline`, …), e.g. `"youth"`.
pub type Code = String;

/// Where a record came from, so that `validate` can point at the exact cell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Origin {
    /// Path relative to the project root, with `/` separators: `data/offers.csv`.
    pub file: Arc<str>,
    /// 1-based line of the record's first line in the file.
    pub line: u32,
    /// 1-based column (in characters) of each field's cell, by canonical field name.
    pub columns: Vec<(&'static str, u32)>,
    /// 1-based line of the cells that do not start on `line` (after a multi-line quoted cell).
    pub lines: Vec<(&'static str, u32)>,
}

impl Origin {
    /// The column of `field`'s cell, or 1 when the table has no such column.
    pub fn column(&self, field: &str) -> u32 {
        self.columns.iter().find(|(name, _)| *name == field).map_or(1, |&(_, col)| col)
    }

    /// The line of `field`'s cell: `line`, unless a multi-line cell before it pushed it down.
    pub fn line_of(&self, field: &str) -> u32 {
        self.lines.iter().find(|(name, _)| *name == field).map_or(self.line, |&(_, line)| line)
    }

    /// Whether the table had a column for `field` (a missing column is reported once, by `load`).
    pub fn has(&self, field: &str) -> bool {
        self.columns.iter().any(|(name, _)| *name == field)
    }
}

/// A district (quartier) of the city.
#[derive(Clone, Debug, Default, Serialize)]
pub struct District {
    pub id: Id,
    pub name: String,
    pub city: String,
    pub summary: String,
    /// Centroid; may be empty when `districts.geojson` has the polygon (then computed from it).
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Inhabitants, when known: enables per-1,000-residents figures.
    pub population: Option<u32>,
    /// A *quartier prioritaire* of city policy.
    pub priority: bool,
    #[serde(skip)]
    pub origin: Origin,
}

/// An operator (acteur): an association, institution, school, … that signed the charter.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Operator {
    pub id: Id,
    pub name: String,
    /// Vocabulary `operator_kind`.
    pub kind: Code,
    /// Home district; `None` = outside the districts or city-wide.
    pub district: Option<Id>,
    pub address: String,
    pub postcode: String,
    pub city: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub summary: String,
    /// Markdown.
    pub description: String,
    pub signed_charter_on: Option<NaiveDate>,
    pub updated_on: Option<NaiveDate>,
    /// Provenance from `passerelle import` (`museofile:M0003`), `None` for records typed in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A venue or equipment (lieu, équipement) where offers take place.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Venue {
    pub id: Id,
    pub name: String,
    /// Vocabulary `venue_kind`.
    pub kind: Code,
    /// Filled by `validate` from the coordinates (point in polygon) when empty in the data.
    pub district: Option<Id>,
    pub address: String,
    pub postcode: String,
    pub city: String,
    /// Required by `validate` (the map needs them); `None` only in invalid input.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// The operator that runs it.
    pub operator: Option<Id>,
    /// Vocabulary `accessibility`.
    pub accessibility: Vec<Code>,
    pub opening_hours: String,
    pub website: Option<String>,
    pub updated_on: Option<NaiveDate>,
    /// Provenance from `passerelle import` (`museofile:M0003`), `None` for records typed in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// Where an offer happens, as written in its `districts` cell.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DistrictScope {
    /// Empty cell: the venue's district.
    #[default]
    Venue,
    /// `all`: every district.
    All,
    /// The listed district ids.
    Listed(Vec<Id>),
}

/// What an offer costs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Price {
    Free,
    Paid,
    PayWhatYouCan,
}

impl Price {
    /// The stable code, as written in the CSV.
    pub fn code(self) -> &'static str {
        match self {
            Price::Free => "free",
            Price::Paid => "paid",
            Price::PayWhatYouCan => "pay_what_you_can",
        }
    }
}

/// Whether residents can still join an offer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Open,
    Full,
    Cancelled,
}

impl Status {
    /// The stable code, as written in the CSV.
    pub fn code(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Full => "full",
            Status::Cancelled => "cancelled",
        }
    }
}

/// A cultural offer (offre, action de coopération).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Offer {
    pub id: Id,
    pub title: String,
    /// The operator carrying it (porteur).
    pub operator: Id,
    pub partners: Vec<Id>,
    /// Vocabulary `discipline`.
    pub disciplines: Vec<Code>,
    /// Vocabulary `audience`.
    pub audiences: Vec<Code>,
    pub age_min: Option<u8>,
    pub age_max: Option<u8>,
    pub districts: DistrictScope,
    pub venue: Option<Id>,
    /// Both `None` = ongoing.
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    /// Free text: "mercredis 14h–16h"; the site writes the sentence when empty.
    pub schedule: String,
    /// When it happens (DESIGN.md "Time"): weekdays with optional ranks.
    pub days: Vec<DayRule>,
    /// Local times, minutes after midnight.
    pub start_time: Option<u16>,
    pub end_time: Option<u16>,
    /// Single sessions, besides (or instead of) `days`.
    pub dates: Vec<Session>,
    /// Days off: dates, ranges, school and public holidays.
    pub except: Except,
    pub price: Option<Price>,
    pub price_detail: String,
    /// A URL, an e-mail address or a phone number.
    pub booking: String,
    /// Vocabulary `accessibility`.
    pub accessibility: Vec<Code>,
    /// ISO 639-1 codes.
    pub languages: Vec<String>,
    /// One sentence (required).
    pub summary: String,
    /// Markdown.
    pub description: String,
    pub status: Status,
    pub updated_on: Option<NaiveDate>,
    /// Provenance from `passerelle import` (`museofile:M0003`), `None` for records typed in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A partnership (partenariat) between at least two operators.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Partnership {
    pub id: Id,
    pub title: String,
    pub operators: Vec<Id>,
    pub offers: Vec<Id>,
    pub districts: Vec<Id>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub summary: String,
    /// Markdown.
    pub description: String,
    #[serde(skip)]
    pub origin: Origin,
}

/// What an `except` cell holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Except {
    /// Inclusive ranges of day numbers (a single date is a range of one day).
    pub ranges: Vec<(i32, i32)>,
    pub pauses: Pauses,
}

/// What kind of day off a holiday is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HolidayKind {
    /// School holidays (`scolaire`): weekly workshops pause.
    #[default]
    School,
    /// A public holiday (`férié`).
    Public,
}

/// One row of the optional `holidays.csv`: a school holiday or a public holiday.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Holiday {
    pub id: Id,
    pub name: String,
    pub starts_on: Option<NaiveDate>,
    /// Empty = one day (`starts_on`).
    pub ends_on: Option<NaiveDate>,
    pub kind: HolidayKind,
    #[serde(skip)]
    pub origin: Origin,
}

/// A district's outline from `data/districts.geojson`, in WGS84 degrees.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shape {
    /// `properties.id`: a district id.
    pub district: Id,
    /// Polygons, each as rings (outer first, then holes), each ring as `(lon, lat)` points.
    pub polygons: Vec<Vec<Vec<(f64, f64)>>>,
}

/// A feature of `data/basemap.geojson`: what lets a resident find their way on the maps.
#[derive(Clone, Debug, PartialEq)]
pub struct MapFeature {
    pub kind: passerelle_index::BaseKind,
    /// Empty when the file gives none (a warning).
    pub name: String,
    pub geometry: MapGeometry,
}

/// A basemap feature's shape, in WGS84 `(lon, lat)` degrees.
#[derive(Clone, Debug, PartialEq)]
pub enum MapGeometry {
    /// Lines (a LineString or a MultiLineString).
    Lines(Vec<Vec<(f64, f64)>>),
    /// Polygons, each as rings, outer first (a Polygon or a MultiPolygon).
    Areas(Vec<Vec<Vec<(f64, f64)>>>),
    /// A landmark.
    Point((f64, f64)),
}

/// One row of the optional `vocabulary.csv`: adds a code or relabels one.
#[derive(Clone, Debug, Default)]
pub struct VocabularyRow {
    pub group: String,
    pub code: Code,
    pub label_fr: String,
    pub label_en: String,
    pub origin: Origin,
}

/// Everything `load` read from `data/`, before validation.
#[derive(Clone, Debug, Default)]
pub struct Records {
    pub districts: Vec<District>,
    pub operators: Vec<Operator>,
    pub venues: Vec<Venue>,
    pub offers: Vec<Offer>,
    pub partnerships: Vec<Partnership>,
    pub holidays: Vec<Holiday>,
    pub shapes: Vec<Shape>,
    /// Where each of `shapes` is in `districts.geojson` (same order), for diagnostics.
    pub shape_origins: Vec<Origin>,
    /// `basemap.geojson`'s features, in the file's order.
    pub basemap: Vec<MapFeature>,
    pub vocabulary: Vec<VocabularyRow>,
    /// Participation (optional tables): draws, their volunteers, residents' requests.
    pub draws: Vec<Draw>,
    pub volunteers: Vec<Volunteer>,
    pub requests: Vec<Request>,
}

/// A draw by lot (tirage au sort) among volunteer operators, after RFC 3797: the pool is frozen
/// by its hash before the public random `seed` is known.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Draw {
    pub id: Id,
    pub title: String,
    pub summary: String,
    /// When the pool, the method and the seed source were published.
    pub announced_on: Option<NaiveDate>,
    /// The public random source announced in advance ("EuroMillions du 9 octobre 2026").
    pub seed_source: String,
    /// The day that source produces its values: a seed is refused before it.
    pub seed_on: Option<NaiveDate>,
    /// The source's values as published, sources separated by `/` (canonicalised by the draw).
    pub seed: String,
    pub group_size: Option<u32>,
    /// How many groups; `None`: as many full groups as the pool allows.
    pub groups: Option<u32>,
    /// Operator columns the groups mix (`kind`, `district`, …), most important first.
    pub balance: Vec<String>,
    /// End of the reflection delay: drawn volunteers confirm or withdraw by then.
    pub confirm_by: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    /// SHA-256 of the canonical pool, written by `passerelle draw ID --announce`.
    pub pool_sha256: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// Where a volunteer stands in a draw.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VolunteerStatus {
    #[default]
    Registered,
    Confirmed,
    Withdrawn,
}

impl VolunteerStatus {
    /// The stable code, as written in the CSV.
    pub fn code(self) -> &'static str {
        match self {
            VolunteerStatus::Registered => "registered",
            VolunteerStatus::Confirmed => "confirmed",
            VolunteerStatus::Withdrawn => "withdrawn",
        }
    }
}

/// One operator volunteering for a draw (a row of `volunteers.csv`).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Volunteer {
    pub draw: Id,
    pub operator: Id,
    pub registered_on: Option<NaiveDate>,
    pub status: VolunteerStatus,
    /// The group the published result put it in (1-based), once recorded.
    pub group: Option<u32>,
    /// The withdrawn volunteer it took the place of, once recorded.
    pub replaces: Option<Id>,
    #[serde(skip)]
    pub origin: Origin,
}

/// Where a resident's request stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    #[default]
    Received,
    Relayed,
    Answered,
    InProgress,
    Done,
    Declined,
}

impl RequestStatus {
    /// Every status, in the order a request moves through them.
    pub const ALL: [RequestStatus; 6] = [
        RequestStatus::Received,
        RequestStatus::Relayed,
        RequestStatus::Answered,
        RequestStatus::InProgress,
        RequestStatus::Done,
        RequestStatus::Declined,
    ];

    /// The stable code, as written in the CSV.
    pub fn code(self) -> &'static str {
        match self {
            RequestStatus::Received => "received",
            RequestStatus::Relayed => "relayed",
            RequestStatus::Answered => "answered",
            RequestStatus::InProgress => "in_progress",
            RequestStatus::Done => "done",
            RequestStatus::Declined => "declined",
        }
    }

    /// Whether the request went to its addressee (every status past `received`).
    pub fn relayed(self) -> bool {
        self != RequestStatus::Received
    }

    /// Whether the addressee answered (every status past `relayed`).
    pub fn answered(self) -> bool {
        !matches!(self, RequestStatus::Received | RequestStatus::Relayed)
    }
}

/// A resident's request collected at a workshop, relayed to elected officials (never naming
/// the resident).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Request {
    pub id: Id,
    pub district: Id,
    pub received_on: Option<NaiveDate>,
    /// How it came: an offer id (the workshop) or free text.
    pub via: String,
    pub topic: String,
    pub request: String,
    pub addressed_to: String,
    pub status: RequestStatus,
    pub relayed_on: Option<NaiveDate>,
    pub answer: String,
    pub answered_on: Option<NaiveDate>,
    pub updated_on: Option<NaiveDate>,
    #[serde(skip)]
    pub origin: Origin,
}
