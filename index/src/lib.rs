//! The explorer index format: written by the generator (stage `index`), read by the explorer.
//!
//! One file, `assets/explorer-index.bin` in the site: the [`Index`] below encoded with
//! [postcard](https://postcard.jamesmunns.com/wire-format) ([`encode`], [`decode`]). It holds
//! everything the explorer needs and nothing it does not: no Markdown, no contacts (the static
//! pages have them).
//!
//! **Why postcard, not JSON** (measured, see `generator/src/index/size_tests.rs`): decoding JSON
//! links serde_json's parser into the wasm (+20 KB gzip, which broke the 150 KB wasm + JS
//! budget); the file weighs about the same (170 KB gzip at 10,000 synthetic offers, 163 KB as
//! JSON), so postcard wins by ~13 KB on a first load. The wire format is simple and
//! stable: fields in declaration order, no names; `u8`/`i8` as one byte, wider unsigned integers
//! as LEB128 varints, signed ones zigzag-encoded, `f64` as 8 bytes little-endian; strings and sequences as a varint length
//! then the items; `Option` as a 0/1 byte then the value; tuples and arrays as their items.
//! The same index as pretty JSON (the serde shape below) is committed beside the contract
//! fixture for review: `index/tests/fixture-index.json`.
//!
//! # Layout (as JSON; the binary has the same fields in the same order)
//!
//! ```text
//! { "version": 1,                       FORMAT_VERSION; a reader refuses another version
//!   "lang": "fr",                       the site language (BCP 47)
//!   "today": 20778,                     the build's reference day (day number, see below)
//!   "strings": [["clear", "…"], …],     the [explorer] table of generator/i18n/<lang>.toml,
//!                                       [key, text] pairs sorted by key
//!   "vocab": { "audience":      [["children","Enfants"], …],   [code, label in `lang`],
//!              "discipline":    [[code, label], …],            in display order; offers
//!              "accessibility": [[code, label], …] },          refer to them by position
//!   "map": { "width": 1000, "height": 712.4,      the SVG viewBox: 0 0 width height
//!            "origin": [x0, y0], "scale": s,      viewBox x = (mx - x0) · s, y = (my - y0) · s
//!                                                 where (mx, my) is Web Mercator in [0, 1]²
//!            "tiles": null | "https://…/{z}/{x}/{y}.png", "attribution": null | "…" },
//!   "districts": [ { "id", "name", "path": "M12.5 40.1L…Z", "label": [x, y] }, … ],
//!   "venues":    [ { "id", "name", "district": 3 | null, "xy": [x, y], "lonlat": [lon, lat] } ],
//!   "operators": [ "name", … ],
//!   "offers": {                         one array per field ("columns"), all of equal length
//!     "id": ["atelier-slam", "", …],    the slug: the page is offers/<id>.html; "" when it is the
//!                                       slug of the title (fold::slug), see Offers::id
//!     "title": […], "summary": […],     summary cut to SUMMARY_MAX characters (+ "…")
//!     "operator": [4, …],               position in `operators`
//!     "venue": [2, null, …],            position in `venues`, null when none
//!     "districts": [[0, 3], …],         positions in `districts` (scope resolved: `all` listed)
//!     "audiences": [[1], …], "disciplines": [[0, 5], …],   positions in the vocabularies
//!     "accessibility": [[0], …],        the offer's own and its venue's, merged
//!     "age_min": [6, null, …], "age_max": [12, null, …],
//!     "price": [1, 0, …],               see Price: 0 unknown, 1 free, 2 paid, 3 pay what you can
//!     "start": [20790, null, …], "end": [20800, null, …],   day numbers; both null = ongoing
//!     "status": [0, …],                 see Status: 0 open, 1 full, 2 cancelled
//!     "when": [ { "days": [{"weekday": 1, "rank": 0}], "start": 1110, "end": 1230,
//!                 "from": 20697, "until": 20998, "dates": [{"day", "start", "end"}],
//!                 "except": [[20808, 20820]], "pauses": {"school": true, "public": false} } ] },
//!                                       since version 2: the recurrence, see time::Recurrence
//!                                       (times in minutes after local midnight)
//!   "holidays": { "school": [[a, b], …], "public": [[a, b], …] },   since version 2: day
//!                                       ranges of holidays.csv that `pauses` refer to
//!   "basemap": [ { "kind": 0, "name": "Meuse", "path": "M…", "length": 812.5, "at": [x, y] } ],
//!                                       since version 3: data/basemap.geojson projected and
//!                                       simplified (see BaseKind; `length`: the longest line's
//!                                       length in viewBox units, 0 for areas and points;
//!                                       `at`: where a park's or landmark's name goes)
//!   "outside": [ { "path": "M…Z", "label": [x, y], "venues": [4, 9] }, … ] }
//!                                       since version 3: groups of venues outside every
//!                                       district, each with an outline around its venues
//! ```
//!
//! **Version 2** (issue 8) added `offers.when` and `holidays` at the end (postcard keeps field
//! order, so they come last). The explorer computes every window ("today", "this weekend",
//! "this week", "this month", a range), the next session, the weekday and the time of day from
//! the visitor's clock with [`time::Recurrence`]; `today` stays for tools that want the build
//! day but no longer drives a window. An offer's rule is ~10 bytes, not its ~80 dates.
//!
//! Strings that repeat (operator, venue and district names, vocabulary labels) are stored once
//! and referenced by position: the dictionary encoding. Tables are sorted by id, so two builds of
//! the same data write the same bytes.
//!
//! **Version 3** (issue 10) made `districts[].label` the pole of inaccessibility of the district's
//! largest polygon (the point inside it farthest from its edges, by the `polylabel` crate, where a
//! label fits best) instead of its centroid, and added `basemap` and `outside` at the end. Paths
//! are simplified by the generator (Ramer–Douglas–Peucker, within a quarter of a viewBox unit), so the
//! explorer draws them as they come.
//!
//! **Version 4** stores day numbers relative to what the reader already knows (see [`pack`]):
//! the first load at 10,000 offers of the synthetic charter (`cargo xtask synth`) was 415 kB,
//! over its budget of 400 kB.
//!
//! **Day numbers** count days since 1970-01-01 (day 0); [`days_from_civil`] and
//! [`civil_from_days`] convert, on both sides, without a date library.
//!
//! **Dates of an offer**: `start` and `end` both null = ongoing (always on); only `start` = a
//! single day; only `end` = on until then. [`Offers::span`] gives the resolved interval.

#[cfg(feature = "measure")]
pub mod budget;
pub mod fold;
pub mod geo;
pub mod math;
pub mod read;
pub mod rng;
pub mod time;

use serde::{Deserialize, Serialize};

/// The version of the layout above. Bump on any incompatible change.
pub const FORMAT_VERSION: u32 = 4;

/// Summaries longer than this (in characters) are cut at a word boundary, with "…".
pub const SUMMARY_MAX: usize = 160;

/// The whole index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub version: u32,
    pub lang: String,
    pub today: i32,
    pub strings: Vec<(String, String)>,
    pub vocab: Vocab,
    pub map: Map,
    pub districts: Vec<District>,
    pub venues: Vec<Venue>,
    pub operators: Vec<String>,
    pub offers: Offers,
    /// Since version 2: the holidays the recurrences pause for.
    pub holidays: time::Holidays,
    /// Since version 3: what lets a resident find their way, drawn under the districts.
    pub basemap: Vec<BaseFeature>,
    /// Since version 3: the venues outside every district, in groups.
    pub outside: Vec<Outside>,
}

/// What a basemap feature is, as stored in [`BaseFeature::kind`] (data/basemap.geojson's
/// `kind`, in this order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BaseKind {
    Water = 0,
    Road = 1,
    Rail = 2,
    Park = 3,
    Landmark = 4,
}

impl BaseKind {
    /// Every kind, in code order.
    pub const ALL: [BaseKind; 5] =
        [BaseKind::Water, BaseKind::Road, BaseKind::Rail, BaseKind::Park, BaseKind::Landmark];

    pub fn from_u8(n: u8) -> BaseKind {
        Self::ALL.get(usize::from(n)).copied().unwrap_or(BaseKind::Landmark)
    }

    /// The code used in data/basemap.geojson and as a CSS class suffix.
    pub fn code(self) -> &'static str {
        ["water", "road", "rail", "park", "landmark"][self as usize]
    }
}

/// A basemap feature, projected into the map's viewBox.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BaseFeature {
    /// See [`BaseKind`].
    pub kind: u8,
    pub name: String,
    /// An SVG path: lines (`M…L…`), areas (`M…Z`), or for a landmark its point (`M x y`).
    pub path: String,
    /// A line's length in viewBox units (whether its name fits along it at a zoom); 0 else.
    pub length: f64,
    /// Where a park's or a landmark's name goes (its pole of inaccessibility, its point).
    pub at: [f64; 2],
}

/// A group of venues outside every district.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Outside {
    /// An outline around the group's venues (SVG path, viewBox units).
    pub path: String,
    /// Where its label goes.
    pub label: [f64; 2],
    /// Its venues (positions in `venues`).
    pub venues: Vec<u32>,
}

/// The vocabularies used by facets: `(code, label)` pairs in display order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Vocab {
    pub audience: Vec<(String, String)>,
    pub discipline: Vec<(String, String)>,
    pub accessibility: Vec<(String, String)>,
}

/// The map's frame: the SVG viewBox and the projection that fills it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Map {
    pub width: f64,
    pub height: f64,
    /// Web Mercator coordinates (in `[0, 1]`) of the viewBox's top-left corner.
    pub origin: [f64; 2],
    /// viewBox units per Web Mercator unit.
    pub scale: f64,
    /// An optional raster tile URL template (`{z}`, `{x}`, `{y}`), from `site.toml`.
    pub tiles: Option<String>,
    /// The tile server's attribution, shown with the tiles.
    pub attribution: Option<String>,
}

/// A district: its outline as an SVG path in viewBox units.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct District {
    pub id: String,
    pub name: String,
    /// Empty when the district has no outline.
    pub path: String,
    /// Where to put its label (since version 3: the pole of inaccessibility of its largest
    /// polygon; before, the centroid).
    pub label: [f64; 2],
}

/// A venue: where offers happen.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Venue {
    pub id: String,
    pub name: String,
    pub district: Option<u32>,
    /// Projected position, viewBox units.
    pub xy: [f64; 2],
    /// `[lon, lat]` in degrees, for distances.
    pub lonlat: [f64; 2],
}

/// What an offer costs, as stored in `offers.price`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Price {
    Unknown = 0,
    Free = 1,
    Paid = 2,
    PayWhatYouCan = 3,
}

impl Price {
    pub fn from_u8(n: u8) -> Price {
        match n {
            1 => Price::Free,
            2 => Price::Paid,
            3 => Price::PayWhatYouCan,
            _ => Price::Unknown,
        }
    }
}

/// Whether an offer can be joined, as stored in `offers.status`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Status {
    Open = 0,
    Full = 1,
    Cancelled = 2,
}

impl Status {
    pub fn from_u8(n: u8) -> Status {
        match n {
            1 => Status::Full,
            2 => Status::Cancelled,
            _ => Status::Open,
        }
    }
}

/// The offers, one column per field (see the module doc).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Offers {
    pub id: Vec<String>,
    pub title: Vec<String>,
    pub summary: Vec<String>,
    pub operator: Vec<u32>,
    pub venue: Vec<Option<u32>>,
    pub districts: Vec<Vec<u32>>,
    pub audiences: Vec<Vec<u32>>,
    pub disciplines: Vec<Vec<u32>>,
    pub accessibility: Vec<Vec<u32>>,
    pub age_min: Vec<Option<u8>>,
    pub age_max: Vec<Option<u8>>,
    pub price: Vec<u8>,
    pub start: Vec<Option<i32>>,
    pub end: Vec<Option<i32>>,
    pub status: Vec<u8>,
    /// Since version 2: when each offer happens.
    pub when: Vec<time::Recurrence>,
}

/// One offer, gathered from the columns (what the generator writes and tests read).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OfferRow {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub operator: u32,
    pub venue: Option<u32>,
    pub districts: Vec<u32>,
    pub audiences: Vec<u32>,
    pub disciplines: Vec<u32>,
    pub accessibility: Vec<u32>,
    pub age_min: Option<u8>,
    pub age_max: Option<u8>,
    pub price: u8,
    pub start: Option<i32>,
    pub end: Option<i32>,
    pub status: u8,
    pub when: time::Recurrence,
}

impl Offers {
    pub fn len(&self) -> usize {
        self.id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.id.is_empty()
    }

    /// Appends one offer to every column.
    pub fn push(&mut self, row: OfferRow) {
        self.id.push(row.id);
        self.title.push(row.title);
        self.summary.push(row.summary);
        self.operator.push(row.operator);
        self.venue.push(row.venue);
        self.districts.push(row.districts);
        self.audiences.push(row.audiences);
        self.disciplines.push(row.disciplines);
        self.accessibility.push(row.accessibility);
        self.age_min.push(row.age_min);
        self.age_max.push(row.age_max);
        self.price.push(row.price);
        self.start.push(row.start);
        self.end.push(row.end);
        self.status.push(row.status);
        self.when.push(row.when);
    }

    /// Offer `i`'s id: as stored, or the slug of its title when stored empty (most ids are;
    /// leaving them out saves ~40 KB gzip at 10,000 offers).
    pub fn id(&self, i: usize) -> String {
        if self.id[i].is_empty() {
            fold::slug(&self.title[i])
        } else {
            self.id[i].clone()
        }
    }

    /// The id to store for an offer: empty when [`fold::slug`] of the title gives it back.
    pub fn stored_id(id: &str, title: &str) -> String {
        if fold::slug(title) == id {
            String::new()
        } else {
            id.to_owned()
        }
    }

    /// The days an offer is on, inclusive: `None` bounds are open. Only a start = that day.
    pub fn span(&self, i: usize) -> (Option<i32>, Option<i32>) {
        match (self.start[i], self.end[i]) {
            (Some(s), None) => (Some(s), Some(s)),
            other => other,
        }
    }

    pub fn price(&self, i: usize) -> Price {
        Price::from_u8(self.price[i])
    }

    pub fn status(&self, i: usize) -> Status {
        Status::from_u8(self.status[i])
    }
}

impl Index {
    /// Checks what the types cannot: the format version, equal column lengths, and that every
    /// reference is in range. The explorer refuses an index that fails this.
    pub fn check(&self) -> Result<(), String> {
        // Messages without `format!`: this runs in the wasm, where every formatted argument
        // type costs code.
        if self.version != FORMAT_VERSION {
            return Err("another version of the index format".into());
        }
        let o = &self.offers;
        let n = o.id.len();
        // Which column is short is for a debugger, not worth its names in the wasm.
        let lengths = [
            o.title.len(),
            o.summary.len(),
            o.operator.len(),
            o.venue.len(),
            o.districts.len(),
            o.audiences.len(),
            o.disciplines.len(),
            o.accessibility.len(),
            o.age_min.len(),
            o.age_max.len(),
            o.price.len(),
            o.start.len(),
            o.end.len(),
            o.status.len(),
            o.when.len(),
        ];
        if lengths.iter().any(|&len| len != n) {
            return Err("the offers' columns differ in length".into());
        }
        let in_range = |list: &[u32], bound: usize| list.iter().all(|&x| (x as usize) < bound);
        for i in 0..n {
            let ok = (o.operator[i] as usize) < self.operators.len()
                && o.venue[i].is_none_or(|v| (v as usize) < self.venues.len())
                && in_range(&o.districts[i], self.districts.len())
                && in_range(&o.audiences[i], self.vocab.audience.len())
                && in_range(&o.disciplines[i], self.vocab.discipline.len())
                && in_range(&o.accessibility[i], self.vocab.accessibility.len());
            if !ok {
                return Err(["offer \"", &o.id[i], "\" refers to a missing entry"].concat());
            }
        }
        if self.outside.iter().any(|o| !in_range(&o.venues, self.venues.len())) {
            return Err("a group of venues outside the districts refers to a missing venue".into());
        }
        if let Some(v) =
            self.venues.iter().find(|v| v.district.is_some_and(|d| d as usize >= self.districts.len()))
        {
            return Err(["venue \"", &v.id, "\" refers to a missing district"].concat());
        }
        Ok(())
    }
}

/// The index as stored in the site (postcard bytes).
pub fn encode(index: &Index) -> Vec<u8> {
    // Serialising plain data into a Vec cannot fail.
    postcard::to_allocvec(&pack(index)).unwrap_or_default()
}

/// Reads an index from its stored bytes (by [`read`], which agrees with postcard's serde
/// reader and is a fraction of its size in the wasm), [unpacks](unpack) and
/// [checks](Index::check) it.
pub fn decode(bytes: &[u8]) -> Result<Index, String> {
    let mut index = read::read(bytes).map_err(|e| ["not an explorer index: ", e].concat())?;
    unpack(&mut index);
    index.check()?;
    Ok(index)
}

/// The stored form of an index (since version 4): day numbers relative to what a reader
/// already knows, so that most are one- or two-byte numbers instead of three. An offer's
/// `start` counts days from `today`, its `end` days from its `start` (from `today` without
/// one); its recurrence's `from` and `until` count from the offer's `start` and `end` (most
/// are the same day: 0), its dates and the first day of each day off from `today`, the last
/// day off from the first. [`unpack`] undoes it. About 27 KB gzip at 10,000 offers.
pub fn pack(index: &Index) -> Index {
    let mut stored = index.clone();
    shift_days(&mut stored.offers, index.today, true);
    stored
}

/// Undoes [`pack`] on an index as stored (arithmetic wraps: a damaged file is refused by
/// [`Index::check`] or shows odd dates, never panics).
pub fn unpack(stored: &mut Index) {
    shift_days(&mut stored.offers, stored.today, false);
}

/// Moves every day of `offers` by its reference (subtracted to pack, added to unpack), the
/// references taken from the unpacked side: one walk, so the two can never disagree.
fn shift_days(offers: &mut Offers, today: i32, packing: bool) {
    let op = |day: i32, by: i32| if packing { day.wrapping_sub(by) } else { day.wrapping_add(by) };
    // Zipped, so ragged columns (a damaged file) stop here and fail the check after.
    let rows = offers.start.iter_mut().zip(&mut offers.end).zip(&mut offers.when);
    for ((start, end), when) in rows {
        let first = if packing { *start } else { start.map(|s| op(s, today)) };
        let base = first.unwrap_or(today);
        let last = if packing { *end } else { end.map(|e| op(e, base)) };
        *start = start.map(|s| op(s, today));
        *end = end.map(|e| op(e, base));
        when.from = when.from.map(|f| op(f, base));
        when.until = when.until.map(|u| op(u, last.unwrap_or(today)));
        for d in &mut when.dates {
            d.day = op(d.day, today);
        }
        for (a, b) in &mut when.except {
            let first_off = if packing { *a } else { op(*a, today) };
            *a = op(*a, today);
            *b = op(*b, first_off);
        }
    }
}

/// Day number (days since 1970-01-01) of a proleptic Gregorian date (H. Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The `(year, month, day)` of a day number.
pub fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

/// Day of the week of a day number: 0 = Monday … 6 = Sunday.
pub fn weekday(days: i32) -> u32 {
    (days + 3).rem_euclid(7) as u32
}

/// Parses `YYYY-MM-DD` into a day number.
pub fn parse_iso_day(text: &str) -> Option<i32> {
    let mut parts = text.splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    let days = days_from_civil(year, month, day);
    (civil_from_days(days) == (year, month, day)).then_some(days)
}

/// Formats a day number as `YYYY-MM-DD`.
pub fn iso_day(days: i32) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests;
