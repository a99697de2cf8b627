//! `--suggest`: a draft mapping (TOML) from a source's headers and a sample of its values.
//!
//! Each header is matched to the table's canonical columns, their French aliases and the
//! names open data uses (`nom_officiel`, `cp`, `commune`, `coordonnees`…), folded, then by
//! strsim similarity; a column whose values are all coordinate pairs becomes `"lat,lon"`; a
//! column of unique values named like an id becomes `[source] key`; vocabulary columns get a
//! value map proposed from their distinct values. Every guess says so in a comment, and what
//! the coordinator must decide is left commented out, so the draft parses as it is.

use super::apply::split_pair;
use super::normalize::{find_code, Context};
use crate::diagnostics::suggest::closest;
use crate::load::rows::Row;
use crate::load::tables::Table;
use crate::vocabulary::Vocabulary;
use passerelle_index::fold::key as fold;
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// How many rows are sampled.
const SAMPLE: usize = 200;

/// Names open-data listings give canonical columns (folded), beyond the tables' aliases.
const SYNONYMS: [(&str, &[&str]); 14] = [
    (
        "name",
        &[
            "nom_officiel",
            "denomination",
            "raison_sociale",
            "libelle",
            "nom_du_lieu",
            "nom_structure",
            "intitule",
        ],
    ),
    ("title", &["intitule", "nom_evenement", "libelle", "titre_evenement"]),
    ("kind", &["categorie", "type_structure", "nature", "type_lieu", "famille"]),
    ("address", &["adresse_postale", "voie", "rue", "adresse_1"]),
    ("postcode", &["cp", "codepostal", "code_postal_commune", "code_post"]),
    ("city", &["commune", "localite", "nom_commune"]),
    ("phone", &["tel", "telephone_fixe", "numero_telephone"]),
    ("email", &["mail", "adresse_mail", "adresse_electronique", "courriel_contact"]),
    ("website", &["site_internet", "url", "site_web_officiel", "lien"]),
    ("summary", &["presentation", "accroche", "description_courte"]),
    ("description", &["description_longue", "texte"]),
    ("lat", &["lat", "y"]),
    ("lon", &["long", "x"]),
    ("opening_hours", &["horaires_ouverture", "heures_ouverture"]),
];

/// Words of a header that name a canonical column (`Nom de l'équipement` → `name`).
const WORDS: [(&str, &[&str]); 14] = [
    ("name", &["nom", "name", "denomination"]),
    ("title", &["titre", "title", "intitule"]),
    ("kind", &["type", "categorie", "nature", "forme", "secteur"]),
    ("address", &["adresse", "address", "rue"]),
    ("postcode", &["cp", "postal", "postcode"]),
    ("city", &["commune", "ville", "localite"]),
    ("phone", &["telephone", "tel", "phone"]),
    ("email", &["courriel", "mail", "email"]),
    ("website", &["site", "web", "url", "internet"]),
    ("lat", &["latitude", "lat"]),
    ("lon", &["longitude", "lon", "lng"]),
    ("summary", &["resume", "presentation", "objet"]),
    ("opening_hours", &["horaires", "ouverture"]),
    ("updated_on", &["maj", "mise", "actualisation", "modification"]),
];

/// Headers that hold both coordinates, even when the sample is empty.
const PAIR_NAMES: [&str; 5] =
    ["coordonnees", "geolocalisation", "geo_point", "coordonnees_gps", "geo_point_2d"];

/// The draft mapping for `header` and `rows` of source `name` into `table`.
pub fn suggest(
    table: &Table,
    name: &str,
    sheet: Option<&str>,
    header: &Row,
    rows: &[Row],
    context: &Context,
) -> String {
    let sample: Vec<&Row> = rows.iter().take(SAMPLE).collect();
    let values = |i: usize| sample.iter().filter_map(move |r| r.cells.get(i)).map(|c| c.value.as_str());
    let headers: Vec<&str> = header.cells.iter().map(|c| c.value.as_str()).collect();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Draft mapping for importing {name} into {} (passerelle import --suggest).",
        table.name
    );
    let _ =
        writeln!(out, "# Lines marked \"guess\" were matched by name or by the values seen: check them.\n");
    let _ = writeln!(out, "[source]\nname = {}", quote(&passerelle_index::fold::slug(name)));
    let key = key_column(&headers, &values);
    match key {
        Some(i) => {
            let _ = writeln!(out, "key = {}  # guess: unique values, named like an id", quote(headers[i]));
        }
        None => {
            let _ = writeln!(
                out,
                "# key = \"…\"  # the source's own id column: without it, records are matched by name"
            );
        }
    }
    if let Some(sheet) = sheet {
        let _ = writeln!(out, "sheet = {}", quote(sheet));
    }
    let mut taken = BTreeSet::new();
    let mut lines = Vec::new();
    for (i, &h) in headers.iter().enumerate() {
        if h.is_empty() {
            continue;
        }
        if is_pair(h, values(i)) && !taken.contains("lat") {
            taken.extend(["lat", "lon"]);
            lines.push(format!("\"lat,lon\" = {}  # guess: \"latitude, longitude\" in one cell", quote(h)));
            continue;
        }
        // The source's key is its own id, not a slug: ids are made from the names.
        let usable = |c: &&str| !(taken.contains(c) || (*c == "id" && key == Some(i)));
        let Some((column, exact)) = canonical(h, table).filter(|(c, _)| usable(c)) else { continue };
        taken.insert(column);
        let note = if exact { "" } else { "  # guess" };
        match vocabulary(table.name, column, context) {
            Some(vocabulary) => lines.push(value_map(column, h, values(i), vocabulary, note)),
            None => lines.push(format!("{column} = {}{note}", quote(h))),
        }
    }
    let _ = writeln!(out, "\n[filter]  # keep only the rows whose column holds one of the values");
    let _ = writeln!(out, "# {} = [\"…\"]", quote(headers.first().copied().unwrap_or("column")));
    let _ = writeln!(out, "\n[columns]");
    for line in &lines {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "\n[defaults]  # values for the columns the source lacks");
    for column in table.columns.iter().filter(|c| c.required && c.name != "id" && !taken.contains(c.name)) {
        let _ = writeln!(out, "# {} = \"…\"  # required: no column of the source matched", column.name);
    }
    if !taken.contains("city") && table.columns.iter().any(|c| c.name == "city") {
        let _ = writeln!(out, "# city = \"…\"");
    }
    out
}

/// The canonical column a header names, and whether it is an exact (folded) match.
fn canonical(header: &str, table: &Table) -> Option<(&'static str, bool)> {
    let folded = fold(header);
    for column in table.columns {
        if std::iter::once(column.name).chain(column.aliases.iter().copied()).any(|n| fold(n) == folded) {
            return (column.name != "source").then_some((column.name, true));
        }
    }
    for (name, synonyms) in SYNONYMS {
        if synonyms.contains(&folded.as_str()) && table.columns.iter().any(|c| c.name == name) {
            return Some((table.columns.iter().find(|c| c.name == name)?.name, false));
        }
    }
    let words: Vec<&str> = folded.split('_').collect();
    for (name, names) in WORDS {
        if names.iter().any(|w| words.contains(w)) {
            if let Some(column) = table.columns.iter().find(|c| c.name == name) {
                return Some((column.name, false));
            }
        }
    }
    let names: Vec<&str> = table.column_names().filter(|n| *n != "source" && n.len() > 2).collect();
    let close = closest(header, names.iter().copied())?;
    let column = table
        .columns
        .iter()
        .find(|c| std::iter::once(c.name).chain(c.aliases.iter().copied()).any(|n| n == close))?;
    Some((column.name, false))
}

/// Whether every non-empty sampled value is a coordinate pair (or the header says so).
fn is_pair<'a>(header: &str, mut values: impl Iterator<Item = &'a str>) -> bool {
    let folded = fold(header);
    let mut any = false;
    let all = values.all(|v| {
        if v.is_empty() {
            return true;
        }
        any = true;
        split_pair(v).is_some_and(|(lat, lon)| {
            let (lat, lon) = (lat.parse::<f64>().unwrap_or(999.0), lon.parse::<f64>().unwrap_or(999.0));
            (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)
        })
    });
    (any && all) || PAIR_NAMES.contains(&folded.as_str())
}

/// The source's own id: a column whose sampled values are all present and distinct, named
/// like an id, else the first whose values all look like codes (a digit, no space).
fn key_column<'a, I: Iterator<Item = &'a str>>(
    headers: &[&str],
    values: &impl Fn(usize) -> I,
) -> Option<usize> {
    let unique = |i: usize| {
        let all: Vec<&str> = values(i).collect();
        let distinct: BTreeSet<&str> = all.iter().copied().collect();
        (!all.is_empty() && !all.contains(&"") && distinct.len() == all.len()).then_some(all)
    };
    let named = |h: &str| {
        let folded = fold(h);
        let words: Vec<&str> = folded.split('_').collect();
        ["id", "identifiant", "ref", "reference", "code", "numero", "no", "n", "ordre", "siret", "rna"]
            .iter()
            .any(|k| words.contains(k))
    };
    let coded = |all: &[&str]| all.iter().all(|v| v.bytes().any(|b| b.is_ascii_digit()) && !v.contains(' '));
    let candidates: Vec<(usize, Vec<&str>)> =
        (0..headers.len()).filter_map(|i| unique(i).map(|all| (i, all))).collect();
    candidates
        .iter()
        .find(|(i, _)| named(headers[*i]))
        .or_else(|| candidates.iter().find(|(_, all)| coded(all)))
        .map(|(i, _)| *i)
}

/// The vocabulary of a column, when it has one.
pub(super) fn vocabulary<'a>(table: &str, column: &str, context: &'a Context) -> Option<&'a Vocabulary> {
    let v = &context.vocabularies;
    match (table, column) {
        ("operators", "kind") => Some(&v.operator_kind),
        ("venues", "kind") => Some(&v.venue_kind),
        (_, "accessibility") => Some(&v.accessibility),
        (_, "disciplines") => Some(&v.discipline),
        (_, "audiences") => Some(&v.audience),
        _ => None,
    }
}

/// `kind = { from = "Catégorie", map = { … } }` with a code proposed for each distinct value.
pub(super) fn value_map<'a>(
    column: &str,
    header: &str,
    values: impl Iterator<Item = &'a str>,
    vocabulary: &Vocabulary,
    note: &str,
) -> String {
    let distinct: BTreeSet<String> =
        values.flat_map(crate::load::cells::list).filter(|v| !v.is_empty()).collect();
    let mut out = format!("{column} = {{ from = {}, map = {{", quote(header));
    let mut unknown = Vec::new();
    let mut first = true;
    for value in distinct.iter().take(40) {
        let guess = find_code(value, vocabulary).or_else(|| {
            let labels = vocabulary.terms.iter().flat_map(|t| [t.code.as_str(), t.fr.as_str()]);
            let near = closest(value, labels)?;
            vocabulary.terms.iter().find(|t| t.code == near || t.fr == near).map(|t| t.code.clone())
        });
        match guess {
            Some(code) => {
                out.push_str(if first { " " } else { ", " });
                let _ = write!(out, "{} = {}", quote(value), quote(&code));
                first = false;
            }
            None => unknown.push(value.as_str()),
        }
    }
    out.push_str(" } }");
    let _ = write!(
        out,
        "{note}{}",
        if note.is_empty() {
            "  # guess: codes proposed from the values seen"
        } else {
            ": codes proposed from the values seen"
        }
    );
    if !unknown.is_empty() {
        let _ = write!(
            out,
            "\n# no code guessed for: {} (add them to the map; codes: {})",
            unknown.join(", "),
            vocabulary.codes().collect::<Vec<_>>().join(", ")
        );
    }
    out
}

/// A TOML basic string.
pub(super) fn quote(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}
