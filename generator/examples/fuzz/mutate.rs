//! Mutations of a seed file: what careless and hostile hands do to a spreadsheet export.

/// The harness's draws, over the workspace's one seeded generator: a run is reproducible from
/// its seed.
pub struct Rng(passerelle_index::rng::SplitMix64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(passerelle_index::rng::SplitMix64::new(seed))
    }

    pub fn next(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// A number in `0..n` (`0` when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0.below(n as u64) as usize
    }
}

/// The naughty strings, one per line (`#` lines are comments), `\xNN` and `\uNNNN` decoded.
pub fn naughty(list: &str) -> Vec<Vec<u8>> {
    list.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).map(unescape).collect()
}

fn unescape(line: &str) -> Vec<u8> {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 1..];
        let (len, code) = match tail.as_bytes().first() {
            Some(b'x') => (2, tail.get(1..3).and_then(|h| u32::from_str_radix(h, 16).ok())),
            Some(b'u') => (4, tail.get(1..5).and_then(|h| u32::from_str_radix(h, 16).ok())),
            Some(b't') => (0, Some(9)),
            Some(b'r') => (0, Some(13)),
            Some(b'n') => (0, Some(10)),
            _ => (0, None),
        };
        match code.and_then(char::from_u32) {
            Some(c) => {
                out.push(c);
                rest = &tail[1 + len..];
            }
            None => {
                out.push('\\');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out.into_bytes()
}

/// Applies one to four random mutations to `bytes`; returns their names.
pub fn mutate(bytes: &mut Vec<u8>, naughty: &[Vec<u8>], rng: &mut Rng) -> Vec<&'static str> {
    let count = 1 + rng.below(4);
    (0..count).map(|_| one(bytes, naughty, rng)).collect()
}

fn one(bytes: &mut Vec<u8>, naughty: &[Vec<u8>], rng: &mut Rng) -> &'static str {
    let at = rng.below(bytes.len() + 1);
    match rng.below(11) {
        0 => {
            if let Some(b) = bytes.get_mut(at) {
                *b ^= 1 << rng.below(8);
            }
            "bit flip"
        }
        1 => {
            let byte = (rng.next() & 0xFF) as u8;
            bytes.insert(at, byte);
            "byte insert"
        }
        2 | 3 => {
            let s = &naughty[rng.below(naughty.len())];
            bytes.splice(at..at, s.iter().copied());
            "naughty string"
        }
        4 => {
            bytes.truncate(at);
            "truncation"
        }
        5 => {
            let (from, to) =
                [(b',', b';'), (b';', b','), (b',', b'\t'), (b'"', b'\''), (b'\n', b'\r')][rng.below(5)];
            let all = rng.below(2) == 0;
            for b in bytes.iter_mut().skip(at) {
                if *b == from {
                    *b = to;
                    if !all {
                        break;
                    }
                }
            }
            "delimiter swap"
        }
        6 => {
            encoding(bytes, rng);
            "encoding swap"
        }
        7 => {
            let unit = &naughty[rng.below(naughty.len())];
            let huge: Vec<u8> =
                unit.iter().chain(b"x").copied().cycle().take(1 + rng.below(300_000)).collect();
            bytes.splice(at..at, huge);
            "huge cell"
        }
        8 => {
            // Duplicate a line (a pasted row).
            let start = bytes[..at.min(bytes.len())].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let end = bytes[start..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| start + i + 1);
            let line = bytes[start..end].to_vec();
            let times = 1 + rng.below(3);
            for _ in 0..times {
                bytes.splice(end..end, line.iter().copied());
            }
            "line duplicate"
        }
        9 => {
            let end = (at + 1 + rng.below(64)).min(bytes.len());
            if at < end {
                bytes.drain(at..end);
            }
            "deletion"
        }
        _ => {
            bytes.insert(at, b'"');
            "stray quote"
        }
    }
}

/// Re-encodes the text (Windows-1252, UTF-16 LE or BE with a BOM, BOMs, one stray byte).
fn encoding(bytes: &mut Vec<u8>, rng: &mut Rng) {
    let text = String::from_utf8_lossy(bytes).into_owned();
    *bytes = match rng.below(6) {
        0 => encoding_rs::WINDOWS_1252.encode(&text).0.into_owned(),
        1 => [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect(),
        2 => [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect(),
        3 => [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF].into_iter().chain(text.bytes()).collect(),
        4 => {
            let mut b = text.into_bytes();
            let at = rng.below(b.len() + 1);
            b.insert(at, [0xE9, 0x80, 0xC3, 0xFF][rng.below(4)]);
            b
        }
        _ => text.encode_utf16().flat_map(u16::to_le_bytes).collect(), // UTF-16 without a BOM
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes() {
        assert_eq!(unescape(r"a\x1bb\u202ec\td"), "a\u{1b}b\u{202e}c\td".as_bytes());
        assert_eq!(unescape(r"..\..\win"), br"..\..\win");
    }
}
