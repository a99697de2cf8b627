//! One draw of the records: its pool (volunteers with their balance values), its hash, and,
//! once the seed is known, its [`Outcome`].
//!
//! Both `validate` (which reports what does not hold) and the pages and `passerelle draw` (which
//! show it) go through [`Drawn::of`], so they can never disagree.

use super::draw::{self, Entrant, Outcome};
use super::pool::{self, Member};
use super::seed;
use crate::records::{Draw, Operator, Volunteer};
use std::collections::HashMap;

/// The operator columns a draw may balance.
pub const BALANCE_COLUMNS: [&str; 4] = ["kind", "district", "city", "postcode"];

/// An operator's value for a balance column (`""` for none), `None` for an unknown column.
pub fn balance_value(operator: &Operator, column: &str) -> Option<String> {
    Some(match column {
        "kind" => operator.kind.clone(),
        "district" => operator.district.clone().unwrap_or_default(),
        "city" => operator.city.clone(),
        "postcode" => operator.postcode.clone(),
        _ => return None,
    })
}

/// A draw with its pool computed from the records.
#[derive(Clone, Debug)]
pub struct Drawn<'a> {
    pub draw: &'a Draw,
    /// The draw's volunteers, first row per operator, in the order of `volunteers.csv`.
    pub volunteers: Vec<&'a Volunteer>,
    /// The pool as its hash sees it, in the order of `volunteers`.
    pub members: Vec<Member>,
    /// SHA-256 of the canonical pool as the data stands now.
    pub pool_sha256: String,
    /// The canonical seed text, once the seed is given and well-formed.
    pub seed: Option<String>,
    /// The result, once the seed is known (and the group size valid).
    pub outcome: Option<Outcome>,
}

impl<'a> Drawn<'a> {
    /// Computes a draw from the records (unknown operators count with empty values; `validate`
    /// reports them).
    pub fn of(draw: &'a Draw, volunteers: &'a [Volunteer], operators: &'a [Operator]) -> Drawn<'a> {
        let by_id: HashMap<&str, &Operator> = operators.iter().map(|o| (o.id.as_str(), o)).collect();
        let mut mine: Vec<&Volunteer> = Vec::new();
        for v in volunteers.iter().filter(|v| v.draw == draw.id) {
            if !mine.iter().any(|m| m.operator == v.operator) {
                mine.push(v);
            }
        }
        let members: Vec<Member> =
            mine.iter().map(|v| member(draw, by_id.get(v.operator.as_str()), v)).collect();
        let pool_sha256 = pool::hash(&draw.id, &draw.balance, &members);
        let seed = Some(draw.seed.trim()).filter(|s| !s.is_empty()).and_then(|s| seed::canonical(s).ok());
        let size = draw.group_size.and_then(|s| usize::try_from(s).ok()).filter(|&s| s > 0);
        let outcome = match (&seed, size) {
            (Some(seed), Some(size)) => {
                let entrants: Vec<Entrant> = mine
                    .iter()
                    .zip(&members)
                    .map(|(v, m)| Entrant {
                        operator: m.operator.clone(),
                        values: m.values.clone(),
                        withdrawn: v.status == crate::records::VolunteerStatus::Withdrawn,
                    })
                    .collect();
                let groups = draw.groups.and_then(|g| usize::try_from(g).ok());
                Some(draw::run(seed, &entrants, size, groups))
            }
            _ => None,
        };
        Drawn { draw, volunteers: mine, members, pool_sha256, seed, outcome }
    }

    /// The operators outside this pool, as pool members, for [`pool::explain`].
    pub fn outside(&self, operators: &[Operator]) -> Vec<Member> {
        operators
            .iter()
            .filter(|o| !self.members.iter().any(|m| m.operator == o.id))
            .map(|o| Member {
                operator: o.id.clone(),
                values: self.draw.balance.iter().map(|c| balance_value(o, c).unwrap_or_default()).collect(),
            })
            .collect()
    }

    /// Whether the pool was announced (its hash published).
    pub fn announced(&self) -> bool {
        self.draw.pool_sha256.is_some()
    }

    /// Whether the pool still matches the announced hash (`true` when not announced yet).
    pub fn pool_holds(&self) -> bool {
        self.draw.pool_sha256.as_deref().is_none_or(|h| h.eq_ignore_ascii_case(&self.pool_sha256))
    }
}

fn member(draw: &Draw, operator: Option<&&Operator>, v: &Volunteer) -> Member {
    let values =
        draw.balance.iter().map(|c| operator.and_then(|o| balance_value(o, c)).unwrap_or_default()).collect();
    Member { operator: v.operator.clone(), values }
}
