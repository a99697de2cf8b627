//! Bytes → text: what a spreadsheet saved, whatever it was saved as.
//!
//! UTF-8 with or without a BOM (even two: some tools add one to a file that had one); UTF-16
//! with its BOM (Excel's "Unicode text"); otherwise the encoding chardetng guesses (Firefox's
//! detector: Windows-1252 for a French spreadsheet saved as "CSV"), decoded by encoding_rs.
//! Nothing is dropped silently: bytes the guessed encoding cannot decode are reported.

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
}

/// Decodes a file's bytes, removing every leading byte order mark.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        if encoding == UTF_16LE || encoding == UTF_16BE {
            let (text, lossy) = encoding.decode_without_bom_handling(&bytes[bom..]);
            return Decoded { text: strip_boms(&text).to_owned(), encoding, lossy };
        }
    }
    let mut body = bytes;
    while let Some(rest) = body.strip_prefix(UTF8_BOM) {
        body = rest;
    }
    if let Ok(text) = std::str::from_utf8(body) {
        return Decoded { text: strip_boms(text).to_owned(), encoding: encoding_rs::UTF_8, lossy: false };
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(body, true);
    let encoding = detector.guess(None, Utf8Detection::Deny);
    let (text, lossy) = encoding.decode_without_bom_handling(body);
    Decoded { text: strip_boms(&text).to_owned(), encoding, lossy }
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
