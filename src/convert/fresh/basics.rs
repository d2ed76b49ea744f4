//! `basics` ↔ FRESH's `name`, `info`, `contact`, `location` and `social`.

use serde_json::{Map, Value};

use super::mapper::{Mapper, Object, child, insert};
use super::rules::{Action, Dir, plan};
use super::tables::{BASICS_ORDER, CONTACT, CONTACT_BAG, INFO, INFO_BAG, Kind, LOCATION, PROFILE};
use crate::convert::{ChangeKind, ConvertError};

impl Mapper {
    /// `basics` → `name`, `info`, `contact`, `location`, `social`.
    pub(super) fn basics_to_fresh(&mut self, basics: &Object) -> Result<Object, ConvertError> {
        let mut name = None;
        let mut info = Map::new();
        let mut info_raw: Option<Value> = None;
        let mut contact = Map::new();
        let mut contact_raw: Option<Value> = None;
        let mut location = None;
        let mut social = None;
        let mut rest = Map::new();
        let (mut contact_bag_used, mut info_bag_used) = (false, false);
        for (key, value) in basics {
            let source = child("/basics", key);
            match key.as_str() {
                "name" => {
                    self.report
                        .push(ChangeKind::Renamed, &source, Some("/name"), "");
                    name = Some(value.clone());
                }
                "email" | "phone" | "url" => {
                    let target = if key == "url" {
                        "website"
                    } else {
                        key.as_str()
                    };
                    self.report.push(
                        ChangeKind::Renamed,
                        &source,
                        Some(&child("/contact", target)),
                        "",
                    );
                    insert(&mut contact, target.to_owned(), value.clone(), &source)?;
                }
                "location" => {
                    self.report
                        .push(ChangeKind::Renamed, &source, Some("/location"), "");
                    location =
                        Some(self.value(Kind::Object(&LOCATION), value, &source, "/location")?);
                }
                "profiles" => {
                    self.report
                        .push(ChangeKind::Renamed, &source, Some("/social"), "");
                    social = Some(self.value(Kind::List(&PROFILE), value, &source, "/social")?);
                }
                CONTACT_BAG if contact_bag_ok(basics, value) => {
                    contact_bag_used = true;
                    match value {
                        Value::Object(bag) => {
                            for (k, v) in bag {
                                self.report.push(
                                    ChangeKind::Renamed,
                                    &child(&source, k),
                                    Some(&child("/contact", k)),
                                    "restored from its extension key",
                                );
                                insert(&mut contact, k.clone(), v.clone(), &child(&source, k))?;
                            }
                        }
                        other => contact_raw = Some(other.clone()),
                    }
                }
                INFO_BAG if info_bag_ok(basics, value) => {
                    info_bag_used = true;
                    if !value.is_object() {
                        info_raw = Some(value.clone());
                    }
                }
                _ => {
                    rest.insert(key.clone(), value.clone());
                }
            }
        }
        for (k, v) in self.object(&INFO, &rest, "/basics", "/info")? {
            insert(&mut info, k, v, "/basics")?;
        }
        let mut out = Map::new();
        if let Some(name) = name {
            out.insert("name".to_owned(), name);
        }
        match info_raw {
            Some(_) if !info.is_empty() => {
                return Err(ConvertError::Conflict {
                    pointer: child("/basics", INFO_BAG),
                    key: "info".to_owned(),
                });
            }
            Some(raw) => {
                out.insert("info".to_owned(), raw);
            }
            // An empty `basics` comes back from an empty `info`.
            None if !info.is_empty() || basics.is_empty() || info_bag_used => {
                out.insert("info".to_owned(), Value::Object(info));
            }
            None => {}
        }
        match contact_raw {
            Some(_) if !contact.is_empty() => {
                return Err(ConvertError::Conflict {
                    pointer: child("/basics", CONTACT_BAG),
                    key: "contact".to_owned(),
                });
            }
            Some(raw) => {
                out.insert("contact".to_owned(), raw);
            }
            None if !contact.is_empty() || contact_bag_used => {
                out.insert("contact".to_owned(), Value::Object(contact));
            }
            None => {}
        }
        if let Some(location) = location {
            out.insert("location".to_owned(), location);
        }
        if let Some(social) = social {
            out.insert("social".to_owned(), social);
        }
        Ok(out)
    }

    /// `name`, `info`, `contact`, `location`, `social` → `basics`.
    pub(super) fn basics_to_jr(&mut self, src: &Object) -> Result<Object, ConvertError> {
        let mut slots: Object = Map::new();
        let mut extras: Object = Map::new();
        if let Some(name) = src.get("name") {
            self.report
                .push(ChangeKind::Renamed, "/name", Some("/basics/name"), "");
            slots.insert("name".to_owned(), name.clone());
        }
        if let Some(location) = src.get("location") {
            self.report.push(
                ChangeKind::Renamed,
                "/location",
                Some("/basics/location"),
                "",
            );
            let v = self.value(
                Kind::Object(&LOCATION),
                location,
                "/location",
                "/basics/location",
            )?;
            slots.insert("location".to_owned(), v);
        }
        if let Some(social) = src.get("social") {
            self.report
                .push(ChangeKind::Renamed, "/social", Some("/basics/profiles"), "");
            let v = self.value(Kind::List(&PROFILE), social, "/social", "/basics/profiles")?;
            slots.insert("profiles".to_owned(), v);
        }
        let info = src.get("info");
        let contact = src.get("contact");
        // `contact`: its three fields; JSON Resume names written in it (`url`) when
        // free; everything else kept whole in `x-fresh-contact`.
        let mut bag: Option<Value> = contact.filter(|c| !c.is_object()).cloned();
        let mut contact_as_jr: Vec<(String, Value)> = Vec::new();
        if let Some(Value::Object(contact)) = contact {
            let actions = plan(Dir::ToJr, &CONTACT, contact, &[]);
            let mut kept = Map::new();
            for ((k, v), action) in contact.iter().zip(actions) {
                let source = child("/contact", k);
                match action {
                    Action::Pair(pair) => {
                        if pair.jr != k {
                            let target = child("/basics", pair.jr);
                            self.report
                                .push(ChangeKind::Renamed, &source, Some(&target), "");
                        }
                        insert(&mut slots, pair.jr.to_owned(), v.clone(), &source)?;
                    }
                    // Only where JSON Resume would put it back into `contact`'s place:
                    // with `info` not an object, info-bound names stay in the bag.
                    Action::Keep
                        if CONTACT.jr_defined(k)
                            && (info.is_none_or(Value::is_object) || !info_field(k)) =>
                    {
                        contact_as_jr.push((k.clone(), v.clone()));
                    }
                    _ => {
                        kept.insert(k.clone(), v.clone());
                    }
                }
            }
            if !kept.is_empty() {
                bag = Some(Value::Object(kept));
            }
        }
        let mut info_order: Vec<String> = Vec::new();
        match info {
            Some(Value::Object(info)) => {
                let mut reserved: Vec<&str> = slots.keys().map(String::as_str).collect();
                reserved.extend(contact_as_jr.iter().map(|(k, _)| k.as_str()));
                if bag.as_ref().is_some_and(|b| !b.is_object()) {
                    // `contact` is not an object: nothing can go back into it.
                    reserved.extend(["email", "phone", "url"]);
                }
                let actions = plan(Dir::ToJr, &INFO, info, &reserved);
                let mut mapped = Map::new();
                for ((k, v), action) in info.iter().zip(actions) {
                    self.apply(&INFO, info, k, v, action, "/info", "/basics", &mut mapped)?;
                }
                info_order = mapped.keys().cloned().collect();
                for (k, v) in mapped {
                    if BASICS_ORDER.contains(&k.as_str()) {
                        insert(&mut slots, k, v, "/info")?;
                    } else {
                        insert(&mut extras, k, v, "/info")?;
                    }
                }
            }
            Some(other) => {
                self.report.push(
                    ChangeKind::Extension,
                    "/info",
                    Some(&child("/basics", INFO_BAG)),
                    "FRESH's `info` should be an object",
                );
                extras.insert(INFO_BAG.to_owned(), other.clone());
            }
            None => {}
        }
        for (k, v) in contact_as_jr {
            if slots.contains_key(&k) {
                let kept = bag.get_or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(kept) = kept {
                    kept.insert(k, v);
                }
            } else {
                slots.insert(k, v);
            }
        }
        // The standard's order, with `info`'s other fields where they stood among
        // `label`, `image` and `summary` (before the next of them, or after the last).
        let mut before: Vec<(String, Vec<String>)> = Vec::new();
        let mut pending: Vec<String> = Vec::new();
        for k in info_order {
            if BASICS_ORDER.contains(&k.as_str()) {
                before.push((k, std::mem::take(&mut pending)));
            } else {
                pending.push(k);
            }
        }
        let last_info_slot = before.last().map(|(k, _)| k.clone());
        let mut basics = Map::new();
        for name in BASICS_ORDER {
            if let Some((_, ahead)) = before.iter().find(|(k, _)| k == name) {
                for k in ahead {
                    if let Some(v) = extras.shift_remove(k) {
                        basics.insert(k.clone(), v);
                    }
                }
            }
            if let Some(v) = slots.shift_remove(*name) {
                basics.insert((*name).to_owned(), v);
            }
            if last_info_slot.as_deref() == Some(*name) {
                for k in &pending {
                    if let Some(v) = extras.shift_remove(k) {
                        basics.insert(k.clone(), v);
                    }
                }
            }
        }
        for (k, v) in extras {
            insert(&mut basics, k, v, "/info")?;
        }
        // An empty `contact` or `info` comes back only if something says so.
        if matches!(contact, Some(Value::Object(_)))
            && bag.is_none()
            && !has_contact_fields(&basics)
            && !basics
                .get(CONTACT_BAG)
                .is_some_and(|b| contact_bag_ok(&basics, b))
        {
            bag = Some(Value::Object(Map::new()));
        }
        if let Some(bag) = bag {
            if let Value::Object(map) = &bag {
                for k in map.keys() {
                    self.report.push(
                        ChangeKind::Extension,
                        &child("/contact", k),
                        Some(&child(&child("/basics", CONTACT_BAG), k)),
                        "JSON Resume has no field for this here",
                    );
                }
            } else {
                self.report.push(
                    ChangeKind::Extension,
                    "/contact",
                    Some(&child("/basics", CONTACT_BAG)),
                    "FRESH's `contact` should be an object",
                );
            }
            insert(&mut basics, CONTACT_BAG.to_owned(), bag, "/contact")?;
        }
        if matches!(info, Some(Value::Object(_)))
            && !basics.is_empty()
            && !basics.keys().any(|k| goes_to_info(&basics, k))
        {
            insert(
                &mut basics,
                INFO_BAG.to_owned(),
                Value::Object(Map::new()),
                "/info",
            )?;
        }
        Ok(basics)
    }
}

/// Whether `x-fresh-contact` in `basics` is what reading FRESH would make of a FRESH
/// `contact`: an object of fields reading puts back there, or, when not an object,
/// with no contact field next to it. Otherwise it is an ordinary extension key.
fn contact_bag_ok(basics: &Object, bag: &Value) -> bool {
    match bag {
        // Empty, it stands for an empty `contact` only.
        Value::Object(bag) if bag.is_empty() => !has_contact_fields(basics),
        Value::Object(bag) => bag.keys().all(|k| {
            CONTACT.pair_from(Dir::ToJr, k).is_none()
                && (!CONTACT.jr_defined(k) || basics.contains_key(k))
        }),
        _ => !has_contact_fields(basics),
    }
}

fn has_contact_fields(basics: &Object) -> bool {
    basics
        .keys()
        .any(|k| matches!(k.as_str(), "email" | "phone" | "url"))
}

/// Likewise for `x-fresh-info`: empty (an empty `info` next to other parts), or not an
/// object; either way with nothing else bound for `info`.
fn info_bag_ok(basics: &Object, bag: &Value) -> bool {
    let alone = !basics
        .keys()
        .any(|k| k != INFO_BAG && goes_to_info(basics, k));
    match bag {
        Value::Object(bag) => bag.is_empty() && basics.len() > 1 && alone,
        _ => alone,
    }
}

/// Whether `key` is a `basics` field FRESH keeps in `info` (`label`, `summary`, custom
/// fields), as opposed to `name`, `contact`, `location` and `social`.
fn info_field(key: &str) -> bool {
    !matches!(
        key,
        "name" | "email" | "phone" | "url" | "location" | "profiles" | CONTACT_BAG | INFO_BAG
    )
}

/// Whether converting `basics` to FRESH puts its field `key` into `info`: the info
/// fields, and the bags when they are ordinary extension keys.
fn goes_to_info(basics: &Object, key: &str) -> bool {
    match (key, basics.get(key)) {
        (CONTACT_BAG, Some(bag)) => !contact_bag_ok(basics, bag),
        (INFO_BAG, Some(bag)) => !info_bag_ok(basics, bag),
        _ => info_field(key),
    }
}
