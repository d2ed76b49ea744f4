//! Migrating documents written for older JSON Resume versions (v0.0.x, v1.0.0) to the
//! current standard (v1.3.1).
//!
//! What changes, and only that, keeping every other value and the key order (a
//! renamed key stays where it was):
//! - renamed fields, from [`crate::model::legacy::LEGACY_FIELDS`] (`website` → `url`, `company` → `name`,
//!   `picture` → `image`, `gpa` → `score`, …);
//! - dates the standard cannot read but vitae can, through [`parse_loose`]:
//!   `2019-3` → `2019-03`, `June 2021` → `2021-06`, `2013-12-01T00:00:00Z` →
//!   `2013-12-01`; an end date that says "present", or an empty date, is removed (the
//!   standard writes an ongoing job by leaving `endDate` out);
//! - empty strings where the standard wants a URL or an e-mail address, removed;
//! - numbers where the standard wants text (`"postalCode": 94115`), written as text;
//! - `null` in a field of the standard, removed (the standard has no `null`).
//!
//! Which fields are dates, URLs or text comes from the official v1.3.1 schema itself.
//! What cannot be fixed is left as it is and reported ([`ChangeKind::Unresolved`]),
//! including whatever the official schema still finds wrong afterwards.

use std::sync::OnceLock;

use serde_json::{Map, Value};

use super::ConvertError;
use super::report::{Change, ChangeKind, Report};
use crate::load::escape_pointer_token;
use crate::model::legacy::legacy_fields_at;
use crate::model::{LooseDate, PartialDate, parse_loose};

/// Rewrites `value` (a JSON Resume document of any version) for the current standard.
///
/// The report lists every change in document order (renamed, converted, removed) and
/// then what is still wrong under the official v1.3.1 schema (unresolved).
///
/// # Errors
/// [`ConvertError::NotAnObject`] when the document is not an object.
///
/// ```
/// use serde_json::json;
/// let old = json!({"basics": {"name": "Ada", "website": "https://ada.dev", "email": ""},
///                  "work": [{"company": "AE", "startDate": "June 2021", "endDate": "Present"}]});
/// let (new, report) = vitae::convert::legacy::migrate(&old)?;
/// assert_eq!(new, json!({"basics": {"name": "Ada", "url": "https://ada.dev"},
///                        "work": [{"name": "AE", "startDate": "2021-06"}]}));
/// assert_eq!(report.changes.len(), 5);
/// # Ok::<(), vitae::convert::ConvertError>(())
/// ```
pub fn migrate(value: &Value) -> Result<(Value, Report), ConvertError> {
    let Value::Object(_) = value else {
        return Err(ConvertError::NotAnObject {
            kind: match value {
                Value::Array(_) => "a list",
                Value::String(_) => "a string",
                Value::Null => "null",
                _ => "a scalar",
            },
        });
    };
    let schema = official_schema();
    let mut report = Report::default();
    let mut out = value.clone();
    walk(
        &mut out,
        &mut String::new(),
        Some(schema),
        schema,
        &mut report,
    );
    // A set, not a scan of the report per error: a document with a million wrong
    // entries must not take a million squared steps.
    let mut unresolved: std::collections::HashSet<String> = report
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::Unresolved)
        .map(|c| c.from.clone())
        .collect();
    for (pointer, message) in remaining_errors(&out) {
        if !unresolved.contains(&pointer) {
            report.push(ChangeKind::Unresolved, &pointer, None, &message);
            unresolved.insert(pointer);
        }
    }
    Ok((out, report))
}

/// Whether a document still uses a field name of an older version.
#[must_use]
pub fn has_legacy_fields(value: &Value) -> bool {
    fn visit(value: &Value, pointer: &mut String) -> bool {
        match value {
            Value::Object(map) => {
                if legacy_fields_at(pointer).any(|f| map.contains_key(f.old)) {
                    return true;
                }
                map.iter().any(|(k, v)| {
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&escape_pointer_token(k));
                    let found = visit(v, pointer);
                    pointer.truncate(len);
                    found
                })
            }
            Value::Array(items) => items.iter().enumerate().any(|(i, v)| {
                let len = pointer.len();
                pointer.push_str(&format!("/{i}"));
                let found = visit(v, pointer);
                pointer.truncate(len);
                found
            }),
            _ => false,
        }
    }
    visit(value, &mut String::new())
}

fn official_schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| crate::schema::official("v1.3.1").unwrap_or(Value::Null))
}

/// What the official schema still finds wrong: (pointer, message), in document order.
fn remaining_errors(value: &Value) -> Vec<(String, String)> {
    let validator = crate::validate::Validator::official();
    validator
        .schema()
        .iter_errors(value)
        .map(|e| {
            let shown = preview(e.instance());
            (
                e.instance_path().to_string(),
                format!("still invalid: {}", e.masked_with(shown)),
            )
        })
        .collect()
}

/// A value as JSON, cut after 40 characters.
fn preview(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}

/// The schema of the value at the end of `pointer`'s last token, from its parent's.
fn child_schema<'a>(parent: &'a Value, token: Token<'_>, root: &'a Value) -> Option<&'a Value> {
    let parent = resolve(parent, root);
    let next = match token {
        Token::Key(key) => parent.get("properties")?.get(key)?,
        Token::Index => parent.get("items")?,
    };
    Some(next)
}

/// Follows a local `$ref` (`#/definitions/iso8601`).
fn resolve<'a>(schema: &'a Value, root: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => reference
            .strip_prefix('#')
            .and_then(|p| root.pointer(p))
            .unwrap_or(schema),
        None => schema,
    }
}

#[derive(Clone, Copy)]
enum Token<'a> {
    Key(&'a str),
    Index,
}

/// What the standard wants in a string field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    Date,
    Url,
    Email,
    Text,
    Other,
}

fn want(schema: Option<&Value>, root: &Value) -> Want {
    let Some(schema) = schema else {
        return Want::Other;
    };
    if schema
        .get("$ref")
        .and_then(Value::as_str)
        .is_some_and(|r| r.ends_with("/iso8601"))
    {
        return Want::Date;
    }
    let schema = resolve(schema, root);
    match schema.get("format").and_then(Value::as_str) {
        Some("uri") => Want::Url,
        Some("email") => Want::Email,
        _ if schema.get("type").and_then(Value::as_str) == Some("string") => Want::Text,
        _ => Want::Other,
    }
}

fn walk(
    value: &mut Value,
    pointer: &mut String,
    schema: Option<&Value>,
    root: &Value,
    report: &mut Report,
) {
    match value {
        Value::Object(map) => {
            rename_legacy(map, pointer, report);
            let keys: Vec<String> = map.keys().cloned().collect();
            let mut remove = Vec::new();
            for key in keys {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&escape_pointer_token(&key));
                let sub = schema.and_then(|s| child_schema(s, Token::Key(&key), root));
                if let Some(v) = map.get_mut(&key) {
                    if v.is_null() && sub.is_some() {
                        report.changes.push(Change {
                            kind: ChangeKind::Removed,
                            from: pointer.clone(),
                            to: None,
                            old: Some(Value::Null),
                            new: None,
                            note: "the standard leaves an absent field out".to_owned(),
                        });
                        remove.push(key.clone());
                    } else if fix_scalar(v, pointer, &key, want(sub, root), report) {
                        remove.push(key.clone());
                    } else {
                        walk(v, pointer, sub, root, report);
                    }
                }
                pointer.truncate(len);
            }
            for key in remove {
                map.shift_remove(&key);
            }
        }
        Value::Array(items) => {
            let sub = schema.and_then(|s| child_schema(s, Token::Index, root));
            for (i, item) in items.iter_mut().enumerate() {
                let len = pointer.len();
                pointer.push_str(&format!("/{i}"));
                walk(item, pointer, sub, root, report);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

/// Renames the legacy fields of the object at `pointer`, in place (same position).
/// When the new name is written too, an identical old one is removed and a different
/// one left for the author to decide.
fn rename_legacy(map: &mut Map<String, Value>, pointer: &str, report: &mut Report) {
    let renames: Vec<_> = legacy_fields_at(pointer)
        .filter(|f| map.contains_key(f.old))
        .collect();
    if renames.is_empty() {
        return;
    }
    // The current name written as well (and not itself renamed away).
    let twin = |new: &str| {
        map.get(new)
            .filter(|_| !renames.iter().any(|f| f.old == new))
    };
    let mut drop = Vec::new();
    let mut rename = Vec::new();
    for field in &renames {
        let from = format!("{pointer}/{}", escape_pointer_token(field.old));
        let to = format!("{pointer}/{}", field.new);
        match twin(field.new) {
            None => {
                report.push(
                    ChangeKind::Renamed,
                    &from,
                    Some(&to),
                    &format!("the name since {}", next_version(field.since)),
                );
                rename.push(*field);
            }
            Some(current) if Some(current) == map.get(field.old) => {
                report.changes.push(Change {
                    kind: ChangeKind::Removed,
                    from,
                    to: None,
                    old: map.get(field.old).cloned(),
                    new: None,
                    note: format!("the same as `{}`", field.new),
                });
                drop.push(field.old);
            }
            Some(_) => report.push(
                ChangeKind::Unresolved,
                &from,
                None,
                &format!(
                    "`{}` is written too, with another value: keep one of them",
                    field.new
                ),
            ),
        }
    }
    let mut out = Map::new();
    for (key, value) in std::mem::take(map) {
        if drop.contains(&key.as_str()) {
            continue;
        }
        match rename.iter().find(|f| f.old == key) {
            Some(field) => out.insert(field.new.to_owned(), value),
            None => out.insert(key, value),
        };
    }
    *map = out;
}

/// The version after the one that used an old name, for messages.
fn next_version(since: &str) -> &'static str {
    match since {
        "v0.0.16" => "v1.0.0",
        _ => "v0.0.16",
    }
}

/// Fixes a scalar value in place; returns true when the field should be removed.
fn fix_scalar(
    value: &mut Value,
    pointer: &str,
    key: &str,
    want: Want,
    report: &mut Report,
) -> bool {
    if want == Want::Other {
        return false;
    }
    if let Value::Number(n) = value {
        let text = Value::String(n.to_string());
        report.changes.push(Change {
            kind: ChangeKind::Converted,
            from: pointer.to_owned(),
            to: Some(pointer.to_owned()),
            old: Some(value.clone()),
            new: Some(text.clone()),
            note: "the standard writes this as text".to_owned(),
        });
        *value = text;
    }
    let Value::String(text) = value else {
        return false;
    };
    match want {
        Want::Url | Want::Email if text.trim().is_empty() => {
            report.changes.push(Change {
                kind: ChangeKind::Removed,
                from: pointer.to_owned(),
                to: None,
                old: Some(value.clone()),
                new: None,
                note: format!(
                    "empty; the standard wants {} here or nothing",
                    if want == Want::Url {
                        "a URL"
                    } else {
                        "an e-mail address"
                    }
                ),
            });
            true
        }
        Want::Date => fix_date(value, pointer, key, report),
        _ => false,
    }
}

fn fix_date(value: &mut Value, pointer: &str, key: &str, report: &mut Report) -> bool {
    let Value::String(text) = value else {
        return false;
    };
    if text.trim().is_empty() {
        report.changes.push(Change {
            kind: ChangeKind::Removed,
            from: pointer.to_owned(),
            to: None,
            old: Some(value.clone()),
            new: None,
            note: if key == "endDate" {
                "empty; an ongoing entry has no end date in the standard".to_owned()
            } else {
                "empty; the standard leaves an unknown date out".to_owned()
            },
        });
        return true;
    }
    if let Ok(date) = text.parse::<PartialDate>() {
        if !date.is_calendar_valid() {
            report.push(
                ChangeKind::Unresolved,
                pointer,
                None,
                &format!("`{text}` is not a date in the calendar"),
            );
        }
        return false;
    }
    let mut change = |kind, new: Option<Value>, note: &str, old: &Value| {
        report.changes.push(Change {
            kind,
            from: pointer.to_owned(),
            to: new.as_ref().map(|_| pointer.to_owned()),
            old: Some(old.clone()),
            new,
            note: note.to_owned(),
        });
    };
    match parse_loose(text) {
        Some(LooseDate::Date(date)) => {
            let new = Value::String(date.to_string());
            change(ChangeKind::Converted, Some(new.clone()), "", value);
            *value = new;
            false
        }
        Some(LooseDate::Ongoing) if key == "endDate" => {
            change(
                ChangeKind::Removed,
                None,
                "still going on: the standard leaves the end date out",
                value,
            );
            true
        }
        Some(LooseDate::Ongoing) => {
            report.push(
                ChangeKind::Unresolved,
                pointer,
                None,
                &format!("`{text}` is not a date: only an end date can be \"present\""),
            );
            false
        }
        None => {
            report.push(
                ChangeKind::Unresolved,
                pointer,
                None,
                &format!(
                    "`{text}` is not a date vitae can read: write YYYY, YYYY-MM or YYYY-MM-DD"
                ),
            );
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn kinds(report: &Report) -> Vec<String> {
        report.changes.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn renames_keep_their_place() {
        let old = json!({"basics": {"name": "A", "website": "https://a", "picture": "p.png", "email": "a@b.c"},
                         "work": [{"company": "C", "position": "P", "website": "https://c"}],
                         "education": [{"institution": "I", "gpa": 3.5}],
                         "languages": [{"name": "French", "level": "Native"}]});
        let (new, report) = migrate(&old).unwrap();
        assert_eq!(
            serde_json::to_string(&new).unwrap(),
            r#"{"basics":{"name":"A","url":"https://a","image":"p.png","email":"a@b.c"},"work":[{"name":"C","position":"P","url":"https://c"}],"education":[{"institution":"I","score":"3.5"}],"languages":[{"language":"French","fluency":"Native"}]}"#
        );
        assert_eq!(
            kinds(&report),
            [
                "renamed /basics/website → /basics/url (the name since v1.0.0)",
                "renamed /basics/picture → /basics/image (the name since v1.0.0)",
                "renamed /work/0/company → /work/0/name (the name since v1.0.0)",
                "renamed /work/0/website → /work/0/url (the name since v1.0.0)",
                "renamed /education/0/gpa → /education/0/score (the name since v1.0.0)",
                "converted /education/0/score: 3.5 → \"3.5\" (the standard writes this as text)",
                "renamed /languages/0/name → /languages/0/language (the name since v0.0.16)",
                "renamed /languages/0/level → /languages/0/fluency (the name since v0.0.16)",
            ]
        );
    }

    #[test]
    fn dates_urls_and_twins() {
        let old = json!({
            "basics": {"url": "https://a", "website": "https://a", "email": " ", "profiles": [{"url": ""}]},
            "work": [
                {"startDate": "2019-3", "endDate": "Present"},
                {"startDate": "June 2021", "endDate": "2022-01-15T00:00:00.000Z", "website": "x", "url": "y"},
                {"startDate": "summer", "endDate": "2017-13"},
                {"startDate": 2019, "endDate": "heute"},
            ],
            "awards": [{"date": "Present", "summary": null, "x-null": null}],
        });
        let (new, report) = migrate(&old).unwrap();
        assert_eq!(
            new,
            json!({
                "basics": {"url": "https://a", "profiles": [{}]},
                "work": [
                    {"startDate": "2019-03"},
                    {"startDate": "2021-06", "endDate": "2022-01-15", "website": "x", "url": "y"},
                    {"startDate": "summer", "endDate": "2017-13"},
                    {"startDate": "2019"},
                ],
                "awards": [{"date": "Present", "x-null": null}],
            })
        );
        let lines = kinds(&report);
        for expected in [
            "removed /basics/website: \"https://a\" (the same as `url`)",
            "removed /basics/email: \" \" (empty; the standard wants an e-mail address here or nothing)",
            "removed /basics/profiles/0/url: \"\" (empty; the standard wants a URL here or nothing)",
            "converted /work/0/startDate: \"2019-3\" → \"2019-03\"",
            "removed /work/0/endDate: \"Present\" (still going on: the standard leaves the end date out)",
            "converted /work/1/startDate: \"June 2021\" → \"2021-06\"",
            "unresolved /work/1/website (`url` is written too, with another value: keep one of them)",
            "unresolved /work/2/startDate (`summer` is not a date vitae can read: write YYYY, YYYY-MM or YYYY-MM-DD)",
            "unresolved /work/2/endDate (`2017-13` is not a date in the calendar)",
            "converted /work/3/startDate: 2019 → \"2019\" (the standard writes this as text)",
            "removed /work/3/endDate: \"heute\" (still going on: the standard leaves the end date out)",
            "unresolved /awards/0/date (`Present` is not a date: only an end date can be \"present\")",
            "removed /awards/0/summary: null (the standard leaves an absent field out)",
        ] {
            assert!(
                lines.contains(&expected.to_owned()),
                "{expected}\n{lines:#?}"
            );
        }
        // What the schema still refuses is reported once per place.
        assert_eq!(
            report
                .changes
                .iter()
                .filter(|c| c.from == "/work/2/startDate")
                .count(),
            1
        );
    }

    #[test]
    fn legacy_names_are_detected() {
        assert!(has_legacy_fields(&json!({"work": [{"company": "x"}]})));
        assert!(!has_legacy_fields(
            &json!({"work": [{"name": "x"}], "company": 1})
        ));
        assert!(migrate(&json!([])).is_err());
    }
}
