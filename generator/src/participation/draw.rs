//! The draw itself: ranking, groups under the balance, waiting list, replacements.
//!
//! 1. **Ranking.** Each volunteer's key is the SHA-256 (lowercase hex) of the canonical seed
//!    text immediately followed by its operator id (UTF-8, no separator: the canonical seed ends
//!    with `/`). Volunteers are ranked by key, smallest first (ties, never seen in practice, by
//!    operator id).
//! 2. **Groups.** `G` groups of `S` seats (`G` = the draw's `groups`, else as many full groups
//!    as the pool allows: pool size ÷ `S`, rounded down). The first `G × S` ranked volunteers
//!    are placed, in rank order; each goes to the group, among those not yet full, that
//!    minimises, in this order: how many of its members share the volunteer's value of the
//!    first balance column, then of the second, …; then how many members it has; then its
//!    number. So rank decides who is drawn, the balance only where each one sits.
//! 3. **Waiting list.** Everyone else, in rank order.
//! 4. **Replacements.** Placed volunteers whose status is `withdrawn` are replaced one by one,
//!    best-ranked first, never by a new draw: the withdrawn volunteer leaves its seat, and for
//!    each volunteer of the waiting list (in rank order, skipping those who withdrew too and those
//!    already placed) a balance column is *broken* when the candidate's value is more frequent
//!    among the group's remaining members than the withdrawn volunteer's value is. The seat
//!    goes to the candidate breaking the fewest columns, the best-ranked among equals: the next
//!    ranked volunteer who keeps the balance when there is one. An empty waiting list leaves the
//!    seat empty.

use super::sha256_hex;

/// One volunteer of the pool.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entrant {
    pub operator: String,
    /// Its value for each balance column, in the draw's order (`""` when it has none).
    pub values: Vec<String>,
    /// Its status is `withdrawn`.
    pub withdrawn: bool,
}

/// A volunteer with its key, in rank order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranked {
    pub entrant: Entrant,
    /// SHA-256 of canonical seed + operator id, lowercase hex.
    pub key: String,
}

/// One withdrawal and who took the seat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replacement {
    /// 0-based group index.
    pub group: usize,
    /// Rank (0-based) of the volunteer who withdrew.
    pub withdrawn: usize,
    /// Rank of the one who took the seat; `None` when the waiting list was empty.
    pub by: Option<usize>,
    /// Whether the replacement broke no balance column.
    pub keeps_balance: bool,
}

/// The whole result. Volunteers are named by their rank (index into `ranking`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub ranking: Vec<Ranked>,
    /// The groups as first drawn, members in the order they were placed.
    pub drawn: Vec<Vec<usize>>,
    /// The groups after replacements (a replacement takes the withdrawn member's place).
    pub groups: Vec<Vec<usize>>,
    /// Volunteers not placed (after replacements), in rank order.
    pub waiting: Vec<usize>,
    pub replacements: Vec<Replacement>,
}

impl Outcome {
    /// The 0-based group a rank sits in after replacements.
    pub fn group_of(&self, rank: usize) -> Option<usize> {
        self.groups.iter().position(|g| g.contains(&rank))
    }
}

/// Ranks `entrants` by the seed (already canonical, see [`super::seed`]).
pub fn rank(canonical_seed: &str, entrants: &[Entrant]) -> Vec<Ranked> {
    let mut ranking: Vec<Ranked> = entrants
        .iter()
        .map(|e| Ranked { key: sha256_hex(&format!("{canonical_seed}{}", e.operator)), entrant: e.clone() })
        .collect();
    ranking.sort_by(|a, b| a.key.cmp(&b.key).then_with(|| a.entrant.operator.cmp(&b.entrant.operator)));
    ranking
}

/// Runs the draw: `group_size` seats per group, `groups` groups (default: as many full groups
/// as the pool allows).
pub fn run(canonical_seed: &str, entrants: &[Entrant], group_size: usize, groups: Option<usize>) -> Outcome {
    let ranking = rank(canonical_seed, entrants);
    let size = group_size.max(1);
    // More groups than volunteers would only add empty ones (and `validate` reports it).
    let count = groups.unwrap_or(ranking.len() / size).min(ranking.len());
    let seats = (count * size).min(ranking.len());
    let mut drawn: Vec<Vec<usize>> = vec![Vec::new(); count];
    for r in 0..seats {
        let values = &ranking[r].entrant.values;
        let best = (0..count).filter(|&g| drawn[g].len() < size).min_by_key(|&g| {
            let shared: Vec<usize> =
                (0..values.len()).map(|k| same(&ranking, &drawn[g], k, &values[k])).collect();
            (shared, drawn[g].len(), g)
        });
        if let Some(g) = best {
            drawn[g].push(r);
        }
    }
    let mut groups = drawn.clone();
    let mut waiting: Vec<usize> = (seats..ranking.len()).collect();
    let mut replacements = Vec::new();
    for w in 0..seats {
        if !ranking[w].entrant.withdrawn {
            continue;
        }
        let Some(g) = groups.iter().position(|members| members.contains(&w)) else { continue };
        let rest: Vec<usize> = groups[g].iter().copied().filter(|&m| m != w).collect();
        let best = waiting
            .iter()
            .enumerate()
            .filter(|&(_, &c)| !ranking[c].entrant.withdrawn)
            .map(|(i, &c)| (broken(&ranking, &rest, w, c), i))
            .min();
        let seat = groups[g].iter().position(|&m| m == w).unwrap_or(0);
        let by = best.map(|(columns, i)| (waiting.remove(i), columns == 0));
        match by {
            Some((c, _)) => groups[g][seat] = c,
            None => {
                groups[g].remove(seat);
            }
        }
        replacements.push(Replacement {
            group: g,
            withdrawn: w,
            by: by.map(|(c, _)| c),
            keeps_balance: by.is_none_or(|(_, keeps)| keeps),
        });
    }
    Outcome { ranking, drawn, groups, waiting, replacements }
}

/// How many balance columns candidate `c` breaks when it takes withdrawn `w`'s seat in a group
/// whose other members are `rest`.
pub fn broken(ranking: &[Ranked], rest: &[usize], w: usize, c: usize) -> usize {
    let (wv, cv) = (&ranking[w].entrant.values, &ranking[c].entrant.values);
    (0..wv.len()).filter(|&k| same(ranking, rest, k, &cv[k]) > same(ranking, rest, k, &wv[k])).count()
}

/// How many of `members` have `value` in balance column `k`.
fn same(ranking: &[Ranked], members: &[usize], k: usize, value: &str) -> usize {
    members.iter().filter(|&&m| ranking[m].entrant.values[k] == value).count()
}

#[cfg(test)]
mod tests;
