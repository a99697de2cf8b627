//! What `passerelle draw ID` prints, and the draw's inputs as JSON for the shipped
//! `draws/verify.py` (which prints the very same text from them: the test suite compares).

use super::outcome::Drawn;
use serde_json::json;
use std::fmt::Write;

/// The result as text: pool and hash, canonical seed, ranking, groups, waiting list,
/// replacements. Before the seed, only the pool.
pub fn text(d: &Drawn) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "draw {}", d.draw.id);
    let _ = writeln!(out, "pool: {} volunteers, sha256 {}", d.members.len(), d.pool_sha256);
    let _ = match d.draw.pool_sha256.as_deref() {
        None => writeln!(out, "announced: not yet"),
        Some(_) if d.pool_holds() => writeln!(out, "announced: the same hash"),
        Some(h) => writeln!(out, "announced: {h}, DIFFERENT: the pool changed"),
    };
    let (Some(seed), Some(outcome)) = (&d.seed, &d.outcome) else {
        let _ = writeln!(out, "seed: not known yet");
        return out;
    };
    let _ = writeln!(out, "seed: {seed}");
    let name = |r: usize| outcome.ranking[r].entrant.operator.as_str();
    let _ = writeln!(out, "ranking:");
    for (i, r) in outcome.ranking.iter().enumerate() {
        let _ = writeln!(out, "  {:>3}. {} {}", i + 1, r.entrant.operator, &r.key[..16]);
    }
    let _ = writeln!(out, "groups:");
    for (g, members) in outcome.groups.iter().enumerate() {
        let names: Vec<&str> = members.iter().map(|&r| name(r)).collect();
        let _ = writeln!(out, "  group {}: {}", g + 1, names.join(", "));
    }
    let waiting: Vec<String> = outcome
        .waiting
        .iter()
        .map(|&r| {
            let withdrawn = outcome.ranking[r].entrant.withdrawn;
            format!("{}{}", name(r), if withdrawn { " (withdrawn)" } else { "" })
        })
        .collect();
    let _ =
        writeln!(out, "waiting list: {}", if waiting.is_empty() { "-".into() } else { waiting.join(", ") });
    let _ = writeln!(out, "replacements:{}", if outcome.replacements.is_empty() { " -" } else { "" });
    for r in &outcome.replacements {
        let by = match r.by {
            Some(by) if r.keeps_balance => format!("replaced by {} (balance kept)", name(by)),
            Some(by) => format!("replaced by {} (balance not kept: no one waiting keeps it)", name(by)),
            None => "no one left on the waiting list".into(),
        };
        let _ = writeln!(out, "  group {}: {} withdrew, {by}", r.group + 1, name(r.withdrawn));
    }
    out
}

/// The draw's inputs, as `draws/<id>.json` publishes them for `verify.py`.
pub fn inputs_json(d: &Drawn) -> serde_json::Value {
    let pool: Vec<serde_json::Value> = d
        .volunteers
        .iter()
        .zip(&d.members)
        .map(|(v, m)| json!({ "operator": m.operator, "values": m.values, "status": v.status.code() }))
        .collect();
    json!({
        "format": "passerelle-draw-v1",
        "draw": d.draw.id,
        "title": d.draw.title,
        "balance": d.draw.balance,
        "group_size": d.draw.group_size,
        "groups": d.draw.groups,
        "seed_source": d.draw.seed_source,
        "seed_on": d.draw.seed_on.map(|x| x.to_string()),
        "seed": d.draw.seed,
        "announced_pool_sha256": d.draw.pool_sha256,
        "pool": pool,
    })
}
