//! Writing TOML that reads back as exactly the same value, in the same key order.
//!
//! A small emitter of our own. TOML wants a table's plain keys before its sub-tables,
//! but a resume's keys come in the author's order, so a table is written in two parts:
//! the entries up to the last one that is not a table (or a list of tables) go inline —
//! nested tables as dotted keys (`location.city = "Berlin"`), lists of tables as a
//! multi-line array of inline tables — and the trailing tables become `[sections]` and
//! `[[arrays of tables]]`. Reading the file back gives the keys in their order.
//!
//! Strings are always quoted (so `2020-01` never becomes a TOML date), keys are bare
//! when TOML allows it (`startDate`) and quoted otherwise (`"$schema"`). Arrays may mix
//! tables and other values: TOML 1.0 allows that, written as inline tables. What TOML
//! cannot hold is refused with the JSON pointer of the value: `null`, integers above
//! 2^63 − 1, and a document that is not a table.

use std::fmt::Write as _;

use serde_json::{Map, Number, Value};

use crate::load::escape_pointer_token;

/// A value TOML cannot hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} (at `{pointer}`)")]
pub struct TomlError {
    /// JSON pointer of the value, e.g. `/work/0/endDate`.
    pub pointer: String,
    /// What is wrong and what to do, e.g. "TOML has no null: remove the field or write a string".
    pub message: String,
}

/// Writes `value` as a TOML document.
///
/// # Errors
/// [`TomlError`] naming the first value TOML cannot hold: `null`, an integer above
/// `i64::MAX`, or a root that is not an object.
///
/// ```
/// let value = serde_json::json!({"$schema": "x", "basics": {"name": "Ada", "start": "2020-01"}});
/// let text = vitae::convert::toml::to_string(&value)?;
/// assert_eq!(text, "\"$schema\" = \"x\"\n\n[basics]\nname = \"Ada\"\nstart = \"2020-01\"\n");
/// # Ok::<(), vitae::convert::toml::TomlError>(())
/// ```
pub fn to_string(value: &Value) -> Result<String, TomlError> {
    let Value::Object(root) = value else {
        return Err(TomlError {
            pointer: String::new(),
            message: format!(
                "a TOML document is a table, but this document is {}",
                kind_of(value)
            ),
        });
    };
    check(value)?;
    let mut out = String::new();
    write_table_body(&mut out, &[], root);
    Ok(out)
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// How deep a value may sit in a TOML document vitae writes. TOML readers bound nesting
/// (the `toml` crate, which vitae reads TOML with, refuses keys of 80 parts or more), so a
/// deeper document would be written but could not be read back.
pub const MAX_DEPTH: usize = 64;

/// Finds the first value TOML cannot hold (`null`, an integer above `i64::MAX`, a value
/// nested more than [`MAX_DEPTH`] levels deep), depth first in document order.
///
/// # Errors
/// [`TomlError`] naming that value.
pub fn check(value: &Value) -> Result<(), TomlError> {
    check_at(value, &mut String::new(), 0)
}

fn check_at(value: &Value, pointer: &mut String, depth: usize) -> Result<(), TomlError> {
    if depth > MAX_DEPTH {
        return Err(TomlError {
            pointer: pointer.clone(),
            message: format!(
                "this value is nested {depth} levels deep, more than TOML readers accept ({MAX_DEPTH}): convert to JSON or YAML instead"
            ),
        });
    }
    match value {
        Value::Null => Err(TomlError {
            pointer: pointer.clone(),
            message: "TOML has no null: remove the field, or write the value as a string"
                .to_owned(),
        }),
        Value::Number(n) if n.is_u64() && n.as_i64().is_none() => Err(TomlError {
            pointer: pointer.clone(),
            message: format!(
                "the integer {n} is larger than TOML allows (2^63 - 1): write it as a string"
            ),
        }),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = pointer.len();
                let _ = write!(pointer, "/{i}");
                check_at(item, pointer, depth + 1)?;
                pointer.truncate(len);
            }
            Ok(())
        }
        Value::Object(map) => {
            for (key, item) in map {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&escape_pointer_token(key));
                check_at(item, pointer, depth + 1)?;
                pointer.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn is_array_of_tables(value: &Value) -> bool {
    matches!(value, Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_object))
}

/// Whether an entry can be written as a `[section]` or `[[array of tables]]`.
fn is_section(value: &Value) -> bool {
    value.is_object() || is_array_of_tables(value)
}

/// The entries of a table: inline ones first, then the trailing sections.
fn write_table_body(out: &mut String, path: &[&str], map: &Map<String, Value>) {
    let entries: Vec<(&String, &Value)> = map.iter().collect();
    let cut = entries
        .iter()
        .rposition(|(_, v)| !is_section(v))
        .map_or(0, |i| i + 1);
    for (key, value) in &entries[..cut] {
        write_inline_entry(out, &mut vec![key.as_str()], value);
    }
    for (key, value) in &entries[cut..] {
        let mut sub: Vec<&str> = path.to_vec();
        sub.push(key);
        match value {
            Value::Object(table) => {
                // A table holding only sub-tables needs no header of its own.
                let only_sections = !table.is_empty() && table.values().all(is_section);
                if !only_sections {
                    separate(out);
                    out.push('[');
                    write_path(out, &sub);
                    out.push_str("]\n");
                }
                write_table_body(out, &sub, table);
            }
            Value::Array(items) => {
                for item in items {
                    separate(out);
                    out.push_str("[[");
                    write_path(out, &sub);
                    out.push_str("]]\n");
                    if let Value::Object(table) = item {
                        write_table_body(out, &sub, table);
                    }
                }
            }
            _ => {}
        }
    }
}

/// A blank line before a header, unless at the start.
fn separate(out: &mut String) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

fn write_path(out: &mut String, path: &[&str]) {
    for (i, key) in path.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        write_key(out, key);
    }
}

/// `a.b.c = value`, with non-empty tables spread over dotted keys.
fn write_inline_entry<'a>(out: &mut String, keys: &mut Vec<&'a str>, value: &'a Value) {
    if let Value::Object(table) = value
        && !table.is_empty()
    {
        for (key, item) in table {
            keys.push(key);
            write_inline_entry(out, keys, item);
            keys.pop();
        }
        return;
    }
    write_path(out, keys);
    out.push_str(" = ");
    write_value(out, value, 0, false);
    out.push('\n');
}

/// A value on the right of `=`. Outside inline tables, long arrays and arrays of tables
/// span several lines and multi-line strings use `"""`.
fn write_value(out: &mut String, value: &Value, indent: usize, in_inline_table: bool) {
    match value {
        Value::Null => {} // refused by `check`
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write_number(out, n),
        Value::String(s) => {
            if !in_inline_table && s.contains('\n') {
                write_multi_line_string(out, s);
            } else {
                write_basic_string(out, s);
            }
        }
        Value::Array(items) => write_array(out, items, indent, in_inline_table),
        Value::Object(table) => {
            if table.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push_str("{ ");
            for (i, (key, item)) in table.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_key(out, key);
                out.push_str(" = ");
                write_value(out, item, indent, true);
            }
            out.push_str(" }");
        }
    }
}

fn write_array(out: &mut String, items: &[Value], indent: usize, in_inline_table: bool) {
    let mut one_line = String::from("[");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            one_line.push_str(", ");
        }
        write_value(&mut one_line, item, indent, true);
    }
    one_line.push(']');
    let spread = !in_inline_table
        && items.len() > 1
        && (one_line.len() > 80 || items.iter().any(|v| v.is_object() || v.is_array()));
    if !spread {
        out.push_str(&one_line);
        return;
    }
    out.push_str("[\n");
    for item in items {
        out.extend(std::iter::repeat_n(' ', indent + 2));
        write_value(out, item, indent + 2, false);
        out.push_str(",\n");
    }
    out.extend(std::iter::repeat_n(' ', indent));
    out.push(']');
}

fn write_number(out: &mut String, n: &Number) {
    let text = n.to_string();
    out.push_str(&text);
    // serde_json writes whole floats as `1.0`, and others with a `.` or an exponent,
    // which TOML reads as floats; guard anyway.
    if n.is_f64() && !text.contains(['.', 'e', 'E']) {
        out.push_str(".0");
    }
}

fn bare_key_ok(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn write_key(out: &mut String, key: &str) {
    if bare_key_ok(key) {
        out.push_str(key);
    } else {
        write_basic_string(out, key);
    }
}

/// TOML's escape for a character that must not appear raw, if any.
fn escape(c: char) -> Option<String> {
    Some(match c {
        '"' => "\\\"".to_owned(),
        '\\' => "\\\\".to_owned(),
        '\u{8}' => "\\b".to_owned(),
        '\t' => "\\t".to_owned(),
        '\n' => "\\n".to_owned(),
        '\u{c}' => "\\f".to_owned(),
        '\r' => "\\r".to_owned(),
        c if c < ' ' || c == '\u{7f}' => format!("\\u{:04X}", u32::from(c)),
        _ => return None,
    })
}

fn write_basic_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match escape(c) {
            Some(e) => out.push_str(&e),
            None => out.push(c),
        }
    }
    out.push('"');
}

/// `"""` + line break (which TOML drops) + the text with line breaks and tabs raw.
fn write_multi_line_string(out: &mut String, s: &str) {
    out.push_str("\"\"\"\n");
    for c in s.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            c => match escape(c) {
                Some(e) => out.push_str(&e),
                None => out.push(c),
            },
        }
    }
    out.push_str("\"\"\"");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{self, Format};
    use serde_json::json;

    fn round_trip(value: &Value) -> String {
        let text = to_string(value).unwrap();
        let back = load::parse(&text, Format::Toml)
            .unwrap_or_else(|e| panic!("{e}\n---\n{text}"))
            .value;
        assert_eq!(&back, value, "\n---\n{text}");
        // Same order too.
        assert_eq!(
            serde_json::to_string(&back).unwrap(),
            serde_json::to_string(value).unwrap(),
            "\n---\n{text}"
        );
        text
    }

    #[test]
    fn sections_after_plain_keys() {
        let value = json!({
            "$schema": "https://example.com/schema.json",
            "basics": {"name": "Ada", "location": {"city": "Zürich"}, "profiles": [{"network": "GitHub"}]},
            "work": [{"name": "A", "startDate": "2020-01", "highlights": ["x"]}, {"name": "B"}],
        });
        let text = round_trip(&value);
        assert_eq!(
            text,
            "\"$schema\" = \"https://example.com/schema.json\"\n\n[basics]\nname = \"Ada\"\n\n[basics.location]\ncity = \"Zürich\"\n\n[[basics.profiles]]\nnetwork = \"GitHub\"\n\n[[work]]\nname = \"A\"\nstartDate = \"2020-01\"\nhighlights = [\"x\"]\n\n[[work]]\nname = \"B\"\n"
        );
    }

    #[test]
    fn tables_before_plain_keys_keep_their_place() {
        let value = json!({
            "basics": {"location": {"city": "Bern", "geo": {"lat": 46.9}}, "name": "Ada"},
            "work": [{"name": "A"}, {"name": "B", "x": {}}],
            "last": 1,
        });
        let text = round_trip(&value);
        assert!(text.starts_with("basics.location.city = \"Bern\"\nbasics.location.geo.lat = 46.9\nbasics.name = \"Ada\"\nwork = [\n  { name = \"A\" },\n  { name = \"B\", x = {} },\n]\nlast = 1\n"), "{text}");
    }

    #[test]
    fn mixed_arrays_odd_keys_and_strings() {
        round_trip(&json!({
            "mixed": [1, {"a": "b"}, [2, {"c": [3]}], "s"],
            "nested": [[{"a": 1}], []],
            "": {"a.b": "", "ü": "\"quoted\" \\ \u{7f}\u{1}", "multi": "line\n\"\"\"\nend\r\n"},
            "floats": [1.0, -0.5, 1e300, 12345678901234567.0],
            "ints": [0, -9223372036854775808i64, 9223372036854775807i64],
            "empty": {"a": [], "b": {}},
            "long": ["a long highlight that goes on and on and on", "and another one that is long too"],
        }));
    }

    #[test]
    fn what_toml_cannot_hold_is_named() {
        let err = to_string(&json!({"work": [{"endDate": null}]})).unwrap_err();
        assert_eq!(err.pointer, "/work/0/endDate");
        assert!(err.message.contains("no null"), "{}", err.message);
        let err = to_string(&json!({"a~b": 18446744073709551615u64})).unwrap_err();
        assert_eq!(err.pointer, "/a~0b");
        assert!(to_string(&json!([1])).is_err());
    }

    /// A document whose leaf sits `depth` levels down: objects, or lists under one key.
    fn nested(depth: usize, list: bool) -> Value {
        let mut value = json!("leaf");
        for _ in 0..depth - usize::from(list) {
            value = if list {
                json!([value])
            } else {
                json!({ "a": value })
            };
        }
        if list { json!({ "a": value }) } else { value }
    }

    #[test]
    fn too_deep_for_toml_readers_is_refused_and_what_is_written_reads_back() {
        for list in [false, true] {
            let text = to_string(&nested(MAX_DEPTH, list)).unwrap();
            let back = crate::load::parse(&text, crate::load::Format::Toml)
                .unwrap_or_else(|e| panic!("{MAX_DEPTH} levels (list: {list}) read back: {e}"));
            assert_eq!(back.value, nested(MAX_DEPTH, list));
            let err = to_string(&nested(MAX_DEPTH + 1, list)).unwrap_err();
            assert!(
                err.message.contains("TOML readers accept"),
                "{}",
                err.message
            );
            assert_eq!(
                err.pointer.matches('/').count(),
                MAX_DEPTH + 1,
                "{}",
                err.pointer
            );
        }
    }
}
