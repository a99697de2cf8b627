//! "Report a correction": the pre-filled mail to the coordination about a record, and the same
//! message as text to copy into any webmail, for the pages of operators, venues and offers.

use super::public_url;
use crate::config::Config;
use crate::links;
use crate::render::i18n::Catalogue;
use anyhow::Result;

/// A pre-filled "report a correction" mail about record `id` shown at `path`.
pub fn correction_mail(
    cat: &Catalogue,
    config: &Config,
    name: &str,
    id: &str,
    path: &str,
) -> Result<Option<String>> {
    let url = public_url(config, path);
    let name = quoted(cat, name)?;
    let args = [("name", name.as_str()), ("id", id), ("url", url.as_str())];
    let subject = cat.fill("correction.subject", &args)?;
    let body = cat.fill("correction.body", &args)?;
    Ok(links::mailto(&config.coordination.email, &subject, &body))
}

/// The same correction as text to paste into any webmail (for those without a mail client):
/// its subject, the message, then what the site shows now (`values`: label, value; the empty
/// ones left out).
pub fn correction_text(
    cat: &Catalogue,
    config: &Config,
    name: &str,
    id: &str,
    path: &str,
    values: &[(&str, &str)],
) -> Result<String> {
    let url = public_url(config, path);
    let name = quoted(cat, name)?;
    let args = [("name", name.as_str()), ("id", id), ("url", url.as_str())];
    let mut text =
        cat.fill("correction.subject_line", &[("subject", &cat.fill("correction.subject", &args)?)])?;
    text.push_str("\n\n");
    text.push_str(cat.fill("correction.body", &args)?.trim_end());
    text.push_str("\n\n");
    text.push_str(cat.get("correction.current")?);
    for (label, value) in values.iter().filter(|(_, v)| !v.trim().is_empty()) {
        text.push_str(&format!("\n- {label}{}{}", cat.get("correction.colon")?, value.trim()));
    }
    text.push('\n');
    Ok(text)
}

/// `« name »`, unless the name already has quotation marks (« Kalimba » — danses…): then as
/// it is, never « « Kalimba » … ».
pub fn quoted(cat: &Catalogue, name: &str) -> Result<String> {
    let name = name.trim();
    if name.contains(['«', '»', '"', '“', '”']) {
        return Ok(name.to_owned());
    }
    cat.fill("correction.quoted", &[("name", name)])
}
