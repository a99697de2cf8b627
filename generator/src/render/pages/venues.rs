//! `venues/index.html` (venues by district, paginated) and one page per venue, `venues/<id>.html`.

use crate::render::jsonld;
use crate::render::paging::{self, Key};
use crate::render::views::correction::{correction_mail, correction_text};
use crate::render::views::venue::VenueEntry;
use crate::render::views::{sort_key, Link};
use crate::render::{Sink, Site};
use anyhow::Result;
use minijinja::Value;
use serde::Serialize;

/// What every page of the venues list shows besides its entries: the districts' links.
#[derive(Serialize)]
struct Index<'a> {
    districts: Vec<Link<'a>>,
}

#[derive(Serialize)]
struct VenueData<'e, 'a> {
    venue: &'e VenueEntry<'a>,
    offers: Vec<Value>,
}

/// Renders the venues list (by district, A–Z within each, paginated) and every venue page.
pub fn render(site: &Site, out: &mut dyn Sink) -> Result<()> {
    let c = site.charter;
    let entries: Vec<VenueEntry> =
        c.venues.iter().map(|v| VenueEntry::new(c, site.cat, v)).collect::<Result<_>>()?;
    let outside = site.cat.get("venues.outside")?;
    // Districts by folded name, then the venues outside them; venues A–Z within each.
    let mut keyed: Vec<((bool, String, String), Key, &VenueEntry)> = entries
        .iter()
        .map(|e| {
            let (key, district) = match &e.district {
                Some(d) => (
                    Key {
                        anchor: format!(
                            "quartier-{}",
                            d.path.trim_start_matches("districts/").trim_end_matches(".html")
                        ),
                        heading: d.label.to_owned(),
                    },
                    sort_key(d.label),
                ),
                None => (Key { anchor: "hors-quartiers".into(), heading: outside.to_owned() }, String::new()),
            };
            ((e.district.is_none(), district, sort_key(e.name)), key, e)
        })
        .collect();
    keyed.sort_by(|a, b| (&a.0, a.2.id).cmp(&(&b.0, b.2.id)));
    let pages = paging::paginate("venues/index.html", keyed.into_iter().map(|(_, k, e)| (k, e)).collect());
    let title = site.cat.get("venues.title")?;
    let index =
        Index { districts: c.districts.iter().map(|d| Link::record("districts", &d.id, &d.name)).collect() };
    site.list_pages(
        out,
        "venues.html",
        &pages,
        |path, _| Ok(site.meta(path, title, "venues", site.crumbs(&[], title)?)),
        &index,
    )?;

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
