//! The top level: sections renamed or wrapped (`work` ↔ `employment.history`), the
//! sections only one format has, and `meta`.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::FRESH_FORMAT;
use super::mapper::{Mapper, Object, child, fresh_meta_marker, insert};
use super::rules::{Dir, plan};
use super::tables::{BASICS_PARTS, Kind, META, ROOT, WRAPPERS, Wrapper};
use crate::convert::{ChangeKind, ConvertError};

impl Mapper {
    // ----- JSON Resume → FRESH -----

    pub(super) fn root_to_fresh(&mut self, src: &Object) -> Result<Object, ConvertError> {
        let actions = plan(Dir::ToFresh, &ROOT, src, &[]);
        let basics_is_object = matches!(src.get("basics"), Some(Value::Object(_)));
        let mut out = Map::new();
        // FRESH requires `meta.format`: add it, after the name, if there is no `meta`.
        let mut add_meta = !src.contains_key("meta");
        if add_meta && !basics_is_object {
            out.insert("meta".to_owned(), fresh_meta_marker());
            add_meta = false;
        }
        let mut wrapped: HashSet<&str> = HashSet::new();
        for ((key, value), action) in src.iter().zip(actions) {
            let source = child("", key);
            if let Some(w) = WRAPPERS.iter().find(|w| is_wrapper_key(w, key, value, src)) {
                if wrapped.insert(w.jr) {
                    let section = self.wrapper_to_fresh(w, src)?;
                    insert(&mut out, w.fresh.to_owned(), section, &source)?;
                }
                continue;
            }
            match (key.as_str(), value) {
                ("basics", Value::Object(basics)) => {
                    for (k, v) in self.basics_to_fresh(basics)? {
                        insert(&mut out, k, v, &source)?;
                    }
                    if add_meta {
                        out.insert("meta".to_owned(), fresh_meta_marker());
                    }
                }
                ("meta", Value::Object(meta)) => {
                    let mapped = self.object(&META, meta, "/meta", "/meta")?;
                    let mut with_format = Map::new();
                    // An empty `meta` stays empty, so that it comes back.
                    if !mapped.is_empty() && !mapped.contains_key("format") {
                        with_format.insert("format".to_owned(), Value::from(FRESH_FORMAT));
                    }
                    with_format.extend(mapped);
                    insert(
                        &mut out,
                        "meta".to_owned(),
                        Value::Object(with_format),
                        &source,
                    )?;
                }
                _ => self.apply(&ROOT, src, key, value, action, "", "", &mut out)?,
            }
        }
        Ok(out)
    }

    /// `work` (+ `x-fresh-employment`) → `employment: {…, history}`.
    pub(super) fn wrapper_to_fresh(
        &mut self,
        w: &Wrapper,
        src: &Object,
    ) -> Result<Value, ConvertError> {
        let list = src.get(w.jr);
        let bag_source = child("", w.bag);
        let bag = src.get(w.bag).filter(|v| is_wrapper_key(w, w.bag, v, src));
        let mut section = match bag {
            Some(Value::Object(bag)) => {
                for k in bag.keys() {
                    self.report.push(
                        ChangeKind::Renamed,
                        &child(&bag_source, k),
                        Some(&child(&child("", w.fresh), k)),
                        "restored from its extension key",
                    );
                }
                bag.clone()
            }
            Some(other) => {
                if list.is_some() {
                    return Err(ConvertError::Conflict {
                        pointer: bag_source,
                        key: w.fresh.to_owned(),
                    });
                }
                self.report.push(
                    ChangeKind::Renamed,
                    &bag_source,
                    Some(&child("", w.fresh)),
                    "restored from its extension key",
                );
                return Ok(other.clone());
            }
            None => Map::new(),
        };
        if let Some(list) = list {
            let from = child("", w.jr);
            let to = format!("/{}/{}", w.fresh, w.inner);
            self.report.push(ChangeKind::Renamed, &from, Some(&to), "");
            let mapped = self.value(Kind::List(w.place), list, &from, &to)?;
            insert(&mut section, w.inner.to_owned(), mapped, &from)?;
        }
        Ok(Value::Object(section))
    }

    // ----- FRESH → JSON Resume -----

    pub(super) fn root_to_jr(&mut self, src: &Object) -> Result<Object, ConvertError> {
        // Names the structural parts fill: a JSON Resume name written in the FRESH
        // document (`work` next to `employment`) is escaped instead.
        let mut reserved: Vec<&str> = Vec::new();
        if BASICS_PARTS.iter().any(|p| src.contains_key(*p)) {
            reserved.push("basics");
        }
        for w in WRAPPERS {
            if src.contains_key(w.fresh) {
                reserved.extend([w.jr, w.bag]);
            }
        }
        let actions = plan(Dir::ToJr, &ROOT, src, &reserved);
        let mut out = Map::new();
        let mut basics_done = false;
        for ((key, value), action) in src.iter().zip(actions) {
            let k = key.as_str();
            let source = child("", k);
            if BASICS_PARTS.contains(&k) {
                if !basics_done {
                    basics_done = true;
                    let basics = self.basics_to_jr(src)?;
                    insert(
                        &mut out,
                        "basics".to_owned(),
                        Value::Object(basics),
                        &source,
                    )?;
                }
            } else if let Some(w) = WRAPPERS.iter().find(|w| k == w.fresh) {
                for (name, v) in self.wrapper_to_jr(w, value)? {
                    insert(&mut out, name, v, &source)?;
                }
            } else if k == "meta" {
                if let Some(meta) = self.meta_to_jr(value)? {
                    insert(&mut out, "meta".to_owned(), meta, &source)?;
                }
            } else {
                self.apply(&ROOT, src, key, value, action, "", "", &mut out)?;
            }
        }
        Ok(out)
    }

    /// `employment: {…, history}` → `work` (+ `x-fresh-employment`).
    pub(super) fn wrapper_to_jr(
        &mut self,
        w: &Wrapper,
        value: &Value,
    ) -> Result<Vec<(String, Value)>, ConvertError> {
        let source = child("", w.fresh);
        let mut out = Vec::new();
        match value {
            Value::Array(_) => {
                let to = child("", w.jr);
                self.report.push(
                    ChangeKind::Renamed,
                    &source,
                    Some(&to),
                    &format!("a list where FRESH has `{}.{}`", w.fresh, w.inner),
                );
                out.push((
                    w.jr.to_owned(),
                    self.value(Kind::List(w.place), value, &source, &to)?,
                ));
            }
            Value::Object(section) => {
                let mut bag = section.clone();
                if let Some(list) = bag.shift_remove(w.inner) {
                    let from = child(&source, w.inner);
                    let to = child("", w.jr);
                    self.report.push(ChangeKind::Renamed, &from, Some(&to), "");
                    out.push((
                        w.jr.to_owned(),
                        self.value(Kind::List(w.place), &list, &from, &to)?,
                    ));
                }
                for k in bag.keys() {
                    self.report.push(
                        ChangeKind::Extension,
                        &child(&source, k),
                        Some(&child(&child("", w.bag), k)),
                        "JSON Resume has no field for this here",
                    );
                }
                if !bag.is_empty() || !section.contains_key(w.inner) {
                    out.push((w.bag.to_owned(), Value::Object(bag)));
                }
            }
            other => {
                self.report.push(
                    ChangeKind::Extension,
                    &source,
                    Some(&child("", w.bag)),
                    &format!("FRESH's `{}` should be an object", w.fresh),
                );
                out.push((w.bag.to_owned(), other.clone()));
            }
        }
        Ok(out)
    }
}

/// Whether a JSON Resume top-level key belongs to wrapper `w`: its list, or its bag
/// unless FRESH would read that bag as the list itself (a list, or an object with the
/// list's key); such a bag is kept under an extension key instead.
fn is_wrapper_key(w: &Wrapper, key: &str, value: &Value, src: &Object) -> bool {
    key == w.jr
        || key == w.bag
            && match value {
                Value::Array(_) => false,
                // Empty, it stands for a FRESH section without its list.
                Value::Object(bag) if bag.is_empty() => !src.contains_key(w.jr),
                Value::Object(bag) => !bag.contains_key(w.inner),
                // Not an object, it stands for the whole FRESH section.
                _ => !src.contains_key(w.jr),
            }
}
