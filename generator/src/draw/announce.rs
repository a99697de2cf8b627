//! `passerelle draw ID --announce`: freezes a draw's pool by writing its hash into the draw's
//! `pool_sha256` cell of `draws.csv`, atomically (a temporary file beside it, then a rename),
//! keeping every other byte of the file: its encoding, delimiter, quoting, line ends, BOM.
//!
//! The cell is found where `load` found it (line and character column); UTF-8 files (with or
//! without BOMs) and single-byte encodings (Windows-1252) are written in place; a UTF-16 file is
//! refused (save it as UTF-8). Announcing twice is refused unless the pool is unchanged.

use crate::load::decode;
use crate::participation::outcome::Drawn;
use crate::records::{Draw, Origin};
use anyhow::{anyhow, bail, Context, Result};
use std::path::{Path, PathBuf};

/// What `--announce` did.
#[derive(Debug, PartialEq, Eq)]
pub enum Announced {
    /// The hash was written into `file`.
    Written { file: PathBuf, hash: String },
    /// The draw already carried this very hash: nothing written.
    Already { hash: String },
}

/// Writes `drawn`'s pool hash into its row of the file at `path` (the draws table).
pub fn announce(path: &Path, drawn: &Drawn) -> Result<Announced> {
    let draw = drawn.draw;
    if let Some(published) = &draw.pool_sha256 {
        if drawn.pool_holds() {
            return Ok(Announced::Already { hash: published.clone() });
        }
        bail!(
            "draw `{}` was announced with another pool (hash {published}); a pool is announced once",
            draw.id
        );
    }
    if !draw.seed.trim().is_empty() {
        bail!("draw `{}` already has a seed: a pool must be announced before its seed is known", draw.id);
    }
    if !draw.origin.has("pool_sha256") {
        bail!("{} has no `pool_sha256` column: add an empty one, then announce again", draw.origin.file);
    }
    let bytes = crate::fs::read(path)?;
    let spliced = splice(&bytes, &draw.origin, &drawn.pool_sha256)
        .with_context(|| format!("cannot write the hash into {}", draw.origin.file))?;
    crate::fs::replace(path, &spliced)?;
    Ok(Announced::Written { file: path.to_owned(), hash: drawn.pool_sha256.clone() })
}

/// `bytes` with the (empty) `pool_sha256` cell of the row at `origin` replaced by `hash`.
pub fn splice(bytes: &[u8], origin: &Origin, hash: &str) -> Result<Vec<u8>> {
    let decoded = decode::decode(bytes);
    let utf8 = decoded.encoding == encoding_rs::UTF_8;
    if !utf8 && !single_byte(decoded.encoding) {
        bail!("the file is {}: save it as UTF-8 first", decoded.encoding.name());
    }
    let text = &decoded.text;
    let (line, column) = (origin.line_of("pool_sha256"), origin.column("pool_sha256"));
    let line_start = nth_line_start(text, line).ok_or_else(|| anyhow!("line {line} not found"))?;
    let skip = usize::try_from(column.saturating_sub(1)).unwrap_or(usize::MAX);
    let start_chars = text[..line_start].chars().count() + skip;
    let start_text = text[line_start..]
        .char_indices()
        .nth(skip)
        .map(|(i, _)| line_start + i)
        .ok_or_else(|| anyhow!("line {line} has no cell at column {column}"))?;
    // Where the decoded text starts in the raw bytes (leading UTF-8 BOMs).
    let start = if utf8 { bytes.len() - text.len() + start_text } else { start_chars };
    let delimiter = crate::load::rows::delimiter(text);
    let end = cell_end(bytes, start, delimiter);
    if bytes[start..end].iter().any(|b| !matches!(b, b' ' | b'\t' | b'"')) {
        bail!("the pool_sha256 cell at line {line} is not empty");
    }
    let mut out = Vec::with_capacity(bytes.len() + hash.len());
    out.extend_from_slice(&bytes[..start]);
    out.extend_from_slice(hash.as_bytes());
    out.extend_from_slice(&bytes[end..]);
    Ok(out)
}

fn single_byte(encoding: &'static encoding_rs::Encoding) -> bool {
    encoding.is_single_byte()
}

/// The byte offset of the start of 1-based `line` in `text`.
fn nth_line_start(text: &str, line: u32) -> Option<usize> {
    if line <= 1 {
        return Some(0);
    }
    text.match_indices('\n').nth(usize::try_from(line - 2).ok()?).map(|(i, _)| i + 1)
}

/// The end of the cell starting at `start`: after its closing quote when quoted, else at the
/// next delimiter or line end.
fn cell_end(bytes: &[u8], start: usize, delimiter: u8) -> usize {
    let mut i = start;
    if bytes.get(i) == Some(&b'"') {
        i += 1;
        while i < bytes.len() {
            if bytes[i] == b'"' && bytes.get(i + 1) == Some(&b'"') {
                i += 2;
            } else if bytes[i] == b'"' {
                return i + 1;
            } else {
                i += 1;
            }
        }
        return i;
    }
    while i < bytes.len() && !matches!(bytes[i], b'\r' | b'\n') && bytes[i] != delimiter {
        i += 1;
    }
    i
}

/// The draw with id `id`, or an error listing the known ones.
pub fn find<'a>(draws: &'a [Draw], id: &str) -> Result<&'a Draw> {
    draws.iter().find(|d| d.id == id).ok_or_else(|| {
        let known: Vec<&str> = draws.iter().map(|d| d.id.as_str()).collect();
        match crate::diagnostics::suggest::did_you_mean(id, known.iter().copied()) {
            Some(hint) => anyhow!("no draw `{id}` in data/draws.csv ({hint})"),
            None if known.is_empty() => anyhow!("no draw `{id}`: data/ has no draws.csv"),
            None => anyhow!("no draw `{id}` in data/draws.csv (known: {})", known.join(", ")),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostics;
    use crate::load::{fields, tables};

    fn origin_of(text: &str) -> Origin {
        let mut d = Diagnostics::default();
        let mut rows = fields::records(&tables::DRAWS, "data/draws.csv", text, &mut d);
        rows.remove(0).take_origin()
    }

    // Only the empty cell changes: CRLF, quotes, other cells and the BOM are kept byte for byte.
    #[test]
    fn splices_only_the_cell() {
        let text = "\u{feff}id;title;pool_sha256;seed\r\nt1;\"Tirage; été\";;\r\n";
        let origin = origin_of(text.trim_start_matches('\u{feff}'));
        let out = splice(text.as_bytes(), &origin, "abc").expect("valid");
        assert_eq!(
            String::from_utf8(out).expect("valid"),
            "\u{feff}id;title;pool_sha256;seed\r\nt1;\"Tirage; été\";abc;\r\n"
        );
        let quoted = "id,pool_sha256,title\nt1,\"\",x\n";
        let out = splice(quoted.as_bytes(), &origin_of(quoted), "abc").expect("valid");
        assert_eq!(out, b"id,pool_sha256,title\nt1,abc,x\n");
    }

    // A Windows-1252 file stays Windows-1252: offsets count one byte per character.
    #[test]
    fn single_byte_files_stay_as_they_are() {
        let text = "id;titre;pool_sha256\nt1;Été à Droixhe;\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        let out = splice(&bytes, &origin_of(text), "abc").expect("valid");
        let (expected, _, _) =
            encoding_rs::WINDOWS_1252.encode("id;titre;pool_sha256\nt1;Été à Droixhe;abc\n");
        assert_eq!(out, expected.into_owned());
    }

    // A cell that is not empty is never overwritten.
    #[test]
    fn refuses_a_filled_cell() {
        let text = "id,pool_sha256\nt1,x\n";
        assert!(splice(text.as_bytes(), &origin_of(text), "abc").is_err());
    }
}
