//! FRESH ↔ JSON Resume: the field mapping, both ways, losing nothing.
//!
//! FRESH (the format of HackMyResume, `fresh-resume-schema`) and JSON Resume hold much
//! the same resume under other names and shapes: `employment.history[].employer` is
//! `work[].name`, `info.brief` is `basics.summary`, `skills.sets[].skills` is
//! `skills[].keywords`. The mapping is the [`Place`] tables below, one per kind of
//! object; `docs/fresh.md` is the same table for people.
//!
//! What one format has and the other lacks is kept under an extension key named after
//! the format it came from: a FRESH-only field goes to `x-fresh-<name>` in JSON Resume
//! (`keywords` of a job → `x-fresh-keywords`), a JSON Resume-only field goes to
//! `x-jsonresume-<name>` in FRESH (`description` of a job → `x-jsonresume-description`),
//! and converting back restores the original name. FRESH's section-level fields
//! (`employment.summary`, `education.level`, `skills.list`) go to one object per section
//! (`x-fresh-employment`, …), FRESH's contact extras to `basics.x-fresh-contact`.
//! Fields neither format defines pass through under their own name. The key rules are
//! inverse of each other, so JSON Resume → FRESH → JSON Resume gives back the same
//! value, and so does FRESH → JSON Resume → FRESH for a document written to the FRESH
//! schema.
//!
//! Reading FRESH is forgiving: a field with a JSON Resume name in a FRESH document
//! (`fluency` in `languages`, `certificates` at the top, a list where FRESH wants
//! `employment.history`) is read as the JSON Resume field when that causes no clash.
//! Values are never rewritten, except in the two places where the shapes differ:
//! `projects[].roles` (a list) ↔ `role` (one string: a one-element list maps, others are
//! kept as `x-jsonresume-roles`), and `writing[].publisher`, which FRESH may write as an
//! object `{name, url}` (the name goes to `publisher`, the rest to `x-fresh-publisher`).

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::ConvertError;
use super::report::{ChangeKind, Report};
use crate::load::escape_pointer_token;

/// Prefix of the keys that keep JSON Resume fields in a FRESH document.
pub const JSON_RESUME_PREFIX: &str = "x-jsonresume-";
/// Prefix of the keys that keep FRESH fields in a JSON Resume document.
pub const FRESH_PREFIX: &str = "x-fresh-";
/// The `meta.format` vitae writes into FRESH documents; it is dropped again on the way
/// back, so that it does not pile up in JSON Resume documents.
pub const FRESH_FORMAT: &str = "FRESH@1.0.0";

/// Converts a JSON Resume document to FRESH.
///
/// # Errors
/// [`ConvertError::NotAnObject`] when the document is not an object;
/// [`ConvertError::Conflict`] when two fields would get the same name (only possible
/// with hand-written `x-fresh-…` keys).
///
/// ```
/// use serde_json::json;
/// let jr = json!({"basics": {"name": "Ada", "summary": "Engines."}, "work": [{"name": "AE", "description": "Looms"}]});
/// let (fresh, report) = vitae::convert::fresh::to_fresh(&jr)?;
/// assert_eq!(fresh, json!({
///     "name": "Ada", "info": {"brief": "Engines."},
///     "meta": {"format": "FRESH@1.0.0"},
///     "employment": {"history": [{"employer": "AE", "x-jsonresume-description": "Looms"}]},
/// }));
/// let (back, _) = vitae::convert::fresh::to_json_resume(&fresh)?;
/// assert_eq!(back, jr);
/// # Ok::<(), vitae::convert::ConvertError>(())
/// ```
pub fn to_fresh(value: &Value) -> Result<(Value, Report), ConvertError> {
    Mapper::new(Dir::ToFresh).root(value)
}

/// Converts a FRESH document to JSON Resume.
///
/// # Errors
/// As [`to_fresh`].
pub fn to_json_resume(value: &Value) -> Result<(Value, Report), ConvertError> {
    Mapper::new(Dir::ToJr).root(value)
}

// ---------------------------------------------------------------------------------
// The mapping tables.

/// How a pair's value is mapped.
#[derive(Debug, Clone, Copy)]
enum Kind {
    /// Copied as is.
    Plain,
    /// An object mapped by another place (copied as is if not an object).
    Object(&'static Place),
    /// A list of objects mapped by another place (other items copied as is).
    List(&'static Place),
    /// `roles` (a list) ↔ `role` (a string).
    Roles,
    /// `publisher`: a string, or in FRESH an object `{name, url}`.
    Publisher,
}

/// A field both formats have: its JSON Resume and FRESH names.
#[derive(Debug)]
struct Pair {
    jr: &'static str,
    fresh: &'static str,
    kind: Kind,
}

const fn same(name: &'static str) -> Pair {
    Pair {
        jr: name,
        fresh: name,
        kind: Kind::Plain,
    }
}

const fn pair(jr: &'static str, fresh: &'static str) -> Pair {
    Pair {
        jr,
        fresh,
        kind: Kind::Plain,
    }
}

/// The fields of one kind of object in both formats.
#[derive(Debug)]
struct Place {
    pairs: &'static [Pair],
    /// Fields only JSON Resume defines here.
    jr_only: &'static [&'static str],
    /// Fields only FRESH defines here.
    fresh_only: &'static [&'static str],
    /// FRESH fields placed by [`Mapper`] itself, never restored from an extension key.
    structural: &'static [&'static str],
}

static LOCATION: Place = Place {
    pairs: &[
        same("address"),
        pair("postalCode", "code"),
        same("city"),
        pair("countryCode", "country"),
        same("region"),
    ],
    jr_only: &[],
    fresh_only: &[],
    structural: &[],
};

static PROFILE: Place = Place {
    pairs: &[same("network"), pair("username", "user"), same("url")],
    jr_only: &[],
    fresh_only: &["label"],
    structural: &[],
};

/// `basics` ↔ FRESH `info` (the rest of `basics` is placed by [`Mapper::basics_to_fresh`]).
static INFO: Place = Place {
    pairs: &[same("label"), same("image"), pair("summary", "brief")],
    jr_only: &["name", "email", "phone", "url", "location", "profiles"],
    fresh_only: &["class", "characterClass", "quote"],
    structural: &[],
};

/// The part of `basics` that FRESH keeps in `contact`.
static CONTACT: Place = Place {
    pairs: &[same("email"), same("phone"), pair("url", "website")],
    jr_only: &["name", "label", "image", "summary", "location", "profiles"],
    fresh_only: &["other"],
    structural: &[],
};

static WORK: Place = Place {
    pairs: &[
        pair("name", "employer"),
        same("location"),
        same("position"),
        same("url"),
        pair("startDate", "start"),
        pair("endDate", "end"),
        same("summary"),
        same("highlights"),
    ],
    jr_only: &["description"],
    fresh_only: &["keywords", "current"],
    structural: &[],
};

static VOLUNTEER: Place = Place {
    pairs: &[
        same("organization"),
        same("position"),
        same("url"),
        pair("startDate", "start"),
        pair("endDate", "end"),
        same("summary"),
        same("highlights"),
    ],
    jr_only: &[],
    fresh_only: &["flavor", "category", "type", "location", "keywords"],
    structural: &[],
};

static EDUCATION: Place = Place {
    pairs: &[
        same("institution"),
        same("url"),
        same("area"),
        same("studyType"),
        pair("startDate", "start"),
        pair("endDate", "end"),
        pair("score", "grade"),
        pair("courses", "curriculum"),
    ],
    jr_only: &[],
    fresh_only: &["title", "summary", "keywords", "highlights", "location"],
    structural: &[],
};

static AWARD: Place = Place {
    pairs: &[
        same("title"),
        same("date"),
        pair("awarder", "from"),
        same("summary"),
    ],
    jr_only: &[],
    fresh_only: &["flavor", "category", "url", "event"],
    structural: &[],
};

static PUBLICATION: Place = Place {
    pairs: &[
        pair("name", "title"),
        Pair {
            jr: "publisher",
            fresh: "publisher",
            kind: Kind::Publisher,
        },
        pair("releaseDate", "date"),
        same("url"),
        same("summary"),
    ],
    jr_only: &[],
    fresh_only: &["flavor", "category", "author"],
    structural: &[],
};

static SKILL: Place = Place {
    pairs: &[same("name"), same("level"), pair("keywords", "skills")],
    jr_only: &[],
    fresh_only: &[],
    structural: &[],
};

static LANGUAGE: Place = Place {
    pairs: &[same("language"), pair("fluency", "level")],
    jr_only: &[],
    fresh_only: &["years"],
    structural: &[],
};

static INTEREST: Place = Place {
    pairs: &[same("name"), same("keywords")],
    jr_only: &[],
    fresh_only: &["summary"],
    structural: &[],
};

static REFERENCE: Place = Place {
    pairs: &[same("name"), pair("reference", "quote")],
    jr_only: &[],
    fresh_only: &["flavor", "category", "private"],
    structural: &[],
};

static PROJECT: Place = Place {
    pairs: &[
        pair("name", "title"),
        same("description"),
        same("highlights"),
        same("keywords"),
        pair("startDate", "start"),
        pair("endDate", "end"),
        same("url"),
        Pair {
            jr: "roles",
            fresh: "role",
            kind: Kind::Roles,
        },
        pair("type", "category"),
    ],
    jr_only: &["entity"],
    fresh_only: &["summary", "media", "repo", "location"],
    structural: &[],
};

static META: Place = Place {
    pairs: &[
        pair("canonical", "url"),
        same("version"),
        pair("lastModified", "modified"),
    ],
    jr_only: &[],
    fresh_only: &["format"],
    structural: &[],
};

/// The top level. `basics` and the sections FRESH wraps in an object (see [`WRAPPERS`])
/// are placed by [`Mapper`] itself; the table lists them so that the key rules know
/// every name.
static ROOT: Place = Place {
    pairs: &[
        Pair {
            jr: "work",
            fresh: "employment",
            kind: Kind::Plain,
        },
        Pair {
            jr: "volunteer",
            fresh: "service",
            kind: Kind::Plain,
        },
        same("education"),
        same("skills"),
        Pair {
            jr: "awards",
            fresh: "recognition",
            kind: Kind::List(&AWARD),
        },
        Pair {
            jr: "publications",
            fresh: "writing",
            kind: Kind::List(&PUBLICATION),
        },
        Pair {
            jr: "languages",
            fresh: "languages",
            kind: Kind::List(&LANGUAGE),
        },
        Pair {
            jr: "interests",
            fresh: "interests",
            kind: Kind::List(&INTEREST),
        },
        Pair {
            jr: "references",
            fresh: "testimonials",
            kind: Kind::List(&REFERENCE),
        },
        Pair {
            jr: "projects",
            fresh: "projects",
            kind: Kind::List(&PROJECT),
        },
        Pair {
            jr: "meta",
            fresh: "meta",
            kind: Kind::Object(&META),
        },
    ],
    jr_only: &["$schema", "basics", "certificates"],
    fresh_only: &[
        "name",
        "info",
        "contact",
        "location",
        "social",
        "disposition",
        "reading",
        "speaking",
        "governance",
        "samples",
        "references",
        "extracurricular",
        "affiliation",
    ],
    structural: BASICS_PARTS,
};

/// A JSON Resume list that FRESH wraps in an object: `work` ↔ `employment.history`.
struct Wrapper {
    jr: &'static str,
    fresh: &'static str,
    /// The key of the list inside the FRESH object.
    inner: &'static str,
    place: &'static Place,
    /// Where JSON Resume keeps the FRESH object's other fields.
    bag: &'static str,
}

static WRAPPERS: &[Wrapper] = &[
    Wrapper {
        jr: "work",
        fresh: "employment",
        inner: "history",
        place: &WORK,
        bag: "x-fresh-employment",
    },
    Wrapper {
        jr: "volunteer",
        fresh: "service",
        inner: "history",
        place: &VOLUNTEER,
        bag: "x-fresh-service",
    },
    Wrapper {
        jr: "education",
        fresh: "education",
        inner: "history",
        place: &EDUCATION,
        bag: "x-fresh-education",
    },
    Wrapper {
        jr: "skills",
        fresh: "skills",
        inner: "sets",
        place: &SKILL,
        bag: "x-fresh-skills",
    },
];

/// The FRESH top-level fields that make up JSON Resume's `basics`, in FRESH's order.
const BASICS_PARTS: &[&str] = &["name", "info", "contact", "location", "social"];
/// `basics` fields in the standard's order, for the JSON Resume side.
const BASICS_ORDER: &[&str] = &[
    "name", "label", "image", "email", "phone", "url", "summary", "location", "profiles",
];
/// JSON Resume keeps FRESH's `contact` extras (`other`, custom fields) here.
const CONTACT_BAG: &str = "x-fresh-contact";
/// … and a FRESH `info` that is empty or not an object here.
const INFO_BAG: &str = "x-fresh-info";
/// … and a FRESH `publisher` object's fields other than `name` here.
const PUBLISHER_BAG: &str = "x-fresh-publisher";

impl Place {
    fn jr_defined(&self, key: &str) -> bool {
        self.pairs.iter().any(|p| p.jr == key) || self.jr_only.contains(&key)
    }

    fn fresh_defined(&self, key: &str) -> bool {
        self.pairs.iter().any(|p| p.fresh == key) || self.fresh_only.contains(&key)
    }

    fn defines(&self, key: &str) -> bool {
        self.jr_defined(key) || self.fresh_defined(key)
    }

    fn pair_from(&self, dir: Dir, key: &str) -> Option<&'static Pair>
    where
        Self: 'static,
    {
        self.pairs.iter().find(|p| dir.source_name(p) == key)
    }
}

// ---------------------------------------------------------------------------------
// The key rules.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    ToFresh,
    ToJr,
}

impl Dir {
    fn flip(self) -> Dir {
        match self {
            Dir::ToFresh => Dir::ToJr,
            Dir::ToJr => Dir::ToFresh,
        }
    }

    /// The prefix of extension keys written in this direction.
    fn escape_prefix(self) -> &'static str {
        match self {
            Dir::ToFresh => JSON_RESUME_PREFIX,
            Dir::ToJr => FRESH_PREFIX,
        }
    }

    fn source_name(self, pair: &Pair) -> &'static str {
        match self {
            Dir::ToFresh => pair.jr,
            Dir::ToJr => pair.fresh,
        }
    }

    fn target_name(self, pair: &Pair) -> &'static str {
        match self {
            Dir::ToFresh => pair.fresh,
            Dir::ToJr => pair.jr,
        }
    }

    fn target(self) -> &'static str {
        match self {
            Dir::ToFresh => "FRESH",
            Dir::ToJr => "JSON Resume",
        }
    }
}

/// What happens to one key.
#[derive(Debug, Clone, Copy)]
enum Action {
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
fn fits(kind: Kind, dir: Dir, value: &Value) -> bool {
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
fn action(place: &'static Place, dir: Dir, key: &str, value: &Value) -> Action {
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
fn emitted_key(place: &'static Place, dir: Dir, key: &str, value: &Value) -> String {
    match action(place, dir, key, value) {
        Action::Pair(pair) => dir.target_name(pair).to_owned(),
        Action::Restore => key[dir.flip().escape_prefix().len()..].to_owned(),
        Action::Escape => format!("{}{key}", dir.escape_prefix()),
        Action::Keep => key.to_owned(),
    }
}

// ---------------------------------------------------------------------------------
// The mapper.

struct Mapper {
    dir: Dir,
    report: Report,
}

type Object = Map<String, Value>;

fn child(pointer: &str, key: &str) -> String {
    format!("{pointer}/{}", escape_pointer_token(key))
}

/// Inserts without overwriting: two source keys meeting in one target key is an error
/// (never a silent loss). `source` is the pointer of the second one.
fn insert(out: &mut Object, key: String, value: Value, source: &str) -> Result<(), ConvertError> {
    if out.contains_key(&key) {
        return Err(ConvertError::Conflict {
            pointer: source.to_owned(),
            key,
        });
    }
    out.insert(key, value);
    Ok(())
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

/// The action for every key of `src`. Reading FRESH, a JSON Resume name in a FRESH
/// document is read as that JSON Resume field (kept as is), unless its name is taken:
/// by another key's target, or by `reserved` (names the caller fills itself).
fn plan(dir: Dir, place: &'static Place, src: &Object, reserved: &[&str]) -> Vec<Action> {
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

impl Mapper {
    fn new(dir: Dir) -> Self {
        Mapper {
            dir,
            report: Report::default(),
        }
    }

    fn root(mut self, value: &Value) -> Result<(Value, Report), ConvertError> {
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
    fn object(
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
    fn apply(
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
    fn value(
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
    fn publisher_to_jr(
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
    fn publisher_to_fresh(
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

    // ----- JSON Resume → FRESH -----

    fn root_to_fresh(&mut self, src: &Object) -> Result<Object, ConvertError> {
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

    /// `basics` → `name`, `info`, `contact`, `location`, `social`.
    fn basics_to_fresh(&mut self, basics: &Object) -> Result<Object, ConvertError> {
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

    /// `work` (+ `x-fresh-employment`) → `employment: {…, history}`.
    fn wrapper_to_fresh(&mut self, w: &Wrapper, src: &Object) -> Result<Value, ConvertError> {
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

    fn root_to_jr(&mut self, src: &Object) -> Result<Object, ConvertError> {
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

    /// `name`, `info`, `contact`, `location`, `social` → `basics`.
    fn basics_to_jr(&mut self, src: &Object) -> Result<Object, ConvertError> {
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

    /// `employment: {…, history}` → `work` (+ `x-fresh-employment`).
    fn wrapper_to_jr(
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

    /// FRESH `meta`: vitae's own format marker goes; the rest is mapped.
    fn meta_to_jr(&mut self, value: &Value) -> Result<Option<Value>, ConvertError> {
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

/// One row of the mapping: a field's path in JSON Resume and in FRESH, written as in
/// `docs/fresh.md` (`work[].name`, `employment.history[].employer`). Fields only one
/// format has appear with the extension key that keeps them in the other.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Row {
    /// The path in a JSON Resume document.
    pub json_resume: String,
    /// The path in a FRESH document.
    pub fresh: String,
}

/// FRESH's section-level fields, kept in JSON Resume under `x-fresh-<section>`.
const SECTION_FIELDS: &[(&str, &[&str])] = &[
    ("employment", &["summary"]),
    ("service", &["summary"]),
    ("education", &["summary", "level", "degree"]),
    ("skills", &["list"]),
];

/// The whole mapping, row by row: every field of both formats.
///
/// ```
/// let rows = vitae::convert::fresh::mapping();
/// assert!(rows.iter().any(|r| r.json_resume == "work[].name" && r.fresh == "employment.history[].employer"));
/// ```
#[must_use]
pub fn mapping() -> Vec<Row> {
    let mut rows = Vec::new();
    let mut row = |jr: String, fresh: String| {
        rows.push(Row {
            json_resume: jr,
            fresh,
        });
    };
    let join = |prefix: &str, name: &str| {
        if prefix.is_empty() {
            name.to_owned()
        } else {
            format!("{prefix}.{name}")
        }
    };
    row("basics.name".into(), "name".into());
    for pair in INFO.pairs {
        row(join("basics", pair.jr), join("info", pair.fresh));
    }
    for name in INFO.fresh_only {
        row(
            join("basics", &format!("{FRESH_PREFIX}{name}")),
            join("info", name),
        );
    }
    for pair in CONTACT.pairs {
        row(join("basics", pair.jr), join("contact", pair.fresh));
    }
    for name in CONTACT.fresh_only {
        row(
            format!("basics.{CONTACT_BAG}.{name}"),
            join("contact", name),
        );
    }
    let places: &[(&'static Place, &str, &str)] = &[
        (&LOCATION, "basics.location", "location"),
        (&PROFILE, "basics.profiles[]", "social[]"),
        (&WORK, "work[]", "employment.history[]"),
        (&VOLUNTEER, "volunteer[]", "service.history[]"),
        (&EDUCATION, "education[]", "education.history[]"),
        (&AWARD, "awards[]", "recognition[]"),
        (&PUBLICATION, "publications[]", "writing[]"),
        (&SKILL, "skills[]", "skills.sets[]"),
        (&LANGUAGE, "languages[]", "languages[]"),
        (&INTEREST, "interests[]", "interests[]"),
        (&REFERENCE, "references[]", "testimonials[]"),
        (&PROJECT, "projects[]", "projects[]"),
        (&META, "meta", "meta"),
    ];
    for (place, jr, fresh) in places {
        for pair in place.pairs {
            row(join(jr, pair.jr), join(fresh, pair.fresh));
            if let Kind::Roles = pair.kind {
                row(
                    join(jr, pair.jr),
                    join(fresh, &format!("{JSON_RESUME_PREFIX}{}", pair.jr)),
                );
            }
        }
        for name in place.jr_only {
            row(
                join(jr, name),
                join(fresh, &format!("{JSON_RESUME_PREFIX}{name}")),
            );
        }
        for name in place.fresh_only {
            row(
                join(jr, &format!("{FRESH_PREFIX}{name}")),
                join(fresh, name),
            );
        }
    }
    row(
        format!("publications[].{PUBLISHER_BAG}.url"),
        "writing[].publisher.url".into(),
    );
    for w in WRAPPERS {
        row(format!("{}[]", w.jr), format!("{}.{}[]", w.fresh, w.inner));
    }
    for (section, fields) in SECTION_FIELDS {
        for field in *fields {
            row(
                format!("{FRESH_PREFIX}{section}.{field}"),
                format!("{section}.{field}"),
            );
        }
    }
    for pair in ROOT.pairs {
        if WRAPPERS.iter().all(|w| w.jr != pair.jr) && pair.jr != "meta" {
            row(format!("{}[]", pair.jr), format!("{}[]", pair.fresh));
        }
    }
    for name in ROOT.jr_only.iter().filter(|n| **n != "basics") {
        row((*name).to_owned(), format!("{JSON_RESUME_PREFIX}{name}"));
    }
    for name in ROOT.fresh_only.iter().filter(|n| !BASICS_PARTS.contains(n)) {
        row(format!("{FRESH_PREFIX}{name}"), (*name).to_owned());
    }
    rows
}

fn fresh_meta_marker() -> Value {
    serde_json::json!({ "format": FRESH_FORMAT })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn both_ways(jr: &Value) -> Value {
        let (fresh, _) = to_fresh(jr).unwrap();
        let (back, _) = to_json_resume(&fresh).unwrap();
        assert_eq!(&back, jr, "\nFRESH: {fresh:#}");
        fresh
    }

    #[test]
    fn every_section_maps() {
        let jr = json!({
            "$schema": "https://example.com/schema.json",
            "basics": {
                "name": "Ada", "label": "Engineer", "image": "a.png", "email": "a@b.c",
                "phone": "1", "url": "https://a.b", "summary": "S",
                "location": {"address": "1 Way", "postalCode": "01234", "city": "X", "countryCode": "GB", "region": "R"},
                "profiles": [{"network": "GitHub", "username": "ada", "url": "https://github.com/ada"}],
                "x-pronouns": "she/her",
            },
            "work": [{"name": "AE", "location": "London", "description": "Looms", "position": "P", "url": "https://ae", "startDate": "1842", "endDate": "1843", "summary": "s", "highlights": ["h"]}],
            "volunteer": [{"organization": "O", "position": "P", "url": "https://o", "startDate": "2001", "endDate": "2002", "summary": "s", "highlights": ["h"]}],
            "education": [{"institution": "I", "url": "https://i", "area": "A", "studyType": "B", "startDate": "2000", "endDate": "2004", "score": "4", "courses": ["c"]}],
            "awards": [{"title": "T", "date": "2010", "awarder": "W", "summary": "s"}],
            "certificates": [{"name": "C", "date": "2011", "url": "https://c", "issuer": "I"}],
            "publications": [{"name": "N", "publisher": "P", "releaseDate": "2012", "url": "https://p", "summary": "s"}],
            "skills": [{"name": "Rust", "level": "Master", "keywords": ["serde"]}],
            "languages": [{"language": "English", "fluency": "Native"}],
            "interests": [{"name": "Chess", "keywords": ["openings"]}],
            "references": [{"name": "Charles", "reference": "Good."}],
            "projects": [{"name": "Engine", "description": "d", "highlights": ["h"], "keywords": ["k"], "startDate": "1840", "endDate": "1850", "url": "https://e", "roles": ["Lead"], "entity": "E", "type": "application"}],
            "meta": {"canonical": "https://c", "version": "v1.0.0", "lastModified": "2020-01-01T00:00:00", "theme": "even"},
            "x-custom": {"anything": [1, null]},
        });
        let fresh = both_ways(&jr);
        assert_eq!(fresh["name"], "Ada");
        assert_eq!(
            fresh["info"],
            json!({"label": "Engineer", "image": "a.png", "brief": "S", "x-pronouns": "she/her"})
        );
        assert_eq!(
            fresh["contact"],
            json!({"email": "a@b.c", "phone": "1", "website": "https://a.b"})
        );
        assert_eq!(fresh["location"]["code"], "01234");
        assert_eq!(fresh["social"][0]["user"], "ada");
        let job = &fresh["employment"]["history"][0];
        assert_eq!(job["employer"], "AE");
        assert_eq!(job["start"], "1842");
        assert_eq!(job["x-jsonresume-description"], "Looms");
        assert_eq!(fresh["service"]["history"][0]["organization"], "O");
        assert_eq!(fresh["education"]["history"][0]["grade"], "4");
        assert_eq!(fresh["education"]["history"][0]["curriculum"], json!(["c"]));
        assert_eq!(fresh["recognition"][0]["from"], "W");
        assert_eq!(fresh["x-jsonresume-certificates"][0]["issuer"], "I");
        assert_eq!(fresh["writing"][0]["title"], "N");
        assert_eq!(fresh["writing"][0]["date"], "2012");
        assert_eq!(fresh["skills"]["sets"][0]["skills"], json!(["serde"]));
        assert_eq!(fresh["languages"][0]["level"], "Native");
        assert_eq!(fresh["testimonials"][0]["quote"], "Good.");
        assert_eq!(fresh["projects"][0]["title"], "Engine");
        assert_eq!(fresh["projects"][0]["role"], "Lead");
        assert_eq!(fresh["projects"][0]["category"], "application");
        assert_eq!(fresh["projects"][0]["x-jsonresume-entity"], "E");
        assert_eq!(
            fresh["meta"],
            json!({"format": "FRESH@1.0.0", "url": "https://c", "version": "v1.0.0", "modified": "2020-01-01T00:00:00", "theme": "even"})
        );
        assert_eq!(
            fresh["x-jsonresume-$schema"],
            "https://example.com/schema.json"
        );
        assert_eq!(fresh["x-custom"], json!({"anything": [1, null]}));
    }

    #[test]
    fn fresh_only_fields_come_back() {
        let fresh = json!({
            "name": "Jane",
            "meta": {"format": "FRESH@0.6.0", "version": "0.1.0"},
            "info": {"label": "Dev", "quote": "Q", "class": "Programmer"},
            "disposition": {"travel": 25, "remote": true},
            "contact": {"email": "j@d.me", "website": "http://j.me", "other": [{"label": "Home", "flavor": "phone", "value": "1"}], "github": "x"},
            "location": {"city": "MV", "code": "94035", "country": "US"},
            "social": [{"label": "GitHub", "network": "GitHub", "user": "jd", "url": "https://gh"}],
            "employment": {"summary": "7 years", "history": [{"employer": "One", "start": "2013-09", "current": true, "keywords": ["AWS"]}]},
            "education": {"level": "degree", "degree": "BSCS", "history": [{"institution": "Cornell", "grade": "3.5", "title": "BS", "summary": "x"}]},
            "service": {"summary": "s", "history": [{"flavor": "military", "organization": "Army", "position": "NCO"}]},
            "skills": {"sets": [{"name": "Programming", "skills": ["C++"]}], "list": [{"name": "C++", "years": 7}]},
            "samples": [{"title": "Asteroids"}],
            "writing": [{"title": "GORFF", "flavor": "book", "publisher": {"name": "Amazon", "url": "https://amazon.com"}, "author": ["Jane"]}, {"title": "Blog", "publisher": "self"}],
            "reading": [{"title": "Code Complete"}],
            "speaking": [{"title": "Talk", "event": "Conf"}],
            "recognition": [{"flavor": "award", "from": "Google", "title": "HM", "event": "SoC", "date": "2012"}],
            "references": [{"name": "John", "private": true, "contact": [{"value": "1"}]}],
            "testimonials": [{"name": "John", "flavor": "professional", "quote": "Great", "private": true}],
            "languages": [{"language": "Spanish", "level": "Moderate", "years": 10}],
            "extracurricular": [{"title": "Club"}],
            "governance": [{"role": "Member", "organization": "TMN"}],
            "affiliation": {"history": [{"organization": "ACM"}]},
            "interests": [{"name": "yoga", "summary": "s"}],
            "projects": [{"title": "P", "category": "open source", "role": "Creator", "repo": "https://r", "media": [{"category": "image"}]}],
        });
        let (jr, report) = to_json_resume(&fresh).unwrap();
        assert_eq!(jr["basics"]["name"], "Jane");
        assert_eq!(jr["basics"]["url"], "http://j.me");
        assert_eq!(jr["basics"]["x-fresh-quote"], "Q");
        assert_eq!(
            jr["basics"]["x-fresh-contact"],
            json!({"other": [{"label": "Home", "flavor": "phone", "value": "1"}], "github": "x"})
        );
        assert_eq!(jr["basics"]["location"]["postalCode"], "94035");
        assert_eq!(
            jr["basics"]["profiles"][0],
            json!({"network": "GitHub", "username": "jd", "url": "https://gh", "x-fresh-label": "GitHub"})
        );
        assert_eq!(
            jr["work"][0],
            json!({"name": "One", "startDate": "2013-09", "x-fresh-current": true, "x-fresh-keywords": ["AWS"]})
        );
        assert_eq!(jr["x-fresh-employment"], json!({"summary": "7 years"}));
        assert_eq!(jr["education"][0]["score"], "3.5");
        assert_eq!(
            jr["x-fresh-education"],
            json!({"level": "degree", "degree": "BSCS"})
        );
        assert_eq!(jr["volunteer"][0]["x-fresh-flavor"], "military");
        assert_eq!(jr["skills"][0]["keywords"], json!(["C++"]));
        assert_eq!(
            jr["x-fresh-skills"],
            json!({"list": [{"name": "C++", "years": 7}]})
        );
        assert_eq!(jr["publications"][0]["publisher"], "Amazon");
        assert_eq!(
            jr["publications"][0]["x-fresh-publisher"],
            json!({"url": "https://amazon.com"})
        );
        assert_eq!(jr["publications"][1]["publisher"], "self");
        assert_eq!(jr["awards"][0]["awarder"], "Google");
        assert_eq!(jr["x-fresh-references"][0]["name"], "John");
        assert_eq!(
            jr["references"][0],
            json!({"name": "John", "reference": "Great", "x-fresh-flavor": "professional", "x-fresh-private": true})
        );
        assert_eq!(
            jr["languages"][0],
            json!({"language": "Spanish", "fluency": "Moderate", "x-fresh-years": 10})
        );
        assert_eq!(jr["projects"][0]["roles"], json!(["Creator"]));
        assert_eq!(jr["projects"][0]["type"], "open source");
        assert_eq!(
            jr["meta"],
            json!({"x-fresh-format": "FRESH@0.6.0", "version": "0.1.0"})
        );
        for section in [
            "disposition",
            "samples",
            "reading",
            "speaking",
            "extracurricular",
            "governance",
            "affiliation",
        ] {
            assert_eq!(
                jr[format!("x-fresh-{section}")],
                fresh[section],
                "{section}"
            );
        }
        assert!(report.count(ChangeKind::Extension) > 10);
        let (back, _) = to_fresh(&jr).unwrap();
        assert_eq!(back, fresh, "\nJSON Resume: {jr:#}");
    }

    #[test]
    fn json_resume_names_in_fresh_are_read_as_such() {
        let fresh = json!({
            "name": "A", "meta": {"format": "FRESH@1.0.0"},
            "certificates": [{"title": "OCP"}],
            "languages": [{"language": "French", "fluency": "Native"}],
            "projects": [{"name": "P", "startDate": "2015-09", "roles": ["a", "b"]}],
            "employment": [{"employer": "E", "description": "d"}],
            "info": {"summary": "S"},
            "contact": {"url": "https://x"},
        });
        let (jr, _) = to_json_resume(&fresh).unwrap();
        assert_eq!(
            jr,
            json!({
                "basics": {"name": "A", "url": "https://x", "summary": "S"},
                "certificates": [{"title": "OCP"}],
                "languages": [{"language": "French", "fluency": "Native"}],
                "projects": [{"name": "P", "startDate": "2015-09", "roles": ["a", "b"]}],
                "work": [{"name": "E", "description": "d"}],
            })
        );
        // And back to FRESH, in FRESH's names.
        let (again, _) = to_fresh(&jr).unwrap();
        assert_eq!(again["languages"][0]["level"], "Native");
        assert_eq!(again["projects"][0]["title"], "P");
        assert_eq!(
            again["projects"][0]["x-jsonresume-roles"],
            json!(["a", "b"])
        );
        assert_eq!(
            again["employment"]["history"][0]["x-jsonresume-description"],
            "d"
        );
    }

    #[test]
    fn clashing_and_reserved_names_are_escaped_both_ways() {
        both_ways(&json!({
            "basics": {"brief": "b", "x-fresh-quote": "q", "x-jsonresume-a": 1, "x-fresh-zzz": 2, "info": 3},
            "work": [{"employer": "e", "keywords": ["k"], "x-fresh-keywords": ["k2"], "current": 1}],
            "employment": "mine",
            "speaking": [1],
            "projects": [{"roles": [], "role": "r", "x-fresh-role": 5}],
            "publications": [{"publisher": {"name": 1}, "x-fresh-publisher": "s"}],
            "x-fresh-speaking": [2],
        }));
        both_ways(&json!({"basics": {}, "meta": {"format": "mine"}}));
        both_ways(
            &json!({"basics": {"name": "x"}, "work": "not a list", "skills": [1, "two", {"keywords": "k"}]}),
        );
        both_ways(&json!({}));
    }

    #[test]
    fn hand_written_clashes_are_errors_not_losses() {
        let err =
            to_fresh(&json!({"projects": [{"roles": ["a"], "x-fresh-role": 5}]})).unwrap_err();
        assert!(
            matches!(err, ConvertError::Conflict { ref key, .. } if key == "role"),
            "{err}"
        );
        assert!(to_fresh(&json!([])).is_err());
    }
}
