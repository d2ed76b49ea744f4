//! Structure rules: misspelt sections, field names of older versions, repeated entries
//! and keys, and a `$schema` that points somewhere unknown.

use serde_json::{Map, Value};

use super::{Lint, Path, STANDARD_SECTIONS, Token};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::load::{Document, escape_pointer_token};
use crate::model::legacy::LEGACY_FIELDS;
use crate::validate::advice::{edit_distance, field_name, quote};

/// Section names people write for a standard one.
const SECTION_ALIASES: &[(&str, &str)] = &[
    ("works", "work"),
    ("job", "work"),
    ("jobs", "work"),
    ("experience", "work"),
    ("experiences", "work"),
    ("employment", "work"),
    ("workexperience", "work"),
    ("work_experience", "work"),
    ("educations", "education"),
    ("schools", "education"),
    ("studies", "education"),
    ("project", "projects"),
    ("certifications", "certificates"),
    ("certification", "certificates"),
    ("certificate", "certificates"),
    ("skill", "skills"),
    ("language", "languages"),
    ("award", "awards"),
    ("honors", "awards"),
    ("publication", "publications"),
    ("interest", "interests"),
    ("hobbies", "interests"),
    ("reference", "references"),
    ("volunteering", "volunteer"),
    ("volunteers", "volunteer"),
    ("basic", "basics"),
    ("contact", "basics"),
    ("personal", "basics"),
];

/// The standard section `key` probably means, if it is not one.
fn standard_section_for(key: &str) -> Option<&'static str> {
    if key == "$schema" || STANDARD_SECTIONS.contains(&key) {
        return None;
    }
    let lower = key.to_lowercase();
    if let Some(s) = STANDARD_SECTIONS.iter().find(|s| **s == lower) {
        return Some(s);
    }
    if let Some((_, s)) = SECTION_ALIASES.iter().find(|(a, _)| *a == lower) {
        return Some(s);
    }
    if lower.starts_with("x-") || lower.len() < 4 {
        return None;
    }
    // The edit distance is at least the difference in length.
    let chars = lower.chars().count();
    STANDARD_SECTIONS
        .iter()
        .filter(|s| chars.abs_diff(s.len()) <= 2)
        .map(|s| (edit_distance(&lower, s), *s))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, s)| s)
}

/// Schemas a JSON Resume document may name in `$schema`.
fn is_known_schema(url: &str) -> bool {
    let url = url.trim_end_matches('#');
    url.starts_with("https://raw.githubusercontent.com/jsonresume/") && url.ends_with("schema.json")
        || url.starts_with("https://jsonresume.org/schema")
        || url.starts_with("http://jsonresume.org/schema")
        || url == crate::schema::SCHEMA_ID
}

/// The `$schema` every current tool understands.
const SCHEMA_URL: &str =
    "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json";

/// Top-level checks: section names and `$schema`.
pub(super) fn root(cx: &mut Lint<'_>, root: &Map<String, Value>) {
    for key in root.keys() {
        if let Some(section) = standard_section_for(key) {
            let pointer = format!("/{}", escape_pointer_token(key));
            let help = if root.contains_key(section) {
                format!("move its entries into `{section}`; themes and tools ignore `{key}`")
            } else {
                format!("rename it to `{section}`; themes and tools ignore `{key}`")
            };
            cx.report(
                "lint/unknown-section",
                Severity::Warning,
                format!("`{key}` is not a section of JSON Resume: did you mean `{section}`?"),
                Some(help),
                &pointer,
                Target::Key,
            );
        }
    }
    if let Some(Value::String(url)) = root.get("$schema")
        && !cx.schema_reported.contains("/$schema")
        && !is_known_schema(url)
    {
        let message = if url.contains("json-schema.org") {
            format!(
                "`$schema` names the JSON Schema meta-schema ({}), not the JSON Resume schema",
                quote(url)
            )
        } else {
            format!(
                "`$schema` points to {}, which is not a JSON Resume schema",
                quote(url)
            )
        };
        cx.report(
            "lint/unknown-schema",
            Severity::Warning,
            message,
            Some(format!("write \"{SCHEMA_URL}\", or leave `$schema` out")),
            "/$schema",
            Target::Value,
        );
    }
}

/// Fields of the object at `at` that have been renamed since an older version.
pub(super) fn legacy_fields(cx: &mut Lint<'_>, at: &Path<'_>, map: &Map<String, Value>) {
    // Keys first: an object has a few, most match no old name, and a map lookup hashes.
    let found = map.keys().flat_map(|key| {
        LEGACY_FIELDS
            .iter()
            .filter(move |f| f.old == key && parent_matches(f.parent, at))
    });
    for field in found {
        let help = if map.contains_key(field.new) {
            format!(
                "`{}` is already there: remove `{}` (`vitae migrate` updates the whole file)",
                field.new, field.old
            )
        } else {
            format!(
                "rename it to `{}`, or run `vitae migrate` to update the whole file",
                field.new
            )
        };
        cx.report(
            "lint/legacy-field",
            Severity::Warning,
            format!(
                "`{}` is the {} name of `{}`; current tools ignore it",
                field.old, field.since, field.new
            ),
            Some(help),
            &at.key(field.old),
            Target::Key,
        );
    }
}

/// Whether `at` is a place `parent` (a [`LEGACY_FIELDS`] parent: `/basics`, `/work/*`)
/// names; `*` stands for an entry number.
fn parent_matches(parent: &str, at: &Path<'_>) -> bool {
    let mut rest = parent;
    for token in at.tokens() {
        let Some(r) = rest.strip_prefix('/') else {
            return false;
        };
        // A byte loop: these strings are a few bytes long.
        let (pattern, tail) = r.split_at(r.bytes().position(|b| b == b'/').unwrap_or(r.len()));
        let matches = match token {
            Token::Index(_) => pattern == "*",
            Token::Key(k) if is_number(k) => pattern == "*",
            Token::Key(k) => pattern == *k,
        };
        if !matches {
            return false;
        }
        rest = tail;
    }
    rest.is_empty()
}

fn is_number(token: &str) -> bool {
    !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit())
}

/// Entries of one list written twice (the later one is reported).
pub(super) fn duplicate_entries(cx: &mut Lint<'_>, at: &Path<'_>, items: &[Value]) {
    // Long lists are not resume sections; keep the rule linear-ish there.
    const MAX: usize = 2_000;
    for (i, item) in items.iter().enumerate().take(MAX) {
        if is_blank(item) {
            continue;
        }
        if let Some(first) = items[..i]
            .iter()
            .position(|other| maybe_equal(other, item) && other == item)
        {
            let line = cx.line_of(&at.index(first));
            let list = field_name(&at.pointer());
            cx.report(
                "lint/duplicate-entry",
                Severity::Warning,
                format!(
                    "this entry of `{list}` repeats entry {} (line {line})",
                    first + 1
                ),
                Some("remove one of them".to_owned()),
                &at.index(i),
                Target::Value,
            );
        }
    }
}

/// A cheap test that rules out most unequal pairs before the deep comparison.
fn maybe_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => x.len() == y.len(),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && match (x.values().next(), y.values().next()) {
                    (Some(Value::String(p)), Some(Value::String(q))) => p == q,
                    _ => true,
                }
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len(),
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::String(s) => s.trim().is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// Keys written twice in one object (the loader keeps the last value). An error: the
/// other value is lost by every JSON tool that reads the file, silently.
pub(super) fn duplicate_keys(cx: &mut Lint<'_>, doc: &Document) {
    for (pointer, span) in &doc.duplicate_keys {
        let key = field_name(pointer);
        let message =
            format!("`{key}` is written twice in this object; only this last value is kept");
        let d = Diagnostic::new("lint/duplicate-key", Severity::Error, message)
            .with_help("remove one of them, or merge them")
            .at_span(doc, pointer, *span);
        cx.out.push(d);
    }
}
