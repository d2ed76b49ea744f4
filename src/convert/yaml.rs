//! Writing YAML that reads back as exactly the same value.
//!
//! A small emitter of our own, block style, two-space indent, keys in the value's
//! order. Every string that a YAML reader could take for something else is quoted:
//! anything starting with a digit (`2020-01`, `01234`, `1.10`), YAML 1.1 and 1.2 words
//! for booleans and null (`yes`, `no`, `on`, `~`, `null`), the empty string, and text
//! with YAML syntax in it (`: `, ` #`, a leading `-`, `*`, `&`, `!`, quotes, …).
//! Unicode is written as is; only control characters are escaped. Multi-line text is
//! written as a block literal (`|`) when that keeps it exactly, else double-quoted.
//!
//! The output reads back through [`crate::load`]'s YAML 1.2 reader as the same
//! `serde_json::Value` (a property test checks it), and through YAML 1.1 readers too.

use std::fmt::Write as _;

use serde_json::{Map, Value};

/// The longest key written as an implicit key (`key: value`); YAML limits implicit
/// keys to 1024 characters, longer ones use the explicit form (`? key`).
const MAX_IMPLICIT_KEY: usize = 1000;

/// Writes `value` as a YAML document (block style, trailing newline).
///
/// ```
/// let value = serde_json::json!({"name": "Zoë", "start": "2020-01", "tags": ["a", "yes"]});
/// let text = vitae::convert::yaml::to_string(&value);
/// assert_eq!(text, "name: Zoë\nstart: \"2020-01\"\ntags:\n  - a\n  - \"yes\"\n");
/// ```
#[must_use]
pub fn to_string(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Object(map) if !map.is_empty() => write_map(&mut out, map, 0, false),
        Value::Array(items) if !items.is_empty() => write_seq(&mut out, items, 0, false),
        scalar => {
            write_inline(&mut out, scalar);
            out.push('\n');
        }
    }
    out
}

fn pad(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

/// A mapping whose lines start at `indent`; with `inline_first`, the first line
/// continues the current line (after `- `).
fn write_map(out: &mut String, map: &Map<String, Value>, indent: usize, inline_first: bool) {
    for (i, (key, value)) in map.iter().enumerate() {
        if i > 0 || !inline_first {
            pad(out, indent);
        }
        // The limit is on the key as written, escapes and quotes included.
        let start = out.len();
        write_string_inline(out, key);
        if out[start..].chars().count() > MAX_IMPLICIT_KEY {
            let written = out.split_off(start);
            out.push_str("? ");
            out.push_str(&written);
            out.push('\n');
            pad(out, indent);
        }
        out.push(':');
        write_value_after_indicator(out, value, indent);
    }
}

fn write_seq(out: &mut String, items: &[Value], indent: usize, inline_first: bool) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 || !inline_first {
            pad(out, indent);
        }
        out.push('-');
        match item {
            Value::Object(map) if !map.is_empty() => {
                out.push(' ');
                write_map(out, map, indent + 2, true);
            }
            Value::Array(inner) if !inner.is_empty() => {
                out.push(' ');
                write_seq(out, inner, indent + 2, true);
            }
            _ => write_value_after_indicator(out, item, indent),
        }
    }
}

/// The value after `key:` or `-` of a node at `indent`.
fn write_value_after_indicator(out: &mut String, value: &Value, indent: usize) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            out.push('\n');
            write_map(out, map, indent + 2, false);
        }
        Value::Array(items) if !items.is_empty() => {
            out.push('\n');
            write_seq(out, items, indent + 2, false);
        }
        Value::String(s) if literal_ok(s) => write_literal(out, s, indent + 2),
        scalar => {
            out.push(' ');
            write_inline(out, scalar);
            out.push('\n');
        }
    }
}

fn write_inline(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            let _ = write!(out, "{n}");
        }
        Value::String(s) => write_string_inline(out, s),
        Value::Array(_) => out.push_str("[]"),
        Value::Object(_) => out.push_str("{}"),
    }
}

/// A string on one line: plain when nothing could misread it, else double-quoted.
fn write_string_inline(out: &mut String, s: &str) {
    if plain_ok(s) {
        out.push_str(s);
    } else {
        write_double_quoted(out, s);
    }
}

/// Words YAML 1.1 or 1.2 readers take for booleans or null (compared ignoring case).
const RESERVED_WORDS: &[&str] = &["null", "true", "false", "yes", "no", "on", "off", "y", "n"];

/// Whether `s` can be written as a plain scalar (or key) and read back as this string
/// by any YAML 1.1 or 1.2 reader.
fn plain_ok(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let last = s.chars().next_back().unwrap_or(first);
    if first.is_whitespace() || last.is_whitespace() || last == ':' {
        return false;
    }
    // Indicators, and characters that start numbers, dates, `~`, `.inf`, `<<`, `=`.
    if first.is_ascii_digit() || "-?:,[]{}#&*!|>'\"%@`.+~=<\\".contains(first) {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.chars().any(needs_escape) || s.contains('\t') {
        return false;
    }
    !RESERVED_WORDS.iter().any(|w| w.eq_ignore_ascii_case(s))
}

/// Characters written as escapes in double quotes: controls (but `\n` and `\t`, which
/// get their short escapes too), the YAML 1.1 line breaks and the BOM.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        )
}

fn write_double_quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if needs_escape(c) => {
                let code = u32::from(c);
                if code <= 0xff {
                    let _ = write!(out, "\\x{code:02X}");
                } else {
                    let _ = write!(out, "\\u{code:04X}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Whether `s` can be written as a block literal (`|`) and read back exactly: it has
/// a line break, no carriage return or other control character, no line made only of
/// blanks, and its first non-empty line does not start with a blank (which would
/// change the detected indentation).
fn literal_ok(s: &str) -> bool {
    if !s.contains('\n')
        || s.chars()
            .any(|c| c != '\n' && (needs_escape(c) || c == '\t'))
    {
        return false;
    }
    let body = s.trim_end_matches('\n');
    if body.is_empty() {
        return false;
    }
    if body
        .split('\n')
        .any(|line| !line.is_empty() && line.trim_start_matches(' ').is_empty())
    {
        return false;
    }
    body.split('\n')
        .find(|line| !line.is_empty())
        .is_some_and(|line| !line.starts_with(' '))
}

/// `|`, `|-` or `|+` (by the number of trailing line breaks), then the lines at `indent`.
fn write_literal(out: &mut String, s: &str, indent: usize) {
    let body = s.trim_end_matches('\n');
    let chomp = match s.len() - body.len() {
        0 => "-",
        1 => "",
        _ => "+",
    };
    let _ = writeln!(out, " |{chomp}");
    for line in body.split('\n') {
        if !line.is_empty() {
            pad(out, indent);
            out.push_str(line);
        }
        out.push('\n');
    }
    // `|+` keeps the extra line breaks: write them as empty lines.
    for _ in 1..(s.len() - body.len()) {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{self, Format};
    use serde_json::json;

    fn round_trip(value: &Value) -> String {
        let text = to_string(value);
        let back = load::parse(&text, Format::Yaml)
            .unwrap_or_else(|e| panic!("{e}\n---\n{text}"))
            .value;
        assert_eq!(&back, value, "\n---\n{text}");
        text
    }

    #[test]
    fn look_alike_strings_are_quoted() {
        let value = json!({
            "date": "2020-01", "zip": "01234", "version": "1.10", "yes": "yes", "no": "No",
            "tilde": "~", "null": "null", "<<": 1, "empty": "", "inf": ".inf", "merge": "<<",
            "colon": "a: b", "hash": "a #b", "dash": "- x", "star": "*x", "bang": "!x",
            "quote": "\"q\"", "space": " x", "plain": "Zoë Ünal, C# & C++ (2019)",
            "number": 12, "float": 1.5, "bool": true, "nothing": null,
        });
        let text = round_trip(&value);
        assert!(text.contains("date: \"2020-01\"\n"), "{text}");
        assert!(text.contains("zip: \"01234\"\n"), "{text}");
        assert!(text.contains("\"yes\": \"yes\"\n"), "{text}");
        assert!(text.contains("empty: \"\"\n"), "{text}");
        assert!(text.contains("\"<<\": 1\n"), "{text}");
        assert!(
            text.contains("plain: Zoë Ünal, C# & C++ (2019)\n"),
            "{text}"
        );
        assert!(
            text.contains("number: 12\nfloat: 1.5\nbool: true\nnothing: null\n"),
            "{text}"
        );
        assert!(text.contains("merge: \"<<\"\n"), "{text}");
    }

    #[test]
    fn nesting_and_empty_containers() {
        let value = json!({
            "work": [{"name": "A", "highlights": ["x", "z"]}, {}, [], [[1, 2], {"a": {}}]],
            "empty": {}, "none": [],
        });
        let text = round_trip(&value);
        assert!(
            text.starts_with("work:\n  - name: A\n    highlights:\n      - x\n      - z\n  - {}\n  - []\n  - - - 1\n      - 2\n    - a: {}\n"),
            "{text}"
        );
    }

    #[test]
    fn multi_line_text_uses_block_literals_when_exact() {
        let value = json!({
            "clip": "line one\nline two\n",
            "strip": "line one\n\nline two",
            "keep": "a\n\n\n",
            "indented": "  starts with blanks\nx",
            "crlf": "a\r\nb",
            "blank_line": "a\n  \nb",
            "list": ["one\ntwo"],
        });
        let text = round_trip(&value);
        assert!(text.contains("clip: |\n  line one\n  line two\n"), "{text}");
        assert!(
            text.contains("strip: |-\n  line one\n\n  line two\n"),
            "{text}"
        );
        assert!(
            text.contains("indented: \"  starts with blanks\\nx\"\n"),
            "{text}"
        );
        assert!(text.contains("crlf: \"a\\r\\nb\"\n"), "{text}");
        assert!(text.contains("list:\n  - |-\n    one\n    two\n"), "{text}");
    }

    #[test]
    fn control_characters_are_escaped_and_long_keys_explicit() {
        let long = "k".repeat(1500);
        let value = json!({
            "ctl": "a\u{1}b\u{7f}\u{85}\u{2028}\u{feff}", "tab": "a\tb", "back": "C:\\x",
            long: {"nested": 1},
        });
        let text = round_trip(&value);
        assert!(
            text.contains("ctl: \"a\\x01b\\x7F\\x85\\u2028\\uFEFF\"\n"),
            "{text}"
        );
        assert!(text.contains("? kkk"), "{text}");
        // Found by fuzzing: 400 characters, but over 1024 once escaped.
        let escaped = "\u{15}".repeat(400);
        let text = round_trip(&json!({ escaped: 1 }));
        assert!(text.starts_with("? \"\\x15"), "{text}");
    }

    #[test]
    fn scalar_and_list_roots() {
        round_trip(&json!("2020"));
        round_trip(&json!(null));
        round_trip(&json!([1, "a"]));
        round_trip(&json!({}));
    }
}
