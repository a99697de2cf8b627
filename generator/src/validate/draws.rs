//! Draws and their volunteers (`draws.csv`, `volunteers.csv`): references, dates in order, the
//! pool frozen by its announced hash, the seed never before its source's date, statuses
//! against the draw and `confirm_by`, and a recorded result (`group`, `replaces`) that must be
//! what the draw gives. The draw itself is computed once, by `participation::outcome`.

use super::references::Known;
use crate::diagnostics::suggest::did_you_mean;
use crate::diagnostics::Diagnostics;
use crate::participation::outcome::{Drawn, BALANCE_COLUMNS};
use crate::participation::{pool, seed};
use crate::records::{Draw, Origin, Records};
use crate::vocabulary::Vocabularies;
use chrono::NaiveDate;
use std::collections::HashSet;

/// Checks every draw and volunteer.
pub fn check(records: &Records, vocabularies: &Vocabularies, today: NaiveDate, d: &mut Diagnostics) {
    let draws = Known::new("draw", records.draws.iter().map(|x| x.id.as_str()));
    let operators = Known::new("operator", records.operators.iter().map(|x| x.id.as_str()));
    let mut seen = HashSet::new();
    for v in &records.volunteers {
        if v.draw.is_empty() && v.origin.has("draw") {
            d.error(&v.origin, "draw", "missing draw id", None);
        }
        if v.operator.is_empty() && v.origin.has("operator") {
            d.error(&v.origin, "operator", "missing operator id (the volunteer)", None);
        }
        draws.resolve(&v.origin, "draw", &v.draw, d);
        operators.resolve(&v.origin, "operator", &v.operator, d);
        if !v.operator.is_empty() && !seen.insert((v.draw.as_str(), v.operator.as_str())) {
            let message = format!("\"{}\" volunteers twice for draw \"{}\"", v.operator, v.draw);
            d.error(&v.origin, "operator", message, Some("keep one row per operator and draw".into()));
        }
    }
    for draw in &records.draws {
        fields(draw, today, d);
        let drawn = Drawn::of(draw, &records.volunteers, &records.operators);
        pool_holds(&drawn, records, vocabularies, d);
        super::draw_result::check(&drawn, today, d);
    }
}

/// The draw's own cells: title, sizes, balance columns, dates in order, the seed's timing.
fn fields(draw: &Draw, today: NaiveDate, d: &mut Diagnostics) {
    let o = &draw.origin;
    if draw.title.is_empty() && !d.reported(o, "title") {
        d.error(o, "title", "missing draw title", None);
    }
    match draw.group_size {
        None if !d.reported(o, "group_size") => d.error(
            o,
            "group_size",
            "missing group size",
            Some("how many volunteers per group, e.g. 4".into()),
        ),
        Some(0 | 1) => d.error(o, "group_size", "a group needs at least two volunteers", None),
        _ => {}
    }
    if draw.groups == Some(0) {
        d.error(
            o,
            "groups",
            "at least one group",
            Some("leave it empty for as many full groups as the pool allows".into()),
        );
    }
    for column in &draw.balance {
        if !BALANCE_COLUMNS.contains(&column.as_str()) {
            let hint = did_you_mean(column, BALANCE_COLUMNS).or_else(|| {
                Some(format!("the groups can balance the operator columns {}", BALANCE_COLUMNS.join(", ")))
            });
            d.error(o, "balance", format!("unknown balance column \"{column}\""), hint);
        }
    }
    in_order(o, [("announced_on", draw.announced_on), ("seed_on", draw.seed_on)], true, d);
    in_order(o, [("seed_on", draw.seed_on), ("confirm_by", draw.confirm_by)], false, d);
    in_order(o, [("announced_on", draw.announced_on), ("confirm_by", draw.confirm_by)], false, d);
    in_order(o, [("confirm_by", draw.confirm_by), ("ends_on", draw.ends_on)], false, d);
    if !draw.seed_source.is_empty() && draw.seed_on.is_none() && !d.reported(o, "seed_on") {
        let hint = "the date the source publishes its values: a seed is refused before it".to_owned();
        d.error(o, "seed_on", "the seed source has no date", Some(hint));
    }
    if let Some(hash) = &draw.pool_sha256 {
        if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            let hint = format!("leave it empty and run `passerelle draw {} --announce`", draw.id);
            d.error(o, "pool_sha256", "pool_sha256 is not a SHA-256 (64 hexadecimal digits)", Some(hint));
        }
    }
    if draw.seed.trim().is_empty() {
        return;
    }
    if draw.seed_source.is_empty() {
        let hint = "announce the public source of randomness (and its date) before the draw".to_owned();
        d.error(o, "seed_source", "a seed without an announced source", Some(hint));
    }
    if let Err(seed::SeedError(message)) = seed::canonical(draw.seed.trim()) {
        let hint = "the source's values, sources separated by `/`: 12 3 45 31 7 / 9 2".to_owned();
        d.error(o, "seed", format!("invalid seed: {message}"), Some(hint));
    }
    if let Some(on) = draw.seed_on.filter(|&on| on > today) {
        let message = format!("a seed is given before its source's date ({on}): it cannot be known yet");
        d.error(o, "seed", message, Some(format!("leave the seed empty until {on}")));
    }
    if draw.pool_sha256.is_none() {
        let hint = format!("run `passerelle draw {} --announce` before the seed is known", draw.id);
        d.error(o, "seed", "a seed is given but the pool was never announced", Some(hint));
    }
}

/// Reports a date that comes before the one it must follow (`strict`: not even the same day).
fn in_order(
    o: &Origin,
    [(a, first), (b, second)]: [(&str, Option<NaiveDate>); 2],
    strict: bool,
    d: &mut Diagnostics,
) {
    if let (Some(first), Some(second)) = (first, second) {
        if second < first || (strict && second == first) {
            let message = match strict {
                true => format!("{b} ({second}) must come after {a} ({first})"),
                false => format!("{b} ({second}) comes before {a} ({first})"),
            };
            let hint = (a == "announced_on" && b == "seed_on").then(|| {
                "the seed must come from a source still in the future when the pool is announced".into()
            });
            d.error(o, b, message, hint);
        }
    }
}

/// Once announced, the pool must give the announced hash; when not, name what changed.
fn pool_holds(drawn: &Drawn, records: &Records, vocabularies: &Vocabularies, d: &mut Diagnostics) {
    let Some(announced) = drawn.draw.pool_sha256.as_deref() else { return };
    if drawn.pool_holds() || d.reported(&drawn.draw.origin, "pool_sha256") {
        return;
    }
    let known: Vec<Vec<String>> = drawn
        .draw
        .balance
        .iter()
        .map(|c| match c.as_str() {
            "kind" => vocabularies.operator_kind.codes().map(str::to_owned).collect(),
            "district" => records.districts.iter().map(|x| x.id.clone()).collect(),
            _ => Vec::new(),
        })
        .collect();
    let outside = drawn.outside(&records.operators);
    let draw = drawn.draw;
    let lowered = announced.to_ascii_lowercase();
    let what = pool::explain(&lowered, &draw.id, &draw.balance, (&drawn.members, &outside), &known);
    let message = match what {
        Some(what) => format!("the pool of draw \"{}\" changed since it was announced: {what}", draw.id),
        None => format!(
            "the pool of draw \"{}\" changed since it was announced (its hash is now {})",
            draw.id, drawn.pool_sha256
        ),
    };
    let hint = "a pool is frozen once announced: restore volunteers.csv (and the operators' balance columns) as announced".to_owned();
    d.error(&draw.origin, "pool_sha256", message, Some(hint));
}
