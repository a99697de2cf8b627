//! Draw views: a draw as the index lists it and as its page shows it (pool, hash, source;
//! once drawn, the ranking, groups, waiting list, confirmations and replacements).

use super::{record_path, Link};
use crate::model::{Charter, Draw, VolunteerStatus};
use crate::participation::outcome::Drawn;
use crate::render::i18n::Catalogue;
use anyhow::Result;
use serde::Serialize;

/// A draw as lists and its page show it.
#[derive(Debug, Serialize)]
pub struct DrawEntry<'a> {
    pub id: &'a str,
    pub path: String,
    /// `draws/<id>.json`: the inputs `verify.py` reads.
    pub inputs_path: String,
    pub title: &'a str,
    pub summary: &'a str,
    /// Whether the seed is known and the draw made.
    pub drawn: bool,
    pub announced: Option<String>,
    pub seed_source: &'a str,
    pub seed_on: Option<String>,
    pub seed: &'a str,
    pub canonical_seed: Option<&'a str>,
    pub confirm_by: Option<String>,
    pub ends_on: Option<String>,
    pub group_size: Option<u32>,
    pub groups_wanted: Option<u32>,
    /// Balance columns, as labels ("type d'acteur", "quartier").
    pub balance: Vec<String>,
    pub pool_sha256: &'a str,
    /// Whether the hash was published (`--announce`).
    pub pool_announced: bool,
    pub pool: Vec<Member<'a>>,
    pub ranking: Vec<Ranked<'a>>,
    pub groups: Vec<Group<'a>>,
    pub waiting: Vec<Member<'a>>,
    pub replacements: Vec<ReplacementView<'a>>,
    /// Drawn volunteers (after replacements) who confirmed, and how many seats there are.
    pub confirmed: usize,
    pub seats: usize,
}

/// A volunteer: its operator (linked), its balance values as labels, its status.
#[derive(Clone, Debug, Serialize)]
pub struct Member<'a> {
    pub operator: Link<'a>,
    pub values: Vec<String>,
    pub status: &'static str,
    pub status_label: String,
    /// Replaced a withdrawn volunteer (its operator name).
    pub replaces: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct Ranked<'a> {
    pub rank: usize,
    pub operator: Link<'a>,
    pub key: &'a str,
    /// "groupe 2", "liste d'attente", or "désisté".
    pub place: String,
}

#[derive(Debug, Serialize)]
pub struct Group<'a> {
    pub number: usize,
    pub members: Vec<Member<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ReplacementView<'a> {
    pub group: usize,
    pub withdrawn: Link<'a>,
    pub by: Option<Link<'a>>,
    pub keeps_balance: bool,
}

impl<'a> DrawEntry<'a> {
    pub fn new(charter: &'a Charter, cat: &Catalogue, draw: &'a Draw, drawn: &'a Drawn<'a>) -> Result<Self> {
        let date = |d: Option<chrono::NaiveDate>| d.map(|d| cat.date_short(d)).transpose();
        let name = |id: &'a str| charter.operator(id).map_or(id, |o| o.name.as_str());
        let member = |i: usize| -> Result<Member<'a>> {
            let v = drawn.volunteers[i];
            let values = drawn.members[i]
                .values
                .iter()
                .zip(&draw.balance)
                .map(|(value, column)| balance_label(charter, cat, column, value))
                .collect();
            Ok(Member {
                operator: Link::record("operators", &v.operator, name(&v.operator)),
                values,
                status: v.status.code(),
                status_label: cat.get(&format!("draws.status_{}", v.status.code()))?.to_owned(),
                replaces: v.replaces.as_deref().map(name),
            })
        };
        let index_of = |operator: &str| drawn.volunteers.iter().position(|v| v.operator == operator);
        let mut pool: Vec<Member> = (0..drawn.volunteers.len()).map(member).collect::<Result<_>>()?;
        pool.sort_by_cached_key(|m| super::sort_key(m.operator.label));
        let (mut ranking, mut groups, mut waiting, mut replacements) = (vec![], vec![], vec![], vec![]);
        let (mut confirmed, mut seats) = (0, 0);
        if let Some(o) = &drawn.outcome {
            let by_rank = |r: usize| index_of(&o.ranking[r].entrant.operator).map(member).transpose();
            for (g, members) in o.groups.iter().enumerate() {
                let members: Vec<Member> =
                    members.iter().filter_map(|&r| by_rank(r).transpose()).collect::<Result<_>>()?;
                confirmed += members.iter().filter(|m| m.status == VolunteerStatus::Confirmed.code()).count();
                seats += members.len();
                groups.push(Group { number: g + 1, members });
            }
            waiting = o.waiting.iter().filter_map(|&r| by_rank(r).transpose()).collect::<Result<_>>()?;
            for (i, r) in o.ranking.iter().enumerate() {
                let id = r.entrant.operator.as_str();
                let place = match o.group_of(i) {
                    Some(g) => cat.fill("draws.in_group", &[("n", &(g + 1).to_string())])?,
                    None if r.entrant.withdrawn => cat.get("draws.status_withdrawn")?.to_owned(),
                    None => cat.get("draws.waiting")?.to_owned(),
                };
                ranking.push(Ranked {
                    rank: i + 1,
                    operator: Link::record("operators", id, name(id)),
                    key: &r.key,
                    place,
                });
            }
            for r in &o.replacements {
                let link = |rank: usize| {
                    let id = o.ranking[rank].entrant.operator.as_str();
                    Link::record("operators", id, name(id))
                };
                replacements.push(ReplacementView {
                    group: r.group + 1,
                    withdrawn: link(r.withdrawn),
                    by: r.by.map(link),
                    keeps_balance: r.keeps_balance,
                });
            }
        }
        Ok(DrawEntry {
            id: &draw.id,
            path: record_path("draws", &draw.id),
            inputs_path: format!("draws/{}.json", draw.id),
            title: &draw.title,
            summary: &draw.summary,
            drawn: drawn.outcome.is_some(),
            announced: date(draw.announced_on)?,
            seed_source: &draw.seed_source,
            seed_on: date(draw.seed_on)?,
            seed: draw.seed.trim(),
            canonical_seed: drawn.seed.as_deref(),
            confirm_by: date(draw.confirm_by)?,
            ends_on: date(draw.ends_on)?,
            group_size: draw.group_size,
            groups_wanted: draw.groups,
            balance: draw
                .balance
                .iter()
                .map(|c| {
                    cat.get(&format!("draws.balance_{c}")).map(str::to_owned).unwrap_or_else(|_| c.clone())
                })
                .collect(),
            pool_sha256: draw.pool_sha256.as_deref().unwrap_or(&drawn.pool_sha256),
            pool_announced: draw.pool_sha256.is_some(),
            pool,
            ranking,
            groups,
            waiting,
            replacements,
            confirmed,
            seats,
        })
    }
}

/// A balance value as people read it: a kind's label, a district's name, else the value.
fn balance_label(charter: &Charter, cat: &Catalogue, column: &str, value: &str) -> String {
    match column {
        "kind" => {
            charter.vocabularies.operator_kind.get(value).map_or(value.to_owned(), |t| cat.term(t).to_owned())
        }
        "district" if value.is_empty() => cat.get("draws.citywide").unwrap_or("—").to_owned(),
        "district" => charter.district(value).map_or(value.to_owned(), |d| d.name.clone()),
        _ => value.to_owned(),
    }
}
