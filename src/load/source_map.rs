//! Spans and positions: where each value of a document is in its source text.

use std::collections::HashMap;

/// A byte range in the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }
}

/// Where one value is, and for object members where its key is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeSpan {
    /// The key of an object member (including quotes in JSON), if the value has one.
    pub key: Option<Span>,
    /// The value.
    pub value: Span,
}

/// A 1-based line and column (the column counts characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `text`.
    #[must_use]
    pub fn of_offset(text: &str, offset: usize) -> Position {
        // Counting line ends before `offset` is cheaper than building the line table
        // for a single lookup.
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text.as_bytes()[..offset];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = text[start..offset].chars().count() + 1;
        Position { line, column }
    }

    pub(crate) fn of_offset_with(text: &str, starts: &[usize], offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let start = starts.get(line - 1).copied().unwrap_or(0);
        let column = text[start..offset].chars().count() + 1;
        Position { line, column }
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Byte offsets at which lines start (the first is 0). A line ends at `\n`; a `\r`
/// before it belongs to the line end.
pub(crate) fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(
        text.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .map(|(i, _)| i + 1),
    );
    starts
}

/// Every value's span, by JSON pointer (`""` is the root, `/work/0/name` a field).
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    spans: HashMap<String, NodeSpan>,
}

impl SourceMap {
    /// The span of the value at `pointer`.
    #[must_use]
    pub fn get(&self, pointer: &str) -> Option<NodeSpan> {
        self.spans.get(pointer).copied()
    }

    /// How many values have a span.
    #[must_use]
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether no value has a span.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    pub(crate) fn insert(&mut self, pointer: &str, span: NodeSpan) {
        self.spans.insert(pointer.to_owned(), span);
    }

    /// Forgets the spans of `pointer`'s descendants (a value replaced by a later
    /// duplicate key).
    pub(crate) fn remove_below(&mut self, pointer: &str) {
        let prefix = format!("{pointer}/");
        self.spans.retain(|p, _| !p.starts_with(&prefix));
    }
}

/// Escapes one JSON pointer token: `~` → `~0`, `/` → `~1` (RFC 6901).
#[must_use]
pub fn escape_pointer_token(token: &str) -> std::borrow::Cow<'_, str> {
    if token.contains(['~', '/']) {
        token.replace('~', "~0").replace('/', "~1").into()
    } else {
        token.into()
    }
}

/// Builds pointers while walking a tree: push a token, record, pop.
#[derive(Debug, Default)]
pub(crate) struct PointerBuf {
    text: String,
    marks: Vec<usize>,
}

impl PointerBuf {
    pub fn push_key(&mut self, key: &str) {
        self.marks.push(self.text.len());
        self.text.push('/');
        self.text.push_str(&escape_pointer_token(key));
    }

    pub fn push_index(&mut self, index: usize) {
        use std::fmt::Write;
        self.marks.push(self.text.len());
        let _ = write!(self.text, "/{index}");
    }

    pub fn pop(&mut self) {
        if let Some(mark) = self.marks.pop() {
            self.text.truncate(mark);
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn depth(&self) -> usize {
        self.marks.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_lines() {
        let text = "ab\r\nçd\nx";
        assert_eq!(
            Position::of_offset(text, 0),
            Position { line: 1, column: 1 }
        );
        assert_eq!(
            Position::of_offset(text, 4),
            Position { line: 2, column: 1 }
        );
        // `ç` is two bytes, one column.
        assert_eq!(
            Position::of_offset(text, 6),
            Position { line: 2, column: 2 }
        );
        assert_eq!(
            Position::of_offset(text, 8),
            Position { line: 3, column: 1 }
        );
        // Past the end clamps.
        assert_eq!(
            Position::of_offset(text, 99),
            Position { line: 3, column: 2 }
        );
        // Counting and the line table agree everywhere, inside `ç` too.
        let starts = line_starts(text);
        for offset in 0..=text.len() + 1 {
            assert_eq!(
                Position::of_offset(text, offset),
                Position::of_offset_with(text, &starts, offset),
                "{offset}"
            );
        }
    }

    #[test]
    fn pointer_tokens_are_escaped() {
        assert_eq!(escape_pointer_token("a/b~c"), "a~1b~0c");
        let mut p = PointerBuf::default();
        p.push_key("work");
        p.push_index(3);
        assert_eq!(p.as_str(), "/work/3");
        p.pop();
        assert_eq!(p.as_str(), "/work");
    }
}
