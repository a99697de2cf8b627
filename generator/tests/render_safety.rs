//! Safety of the rendered pages: markup in any CSV text field comes out escaped on every page,
//! a `javascript:` (or any non-web) URL never reaches an `href`, and every internal link of the
//! shipped data set's site leads to a file the build writes.

mod support;

use passerelle::model::{Charter, DistrictScope};
use passerelle::vocabulary::Vocabularies;
use std::collections::BTreeMap;
use support::render::{attribute_names, config, pages, records, render, root, tags, today, urls};

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "\"><img src=x onerror=alert(2)>";
const QUOTE: &str = "' onmouseover='alert(3)";

/// A hostile text: every payload at once, with Markdown that tries raw HTML too.
fn hostile(label: &str) -> String {
    format!(
        "{label} {SCRIPT} {IMG} {QUOTE} <a href=\"javascript:alert(4)\">x</a> [lien](javascript:alert(5))"
    )
}

/// The fixture with markup in every text field of every table, and javascript: in every URL field.
fn hostile_charter() -> Charter {
    let mut r = records();
    for d in &mut r.districts {
        d.name = hostile(&d.name);
        d.summary = hostile("résumé");
        d.city = hostile("ville");
    }
    for o in &mut r.operators {
        o.name = hostile(&o.name);
        o.address = hostile("adresse");
        o.postcode = hostile("cp");
        o.city = hostile("ville");
        o.summary = hostile("résumé");
        o.description = hostile("description");
        o.website = Some("javascript:alert(6)".into());
        o.email = Some("x@example.org\"><script>alert(7)</script>".into());
        o.phone = Some("javascript:alert(8)".into());
    }
    for v in &mut r.venues {
        v.name = hostile(&v.name);
        v.address = hostile("adresse");
        v.postcode = hostile("cp");
        v.city = hostile("ville");
        v.opening_hours = hostile("horaires");
        v.website = Some("JavaScript:alert(9)".into());
    }
    for (i, f) in r.offers.iter_mut().enumerate() {
        f.title = hostile(&f.title);
        f.summary = hostile("résumé");
        f.description = hostile("description");
        f.schedule = hostile("horaire");
        f.price_detail = hostile("tarif");
        f.booking = [
            "javascript:alert(10)",
            " jAvAsCrIpT:alert(11)",
            "data:text/html,<script>alert(12)</script>",
            "java\tscript:alert(13)",
        ][i % 4]
            .into();
        f.languages = vec![hostile("langue")];
        f.audiences.push(hostile("public"));
        f.districts = DistrictScope::All;
    }
    for p in &mut r.partnerships {
        p.title = hostile(&p.title);
        p.summary = hostile("résumé");
        p.description = hostile("description");
    }
    Charter::new(r, Vocabularies::builtin(), today())
}

// Markup in every CSV text field (names, titles, summaries, Markdown descriptions, schedules,
// prices, addresses, opening hours, unknown vocabulary codes…) comes out escaped on every page.
#[test]
fn markup_in_data_is_escaped_everywhere() {
    let charter = hostile_charter();
    for language in ["fr", "en"] {
        let files = render(&charter, &config(language), &root());
        for (path, html) in pages(&files) {
            for needle in ["<script>alert", "<img src=x", "\"><img", "<a href=\"javascript"] {
                assert!(!html.contains(needle), "{path} ({language}): `{needle}` reached the page unescaped");
            }
            for tag in tags(&html) {
                let names = attribute_names(tag);
                assert!(
                    !names.iter().any(|n| n.starts_with("on")),
                    "{path} ({language}): an event attribute in <{tag}>"
                );
            }
            assert!(
                html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || !html.contains("alert(1)"),
                "{path}: the text is shown, escaped"
            );
            // JSON-LD holds the same text: it must not be able to close its <script>.
            for block in html.split("<script type=\"application/ld+json\">").skip(1) {
                let json = block.split("</script>").next().unwrap_or_default();
                assert!(!json.contains('<'), "{path}: JSON-LD carries a raw `<`");
                serde_json::from_str::<serde_json::Value>(json)
                    .unwrap_or_else(|e| panic!("{path}: JSON-LD does not parse: {e}"));
            }
        }
    }
}

// No href or src ever starts with javascript:, data: or any scheme but http(s), mailto and tel;
// internal ones are relative (never `/…` nor `//host`).
#[test]
fn only_safe_urls_reach_attributes() {
    let charter = hostile_charter();
    let files = render(&charter, &config("fr"), &root());
    if let Ok(dir) = std::env::var("RENDER_DUMP") {
        for (path, bytes) in &files {
            let file = std::path::Path::new(&dir).join(path);
            std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
            std::fs::write(file, bytes).expect("write");
        }
    }
    for (path, html) in pages(&files) {
        for url in urls(&html) {
            let squeezed: String = url
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            let scheme =
                squeezed.split([':', '/', '?', '#']).next().filter(|_| squeezed.contains(':')).unwrap_or("");
            let has_scheme = squeezed.find(':').is_some_and(|i| !squeezed[..i].contains(['/', '?', '#']));
            if has_scheme && path == "404.html" && is_own_icon(&url) {
                // The 404 page is served at any depth, so its icon is inlined (else the browser
                // asks for /favicon.ico at the host's root): the site's own SVG, nothing else.
                continue;
            }
            if has_scheme {
                // webcal: the calendar feeds' subscribe links (an https URL a calendar app opens).
                let safe = ["http", "https", "mailto", "tel", "webcal"];
                assert!(safe.contains(&scheme), "{path}: unsafe URL `{url}`");
            } else if path != "404.html" {
                assert!(!url.starts_with('/'), "{path}: root-absolute or protocol-relative URL `{url}`");
            }
        }
    }
}

/// Whether `url` is the site's icon (`generator/static/icon.svg`) as a `data:` URL.
fn is_own_icon(url: &str) -> bool {
    url.strip_prefix("data:image/svg+xml,")
        .and_then(|data| percent_encoding::percent_decode_str(data).decode_utf8().ok())
        .is_some_and(|svg| svg == include_str!("../static/icon.svg"))
}

// Every internal link of the site built from the shipped data set leads to a file of the build
// (pages, theme files) or to one the index, export and print stages write (data/, feed.xml,
// .ics, the PDFs).
#[test]
fn internal_links_resolve_on_the_shipped_data() {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let options = passerelle::Options { today: today() };
    let checked = passerelle::check(&repo, &options).expect("check runs");
    let charter = checked.charter.expect("the shipped data has no error");
    let config = passerelle::config::Config::load(&repo).expect("content/site.toml");
    let files = render(&charter, &config, &repo);
    let written = |target: &str| {
        files.contains_key(target)
            || target.starts_with("data/")
            || target.starts_with("assets/explorer")
            || target == "feed.xml"
            || target == "requests/feed.xml"
            || (target.starts_with("offers/") && target.ends_with(".ics"))
            || (target.starts_with("calendars/") && target.ends_with(".ics"))
            // The print stage's documents: the catalogue and each district's poster.
            || target == passerelle::print::CATALOGUE
            || charter.districts.iter().any(|d| target == passerelle::print::poster_path(&d.id))
    };
    let mut broken = BTreeMap::new();
    for (path, html) in pages(&files) {
        if path == "404.html" {
            continue;
        }
        for url in urls(&html) {
            if url.contains(':') || url.starts_with('#') {
                continue;
            }
            let target = resolve(path, url.split('#').next().unwrap_or_default());
            if !written(&target) {
                broken.entry(path.to_owned()).or_insert_with(Vec::new).push(url);
            }
        }
    }
    assert!(broken.is_empty(), "broken internal links: {broken:#?}");
}

/// `href` written on the page at `page`, as a site path.
fn resolve(page: &str, href: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for segment in href.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    if href.ends_with('/') || joined.is_empty() {
        format!("{joined}/index.html").trim_start_matches('/').to_owned()
    } else {
        joined
    }
}
