//! Long lists split into pages of about [`PER_PAGE`] entries (DESIGN.md "Site": no page grows
//! with the data, and a phone never scrolls through 40,000 px).
//!
//! A list is a sequence of entries already in reading order, each filed under a group (a letter,
//! a month, a district). [`paginate`] cuts it into pages, each with its [`Pager`] (previous,
//! next, numbered links) and its entries regrouped under their headings; [`jumps`] is the list's
//! index: where each group starts, page and anchor, so the A–Z bar or the month bar of every page
//! reaches any group in one click.
//!
//! Page 1 is the list's own address (`offers/index.html`); page `n` sits in a `page/` folder
//! beside it (`offers/page/2.html`, `districts/bressoux/page/2.html`).

use serde::Serialize;

/// Entries a page holds.
pub const PER_PAGE: usize = 50;

/// The numbered links a pager shows on each side of the current page (then an ellipsis).
const AROUND: usize = 2;

/// The site path of page `n` (from 1) of the list whose first page is `first`.
pub fn page_path(first: &str, n: usize) -> String {
    if n <= 1 {
        return first.to_owned();
    }
    let folder = first.strip_suffix("/index.html").unwrap_or_else(|| first.trim_end_matches(".html"));
    format!("{folder}/page/{n}.html")
}

/// The group an entry is filed under: its anchor on the page (`lettre-a`, `mois-2027-01`) and
/// its heading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Key {
    pub anchor: String,
    pub heading: String,
}

impl Key {
    /// The group of an A–Z list a name's initial files it under (see
    /// [`initial`](super::views::initial)): `A` at `#lettre-a`, digits and signs at `#lettre-0`.
    pub fn letter(letter: char) -> Key {
        let anchor =
            if letter == '#' { "lettre-0".into() } else { format!("lettre-{}", letter.to_ascii_lowercase()) };
        Key { anchor, heading: letter.to_string() }
    }
}

/// Entries under one heading, on one page.
#[derive(Debug, Serialize)]
pub struct Group<T> {
    pub anchor: String,
    pub heading: String,
    /// Whether the group began on an earlier page (the heading then says "continued").
    pub continued: bool,
    pub entries: Vec<T>,
}

/// A link of the pager: a page number and its path, `None` for the current page; `gap` is an
/// ellipsis standing for the pages left out.
#[derive(Debug, Serialize)]
pub struct PageLink {
    pub number: usize,
    pub path: Option<String>,
    pub gap: bool,
}

/// Where a page stands in its list, and the links to the others.
#[derive(Debug, Serialize)]
pub struct Pager {
    pub number: usize,
    pub count: usize,
    /// The list's entries, all pages together.
    pub total: usize,
    /// The range of entries this page shows, from 1 (`51`–`100`).
    pub first: usize,
    pub last: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub links: Vec<PageLink>,
}

impl Pager {
    fn new(first_path: &str, number: usize, count: usize, total: usize, per_page: usize) -> Pager {
        let path = |n: usize| page_path(first_path, n);
        let shown = |n: usize| n == 1 || n == count || n.abs_diff(number) <= AROUND;
        let mut links: Vec<PageLink> = Vec::new();
        for n in 1..=count {
            if shown(n) {
                links.push(PageLink { number: n, path: (n != number).then(|| path(n)), gap: false });
            } else if links.last().is_none_or(|l| !l.gap) {
                links.push(PageLink { number: n, path: None, gap: true });
            }
        }
        Pager {
            number,
            count,
            total,
            first: ((number - 1) * per_page + 1).min(total),
            last: (number * per_page).min(total),
            prev: (number > 1).then(|| path(number - 1)),
            next: (number < count).then(|| path(number + 1)),
            links,
        }
    }
}

/// One page of a list.
#[derive(Debug, Serialize)]
pub struct ListPage<T> {
    pub path: String,
    pub pager: Pager,
    pub groups: Vec<Group<T>>,
}

/// A group's first page, for the list's index.
#[derive(Clone, Debug, Serialize)]
pub struct Jump {
    pub heading: String,
    /// `offers/page/3.html#mois-2027-01`.
    pub path: String,
    pub entries: usize,
}

/// Cuts `entries` (in reading order, each with its group) into pages of [`PER_PAGE`]; always at
/// least one page, so an empty list still has its address.
pub fn paginate<T>(first_path: &str, entries: Vec<(Key, T)>) -> Vec<ListPage<T>> {
    paginate_by(first_path, entries, PER_PAGE)
}

/// [`paginate`] with `per_page` entries a page (the catalogue's chapters are long).
pub fn paginate_by<T>(first_path: &str, entries: Vec<(Key, T)>, per_page: usize) -> Vec<ListPage<T>> {
    let per_page = per_page.max(1);
    let total = entries.len();
    let count = total.div_ceil(per_page).max(1);
    let mut pages: Vec<ListPage<T>> = (1..=count)
        .map(|n| ListPage {
            path: page_path(first_path, n),
            pager: Pager::new(first_path, n, count, total, per_page),
            groups: Vec::new(),
        })
        .collect();
    let mut previous: Option<Key> = None;
    for (i, (key, entry)) in entries.into_iter().enumerate() {
        let page = &mut pages[i / per_page];
        let same_group = previous.as_ref() == Some(&key);
        if page.groups.is_empty() || !same_group {
            page.groups.push(Group {
                anchor: key.anchor.clone(),
                heading: key.heading.clone(),
                continued: same_group,
                entries: Vec::new(),
            });
        }
        if let Some(group) = page.groups.last_mut() {
            group.entries.push(entry);
        }
        previous = Some(key);
    }
    pages
}

/// The index of a paginated list: each group once, linked to the page where it begins, with
/// how many entries it has in all.
pub fn jumps<T>(pages: &[ListPage<T>]) -> Vec<Jump> {
    let mut jumps: Vec<Jump> = Vec::new();
    for page in pages {
        for group in &page.groups {
            match jumps.last_mut() {
                Some(last) if group.continued => last.entries += group.entries.len(),
                _ => jumps.push(Jump {
                    heading: group.heading.clone(),
                    path: format!("{}#{}", page.path, group.anchor),
                    entries: group.entries.len(),
                }),
            }
        }
    }
    jumps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(letter: &str) -> Key {
        Key { anchor: format!("lettre-{letter}"), heading: letter.to_uppercase() }
    }

    // Page 1 keeps the list's address; later pages go into a `page/` folder beside it.
    #[test]
    fn page_paths() {
        assert_eq!(page_path("offers/index.html", 1), "offers/index.html");
        assert_eq!(page_path("offers/index.html", 2), "offers/page/2.html");
        assert_eq!(page_path("districts/bressoux.html", 3), "districts/bressoux/page/3.html");
    }

    // 120 entries make pages of 50, 50 and 20; a group cut by a page break continues on the
    // next page, and the index counts it once with all its entries.
    #[test]
    fn groups_across_pages() {
        let entries: Vec<(Key, usize)> = (0..120).map(|i| (key(if i < 70 { "a" } else { "b" }), i)).collect();
        let pages = paginate("operators/index.html", entries);
        let sizes: Vec<usize> =
            pages.iter().map(|p| p.groups.iter().map(|g| g.entries.len()).sum()).collect();
        assert_eq!(sizes, [50, 50, 20]);
        assert!(!pages[0].groups[0].continued);
        assert!(pages[1].groups[0].continued);
        assert_eq!(pages[1].groups[1].heading, "B");
        assert_eq!(pages[1].pager.first, 51);
        assert_eq!(pages[2].pager.last, 120);
        let index = jumps(&pages);
        assert_eq!(index.len(), 2);
        assert_eq!(index[0].entries, 70);
        assert_eq!(index[1].path, "operators/page/2.html#lettre-b");
        assert_eq!(index[1].entries, 50);
    }

    // An empty list still has its first page, with no links to other pages.
    #[test]
    fn empty_list_has_one_page() {
        let pages = paginate::<u8>("venues/index.html", Vec::new());
        assert_eq!(pages.len(), 1);
        assert!(pages[0].pager.prev.is_none() && pages[0].pager.next.is_none());
    }

    // The pager shows the first, the last and two on each side of the current page, with one
    // ellipsis for each run left out.
    #[test]
    fn pager_elides_far_pages() {
        let pager = Pager::new("offers/index.html", 10, 20, 1000, PER_PAGE);
        let shown: Vec<String> =
            pager.links.iter().map(|l| if l.gap { "…".into() } else { l.number.to_string() }).collect();
        assert_eq!(shown, ["1", "…", "8", "9", "10", "11", "12", "…", "20"]);
        assert!(pager.links.iter().find(|l| l.number == 10).is_some_and(|l| l.path.is_none()));
        assert_eq!(pager.prev.as_deref(), Some("offers/page/9.html"));
    }
}
