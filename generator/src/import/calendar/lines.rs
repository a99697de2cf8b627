//! A calendar's text → its content lines, unfolded (RFC 5545 §3.1), each knowing where in
//! the file every piece of it came from, so a diagnostic names `file.ics:line:col` even for a
//! value folded over several lines.

/// One content line, unfolded, and the physical lines it was folded from.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    /// `(byte offset in text, physical line, character column of that byte)`, one per
    /// physical line, in order.
    pieces: Vec<(usize, u32, u32)>,
}

impl Line {
    /// The physical line and column (1-based) of the byte at `offset` in [`Line::text`].
    pub fn at(&self, offset: usize) -> (u32, u32) {
        let index = self.pieces.partition_point(|p| p.0 <= offset).saturating_sub(1);
        let Some(&(start, line, column)) = self.pieces.get(index) else { return (1, 1) };
        let chars = self.text.get(start..offset.min(self.text.len())).map_or(0, |s| s.chars().count());
        (line, column + u32::try_from(chars).unwrap_or(u32::MAX - column))
    }

    /// Where this line starts.
    pub fn start(&self) -> (u32, u32) {
        self.at(0)
    }

    /// The property name (`DTSTART` of `DTSTART;TZID=…:…`), upper case.
    pub fn name(&self) -> String {
        let end = self.text.find([';', ':']).unwrap_or(self.text.len());
        self.text[..end].trim().to_ascii_uppercase()
    }

    /// Where the value starts: after the first `:` outside a quoted parameter.
    pub fn value_at(&self) -> (u32, u32) {
        let mut quoted = false;
        for (i, c) in self.text.char_indices() {
            match c {
                '"' => quoted = !quoted,
                ':' if !quoted => return self.at(i + 1),
                _ => {}
            }
        }
        self.start()
    }
}

/// The content lines of `text` (CRLF or LF; a line starting with a space or a tab continues
/// the previous one); blank lines are dropped.
pub fn unfold(text: &str) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    for (n, raw) in text.split('\n').enumerate() {
        let number = u32::try_from(n + 1).unwrap_or(u32::MAX);
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match (raw.strip_prefix([' ', '\t']), out.last_mut()) {
            (Some(rest), Some(last)) => {
                last.pieces.push((last.text.len(), number, 2));
                last.text.push_str(rest);
            }
            _ if raw.trim().is_empty() => {}
            _ => out.push(Line { text: raw.to_owned(), pieces: vec![(0, number, 1)] }),
        }
    }
    out
}

/// The text the parser reads: the content lines joined by LF.
pub fn joined(lines: &[Line]) -> String {
    let mut out = String::with_capacity(lines.iter().map(|l| l.text.len() + 1).sum());
    for line in lines {
        out.push_str(&line.text);
        out.push('\n');
    }
    out
}

/// The content lines of each VEVENT, in file order: `(its BEGIN line, its own property
/// lines)`; the lines of components nested in it (VALARM) are left out.
pub fn events(lines: &[Line]) -> Vec<(&Line, Vec<&Line>)> {
    let mut out = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    for line in lines {
        let upper = line.text.trim().to_ascii_uppercase();
        if let Some(name) = upper.strip_prefix("BEGIN:") {
            if name == "VEVENT" {
                out.push((line, Vec::new()));
            }
            stack.push(name.to_owned());
        } else if upper.starts_with("END:") {
            stack.pop();
        } else if stack.last().is_some_and(|s| s == "VEVENT") {
            if let Some((_, properties)) = out.last_mut() {
                properties.push(line);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // A folded value keeps the place of each of its pieces.
    #[test]
    fn folded_lines_keep_their_places() {
        let lines = unfold("BEGIN:VEVENT\r\nDESCRIPTION:Atelier de\r\n  slam\r\n\r\nEND:VEVENT\r\n");
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[1].text, "DESCRIPTION:Atelier de slam");
        assert_eq!(lines[1].name(), "DESCRIPTION");
        assert_eq!(lines[1].value_at(), (2, 13));
        assert_eq!(lines[1].at(lines[1].text.find("slam").unwrap_or(0)), (3, 3));
    }

    // A quoted parameter may hold a colon.
    #[test]
    fn the_value_starts_after_the_parameters() {
        let lines = unfold("LOCATION;ALTREP=\"http://x.org\":Salle");
        assert_eq!(lines[0].value_at(), (1, 32));
    }
}
