//! How alike two values are, from 0 (nothing in common) to 1 (the same), and a
//! structural hash that ignores object key order.
//!
//! Text is compared by the Dice coefficient of its character bigrams after folding
//! case and white space: cheap (linear after a sort), symmetric, and forgiving of the
//! edits people make to resumes — a fixed typo, a word added to a job title, a number
//! changed in a highlight.

use std::hash::{DefaultHasher, Hash, Hasher};

use serde_json::Value;

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
#[cfg(test)]
pub(crate) fn text(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    Feature::text(a).likeness(&Feature::text(b))
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
        Value::Number(n) => (2u8, n).hash(hasher),
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

/// What similarity looks at in one value, computed once per item so that comparing
/// two items is a few merges of sorted vectors, without allocating.
#[derive(Debug)]
pub(crate) enum Features<'a> {
    /// An object: its members' features, sorted by key.
    Members(Vec<(&'a str, Feature)>),
    /// Anything else.
    Single(Feature),
}

/// The features of one value, looked at without going inside nested objects.
#[derive(Debug)]
pub(crate) enum Feature {
    /// Text: the hash of its folded form and its sorted character bigrams.
    Text { folded: u64, bigrams: Vec<u64> },
    /// A date, number, boolean, null or object: equal (same hash) or not.
    Exact(u64),
    /// An array: the sorted hashes of its items.
    List(Vec<u64>),
}

impl<'a> Features<'a> {
    /// The features of `value`.
    pub(crate) fn of(value: &'a Value) -> Features<'a> {
        match value {
            Value::Object(map) => {
                let mut members: Vec<(&str, Feature)> = map
                    .iter()
                    .map(|(k, v)| (k.as_str(), Feature::of(v)))
                    .collect();
                members.sort_unstable_by(|a, b| a.0.cmp(b.0));
                Features::Members(members)
            }
            other => Features::Single(Feature::of(other)),
        }
    }

    /// The feature of member `key`, for an object.
    pub(crate) fn member(&self, key: &str) -> Option<&Feature> {
        match self {
            Features::Members(members) => members
                .binary_search_by(|(k, _)| (*k).cmp(key))
                .ok()
                .map(|at| &members[at].1),
            Features::Single(_) => None,
        }
    }

    /// How alike two values are (0..=1): for objects, the mean likeness of their
    /// members over the keys either has (a key only one side has counts as 0).
    pub(crate) fn likeness(&self, other: &Features<'_>) -> f64 {
        match (self, other) {
            (Features::Single(a), Features::Single(b)) => a.likeness(b),
            (Features::Members(a), Features::Members(b)) => {
                if a.is_empty() && b.is_empty() {
                    return 1.0;
                }
                let (mut i, mut j, mut keys, mut total) = (0, 0, 0usize, 0.0);
                while i < a.len() || j < b.len() {
                    keys += 1;
                    match (a.get(i), b.get(j)) {
                        (Some(x), Some(y)) if x.0 == y.0 => {
                            total += x.1.likeness(&y.1);
                            i += 1;
                            j += 1;
                        }
                        (Some(x), Some(y)) if x.0 < y.0 => i += 1,
                        (Some(_), None) => i += 1,
                        _ => j += 1,
                    }
                }
                total / keys as f64
            }
            _ => 0.0,
        }
    }
}

impl Feature {
    /// The feature of `value`.
    pub(crate) fn of(value: &Value) -> Feature {
        match value {
            // Dates are equal or not: `2019-01` is not "mostly" `2010-01`.
            Value::String(s) if !is_date(s) => Feature::text(s),
            Value::Array(items) => {
                let mut hashes: Vec<u64> = items.iter().map(hash).collect();
                hashes.sort_unstable();
                Feature::List(hashes)
            }
            other => Feature::Exact(hash(other)),
        }
    }

    /// The feature of a text: [`fold`] it, hash it and collect its bigrams in one pass.
    pub(crate) fn text(text: &str) -> Feature {
        let mut hasher = DefaultHasher::new();
        let mut bigrams: Vec<u64> = Vec::with_capacity(text.len());
        let mut prev: Option<char> = None;
        let mut push = |c: char| {
            hasher.write_u32(u32::from(c));
            if let Some(p) = prev {
                bigrams.push((u64::from(p) << 32) | u64::from(c));
            }
            prev = Some(c);
        };
        let mut space = false;
        let mut started = false;
        for c in text.chars() {
            if c.is_whitespace() {
                space = started;
                continue;
            }
            if space {
                push(' ');
                space = false;
            }
            started = true;
            if c.is_ascii() {
                push(c.to_ascii_lowercase());
            } else {
                c.to_lowercase().for_each(&mut push);
            }
        }
        bigrams.sort_unstable();
        Feature::Text {
            folded: hasher.finish(),
            bigrams,
        }
    }

    /// How alike two features are (0..=1).
    pub(crate) fn likeness(&self, other: &Feature) -> f64 {
        match (self, other) {
            (
                Feature::Text {
                    folded: x,
                    bigrams: p,
                },
                Feature::Text {
                    folded: y,
                    bigrams: q,
                },
            ) => {
                if x == y {
                    1.0
                } else {
                    dice(p, q)
                }
            }
            (Feature::Exact(x), Feature::Exact(y)) => f64::from(u8::from(x == y)),
            (Feature::List(p), Feature::List(q)) => {
                if p.is_empty() && q.is_empty() {
                    1.0
                } else {
                    dice(p, q)
                }
            }
            _ => 0.0,
        }
    }
}

fn is_date(text: &str) -> bool {
    text.parse::<PartialDate>().is_ok()
}

/// The Dice coefficient of two sorted multisets: twice the shared items over all items.
fn dice(x: &[u64], y: &[u64]) -> f64 {
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
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
        let (a, b, c) = (Features::of(&a), Features::of(&b), Features::of(&c));
        assert!(a.likeness(&b) > 0.8);
        assert!(a.likeness(&c) < 0.3);
        assert_eq!(a.likeness(&a), 1.0);
        let list = |v: Value| Features::of(&v).likeness(&Features::of(&json!(["x", "y", "z"])));
        assert!((list(json!(["z", "x", "q"])) - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(list(json!("x")), 0.0);
    }
}
