//! A JSON parser that keeps positions: it builds the `serde_json::Value`, records the
//! span of every value and key by JSON pointer, and notes duplicate keys, in one pass.
//!
//! Strict RFC 8259, with messages that say what to write instead: comments, trailing
//! commas, single quotes and `NaN` are named as such.

use serde_json::{Map, Number, Value};

use super::source_map::{NodeSpan, PointerBuf, SourceMap, Span};
use super::{Format, MAX_DEPTH, Parsed, SyntaxError};

pub(super) fn parse(text: &str) -> Result<Parsed, SyntaxError> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        pointer: PointerBuf::default(),
        spans: SourceMap::default(),
        duplicate_keys: Vec::new(),
    };
    let value = parser.value(None)?;
    parser.skip_whitespace()?;
    if parser.pos < parser.bytes.len() {
        return Err(parser.error(
            parser.pos,
            "unexpected text after the end of the document: a JSON file holds one value",
        ));
    }
    Ok(Parsed {
        value,
        spans: parser.spans,
        duplicate_keys: parser.duplicate_keys,
    })
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    pointer: PointerBuf,
    spans: SourceMap,
    duplicate_keys: Vec<(String, Span)>,
}

impl Parser<'_> {
    fn error(&self, offset: usize, message: impl Into<String>) -> SyntaxError {
        SyntaxError::at(Format::Json, self.text, offset, message)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) -> Result<(), SyntaxError> {
        while let Some(b) = self.peek() {
            match b {
                b' ' | b'\t' | b'\n' | b'\r' => self.pos += 1,
                b'/' if matches!(self.bytes.get(self.pos + 1), Some(b'/' | b'*')) => {
                    return Err(self.error(self.pos, "comments are not allowed in JSON"));
                }
                _ => break,
            }
        }
        Ok(())
    }

    /// Describes the character at `at` for a message: "`x`" or "the end of the file".
    fn found(&self, at: usize) -> String {
        match self.text.get(at..).and_then(|s| s.chars().next()) {
            Some(c) => format!("`{c}`"),
            None => "the end of the file".to_owned(),
        }
    }

    fn value(&mut self, key: Option<Span>) -> Result<Value, SyntaxError> {
        self.skip_whitespace()?;
        let start = self.pos;
        let value = match self.peek() {
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => Value::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(b'\'') => {
                return Err(self.error(
                    start,
                    "strings must be in double quotes (\"…\"), not single quotes",
                ));
            }
            Some(b'N' | b'I') => {
                return Err(self.error(
                    start,
                    "NaN and Infinity are not JSON numbers: write a string or a number",
                ));
            }
            Some(b'}' | b']') if key.is_some() || self.pointer.depth() > 0 => {
                return Err(self.error(
                    start,
                    format!("expected a value, found {}", self.found(start)),
                ));
            }
            _ => {
                return Err(self.error(
                    start,
                    format!(
                        "expected a value (text in double quotes, a number, an object, an array, true, false or null), found {}",
                        self.found(start)
                    ),
                ));
            }
        };
        self.spans.insert(
            self.pointer.as_str(),
            NodeSpan {
                key,
                value: Span::new(start, self.pos),
            },
        );
        Ok(value)
    }

    fn enter(&self) -> Result<(), SyntaxError> {
        if self.pointer.depth() >= MAX_DEPTH {
            return Err(self.error(
                self.pos,
                format!("objects and arrays nest deeper than {MAX_DEPTH} levels"),
            ));
        }
        Ok(())
    }

    fn object(&mut self) -> Result<Value, SyntaxError> {
        self.enter()?;
        let open = self.pos;
        self.pos += 1;
        let mut map = Map::new();
        self.skip_whitespace()?;
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.skip_whitespace()?;
            let key_start = self.pos;
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') if !map.is_empty() => {
                    return Err(self.error(key_start, "trailing comma: remove the `,` before `}`"));
                }
                Some(b'\'') => {
                    return Err(self.error(
                        key_start,
                        "keys must be in double quotes (\"…\"), not single quotes",
                    ));
                }
                None => return Err(self.error(open, "this object is never closed: add a `}`")),
                _ => {
                    return Err(self.error(
                        key_start,
                        format!(
                            "expected a key in double quotes, found {}",
                            self.found(key_start)
                        ),
                    ));
                }
            }
            let key = self.string()?;
            let key_span = Span::new(key_start, self.pos);
            self.skip_whitespace()?;
            if self.peek() != Some(b':') {
                return Err(self.error(
                    self.pos,
                    format!("expected `:` after the key, found {}", self.found(self.pos)),
                ));
            }
            self.pos += 1;
            self.pointer.push_key(&key);
            if map.contains_key(&key) {
                self.duplicate_keys
                    .push((self.pointer.as_str().to_owned(), key_span));
                self.spans.remove_below(self.pointer.as_str());
            }
            let value = self.value(Some(key_span))?;
            self.pointer.pop();
            map.insert(key, value);
            self.skip_whitespace()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(map));
                }
                None => return Err(self.error(open, "this object is never closed: add a `}`")),
                _ => {
                    return Err(self.error(
                        self.pos,
                        format!(
                            "expected `,` or `}}` after an object member, found {}",
                            self.found(self.pos)
                        ),
                    ));
                }
            }
        }
    }

    fn array(&mut self) -> Result<Value, SyntaxError> {
        self.enter()?;
        let open = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_whitespace()?;
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_whitespace()?;
            match self.peek() {
                Some(b']') if !items.is_empty() => {
                    return Err(self.error(self.pos, "trailing comma: remove the `,` before `]`"));
                }
                None => return Err(self.error(open, "this array is never closed: add a `]`")),
                _ => {}
            }
            self.pointer.push_index(items.len());
            let value = self.value(None)?;
            self.pointer.pop();
            items.push(value);
            self.skip_whitespace()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.error(open, "this array is never closed: add a `]`")),
                _ => {
                    return Err(self.error(
                        self.pos,
                        format!(
                            "expected `,` or `]` after an array item, found {}",
                            self.found(self.pos)
                        ),
                    ));
                }
            }
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error(
                self.pos,
                format!("expected `{word}` or a value in double quotes"),
            ))
        }
    }

    /// A string starting at the opening quote; `self.pos` ends after the closing one.
    fn string(&mut self) -> Result<String, SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        let mut run_start = self.pos;
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error(open, "this string is never closed: add a `\"`"));
            };
            match b {
                b'"' => {
                    out.push_str(&self.text[run_start..self.pos]);
                    self.pos += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.text[run_start..self.pos]);
                    self.escape(&mut out)?;
                    run_start = self.pos;
                }
                0x00..=0x1F => {
                    let what = match b {
                        b'\n' => {
                            "a line break inside a string: write `\\n`, or close the string with `\"`"
                        }
                        b'\t' => "a tab inside a string: write `\\t`",
                        _ => "a control character inside a string: escape it as `\\u00XX`",
                    };
                    return Err(self.error(self.pos, what));
                }
                _ => self.pos += 1,
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let at = self.pos;
        self.pos += 1;
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let first = self.hex4(at)?;
                let c = if (0xD800..0xDC00).contains(&first) {
                    if !self.bytes[self.pos..].starts_with(b"\\u") {
                        return Err(self.error(at, "a lone UTF-16 surrogate escape: `\\uD8xx` must be followed by `\\uDCxx`"));
                    }
                    self.pos += 2;
                    let second = self.hex4(at)?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.error(at, "a lone UTF-16 surrogate escape: `\\uD8xx` must be followed by `\\uDCxx`"));
                    }
                    char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                } else {
                    char::from_u32(first)
                };
                let Some(c) = c else {
                    return Err(self.error(at, "a lone UTF-16 surrogate escape is not a character"));
                };
                out.push(c);
                return Ok(());
            }
            _ => {
                return Err(self.error(
                    at,
                    format!(
                        "`\\{}` is not a JSON escape: write `\\\\` for a backslash",
                        self.text[self.pos..].chars().next().unwrap_or(' ')
                    ),
                ));
            }
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self, escape_at: usize) -> Result<u32, SyntaxError> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .and_then(|d| std::str::from_utf8(d).ok());
        let value = digits.and_then(|d| {
            u32::from_str_radix(d, 16)
                .ok()
                .filter(|_| d.bytes().all(|b| b.is_ascii_hexdigit()))
        });
        match value {
            Some(v) => {
                self.pos += 4;
                Ok(v)
            }
            None => Err(self.error(escape_at, "`\\u` must be followed by four hex digits")),
        }
    }

    fn number(&mut self) -> Result<Number, SyntaxError> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let from = p.pos;
            while p.peek().is_some_and(|b| b.is_ascii_digit()) {
                p.pos += 1;
            }
            p.pos - from
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        let int_len = digits(self);
        if int_len == 0 {
            return Err(self.error(start, "a number needs digits after `-`"));
        }
        if int_len > 1 && self.bytes[int_start] == b'0' {
            return Err(self.error(
                start,
                "numbers cannot start with 0: write it as text in double quotes to keep the zero",
            ));
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            float = true;
            if digits(self) == 0 {
                return Err(self.error(self.pos, "a number needs digits after the decimal point"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            float = true;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return Err(self.error(self.pos, "a number needs digits in its exponent"));
            }
        }
        let text = &self.text[start..self.pos];
        if !float {
            if let Ok(v) = text.parse::<i64>() {
                return Ok(Number::from(v));
            }
            if let Ok(v) = text.parse::<u64>() {
                return Ok(Number::from(v));
            }
            // As a float it would be rounded (a long ID, a phone number): data lost.
            return Err(self.error(
                start,
                "this integer is too large for JSON tools (it would be rounded): write it \
                 as text in double quotes",
            ));
        }
        text.parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .ok_or_else(|| {
                self.error(
                    start,
                    "this number is too large for JSON tools: write it as text in double quotes",
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> SyntaxError {
        parse(text).err().expect("should fail")
    }

    #[test]
    fn values_and_spans() {
        let text = "{\n  \"a\": [1, \"x\\u00e9\", {\"b\": null}],\n  \"c\": -1.5e3\n}";
        let parsed = parse(text).unwrap();
        assert_eq!(
            parsed.value,
            serde_json::json!({"a": [1, "xé", {"b": null}], "c": -1500.0})
        );
        let a1 = parsed.spans.get("/a/1").unwrap();
        assert_eq!(&text[a1.value.start..a1.value.end], "\"x\\u00e9\"");
        let b = parsed.spans.get("/a/2/b").unwrap();
        assert_eq!(&text[b.key.unwrap().start..b.key.unwrap().end], "\"b\"");
        assert_eq!(
            parsed.spans.get("").unwrap().value,
            Span::new(0, text.len())
        );
    }

    #[test]
    fn key_order_and_duplicates() {
        let parsed = parse(r#"{"z": 1, "a": 2, "z": 3}"#).unwrap();
        let keys: Vec<_> = parsed.value.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["z", "a"]);
        assert_eq!(parsed.value["z"], 3);
        assert_eq!(parsed.duplicate_keys.len(), 1);
        assert_eq!(parsed.duplicate_keys[0].0, "/z");
    }

    #[test]
    fn errors_say_where_and_what() {
        let e = err("{\n  \"a\": 1,\n}");
        assert_eq!((e.line, e.column), (3, 1));
        assert!(e.message.contains("trailing comma"), "{}", e.message);
        assert!(err("{\"a\": 1 // note\n}").message.contains("comments"));
        assert!(err("{'a': 1}").message.contains("double quotes"));
        assert!(err("[01]").message.contains("start with 0"));
        assert!(err("[1e400]").message.contains("too large"));
        let big = err("[123456789012345678901234567890]");
        assert!(big.message.contains("would be rounded"), "{}", big.message);
        assert_eq!(big.column, 2);
        assert!(parse("[18446744073709551615, -9223372036854775808, 1.5e300]").is_ok());
        assert!(err("{\"a\": \"x").message.contains("never closed"));
        assert!(err("{} {}").message.contains("after the end"));
        assert!(err("\"\\ud800\"").message.contains("surrogate"));
        assert!(err("").message.contains("end of the file"));
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let text = "[".repeat(200_000);
        let e = err(&text);
        assert!(e.message.contains("nest deeper"), "{}", e.message);
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }
}
