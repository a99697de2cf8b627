//! What `catalogue.pdf` shows, as the data its template reads (`data.json`): the cover, one
//! chapter per district (its map, its operators A–Z, each with its current offers), the offers
//! reaching every district in a chapter of their own, and the indexes by audience and by date.
//!
//! Each offer is printed once, in the chapter of the district where it happens (its venue's,
//! else the first it names); ended and cancelled offers are left out. A charter too large to
//! print (more than [`MAX_OFFERS`] current offers) keeps the soonest offers of every chapter
//! in turn and sends the reader to the site for the rest, with the count: a catalogue of
//! 10,000 offers would run to 1,500 pages that nobody prints, and typesetting it would cost
//! more time and memory than the whole site (README "Print").

use super::map::{self, Map};
use super::{qr_path, Files};
use crate::config::Config;
use crate::model::{Charter, District, DistrictScope, Offer, Status};
use crate::render::i18n::Catalogue;
use crate::render::views::offer::OfferCard;
use crate::render::views::operator::OperatorEntry;
use crate::render::views::public_url;
use crate::render::views::{record_path, sort_key};
use anyhow::Result;
use serde::Serialize;
use std::collections::BTreeMap;

/// At most this many offers are printed (about 40 pages); the rest are counted per chapter.
pub const MAX_OFFERS: usize = 200;

#[derive(Serialize)]
pub struct Data<'a> {
    pub t: &'a toml::Value,
    pub lang: &'static str,
    pub title: &'a str,
    pub edition: String,
    pub counts: String,
    pub site: Option<Site>,
    pub coordination: &'a crate::config::Coordination,
    pub chapters: Vec<Chapter<'a>>,
    pub by_audience: Vec<Group<'a>>,
    pub by_date: Vec<Group<'a>>,
}

/// The site's public address, when `site.toml` gives one.
#[derive(Serialize)]
pub struct Site {
    pub url: String,
    /// The address without its scheme, as printed.
    pub label: String,
    pub qr: String,
}

#[derive(Serialize)]
pub struct Chapter<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub summary: &'a str,
    pub map: Option<Map<'a>>,
    pub operators: Vec<OperatorBlock<'a>>,
    /// Offers of this chapter left out by the cap, and where to find them.
    pub more: usize,
    pub more_url: Option<String>,
}

#[derive(Serialize)]
pub struct OperatorBlock<'a> {
    pub entry: OperatorEntry<'a>,
    pub offers: Vec<Entry<'a>>,
}

/// One offer as printed: its card, its address and its QR code.
#[derive(Serialize)]
pub struct Entry<'a> {
    pub card: OfferCard<'a>,
    /// "Du 18 avril au 27 juin 2027", only for an offer over several days (a single day is
    /// in its schedule).
    pub span: Option<String>,
    /// A weekly rule: its sentence names no date, so the next session is printed.
    pub weekly: bool,
    pub venue_address: Option<String>,
    pub booking: &'a str,
    pub url: Option<String>,
    pub qr: Option<String>,
}

/// A heading of an index and the offers under it (ids and titles; the template finds pages).
#[derive(Serialize)]
pub struct Group<'a> {
    pub label: String,
    pub offers: Vec<IndexLine<'a>>,
}

#[derive(Serialize)]
pub struct IndexLine<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// The date shown in the index by date ("sam. 5 déc.").
    pub when: Option<String>,
}

/// Whether an offer belongs in print: current (not ended) and not cancelled.
pub fn printable(charter: &Charter, offer: &Offer) -> bool {
    charter.is_current(offer) && offer.status != Status::Cancelled
}

/// The chapter an offer is printed in: `None` for the city-wide chapter.
fn home_district<'c>(charter: &'c Charter, offer: &Offer) -> Option<&'c District> {
    if matches!(offer.districts, DistrictScope::All) {
        return None;
    }
    let venue = charter.offer_venue(offer).and_then(|v| charter.venue_district(v));
    let mut reached = charter.offer_districts(offer);
    match venue {
        Some(v) if charter.offer_districts(offer).any(|d| d.id == v.id) => Some(v),
        _ => reached.next(),
    }
}

/// Builds the catalogue's data and the files it reads (maps, QR codes) into `files`.
pub fn data<'a>(
    charter: &'a Charter,
    cat: &'a Catalogue,
    config: &'a Config,
    files: &mut Files,
) -> Result<Data<'a>> {
    let site = site_address(config, files);
    let chapters = chapters(charter, cat, config, files, site.is_some())?;
    let printed: Vec<&Entry> =
        chapters.iter().flat_map(|c| c.operators.iter().flat_map(|o| o.offers.iter())).collect();
    let operators = chapters
        .iter()
        .flat_map(|c| c.operators.iter().map(|o| o.entry.id))
        .collect::<std::collections::BTreeSet<_>>();
    let districts = chapters.iter().filter(|c| !c.id.is_empty()).count();
    let counts = cat.fill(
        "print.counts",
        &[
            ("offers", &cat.count("offer", printed.len())?),
            ("operators", &cat.count("operator", operators.len())?),
            ("districts", &cat.count("district", districts)?),
        ],
    )?;
    Ok(Data {
        t: cat.tree().get("print").unwrap_or(&toml::Value::Boolean(false)),
        lang: config.language.tag(),
        title: &config.title,
        edition: cat.fill("print.edition", &[("date", &cat.date_short(charter.today)?)])?,
        counts,
        site,
        coordination: &config.coordination,
        by_audience: by_audience(charter, cat, &printed),
        by_date: by_date(charter, cat, &printed)?,
        chapters,
    })
}

/// The site's address and its QR code, when `base_url` is set.
fn site_address(config: &Config, files: &mut Files) -> Option<Site> {
    let url = public_url(config, "");
    if !url.starts_with("http") {
        return None;
    }
    let label =
        url.trim_start_matches("https://").trim_start_matches("http://").trim_end_matches('/').to_owned();
    let qr = qr_path("site");
    files.qr(&qr, &url);
    Some(Site { url, label, qr })
}

/// The chapters, districts A–Z then the city-wide one, each capped to its share of
/// [`MAX_OFFERS`].
fn chapters<'a>(
    charter: &'a Charter,
    cat: &'a Catalogue,
    config: &'a Config,
    files: &mut Files,
    with_urls: bool,
) -> Result<Vec<Chapter<'a>>> {
    // Offers by chapter (district index, or `None`), soonest first.
    let mut by_chapter: BTreeMap<Option<usize>, Vec<&Offer>> = BTreeMap::new();
    let ix: BTreeMap<&str, usize> =
        charter.districts.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
    for offer in charter.offers.iter().filter(|o| printable(charter, o)) {
        let home = home_district(charter, offer).and_then(|d| ix.get(d.id.as_str()).copied());
        by_chapter.entry(home).or_default().push(offer);
    }
    for offers in by_chapter.values_mut() {
        offers.sort_by_cached_key(|o| (charter.timing(o).order(), o.id.clone()));
    }
    // Quotas in the map's order, kept by chapter key.
    let sizes: Vec<usize> = by_chapter.values().map(Vec::len).collect();
    let kept: BTreeMap<Option<usize>, usize> =
        by_chapter.keys().copied().zip(quotas(&sizes, MAX_OFFERS)).collect();
    let mut order: Vec<(Option<usize>, Vec<&Offer>)> = by_chapter.into_iter().collect();
    order.sort_by_cached_key(|(d, _)| match d {
        Some(i) => (0, sort_key(&charter.districts[*i].name)),
        None => (1, String::new()),
    });
    let mut out = Vec::new();
    for (district, mut offers) in order {
        let keep = kept.get(&district).copied().unwrap_or(offers.len());
        let more = offers.len() - keep;
        offers.truncate(keep);
        let (id, name, summary, map, page) = match district {
            Some(i) => {
                let d = &charter.districts[i];
                let map = map::district(charter, d);
                (d.id.as_str(), d.name.as_str(), d.summary.as_str(), map, record_path("districts", &d.id))
            }
            None => (
                "",
                cat.get("print.citywide")?,
                cat.get("print.citywide_summary")?,
                None,
                "offers/index.html".to_owned(),
            ),
        };
        let more_url = (more > 0 && with_urls).then(|| public_url(config, &page));
        let operators = operator_blocks(charter, cat, config, files, &offers, with_urls)?;
        out.push(Chapter { id, name, summary, map, operators, more, more_url });
    }
    Ok(out)
}

/// How many offers each chapter keeps so that at most `cap` are printed: every chapter in
/// turn gives one more until the cap (so a small chapter keeps all its offers).
pub fn quotas(sizes: &[usize], cap: usize) -> Vec<usize> {
    let total: usize = sizes.iter().sum();
    if total <= cap {
        return sizes.to_vec();
    }
    let mut kept = vec![0; sizes.len()];
    let mut left = cap;
    while left > 0 {
        let before = left;
        for (k, &size) in kept.iter_mut().zip(sizes) {
            if left > 0 && *k < size {
                *k += 1;
                left -= 1;
            }
        }
        if left == before {
            break;
        }
    }
    kept
}

/// A chapter's offers grouped by operator, operators A–Z, each operator's offers soonest first.
fn operator_blocks<'a>(
    charter: &'a Charter,
    cat: &'a Catalogue,
    config: &'a Config,
    files: &mut Files,
    offers: &[&'a Offer],
    with_urls: bool,
) -> Result<Vec<OperatorBlock<'a>>> {
    let mut by_operator: BTreeMap<(String, &str), Vec<&Offer>> = BTreeMap::new();
    for &offer in offers {
        let Some(op) = charter.offer_operator(offer) else { continue };
        by_operator.entry((sort_key(&op.name), op.id.as_str())).or_default().push(offer);
    }
    let mut blocks = Vec::new();
    for ((_, op_id), offers) in by_operator {
        let Some(op) = charter.operator(op_id) else { continue };
        let entries = offers
            .into_iter()
            .map(|o| entry(charter, cat, config, files, o, with_urls))
            .collect::<Result<Vec<_>>>()?;
        blocks.push(OperatorBlock { entry: OperatorEntry::new(charter, cat, config, op)?, offers: entries });
    }
    Ok(blocks)
}

fn entry<'a>(
    charter: &'a Charter,
    cat: &'a Catalogue,
    config: &Config,
    files: &mut Files,
    offer: &'a Offer,
    with_urls: bool,
) -> Result<Entry<'a>> {
    let venue = charter.offer_venue(offer);
    let (url, qr) = if with_urls {
        let url = public_url(config, &record_path("offers", &offer.id));
        let qr = qr_path(&format!("offer-{}", offer.id));
        files.qr(&qr, &url);
        (Some(url), Some(qr))
    } else {
        (None, None)
    };
    let several_days = offer.starts_on.is_some() && offer.starts_on != offer.ends_on;
    let card = OfferCard::new(charter, cat, offer)?;
    Ok(Entry {
        span: card.when.clone().filter(|_| several_days),
        weekly: !charter.timing(offer).recurrence.days.is_empty(),
        card,
        venue_address: venue
            .map(|v| crate::render::views::address_line(&v.address, &v.postcode, &v.city))
            .filter(|a| !a.is_empty()),
        booking: offer.booking.trim(),
        url,
        qr,
    })
}

/// The index by audience: each audience of the vocabulary, its printed offers A–Z.
fn by_audience<'a>(charter: &'a Charter, cat: &Catalogue, printed: &[&Entry<'a>]) -> Vec<Group<'a>> {
    charter
        .vocabularies
        .audience
        .terms
        .iter()
        .filter_map(|term| {
            let mut offers: Vec<IndexLine> = printed
                .iter()
                .filter(|e| e.card.audiences.iter().any(|a| a.code == term.code))
                .map(|e| IndexLine { id: e.card.id, title: e.card.title, when: None })
                .collect();
            offers.sort_by_cached_key(|l| (sort_key(l.title), l.id));
            (!offers.is_empty())
                .then(|| Group { label: crate::render::i18n::capitalise(cat.term(term)), offers })
        })
        .collect()
}

/// The index by date: the printed offers by the month of their next session, soonest first;
/// the permanent ones last.
fn by_date<'a>(charter: &'a Charter, cat: &Catalogue, printed: &[&Entry<'a>]) -> Result<Vec<Group<'a>>> {
    let mut months: BTreeMap<(i32, u32), Vec<(i32, IndexLine<'a>)>> = BTreeMap::new();
    let mut permanent = Vec::new();
    for e in printed {
        let Some(offer) = charter.offer(e.card.id) else { continue };
        match charter.timing(offer).next.as_ref() {
            Some(next) => {
                let day = crate::model::time::date_of(next.day);
                use chrono::Datelike;
                let when = format!("{} {}", day.day(), cat.month(day.month()));
                months.entry((day.year(), day.month())).or_default().push((
                    next.day * 1440 + i32::from(next.start.unwrap_or(0)),
                    IndexLine { id: e.card.id, title: e.card.title, when: Some(when) },
                ));
            }
            None => permanent.push(IndexLine { id: e.card.id, title: e.card.title, when: None }),
        }
    }
    let mut groups = Vec::new();
    for ((year, month), mut lines) in months {
        lines.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(b.1.id)));
        let first = chrono::NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(charter.today);
        groups.push(Group {
            label: crate::render::i18n::capitalise(&cat.month_year(first)?),
            offers: lines.into_iter().map(|(_, l)| l).collect(),
        });
    }
    if !permanent.is_empty() {
        permanent.sort_by_cached_key(|l| (sort_key(l.title), l.id));
        groups.push(Group { label: cat.get("print.permanent")?.to_owned(), offers: permanent });
    }
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::quotas;

    // Under the cap every chapter keeps everything; over it, chapters share the cap in turn.
    #[test]
    fn quotas_share_the_cap() {
        assert_eq!(quotas(&[3, 5], 10), [3, 5]);
        assert_eq!(quotas(&[2, 100, 100], 10), [2, 4, 4]);
        assert_eq!(quotas(&[1, 1, 1], 2), [1, 1, 0]);
        assert_eq!(quotas(&[], 5), Vec::<usize>::new());
    }
}
