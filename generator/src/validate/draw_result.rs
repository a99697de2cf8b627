//! A draw's volunteers against its computed result: statuses that make sense at this stage
//! (nobody confirms before being drawn, nor from the waiting list; after `confirm_by` every
//! drawn volunteer has confirmed or withdrawn), and a recorded result (`group`, `replaces` in
//! `volunteers.csv`) that is exactly what the draw gives, including which waiting volunteer
//! took a withdrawn one's seat.

use crate::diagnostics::Diagnostics;
use crate::participation::draw::{self, Outcome};
use crate::participation::outcome::Drawn;
use crate::records::{Volunteer, VolunteerStatus};
use chrono::NaiveDate;

/// Checks every volunteer of `drawn`.
pub fn check(drawn: &Drawn, today: NaiveDate, d: &mut Diagnostics) {
    let Some(outcome) = &drawn.outcome else {
        for v in &drawn.volunteers {
            before_the_seed(drawn, v, d);
        }
        return;
    };
    if let Some(groups) = drawn.draw.groups {
        let seats = groups as usize * drawn.draw.group_size.unwrap_or(0) as usize;
        if seats > drawn.members.len() {
            let message =
                format!("{groups} groups need {seats} volunteers; the pool has {}", drawn.members.len());
            d.error(
                &drawn.draw.origin,
                "groups",
                message,
                Some("leave it empty for as many full groups as the pool allows".into()),
            );
        }
    }
    let recorded = drawn.volunteers.iter().any(|v| v.group.is_some() || v.replaces.is_some());
    for v in &drawn.volunteers {
        let Some(rank) = outcome.ranking.iter().position(|r| r.entrant.operator == v.operator) else {
            continue;
        };
        let group = outcome.group_of(rank);
        status(drawn, v, group, today, d);
        if recorded && !replaces(drawn, outcome, v, rank, d) {
            placement(v, rank, group, outcome, d);
        }
    }
}

/// Before the seed: nobody is drawn, so nobody has a group or confirms.
fn before_the_seed(drawn: &Drawn, v: &Volunteer, d: &mut Diagnostics) {
    if v.status == VolunteerStatus::Confirmed {
        let message =
            format!("\"{}\" is confirmed, but draw \"{}\" has not been made yet", v.operator, v.draw);
        d.error(
            &v.origin,
            "status",
            message,
            Some("a volunteer confirms once drawn, during the reflection delay".into()),
        );
    }
    if v.group.is_some() || v.replaces.is_some() {
        let field = if v.group.is_some() { "group" } else { "replaces" };
        let message = format!("a result is recorded, but draw \"{}\" has no seed yet", drawn.draw.id);
        d.error(&v.origin, field, message, None);
    }
}

/// Statuses against the result and the reflection delay.
fn status(drawn: &Drawn, v: &Volunteer, group: Option<usize>, today: NaiveDate, d: &mut Diagnostics) {
    match (v.status, group) {
        (VolunteerStatus::Confirmed, None) => {
            let message = format!("\"{}\" is confirmed but is not in a group of this draw", v.operator);
            let hint = "only drawn volunteers (and replacements) confirm; the others wait".to_owned();
            d.error(&v.origin, "status", message, Some(hint));
        }
        (VolunteerStatus::Registered, Some(g)) => {
            if let Some(by) = drawn.draw.confirm_by.filter(|&by| by < today) {
                let message = format!(
                    "the reflection delay ended on {by}: \"{}\" (group {}) has neither confirmed nor withdrawn",
                    v.operator,
                    g + 1
                );
                d.warning(&v.origin, "status", message, Some("mark it confirmed or withdrawn".into()));
            }
        }
        _ => {}
    }
}

/// A recorded `replaces`: it must be the replacement the draw gives. Returns whether it
/// reported (then the row's group is not reported again).
fn replaces(drawn: &Drawn, o: &Outcome, v: &Volunteer, rank: usize, d: &mut Diagnostics) -> bool {
    let name = |r: usize| o.ranking[r].entrant.operator.as_str();
    let Some(leaver) = v.replaces.as_deref() else {
        if let Some(r) = o.replacements.iter().find(|r| r.by == Some(rank)) {
            let message = format!(
                "\"{}\" took the seat of \"{}\": record it in `replaces`",
                v.operator,
                name(r.withdrawn)
            );
            d.error(&v.origin, "replaces", message, None);
            return true;
        }
        return false;
    };
    let Some(r) = o.replacements.iter().find(|r| name(r.withdrawn) == leaver) else {
        let message = format!("\"{leaver}\" did not withdraw from a group of draw \"{}\"", drawn.draw.id);
        d.error(
            &v.origin,
            "replaces",
            message,
            Some("only a drawn volunteer who withdrew is replaced".into()),
        );
        return true;
    };
    if r.by == Some(rank) {
        return false;
    }
    let group = &o.groups[r.group];
    let rest: Vec<usize> = group.iter().copied().filter(|&m| Some(m) != r.by).collect();
    let breaks = draw::broken(&o.ranking, &rest, r.withdrawn, rank);
    let expected = r.by.map_or("nobody".to_owned(), |b| format!("\"{}\"", name(b)));
    let message = match (breaks, r.keeps_balance) {
        (n, true) if n > 0 => format!(
            "\"{}\" replacing \"{leaver}\" breaks the balance of group {} ({}), while {expected}, next on the waiting list, keeps it",
            v.operator,
            r.group + 1,
            broken_columns(drawn, o, &rest, r.withdrawn, rank)
        ),
        _ => format!("the draw gives the seat of \"{leaver}\" in group {} to {expected}, not \"{}\"", r.group + 1, v.operator),
    };
    let hint = "a withdrawal goes to the next ranked volunteer on the waiting list who keeps the balance (`passerelle draw ID` prints it)";
    d.error(&v.origin, "replaces", message, Some(hint.into()));
    true
}

/// The balance columns a replacement would break, in words: "a second association".
fn broken_columns(drawn: &Drawn, o: &Outcome, rest: &[usize], w: usize, c: usize) -> String {
    let (wv, cv) = (&o.ranking[w].entrant.values, &o.ranking[c].entrant.values);
    let count =
        |k: usize, value: &str| rest.iter().filter(|&&m| o.ranking[m].entrant.values[k] == value).count();
    (0..wv.len())
        .filter(|&k| count(k, &cv[k]) > count(k, &wv[k]))
        .map(|k| format!("{} {} \"{}\"", drawn.draw.balance[k], count(k, &cv[k]) + 1, cv[k]))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A recorded `group`: the group the draw gives (after replacements), none on the waiting list.
fn placement(v: &Volunteer, rank: usize, group: Option<usize>, o: &Outcome, d: &mut Diagnostics) {
    let drawn_in = o.drawn.iter().position(|g| g.contains(&rank));
    let expected = group.map(|g| g as u32 + 1);
    let fine = v.group == expected
        || (group.is_none() && v.group.is_some() && v.group == drawn_in.map(|g| g as u32 + 1));
    if fine {
        return;
    }
    let message = match (v.group, expected) {
        (Some(g), Some(e)) => {
            format!("\"{}\" is recorded in group {g}, but the draw puts it in group {e}", v.operator)
        }
        (Some(g), None) => {
            format!("\"{}\" is recorded in group {g}, but the draw leaves it on the waiting list", v.operator)
        }
        (None, Some(e)) => format!("\"{}\" is in group {e} of the draw: record it", v.operator),
        (None, None) => return,
    };
    let hint = "the published result must be the draw's: `passerelle draw ID --verify`".to_owned();
    d.error(&v.origin, "group", message, Some(hint));
}
