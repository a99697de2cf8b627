//! What the render tests share: a small hand-built charter (every kind of offer the pages treat
//! differently: an event this week, a season, a weekly activity, a full one, a cancelled one, a
//! past one), a configuration in either language, and helpers to render into memory.

use chrono::NaiveDate;
use passerelle::config::Config;
use passerelle::model::{
    Charter, District, DistrictScope, Offer, Operator, Partnership, Price, Records, Shape, Status, Venue,
};
use passerelle::vocabulary::Vocabularies;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The pinned day of every render test.
pub fn today() -> NaiveDate {
    day(2026, 11, 21)
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// The project folder of the fixture: `content/` with a home text and one editorial page.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/render")
}

/// A configuration in `language` ("fr" or "en").
pub fn config(language: &str) -> Config {
    Config::parse(&format!(
        "title = \"Charte de coopération culturelle — Bressoux et Droixhe\"\n\
         description = \"Les offres culturelles des quartiers.\"\n\
         language = \"{language}\"\n\
         data_language = \"fr\"\n\
         base_url = \"https://charte.example.org/\"\n\
         [coordination]\nname = \"Ville — coordination de la charte\"\nemail = \"charte@example.org\"\n\
         phone = \"+32 4 221 00 00\"\naddress = \"Hôtel de Ville, 4000 Liège\"\n"
    ))
    .expect("test config")
}

fn square(id: &str, lon: f64, lat: f64) -> Shape {
    let d = 0.01;
    let ring = vec![(lon, lat), (lon + d, lat), (lon + d, lat + d), (lon, lat + d), (lon, lat)];
    Shape { district: id.into(), polygons: vec![vec![ring]] }
}

fn district(id: &str, name: &str, population: Option<u32>, priority: bool) -> District {
    District {
        id: id.into(),
        name: name.into(),
        city: "Liège".into(),
        summary: format!("Le quartier de {name}."),
        population,
        priority,
        ..Default::default()
    }
}

fn operator(id: &str, name: &str, kind: &str, district: Option<&str>) -> Operator {
    Operator {
        id: id.into(),
        name: name.into(),
        kind: kind.into(),
        district: district.map(Into::into),
        address: "rue du Moulin 84".into(),
        postcode: "4020".into(),
        city: "Liège".into(),
        website: Some(format!("https://{id}.example.org")),
        email: Some(format!("contact@{id}.example.org")),
        phone: Some("+32 4 264 00 00".into()),
        summary: format!("{name} en une phrase."),
        description: format!("{name} propose des **ateliers** toute l’année."),
        signed_charter_on: Some(day(2010, 6, 15)),
        updated_on: Some(day(2026, 9, 1)),
        ..Default::default()
    }
}

fn venue(id: &str, name: &str, kind: &str, district: &str, operator: &str, lon: f64, lat: f64) -> Venue {
    Venue {
        id: id.into(),
        name: name.into(),
        kind: kind.into(),
        district: Some(district.into()),
        address: "place de l’Église 1".into(),
        postcode: "4020".into(),
        city: "Liège".into(),
        lat: Some(lat),
        lon: Some(lon),
        operator: Some(operator.into()),
        accessibility: vec!["wheelchair".into()],
        opening_hours: "du mardi au samedi, 10h–18h".into(),
        updated_on: Some(day(2026, 10, 1)),
        ..Default::default()
    }
}

fn offer(id: &str, title: &str, operator: &str, venue: &str) -> Offer {
    Offer {
        id: id.into(),
        title: title.into(),
        operator: operator.into(),
        venue: Some(venue.into()),
        disciplines: vec!["music".into()],
        audiences: vec!["families".into()],
        summary: format!("{title} : une phrase pour le dire."),
        description: "Un texte en **Markdown**.\n\n- une liste\n- de points".into(),
        price: Some(Price::Free),
        booking: "https://reservation.example.org/".into(),
        languages: vec!["fr".into()],
        updated_on: Some(day(2026, 11, 1)),
        ..Default::default()
    }
}

/// The fixture's records, before linking (tests that need hostile text edit them).
pub fn records() -> Records {
    let mut mj = operator("mj-bressoux", "Maison de jeunes de Bressoux", "association", Some("bressoux"));
    mj.phone = None;
    mj.description = String::new();
    mj.updated_on = Some(day(2024, 5, 2));
    let orchestre = operator("orchestre", "Orchestre philharmonique", "institution", None);
    let biblio =
        operator("bibliotheque-droixhe", "Bibliothèque de Droixhe", "public_service", Some("droixhe"));
    let venues = vec![
        venue(
            "hall-bressoux",
            "Hall omnisports de Bressoux",
            "sports_hall",
            "bressoux",
            "mj-bressoux",
            5.605,
            50.645,
        ),
        venue(
            "bibliotheque-droixhe",
            "Bibliothèque de Droixhe",
            "library",
            "droixhe",
            "bibliotheque-droixhe",
            5.615,
            50.655,
        ),
    ];
    let concert = Offer {
        partners: vec!["mj-bressoux".into()],
        starts_on: Some(day(2026, 11, 25)),
        ends_on: Some(day(2026, 11, 25)),
        schedule: "mercredi 25 novembre, 15h".into(),
        start_time: Some(15 * 60),
        age_min: Some(6),
        accessibility: vec!["hearing_loop".into()],
        ..offer("concert-hall", "Concert au hall omnisports", "orchestre", "hall-bressoux")
    };
    let atelier = Offer {
        audiences: vec!["youth".into()],
        disciplines: vec!["writing".into()],
        starts_on: Some(day(2026, 9, 1)),
        ends_on: Some(day(2027, 6, 30)),
        days: passerelle::load::when::days("mercredi").expect("days"),
        start_time: Some(14 * 60),
        end_time: Some(16 * 60),
        except: passerelle::load::when::except("vacances_scolaires").expect("except"),
        age_min: Some(12),
        age_max: Some(18),
        price: Some(Price::PayWhatYouCan),
        price_detail: "2 € conseillés".into(),
        booking: "+32 4 264 12 12".into(),
        ..offer("atelier-slam", "Atelier slam", "mj-bressoux", "hall-bressoux")
    };
    let lecture = Offer {
        audiences: vec!["children".into(), "families".into()],
        disciplines: vec!["reading".into()],
        days: passerelle::load::when::days("samedi").expect("days"),
        start_time: Some(10 * 60),
        districts: DistrictScope::Listed(vec!["droixhe".into(), "bressoux".into()]),
        booking: "bibliotheque@example.org".into(),
        ..offer("heure-du-conte", "L’heure du conte", "bibliotheque-droixhe", "bibliotheque-droixhe")
    };
    let complet = Offer {
        status: Status::Full,
        starts_on: Some(day(2027, 1, 15)),
        ends_on: Some(day(2027, 1, 17)),
        price: Some(Price::Paid),
        price_detail: "5 €".into(),
        districts: DistrictScope::All,
        ..offer("voyage-musee", "Voyage au musée", "orchestre", "bibliotheque-droixhe")
    };
    let annule = Offer {
        status: Status::Cancelled,
        starts_on: Some(day(2026, 12, 12)),
        ..offer("bal-annule", "Bal de la Saint-Nicolas", "mj-bressoux", "hall-bressoux")
    };
    let passe = Offer {
        starts_on: Some(day(2026, 6, 21)),
        ..offer("fete-musique", "Fête de la musique", "mj-bressoux", "hall-bressoux")
    };
    Records {
        districts: vec![
            district("bressoux", "Bressoux", Some(9120), true),
            district("droixhe", "Droixhe", Some(5240), true),
            district("outremeuse", "Outremeuse", None, false),
        ],
        operators: vec![mj, orchestre, biblio],
        venues,
        offers: vec![concert, atelier, lecture, complet, annule, passe],
        partnerships: vec![Partnership {
            id: "musique-a-bressoux".into(),
            title: "La musique à Bressoux".into(),
            operators: vec!["orchestre".into(), "mj-bressoux".into()],
            offers: vec!["concert-hall".into(), "atelier-slam".into()],
            districts: vec!["bressoux".into()],
            starts_on: Some(day(2026, 9, 1)),
            ends_on: Some(day(2027, 6, 30)),
            summary: "L’orchestre et la maison de jeunes, ensemble pour une saison.".into(),
            description: "Une saison de concerts et d’ateliers.".into(),
            ..Default::default()
        }],
        shapes: vec![square("bressoux", 5.60, 50.64), square("droixhe", 5.61, 50.65)],
        holidays: vec![passerelle::model::records::Holiday {
            id: "noel-2026".into(),
            name: "Vacances d’hiver".into(),
            starts_on: Some(day(2026, 12, 21)),
            ends_on: Some(day(2027, 1, 3)),
            ..Default::default()
        }],
        ..Default::default()
    }
}

/// The fixture charter, linked, on the pinned day.
pub fn charter() -> Charter {
    Charter::new(records(), Vocabularies::builtin(), today())
}

/// Every file the render stage writes for `charter`, by site path.
pub fn render(charter: &Charter, config: &Config, root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    passerelle::render::render_to(charter, &content(config, root), &mut out)
        .unwrap_or_else(|e| panic!("render failed: {e:#}"));
    out
}

/// What `load` reads of `root/content/` (pages, overrides), with `config` as site.toml.
pub fn content(config: &Config, root: &Path) -> passerelle::load::content::Content {
    let mut diagnostics = passerelle::Diagnostics::default();
    let content = passerelle::load::content::read(root, config.clone(), &mut diagnostics).expect("reads");
    assert!(!diagnostics.has_errors(), "{diagnostics:?}");
    content
}

/// The HTML pages among the rendered files, as text.
pub fn pages(files: &BTreeMap<String, Vec<u8>>) -> BTreeMap<&str, String> {
    files
        .iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path.as_str(), String::from_utf8(bytes.clone()).expect("UTF-8 page")))
        .collect()
}

/// The `<main>` element of a page, as written.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>") + "</main>".len();
    &html[start..end]
}

/// The real tags of a page (`<name …>`; escaped `&lt;…` text is not a tag), without `<` `>`.
pub fn tags(html: &str) -> Vec<&str> {
    html.match_indices('<')
        .map(|(i, _)| &html[i + 1..])
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_alphabetic()))
        .map(|rest| &rest[..rest.find('>').unwrap_or(rest.len())])
        .collect()
}

/// The attribute names of a tag (quoted values taken out first).
pub fn attribute_names(tag: &str) -> Vec<String> {
    let mut unquoted = String::new();
    let mut in_quotes = false;
    for c in tag.chars() {
        if c == '"' {
            in_quotes = !in_quotes;
        } else if !in_quotes {
            unquoted.push(c);
        }
    }
    unquoted
        .split_whitespace()
        .skip(1)
        .map(|a| a.split('=').next().unwrap_or_default().to_ascii_lowercase())
        .collect()
}

/// Every `href` and `src` attribute value of the page's tags (text that merely looks like a tag,
/// `&lt;a href="…"&gt;`, is not a tag), entity-decoded the way a browser would for the
/// characters our escaping produces.
pub fn urls(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for tag in tags(html) {
        for attr in [" href=\"", " src=\""] {
            let mut scan = tag;
            while let Some(j) = scan.find(attr) {
                scan = &scan[j + attr.len()..];
                let end = scan.find('"').unwrap_or(scan.len());
                found.push(decode(&scan[..end]));
                scan = &scan[end..];
            }
        }
    }
    found
}

fn decode(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}
