//! The template environment: the embedded templates, the loader that lets a site override any
//! of them one file at a time (`content/templates/<name>`, read by `load`, first; then the
//! embedded table), HTML autoescaping, strict undefined values, and the few filters templates
//! need.

use super::i18n::{self, Catalogue};
use minijinja::value::{Kwargs, Value};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, UndefinedBehavior};
use std::collections::BTreeMap;
use std::sync::Arc;

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        /// The built-in templates, by name.
        pub const TEMPLATES: &[(&str, &str)] = &[
            $(($name, include_str!(concat!("../../templates/", $name)))),*
        ];
    };
}

embedded!(
    "base.html",
    "partials/header.html",
    "partials/footer.html",
    "partials/breadcrumbs.html",
    "partials/explorer.html",
    "partials/offer_card.html",
    "partials/offer_list.html",
    "partials/listing_check.html",
    "partials/district_table.html",
    "partials/record_footer.html",
    "partials/correction_text.html",
    "partials/catalogue_chapter.html",
    "partials/request_list.html",
    "partials/district_requests.html",
    "partials/subscribe.html",
    "partials/pager.html",
    "partials/jumps.html",
    "partials/offer_groups.html",
    "home.html",
    "explore.html",
    "offers.html",
    "offer.html",
    "operators.html",
    "operator.html",
    "venues.html",
    "venue.html",
    "districts.html",
    "district.html",
    "district_offers.html",
    "partnerships.html",
    "partnership.html",
    "draws.html",
    "draw.html",
    "requests.html",
    "agenda.html",
    "archive.html",
    "catalogue.html",
    "page.html",
    "404.html",
);

/// The embedded source of template `name`.
pub fn embedded(name: &str) -> Option<&'static str> {
    TEMPLATES.iter().find(|(n, _)| *n == name).map(|(_, source)| *source)
}

/// The environment for a site whose overrides (`content/templates/`, by name) are `overrides`.
pub fn environment(
    overrides: Arc<BTreeMap<String, String>>,
    catalogue: Arc<Catalogue>,
) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|name| match name.rsplit('.').next() {
        Some("html" | "htm" | "xml" | "svg") => AutoEscape::Html,
        _ => AutoEscape::None,
    });
    crate::load::content::configure_syntax(&mut env);
    env.set_formatter(|out, state, value| {
        let plain = !value.is_safe() && !value.is_undefined() && !value.is_none();
        if plain && matches!(state.auto_escape(), AutoEscape::Html) {
            let written = match value.as_str() {
                Some(text) => write_escaped(out, text),
                None => write_escaped(out, &value.to_string()),
            };
            return written.map_err(|e| Error::new(ErrorKind::WriteFailure, "write failed").with_source(e));
        }
        minijinja::escape_formatter(out, state, value)
    });
    env.set_loader(move |name| {
        Ok(overrides.get(name).cloned().or_else(|| embedded(name).map(str::to_owned)))
    });
    let cat = catalogue.clone();
    env.add_filter("plural", move |n: usize, noun: &str| {
        cat.count(noun, n).map_err(|e| Error::new(ErrorKind::InvalidOperation, e.to_string()))
    });
    env.add_filter("fill", fill_filter);
    env.add_global("t", Value::from(minijinja::value::Serde(catalogue.tree())));
    env.add_global("lang", catalogue.language.tag());
    env
}

/// Escapes text for HTML content and quoted attributes: `& < > " '` (and nothing else, so
/// paths stay readable: minijinja's default also escapes `/`).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let _ = write_escaped(&mut out, text);
    out
}

/// [`escape_html`] written straight to `out`, copying the runs between special characters.
fn write_escaped(out: &mut impl std::fmt::Write, text: &str) -> std::fmt::Result {
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.write_str(&text[start..i])?;
        out.write_str(entity)?;
        start = i + 1;
    }
    out.write_str(&text[start..])
}

/// `{{ t.x | fill(n=3, name=op.name) }}`: replaces each `{key}` by its value (the result is
/// escaped on output like any text).
fn fill_filter(text: &str, kwargs: Kwargs) -> Result<String, Error> {
    let mut args = Vec::new();
    for key in kwargs.args() {
        let value: Value = kwargs.get(key)?;
        args.push((key.to_owned(), value.to_string()));
    }
    let pairs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    Ok(i18n::fill(text, &pairs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Language;

    // A template in content/templates/ wins over the embedded one of the same name.
    #[test]
    fn override_wins_over_embedded() {
        let overrides =
            BTreeMap::from([("partials/footer.html".to_owned(), "PIED {{ t.nav.home }}".to_owned())]);
        let cat = Arc::new(Catalogue::load(Language::Fr).expect("fr"));
        let env = environment(Arc::new(overrides), cat);
        let footer = env.get_template("partials/footer.html").expect("loads").render(()).expect("renders");
        assert_eq!(footer, "PIED Accueil");
        assert!(env.get_template("base.html").is_ok(), "the others stay embedded");
        assert!(env.get_template("../secret.html").is_err());
    }

    // Undefined values are errors and text is escaped in .html templates.
    #[test]
    fn strict_and_escaping() {
        let cat = Arc::new(Catalogue::load(Language::Fr).expect("fr"));
        let mut env = environment(Arc::default(), cat);
        env.add_template("x.html", "{{ v }}").expect("parses");
        env.add_template("y.html", "{{ t.nav.nope }}").expect("parses");
        let out = env
            .get_template("x.html")
            .and_then(|t| t.render(minijinja::context! { v => "<b>" }))
            .expect("renders");
        assert_eq!(out, "&lt;b&gt;");
        assert!(env.get_template("y.html").and_then(|t| t.render(())).is_err(), "a missing key is an error");
    }
}
