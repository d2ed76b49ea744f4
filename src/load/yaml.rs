//! YAML with positions, built from `saphyr-parser` events.
//!
//! Scalars resolve by the YAML 1.2 core schema, so `2020-01`, `yes` and `no` stay text
//! (YAML 1.1 would turn them into a date and booleans). Two deliberate departures keep
//! data: an integer written with a leading zero (`01234`, a postal code) stays text,
//! and `.inf`/`.nan`, `1e999` and integers past 64 bits, which JSON cannot hold
//! without rounding, stay text too. Anchors and aliases work,
//! `<<` merge keys too, and alias expansion is capped at [`MAX_ALIAS_EXPANSION`] values
//! so an alias bomb is refused.

use std::collections::HashMap;

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, Tag};
use serde_json::{Map, Number, Value};

use super::source_map::{NodeSpan, PointerBuf, SourceMap, Span, line_starts};
use super::{Format, MAX_ALIAS_EXPANSION, MAX_DEPTH, Parsed, SyntaxError};

pub(super) fn parse(text: &str) -> Result<Parsed, SyntaxError> {
    Builder::new(text).run()
}

enum Frame {
    Seq {
        items: Vec<Value>,
        start: usize,
        flow: bool,
        last_end: usize,
        anchor: usize,
        key: Option<Span>,
    },
    Map {
        map: Map<String, Value>,
        start: usize,
        flow: bool,
        last_end: usize,
        anchor: usize,
        key: Option<Span>,
        /// The key read, waiting for its value.
        pending: Option<(String, Span, bool)>,
        /// Mappings to merge in at the end (`<<: *defaults`).
        merges: Vec<Map<String, Value>>,
    },
}

struct Builder<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// Cursor for converting character indices to byte offsets.
    cursor: (usize, usize),
    stack: Vec<Frame>,
    pointer: PointerBuf,
    spans: SourceMap,
    duplicate_keys: Vec<(String, Span)>,
    anchors: HashMap<usize, Value>,
    expanded: usize,
    root: Option<Value>,
    documents: usize,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str) -> Self {
        Builder {
            text,
            starts: line_starts(text),
            cursor: (0, 0),
            stack: Vec::new(),
            pointer: PointerBuf::default(),
            spans: SourceMap::default(),
            duplicate_keys: Vec::new(),
            anchors: HashMap::new(),
            expanded: 0,
            root: None,
            documents: 0,
        }
    }

    fn error(&self, offset: usize, message: impl Into<String>) -> SyntaxError {
        SyntaxError::at(Format::Yaml, self.text, offset, message)
    }

    /// Byte offset of a marker (markers count characters).
    fn byte(&mut self, m: Marker) -> usize {
        let (mut chars, mut bytes) = self.cursor;
        if m.index() < chars {
            // Rare: go back to the start of the marker's line.
            let line_start = self
                .starts
                .get(m.line().saturating_sub(1))
                .copied()
                .unwrap_or(0);
            let col_bytes: usize = self.text[line_start..]
                .chars()
                .take(m.col())
                .map(char::len_utf8)
                .sum();
            return (line_start + col_bytes).min(self.text.len());
        }
        let mut iter = self.text[bytes..].chars();
        while chars < m.index() {
            let Some(c) = iter.next() else { break };
            chars += 1;
            bytes += c.len_utf8();
        }
        self.cursor = (chars, bytes);
        bytes
    }

    fn run(mut self) -> Result<Parsed, SyntaxError> {
        let mut parser = Parser::new_from_str(self.text);
        while let Some(event) = parser.next_event() {
            let (event, span) = match event {
                Ok(e) => e,
                Err(e) => {
                    let at = self.byte(*e.marker());
                    let message = match e.info() {
                        // The scanner's own limit on `[`/`{` nesting (255).
                        "recursion limit exceeded" => {
                            format!("mappings and sequences nest deeper than {MAX_DEPTH} levels")
                        }
                        info => info.to_owned(),
                    };
                    return Err(self.error(at, message));
                }
            };
            let start = self.byte(span.start);
            let end = self.byte(span.end);
            match event {
                Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
                Event::DocumentStart(_) => {
                    self.documents += 1;
                    if self.documents > 1 {
                        return Err(self.error(start, "this YAML stream holds more than one document (`---`): vitae reads one resume per file"));
                    }
                }
                Event::Alias(id) => {
                    let Some(value) = self.anchors.get(&id).cloned() else {
                        return Err(self.error(start, "this alias refers to an unknown anchor"));
                    };
                    self.expanded += count_nodes(&value);
                    if self.expanded > MAX_ALIAS_EXPANSION {
                        return Err(self.error(start, format!(
                            "aliases expand to more than {MAX_ALIAS_EXPANSION} values (an alias bomb?): vitae refuses this document"
                        )));
                    }
                    self.value(value, Span::new(start, end), 0, start)?;
                }
                Event::Scalar(text, style, anchor, tag) => {
                    if let Some(Frame::Map {
                        pending: pending @ None,
                        ..
                    }) = self.stack.last_mut()
                    {
                        let plain = style == ScalarStyle::Plain;
                        *pending = Some((text.into_owned(), Span::new(start, end), plain));
                        continue;
                    }
                    let value =
                        resolve(&text, style, tag.as_deref()).map_err(|m| self.error(start, m))?;
                    self.value(value, Span::new(start, end), anchor, start)?;
                }
                Event::SequenceStart(anchor, _) => {
                    let key = self.open(start)?;
                    let flow = self.text[start..].starts_with('[');
                    self.stack.push(Frame::Seq {
                        items: Vec::new(),
                        start,
                        flow,
                        last_end: end,
                        anchor,
                        key,
                    });
                }
                Event::MappingStart(anchor, _) => {
                    let key = self.open(start)?;
                    let flow = self.text[start..].starts_with('{');
                    self.stack.push(Frame::Map {
                        map: Map::new(),
                        start,
                        flow,
                        last_end: end,
                        anchor,
                        key,
                        pending: None,
                        merges: Vec::new(),
                    });
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    let Some(frame) = self.stack.pop() else {
                        return Err(self.error(start, "unbalanced YAML structure"));
                    };
                    let (value, span, anchor, key) = match frame {
                        Frame::Seq {
                            items,
                            start,
                            flow,
                            last_end,
                            anchor,
                            key,
                        } => {
                            let end = if flow { end } else { last_end };
                            (Value::Array(items), Span::new(start, end), anchor, key)
                        }
                        Frame::Map {
                            mut map,
                            start,
                            flow,
                            last_end,
                            anchor,
                            key,
                            merges,
                            ..
                        } => {
                            for merged in merges {
                                for (k, v) in merged {
                                    map.entry(k).or_insert(v);
                                }
                            }
                            let end = if flow { end } else { last_end };
                            (Value::Object(map), Span::new(start, end), anchor, key)
                        }
                    };
                    self.finish(value, span, anchor, key)?;
                }
            }
        }
        Ok(Parsed {
            value: self.root.unwrap_or(Value::Null),
            spans: self.spans,
            duplicate_keys: self.duplicate_keys,
        })
    }

    /// Starts a node inside the current container: pushes its pointer token and returns
    /// the span of its key, if any.
    fn open(&mut self, start: usize) -> Result<Option<Span>, SyntaxError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.error(
                start,
                format!("mappings and sequences nest deeper than {MAX_DEPTH} levels"),
            ));
        }
        match self.stack.last() {
            None => Ok(None),
            Some(Frame::Seq { items, .. }) => {
                let index = items.len();
                self.pointer.push_index(index);
                Ok(None)
            }
            Some(Frame::Map {
                pending: Some((key, key_span, _)),
                map,
                ..
            }) => {
                let (key, key_span) = (key.clone(), *key_span);
                let duplicate = map.contains_key(&key);
                self.pointer.push_key(&key);
                if duplicate {
                    self.duplicate_keys
                        .push((self.pointer.as_str().to_owned(), key_span));
                    self.spans.remove_below(self.pointer.as_str());
                }
                Ok(Some(key_span))
            }
            Some(Frame::Map { pending: None, .. }) => Err(self.error(
                start,
                "a mapping key must be plain text, not a list or a mapping",
            )),
        }
    }

    /// A scalar or alias value: open, then finish at once.
    fn value(
        &mut self,
        value: Value,
        span: Span,
        anchor: usize,
        start: usize,
    ) -> Result<(), SyntaxError> {
        let key = self.open(start)?;
        self.finish(value, span, anchor, key)
    }

    /// Records a completed node and hands it to its parent.
    fn finish(
        &mut self,
        value: Value,
        span: Span,
        anchor: usize,
        key: Option<Span>,
    ) -> Result<(), SyntaxError> {
        self.spans
            .insert(self.pointer.as_str(), NodeSpan { key, value: span });
        if anchor != 0 {
            self.anchors.insert(anchor, value.clone());
        }
        match self.stack.last_mut() {
            None => {
                self.root = Some(value);
                return Ok(());
            }
            Some(Frame::Seq {
                items, last_end, ..
            }) => {
                items.push(value);
                *last_end = span.end;
            }
            Some(Frame::Map {
                map,
                pending,
                merges,
                last_end,
                ..
            }) => {
                let Some((key, _, plain)) = pending.take() else {
                    return Err(SyntaxError::at(
                        Format::Yaml,
                        self.text,
                        span.start,
                        "a mapping value without a key",
                    ));
                };
                *last_end = span.end;
                if plain && key == "<<" {
                    let merge_error = || {
                        SyntaxError::at(
                            Format::Yaml,
                            self.text,
                            span.start,
                            "a `<<` merge key takes a mapping or a list of mappings",
                        )
                    };
                    match value {
                        Value::Object(m) => merges.push(m),
                        Value::Array(items) => {
                            for item in items {
                                let Value::Object(m) = item else {
                                    return Err(merge_error());
                                };
                                merges.push(m);
                            }
                        }
                        _ => return Err(merge_error()),
                    }
                } else {
                    map.insert(key, value);
                }
            }
        }
        self.pointer.pop();
        Ok(())
    }
}

fn count_nodes(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(count_nodes).sum::<usize>(),
        Value::Object(map) => 1 + map.values().map(count_nodes).sum::<usize>(),
        _ => 1,
    }
}

/// Resolves a scalar by the YAML 1.2 core schema (see the module docs for the two
/// departures that keep data).
fn resolve(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Result<Value, String> {
    if let Some(tag) = tag {
        if tag.is_yaml_core_schema() {
            return match tag.suffix.as_str() {
                "str" => Ok(Value::String(text.to_owned())),
                "null" => Ok(Value::Null),
                "bool" => parse_bool(text)
                    .map(Value::Bool)
                    .ok_or_else(|| format!("`{text}` is not a boolean")),
                "int" => parse_int(text)
                    .map(Value::Number)
                    .ok_or_else(|| format!("`{text}` is not an integer")),
                "float" => parse_float(text)
                    .or_else(|| parse_int(text))
                    .map(Value::Number)
                    .ok_or_else(|| format!("`{text}` is not a number JSON can hold")),
                _ => Ok(resolve_plain(text, style)),
            };
        }
        if tag.handle == "!" && tag.suffix.is_empty() {
            return Ok(Value::String(text.to_owned()));
        }
    }
    Ok(resolve_plain(text, style))
}

fn resolve_plain(text: &str, style: ScalarStyle) -> Value {
    if style != ScalarStyle::Plain {
        return Value::String(text.to_owned());
    }
    if matches!(text, "" | "~" | "null" | "Null" | "NULL") {
        return Value::Null;
    }
    if let Some(b) = parse_bool(text) {
        return Value::Bool(b);
    }
    if let Some(n) = parse_int(text) {
        return Value::Number(n);
    }
    // An integer too large for 64 bits stays text, as `.inf` does: as a float it would
    // be rounded (a long ID) and the data lost.
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return Value::String(text.to_owned());
    }
    if let Some(n) = parse_float(text) {
        return Value::Number(n);
    }
    Value::String(text.to_owned())
}

fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

fn parse_int(text: &str) -> Option<Number> {
    if let Some(oct) = text.strip_prefix("0o") {
        return i64::from_str_radix(oct, 8).ok().map(Number::from);
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return i64::from_str_radix(hex, 16).ok().map(Number::from);
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // `01234` keeps its zero as text.
    if digits.len() > 1 && digits.starts_with('0') {
        return None;
    }
    let text = text.strip_prefix('+').unwrap_or(text);
    text.parse::<i64>()
        .map(Number::from)
        .ok()
        .or_else(|| text.parse::<u64>().ok().map(Number::from))
}

fn parse_float(text: &str) -> Option<Number> {
    // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = digits(int) && digits(frac) && !(int.is_empty() && frac.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    if !mantissa_ok || !exponent_ok || (int.len() > 1 && int.starts_with('0')) {
        return None;
    }
    text.parse::<f64>().ok().and_then(Number::from_f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn core_schema_keeps_dates_and_words_as_text() {
        let parsed = parse(
            "start: 2020-01\nday: 2020-01-15\nyes: no\nzip: 01234\nn: 12\nf: 1.5\nnull: ~\nq: \"12\"\ninf: .inf\n",
        )
        .unwrap();
        assert_eq!(
            parsed.value,
            json!({"start": "2020-01", "day": "2020-01-15", "yes": "no", "zip": "01234", "n": 12,
                   "f": 1.5, "null": null, "q": "12", "inf": ".inf"})
        );
    }

    #[test]
    fn spans_point_at_keys_and_values() {
        let text = "basics:\n  name: Ada\nwork:\n  - name: Ürm\n    highlights: [a, b]\n";
        let parsed = parse(text).unwrap();
        let name = parsed.spans.get("/work/0/name").unwrap();
        assert_eq!(&text[name.value.start..name.value.end], "Ürm");
        assert_eq!(
            &text[name.key.unwrap().start..name.key.unwrap().end],
            "name"
        );
        let b = parsed.spans.get("/work/0/highlights/1").unwrap();
        assert_eq!(&text[b.value.start..b.value.end], "b");
        let h = parsed.spans.get("/work/0/highlights").unwrap();
        assert_eq!(&text[h.value.start..h.value.end], "[a, b]");
    }

    #[test]
    fn anchors_aliases_and_merges() {
        let parsed = parse("base: &b {x: 1, y: 2}\nother:\n  <<: *b\n  y: 3\ncopy: *b\n").unwrap();
        assert_eq!(
            parsed.value,
            json!({"base": {"x": 1, "y": 2}, "other": {"y": 3, "x": 1}, "copy": {"x": 1, "y": 2}})
        );
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for name in ['b', 'c', 'd', 'e', 'f', 'g', 'h'] {
            text.push_str(&format!(
                "{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
            prev = name;
        }
        let err = parse(&text).err().expect("refused");
        assert!(err.message.contains("alias bomb"), "{}", err.message);
    }

    #[test]
    fn syntax_errors_have_positions_and_depth_is_bounded() {
        let err = parse("a: [1, 2\nb: 3\n").err().expect("error");
        assert!(err.line >= 1);
        let err = parse(&"[".repeat(100_000)).err().expect("error");
        assert!(err.message.contains("nest deeper"), "{}", err.message);
        assert!(parse("a: 1\n---\nb: 2\n").is_err());
        let dup = parse("a: 1\na: 2\n").unwrap();
        assert_eq!(dup.value, json!({"a": 2}));
        assert_eq!(dup.duplicate_keys.len(), 1);
    }
}
