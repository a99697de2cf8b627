//! Partnership views: the list entry and the partnership page's extras.

use super::{record_path, Link};
use crate::model::{Charter, Partnership};
use crate::render::i18n::Catalogue;
use crate::render::markdown::{self, Source};
use anyhow::Result;
use serde::Serialize;

/// A partnership as lists and its page show it.
#[derive(Debug, Serialize)]
pub struct PartnershipEntry<'a> {
    pub id: &'a str,
    pub path: String,
    pub title: &'a str,
    pub summary: &'a str,
    pub operators: Vec<Link<'a>>,
    pub districts: Vec<Link<'a>>,
    /// Its period: a range, or "depuis le …" when it has no end.
    pub when: Option<String>,
    pub offers: usize,
}

impl<'a> PartnershipEntry<'a> {
    pub fn new(charter: &'a Charter, cat: &Catalogue, p: &'a Partnership) -> Result<Self> {
        Ok(PartnershipEntry {
            id: &p.id,
            path: record_path("partnerships", &p.id),
            title: &p.title,
            summary: &p.summary,
            operators: charter
                .partnership_operators(p)
                .map(|o| Link::record("operators", &o.id, &o.name))
                .collect(),
            districts: charter
                .partnership_districts(p)
                .map(|d| Link::record("districts", &d.id, &d.name))
                .collect(),
            when: match (p.starts_on, p.ends_on) {
                (Some(start), None) => Some(cat.fill("dates.since", &[("date", &cat.date_short(start)?)])?),
                (start, end) => cat.date_range(start, end)?,
            }
            .map(|w| crate::render::i18n::capitalise(&w)),
            offers: charter.partnership_offers(p).count(),
        })
    }
}

/// The partnership page's description.
pub fn description_html(p: &Partnership) -> String {
    markdown::to_html(&p.description, Source::Data)
}
