//! `requests/feed.xml`: an Atom feed of the answered residents' requests, latest answer first.
//!
//! Like `feed.xml`: ids and links absolute with `base_url`, else relative (resolved against the
//! feed's address, `requests/`, so an entry links to `index.html#request-<id>`) with
//! `urn:uuid:` ids; `updated` is the answer's date (never the build's clock); text is plain.

use super::feed::{at_midnight, link, uuid_urn};
use super::urls::BaseUrl;
use crate::config::{Config, Language};
use crate::model::{Charter, Request};
use anyhow::{Context, Result};
use atom_syndication::{Entry, Feed, Generator, Person, Text, WriteConfig};

/// `requests/feed.xml`'s bytes, or `None` when there are no requests.
pub fn feed(charter: &Charter, config: &Config, base: Option<&BaseUrl>) -> Result<Option<Vec<u8>>> {
    if charter.requests.is_empty() {
        return Ok(None);
    }
    let mut answered: Vec<&Request> =
        charter.requests.iter().filter(|r| r.status.answered() && r.answered_on.is_some()).collect();
    answered.sort_by(|a, b| b.answered_on.cmp(&a.answered_on).then_with(|| a.id.cmp(&b.id)));
    let en = config.language == Language::En;
    let title = if en { "Answers to residents’ requests" } else { "Réponses aux demandes des habitants" };
    let page = |r: &Request| format!("requests/index.html#request-{}", r.id);
    let local = |r: &Request| format!("index.html#request-{}", r.id);
    let updated = answered.first().and_then(|r| r.answered_on).unwrap_or(charter.today);
    let mut feed = Feed {
        title: Text::plain(format!("{} — {title}", config.title)),
        id: base.map_or_else(|| uuid_urn(config, "requests/feed.xml"), |b| b.join("requests/feed.xml")),
        updated: at_midnight(updated),
        authors: vec![Person {
            name: config.coordination.name.clone(),
            email: Some(config.coordination.email.clone()),
            ..Person::default()
        }],
        generator: Some(Generator { value: "Passerelle".into(), ..Generator::default() }),
        lang: Some(config.language.tag().to_owned()),
        links: vec![link(
            "alternate",
            &base.map_or_else(|| "index.html".into(), |b| b.join("requests/index.html")),
            "text/html",
        )],
        ..Feed::default()
    };
    if let Some(base) = base {
        feed.links.push(link("self", &base.join("requests/feed.xml"), "application/atom+xml"));
    }
    feed.entries = answered
        .into_iter()
        .map(|r| {
            let district = charter.district(&r.district).map_or(r.district.as_str(), |d| d.name.as_str());
            let topic = if r.topic.is_empty() { r.request.as_str() } else { r.topic.as_str() };
            let target = base.map_or_else(|| local(r), |b| b.join(&page(r)));
            Entry {
                title: Text::plain(format!("{district} — {topic}")),
                id: base.map_or_else(|| uuid_urn(config, &page(r)), |b| b.join(&page(r))),
                updated: at_midnight(r.answered_on.unwrap_or(charter.today)),
                authors: vec![Person { name: r.addressed_to.clone(), ..Person::default() }],
                links: vec![link("alternate", &target, "text/html")],
                summary: Some(Text::plain(format!("{} → {}", r.request, r.answer))),
                ..Entry::default()
            }
        })
        .collect();
    let write_config = WriteConfig { write_document_declaration: true, indent_size: Some(2) };
    let mut bytes =
        feed.write_with_config(Vec::new(), write_config).context("failed to write requests/feed.xml")?;
    bytes.push(b'\n');
    Ok(Some(bytes))
}
