//! Where things are in a GeoJSON text: a parsed `serde_json::Value` carries no position, so
//! one pass over the text finds where each element of the root's `features` array starts, and
//! a [`Cursor`] turns increasing byte offsets into line and column. Both are linear in the
//! text, whatever the number of features (one `find` per feature from the top would not be).

/// Byte offsets where each element of the root object's `"features"` array starts (the last
/// such array if the key is repeated, as serde_json keeps the last). `text` is valid JSON.
pub fn feature_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let (mut depth, mut i) = (0usize, 0usize);
    let (mut expect_key, mut last_key) = (false, (0usize, 0usize));
    let mut in_features = false;
    let mut element_next = false;
    let mut starts = Vec::new();
    while i < bytes.len() {
        let b = bytes[i];
        if in_features && depth == 2 && element_next && !b.is_ascii_whitespace() && b != b']' {
            starts.push(i);
            element_next = false;
        }
        match b {
            b'"' => {
                let start = i + 1;
                i = string_end(bytes, start);
                if depth == 1 && expect_key {
                    (last_key, expect_key) = ((start, i), false);
                }
            }
            b'{' | b'[' => {
                depth += 1;
                if depth == 1 && b == b'{' {
                    expect_key = true;
                }
                if depth == 2 && b == b'[' && text.get(last_key.0..last_key.1) == Some("features") {
                    (in_features, element_next) = (true, true);
                    starts.clear();
                }
            }
            b'}' | b']' => {
                if depth == 2 && in_features && b == b']' {
                    in_features = false;
                }
                depth = depth.saturating_sub(1);
            }
            b',' if depth == 1 => expect_key = true,
            b',' if depth == 2 && in_features => element_next = true,
            _ => {}
        }
        i += 1;
    }
    starts
}

/// The index of the closing quote of the string whose content starts at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Line and character column of byte offsets, moving forward through the text.
pub struct Cursor<'a> {
    text: &'a str,
    offset: usize,
    line: u32,
    column: u32,
}

impl<'a> Cursor<'a> {
    pub fn new(text: &'a str) -> Cursor<'a> {
        Cursor { text, offset: 0, line: 1, column: 1 }
    }

    /// The 1-based line and column of byte `offset` (restarting from the top if it is behind
    /// the cursor, which the loader's increasing offsets avoid).
    pub fn at(&mut self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            *self = Cursor::new(self.text);
        }
        let Some(between) = self.text.get(self.offset..offset) else { return (self.line, self.column) };
        for c in between.chars() {
            if c == '\n' {
                (self.line, self.column) = (self.line.saturating_add(1), 1);
            } else {
                self.column = self.column.saturating_add(1);
            }
        }
        self.offset = offset;
        (self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Each feature's first byte, nested arrays and strings with brackets and escapes skipped.
    #[test]
    fn starts_of_features() {
        let text = r#"{"name": "a \"features\" [x", "features": [ {"id": "[1]"} ,
{"g": [[1, 2]]},{}], "other": [{}]}"#;
        let starts = feature_starts(text);
        let firsts: Vec<char> = starts.iter().map(|&i| text[i..].chars().next().unwrap_or(' ')).collect();
        assert_eq!(firsts, ['{', '{', '{']);
        assert_eq!(&text[starts[1]..starts[1] + 4], "{\"g\"");
        assert!(feature_starts(r#"{"features": []}"#).is_empty());
    }

    // Lines and columns in characters, forward and backward.
    #[test]
    fn cursor() {
        let text = "ab\né{x\n  y";
        let mut c = Cursor::new(text);
        assert_eq!(c.at(0), (1, 1));
        assert_eq!(c.at(text.find('{').unwrap_or(0)), (2, 2));
        assert_eq!(c.at(text.find('y').unwrap_or(0)), (3, 3));
        assert_eq!(c.at(1), (1, 2));
    }
}
