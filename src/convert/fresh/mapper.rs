//! The mapper: walks a document, applies the key rules object by object, and records
//! every change in the report. The top level and `basics`, whose shapes differ between
//! the formats, are in `sections.rs` and `basics.rs`.

use serde_json::{Map, Value};

use super::FRESH_FORMAT;
use super::rules::{Action, Dir, plan};
use super::tables::{Kind, META, PUBLISHER_BAG, Place};
use crate::convert::{ChangeKind, ConvertError, Report};
use crate::load::escape_pointer_token;

/// One conversion in one direction, collecting its report.
pub(super) struct Mapper {
    pub(super) dir: Dir,
    pub(super) report: Report,
}

pub(super) type Object = Map<String, Value>;

/// The pointer of `key` in the object at `pointer`.
pub(super) fn child(pointer: &str, key: &str) -> String {
    format!("{pointer}/{}", escape_pointer_token(key))
}

/// Inserts without overwriting: two source keys meeting in one target key is an error
/// (never a silent loss). `source` is the pointer of the second one.
pub(super) fn insert(
    out: &mut Object,
    key: String,
    value: Value,
    source: &str,
) -> Result<(), ConvertError> {
    if out.contains_key(&key) {
        return Err(ConvertError::Conflict {
            pointer: source.to_owned(),
            key,
        });
    }
    out.insert(key, value);
    Ok(())
}

pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

impl Mapper {
    pub(super) fn new(dir: Dir) -> Self {
        Mapper {
            dir,
            report: Report::default(),
        }
    }

    pub(super) fn root(mut self, value: &Value) -> Result<(Value, Report), ConvertError> {
        let Value::Object(src) = value else {
            return Err(ConvertError::NotAnObject {
                kind: kind_of(value),
            });
        };
        let out = match self.dir {
            Dir::ToFresh => self.root_to_fresh(src)?,
            Dir::ToJr => self.root_to_jr(src)?,
        };
        Ok((Value::Object(out), self.report))
    }

    /// Maps one object by its place's table, key by key, in order.
    pub(super) fn object(
        &mut self,
        place: &'static Place,
        src: &Object,
        from: &str,
        to: &str,
    ) -> Result<Object, ConvertError> {
        let actions = plan(self.dir, place, src, &[]);
        let mut out = Map::new();
        for ((key, value), action) in src.iter().zip(actions) {
            self.apply(place, src, key, value, action, from, to, &mut out)?;
        }
        Ok(out)
    }

    /// Writes one key of `src` (an object at `from`) into `out` (at `to`).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn apply(
        &mut self,
        place: &'static Place,
        src: &Object,
        key: &str,
        value: &Value,
        action: Action,
        from: &str,
        to: &str,
        out: &mut Object,
    ) -> Result<(), ConvertError> {
        let dir = self.dir;
        let source = child(from, key);
        let has_publisher = place.pair_from(dir, "publisher").is_some();
        if dir == Dir::ToFresh
            && has_publisher
            && let Some(Value::Object(bag)) = src.get(PUBLISHER_BAG)
        {
            // `publisher` + `x-fresh-publisher` (an object) → one FRESH `publisher` object.
            let name = src.get("publisher").filter(|v| !v.is_object());
            if key == PUBLISHER_BAG {
                return match name {
                    Some(_) => Ok(()),
                    None => self.publisher_to_fresh(out, None, bag, from, to),
                };
            }
            if key == "publisher" && name.is_some() {
                return self.publisher_to_fresh(out, name, bag, from, to);
            }
        }
        match action {
            Action::Pair(pair) => {
                let name = dir.target_name(pair);
                let target = child(to, name);
                if name != key {
                    self.report
                        .push(ChangeKind::Renamed, &source, Some(&target), "");
                }
                if let (Kind::Publisher, Dir::ToJr, Value::Object(object)) = (pair.kind, dir, value)
                {
                    return self.publisher_to_jr(out, object, &source, to);
                }
                let mapped = self.value(pair.kind, value, &source, &target)?;
                insert(out, name.to_owned(), mapped, &source)
            }
            Action::Restore => {
                let name = &key[dir.flip().escape_prefix().len()..];
                let target = child(to, name);
                self.report.push(
                    ChangeKind::Renamed,
                    &source,
                    Some(&target),
                    "restored from its extension key",
                );
                insert(out, name.to_owned(), value.clone(), &source)
            }
            Action::Escape => {
                let name = format!("{}{key}", dir.escape_prefix());
                let target = child(to, &name);
                let note = if let Some(pair) = place.pair_from(dir, key) {
                    format!(
                        "{}'s `{}` cannot hold this value",
                        dir.target(),
                        dir.target_name(pair)
                    )
                } else if place.defines(key) {
                    format!("{} has no field for this here", dir.target())
                } else {
                    "a name kept for extension keys".to_owned()
                };
                self.report
                    .push(ChangeKind::Extension, &source, Some(&target), &note);
                insert(out, name, value.clone(), &source)
            }
            Action::Keep => insert(out, key.to_owned(), value.clone(), &source),
        }
    }

    /// A pair's value in the target's shape.
    pub(super) fn value(
        &mut self,
        kind: Kind,
        value: &Value,
        from: &str,
        to: &str,
    ) -> Result<Value, ConvertError> {
        Ok(match (kind, value) {
            (Kind::Object(place), Value::Object(map)) => {
                Value::Object(self.object(place, map, from, to)?)
            }
            (Kind::List(place), Value::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    out.push(match item {
                        Value::Object(map) => Value::Object(self.object(
                            place,
                            map,
                            &format!("{from}/{i}"),
                            &format!("{to}/{i}"),
                        )?),
                        other => other.clone(),
                    });
                }
                Value::Array(out)
            }
            (Kind::Roles, Value::Array(items)) if self.dir == Dir::ToFresh && items.len() == 1 => {
                items[0].clone()
            }
            (Kind::Roles, Value::String(_)) if self.dir == Dir::ToJr => {
                Value::Array(vec![value.clone()])
            }
            _ => value.clone(),
        })
    }

    /// A FRESH `publisher` object: its `name` becomes the JSON Resume `publisher`, its
    /// other fields go to `x-fresh-publisher`.
    pub(super) fn publisher_to_jr(
        &mut self,
        out: &mut Object,
        object: &Object,
        source: &str,
        to: &str,
    ) -> Result<(), ConvertError> {
        let mut bag = object.clone();
        if let Some(name) = object.get("name").filter(|v| !v.is_object()) {
            bag.shift_remove("name");
            insert(out, "publisher".to_owned(), name.clone(), source)?;
        }
        for key in bag.keys() {
            self.report.push(
                ChangeKind::Extension,
                &child(source, key),
                Some(&child(&child(to, PUBLISHER_BAG), key)),
                "JSON Resume's publisher is a name only",
            );
        }
        insert(out, PUBLISHER_BAG.to_owned(), Value::Object(bag), source)
    }

    /// `publisher` + `x-fresh-publisher` → a FRESH `publisher` object.
    pub(super) fn publisher_to_fresh(
        &mut self,
        out: &mut Object,
        name: Option<&Value>,
        bag: &Object,
        from: &str,
        to: &str,
    ) -> Result<(), ConvertError> {
        let source = child(from, PUBLISHER_BAG);
        let mut object = Map::new();
        if let Some(name) = name {
            object.insert("name".to_owned(), name.clone());
        }
        for (key, value) in bag {
            self.report.push(
                ChangeKind::Renamed,
                &child(&source, key),
                Some(&child(&child(to, "publisher"), key)),
                "restored from its extension key",
            );
            insert(&mut object, key.clone(), value.clone(), &source)?;
        }
        insert(out, "publisher".to_owned(), Value::Object(object), &source)
    }

    /// FRESH `meta`: vitae's own format marker goes; the rest is mapped.
    pub(super) fn meta_to_jr(&mut self, value: &Value) -> Result<Option<Value>, ConvertError> {
        let Value::Object(meta) = value else {
            return Ok(Some(value.clone()));
        };
        let mut meta = meta.clone();
        if meta.get("format").and_then(Value::as_str) == Some(FRESH_FORMAT) {
            meta.shift_remove("format");
            self.report.push(
                ChangeKind::Removed,
                "/meta/format",
                None,
                "FRESH's format marker, written again when converting to FRESH",
            );
            if meta.is_empty() {
                return Ok(None);
            }
        }
        Ok(Some(Value::Object(
            self.object(&META, &meta, "/meta", "/meta")?,
        )))
    }
}

pub(super) fn fresh_meta_marker() -> Value {
    serde_json::json!({ "format": FRESH_FORMAT })
}
