//! Finding the place of a few values in JSON text without building the span map.
//!
//! A document with one or two findings needs two places, not the few hundred the span
//! map holds. [`JsonLocator`] walks the text to each pointer asked for, skipping what is
//! not on the way, at a few microseconds per lookup. After [`MAX_SCANS`] lookups it
//! builds the span map once (with the loader) and answers from it, so many findings never
//! cost more than the full parse. It expects text that already parsed as JSON without
//! repeated keys (what `fast::parse_json` accepts).

use std::cell::{Cell, OnceCell};

use crate::diagnostic::Locate;
use crate::load::{self, Document, Format, NodeSpan, Position, Span};

/// Lookups answered by scanning before the span map is built.
const MAX_SCANS: usize = 16;

/// Answers [`Locate`] for valid JSON text, scanning for the first few pointers.
pub(crate) struct JsonLocator<'a> {
    text: &'a str,
    scans: Cell<usize>,
    doc: OnceCell<Option<Document>>,
}

impl<'a> JsonLocator<'a> {
    pub fn new(text: &'a str) -> Self {
        JsonLocator {
            text,
            scans: Cell::new(0),
            doc: OnceCell::new(),
        }
    }

    fn document(&self) -> Option<&Document> {
        self.doc
            .get_or_init(|| load::parse(self.text, Format::Json).ok())
            .as_ref()
    }
}

impl Locate for JsonLocator<'_> {
    fn nearest_span(&self, pointer: &str) -> Option<NodeSpan> {
        if self.scans.get() >= MAX_SCANS {
            return self.document().and_then(|d| d.nearest_span(pointer));
        }
        self.scans.set(self.scans.get() + 1);
        Scanner {
            b: self.text.as_bytes(),
        }
        .find(pointer)
    }

    fn position(&self, offset: usize) -> Position {
        match self.doc.get() {
            // Once the span map is built, its line table answers.
            Some(Some(doc)) => doc.position(offset),
            _ => Position::of_offset(self.text, offset),
        }
    }
}

struct Scanner<'a> {
    b: &'a [u8],
}

impl Scanner<'_> {
    fn ws(&self, mut i: usize) -> usize {
        while matches!(self.b.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            i += 1;
        }
        i
    }

    /// The end of the string starting at `i` (one past the closing quote).
    fn string_end(&self, mut i: usize) -> usize {
        i += 1;
        while let Some(&c) = self.b.get(i) {
            match c {
                b'\\' => i += 2,
                b'"' => return i + 1,
                _ => i += 1,
            }
        }
        self.b.len()
    }

    /// The end of the value starting at `i`.
    fn value_end(&self, i: usize) -> usize {
        match self.b.get(i) {
            Some(b'"') => self.string_end(i),
            Some(b'{' | b'[') => {
                let mut depth = 0usize;
                let mut j = i;
                while let Some(&c) = self.b.get(j) {
                    match c {
                        b'"' => {
                            j = self.string_end(j);
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                return j + 1;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                self.b.len()
            }
            _ => {
                let mut j = i;
                while self.b.get(j).is_some_and(|c| {
                    !matches!(c, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                }) {
                    j += 1;
                }
                j
            }
        }
    }

    /// The key at `i` (a string), decoded only when it has escapes.
    fn key_matches(&self, start: usize, end: usize, token: &str) -> bool {
        let raw = &self.b[start + 1..end.saturating_sub(1).max(start + 1)];
        if raw.contains(&b'\\') {
            std::str::from_utf8(&self.b[start..end])
                .ok()
                .and_then(|s| serde_json::from_str::<String>(s).ok())
                .is_some_and(|k| k == token)
        } else {
            raw == token.as_bytes()
        }
    }

    /// The span of the value at `pointer`, or of the deepest ancestor found.
    fn find(&self, pointer: &str) -> Option<NodeSpan> {
        let mut at = self.ws(0);
        self.b.get(at)?;
        let mut key = None;
        for raw in pointer.split('/').skip(1) {
            let token = raw.replace("~1", "/").replace("~0", "~");
            let next = match self.b.get(at) {
                Some(b'{') => self.member(at, &token),
                Some(b'[') => token.parse().ok().and_then(|n| self.element(at, n)),
                _ => None,
            };
            match next {
                Some((k, v)) => (key, at) = (k, v),
                None => break,
            }
        }
        Some(NodeSpan {
            key,
            value: Span::new(at, self.value_end(at)),
        })
    }

    /// The key span and value start of member `token` of the object at `at`.
    fn member(&self, at: usize, token: &str) -> Option<(Option<Span>, usize)> {
        let mut i = self.ws(at + 1);
        while self.b.get(i) == Some(&b'"') {
            let key_end = self.string_end(i);
            let value = self.ws(self.ws(key_end) + 1);
            if self.key_matches(i, key_end, token) {
                // Keys are not repeated (see `JsonLocator`): the first match is the one.
                return Some((Some(Span::new(i, key_end)), value));
            }
            i = self.ws(self.value_end(value));
            if self.b.get(i) != Some(&b',') {
                break;
            }
            i = self.ws(i + 1);
        }
        None
    }

    /// The start of element `n` of the array at `at`.
    fn element(&self, at: usize, n: usize) -> Option<(Option<Span>, usize)> {
        let mut i = self.ws(at + 1);
        if self.b.get(i) == Some(&b']') {
            return None;
        }
        for _ in 0..n {
            i = self.ws(self.value_end(i));
            if self.b.get(i) != Some(&b',') {
                return None;
            }
            i = self.ws(i + 1);
        }
        Some((None, i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanning_finds_what_the_span_map_holds() {
        let text = "{\n  \"a\": {\"b~/c\": [1, {\"d\": \"x\\\"]}\"}, [2, 3]]},\n  \"e\\u0041\": true, \"n\": -1.5e3\n}";
        let doc = load::parse(text, Format::Json).unwrap();
        let locator = JsonLocator::new(text);
        for pointer in [
            "",
            "/a",
            "/a/b~0~1c",
            "/a/b~0~1c/0",
            "/a/b~0~1c/1",
            "/a/b~0~1c/1/d",
            "/a/b~0~1c/2",
            "/a/b~0~1c/2/1",
            "/eA",
            "/n",
            "/missing",
            "/a/b~0~1c/9",
        ] {
            assert_eq!(
                locator.nearest_span(pointer),
                doc.nearest_span(pointer),
                "{pointer}"
            );
        }
        for offset in [0, 1, 5, 30, text.len()] {
            assert_eq!(locator.position(offset), doc.position(offset));
        }
    }
}
