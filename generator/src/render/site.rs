//! What every page shares: the environment, the catalogue, the header and footer (as the global
//! `site`), the explorer's asset paths (global `explorer`), the offer cards (built once), and
//! [`Site::page`], which renders one template to one path.

use super::assets::Assets;
use super::content::Content;
use super::environment;
use super::i18n::Catalogue;
use super::paging::{self, Key, ListPage};
use super::views::offer::OfferCard;
use super::views::{Crumb, Link};
use super::Sink;
use crate::config::Config;
use crate::links::{self, Href};
use crate::model::{Charter, Offer};
use anyhow::{anyhow, Context, Result};
use chrono::Datelike;
use minijinja::value::{Serde, Value};
use minijinja::Environment;
use serde::Serialize;
use std::sync::Arc;

/// The main navigation: catalogue key under `nav.` and the section's index page.
const NAV: &[(&str, &str)] = &[
    ("home", "index.html"),
    ("explore", "explore/index.html"),
    ("offers", "offers/index.html"),
    ("agenda", "agenda/index.html"),
    ("operators", "operators/index.html"),
    ("venues", "venues/index.html"),
    ("districts", "districts/index.html"),
    ("partnerships", "partnerships/index.html"),
    ("catalogue", "catalogue/index.html"),
    ("draws", "draws/index.html"),
    ("requests", "requests/index.html"),
];

/// The open data files the footer links to (written by the `export` stage): catalogue key
/// under `site.`, and path.
const OPEN_DATA: &[(&str, &str)] = &[
    ("data_json", "data/charter.json"),
    ("data_offers", "data/offers.csv"),
    ("data_operators", "data/operators.csv"),
    ("data_venues", "data/venues.geojson"),
    ("agenda_ics", "data/agenda.ics"),
    ("feed", "feed.xml"),
];

/// A page's own metadata, seen by templates as `page`.
#[derive(Debug, Serialize)]
pub struct Meta {
    /// Site-relative path of the page (`offers/x.html`).
    pub path: String,
    pub title: String,
    pub description: String,
    /// The navigation key this page belongs to (`offers`), or `""`.
    pub section: String,
    pub crumbs: Vec<Crumb>,
    /// Whether the page mounts the explorer (then its style and script are linked).
    pub explorer: bool,
    /// schema.org JSON-LD, already script-safe.
    pub jsonld: Option<String>,
    /// A pre-filled "report a correction" mail about this page's record.
    pub correction: Option<String>,
    /// The same correction as text to copy into any webmail, with the record's current values.
    pub correction_text: Option<String>,
    /// The previous and next pages of a paginated list (`<link rel="prev">`, `"next"`).
    pub prev: Option<String>,
    pub next: Option<String>,
}

/// The header and footer, seen by templates as `site`.
#[derive(Debug, Serialize)]
struct SiteView<'a> {
    title: &'a str,
    /// The title split at its first " — ": the name, and what follows (the header shows the
    /// second part smaller).
    title_main: &'a str,
    title_sub: &'a str,
    description: &'a str,
    /// `lang` of record text when it differs from the interface's, else none.
    data_lang: Option<&'static str>,
    nav: Vec<NavItem<'a>>,
    footer_pages: Vec<Link<'a>>,
    open_data: Vec<Link<'a>>,
    /// How many offers the charter has (for "see all N offers").
    offer_count: usize,
    coordination: Coordination<'a>,
    assets: &'a Assets,
    /// The public address, when known (only `404.html` uses it).
    base_url: Option<&'a str>,
    /// "À jour au 1er décembre 2026": on pages that depend on the day.
    as_of: String,
    /// `webcal://host/path/` when `base_url` is set: calendar feeds to subscribe to need an
    /// absolute address (a relative link downloads the file once instead).
    webcal_base: Option<String>,
}

#[derive(Debug, Serialize)]
struct NavItem<'a> {
    key: &'a str,
    path: String,
    label: &'a str,
}

#[derive(Debug, Serialize)]
struct Coordination<'a> {
    name: &'a str,
    email: Option<Href>,
    phone: Option<Href>,
    address: Option<&'a str>,
}

/// The rendering context shared by every page.
pub struct Site<'a> {
    pub charter: &'a Charter,
    pub config: &'a Config,
    pub cat: &'a Catalogue,
    pub content: Content<'a>,
    /// One card per offer, in the order of `charter.offers`, as template values: built once,
    /// every list shares them.
    card_values: Vec<Value>,
    /// Positions of the offers sorted by title as people read it (accents and case folded).
    pub by_title: Vec<usize>,
    pub assets: Assets,
    env: Environment<'static>,
}

/// A rendered page, before it is put.
#[derive(Debug)]
pub struct Rendered {
    pub path: String,
    pub html: String,
}

/// What a page of a paginated list sees (see [`Site::list_pages`]).
#[derive(Serialize)]
struct ListData<'p, T, E> {
    pager: &'p paging::Pager,
    groups: &'p [paging::Group<T>],
    jumps: &'p [paging::Jump],
    #[serde(flatten)]
    extra: &'p E,
}

/// What a template sees besides the globals: `root`, `page`, and the page's own fields.
#[derive(Serialize)]
struct PageContext<'r, T> {
    root: &'r str,
    page: &'r Meta,
    #[serde(flatten)]
    data: T,
}

impl<'a> Site<'a> {
    pub fn new(
        charter: &'a Charter,
        inputs: &'a crate::load::content::Content,
        cat: &'a Catalogue,
        assets: Assets,
    ) -> Result<Self> {
        let config = &inputs.config;
        let content = Content::new(inputs);
        let card_values = charter
            .offers
            .iter()
            .map(|o| Ok(Value::from(Serde(OfferCard::new(charter, cat, o)?))))
            .collect::<Result<_>>()?;
        let mut by_title: Vec<(String, usize)> =
            charter.offers.iter().enumerate().map(|(i, o)| (super::views::sort_key(&o.title), i)).collect();
        by_title.sort();
        let by_title = by_title.into_iter().map(|(_, i)| i).collect();
        let mut env = environment::environment(Arc::new(inputs.templates.clone()), Arc::new(cat.clone()));
        // Participation pages exist only when their tables have rows.
        let shown = |key: &str| match key {
            "draws" => !charter.draws.is_empty(),
            "requests" => !charter.requests.is_empty(),
            _ => true,
        };
        let mut nav: Vec<NavItem> = NAV
            .iter()
            .filter(|(key, _)| shown(key))
            .map(|&(key, path)| {
                Ok(NavItem { key, path: path.to_owned(), label: cat.get(&format!("nav.{key}"))? })
            })
            .collect::<Result<_>>()?;
        for page in content.pages.iter().filter(|p| p.front.menu) {
            let label = page.front.menu_title.as_deref().unwrap_or(&page.front.title);
            nav.push(NavItem { key: page.slug, path: page.path(), label });
        }
        let footer_pages = content
            .pages
            .iter()
            .filter(|p| p.front.footer)
            .map(|p| Link { path: p.path(), label: &p.front.title })
            .collect();
        let data_lang = config.data_language.filter(|l| *l != config.language).map(|l| l.tag());
        let (title_main, title_sub) = config.title.split_once(" — ").unwrap_or((&config.title, ""));
        let view = SiteView {
            title: &config.title,
            title_main,
            title_sub,
            description: &config.description,
            data_lang,
            nav,
            footer_pages,
            offer_count: charter.current_offers().count(),
            open_data: OPEN_DATA
                .iter()
                .map(|&(key, path)| {
                    Ok(Link { path: path.to_owned(), label: cat.get(&format!("site.{key}"))? })
                })
                .collect::<Result<_>>()?,
            coordination: Coordination {
                name: &config.coordination.name,
                email: links::mail(&config.coordination.email),
                phone: config.coordination.phone.as_deref().and_then(links::phone),
                address: config.coordination.address.as_deref(),
            },
            assets: &assets,
            base_url: config.base_url.as_deref().filter(|b| links::web(b).is_some()),
            as_of: cat.fill("when.as_of", &[("date", &cat.date_short(charter.today)?)])?,
            webcal_base: config.base_url.as_deref().filter(|b| links::web(b).is_some()).map(|b| {
                let rest = b.split_once("://").map_or(b, |(_, rest)| rest);
                format!("webcal://{}/", rest.trim_end_matches('/'))
            }),
        };
        env.add_global("site", Value::from(Serde(&view)));
        let attr = data_lang.map_or_else(String::new, |tag| format!(" lang=\"{tag}\""));
        env.add_global("data_lang_attr", Value::from_safe_string(attr));
        env.add_global("explorer", Value::from(Serde(crate::index::explorer_assets())));
        drop(view);
        Ok(Site { charter, config, cat, content, card_values, by_title, assets, env })
    }

    /// The card of an offer as a template value (shared, not copied).
    pub fn card_value(&self, offer: &Offer) -> Value {
        // Every offer of the charter has its card; the id always resolves.
        let i = self.charter.offer_index(&offer.id).unwrap_or_default();
        self.card_values[i].clone()
    }

    /// The card at a position of `charter.offers`, as a template value.
    pub fn card_value_at(&self, i: usize) -> Value {
        self.card_values[i].clone()
    }

    /// Some offers soonest first: next session, then permanent offers, then ended ones (most
    /// recent first); title breaks ties.
    pub fn by_time(&self, offers: impl Iterator<Item = &'a Offer>) -> Vec<&'a Offer> {
        let mut offers: Vec<&Offer> = offers.collect();
        offers.sort_by_cached_key(|o| (self.charter.timing(o).order(), super::views::sort_key(&o.title)));
        offers
    }

    /// The cards of some offers, soonest first (see [`Site::by_time`]).
    pub fn cards_by_time(&self, offers: impl Iterator<Item = &'a Offer>) -> Vec<Value> {
        self.cards_of(self.by_time(offers).into_iter())
    }

    /// The group an offer is filed under in a list by time: the month of its next session (of
    /// its last one when it ended), or "all year" for a permanent offer.
    pub fn month_key(&self, offer: &Offer) -> Result<Key> {
        let timing = self.charter.timing(offer);
        let session = if timing.ended { timing.sessions.last() } else { timing.next.as_ref() };
        Ok(match session {
            Some(s) => {
                let date = crate::load::when::date_of(s.day);
                Key {
                    anchor: format!("mois-{:04}-{:02}", date.year(), date.month()),
                    heading: super::i18n::capitalise(&self.cat.month_year(date)?),
                }
            }
            None if timing.is_permanent() => {
                Key { anchor: "toute-l-annee".into(), heading: self.cat.get("offer.ongoing")?.to_owned() }
            }
            None => Key { anchor: "sans-date".into(), heading: self.cat.get("paging.undated")?.to_owned() },
        })
    }

    /// Current offers of `offers` as a paginated list of cards, soonest first, by month.
    pub fn offer_pages(
        &self,
        first_path: &str,
        offers: impl Iterator<Item = &'a Offer>,
    ) -> Result<Vec<ListPage<Value>>> {
        let entries = self
            .by_time(offers)
            .into_iter()
            .map(|o| Ok((self.month_key(o)?, self.card_value(o))))
            .collect::<Result<_>>()?;
        Ok(paging::paginate(first_path, entries))
    }

    /// Renders every page of a paginated list with `template`: each sees `pager`, `groups`
    /// (its entries under their headings), `jumps` (the list's index) and the fields of `extra`.
    /// `meta` gives a page's metadata from its path and number.
    pub fn list_pages<T: Serialize + Sync, E: Serialize + Sync>(
        &self,
        out: &mut dyn Sink,
        template: &str,
        pages: &[ListPage<T>],
        meta: impl Fn(&str, usize) -> Result<Meta> + Sync,
        extra: &E,
    ) -> Result<()> {
        let jumps = paging::jumps(pages);
        self.pages(out, pages, |page| {
            self.list_page(template, page, &jumps, meta(&page.path, page.pager.number)?, extra)
        })
    }

    /// `meta` of page n of a list: "— page n sur N" in its title past page 1, its `prev`/`next`.
    pub fn paged_meta(&self, mut meta: Meta, pager: &paging::Pager) -> Result<Meta> {
        if pager.number > 1 {
            let (n, count) = (pager.number.to_string(), pager.count.to_string());
            meta.title =
                self.cat.fill("paging.title", &[("title", &meta.title), ("n", &n), ("count", &count)])?;
        }
        meta.prev = pager.prev.clone();
        meta.next = pager.next.clone();
        Ok(meta)
    }

    /// Renders one page of a paginated list (see [`Site::list_pages`]), whose index is `jumps`:
    /// `meta` gets the page's number in its title and its `prev`/`next` links.
    pub fn list_page<T: Serialize, E: Serialize>(
        &self,
        template: &str,
        page: &ListPage<T>,
        jumps: &[paging::Jump],
        meta: Meta,
        extra: &E,
    ) -> Result<Rendered> {
        let meta = self.paged_meta(meta, &page.pager)?;
        let data = ListData { pager: &page.pager, groups: &page.groups, jumps, extra };
        self.render_page(template, meta, data)
    }

    /// The cards of the current (not ended) offers among `offers`, soonest first.
    pub fn current_cards(&self, offers: impl Iterator<Item = &'a Offer>) -> Vec<Value> {
        self.cards_by_time(offers.filter(|o| self.charter.is_current(o)))
    }

    /// The cards of some offers, in the given order, as template values.
    pub fn cards_of(&self, offers: impl Iterator<Item = &'a Offer>) -> Vec<Value> {
        offers.map(|o| self.card_value(o)).collect()
    }

    /// Breadcrumbs from the home page: each `(label, path)` linked, then `here` unlinked.
    pub fn crumbs(&self, trail: &[(&str, &str)], here: &str) -> Result<Vec<Crumb>> {
        let mut crumbs =
            vec![Crumb { label: self.cat.get("nav.home")?.to_owned(), path: Some("index.html".into()) }];
        crumbs.extend(
            trail
                .iter()
                .map(|(label, path)| Crumb { label: (*label).to_owned(), path: Some((*path).to_owned()) }),
        );
        crumbs.push(Crumb { label: here.to_owned(), path: None });
        Ok(crumbs)
    }

    /// A page's metadata with the usual defaults (no explorer, no JSON-LD).
    pub fn meta(
        &self,
        path: impl Into<String>,
        title: impl Into<String>,
        section: &str,
        crumbs: Vec<Crumb>,
    ) -> Meta {
        Meta {
            path: path.into(),
            title: title.into(),
            description: self.config.description.clone(),
            section: section.to_owned(),
            crumbs,
            explorer: false,
            jsonld: None,
            correction: None,
            correction_text: None,
            prev: None,
            next: None,
        }
    }

    /// Renders `template` with `page` = `meta`, `root`, and the fields of `data`, to `meta.path`.
    pub fn page(&self, out: &mut dyn Sink, template: &str, meta: Meta, data: impl Serialize) -> Result<()> {
        let page = self.render_page(template, meta, data)?;
        out.put(&page.path, page.html.as_bytes())
    }

    /// [`Site::page`] with links prefixed by `root` instead of the page's own way back to the
    /// site root (for `404.html`, served at any depth).
    pub fn page_rooted(
        &self,
        out: &mut dyn Sink,
        template: &str,
        meta: Meta,
        root: &str,
        data: impl Serialize,
    ) -> Result<()> {
        let html = self.render_with_root(template, &meta, root, data)?;
        out.put(&meta.path, html.as_bytes())
    }

    /// Renders a page without putting it (see [`Site::pages`]).
    pub fn render_page(&self, template: &str, meta: Meta, data: impl Serialize) -> Result<Rendered> {
        let root = links::root_of(&meta.path);
        let html = self.render_with_root(template, &meta, &root, data)?;
        Ok(Rendered { path: meta.path, html })
    }

    fn render_with_root(
        &self,
        template: &str,
        meta: &Meta,
        root: &str,
        data: impl Serialize,
    ) -> Result<String> {
        self.render(template, Value::from(Serde(PageContext { root, page: meta, data })))
            .with_context(|| format!("failed to render `{}`", meta.path))
    }

    /// Renders one page per item, on every core, and puts them in the items' order (so builds
    /// stay byte-identical whatever the number of threads).
    pub fn pages<T: Sync>(
        &self,
        out: &mut dyn Sink,
        items: &[T],
        one: impl Fn(&T) -> Result<Rendered> + Sync,
    ) -> Result<()> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len().max(1));
        for chunk in items.chunks(threads * 32) {
            let rendered: Vec<Result<Rendered>> = if threads == 1 {
                chunk.iter().map(&one).collect()
            } else {
                let one = &one;
                std::thread::scope(|scope| {
                    let workers: Vec<_> = chunk
                        .chunks(chunk.len().div_ceil(threads))
                        .map(|part| scope.spawn(move || part.iter().map(one).collect::<Vec<_>>()))
                        .collect();
                    workers
                        .into_iter()
                        .flat_map(|w| {
                            w.join().unwrap_or_else(|_| vec![Err(anyhow!("a render thread panicked"))])
                        })
                        .collect()
                })
            };
            let files: Vec<(String, Vec<u8>)> = rendered
                .into_iter()
                .map(|page| page.map(|p| (p.path, p.html.into_bytes())))
                .collect::<Result<_>>()?;
            out.put_all(&files)?;
        }
        Ok(())
    }

    /// Renders a template to a string; template errors carry minijinja's source excerpt.
    pub fn render(&self, template: &str, ctx: Value) -> Result<String> {
        self.env.get_template(template).and_then(|t| t.render(ctx)).map_err(|e| {
            // The excerpt for people; the error itself kept as the cause, for `trial`.
            let excerpt = format!("template `{template}`: {e:#}");
            anyhow::Error::new(e).context(excerpt)
        })
    }
}
