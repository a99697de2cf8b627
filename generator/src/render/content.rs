//! The editorial pages: `ROOT/content/*.md`, each with a front matter (TOML between `+++`
//! lines, or simple YAML `key: value` lines between `---`), rendered through the one Markdown
//! door to `<slug>/index.html`. `content/index.md`, when present, is the home page's text.

use super::markdown::{self, Source};
use anyhow::{bail, Context, Result};
use serde::Deserialize;
use std::path::Path;

/// Folders the generator writes itself: a content page cannot take their name.
const RESERVED: &[&str] = &[
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
    "404",
];

/// What a page's front matter says.
#[derive(Debug, Default, Deserialize)]
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

/// One content page.
#[derive(Debug)]
pub struct Page {
    /// The file stem: `charte` → `charte/index.html`.
    pub slug: String,
    pub front: FrontMatter,
    /// The body, as HTML (safe).
    pub html: String,
}

impl Page {
    /// The page's path in the site.
    pub fn path(&self) -> String {
        format!("{}/index.html", self.slug)
    }
}

/// The pages of `ROOT/content/`, sorted by weight then slug; the home text apart.
#[derive(Debug, Default)]
pub struct Content {
    pub pages: Vec<Page>,
    /// `content/index.md`'s body as HTML, for the home page.
    pub home: Option<String>,
}

/// Reads and renders every `content/*.md`.
pub fn load(root: &Path) -> Result<Content> {
    let dir = root.join("content");
    let mut files = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .map(|e| e.map(|e| e.path()))
            .collect::<std::io::Result<Vec<_>>>()
            .with_context(|| format!("failed to list `{}`", dir.display()))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(e).with_context(|| format!("failed to list `{}`", dir.display())),
    };
    files.retain(|p| p.extension().is_some_and(|e| e == "md") && p.is_file());
    files.sort();
    let mut content = Content::default();
    for file in files {
        let slug = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let bytes = crate::fs::read(&file)?;
        let text = String::from_utf8(bytes).with_context(|| format!("`{}` is not UTF-8", file.display()))?;
        let (front, body) =
            parse(&text).with_context(|| format!("invalid front matter in `{}`", file.display()))?;
        let html = markdown::to_html(body, Source::Content);
        if slug == "index" {
            content.home = Some(html);
            continue;
        }
        if RESERVED.contains(&slug.as_str())
            || !slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            bail!(
                "`{}`: a content page's file name must be a slug ([a-z0-9-]) other than {RESERVED:?}",
                file.display()
            );
        }
        content.pages.push(Page { slug, front, html });
    }
    content.pages.sort_by(|a, b| (a.front.weight, &a.slug).cmp(&(b.front.weight, &b.slug)));
    Ok(content)
}

/// Splits a page into its front matter and its Markdown body.
pub fn parse(text: &str) -> Result<(FrontMatter, &str)> {
    let text = text.trim_start_matches('\u{feff}');
    for (fence, toml_syntax) in [("+++", true), ("---", false)] {
        let Some(rest) =
            text.strip_prefix(fence).and_then(|r| r.strip_prefix('\n').or_else(|| r.strip_prefix("\r\n")))
        else {
            continue;
        };
        let Some((head, body)) = split_at_fence(rest, fence) else {
            bail!("the front matter opened by `{fence}` is never closed");
        };
        let table = if toml_syntax { toml::from_str(head)? } else { yaml_lines(head)? };
        let front: FrontMatter = toml::Value::Table(table).try_into()?;
        return Ok((front, body));
    }
    bail!("a content page starts with a front matter: `+++` then `title = \"…\"` then `+++`")
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
fn yaml_lines(head: &str) -> Result<toml::Table> {
    let mut table = toml::Table::new();
    for (i, line) in head.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            bail!("line {}: expected `key: value`", i + 1);
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
mod tests {
    use super::*;

    // TOML and YAML front matters give the same page; a page without one is refused.
    #[test]
    fn both_front_matters() {
        let (toml_front, body) =
            parse("+++\ntitle = \"La charte\"\nmenu = true\n+++\n# Texte\n").expect("toml");
        assert_eq!(toml_front.title, "La charte");
        assert!(toml_front.menu);
        assert_eq!(body, "# Texte\n");
        let (yaml_front, body) =
            parse("---\ntitle: \"La charte : mode d’emploi\"\nweight: 2\n---\nTexte").expect("yaml");
        assert_eq!(yaml_front.title, "La charte : mode d’emploi");
        assert_eq!(yaml_front.weight, 2);
        assert_eq!(body, "Texte");
        assert!(parse("# Pas de front matter").is_err());
        assert!(parse("+++\ntitle = \"x\"\n").is_err());
    }
}
