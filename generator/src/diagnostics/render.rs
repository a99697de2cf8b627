//! Printing diagnostics for people (codespan-reporting) and for tools (JSON).
//!
//! Two text styles, one line of truth:
//! - **short** (not a terminal, tests, CI logs): one line per problem, exactly DESIGN.md's
//!   `data/offers.csv:14:6: error: unknown district "bressou" (did you mean "bressoux"?)`,
//!   the hint in parentheses, so `grep` and editors' error parsers take it whole;
//! - **rich** (a terminal): the same header, then the offending line with the cell underlined
//!   and the hint as `= help: …`, in colour.
//!
//! Then one summary line: `2 errors, 5 warnings` or `no problem found`.
//!
//! Text is for a terminal, which obeys the escape sequences it is given: every control and
//! invisible character of a message, hint, file name or quoted line is shown as `\u{1B}`
//! ([`crate::text::escape_for_terminal`]), never printed raw. JSON keeps the exact text
//! (serde_json escapes controls itself).

use super::{Diagnostic, Diagnostics, Severity};
use crate::text::escape_for_terminal as escape;
use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::{Files, SimpleFiles};
use codespan_reporting::term::termcolor::{
    Color, ColorChoice, ColorSpec, NoColor, StandardStream, WriteColor,
};
use codespan_reporting::term::{self, Config, DisplayStyle};
use serde::Serialize;
use std::collections::HashMap;
use std::io::IsTerminal;

/// Prints every diagnostic then the summary to stderr: rich and coloured on a terminal,
/// short and plain otherwise.
pub fn print(diagnostics: &Diagnostics) {
    let terminal = std::io::stderr().is_terminal();
    let colour = if terminal { ColorChoice::Auto } else { ColorChoice::Never };
    let mut out = StandardStream::stderr(colour);
    // A closed stderr leaves nothing to report to: ignore the error.
    let _ = write(diagnostics, &mut out, terminal);
}

/// The text output without colour: what `print` shows when not on a terminal (`rich = false`).
pub fn to_text(diagnostics: &Diagnostics, rich: bool) -> String {
    let mut out = NoColor::new(Vec::new());
    // Writing into a Vec cannot fail.
    let _ = write(diagnostics, &mut out, rich);
    String::from_utf8_lossy(&out.into_inner()).into_owned()
}

/// Writes every diagnostic, then the summary line.
pub fn write(diagnostics: &Diagnostics, out: &mut dyn WriteColor, rich: bool) -> std::io::Result<()> {
    let mut files = SimpleFiles::new();
    let mut ids = HashMap::new();
    let config = Config {
        display_style: if rich { DisplayStyle::Rich } else { DisplayStyle::Short },
        ..Config::default()
    };
    let short = Config { display_style: DisplayStyle::Short, ..Config::default() };
    for d in diagnostics.iter() {
        let Some(source) = diagnostics.source(&d.file) else {
            write_unlocated(d, out)?;
            continue;
        };
        // SimpleFiles indexes each file's line starts once: finding a line is a binary search.
        let id = *ids
            .entry(d.file.as_str())
            .or_insert_with(|| files.add(escape(&d.file).into_owned(), quotable(source)));
        let Some(start) = offset(&files, id, d.line, d.column) else {
            write_unlocated(d, out)?;
            continue;
        };
        let end = cell_end(source, start);
        // A line too long to quote (a pasted blob) gets the one-line style even on a terminal.
        let quote = rich && line_length(&files, id, d.line) <= MAX_QUOTED_LINE;
        let report = report(d, quote).with_labels(vec![Label::primary(id, start..end)]);
        let config = if quote { &config } else { &short };
        term::emit_to_write_style(out, config, &files, &report).map_err(std::io::Error::other)?;
    }
    // The rich style already ends each diagnostic with a blank line.
    writeln!(out, "{}", summary(diagnostics))
}

/// `2 errors, 5 warnings`, `1 error`, `3 warnings` or `no problem found`.
pub fn summary(diagnostics: &Diagnostics) -> String {
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    match (diagnostics.error_count(), diagnostics.warning_count()) {
        (0, 0) => "no problem found".to_owned(),
        (e, 0) => count(e, "error"),
        (0, w) => count(w, "warning"),
        (e, w) => format!("{}, {}", count(e, "error"), count(w, "warning")),
    }
}

/// The JSON document of `check --format json`.
#[derive(Debug, Serialize)]
pub struct Json<'a> {
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: Vec<&'a Diagnostic>,
}

/// The diagnostics and their counts, for other tools.
pub fn to_json(diagnostics: &Diagnostics) -> Json<'_> {
    Json {
        errors: diagnostics.error_count(),
        warnings: diagnostics.warning_count(),
        diagnostics: diagnostics.iter().collect(),
    }
}

fn report(d: &Diagnostic, rich: bool) -> Report<usize> {
    let report = match d.severity {
        Severity::Error => Report::error(),
        Severity::Warning => Report::warning(),
    };
    let message = one_line(&d.message);
    match (&d.hint, rich) {
        (Some(hint), true) => {
            report.with_message(message).with_notes(vec![format!("help: {}", one_line(hint))])
        }
        (Some(hint), false) => report.with_message(format!("{message} ({})", one_line(hint))),
        (None, _) => report.with_message(message),
    }
}

/// A message quoting a multi-line cell stays on one line: line breaks shown as `\n`; other
/// controls escaped.
fn one_line(text: &str) -> String {
    escape(&text.replace("\r\n", "\\n").replace(['\n', '\r'], "\\n")).into_owned()
}

/// A file's text as codespan quotes it: each control or invisible character replaced by a
/// visible one of the same UTF-8 length (`?`, `¿` or `�`), so byte offsets and character
/// columns stay those of the real text.
fn quotable(source: &str) -> String {
    let risky = |c: char| crate::text::is_forbidden(c) || crate::text::is_invisible(c);
    source
        .chars()
        .map(|c| match (risky(c), c.len_utf8()) {
            (false, _) => c,
            (true, 1) => '?',
            (true, 2) => '¿',
            (true, 3) => '\u{FFFD}',
            (true, _) => '\u{1F6AB}',
        })
        .collect()
}

/// A problem about a whole file (line 0) or a file never read: `file: error: message (hint)`.
fn write_unlocated(d: &Diagnostic, out: &mut dyn WriteColor) -> std::io::Result<()> {
    let (word, colour) = match d.severity {
        Severity::Error => ("error", Color::Red),
        Severity::Warning => ("warning", Color::Yellow),
    };
    match d.line {
        0 => write!(out, "{}: ", escape(&d.file))?,
        // A workbook's sheet names its columns by letter, as the spreadsheet shows them.
        line if is_sheet_name(&d.file) => {
            let column = column_letters(d.column.max(1));
            write!(out, "{}:{line}:{column}: ", escape(&d.file))?;
        }
        line => write!(out, "{}:{line}:{}: ", escape(&d.file), d.column.max(1))?,
    }
    out.set_color(ColorSpec::new().set_fg(Some(colour)).set_bold(true))?;
    write!(out, "{word}")?;
    out.set_color(ColorSpec::new().set_bold(true))?;
    write!(out, ": {}", one_line(&d.message))?;
    if let Some(hint) = &d.hint {
        write!(out, " ({})", one_line(hint))?;
    }
    out.reset()?;
    writeln!(out)
}

/// The longest line (in bytes) the rich style quotes; a longer one would be printed whole for
/// each of its problems.
const MAX_QUOTED_LINE: usize = 1000;

/// The length in bytes of 1-based `line` of file `id` (0 when there is no such line).
fn line_length(files: &SimpleFiles<String, String>, id: usize, line: u32) -> usize {
    let index = usize::try_from(line).unwrap_or(0).saturating_sub(1);
    files.line_range(id, index).map_or(0, |range| range.len())
}

/// The byte offset of 1-based `line` and character `column` (0 = start of line) in file `id`;
/// `None` for line 0 or a line past the end.
fn offset(files: &SimpleFiles<String, String>, id: usize, line: u32, column: u32) -> Option<usize> {
    let index = usize::try_from(line).ok()?.checked_sub(1)?;
    let range = files.line_range(id, index).ok()?;
    let text = files.source(id).ok()?.get(range.clone())?;
    let end_of_line = text.find(['\r', '\n']).unwrap_or(text.len());
    let skip = usize::try_from(column).unwrap_or(0).saturating_sub(1);
    let within = text[..end_of_line].char_indices().nth(skip).map_or(end_of_line, |(i, _)| i);
    Some(range.start + within)
}

/// Where the cell starting at `start` ends: the next delimiter or line end outside quotes,
/// so the rich style underlines the whole cell.
fn cell_end(source: &str, start: usize) -> usize {
    let mut quoted = false;
    // The underline stops within MAX_QUOTED_LINE bytes: a huge cell is not scanned to its end
    // for each of its problems.
    for (i, c) in source[start..].char_indices().take(MAX_QUOTED_LINE) {
        match c {
            '"' => quoted = !quoted,
            ',' | ';' | '\t' | '\r' | '\n' if !quoted => return start + i,
            '\n' => return start + i,
            _ => {}
        }
    }
    source[start..].char_indices().nth(MAX_QUOTED_LINE).map_or(source.len(), |(i, _)| start + i)
}

/// The spreadsheet name of a 1-based column index: 1 → `A`, 27 → `AA`.
pub fn column_letters(mut column: u32) -> String {
    let mut letters = Vec::new();
    while column > 0 {
        let rem = (column - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        column = (column - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Whether a diagnostic's file names a sheet of a workbook (`data/charte.xlsx[offres]`).
pub fn is_sheet_name(file: &str) -> bool {
    file.ends_with(']') && file.contains('[')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Diagnostics {
        let mut d = Diagnostics::default();
        d.add_source("data/offers.csv", "id,districts\natelier,bressou\n");
        d.push_at(
            Severity::Error,
            "data/offers.csv",
            (2, 9),
            "unknown district \"bressou\"",
            Some("did you mean \"bressoux\"?".into()),
        );
        d.push_at(Severity::Warning, "data/venues.csv", (0, 0), "no venues table", None);
        d
    }

    // The short style is DESIGN.md's one-line format, hint in parentheses, then the summary.
    #[test]
    fn short_style_is_one_line_per_problem() {
        assert_eq!(
            to_text(&sample(), false),
            "data/offers.csv:2:9: error: unknown district \"bressou\" (did you mean \"bressoux\"?)\n\
             data/venues.csv: warning: no venues table\n\
             1 error, 1 warning\n"
        );
    }

    // The rich style quotes the line, underlines the cell and gives the hint as help.
    #[test]
    fn rich_style_quotes_the_cell() {
        let text = to_text(&sample(), true);
        assert!(text.contains("atelier,bressou"), "{text}");
        assert!(text.contains("^^^^^^^"), "{text}");
        assert!(text.contains("= help: did you mean \"bressoux\"?"), "{text}");
    }

    // Offsets count characters, not bytes, and clamp to the line.
    #[test]
    fn offsets_count_characters() {
        let mut files = SimpleFiles::new();
        let id = files.add("t".to_owned(), "a\né,x\r\nz".to_owned());
        assert_eq!(offset(&files, id, 2, 3), Some(5));
        assert_eq!(offset(&files, id, 2, 99), Some(6));
        assert_eq!(offset(&files, id, 3, 1), Some(8));
        assert_eq!(offset(&files, id, 4, 1), None);
        assert_eq!(offset(&files, id, 0, 1), None);
    }

    // A line too long to quote is given in the one-line style even in the rich one.
    #[test]
    fn long_lines_are_not_quoted() {
        let mut d = Diagnostics::default();
        d.add_source("data/offers.csv", &format!("id,title\natelier,{}\n", "x".repeat(5000)));
        d.push_at(Severity::Error, "data/offers.csv", (2, 9), "too long", Some("shorten it".into()));
        let text = to_text(&d, true);
        assert!(text.len() < 500, "{text}");
        assert!(text.contains("data/offers.csv:2:9: error: too long (shorten it)"), "{text}");
    }

    // A workbook's columns are named as a spreadsheet names them.
    #[test]
    fn letters() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(6), "F");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(0), "");
        assert!(is_sheet_name("data/charte.xlsx[offres]") && !is_sheet_name("data/offres.csv"));
    }

    // The summary counts in English, singular or plural.
    #[test]
    fn summary_counts() {
        assert_eq!(summary(&Diagnostics::default()), "no problem found");
        assert_eq!(summary(&sample()), "1 error, 1 warning");
    }

    // No control or invisible character reaches the terminal from a message, a hint, a file
    // name or a quoted line, in either style; JSON keeps the exact text.
    #[test]
    fn controls_are_escaped_in_text() {
        let mut d = Diagnostics::default();
        let file = "data/off\u{1B}]0;pwned\u{7}ers.csv";
        d.add_source(file, "id,ti\u{1B}[2Jtle\natelier,x\u{9B}31m\u{202E}y\n");
        d.push_at(
            Severity::Error,
            file,
            (1, 4),
            "unknown column \"ti\u{1B}[2Jtle\"",
            Some("\u{1B}[5m?".into()),
        );
        d.push_at(Severity::Error, file, (2, 9), "bad value \"x\u{9B}31m\u{202E}y\"", None);
        d.push_at(Severity::Warning, "data/\u{1B}c.csv", (0, 0), "a\u{8}b", None);
        for rich in [false, true] {
            let text = to_text(&d, rich);
            let raw: Vec<char> = text
                .chars()
                .filter(|&c| c != '\n' && (c.is_control() || crate::text::is_invisible(c)))
                .collect();
            assert!(raw.is_empty(), "rich={rich}: {raw:?} in {text}");
            assert!(text.contains("\\u{1B}[2J"), "{text}");
            assert!(text.contains("off\\u{1B}]0;pwned\\u{7}ers.csv"), "{text}");
        }
        assert!(to_text(&d, false).contains("bad value \"x\\u{9B}31m\\u{202E}y\""));
        let json = serde_json::to_string(&to_json(&d)).expect("json");
        let back: serde_json::Value = serde_json::from_str(&json).expect("json");
        assert_eq!(back["diagnostics"][0]["file"], file);
        assert_eq!(back["diagnostics"][0]["message"], "unknown column \"ti\u{1B}[2Jtle\"");
        assert!(!json.contains('\u{1B}'), "serde_json escapes controls");
    }
}
