//! The explorer's interface strings: the `[explorer]` table of the site's catalogue
//! (`generator/i18n/<lang>.toml`, the one the pages use), copied into the index.

use crate::config::Language;
use anyhow::{Context, Result};
use std::collections::BTreeMap;

const FR: &str = include_str!("../../i18n/fr.toml");
const EN: &str = include_str!("../../i18n/en.toml");

/// The `[explorer]` strings of `language`.
pub fn explorer_strings(language: Language) -> Result<BTreeMap<String, String>> {
    let text = match language {
        Language::Fr => FR,
        Language::En => EN,
    };
    let tag = language.tag();
    let mut tree: toml::Table =
        toml::from_str(text).with_context(|| format!("invalid catalogue i18n/{tag}.toml"))?;
    let table =
        tree.remove("explorer").with_context(|| format!("i18n/{tag}.toml has no [explorer] table"))?;
    table
        .try_into()
        .with_context(|| format!("the [explorer] table of i18n/{tag}.toml must hold strings only"))
}
