//! `--suggest` for a calendar: its columns are always the same (see [`super::calendar`]), so
//! the draft maps them directly (`SUMMARY` → `title`, the time columns to themselves, `UID`
//! as the key) and proposes what depends on the values: a venue for each `LOCATION` that
//! names one of the charter's venues, disciplines and audiences from `CATEGORIES`.

use super::normalize::Context;
use super::suggest::{quote, value_map, vocabulary};
use crate::diagnostics::suggest::closest;
use crate::load::rows::Row;
use passerelle_index::fold::key as fold;
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// How many events are sampled.
const SAMPLE: usize = 400;

/// The draft mapping of calendar `name` (rows read by [`super::calendar::read`]) into offers.
pub fn suggest(name: &str, header: &Row, rows: &[Row], context: &Context) -> String {
    let column = |wanted: &str| header.cells.iter().position(|c| c.value == wanted);
    let values = |wanted: &str| -> Vec<&str> {
        let Some(i) = column(wanted) else { return Vec::new() };
        rows.iter().take(SAMPLE).filter_map(|r| r.cells.get(i)).map(|c| c.value.as_str()).collect()
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Draft mapping for importing the calendar {name} into offers (passerelle import --suggest)."
    );
    let _ = writeln!(
        out,
        "# Each event (VEVENT) is a row of these columns: {}.",
        super::calendar::COLUMNS.join(", ")
    );
    let _ = writeln!(out, "# Lines marked \"guess\" were matched from the values seen: check them.\n");
    let _ = writeln!(out, "[source]\nname = {}", quote(&passerelle_index::fold::slug(name)));
    let _ = writeln!(
        out,
        "key = \"UID\"  # the event's own id: a re-import updates its offer, never duplicates it"
    );
    let _ = writeln!(out, "\n[filter]  # keep only the events whose column holds one of the values");
    let _ = writeln!(out, "# CATEGORIES = [\"…\"]");
    let _ = writeln!(out, "\n[columns]");
    let _ = writeln!(out, "title = \"SUMMARY\"");
    let _ =
        writeln!(out, "summary = \"FIRST-SENTENCE\"  # the description's first sentence (else the title)");
    let _ = writeln!(out, "description = \"DESCRIPTION\"");
    let _ = writeln!(out, "booking = \"URL\"  # the event's link");
    let _ = writeln!(
        out,
        "status = {{ from = \"STATUS\", map = {{ \"CANCELLED\" = \"cancelled\", \"CONFIRMED\" = \"open\", \"TENTATIVE\" = \"open\" }}, default = \"open\" }}"
    );
    let _ = writeln!(out, "{}", venues(&values("LOCATION"), &context.venues));
    let categories = values("CATEGORIES");
    for field in ["disciplines", "audiences"] {
        let Some(v) = vocabulary("offers", field, context) else { continue };
        let line = value_map(field, "CATEGORIES", categories.iter().copied(), v, "  # guess");
        // A map that found no code would only turn every event into an error: left commented.
        if line.contains("map = { }") {
            for l in line.lines() {
                let _ = writeln!(out, "{}{l}", if l.starts_with('#') { "" } else { "# " });
            }
        } else {
            let _ = writeln!(out, "{line}");
        }
    }
    for time in ["days", "start_time", "end_time", "dates", "except", "starts_on", "ends_on"] {
        let _ = writeln!(out, "{time} = {}", quote(time));
    }
    let _ = writeln!(out, "\n[defaults]  # values for the columns the calendar lacks");
    let _ = writeln!(out, "# operator = \"…\"  # required: the id of the operator running these events");
    let _ = writeln!(out, "# districts = \"…\"");
    out
}

/// `venue = { from = "LOCATION", map = { … } }`: each distinct location that names a venue of
/// the charter (its name within the location, or close to the location's first part).
fn venues(locations: &[&str], venues: &[(String, String)]) -> String {
    let distinct: BTreeSet<&str> = locations.iter().copied().filter(|l| !l.is_empty()).collect();
    let names: Vec<&str> = venues.iter().map(|(_, n)| n.as_str()).collect();
    let (mut found, mut unknown) = (Vec::new(), Vec::new());
    for location in distinct.iter().take(60) {
        let folded = fold(location);
        let head = location.split(',').next().unwrap_or(location).trim();
        let hit = venues
            .iter()
            .filter(|(_, n)| n.chars().count() > 3 && folded.contains(&fold(n)))
            .max_by_key(|(_, n)| n.len())
            .or_else(|| {
                closest(head, names.iter().copied()).and_then(|c| venues.iter().find(|(_, n)| n == c))
            });
        match hit {
            Some((id, _)) => found.push(format!("{} = {}", quote(location), quote(id))),
            None => unknown.push(*location),
        }
    }
    let mut out = if found.is_empty() {
        "# venue = { from = \"LOCATION\", map = { \"…\" = \"venue-id\" }, default = \"\" }".to_owned()
    } else {
        format!(
            "venue = {{ from = \"LOCATION\", map = {{ {} }}, default = \"\" }}  # guess: locations that name a venue; the others get none",
            found.join(", ")
        )
    };
    if !unknown.is_empty() {
        let _ = write!(out, "\n# no venue found for: {} (add them to the map)", unknown.join(" | "));
    }
    out
}
