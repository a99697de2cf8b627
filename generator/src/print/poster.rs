//! What a district's poster shows (`districts/<id>.affiche.pdf`, A4, to pin up in a community
//! centre): the sessions from the build day to the end of the month, day by day (to the end of
//! next month when fewer than ten days are left), the permanent offers, the district's map and
//! a large QR code to its explorer view. One page: past [`MAX_LINES`] sessions, the rest is
//! counted and the QR code leads to it.

use super::catalogue::printable;
use super::map::{self, Map};
use super::{qr_path, Files};
use crate::config::Config;
use crate::model::time::{date_of, day_number};
use crate::model::{Charter, District};
use crate::render::i18n::{capitalise, Catalogue};
use crate::render::schedule;
use crate::render::views::public_url;
use anyhow::Result;
use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

/// Session lines that fit on the page beside the map.
pub const MAX_LINES: usize = 26;
/// Permanent offers named at the bottom.
const MAX_PERMANENT: usize = 6;

#[derive(Serialize)]
pub struct Data<'a> {
    pub t: &'a toml::Value,
    pub lang: &'static str,
    pub site_title: &'a str,
    pub title: String,
    pub range: String,
    pub edition: String,
    pub days: Vec<Day<'a>>,
    /// Sessions in the period that did not fit.
    pub more: usize,
    pub permanent: Vec<&'a str>,
    pub map: Option<Map<'a>>,
    pub url: Option<String>,
    pub url_label: Option<String>,
    pub qr: Option<String>,
    pub coordination: &'a crate::config::Coordination,
}

#[derive(Serialize)]
pub struct Day<'a> {
    pub label: String,
    pub items: Vec<Item<'a>>,
}

#[derive(Serialize)]
pub struct Item<'a> {
    pub time: Option<String>,
    pub title: &'a str,
    pub venue: Option<&'a str>,
}

/// The last day a poster printed on `today` covers.
pub fn period_end(today: NaiveDate) -> NaiveDate {
    let first = today.with_day(1).unwrap_or(today);
    let end_of = |months: u32| {
        first.checked_add_months(Months::new(months)).and_then(|d| d.pred_opt()).unwrap_or(today)
    };
    let end = end_of(1);
    if (end - today).num_days() < 9 {
        end_of(2)
    } else {
        end
    }
}

/// The poster of district `d`; the QR code and map go into `files`.
pub fn data<'a>(
    charter: &'a Charter,
    cat: &'a Catalogue,
    config: &'a Config,
    d: &'a District,
    files: &mut Files,
) -> Result<Data<'a>> {
    let today = charter.today;
    let end = period_end(today);
    let (first, last) = (day_number(today), day_number(end));
    let mut sessions = Vec::new();
    let mut permanent = Vec::new();
    for offer in charter.district_offers(d).filter(|o| printable(charter, o)) {
        let timing = charter.timing(offer);
        if timing.is_permanent() {
            permanent.push(offer.title.as_str());
            continue;
        }
        let venue = charter.offer_venue(offer).map(|v| v.name.as_str());
        for s in timing.sessions.iter().filter(|s| (first..=last).contains(&s.day)) {
            sessions.push((s.day, s.start.unwrap_or(0), offer.id.as_str(), s, offer.title.as_str(), venue));
        }
    }
    sessions.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
    let more = sessions.len().saturating_sub(MAX_LINES);
    sessions.truncate(MAX_LINES);
    let mut days: Vec<Day> = Vec::new();
    for (day, _, _, session, title, venue) in sessions {
        let label = capitalise(&cat.date_long(date_of(day))?);
        let item = Item { time: schedule::session_time(cat, session)?, title, venue };
        match days.last_mut() {
            Some(last) if last.label == label => last.items.push(item),
            _ => days.push(Day { label, items: vec![item] }),
        }
    }
    permanent.sort_unstable();
    permanent.dedup();
    permanent.truncate(MAX_PERMANENT);
    let url = format!("{}?district={}", public_url(config, "explore/index.html"), d.id);
    let (url, url_label, qr) = if url.starts_with("http") {
        let qr = qr_path(&format!("district-{}", d.id));
        files.qr(&qr, &url);
        let label = url.trim_start_matches("https://").trim_start_matches("http://").to_owned();
        (Some(url), Some(label), Some(qr))
    } else {
        (None, None, None)
    };
    Ok(Data {
        t: cat.tree().get("print").unwrap_or(&toml::Value::Boolean(false)),
        lang: config.language.tag(),
        site_title: &config.title,
        title: cat.fill("print.poster_title", &[("district", &d.name)])?,
        range: capitalise(&cat.date_range(Some(today), Some(end))?.unwrap_or_default()),
        edition: cat.fill("print.edition", &[("date", &cat.date_short(today)?)])?,
        days,
        more,
        permanent,
        map: map::district(charter, d),
        url,
        url_label,
        qr,
        coordination: &config.coordination,
    })
}

#[cfg(test)]
mod tests {
    use super::period_end;
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid")
    }

    // The rest of the month, or to the end of next month when fewer than ten days are left.
    #[test]
    fn the_period_is_the_rest_of_the_month() {
        assert_eq!(period_end(day(2026, 12, 1)), day(2026, 12, 31));
        assert_eq!(period_end(day(2026, 12, 22)), day(2026, 12, 31));
        assert_eq!(period_end(day(2026, 12, 23)), day(2027, 1, 31));
        assert_eq!(period_end(day(2027, 2, 19)), day(2027, 2, 28));
        assert_eq!(period_end(day(2027, 2, 20)), day(2027, 3, 31));
    }
}
