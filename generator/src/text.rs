//! Character classes the safety rules share (DESIGN.md "Safety").
//!
//! - [`is_forbidden`]: what `load` drops from every file it reads (controls, noncharacters):
//!   nothing a person typed on purpose, and what XML, terminals and spreadsheets choke on;
//! - [`is_xml_char`]: XML 1.0's `Char` production, the last guard of every XML writer;
//! - [`is_invisible`]: bidi overrides and zero-width characters, refused in addresses (they
//!   hide what a link really points to);
//! - [`escape_for_terminal`]: what `check` prints, with every control and invisible character
//!   shown as `\u{1B}` instead of being interpreted by the terminal.

use std::borrow::Cow;

/// A C0 control other than tab, LF and CR, DEL, a C1 control (U+0080–U+009F), or a Unicode
/// noncharacter (U+FDD0–U+FDEF, and U+FFFE/U+FFFF of every plane).
pub fn is_forbidden(c: char) -> bool {
    let n = u32::from(c);
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || (0xFDD0..=0xFDEF).contains(&n)
        || n & 0xFFFE == 0xFFFE
}

/// Whether XML 1.0 allows `c` in a document: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD,
/// U+10000–U+10FFFF.
pub fn is_xml_char(c: char) -> bool {
    matches!(u32::from(c), 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

/// A bidirectional override, embedding, isolate or mark, or a zero-width character: U+061C,
/// U+200B–U+200F, U+202A–U+202E, U+2060–U+2069, U+FEFF.
pub fn is_invisible(c: char) -> bool {
    matches!(
        u32::from(c),
        0x061C | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x2069 | 0xFEFF
    )
}

/// `U+001B`: how diagnostics name a character.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// `text` with every forbidden or invisible character, and every line or paragraph
/// separator, written `\u{1B}`: a terminal shows it instead of obeying it.
pub fn escape_for_terminal(text: &str) -> Cow<'_, str> {
    let risky = |c: char| is_forbidden(c) || is_invisible(c) || matches!(c, '\u{2028}' | '\u{2029}');
    if !text.chars().any(risky) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if risky(c) {
            out.push_str(&format!("\\u{{{:X}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` without the characters XML 1.0 forbids.
pub fn xml_clean(text: &str) -> Cow<'_, str> {
    if text.chars().all(is_xml_char) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

/// A serialized XML document without the characters XML 1.0 forbids: the last guard of every
/// XML writer (`load` already dropped them from the data; `site.toml` and templates may still
/// hold one). No markup can contain such a character, so dropping them never changes the tree.
pub fn xml_guard(bytes: Vec<u8>) -> Vec<u8> {
    match String::from_utf8(bytes) {
        Ok(text) => match xml_clean(&text) {
            Cow::Borrowed(_) => text.into_bytes(),
            Cow::Owned(clean) => clean.into_bytes(),
        },
        // The writers only write UTF-8: leave anything else to the parser to reject.
        Err(error) => error.into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The classes hold what the brief lists, and leave ordinary text alone.
    #[test]
    fn classes() {
        for c in
            ['\u{0}', '\u{8}', '\u{1B}', '\u{7F}', '\u{85}', '\u{9F}', '\u{FFFE}', '\u{FFFF}', '\u{FDD0}']
        {
            assert!(is_forbidden(c), "{}", code_point(c));
        }
        assert!(is_forbidden('\u{10FFFF}') && is_forbidden('\u{1FFFE}'));
        for c in ['\t', '\n', '\r', 'é', ' ', '\u{A0}', '\u{202E}', '\u{FFFD}', '😀'] {
            assert!(!is_forbidden(c), "{}", code_point(c));
        }
        assert!(!is_xml_char('\u{1B}') && !is_xml_char('\u{FFFE}') && is_xml_char('\u{85}'));
        assert!(is_invisible('\u{202E}') && is_invisible('\u{200B}') && is_invisible('\u{2066}'));
        assert!(!is_invisible('é') && !is_invisible('\u{A0}'));
    }

    // Escapes are visible and unambiguous; clean text is borrowed as is.
    #[test]
    fn escapes() {
        assert_eq!(escape_for_terminal("a\u{1B}[31mb\u{202E}c"), "a\\u{1B}[31mb\\u{202E}c");
        assert!(matches!(escape_for_terminal("Théâtre\tà Bressoux"), Cow::Borrowed(_)));
        assert_eq!(xml_clean("a\u{1B}b\u{FFFE}c\u{85}"), "abc\u{85}");
        assert_eq!(xml_guard(b"<a>\x1b\x08x</a>".to_vec()), b"<a>x</a>");
    }
}
