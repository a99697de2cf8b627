//! Text → rows of cells, each cell knowing its line and column.
//!
//! The `csv` crate splits records and unquotes cells, and gives each record's byte offset and
//! line (`Position`). Where each *cell* starts is found by re-scanning the record's raw text
//! with the same quoting rules, so a diagnostic can point at the exact cell, even after a
//! multi-line quoted cell. The delimiter (`,` `;` or tab) is the one the header line uses most.

use crate::diagnostics::{Diagnostics, Severity};

/// One cell: its value, trimmed, and where it starts (1-based line, 1-based character column).
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub value: String,
    pub line: u32,
    pub column: u32,
}

/// One record of the file (the first one is the header).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: u32,
    pub cells: Vec<Cell>,
    /// A quoted cell of this row is never closed: the row swallowed the rest of the file.
    pub unterminated: bool,
}

/// The delimiter the first line uses most outside quotes; `,` when it uses none.
pub fn delimiter(text: &str) -> u8 {
    let (mut quoted, mut counts) = (false, [0usize; 3]);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], usize::MAX - i)).unwrap_or(0);
    [b',', b';', b'\t'][if counts[best] == 0 { 0 } else { best }]
}

/// Every record of `text`, header included. Malformed quoting is reported, never fatal.
pub fn read(text: &str, file: &str, diagnostics: &mut Diagnostics) -> Vec<Row> {
    let delimiter = delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut columns = Columns::default();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let (byte, line) = record.position().map_or((0, 1), |p| (p.byte(), p.line()));
                let (byte, line) =
                    record_start(text, usize::try_from(byte).unwrap_or(text.len()), to_u32(line));
                let scan = scan(text, byte, columns.at(text, byte), char::from(delimiter));
                if let Some((open_line, open_column)) = scan.unterminated {
                    diagnostics.push_at(
                        Severity::Error,
                        file,
                        (line + open_line, open_column),
                        "quoted cell never closed: the rest of the file went into it",
                        Some("add the closing `\"`; inside a cell, write a quote as `\"\"`".into()),
                    );
                }
                let cells = record
                    .iter()
                    .enumerate()
                    .map(|(i, value)| {
                        let (dl, column) = scan.starts.get(i).copied().unwrap_or((0, 1));
                        Cell { value: value.trim().to_owned(), line: line + dl, column }
                    })
                    .collect();
                rows.push(Row { line, cells, unterminated: scan.unterminated.is_some() });
            }
            Err(error) => {
                // The text is valid UTF-8 and read from memory: this is not expected, but a
                // diagnostic is better than a panic, and the reader cannot be trusted after it.
                let line = error.position().map_or(0, |p| to_u32(p.line()));
                diagnostics.push_at(
                    Severity::Error,
                    file,
                    (line, 0),
                    format!("unreadable CSV: {error}"),
                    None,
                );
                break;
            }
        }
    }
    rows
}

/// csv's position of a record may sit on the line break before it (the `\n` of a CRLF, blank
/// lines): step over those to the record's first character.
fn record_start(text: &str, mut byte: usize, mut line: u32) -> (usize, u32) {
    byte = byte.min(text.len());
    while let Some(c) = text[byte..].chars().next().filter(|c| matches!(c, '\r' | '\n')) {
        line += u32::from(c == '\n');
        byte += 1;
    }
    (byte, line)
}

/// Where a record's cells start: (lines after the record's first, column).
struct Scan {
    starts: Vec<(u32, u32)>,
    /// The opening quote of a cell still open at the end of the file.
    unterminated: Option<(u32, u32)>,
}

/// The character column of increasing byte offsets, counted from the last one: a record
/// ending at a bare CR does not start a line for `\n`-based columns, so looking back for the
/// line start of each record would make one long line quadratic.
#[derive(Default)]
struct Columns {
    byte: usize,
    column: u32,
}

impl Columns {
    /// The 1-based character column of `byte` on its line.
    fn at(&mut self, text: &str, byte: usize) -> u32 {
        if byte < self.byte {
            *self = Columns::default();
        }
        let between = text.get(self.byte..byte).unwrap_or("");
        self.column = match between.rfind('\n') {
            Some(i) => to_u32(between[i + 1..].chars().count()) + 1,
            None if self.byte == 0 => to_u32(between.chars().count()) + 1,
            None => self.column.saturating_add(to_u32(between.chars().count())),
        };
        self.byte = byte;
        self.column
    }
}

/// Scans one record from `byte` (at character `column` of its line), with csv-core's rules: a
/// `"` opens a quoted cell only as its first character, `""` inside it is a quote, delimiters
/// and line breaks inside it are text.
fn scan(text: &str, byte: usize, column: u32, delimiter: char) -> Scan {
    let mut column = column;
    let (mut line, mut quoted, mut field_start) = (0u32, false, true);
    let mut opened = (0, 0);
    let mut starts = vec![(0, column)];
    let mut chars = text[byte..].chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    column += 1;
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    column = 1;
                    continue;
                }
                _ => {}
            }
        } else if c == '"' && field_start {
            quoted = true;
            opened = (line, column);
        } else if c == delimiter {
            column += 1;
            starts.push((line, column));
            field_start = true;
            continue;
        } else if c == '\n' || c == '\r' {
            break;
        }
        field_start = false;
        column += 1;
    }
    Scan { starts, unterminated: quoted.then_some(opened) }
}

fn to_u32(n: impl TryInto<u32>) -> u32 {
    n.try_into().unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<Vec<(String, u32, u32)>> {
        let rows = read(text, "t.csv", &mut Diagnostics::default());
        rows.into_iter().map(|r| r.cells.into_iter().map(|c| (c.value, c.line, c.column)).collect()).collect()
    }

    // The delimiter is the header's most frequent one outside quotes.
    #[test]
    fn delimiter_from_header() {
        assert_eq!(delimiter("id,nom,ville\n1;2;3;4"), b',');
        assert_eq!(delimiter("id;nom;\"a,b,c\"\n"), b';');
        assert_eq!(delimiter("id\tnom\n"), b'\t');
        assert_eq!(delimiter("id\n"), b',');
    }

    // Cells know their column in characters, trimmed values, CRLF or LF.
    #[test]
    fn columns_in_characters() {
        let rows = cells("id,nom\r\né, x \r\n");
        assert_eq!(rows[1], [("é".into(), 2, 1), ("x".into(), 2, 3)]);
        let rows = cells("id,nom\n\n\r\n b,c\n");
        assert_eq!(rows[1], [("b".into(), 4, 1), ("c".into(), 4, 4)]);
    }

    // After a multi-line quoted cell, later records and cells have the right lines.
    #[test]
    fn multiline_cells_keep_lines() {
        let rows = cells("id,description,status\na,\"one\ntwo \"\"x\"\"\nthree\",full\nb,,open\n");
        assert_eq!(rows[1][1], ("one\ntwo \"x\"\nthree".into(), 2, 3));
        assert_eq!(rows[1][2], ("full".into(), 4, 8));
        assert_eq!(rows[2][0], ("b".into(), 5, 1));
    }

    // Columns counted forward agree with counting from the line start, across CR-only
    // record ends and line breaks.
    #[test]
    fn forward_columns() {
        let text = "ab\ré,x\rz\nq\r\nww";
        let mut columns = Columns::default();
        for byte in [0, 3, 6, 9, 10, 13] {
            let line_start = text[..byte].rfind('\n').map_or(0, |i| i + 1);
            let expected = to_u32(text[line_start..byte].chars().count()) + 1;
            assert_eq!(columns.at(text, byte), expected, "at byte {byte}");
        }
    }

    // An unclosed quote is an error at the opening quote, not a panic.
    #[test]
    fn unterminated_quote_is_reported() {
        let mut d = Diagnostics::default();
        let rows = read("id,nom\na,\"oops\nb,c\n", "t.csv", &mut d);
        assert_eq!(rows.len(), 2);
        let first = d.iter().next().map(|d| (d.line, d.column));
        assert_eq!(first, Some((2, 3)));
    }
}
