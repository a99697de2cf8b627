//! `feed.xml`: an Atom feed (RFC 4287) of the offers, most recently updated first, at most
//! [`ENTRIES`] of them (a feed announces news; the open data has everything).
//!
//! With `base_url`, ids and links are absolute (ids are the pages' addresses). Without it the
//! feed is still written, since Atom allows relative `href`s, resolved against the feed's own
//! address, which is the site root: entry links are `offers/<id>.html`, and there is no
//! `rel="self"` link and no `xml:base`. Ids must be absolute IRIs, so they are then
//! `urn:uuid:`s derived from the coordination's e-mail and the offer id (stable across builds,
//! distinct between charters). An entry's `updated` is its `updated_on`; an offer without one
//! takes the oldest date of the others (never the build's clock), so it does not pose as news.
//! Text is written as `type="text"`: markup in the data is escaped, never interpreted, and
//! characters XML forbids are dropped ([`crate::text::xml_guard`]).

use super::urls::BaseUrl;
use crate::config::Config;
use crate::model::{Charter, Offer};
use anyhow::{Context, Result};
use atom_syndication::{Category, Entry, Feed, FixedDateTime, Generator, Link, Person, Text, WriteConfig};
use chrono::{NaiveDate, TimeZone, Utc};

/// The most entries the feed carries.
pub const ENTRIES: usize = 100;

/// `feed.xml`'s bytes.
pub fn feed(charter: &Charter, config: &Config, base: Option<&BaseUrl>) -> Result<Vec<u8>> {
    let oldest = charter.offers.iter().filter_map(|o| o.updated_on).min().unwrap_or(charter.today);
    let updated = |o: &Offer| o.updated_on.unwrap_or(oldest);
    let mut offers: Vec<&Offer> = charter.offers.iter().collect();
    offers.sort_by(|a, b| b.updated_on.cmp(&a.updated_on).then_with(|| a.id.cmp(&b.id)));
    offers.truncate(ENTRIES);

    let mut feed = Feed {
        title: Text::plain(config.title.as_str()),
        id: base.map_or_else(|| uuid_urn(config, "feed"), |b| b.root().to_owned()),
        updated: offers.first().map_or(at_midnight(oldest), |o| at_midnight(updated(o))),
        authors: vec![Person {
            name: config.coordination.name.clone(),
            email: Some(config.coordination.email.clone()),
            ..Person::default()
        }],
        generator: Some(Generator { value: "Passerelle".into(), ..Generator::default() }),
        lang: Some(config.language.tag().to_owned()),
        subtitle: (!config.description.is_empty()).then(|| Text::plain(config.description.as_str())),
        links: vec![link("alternate", &href(base, "index.html"), "text/html")],
        ..Feed::default()
    };
    if let Some(base) = base {
        feed.links.push(link("self", &base.join("feed.xml"), "application/atom+xml"));
    }
    feed.entries =
        offers.into_iter().map(|o| entry(charter, config, base, o, at_midnight(updated(o)))).collect();

    let write_config = WriteConfig { write_document_declaration: true, indent_size: Some(2) };
    let mut bytes = feed.write_with_config(Vec::new(), write_config).context("failed to write feed.xml")?;
    bytes.push(b'\n');
    Ok(crate::text::xml_guard(bytes))
}

/// One offer's entry.
fn entry(
    charter: &Charter,
    config: &Config,
    base: Option<&BaseUrl>,
    offer: &Offer,
    updated: FixedDateTime,
) -> Entry {
    let page = crate::render::views::record_path("offers", &offer.id);
    let operator = charter.offer_operator(offer).map_or_else(|| offer.operator.clone(), |o| o.name.clone());
    let summary = [offer.summary.as_str(), offer.schedule.as_str()]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" — ");
    let language = config.language;
    let categories = offer
        .disciplines
        .iter()
        .map(|code| {
            let term = charter.vocabularies.discipline.get(code);
            let label =
                term.map(
                    |t| if language == crate::config::Language::En { t.en.clone() } else { t.fr.clone() },
                );
            Category { term: code.clone(), label, ..Category::default() }
        })
        .collect();
    Entry {
        title: Text::plain(offer.title.as_str()),
        id: base.map_or_else(|| uuid_urn(config, &page), |b| b.join(&page)),
        updated,
        authors: vec![Person { name: operator, ..Person::default() }],
        links: vec![link("alternate", &href(base, &page), "text/html")],
        summary: (!summary.is_empty()).then(|| Text::plain(summary)),
        categories,
        ..Entry::default()
    }
}

fn link(rel: &str, href: &str, mime: &str) -> Link {
    Link { rel: rel.into(), href: href.into(), mime_type: Some(mime.into()), ..Link::default() }
}

/// `path` absolute under the base URL, or as it is (relative to the feed, at the site root).
fn href(base: Option<&BaseUrl>, path: &str) -> String {
    base.map_or_else(|| path.to_owned(), |b| b.join(path))
}

/// A stable `urn:uuid:` for `path` in this charter (identified by its coordination e-mail).
fn uuid_urn(config: &Config, path: &str) -> String {
    let hash = blake3::hash(format!("passerelle\0{}\0{path}", config.coordination.email).as_bytes());
    let mut b: [u8; 16] = hash.as_bytes()[..16].try_into().unwrap_or_default();
    b[6] = (b[6] & 0x0f) | 0x80; // version 8: custom
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 9562 variant
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("urn:uuid:{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

fn at_midnight(day: NaiveDate) -> FixedDateTime {
    Utc.from_utc_datetime(&day.and_time(chrono::NaiveTime::MIN)).fixed_offset()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    /// The texts of the `name` children of `node`, in the Atom namespace.
    fn children<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Vec<roxmltree::Node<'a, 'a>> {
        node.children().filter(|n| n.has_tag_name(("http://www.w3.org/2005/Atom", name))).collect()
    }

    // The feed is well-formed Atom: entries newest first, markup in a title escaped in the XML
    // and read back as the same text, absolute ids and links with a base URL.
    #[test]
    fn feed_is_well_formed_and_escaped() {
        let base = BaseUrl::parse("https://charte.example.org/sous-site").expect("base");
        let bytes = feed(
            &fixture::charter(),
            &fixture::config(Some("https://charte.example.org/sous-site")),
            Some(&base),
        )
        .expect("feed");
        let text = std::str::from_utf8(&bytes).expect("utf-8");
        assert!(!text.contains("<script>"), "markup escaped");
        assert!(text.contains("&lt;script&gt;"));
        let doc = roxmltree::Document::parse(text).expect("well-formed XML");
        let root = doc.root_element();
        assert!(root.has_tag_name(("http://www.w3.org/2005/Atom", "feed")));
        let entries = children(root, "entry");
        let ids: Vec<&str> = entries.iter().map(|e| children(*e, "id")[0].text().expect("id")).collect();
        assert_eq!(
            ids,
            [
                "https://charte.example.org/sous-site/offers/atelier-slam.html",
                "https://charte.example.org/sous-site/offers/lecture-libre.html",
                "https://charte.example.org/sous-site/offers/concert-annule.html",
            ],
            "most recently updated first, undated last"
        );
        assert_eq!(children(entries[0], "title")[0].text(), Some(fixture::HOSTILE_TITLE));
        assert_eq!(children(entries[0], "updated")[0].text(), Some("2026-11-10T00:00:00+00:00"));
        assert_eq!(
            children(entries[2], "updated")[0].text(),
            Some("2026-09-01T00:00:00+00:00"),
            "the oldest date"
        );
        assert_eq!(children(root, "updated")[0].text(), Some("2026-11-10T00:00:00+00:00"));
        assert_eq!(children(root, "title")[0].text(), Some("Charte <test>"));
        let self_link = children(root, "link")
            .into_iter()
            .find(|l| l.attribute("rel") == Some("self"))
            .expect("self link");
        assert_eq!(self_link.attribute("href"), Some("https://charte.example.org/sous-site/feed.xml"));
    }

    // Without a base URL, links are relative to the feed, ids are stable urn:uuid IRIs, and
    // there is no self link.
    #[test]
    fn feed_without_base_url_is_relative() {
        let config = fixture::config(None);
        let bytes = feed(&fixture::charter(), &config, None).expect("feed");
        let again = feed(&fixture::charter(), &config, None).expect("feed");
        assert_eq!(bytes, again, "reproducible");
        let text = std::str::from_utf8(&bytes).expect("utf-8");
        let doc = roxmltree::Document::parse(text).expect("well-formed XML");
        let root = doc.root_element();
        assert!(children(root, "link").iter().all(|l| l.attribute("rel") != Some("self")));
        let entry = children(root, "entry")[0];
        assert_eq!(children(entry, "link")[0].attribute("href"), Some("offers/atelier-slam.html"));
        let id = children(entry, "id")[0].text().expect("id");
        assert!(id.starts_with("urn:uuid:") && id.len() == 45, "{id}");
    }

    // The last guard: a text that did not come through `load` (site.toml, a hand-built
    // charter) with characters XML forbids still gives a well-formed feed, without them.
    #[test]
    fn forbidden_characters_are_dropped() {
        let mut charter = fixture::charter();
        charter.offers[0].title = "Slam\u{1b}[31m\u{8}\u{fffe}\u{0} !".into();
        let mut config = fixture::config(None);
        config.title = "Charte\u{1b}".into();
        let bytes = feed(&charter, &config, None).expect("feed");
        let text = std::str::from_utf8(&bytes).expect("utf-8");
        let doc = roxmltree::Document::parse(text).expect("well-formed XML");
        let titles: Vec<_> =
            doc.descendants().filter(|n| n.has_tag_name("title")).filter_map(|n| n.text()).collect();
        assert!(titles.contains(&"Charte") && titles.contains(&"Slam[31m !"), "{titles:?}");
    }
}
