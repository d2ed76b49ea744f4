//! Converting resumes between syntaxes and dialects, and migrating old ones.
//!
//! A resume is written in a *syntax* ([`Format`]: JSON, YAML, TOML) and follows a
//! *dialect* ([`Dialect`]: JSON Resume or FRESH). [`convert`] changes either or both
//! and says in a [`Report`] what it renamed, moved to extension keys, or could not
//! represent; [`legacy::migrate`] rewrites an old JSON Resume document for the current
//! standard. Nothing is dropped: what the target cannot hold is kept under an extension
//! key, or the conversion fails naming the value (TOML has no `null`).
//!
//! ```
//! use vitae::convert::{self, Dialect, Target};
//! use vitae::load::{self, Format};
//! let doc = load::parse("basics:\n  name: Ada\n  startDate: 2020-01\n", Format::Yaml)?;
//! let out = convert::convert(&doc, None, Target::new(Dialect::JsonResume, Format::Toml))?;
//! assert_eq!(out.text, "[basics]\nname = \"Ada\"\nstartDate = \"2020-01\"\n");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod fresh;
pub mod legacy;
mod report;
pub mod text;
pub mod toml;
pub mod yaml;

use std::fmt;

use serde_json::Value;

use crate::load::Document;
pub use crate::load::Format;
pub use report::{Change, ChangeKind, Group, Report};

/// The standard a document follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// [JSON Resume](https://jsonresume.org) (any version; see [`legacy`] for old ones).
    JsonResume,
    /// [FRESH](https://github.com/fresh-standard/fresh-resume-schema), HackMyResume's format.
    Fresh,
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Dialect::JsonResume => "JSON Resume",
            Dialect::Fresh => "FRESH",
        })
    }
}

/// Top-level fields only FRESH documents have.
const FRESH_ONLY_SECTIONS: &[&str] = &[
    "info",
    "contact",
    "employment",
    "service",
    "social",
    "recognition",
    "writing",
    "testimonials",
    "speaking",
    "governance",
    "samples",
    "reading",
    "disposition",
    "extracurricular",
    "affiliation",
];

/// Tells a FRESH document from a JSON Resume one by its content: `meta.format` starting
/// with `FRESH`, or, without `basics`, a section only FRESH has (`employment`,
/// `contact`, `info`, …) or FRESH's object forms of `education` and `skills`.
///
/// ```
/// use vitae::convert::{detect, Dialect};
/// assert_eq!(detect(&serde_json::json!({"meta": {"format": "FRESH@0.6.0"}})), Dialect::Fresh);
/// assert_eq!(detect(&serde_json::json!({"name": "A", "employment": {}})), Dialect::Fresh);
/// assert_eq!(detect(&serde_json::json!({"basics": {"name": "A"}})), Dialect::JsonResume);
/// ```
#[must_use]
pub fn detect(value: &Value) -> Dialect {
    let Value::Object(root) = value else {
        return Dialect::JsonResume;
    };
    let format = root
        .get("meta")
        .and_then(|m| m.get("format"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    if format
        .trim_start()
        .to_ascii_uppercase()
        .starts_with("FRESH")
    {
        return Dialect::Fresh;
    }
    if root.contains_key("basics") {
        return Dialect::JsonResume;
    }
    let fresh_shape = |key: &str| root.get(key).is_some_and(Value::is_object);
    if FRESH_ONLY_SECTIONS.iter().any(|k| root.contains_key(*k))
        || fresh_shape("education")
        || fresh_shape("skills")
    {
        Dialect::Fresh
    } else {
        Dialect::JsonResume
    }
}

/// The document as JSON Resume: a FRESH document is converted (see [`fresh`]), a JSON
/// Resume one returned as it is. For code that works on JSON Resume (validation,
/// diffs) and wants to accept FRESH too.
///
/// # Errors
/// As [`fresh::to_json_resume`].
pub fn normalize(value: &Value) -> Result<(Value, Report), ConvertError> {
    match detect(value) {
        Dialect::Fresh => fresh::to_json_resume(value),
        Dialect::JsonResume => Ok((value.clone(), Report::default())),
    }
}

/// What to convert to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// The standard the output follows.
    pub dialect: Dialect,
    /// The syntax it is written in.
    pub format: Format,
}

impl Target {
    /// A target dialect in a syntax.
    #[must_use]
    pub fn new(dialect: Dialect, format: Format) -> Self {
        Target { dialect, format }
    }
}

/// The result of a conversion.
#[derive(Debug, Clone)]
pub struct Converted {
    /// The dialect the input was read as.
    pub from: Dialect,
    /// The converted value.
    pub value: Value,
    /// The converted value written in the target syntax.
    pub text: String,
    /// What was renamed, moved or dropped on the way (nothing is dropped silently).
    pub report: Report,
    /// How many values (scalars, lists and objects) the input holds.
    pub values: usize,
}

/// A conversion that cannot be done. Pointers name values of the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    /// The document is not an object.
    #[error("a resume is an object, but this document is {kind}")]
    NotAnObject {
        /// What it is instead, e.g. "a list".
        kind: &'static str,
    },
    /// Two fields would end up under the same name.
    #[error(
        "`{pointer}` would become `{key}`, which another field already became: rename or remove one of them"
    )]
    Conflict {
        /// JSON pointer (in the input) of the second field.
        pointer: String,
        /// The name both would take.
        key: String,
    },
    /// TOML cannot hold a value.
    #[error(transparent)]
    Toml(#[from] toml::TomlError),
}

impl ConvertError {
    /// The JSON pointer (in the input) of the value the error is about.
    #[must_use]
    pub fn pointer(&self) -> &str {
        match self {
            ConvertError::NotAnObject { .. } => "",
            ConvertError::Conflict { pointer, .. } => pointer,
            ConvertError::Toml(e) => &e.pointer,
        }
    }
}

/// Converts a loaded document to `to`, reading it as `from` (by default, [`detect`]).
///
/// # Errors
/// [`ConvertError`] naming the input value that cannot be converted: a `null` or an
/// integer above 2^63 − 1 for TOML, two fields that would take the same name, or a
/// document that is not an object (whatever the target).
pub fn convert(
    doc: &Document,
    from: Option<Dialect>,
    to: Target,
) -> Result<Converted, ConvertError> {
    let from = from.unwrap_or_else(|| detect(&doc.value));
    if !doc.value.is_object() {
        // A list or a scalar is not a resume, in any dialect.
        return Err(ConvertError::NotAnObject {
            kind: fresh::kind_of(&doc.value),
        });
    }
    if to.format == Format::Toml {
        // Mapping dialects keeps values as they are: check them where they are written.
        toml::check(&doc.value)?;
    }
    let (value, report) = match (from, to.dialect) {
        (Dialect::JsonResume, Dialect::Fresh) => fresh::to_fresh(&doc.value)?,
        (Dialect::Fresh, Dialect::JsonResume) => fresh::to_json_resume(&doc.value)?,
        _ => (doc.value.clone(), Report::default()),
    };
    let text = to_text(&value, to.format)?;
    Ok(Converted {
        from,
        value,
        text,
        report,
        values: count_values(&doc.value),
    })
}

/// Writes a value in a syntax: pretty JSON (two-space indent), YAML or TOML, each with
/// a trailing newline and unicode as is.
///
/// # Errors
/// [`ConvertError::Toml`] for what TOML cannot hold.
pub fn to_text(value: &Value, format: Format) -> Result<String, ConvertError> {
    Ok(match format {
        Format::Json => {
            let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
            text.push('\n');
            text
        }
        Format::Yaml => yaml::to_string(value),
        Format::Toml => toml::to_string(value)?,
    })
}

fn count_values(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(count_values).sum(),
        Value::Object(map) => map.values().map(count_values).sum(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;
    use serde_json::json;

    #[test]
    fn dialects_are_told_apart_by_content() {
        assert_eq!(
            detect(&json!({"meta": {"format": "fresh@1.0.0"}, "basics": {}})),
            Dialect::Fresh
        );
        assert_eq!(
            detect(&json!({"education": {"history": []}})),
            Dialect::Fresh
        );
        assert_eq!(detect(&json!({"education": []})), Dialect::JsonResume);
        assert_eq!(
            detect(&json!({"basics": {}, "contact": {}})),
            Dialect::JsonResume
        );
        assert_eq!(detect(&json!([1])), Dialect::JsonResume);
    }

    #[test]
    fn toml_errors_name_the_input_pointer() {
        let doc = load::parse(
            r#"{"name": "A", "employment": {"history": [{"employer": "E", "end": null}]}}"#,
            Format::Json,
        )
        .unwrap();
        let err = convert(&doc, None, Target::new(Dialect::JsonResume, Format::Toml)).unwrap_err();
        assert_eq!(err.pointer(), "/employment/history/0/end");
        let out = convert(&doc, None, Target::new(Dialect::JsonResume, Format::Yaml)).unwrap();
        assert_eq!(out.from, Dialect::Fresh);
        assert!(
            out.text.contains("work:\n  - name: E\n    endDate: null\n"),
            "{}",
            out.text
        );
        assert_eq!(out.values, 7);
        assert!(normalize(&doc.value).unwrap().0.get("work").is_some());
    }
}
