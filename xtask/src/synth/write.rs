//! Writes a synthetic charter as a project folder: `data/*.csv` in the canonical format of
//! DESIGN.md "Data" (comma-separated, LF, `|` between values), `data/districts.geojson`, and
//! `content/` copied from the repository.

use super::date::Date;
use super::generate::{Charter, District, Operator, Scope};

/// One CSV cell, quoted when it holds a delimiter, a quote or a line break.
fn cell(out: &mut String, value: &str) {
    if value.contains([',', '"', '\n', '\r', ';', '\t']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// A table: a header line, then one line per row.
fn table(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = header.join(",");
    out.push('\n');
    for row in rows {
        for (i, value) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            cell(&mut out, value);
        }
        out.push('\n');
    }
    out
}

fn d_id(d: &District) -> &str {
    &d.id
}

fn o_id(o: &Operator) -> &str {
    &o.id
}

fn date(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn coord(x: f64) -> String {
    format!("{x:.6}")
}

fn ids<T>(items: &[T], indices: &[usize], id: impl Fn(&T) -> &str) -> String {
    indices.iter().map(|&i| id(&items[i])).collect::<Vec<_>>().join("|")
}

/// Every file of the charter's `data/` folder, as `(name, contents)`, in a fixed order.
pub fn data_files(c: &Charter) -> Vec<(&'static str, String)> {
    let districts = table(
        &["id", "name", "city", "summary", "lat", "lon", "population", "priority"],
        c.districts.iter().map(|d| {
            vec![
                d.id.clone(),
                d.name.clone(),
                "Liège".into(),
                d.summary.clone(),
                coord(d.centre.1),
                coord(d.centre.0),
                d.population.to_string(),
                if d.priority { "yes" } else { "no" }.into(),
            ]
        }),
    );
    let operators = table(
        &[
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
        ],
        c.operators.iter().map(|o| {
            vec![
                o.id.clone(),
                o.name.clone(),
                o.kind.into(),
                o.district.map(|d| c.districts[d].id.clone()).unwrap_or_default(),
                o.address.clone(),
                o.postcode.into(),
                "Liège".into(),
                coord(o.point.1),
                coord(o.point.0),
                o.website.clone(),
                o.email.clone(),
                o.phone.clone(),
                o.summary.clone(),
                o.description.clone(),
                o.signed_charter_on.to_string(),
                o.updated_on.to_string(),
            ]
        }),
    );
    let venues = table(
        &[
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
        ],
        c.venues.iter().map(|v| {
            vec![
                v.id.clone(),
                v.name.clone(),
                v.kind.into(),
                c.districts[v.district].id.clone(),
                v.address.clone(),
                v.postcode.into(),
                "Liège".into(),
                coord(v.point.1),
                coord(v.point.0),
                c.operators[v.operator].id.clone(),
                v.accessibility.join("|"),
                v.opening_hours.into(),
                v.website.clone().unwrap_or_default(),
                v.updated_on.to_string(),
            ]
        }),
    );
    let offers = table(
        &[
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
            "days",
            "start_time",
            "end_time",
            "price",
            "price_detail",
            "booking",
            "accessibility",
            "languages",
            "summary",
            "description",
            "status",
            "updated_on",
        ],
        c.offers.iter().map(|o| {
            let districts = match &o.districts {
                Scope::Venue => String::new(),
                Scope::All => "all".into(),
                Scope::Listed(ds) => ids(&c.districts, ds, d_id),
            };
            vec![
                o.id.clone(),
                o.title.clone(),
                c.operators[o.operator].id.clone(),
                ids(&c.operators, &o.partners, o_id),
                o.disciplines.join("|"),
                o.audiences.join("|"),
                o.age_min.map(|a| a.to_string()).unwrap_or_default(),
                o.age_max.map(|a| a.to_string()).unwrap_or_default(),
                districts,
                o.venue.map(|v| c.venues[v].id.clone()).unwrap_or_default(),
                date(o.starts_on),
                date(o.ends_on),
                o.schedule.into(),
                o.days.into(),
                o.start_time.into(),
                o.end_time.into(),
                o.price.into(),
                o.price_detail.into(),
                o.booking.clone(),
                o.accessibility.join("|"),
                o.languages.join("|"),
                o.summary.clone(),
                o.description.clone(),
                o.status.into(),
                o.updated_on.to_string(),
            ]
        }),
    );
    let partnerships = table(
        &[
            "id",
            "title",
            "operators",
            "offers",
            "districts",
            "starts_on",
            "ends_on",
            "summary",
            "description",
        ],
        c.partnerships.iter().map(|p| {
            vec![
                p.id.clone(),
                p.title.clone(),
                ids(&c.operators, &p.operators, o_id),
                ids(&c.offers, &p.offers, |o: &super::generate::Offer| &o.id),
                ids(&c.districts, &p.districts, d_id),
                date(p.starts_on),
                date(p.ends_on),
                p.summary.clone(),
                p.description.clone(),
            ]
        }),
    );
    vec![
        ("districts.csv", districts),
        ("operators.csv", operators),
        ("venues.csv", venues),
        ("offers.csv", offers),
        ("partnerships.csv", partnerships),
        ("districts.geojson", geojson(c)),
    ]
}

/// The district outlines as a GeoJSON FeatureCollection, one feature per line.
fn geojson(c: &Charter) -> String {
    let features: Vec<String> = c
        .districts
        .iter()
        .map(|d| {
            let ring: Vec<String> =
                d.ring.iter().map(|&(lon, lat)| format!("[{}, {}]", coord(lon), coord(lat))).collect();
            format!(
                "{{\"type\": \"Feature\", \"properties\": {{\"id\": \"{}\", \"name\": {}}}, \"geometry\": {{\"type\": \"Polygon\", \"coordinates\": [[{}]]}}}}",
                d.id,
                serde_json::Value::from(d.name.as_str()),
                ring.join(", ")
            )
        })
        .collect();
    format!("{{\"type\": \"FeatureCollection\", \"features\": [\n{}\n]}}\n", features.join(",\n"))
}
