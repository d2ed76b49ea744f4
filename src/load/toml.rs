//! TOML with positions, from `toml`'s spanned tables.
//!
//! Dates and times (`start = 2020-01-15`) become their text, as JSON Resume wants;
//! `inf` and `nan`, which JSON cannot hold, are refused with their position.

use serde_json::{Map, Number, Value};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::source_map::{NodeSpan, PointerBuf, SourceMap, Span};
use super::{Format, MAX_DEPTH, Parsed, SyntaxError};

pub(super) fn parse(text: &str) -> Result<Parsed, SyntaxError> {
    let table = DeTable::parse(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let message = match e.message().trim() {
            // The parser's own limit on nesting, below ours.
            "cannot recurse further; max recursion depth met" => {
                "arrays and inline tables nest too deep for the TOML reader".to_owned()
            }
            other => other.to_owned(),
        };
        SyntaxError::at(Format::Toml, text, offset, message)
    })?;
    let mut conv = Converter {
        text,
        pointer: PointerBuf::default(),
        spans: SourceMap::default(),
    };
    let span = table.span();
    let value = conv.table(table.get_ref())?;
    conv.spans.insert(
        "",
        NodeSpan {
            key: None,
            value: Span::new(span.start, span.end),
        },
    );
    Ok(Parsed {
        value,
        spans: conv.spans,
        duplicate_keys: Vec::new(),
    })
}

struct Converter<'a> {
    text: &'a str,
    pointer: PointerBuf,
    spans: SourceMap,
}

impl Converter<'_> {
    fn error(&self, offset: usize, message: impl Into<String>) -> SyntaxError {
        SyntaxError::at(Format::Toml, self.text, offset, message)
    }

    fn table(&mut self, table: &DeTable<'_>) -> Result<Value, SyntaxError> {
        let mut map = Map::new();
        for (key, value) in table {
            self.pointer.push_key(key.get_ref());
            let key_span = key.span();
            let v = self.value(value, Some(Span::new(key_span.start, key_span.end)))?;
            self.pointer.pop();
            map.insert(key.get_ref().to_string(), v);
        }
        Ok(Value::Object(map))
    }

    fn value(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        key: Option<Span>,
    ) -> Result<Value, SyntaxError> {
        let span = value.span();
        let span = Span::new(span.start, span.end);
        if self.pointer.depth() > MAX_DEPTH {
            return Err(self.error(
                span.start,
                format!("tables and arrays nest deeper than {MAX_DEPTH} levels"),
            ));
        }
        let converted =
            match value.get_ref() {
                DeValue::String(s) => Value::String(s.to_string()),
                DeValue::Integer(i) => {
                    let parsed = i64::from_str_radix(i.as_str(), i.radix())
                        .map(Number::from)
                        .or_else(|_| u64::from_str_radix(i.as_str(), i.radix()).map(Number::from));
                    Value::Number(parsed.map_err(|_| {
                        self.error(span.start, "this integer is too large for JSON")
                    })?)
                }
                DeValue::Float(f) => {
                    let n = f
                        .as_str()
                        .replace('_', "")
                        .parse::<f64>()
                        .ok()
                        .and_then(Number::from_f64);
                    Value::Number(n.ok_or_else(|| {
                        self.error(
                        span.start,
                        "`inf` and `nan` cannot be stored in a resume: write the value as a string",
                    )
                    })?)
                }
                DeValue::Boolean(b) => Value::Bool(*b),
                DeValue::Datetime(d) => Value::String(d.to_string()),
                DeValue::Array(items) => {
                    let mut out = Vec::with_capacity(items.len());
                    for (i, item) in items.iter().enumerate() {
                        self.pointer.push_index(i);
                        out.push(self.value(item, None)?);
                        self.pointer.pop();
                    }
                    Value::Array(out)
                }
                DeValue::Table(t) => self.table(t)?,
            };
        self.spans
            .insert(self.pointer.as_str(), NodeSpan { key, value: span });
        Ok(converted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn tables_arrays_and_dates() {
        let text = "[basics]\nname = \"Ada\"\n\n[[work]]\nname = \"X\"\nstartDate = 2020-01-15\n\n[[work]]\nname = \"Y\"\nhighlights = [\"a\", \"b\"]\n";
        let parsed = parse(text).unwrap();
        assert_eq!(
            parsed.value,
            json!({"basics": {"name": "Ada"}, "work": [
                {"name": "X", "startDate": "2020-01-15"},
                {"name": "Y", "highlights": ["a", "b"]}]})
        );
        let s = parsed.spans.get("/work/1/highlights/1").unwrap();
        assert_eq!(&text[s.value.start..s.value.end], "\"b\"");
        let n = parsed.spans.get("/work/1/name").unwrap();
        assert_eq!(&text[n.key.unwrap().start..n.key.unwrap().end], "name");
    }

    #[test]
    fn errors_have_positions() {
        let err = parse("a = 1\nb = \n").err().unwrap();
        assert_eq!(err.line, 2);
        let err = parse("a = nan\n").err().unwrap();
        assert!(err.message.contains("nan"));
        assert!(parse(&format!("a = {}", "[".repeat(100_000))).is_err());
    }
}
