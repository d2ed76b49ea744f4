//! How alike two values are, from 0 (nothing in common) to 1 (the same), and a
//! structural hash that ignores object key order.
//!
//! Text is compared by the Dice coefficient of its character bigrams after folding
//! case and white space: cheap (linear after a sort), symmetric, and forgiving of the
//! edits people make to resumes — a fixed typo, a word added to a job title, a number
//! changed in a highlight.

use std::hash::{DefaultHasher, Hash, Hasher};

use serde_json::{Map, Value};

use crate::model::PartialDate;

/// Folds `text` for comparison: lower case, runs of white space as one space, trimmed.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// How alike two texts are: the Dice coefficient of their character bigrams, after
/// [`fold`].
pub(crate) fn text(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let (a, b) = (fold(a), fold(b));
    if a == b {
        return 1.0;
    }
    let (mut x, mut y) = (bigrams(&a), bigrams(&b));
    if x.is_empty() || y.is_empty() {
        // One character or none: only equality counts, and they differ.
        return 0.0;
    }
    x.sort_unstable();
    y.sort_unstable();
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (x.len() + y.len()) as f64
}

fn bigrams(text: &str) -> Vec<(char, char)> {
    let mut chars = text.chars();
    let Some(mut prev) = chars.next() else {
        return Vec::new();
    };
    chars
        .map(|c| {
            let pair = (prev, c);
            prev = c;
            pair
        })
        .collect()
}

/// A hash of `value` in which object key order does not count (so two values that
/// compare equal hash equal).
pub(crate) fn hash(value: &Value) -> u64 {
    let mut hasher = DefaultHasher::new();
    hash_into(value, &mut hasher);
    hasher.finish()
}

fn hash_into(value: &Value, hasher: &mut DefaultHasher) {
    match value {
        Value::Null => 0u8.hash(hasher),
        Value::Bool(b) => (1u8, b).hash(hasher),
        Value::Number(n) => (2u8, n.to_string()).hash(hasher),
        Value::String(s) => (3u8, s).hash(hasher),
        Value::Array(items) => {
            (4u8, items.len()).hash(hasher);
            for item in items {
                hash_into(item, hasher);
            }
        }
        Value::Object(map) => {
            // Order-free: add up the members' own hashes.
            let sum = map.iter().fold(0u64, |acc, (k, v)| {
                let mut member = DefaultHasher::new();
                k.hash(&mut member);
                hash_into(v, &mut member);
                acc.wrapping_add(member.finish())
            });
            (5u8, map.len(), sum).hash(hasher);
        }
    }
}

/// How alike two values are, looking one level into objects and arrays.
pub(crate) fn value(a: &Value, b: &Value) -> f64 {
    if a == b {
        return 1.0;
    }
    match (a, b) {
        // Dates are equal or not: `2019-01` is not "mostly" `2010-01`.
        (Value::String(x), Value::String(y)) if is_date(x) && is_date(y) => 0.0,
        (Value::String(x), Value::String(y)) => text(x, y),
        (Value::Object(x), Value::Object(y)) => members(x, y),
        (Value::Array(x), Value::Array(y)) => overlap(x, y),
        _ => 0.0,
    }
}

fn is_date(text: &str) -> bool {
    text.parse::<PartialDate>().is_ok()
}

/// The mean likeness of the members of two objects, over the keys either has (a key
/// only one side has counts as 0).
pub(crate) fn members(a: &Map<String, Value>, b: &Map<String, Value>) -> f64 {
    let mut total = 0.0;
    let mut keys = 0usize;
    for (key, x) in a {
        keys += 1;
        if let Some(y) = b.get(key) {
            total += shallow(x, y);
        }
    }
    keys += b.keys().filter(|k| !a.contains_key(*k)).count();
    if keys == 0 { 1.0 } else { total / keys as f64 }
}

/// Like [`value`], without looking inside nested objects (equal or not).
fn shallow(a: &Value, b: &Value) -> f64 {
    match (a, b) {
        (Value::Object(_), Value::Object(_)) => f64::from(u8::from(a == b)),
        _ => value(a, b),
    }
}

/// The share of items two arrays have in common (a multiset Dice coefficient).
fn overlap(a: &[Value], b: &[Value]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut x: Vec<u64> = a.iter().map(hash).collect();
    let mut y: Vec<u64> = b.iter().map(hash).collect();
    x.sort_unstable();
    y.sort_unstable();
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (x.len() + y.len()) as f64
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn text_likeness() {
        assert_eq!(text("Rust", "rust"), 1.0);
        assert_eq!(text("  Data   Engineer ", "data engineer"), 1.0);
        assert!(text("Software Engineer", "Software Engineer II") > 0.8);
        assert!(text("Nordlys AS", "Nordlys") > 0.7);
        assert!(text("Rust", "Ruby") < 0.5);
        assert!(text("Led the payments team", "Organised the company picnic") < 0.4);
        assert_eq!(text("a", "b"), 0.0);
        assert_eq!(text("", "x"), 0.0);
        assert_eq!(text("ä", "ä"), 1.0);
    }

    #[test]
    fn hash_ignores_key_order_but_not_values() {
        let a = json!({"a": 1, "b": [1, {"x": "y", "z": 2}]});
        let b = json!({"b": [1, {"z": 2, "x": "y"}], "a": 1});
        let c = json!({"b": [1, {"z": 2, "x": "y"}], "a": 2});
        assert_eq!(hash(&a), hash(&b));
        assert_ne!(hash(&a), hash(&c));
        assert_ne!(hash(&json!(["a", "b"])), hash(&json!(["b", "a"])));
        assert_ne!(hash(&json!("1")), hash(&json!(1)));
    }

    #[test]
    fn member_likeness() {
        let a = json!({"name": "Nordlys", "position": "Engineer", "startDate": "2019-01"});
        let b = json!({"name": "Nordlys", "position": "Senior Engineer", "startDate": "2019-01"});
        let c = json!({"name": "Fjord", "position": "Barista", "startDate": "2010-01"});
        let (a, b, c) = (
            a.as_object().unwrap(),
            b.as_object().unwrap(),
            c.as_object().unwrap(),
        );
        assert!(members(a, b) > 0.8);
        assert!(members(a, c) < 0.3);
    }
}
