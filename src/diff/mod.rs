//! What changed between two resumes, entry by entry.
//!
//! [`diff`] compares two documents and returns a [`Diff`]: a list of [`Change`]s for a
//! reader, and a JSON Patch ([`PatchOp`], RFC 6902) that turns the old document into
//! the new one. Entries of lists are matched by identity ([`matching`]: a job is its
//! employer and position, a skill its name…), not by position, so a job added at the
//! top is one added entry and one `add` operation, not a change to every job after
//! it. Object key order never counts. Unknown sections and fields are compared the same
//! way (objects by key, lists of objects by a `name`/`title`/`id`-like field, else by
//! similarity).
//!
//! ```
//! use serde_json::json;
//! use vitae::diff::{diff, ChangeKind, Options};
//!
//! let old = json!({"work": [{"name": "Nordlys", "position": "Engineer"}]});
//! let new = json!({"work": [
//!     {"name": "Fjord Analytics", "position": "Data Engineer", "startDate": "2024-01"},
//!     {"name": "Nordlys", "position": "Engineer", "endDate": "2023-12"}
//! ]});
//! let d = diff(&old, &new, &Options::default());
//! assert_eq!(d.changes.len(), 2);
//! assert_eq!(d.changes[0].kind, ChangeKind::Added);
//! assert_eq!(d.changes[0].entry.as_deref(), Some("Fjord Analytics — Data Engineer"));
//! assert_eq!(d.changes[1].field, "endDate");
//! assert_eq!(d.patch.len(), 2); // add /work/0, add /work/1/endDate
//! ```

mod lists;
pub mod matching;
mod patch;
mod pointer;
pub mod render;
mod similarity;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use matching::Identity;
pub use patch::PatchOp;
pub use pointer::{IgnorePattern, PatternError};

use pointer::{join_index, join_key};

/// What to leave out of a diff.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Paths not compared: see [`IgnorePattern`].
    pub ignore: Vec<IgnorePattern>,
}

/// The kind of a [`Change`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Only the new document has it (`old` is null).
    Added,
    /// Only the old document has it (`new` is null).
    Removed,
    /// Both have it, with different values (`old` and `new` are the values).
    Changed,
    /// A list item that both have, in a different order relative to the others. Items
    /// that only shift because others were added or removed are not moved. Changes
    /// inside a moved item are separate changes.
    Moved,
}

impl ChangeKind {
    /// `added`, `removed`, `changed` or `moved`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
            ChangeKind::Moved => "moved",
        }
    }
}

/// One difference between the old and the new document.
///
/// Its place is given twice: for a reader (`section`, `entry`, `field`) and for a
/// program (`old_pointer`, `new_pointer`). Serialized with camelCase names; this is
/// the record of `vitae diff --format json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// What happened.
    pub kind: ChangeKind,
    /// The top-level key (`work`, `basics`, `x-custom`), or for a list of entries
    /// inside an object the dotted path to that list (`basics.profiles`). Empty when the
    /// whole document is not an object and changed.
    pub section: String,
    /// The name of the entry the change is in or of (`Nordlys — Engineer`), when the
    /// change is in a list of entries; the old entry's name unless it was added.
    pub entry: Option<String>,
    /// Where inside the entry (or the section, when `entry` is None), dotted with list
    /// indices in brackets: `endDate`, `highlights[2]`, `location.city`. Empty when the
    /// change is to the entry (or section) as a whole.
    pub field: String,
    /// The JSON pointer of the value in the old document (None when added).
    pub old_pointer: Option<String>,
    /// The JSON pointer of the value in the new document (None when removed).
    pub new_pointer: Option<String>,
    /// The old value (None when added or moved).
    pub old: Option<Value>,
    /// The new value (None when removed; for a moved item of a plain list, the item).
    pub new: Option<Value>,
}

impl Change {
    /// Whether the change is to a whole entry of a list (added, removed or moved).
    #[must_use]
    pub fn is_entry(&self) -> bool {
        self.entry.is_some() && self.field.is_empty()
    }

    /// Whether the change is to a whole section (`field` and `entry` empty).
    #[must_use]
    pub fn is_section(&self) -> bool {
        self.entry.is_none() && self.field.is_empty()
    }
}

/// How many changes of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Added entries, fields and items.
    pub added: usize,
    /// Removed ones.
    pub removed: usize,
    /// Changed values.
    pub changed: usize,
    /// Moved list items.
    pub moved: usize,
}

impl Summary {
    /// All changes.
    #[must_use]
    pub fn total(&self) -> usize {
        self.added + self.removed + self.changed + self.moved
    }
}

/// The differences between two documents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Diff {
    /// The changes, in document order, grouped by section.
    pub changes: Vec<Change>,
    /// An RFC 6902 JSON Patch that turns the old document into the new one (apart from
    /// ignored paths, which keep their old value).
    pub patch: Vec<PatchOp>,
}

impl Diff {
    /// Whether the documents are the same (apart from key order and ignored paths).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// How many changes of each kind.
    #[must_use]
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for c in &self.changes {
            match c.kind {
                ChangeKind::Added => s.added += 1,
                ChangeKind::Removed => s.removed += 1,
                ChangeKind::Changed => s.changed += 1,
                ChangeKind::Moved => s.moved += 1,
            }
        }
        s
    }

    /// The changes grouped by section, sections in order of first appearance.
    #[must_use]
    pub fn by_section(&self) -> Vec<(&str, Vec<&Change>)> {
        let mut groups: Vec<(&str, Vec<&Change>)> = Vec::new();
        for c in &self.changes {
            match groups.iter_mut().find(|(s, _)| *s == c.section) {
                Some((_, list)) => list.push(c),
                None => groups.push((&c.section, vec![c])),
            }
        }
        groups
    }
}

/// Compares two documents (usually resumes) and lists what changed.
///
/// Never fails: any two JSON values can be compared. See the [module docs](self).
#[must_use]
pub fn diff(old: &Value, new: &Value, options: &Options) -> Diff {
    let (old, new): (Cow<'_, Value>, Cow<'_, Value>) = if options.ignore.is_empty() {
        (Cow::Borrowed(old), Cow::Borrowed(new))
    } else {
        (
            Cow::Owned(pointer::without_ignored(old, &options.ignore)),
            Cow::Owned(pointer::without_ignored(new, &options.ignore)),
        )
    };
    let mut walk = Walk::default();
    walk.root(&old, &new);
    Diff {
        changes: walk.changes,
        patch: walk.patch,
    }
}

/// Where the walk is, for a reader.
#[derive(Debug, Clone, Default)]
struct Place {
    section: String,
    entry: Option<String>,
    field: String,
}

impl Place {
    fn member(&self, key: &str) -> Place {
        let field = if self.field.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.field)
        };
        Place {
            field,
            ..self.clone()
        }
    }

    fn item(&self, index: usize) -> Place {
        Place {
            field: format!("{}[{index}]", self.field),
            ..self.clone()
        }
    }

    /// The place of an entry of the list of entries at `self`.
    fn entry(&self, label: String) -> Place {
        let section = if self.field.is_empty() {
            self.section.clone()
        } else {
            format!("{}.{}", self.section, self.field)
        };
        Place {
            section,
            entry: Some(label),
            field: String::new(),
        }
    }
}

/// The recursive comparison. Pointers are passed for both documents: `old_at` in the
/// old one, `new_at` in the new one (which is also where the patch finds the value,
/// since every ancestor has been patched into its new shape by then).
#[derive(Default)]
struct Walk {
    changes: Vec<Change>,
    patch: Vec<PatchOp>,
}

impl Walk {
    fn root(&mut self, old: &Value, new: &Value) {
        match (old, new) {
            (Value::Object(a), Value::Object(b)) => self.object(a, b, "", "", None),
            _ => self.value(old, new, "", "", &Place::default(), ""),
        }
    }

    fn value(
        &mut self,
        old: &Value,
        new: &Value,
        old_at: &str,
        new_at: &str,
        place: &Place,
        name: &str,
    ) {
        if old == new {
            return;
        }
        match (old, new) {
            (Value::Object(a), Value::Object(b)) => {
                self.object(a, b, old_at, new_at, Some(place));
            }
            (Value::Array(a), Value::Array(b)) => self.array(a, b, old_at, new_at, place, name),
            _ => {
                self.record(
                    ChangeKind::Changed,
                    place,
                    Some(old_at),
                    Some(new_at),
                    Some(old),
                    Some(new),
                );
                self.patch.push(PatchOp::Replace {
                    path: new_at.to_owned(),
                    value: new.clone(),
                });
            }
        }
    }

    /// `place` is None for the root object, whose keys are sections.
    fn object(
        &mut self,
        old: &Map<String, Value>,
        new: &Map<String, Value>,
        old_at: &str,
        new_at: &str,
        place: Option<&Place>,
    ) {
        let child = |key: &str| match place {
            Some(p) => p.member(key),
            None => Place {
                section: key.to_owned(),
                ..Place::default()
            },
        };
        for (key, n) in new {
            let new_child = join_key(new_at, key);
            match old.get(key) {
                Some(o) => self.value(o, n, &join_key(old_at, key), &new_child, &child(key), key),
                None => {
                    self.record(
                        ChangeKind::Added,
                        &child(key),
                        None,
                        Some(&new_child),
                        None,
                        Some(n),
                    );
                    self.patch.push(PatchOp::Add {
                        path: new_child,
                        value: n.clone(),
                    });
                }
            }
        }
        for (key, o) in old {
            if !new.contains_key(key) {
                self.record(
                    ChangeKind::Removed,
                    &child(key),
                    Some(&join_key(old_at, key)),
                    None,
                    Some(o),
                    None,
                );
                self.patch.push(PatchOp::Remove {
                    path: join_key(new_at, key),
                });
            }
        }
    }

    fn array(
        &mut self,
        old: &[Value],
        new: &[Value],
        old_at: &str,
        new_at: &str,
        place: &Place,
        name: &str,
    ) {
        let identity = Identity::of_list(name);
        // A list of entries (objects) gives its items names; lists inside an entry and
        // plain lists give indices.
        let entries = place.entry.is_none() && old.iter().chain(new).any(Value::is_object);
        let label = |value: &Value, index: usize| {
            identity
                .label(value)
                .unwrap_or_else(|| format!("#{}", index + 1))
        };

        let of_new = matching::match_items(old, new, identity);
        let pairs: Vec<(usize, usize)> = of_new
            .iter()
            .enumerate()
            .filter_map(|(j, i)| i.map(|i| (i, j)))
            .collect();
        let order: Vec<usize> = pairs.iter().map(|p| p.0).collect();
        // Prefer keeping in place the items whose rank among the matched ones is the
        // same on both sides.
        let mut by_old = order.clone();
        by_old.sort_unstable();
        let kept = lists::longest_increasing(&order, |k| by_old[k] == order[k]);
        patch::array_ops(new_at, old.len(), &pairs, &kept, new, &mut self.patch);

        let mut old_matched = vec![false; old.len()];
        for &(i, _) in &pairs {
            old_matched[i] = true;
        }
        for (i, o) in old.iter().enumerate().filter(|(i, _)| !old_matched[*i]) {
            let at = if entries {
                place.entry(label(o, i))
            } else {
                place.item(i)
            };
            let pointer = join_index(old_at, i);
            self.record(
                ChangeKind::Removed,
                &at,
                Some(&pointer),
                None,
                Some(o),
                None,
            );
        }
        let mut next_pair = pairs.iter().zip(&kept).peekable();
        for (j, n) in new.iter().enumerate() {
            let new_pointer = join_index(new_at, j);
            let Some(((i, _), keep)) = next_pair.next_if(|((_, pj), _)| *pj == j) else {
                let at = if entries {
                    place.entry(label(n, j))
                } else {
                    place.item(j)
                };
                self.record(
                    ChangeKind::Added,
                    &at,
                    None,
                    Some(&new_pointer),
                    None,
                    Some(n),
                );
                continue;
            };
            let o = &old[*i];
            let old_pointer = join_index(old_at, *i);
            let at = if entries {
                place.entry(label(o, *i))
            } else {
                place.item(j)
            };
            if !keep {
                let item = (!entries && !n.is_object() && !n.is_array()).then_some(n);
                self.record(
                    ChangeKind::Moved,
                    &at,
                    Some(&old_pointer),
                    Some(&new_pointer),
                    None,
                    item,
                );
            }
            self.value(o, n, &old_pointer, &new_pointer, &at, name);
        }
    }

    fn record(
        &mut self,
        kind: ChangeKind,
        place: &Place,
        old_pointer: Option<&str>,
        new_pointer: Option<&str>,
        old: Option<&Value>,
        new: Option<&Value>,
    ) {
        self.changes.push(Change {
            kind,
            section: place.section.clone(),
            entry: place.entry.clone(),
            field: place.field.clone(),
            old_pointer: old_pointer.map(str::to_owned),
            new_pointer: new_pointer.map(str::to_owned),
            old: old.cloned(),
            new: new.cloned(),
        });
    }
}
