//! `operators/index.html`, the A–Z directory where each association checks its listing, and
//! one page per operator, `operators/<id>.html`.

use crate::render::jsonld;
use crate::render::views::operator::{OperatorEntry, OperatorPage};
use crate::render::views::{initial, sort_key};
use crate::render::{Sink, Site};
use anyhow::Result;
use minijinja::Value;
use serde::Serialize;

/// One letter of the directory.
#[derive(Serialize)]
pub struct Letter<'e, 'a> {
    pub letter: String,
    /// The fragment id of the group (`lettre-a`, `lettre-0` for "#").
    pub anchor: String,
    pub entries: Vec<&'e OperatorEntry<'a>>,
}

/// The letters of an A–Z index, and which of them have entries.
#[derive(Serialize)]
pub struct Alphabet {
    pub letter: String,
    pub anchor: String,
    pub present: bool,
}

/// The fragment id of a letter's group.
fn anchor(letter: &str) -> String {
    if letter == "#" {
        "lettre-0".into()
    } else {
        format!("lettre-{}", letter.to_lowercase())
    }
}

/// Entries grouped by initial, sorted by folded name; and the A–Z bar (plus "#" if used).
pub fn by_letter<'e, 'a>(entries: &'e [OperatorEntry<'a>]) -> (Vec<Letter<'e, 'a>>, Vec<Alphabet>) {
    let mut sorted: Vec<&OperatorEntry> = entries.iter().collect();
    sorted.sort_by_cached_key(|e| (sort_key(e.name), e.id));
    let mut letters: Vec<Letter> = Vec::new();
    for entry in sorted {
        let letter = initial(entry.name).to_string();
        if letters.last().is_none_or(|l| l.letter != letter) {
            letters.push(Letter { anchor: anchor(&letter), letter, entries: Vec::new() });
        }
        if let Some(l) = letters.last_mut() {
            l.entries.push(entry);
        }
    }
    letters.sort_by(|a, b| (a.letter == "#", &a.letter).cmp(&(b.letter == "#", &b.letter)));
    let mut alphabet: Vec<Alphabet> = ('A'..='Z')
        .map(|c| Alphabet {
            letter: c.to_string(),
            anchor: anchor(&c.to_string()),
            present: letters.iter().any(|l| l.letter == c.to_string()),
        })
        .collect();
    if letters.iter().any(|l| l.letter == "#") {
        alphabet.push(Alphabet { letter: "#".into(), anchor: anchor("#"), present: true });
    }
    (letters, alphabet)
}

#[derive(Serialize)]
struct Directory<'e, 'a> {
    letters: Vec<Letter<'e, 'a>>,
    alphabet: Vec<Alphabet>,
    total: usize,
    complete: usize,
    stale: usize,
}

#[derive(Serialize)]
struct OperatorData<'e, 'a> {
    operator: &'e OperatorEntry<'a>,
    detail: OperatorPage<'a>,
    offers: Vec<Value>,
    partner_offers: Vec<Value>,
}

/// Renders the directory and every operator page.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    let c = site.charter;
    let entries: Vec<OperatorEntry> = c
        .operators
        .iter()
        .map(|op| OperatorEntry::new(c, site.cat, site.config, op))
        .collect::<Result<_>>()?;
    let (letters, alphabet) = by_letter(&entries);
    let title = site.cat.get("operators.title")?;
    let meta = site.meta("operators/index.html", title, "operators", site.crumbs(&[], title)?);
    let directory = Directory {
        letters,
        alphabet,
        total: entries.len(),
        complete: entries.iter().filter(|e| e.check.complete).count(),
        stale: entries.iter().filter(|e| e.check.stale).count(),
    };
    site.page(out, "operators.html", meta, directory)?;

    let pairs: Vec<_> = c.operators.iter().zip(&entries).collect();
    site.pages(out, &pairs, |&(op, entry)| {
        let mut meta = site.meta(
            entry.path.clone(),
            op.name.as_str(),
            "operators",
            site.crumbs(&[(title, "operators/index.html")], &op.name)?,
        );
        if !op.summary.trim().is_empty() {
            meta.description = op.summary.clone();
        }
        meta.jsonld = Some(jsonld::operator_page(site.config, op, &entry.path));
        meta.correction = entry.check.correction.clone();
        let cat = site.cat;
        let values = [
            (cat.get("fields.kind")?, entry.kind),
            (cat.get("fields.address")?, entry.address.as_str()),
            (cat.get("fields.phone")?, op.phone.as_deref().unwrap_or_default()),
            (cat.get("fields.email")?, op.email.as_deref().unwrap_or_default()),
            (cat.get("fields.website")?, op.website.as_deref().unwrap_or_default()),
            (cat.get("fields.summary")?, op.summary.as_str()),
        ];
        meta.correction_text = Some(crate::render::views::operator::correction_text(
            cat,
            site.config,
            &op.name,
            &op.id,
            &entry.path,
            &values,
        )?);
        let data = OperatorData {
            operator: entry,
            detail: OperatorPage::new(c, site.cat, op)?,
            // An operator checks its whole listing here: ended offers stay, last and marked.
            offers: site.cards_by_time(c.operator_offers(op)),
            partner_offers: site.cards_by_time(c.operator_partner_offers(op)),
        };
        site.render_page("operator.html", meta, data)
    })
}
