//! Operator views: the directory entry (also the "check your listing" box) and the operator
//! page.

use super::correction::correction_mail;
use super::{address_line, record_path, Link};
use crate::config::Config;
use crate::links::{self, Href};
use crate::model::{Charter, Operator};
use crate::render::i18n::Catalogue;
use crate::render::markdown::{self, Source};
use anyhow::Result;
use chrono::{Months, NaiveDate};
use serde::Serialize;

/// An operator as the directory and its page show it.
#[derive(Debug, Serialize)]
pub struct OperatorEntry<'a> {
    pub id: &'a str,
    pub path: String,
    pub name: &'a str,
    pub kind: &'a str,
    pub district: Option<Link<'a>>,
    pub address: String,
    pub website: Option<Href>,
    pub email: Option<Href>,
    pub phone: Option<Href>,
    pub summary: &'a str,
    pub offers: usize,
    pub partner_offers: usize,
    pub check: ListingCheck,
}

/// What an association checks about its listing: how complete it is, when it was updated,
/// and how to report a correction.
#[derive(Debug, Serialize)]
pub struct ListingCheck {
    pub percent: u32,
    pub complete: bool,
    /// The labels of the missing fields.
    pub missing: Vec<String>,
    /// "Fiche complète à 80 % — manque : téléphone, description".
    pub summary: String,
    pub updated: Option<String>,
    pub updated_iso: Option<String>,
    /// Never updated, or more than 12 months ago.
    pub stale: bool,
    /// A pre-filled `mailto:` to the coordination (none when its address is not an e-mail).
    pub correction: Option<String>,
    /// The operator's page, where the same message is shown as text to copy.
    pub page: Option<String>,
}

/// The fields a complete listing fills, by catalogue key under `fields.`.
const FIELDS: [&str; 10] =
    ["name", "kind", "address", "postcode", "city", "phone", "email", "website", "summary", "description"];

fn filled(op: &Operator, field: &str) -> bool {
    let text = |s: &str| !s.trim().is_empty();
    let some = |s: &Option<String>| s.as_deref().is_some_and(text);
    match field {
        "name" => text(&op.name),
        "kind" => text(&op.kind),
        "address" => text(&op.address),
        "postcode" => text(&op.postcode),
        "city" => text(&op.city),
        "phone" => some(&op.phone),
        "email" => some(&op.email),
        "website" => some(&op.website),
        "summary" => text(&op.summary),
        _ => text(&op.description),
    }
}

/// Whether a listing updated on `updated` is due for an update on `today`.
pub fn is_stale(updated: Option<NaiveDate>, today: NaiveDate) -> bool {
    updated.is_none_or(|d| d.checked_add_months(Months::new(12)).is_none_or(|limit| limit < today))
}

impl ListingCheck {
    pub fn new(cat: &Catalogue, config: &Config, today: NaiveDate, op: &Operator) -> Result<ListingCheck> {
        let missing: Vec<String> = FIELDS
            .iter()
            .filter(|f| !filled(op, f))
            .map(|f| cat.get(&format!("fields.{f}")).map(str::to_owned))
            .collect::<Result<_>>()?;
        let percent = ((FIELDS.len() - missing.len()) * 100 / FIELDS.len()) as u32;
        let summary = if missing.is_empty() {
            cat.get("listing.complete")?.to_owned()
        } else {
            cat.fill(
                "listing.incomplete",
                &[("percent", &percent.to_string()), ("missing", &missing.join(", "))],
            )?
        };
        let path = record_path("operators", &op.id);
        Ok(ListingCheck {
            percent,
            complete: missing.is_empty(),
            missing,
            summary,
            updated: op.updated_on.map(|d| cat.date_short(d)).transpose()?,
            updated_iso: op.updated_on.map(|d| d.to_string()),
            stale: is_stale(op.updated_on, today),
            correction: correction_mail(cat, config, &op.name, &op.id, &path)?,
            page: Some(path),
        })
    }
}

impl<'a> OperatorEntry<'a> {
    pub fn new(charter: &'a Charter, cat: &'a Catalogue, config: &Config, op: &'a Operator) -> Result<Self> {
        Ok(OperatorEntry {
            id: &op.id,
            path: record_path("operators", &op.id),
            name: &op.name,
            kind: charter.vocabularies.operator_kind.get(&op.kind).map_or(op.kind.as_str(), |t| cat.term(t)),
            district: charter.operator_district(op).map(|d| Link::record("districts", &d.id, &d.name)),
            address: address_line(&op.address, &op.postcode, &op.city),
            website: op.website.as_deref().and_then(links::web),
            email: op.email.as_deref().and_then(links::mail),
            phone: op.phone.as_deref().and_then(links::phone),
            summary: &op.summary,
            offers: charter.operator_offers(op).count(),
            partner_offers: charter.operator_partner_offers(op).count(),
            check: ListingCheck::new(cat, config, charter.today, op)?,
        })
    }
}

/// What the operator page shows besides its entry.
#[derive(Debug, Serialize)]
pub struct OperatorPage<'a> {
    pub description_html: String,
    pub signed: Option<String>,
    pub signed_iso: Option<String>,
    pub venues: Vec<Link<'a>>,
    pub partnerships: Vec<Link<'a>>,
}

impl<'a> OperatorPage<'a> {
    pub fn new(charter: &'a Charter, cat: &Catalogue, op: &'a Operator) -> Result<Self> {
        Ok(OperatorPage {
            description_html: markdown::to_html(&op.description, Source::Data),
            signed: op.signed_charter_on.map(|d| cat.date_short(d)).transpose()?,
            signed_iso: op.signed_charter_on.map(|d| d.to_string()),
            venues: charter.operator_venues(op).map(|v| Link::record("venues", &v.id, &v.name)).collect(),
            partnerships: charter
                .operator_partnerships(op)
                .map(|p| Link::record("partnerships", &p.id, &p.title))
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid")
    }

    // A listing is stale when never updated or updated more than 12 months ago.
    #[test]
    fn stale_after_twelve_months() {
        let today = day(2026, 11, 21);
        assert!(is_stale(None, today));
        assert!(!is_stale(Some(day(2025, 11, 21)), today));
        assert!(is_stale(Some(day(2025, 11, 20)), today));
    }

    // The check names the missing fields and counts the filled ones.
    #[test]
    fn check_names_missing_fields() {
        let cat = Catalogue::load(crate::config::Language::Fr).expect("fr");
        let config = crate::config::Config::parse("title = \"t\"\nbase_url = \"https://c.example.org/\"\n[coordination]\nname = \"n\"\nemail = \"c@example.org\"\n").expect("config");
        let op = Operator {
            id: "mj".into(),
            name: "MJ".into(),
            kind: "association".into(),
            address: "rue A 1".into(),
            postcode: "4020".into(),
            city: "Liège".into(),
            email: Some("mj@example.org".into()),
            website: Some("https://mj.example.org".into()),
            summary: "Une maison de jeunes.".into(),
            ..Default::default()
        };
        let check = ListingCheck::new(&cat, &config, day(2026, 11, 21), &op).expect("check");
        assert_eq!(check.percent, 80);
        assert_eq!(check.summary, "Fiche complète à 80\u{a0}% — manque\u{a0}: téléphone, description");
        let mail = check.correction.expect("mailto");
        assert!(mail.starts_with("mailto:c@example.org?subject="), "{mail}");
        assert!(
            mail.contains("mj") && mail.contains("https%3A%2F%2Fc.example.org%2Foperators%2Fmj.html"),
            "{mail}"
        );
    }
}
