//! The canonical pool text and its SHA-256, frozen by `passerelle draw ID --announce`.
//!
//! The text is, each line ending with `\n`: `passerelle-pool-v1`, `draw:<id>`,
//! `balance:<columns joined by |>`, then one line per volunteer sorted by operator id (byte
//! order): the operator id, then `|` and its value for each balance column (empty for none),
//! e.g. `mj-bressoux|association|bressoux`. Statuses are not in it: they change during the
//! reflection delay, the pool does not. Balance values are: changing an operator's kind after
//! the announcement would change the groups.
//!
//! When the hash no longer matches, [`explain`] looks for the smallest change that accounts for
//! it (one volunteer added, removed or swapped, one balance value changed), so the diagnostic
//! can name it.

use super::sha256_hex;

/// The most candidate pools [`explain`] hashes before giving up on naming the change.
pub const BUDGET: usize = 5_000;

/// One volunteer as the pool sees it: its operator id and its balance values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub operator: String,
    pub values: Vec<String>,
}

/// The canonical pool text (see the module's documentation).
pub fn canonical(draw: &str, balance: &[String], members: &[Member]) -> String {
    let mut sorted: Vec<&Member> = members.iter().collect();
    sorted.sort_by(|a, b| a.operator.cmp(&b.operator));
    sorted.dedup_by(|a, b| a.operator == b.operator);
    let mut text = format!("passerelle-pool-v1\ndraw:{draw}\nbalance:{}\n", balance.join("|"));
    for m in sorted {
        text.push_str(&m.operator);
        for v in &m.values {
            text.push('|');
            text.push_str(v);
        }
        text.push('\n');
    }
    text
}

/// The SHA-256 (lowercase hex) of the canonical pool.
pub fn hash(draw: &str, balance: &[String], members: &[Member]) -> String {
    sha256_hex(&canonical(draw, balance, members))
}

/// The smallest change from the announced pool to `current` that gives back `announced`, in
/// words: `"hamac was added"`, `"a-b was removed"`, `"x was added and y removed"`, `"the kind of
/// x changed (it was association)"`. `outside` are the operators not in the pool now (with
/// their values), candidates for a removed volunteer; `known` the values each balance column
/// may take (its vocabulary), candidates for a changed value. `None` when no single change
/// explains it, or when finding it would take more than [`BUDGET`] hashes (a large pool among many
/// operators).
pub fn explain(
    announced: &str,
    draw: &str,
    balance: &[String],
    (current, outside): (&[Member], &[Member]),
    known: &[Vec<String>],
) -> Option<String> {
    let tries = std::cell::Cell::new(0usize);
    let matches = |pool: &[Member]| {
        tries.set(tries.get() + 1);
        tries.get() <= BUDGET && hash(draw, balance, pool) == announced
    };
    let spent = || tries.get() >= BUDGET;
    for (i, m) in current.iter().enumerate() {
        if spent() {
            return None;
        }
        let without: Vec<Member> = skip(current, i);
        if matches(&without) {
            return Some(format!("\"{}\" was added after the announcement", m.operator));
        }
    }
    for o in outside {
        if spent() {
            return None;
        }
        let with: Vec<Member> = current.iter().cloned().chain(std::iter::once(o.clone())).collect();
        if matches(&with) {
            return Some(format!("\"{}\" was removed after the announcement", o.operator));
        }
    }
    for (i, m) in current.iter().enumerate() {
        let without = skip(current, i);
        for o in outside {
            if spent() {
                return None;
            }
            let swapped: Vec<Member> = without.iter().cloned().chain(std::iter::once(o.clone())).collect();
            if matches(&swapped) {
                return Some(format!(
                    "\"{}\" was added and \"{}\" removed after the announcement",
                    m.operator, o.operator
                ));
            }
        }
    }
    for (k, column) in balance.iter().enumerate() {
        let mut seen: Vec<&str> = current.iter().chain(outside).map(|m| m.values[k].as_str()).collect();
        seen.extend(known.get(k).into_iter().flatten().map(String::as_str));
        seen.push("");
        seen.sort_unstable();
        seen.dedup();
        for (i, m) in current.iter().enumerate() {
            for &was in seen.iter().filter(|&&v| v != m.values[k]) {
                if spent() {
                    return None;
                }
                let mut changed = current.to_vec();
                changed[i].values[k] = was.to_owned();
                if matches(&changed) {
                    let was = if was.is_empty() { "empty" } else { was };
                    return Some(format!(
                        "the {column} of \"{}\" changed after the announcement (it was {was})",
                        m.operator
                    ));
                }
            }
        }
    }
    None
}

fn skip(members: &[Member], i: usize) -> Vec<Member> {
    members.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, m)| m.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(operator: &str, kind: &str) -> Member {
        Member { operator: operator.into(), values: vec![kind.into()] }
    }

    // The canonical text sorts by operator id and names the draw and the balance columns.
    #[test]
    fn canonical_text_is_sorted() {
        let balance = vec!["kind".to_owned()];
        let text = canonical("t1", &balance, &[m("b", "school"), m("a", "association")]);
        assert_eq!(text, "passerelle-pool-v1\ndraw:t1\nbalance:kind\na|association\nb|school\n");
    }

    // Each kind of change is named: an addition, a removal, a swap, a changed value.
    #[test]
    fn changes_are_named() {
        let balance = vec!["kind".to_owned()];
        let pool = [m("a", "association"), m("b", "school"), m("c", "artist")];
        let announced = hash("t1", &balance, &pool);
        let added = [pool[0].clone(), pool[1].clone(), pool[2].clone(), m("d", "school")];
        assert_eq!(
            explain(&announced, "t1", &balance, (&added, &[]), &[]).as_deref(),
            Some("\"d\" was added after the announcement")
        );
        let removed = [pool[0].clone(), pool[2].clone()];
        assert_eq!(
            explain(&announced, "t1", &balance, (&removed, &[m("b", "school"), m("z", "artist")]), &[])
                .as_deref(),
            Some("\"b\" was removed after the announcement")
        );
        let swapped = [pool[0].clone(), pool[1].clone(), m("e", "artist")];
        assert_eq!(
            explain(&announced, "t1", &balance, (&swapped, &[m("c", "artist")]), &[]).as_deref(),
            Some("\"e\" was added and \"c\" removed after the announcement")
        );
        let relabelled = [pool[0].clone(), m("b", "artist"), pool[2].clone()];
        assert_eq!(
            explain(&announced, "t1", &balance, (&relabelled, &[]), &[vec!["school".into()]]).as_deref(),
            Some("the kind of \"b\" changed after the announcement (it was school)")
        );
        assert_eq!(explain(&announced, "t1", &balance, (&pool[..1], &[]), &[]), None);
    }

    // A change no single edit explains within the budget is reported without a name.
    #[test]
    fn gives_up_within_the_budget() {
        let balance = vec!["kind".to_owned()];
        let pool: Vec<Member> = (0..300).map(|i| m(&format!("op-{i}"), "association")).collect();
        let outside: Vec<Member> = (0..300).map(|i| m(&format!("other-{i}"), "school")).collect();
        assert_eq!(explain(&"0".repeat(64), "t1", &balance, (&pool, &outside), &[]), None);
    }
}
