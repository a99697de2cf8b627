//! Bytes → text: what a spreadsheet saved, whatever it was saved as.
//!
//! UTF-8 with or without a BOM (even two: some tools add one to a file that had one); UTF-16
//! with its BOM (Excel's "Unicode text"); otherwise the encoding chardetng guesses (Firefox's
//! detector: Windows-1252 for a French spreadsheet saved as "CSV"), decoded by encoding_rs.
//! Nothing is dropped silently: bytes the guessed encoding cannot decode are reported.
//!
//! A UTF-8 file with a few stray Windows-1252 bytes (one cell pasted from an old export) is
//! *mixed*: it has valid multi-byte UTF-8 sequences, so it is read as UTF-8 and only each
//! invalid byte is read as Windows-1252, instead of turning every `é` of the file into `Ã©`.
//! [`Decoded::mixed`] says where the first such byte is, for a warning.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// A file's text, and how it was read.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// The encoding the bytes were decoded from (`UTF-8`, `windows-1252`, …).
    pub encoding: &'static Encoding,
    /// Some bytes could not be decoded and were replaced by U+FFFD.
    pub lossy: bool,
    /// A mostly UTF-8 file whose invalid bytes were read as Windows-1252.
    pub mixed: Option<Mixed>,
}

/// Where a mixed file's first invalid byte was, and how many there were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mixed {
    /// 1-based line and character column of the first invalid byte, in the decoded text.
    pub line: u32,
    pub column: u32,
    /// That byte, and the character it was read as.
    pub byte: u8,
    pub read_as: char,
    /// Invalid bytes in the whole file.
    pub count: usize,
}

/// Decodes a file's bytes, removing every leading byte order mark.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        if encoding == UTF_16LE || encoding == UTF_16BE {
            let (text, lossy) = encoding.decode_without_bom_handling(&bytes[bom..]);
            return Decoded { text: strip_boms(&text).to_owned(), encoding, lossy, mixed: None };
        }
    }
    let mut body = bytes;
    while let Some(rest) = body.strip_prefix(UTF8_BOM) {
        body = rest;
    }
    if let Ok(text) = std::str::from_utf8(body) {
        return Decoded {
            text: strip_boms(text).to_owned(),
            encoding: encoding_rs::UTF_8,
            lossy: false,
            mixed: None,
        };
    }
    if let Some(decoded) = mixed(body) {
        return decoded;
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(body, true);
    let encoding = detector.guess(None, Utf8Detection::Deny);
    let (text, lossy) = encoding.decode_without_bom_handling(body);
    Decoded { text: strip_boms(&text).to_owned(), encoding, lossy, mixed: None }
}

/// `body` as UTF-8 with each invalid byte read as Windows-1252, when it has at least one valid
/// multi-byte UTF-8 sequence (a Windows-1252 file practically never does: `é` followed by two
/// bytes from 0x80–0xBF is not French); `None` otherwise.
fn mixed(body: &[u8]) -> Option<Decoded> {
    let chunks = || body.utf8_chunks();
    if !chunks().any(|chunk| chunk.valid().chars().any(|c| c.len_utf8() > 1)) {
        return None;
    }
    let mut text = String::with_capacity(body.len() + 16);
    let mut first: Option<Mixed> = None;
    let mut count = 0;
    for chunk in chunks() {
        text.push_str(chunk.valid());
        for &byte in chunk.invalid() {
            let one = [byte];
            let (read, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&one);
            let read_as = read.chars().next().unwrap_or('\u{FFFD}');
            if first.is_none() {
                let line_start = text.rfind('\n').map_or(0, |i| i + 1);
                let line = text.matches('\n').count() + 1;
                let column = text[line_start..].chars().count() + 1;
                first = Some(Mixed { line: to_u32(line), column: to_u32(column), byte, read_as, count: 0 });
            }
            text.push(read_as);
            count += 1;
        }
    }
    let mixed = first.map(|m| Mixed { count, ..m });
    Some(Decoded { text: strip_boms(&text).to_owned(), encoding: encoding_rs::UTF_8, lossy: false, mixed })
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Removes leading U+FEFF characters (a BOM decoded as text, or a doubled one).
fn strip_boms(text: &str) -> &str {
    text.trim_start_matches('\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    // One or two UTF-8 BOMs are dropped; the text is kept as is.
    #[test]
    fn boms_are_stripped_even_doubled() {
        assert_eq!(decode(b"\xEF\xBB\xBFid,nom\n").text, "id,nom\n");
        assert_eq!(decode(b"\xEF\xBB\xBF\xEF\xBB\xBFid\n").text, "id\n");
        assert_eq!(decode("id,résumé".as_bytes()).text, "id,résumé");
    }

    // A French spreadsheet saved in Windows-1252 decodes to the same text as its UTF-8 twin.
    #[test]
    fn windows_1252_is_detected() {
        let text = "id;titre;résumé\natelier;Théâtre à Bressoux;Un été, des ateliers\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        let decoded = decode(&bytes);
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.encoding, encoding_rs::WINDOWS_1252);
        assert!(!decoded.lossy);
    }

    // One stray Windows-1252 byte in a UTF-8 file: the rest stays UTF-8, that byte is read
    // as Windows-1252, and its place is given.
    #[test]
    fn mixed_utf8_and_windows_1252() {
        let mut bytes = "id,nom\natelier,Saint-Léonard\nb,Th".as_bytes().to_vec();
        bytes.extend(b"\xe9\xe2tre\n");
        let decoded = decode(&bytes);
        assert_eq!(decoded.text, "id,nom\natelier,Saint-Léonard\nb,Théâtre\n");
        assert_eq!(decoded.encoding, encoding_rs::UTF_8);
        let mixed = decoded.mixed.expect("mixed");
        assert_eq!((mixed.line, mixed.column, mixed.byte, mixed.read_as, mixed.count), (3, 5, 0xE9, 'é', 2));
        assert!(!decoded.lossy);
        assert_eq!(decode("id,résumé".as_bytes()).mixed, None);
    }

    // Excel's "Unicode text" (UTF-16 LE with a BOM) is read too.
    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "id\tnom\n".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).text, "id\tnom\n");
    }
}
