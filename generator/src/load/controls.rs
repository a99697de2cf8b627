//! Control characters and noncharacters ([`crate::text::is_forbidden`]) dropped from a file's
//! text as soon as it is decoded, each with a warning at its line and column naming it
//! (`U+001B`), so no page, feed or export ever carries one (an ESC in a cell makes `feed.xml`
//! ill-formed and moves a terminal's cursor). Nobody types them on purpose: they come from
//! copy-pastes out of PDFs, terminals and old databases.

use crate::diagnostics::{Diagnostics, Severity};
use crate::text::{code_point, is_forbidden};

/// After this many warnings in one file, the rest are counted in one last warning.
pub const MAX_WARNINGS: usize = 20;

/// `text` without its forbidden characters; one warning per character dropped (at most
/// [`MAX_WARNINGS`] per file, then a count).
pub fn drop_forbidden(text: String, file: &str, diagnostics: &mut Diagnostics) -> String {
    if !text.chars().any(is_forbidden) {
        return text;
    }
    let (mut line, mut column) = (1u32, 1u32);
    let (mut dropped, mut kept) = (0usize, String::with_capacity(text.len()));
    for c in text.chars() {
        if is_forbidden(c) {
            dropped += 1;
            if dropped <= MAX_WARNINGS {
                diagnostics.push_at(
                    Severity::Warning,
                    file,
                    (line, column),
                    format!("control character {} ({}) dropped", code_point(c), describe(c)),
                    Some("it is invisible and breaks feeds and terminals: delete it in the file".into()),
                );
            }
        } else {
            kept.push(c);
        }
        if c == '\n' {
            (line, column) = (line.saturating_add(1), 1);
        } else {
            column = column.saturating_add(1);
        }
    }
    if dropped > MAX_WARNINGS {
        diagnostics.push_at(
            Severity::Warning,
            file,
            (1, 1),
            format!("{} more control characters dropped", dropped - MAX_WARNINGS),
            None,
        );
    }
    kept
}

/// A name people may recognise for the usual ones.
fn describe(c: char) -> &'static str {
    match c {
        '\u{0}' => "NUL",
        '\u{8}' => "backspace",
        '\u{C}' => "form feed",
        '\u{1B}' => "escape",
        '\u{7F}' => "delete",
        '\u{85}' => "next line",
        '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{10FFFF}' if !c.is_control() => "a noncharacter",
        _ => "a control",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Each forbidden character is dropped and named at its own line and column; tab, line
    // breaks and ordinary text are kept.
    #[test]
    fn dropped_with_their_place() {
        let mut d = Diagnostics::default();
        let text = drop_forbidden("id,ti\u{1B}tle\r\na\tb,\u{0}x\u{FFFE}\u{85}\n".into(), "t.csv", &mut d);
        assert_eq!(text, "id,title\r\na\tb,x\n");
        let got: Vec<_> = d.iter().map(|d| format!("{}:{} {}", d.line, d.column, d.message)).collect();
        assert_eq!(
            got,
            [
                "1:6 control character U+001B (escape) dropped",
                "2:5 control character U+0000 (NUL) dropped",
                "2:7 control character U+FFFE (a noncharacter) dropped",
                "2:8 control character U+0085 (next line) dropped",
            ]
        );
    }

    // A flood is reported in a bounded number of warnings.
    #[test]
    fn warnings_are_bounded() {
        let mut d = Diagnostics::default();
        let text = drop_forbidden("\u{1B}".repeat(1000), "t.csv", &mut d);
        assert!(text.is_empty());
        assert_eq!(d.iter().count(), MAX_WARNINGS + 1);
        assert_eq!(d.iter().last().map(|d| d.message.as_str()), Some("980 more control characters dropped"));
    }
}
