//! `venues/index.html` (venues by district) and one page per venue, `venues/<id>.html`.

use crate::render::jsonld;
use crate::render::views::operator::{correction_mail, correction_text};
use crate::render::views::venue::VenueEntry;
use crate::render::views::{sort_key, Link};
use crate::render::{Sink, Site};
use anyhow::Result;
use minijinja::Value;
use serde::Serialize;

#[derive(Serialize)]
struct Group<'e, 'a> {
    /// The district, or none for venues outside the districts.
    district: Option<Link<'a>>,
    venues: Vec<&'e VenueEntry<'a>>,
}

#[derive(Serialize)]
struct Index<'e, 'a> {
    groups: Vec<Group<'e, 'a>>,
    total: usize,
}

#[derive(Serialize)]
struct VenueData<'e, 'a> {
    venue: &'e VenueEntry<'a>,
    offers: Vec<Value>,
}

/// Venues sorted by folded name, then id.
fn sorted<'e, 'a>(mut list: Vec<&'e VenueEntry<'a>>) -> Vec<&'e VenueEntry<'a>> {
    list.sort_by_cached_key(|e| (sort_key(e.name), e.id));
    list
}

/// Renders the venues index and every venue page.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    let c = site.charter;
    let entries: Vec<VenueEntry> =
        c.venues.iter().map(|v| VenueEntry::new(c, site.cat, v)).collect::<Result<_>>()?;
    let mut groups: Vec<Group> = c
        .districts
        .iter()
        .map(|d| Group {
            district: Some(Link::record("districts", &d.id, &d.name)),
            venues: sorted(
                c.venues
                    .iter()
                    .zip(&entries)
                    .filter(|(v, _)| v.district.as_deref() == Some(d.id.as_str()))
                    .map(|(_, e)| e)
                    .collect(),
            ),
        })
        .filter(|g| !g.venues.is_empty())
        .collect();
    groups.sort_by_cached_key(|g| g.district.as_ref().map(|l| sort_key(l.label)));
    let outside = sorted(entries.iter().filter(|e| e.district.is_none()).collect());
    if !outside.is_empty() {
        groups.push(Group { district: None, venues: outside });
    }
    let title = site.cat.get("venues.title")?;
    let meta = site.meta("venues/index.html", title, "venues", site.crumbs(&[], title)?);
    site.page(out, "venues.html", meta, Index { groups, total: entries.len() })?;

    let pairs: Vec<_> = c.venues.iter().zip(&entries).collect();
    site.pages(out, &pairs, |&(venue, entry)| {
        let mut meta = site.meta(
            entry.path.clone(),
            venue.name.as_str(),
            "venues",
            site.crumbs(&[(title, "venues/index.html")], &venue.name)?,
        );
        meta.jsonld = Some(jsonld::venue_page(site.config, venue, &entry.path));
        meta.correction = correction_mail(site.cat, site.config, &venue.name, &venue.id, &entry.path)?;
        let values = [
            (site.cat.get("venues.kind")?, entry.kind),
            (site.cat.get("venues.address")?, entry.address.as_str()),
            (site.cat.get("venues.opening_hours")?, entry.opening_hours),
            (site.cat.get("venues.website")?, venue.website.as_deref().unwrap_or_default()),
        ];
        meta.correction_text =
            Some(correction_text(site.cat, site.config, &venue.name, &venue.id, &entry.path, &values)?);
        site.render_page(
            "venue.html",
            meta,
            VenueData { venue: entry, offers: site.current_cards(c.venue_offers(venue)) },
        )
    })
}
