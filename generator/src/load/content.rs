//! `content/` → [`Content`]: the configuration, the editorial pages, the template and static
//! overrides, read once, here, so that `check` covers every input the build reads.
//!
//! - `content/site.toml`: parsed with every problem at its line and column (syntax, unknown
//!   key, a coordination e-mail that is not one, a tile server that is not an `https://` URL);
//! - `content/*.md`: a front matter (TOML between `+++` lines, or `key: value` lines between
//!   `---`) and a Markdown body; a file name that is not a slug, or a reserved one, is an error;
//! - `content/templates/**`: each override parsed by minijinja (a syntax error at its line);
//! - `content/static/**`: the city's files, copied to the site.
//!
//! Only regular files are read: a symlink, a FIFO or a device is refused with a diagnostic
//! (reading one could leave the project, hang or never end; see [`crate::fs::read_input`]).

use crate::config::Config;
use crate::diagnostics::{line_col, Diagnostics, Severity};
use crate::fs::{Entry, Input};
use anyhow::Result;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// Folders the generator writes itself: a content page cannot take their name.
pub const RESERVED: &[&str] = &[
    "index",
    "explore",
    "offers",
    "operators",
    "venues",
    "districts",
    "partnerships",
    "agenda",
    "catalogue",
    "assets",
    "static",
    "data",
    "draws",
    "requests",
    "404",
];

/// What a page's front matter says.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    /// The meta description.
    #[serde(default)]
    pub description: String,
    /// Listed in the main navigation (as `menu_title`, else `title`).
    #[serde(default)]
    pub menu: bool,
    #[serde(default)]
    pub menu_title: Option<String>,
    /// Listed in the footer.
    #[serde(default)]
    pub footer: bool,
    /// Order among menu or footer entries (smaller first, then by slug).
    #[serde(default)]
    pub weight: i32,
}

/// One editorial page, as read.
#[derive(Clone, Debug)]
pub struct Page {
    /// The file stem: `charte` → the page `charte/index.html`.
    pub slug: String,
    pub front: FrontMatter,
    /// The body, Markdown.
    pub markdown: String,
}

/// Everything the build reads from `content/`.
#[derive(Clone, Debug)]
pub struct Content {
    pub config: Config,
    /// Sorted by weight, then slug.
    pub pages: Vec<Page>,
    /// `content/index.md`'s body (Markdown), the home page's text.
    pub home: Option<String>,
    /// `content/templates/<name>` overrides, by template name (`partials/footer.html`).
    pub templates: BTreeMap<String, String>,
    /// `content/static/<path>` files, by `/`-separated path (hidden files skipped).
    pub statics: BTreeMap<String, Vec<u8>>,
}

/// Reads `root/content`. `Ok(None)` when `site.toml` is missing or invalid (diagnosed); pages
/// and overrides with problems are diagnosed and left out.
pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> Result<Option<Content>> {
    let config = load_config(root, diagnostics)?;
    let valid = config.is_some();
    // The pages and overrides are read even without a configuration, to report their problems.
    let content = read(root, config.unwrap_or_default(), diagnostics)?;
    Ok(valid.then_some(content))
}

const CONFIG: &str = "content/site.toml";

fn load_config(root: &Path, diagnostics: &mut Diagnostics) -> Result<Option<Config>> {
    let Some(text) = read_text(root, CONFIG, diagnostics)? else {
        if !root.join(CONFIG).exists() {
            diagnostics.push_at(
                Severity::Error,
                CONFIG,
                (1, 1),
                "missing `content/site.toml`",
                Some("create it with at least `title = \"…\"` and a [coordination] name and email".into()),
            );
        }
        return Ok(None);
    };
    diagnostics.add_source(CONFIG, &text);
    Ok(Config::from_source(&text, CONFIG, diagnostics))
}

/// Reads the pages and overrides under `root/content`, with `config` as the configuration.
pub fn read(root: &Path, config: Config, diagnostics: &mut Diagnostics) -> Result<Content> {
    let mut content = Content {
        config,
        pages: Vec::new(),
        home: None,
        templates: BTreeMap::new(),
        statics: BTreeMap::new(),
    };
    for entry in crate::fs::entries(&root.join("content"))? {
        let name = format!("content/{}", entry.rel);
        if !entry.rel.ends_with(".md") || entry.rel.starts_with('.') {
            continue;
        }
        let Some(text) = read_text(root, &name, diagnostics)? else { continue };
        diagnostics.add_source(&name, &text);
        let slug = entry.rel.trim_end_matches(".md").to_owned();
        let Some((front, body)) = front_matter(&text, &name, diagnostics) else { continue };
        if slug == "index" {
            content.home = Some(body.to_owned());
        } else if check_slug(&slug, &name, diagnostics) {
            content.pages.push(Page { slug, front, markdown: body.to_owned() });
        }
    }
    content.pages.sort_by(|a, b| (a.front.weight, &a.slug).cmp(&(b.front.weight, &b.slug)));
    for entry in crate::fs::walk(&root.join("content/templates"))? {
        let name = format!("content/templates/{}", entry.rel);
        if let Some(text) = read_entry_text(&entry, &name, diagnostics)? {
            diagnostics.add_source(&name, &text);
            if check_template(&entry.rel, &text, &name, diagnostics) {
                content.templates.insert(entry.rel, text);
            }
        }
    }
    for entry in crate::fs::walk(&root.join("content/static"))? {
        let name = format!("content/static/{}", entry.rel);
        if let Some(bytes) = read_entry(&entry, &name, diagnostics)? {
            content.statics.insert(entry.rel, bytes);
        }
    }
    Ok(content)
}

/// `root/name` as UTF-8 text; `None` (diagnosed) when refused, not UTF-8, or missing.
fn read_text(root: &Path, name: &str, diagnostics: &mut Diagnostics) -> Result<Option<String>> {
    let entry = Entry { rel: name.to_owned(), path: root.join(name) };
    read_entry_text(&entry, name, diagnostics)
}

fn read_entry_text(entry: &Entry, name: &str, diagnostics: &mut Diagnostics) -> Result<Option<String>> {
    let Some(bytes) = read_entry(entry, name, diagnostics)? else { return Ok(None) };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Some(text.trim_start_matches('\u{feff}').to_owned())),
        Err(e) => {
            let (line, column) =
                line_col(&String::from_utf8_lossy(e.as_bytes()), e.utf8_error().valid_up_to());
            diagnostics.push_at(
                Severity::Error,
                name,
                (line, column),
                "this file is not UTF-8",
                Some("save it as UTF-8 (any text editor offers it)".into()),
            );
            Ok(None)
        }
    }
}

/// The bytes of a regular file; `None` when it is missing or refused (diagnosed).
fn read_entry(entry: &Entry, name: &str, diagnostics: &mut Diagnostics) -> Result<Option<Vec<u8>>> {
    match crate::fs::read_input(&entry.path)? {
        Input::File(bytes) => Ok(Some(bytes)),
        Input::Missing => Ok(None),
        Input::Refused(what) => {
            diagnostics.push_at(
                Severity::Error,
                name,
                (1, 1),
                format!("{what}: refused (Passerelle reads only the project's own regular files)"),
                Some("put a copy of the file itself here instead of a link".into()),
            );
            Ok(None)
        }
    }
}

/// Whether `slug` may name a page; diagnosed otherwise.
fn check_slug(slug: &str, name: &str, diagnostics: &mut Diagnostics) -> bool {
    let is_slug =
        !slug.is_empty() && slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if is_slug && !RESERVED.contains(&slug) {
        return true;
    }
    let message = if is_slug {
        format!("`{slug}` is a section of the site: a content page cannot take its name")
    } else {
        format!("`{slug}.md`: a content page's file name must be a slug ([a-z0-9-])")
    };
    diagnostics.push_at(
        Severity::Error,
        name,
        (1, 1),
        message,
        Some(format!("rename the file; reserved names: {}", RESERVED.join(", "))),
    );
    false
}

/// Whether minijinja parses the override; its syntax error diagnosed at its line otherwise.
fn check_template(rel: &str, text: &str, name: &str, diagnostics: &mut Diagnostics) -> bool {
    if rel.ends_with(".typ") {
        return check_typst(text, name, diagnostics);
    }
    let mut env = minijinja::Environment::new();
    configure_syntax(&mut env);
    match env.template_from_named_str(rel, text) {
        Ok(_) => true,
        Err(error) => {
            let (line, column) = match error.range() {
                Some(range) => line_col(text, range.start),
                None => (error.line().map_or(1, |l| l as u32), 1),
            };
            diagnostics.push_at(
                Severity::Error,
                name,
                (line, column),
                format!("template syntax: {}", error.detail().unwrap_or("invalid template")),
                Some("see https://docs.rs/minijinja/latest/minijinja/syntax/ for the syntax".into()),
            );
            false
        }
    }
}

/// A print template override (`print/*.typ`) is Typst, not minijinja: its syntax errors at
/// their line (the rest is found by typesetting it once, in `check`).
fn check_typst(text: &str, name: &str, diagnostics: &mut Diagnostics) -> bool {
    use typst::syntax::{LinkedNode, SyntaxKind};
    fn walk(node: LinkedNode<'_>, out: &mut Vec<(usize, String)>) {
        if node.kind() == SyntaxKind::Error {
            let (errors, _) = node.get().errors_and_warnings();
            let message =
                errors.first().map_or_else(|| "invalid syntax".to_owned(), |e| e.message.to_string());
            out.push((node.offset(), message));
            return;
        }
        for child in node.children() {
            walk(child, out);
        }
    }
    let root = typst::syntax::parse(text);
    let mut errors = Vec::new();
    walk(LinkedNode::new(&root), &mut errors);
    for (offset, message) in &errors {
        diagnostics.push_at(
            Severity::Error,
            name,
            line_col(text, *offset),
            format!("Typst syntax: {message}"),
            Some("see https://typst.app/docs/reference/syntax/".into()),
        );
    }
    errors.is_empty()
}

/// The template syntax of every environment: `load` checks the overrides with it, `render`
/// renders with it.
pub fn configure_syntax(env: &mut minijinja::Environment<'_>) {
    if let Ok(syntax) =
        minijinja::syntax::SyntaxConfig::builder().trim_blocks(true).lstrip_blocks(true).build()
    {
        env.set_syntax(syntax);
    }
}

/// Splits a page into its front matter and its Markdown body, diagnosing a missing or broken
/// front matter at its line.
fn front_matter<'t>(
    text: &'t str,
    name: &str,
    diagnostics: &mut Diagnostics,
) -> Option<(FrontMatter, &'t str)> {
    match parse(text) {
        Ok(parsed) => Some(parsed),
        Err((offset, message)) => {
            let hint = "a content page starts with `+++`, then `title = \"…\"`, then `+++`";
            diagnostics.push_at(Severity::Error, name, line_col(text, offset), message, Some(hint.into()));
            None
        }
    }
}

/// A page's front matter and body, or the byte offset and message of what is wrong.
pub fn parse(text: &str) -> Result<(FrontMatter, &str), (usize, String)> {
    for (fence, toml_syntax) in [("+++", true), ("---", false)] {
        let Some(rest) = text.strip_prefix(fence) else { continue };
        let Some(rest) = rest.strip_prefix('\n').or_else(|| rest.strip_prefix("\r\n")) else { continue };
        let start = text.len() - rest.len();
        let Some((head, body)) = split_at_fence(rest, fence) else {
            return Err((0, format!("the front matter opened by `{fence}` is never closed")));
        };
        let table = if toml_syntax {
            toml::from_str::<toml::Table>(head).map_err(|e| toml_error(&e, start))?
        } else {
            yaml_lines(head).map_err(|(offset, message)| (start + offset, message))?
        };
        let front = toml::Value::Table(table)
            .try_into::<FrontMatter>()
            .map_err(|e| (start + key_offset(head, e.message()), format!("front matter: {}", e.message())))?;
        return Ok((front, body));
    }
    Err((0, "a content page starts with a front matter".to_owned()))
}

/// Where the key an error names (`unknown field `couleur``) starts in `head`; 0 if not found.
fn key_offset(head: &str, message: &str) -> usize {
    let Some(key) = message.split('`').nth(1) else { return 0 };
    let mut offset = 0;
    for line in head.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with(key) && trimmed[key.len()..].trim_start().starts_with(['=', ':']) {
            return offset + line.len() - trimmed.len();
        }
        offset += line.len();
    }
    0
}

fn toml_error(error: &toml::de::Error, start: usize) -> (usize, String) {
    let offset = error.span().map_or(0, |span| span.start);
    (start + offset, format!("front matter: {}", error.message().trim()))
}

/// The text before the line that is exactly `fence`, and the text after it.
fn split_at_fence<'a>(text: &'a str, fence: &str) -> Option<(&'a str, &'a str)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_end() == fence {
            return Some((&text[..offset], &text[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

/// Simple YAML front matter: `key: value` lines (strings, quoted or not, booleans, integers).
fn yaml_lines(head: &str) -> Result<toml::Table, (usize, String)> {
    let mut table = toml::Table::new();
    let mut offset = 0;
    for line in head.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err((start, "front matter: expected `key: value`".to_owned()));
        };
        let value = value.trim();
        let parsed = match value {
            "true" => toml::Value::Boolean(true),
            "false" => toml::Value::Boolean(false),
            v if v.parse::<i64>().is_ok() => toml::Value::Integer(v.parse().unwrap_or_default()),
            v if v.len() >= 2
                && ((v.starts_with('"') && v.ends_with('"'))
                    || (v.starts_with('\'') && v.ends_with('\''))) =>
            {
                toml::Value::String(v[1..v.len() - 1].to_owned())
            }
            v => toml::Value::String(v.to_owned()),
        };
        table.insert(key.trim().to_owned(), parsed);
    }
    Ok(table)
}

#[cfg(test)]
mod tests;
