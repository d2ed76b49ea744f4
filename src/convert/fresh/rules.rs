//! The key rules: what happens to each key of an object, in each direction.
//!
//! Each direction restores exactly the keys the other direction escapes (it asks the
//! other direction what it would have written), and escapes every name that either
//! format defines at that place, or that looks like an extension key, so that nothing
//! can be taken for something else on the way back.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::tables::{Kind, META, Pair, Place};
use super::{FRESH_FORMAT, FRESH_PREFIX, JSON_RESUME_PREFIX};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dir {
    ToFresh,
    ToJr,
}

impl Dir {
    pub(super) fn flip(self) -> Dir {
        match self {
            Dir::ToFresh => Dir::ToJr,
            Dir::ToJr => Dir::ToFresh,
        }
    }

    /// The prefix of extension keys written in this direction.
    pub(super) fn escape_prefix(self) -> &'static str {
        match self {
            Dir::ToFresh => JSON_RESUME_PREFIX,
            Dir::ToJr => FRESH_PREFIX,
        }
    }

    pub(super) fn source_name(self, pair: &Pair) -> &'static str {
        match self {
            Dir::ToFresh => pair.jr,
            Dir::ToJr => pair.fresh,
        }
    }

    pub(super) fn target_name(self, pair: &Pair) -> &'static str {
        match self {
            Dir::ToFresh => pair.fresh,
            Dir::ToJr => pair.jr,
        }
    }

    pub(super) fn target(self) -> &'static str {
        match self {
            Dir::ToFresh => "FRESH",
            Dir::ToJr => "JSON Resume",
        }
    }
}

/// What happens to one key.
#[derive(Debug, Clone, Copy)]
pub(super) enum Action {
    /// A field both formats have: renamed, value mapped.
    Pair(&'static Pair),
    /// An extension key written by the other direction: its original name comes back
    /// (the string is the name without the prefix).
    Restore,
    /// A field the target has no place for: kept under an extension key.
    Escape,
    /// A field neither format defines: kept as is.
    Keep,
}

/// Whether a pair's value can take the target's shape.
pub(super) fn fits(kind: Kind, dir: Dir, value: &Value) -> bool {
    match (kind, dir) {
        (Kind::Roles, Dir::ToFresh) => {
            matches!(value, Value::Array(items) if items.len() == 1 && items[0].is_string())
        }
        (Kind::Roles, Dir::ToJr) => value.is_string(),
        // A FRESH publisher object is split on the way back: an object in JSON Resume
        // would not come back as one.
        (Kind::Publisher, Dir::ToFresh) => !value.is_object(),
        _ => true,
    }
}

/// The key rule. Each direction restores exactly the keys the other direction escapes
/// (it asks the other direction what it would have written), and escapes every name
/// that either format defines here or that looks like an extension key, so that
/// nothing can be mistaken for something else on the way back.
pub(super) fn action(place: &'static Place, dir: Dir, key: &str, value: &Value) -> Action {
    if let Some(pair) = place.pair_from(dir, key) {
        return if fits(pair.kind, dir, value) {
            Action::Pair(pair)
        } else {
            Action::Escape
        };
    }
    // Not restored: a JSON Resume name FRESH lacks, which reading FRESH would take as
    // the JSON Resume field (see `plan`), not as the key it came from.
    // Also not restored: vitae's own format marker, which reading FRESH drops.
    let reread = |rest: &str| {
        dir == Dir::ToFresh
            && (place.jr_defined(rest) && !place.fresh_defined(rest)
                || place.structural.contains(&rest)
                || std::ptr::eq(place, &META) && rest == "format" && value == FRESH_FORMAT)
    };
    if let Some(rest) = key.strip_prefix(dir.flip().escape_prefix())
        && !reread(rest)
        && emitted_key(place, dir.flip(), rest, value) == key
    {
        return Action::Restore;
    }
    if place.defines(key) || key.starts_with(FRESH_PREFIX) || key.starts_with(JSON_RESUME_PREFIX) {
        Action::Escape
    } else {
        Action::Keep
    }
}

/// The key `action` gives `key` in the target.
pub(super) fn emitted_key(place: &'static Place, dir: Dir, key: &str, value: &Value) -> String {
    match action(place, dir, key, value) {
        Action::Pair(pair) => dir.target_name(pair).to_owned(),
        Action::Restore => key[dir.flip().escape_prefix().len()..].to_owned(),
        Action::Escape => format!("{}{key}", dir.escape_prefix()),
        Action::Keep => key.to_owned(),
    }
}

/// The action for every key of `src`. Reading FRESH, a JSON Resume name in a FRESH
/// document is read as that JSON Resume field (kept as is), unless its name is taken:
/// by another key's target, or by `reserved` (names the caller fills itself).
pub(super) fn plan(
    dir: Dir,
    place: &'static Place,
    src: &Map<String, Value>,
    reserved: &[&str],
) -> Vec<Action> {
    let actions: Vec<Action> = src.iter().map(|(k, v)| action(place, dir, k, v)).collect();
    let as_jr = |k: &str, a: Action| {
        dir == Dir::ToJr
            && matches!(a, Action::Escape)
            && place.jr_defined(k)
            && !place.fresh_defined(k)
    };
    let mut taken: HashSet<String> = reserved.iter().map(|r| (*r).to_owned()).collect();
    for ((k, v), a) in src.iter().zip(&actions) {
        if !as_jr(k, *a) {
            taken.insert(emitted_key(place, dir, k, v));
        }
    }
    src.keys()
        .zip(actions)
        .map(|(k, a)| {
            if as_jr(k, a) && !taken.contains(k.as_str()) {
                Action::Keep
            } else {
                a
            }
        })
        .collect()
}
