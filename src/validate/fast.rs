//! The fast path for JSON: most documents in a batch have nothing to report, and for
//! them the positions of values are never needed.
//!
//! [`parse_json`] builds the value with `serde_json`'s parser (no span map), noticing
//! repeated keys on the way. When that value passes the schema and the lint rules, the
//! document is done; otherwise (or on any parse error or repeated key) the caller reads
//! it again with the span-keeping loader and reports located findings. The verdict is
//! the same either way; a test checks it on every fixture.

use std::cell::{Cell, RefCell};
use std::fmt;

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// The value of `text`, or `None` when it does not parse, repeats a key in an object or
/// holds a number that may be an integer too large for 64 bits.
pub(crate) fn parse_json(text: &str) -> Option<Value> {
    let state = State::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let value = ValueSeed(&state).deserialize(&mut de).ok()?;
    de.end().ok()?;
    (!state.repeated.get()).then_some(value)
}

/// What the seeds share while one document is read: whether it repeated a key, and
/// spare buffers for the members of the objects and arrays being read (one per level of
/// nesting, reused from one object to the next). Each object and array is collected
/// there first and then built once at its final size: growing an index map entry by
/// entry rehashes it several times, and that was a tenth of the whole check.
#[derive(Default)]
struct State {
    repeated: Cell<bool>,
    members: RefCell<Vec<Vec<(String, Value)>>>,
    items: RefCell<Vec<Vec<Value>>>,
}

/// Builds a `serde_json::Value`, setting the flag when an object repeats a key (or a
/// number needs the careful loader).
#[derive(Clone, Copy)]
struct ValueSeed<'a>(&'a State);

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // serde_json reads an integer past 64 bits as a rounded float; the span-keeping
        // loader refuses it. A whole float that large sends the document there (so does
        // `1e19`, which that loader then accepts: only the path differs, not the verdict).
        if v.fract() == 0.0 && v.abs() >= 9.2e18 {
            self.0.repeated.set(true);
        }
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = self.0.items.borrow_mut().pop().unwrap_or_default();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        #[expect(
            clippy::drain_collect,
            reason = "a list of the final size; the buffer stays for the next list"
        )]
        let value = Value::Array(items.drain(..).collect());
        self.0.items.borrow_mut().push(items);
        Ok(value)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut members = self.0.members.borrow_mut().pop().unwrap_or_default();
        while let Some(key) = access.next_key::<String>()? {
            let value = access.next_value_seed(self)?;
            members.push((key, value));
        }
        let mut map = Map::with_capacity(members.len());
        for (key, value) in members.drain(..) {
            if map.insert(key, value).is_some() {
                self.0.repeated.set(true);
            }
        }
        self.0.members.borrow_mut().push(members);
        Ok(Value::Object(map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_match_serde_json_and_repeats_are_noticed() {
        let text = r#"{"a": [1, -2, 3.5, true, null, "x\u00e9"], "b": {"c": {}}}"#;
        assert_eq!(
            parse_json(text),
            Some(serde_json::from_str::<Value>(text).unwrap())
        );
        // Nested lists and objects reuse the buffers of their levels: values and key
        // order must come out exactly as serde_json reads them.
        let nested = r#"{"z": [[1, [2, {}]], {"b": [{"c": 1}, {"d": [3, 4]}]}], "e": {"f": {"g": []}}, "a": 0}"#;
        let ours = parse_json(nested).unwrap();
        let theirs = serde_json::from_str::<Value>(nested).unwrap();
        assert_eq!(ours, theirs);
        assert_eq!(ours.to_string(), theirs.to_string());
        assert_eq!(parse_json(r#"{"a": 1, "a": 2}"#), None);
        assert_eq!(parse_json("[123456789012345678901234567890]"), None);
        assert_eq!(parse_json(r#"{"a": {"b": 1, "b": 1}}"#), None);
        assert_eq!(parse_json(r#"{"a": 1} x"#), None);
        assert_eq!(parse_json(r#"{"a": 1,}"#), None);
    }
}
