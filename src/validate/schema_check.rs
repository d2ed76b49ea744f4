//! The JSON Schema check.

use std::sync::OnceLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;

use std::collections::HashSet;

use super::advice::{bad_date, bad_email, bad_url, field_name, kind_of, show_value, type_name};
use super::locate::JsonLocator;
use super::{Report, fast, rules};
use crate::diagnostic::{Diagnostic, Locate, Severity, Target};
use crate::load::{self, Format, SyntaxError};
use crate::load::{Document, escape_pointer_token};
use crate::model::PartialDate;

/// A compiled schema and the lint settings, ready to check any number of documents (in
/// parallel too: it is cheap to clone and `Sync`).
#[derive(Debug, Clone)]
pub struct Validator {
    inner: std::sync::Arc<jsonschema::Validator>,
    lint: bool,
    today: Option<PartialDate>,
}

/// A document read and checked by [`Validator::check_text`].
#[derive(Debug, Clone)]
pub struct Checked {
    /// The findings.
    pub report: Report,
    /// The parsed document with its spans; `None` when the fast path found nothing and
    /// never built it.
    pub document: Option<Document>,
}

/// The schema given is not a valid JSON Schema.
#[derive(Debug, thiserror::Error)]
#[error("invalid JSON Schema: {0}")]
pub struct SchemaError(String);

impl Default for Validator {
    fn default() -> Self {
        Self::new()
    }
}

impl Validator {
    /// The validator for the schema generated from the model, compiled once per process
    /// (from the embedded [`crate::schema::GENERATED`] text, which is quicker to read than
    /// generating the schema again).
    #[must_use]
    pub fn new() -> Self {
        static GENERATED: OnceLock<Validator> = OnceLock::new();
        GENERATED
            .get_or_init(|| {
                let schema = serde_json::from_str(crate::schema::GENERATED)
                    .unwrap_or_else(|_| crate::schema::generate());
                Validator::with_schema(&schema)
                    .unwrap_or_else(|e| unreachable!("the generated schema compiles: {e}"))
            })
            .clone()
    }

    /// The validator for the official v1.3.1 schema (with format checks, like
    /// `vitae validate --schema v1.3.1`), compiled once per process from the embedded
    /// [`crate::schema::OFFICIAL_V1_3_1`] text.
    #[must_use]
    pub fn official() -> Self {
        official_v1_3_1().clone()
    }

    /// A validator for any JSON Schema (the draft comes from its `$schema`).
    ///
    /// # Errors
    /// [`SchemaError`] when `schema` is not a valid JSON Schema.
    pub fn with_schema(schema: &Value) -> Result<Self, SchemaError> {
        let inner = jsonschema::options()
            .should_validate_formats(true)
            .build(schema)
            .map_err(|e| SchemaError(e.to_string()))?;
        Ok(Validator {
            inner: std::sync::Arc::new(inner),
            lint: true,
            today: None,
        })
    }

    /// Turns the lint rules on (the default) or off (schema only).
    #[must_use]
    pub fn lint(mut self, on: bool) -> Self {
        self.lint = on;
        self
    }

    /// The date `lint/future-date` compares with (default: today, from the system clock).
    #[must_use]
    pub fn today(mut self, date: PartialDate) -> Self {
        self.today = Some(date);
        self
    }

    /// Whether `value` passes the schema.
    #[must_use]
    pub fn is_valid(&self, value: &Value) -> bool {
        self.inner.is_valid(value)
    }

    /// The compiled schema, for callers that need its raw errors.
    pub(crate) fn schema(&self) -> &jsonschema::Validator {
        &self.inner
    }

    /// Parses `text` as `format` and checks it, like [`load::parse`] then
    /// [`Validator::validate`] (same findings, same places), but faster for JSON: the
    /// value is read with `serde_json` and the few findings are located by scanning the
    /// text, so the span map is never built and [`Checked::document`] is `None`. Other
    /// formats, and JSON that repeats a key, take the full path.
    ///
    /// # Errors
    /// [`SyntaxError`] when the text does not parse (report it with
    /// [`Diagnostic::from_syntax_error`]).
    pub fn check_text(
        &self,
        name: &str,
        text: &str,
        format: Format,
    ) -> Result<Checked, SyntaxError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if format == Format::Json
            && let Some(value) = fast::parse_json(text)
        {
            let report = self.run(&value, &JsonLocator::new(text), None);
            return Ok(Checked {
                report,
                document: None,
            });
        }
        let mut doc = load::parse(text, format)?;
        doc.name = name.to_owned();
        let report = self.validate(&doc);
        Ok(Checked {
            report,
            document: Some(doc),
        })
    }

    /// Checks `doc` against the schema, then (unless turned off) the lint rules; one
    /// diagnostic per problem, in document order.
    #[must_use]
    pub fn validate(&self, doc: &Document) -> Report {
        self.run(&doc.value, doc, Some(doc))
    }

    fn run(&self, value: &Value, places: &dyn Locate, doc: Option<&Document>) -> Report {
        let mut diagnostics = Vec::new();
        if !self.inner.is_valid(value) {
            for error in self.inner.iter_errors(value) {
                diagnostics.extend(to_diagnostics(places, &error));
            }
        }
        if self.lint {
            let reported: HashSet<&str> = diagnostics.iter().map(|d| d.pointer.as_str()).collect();
            let today = self.today.unwrap_or_else(rules::today_utc);
            let lints = rules::lint(value, places, doc, today, &reported);
            diagnostics.extend(lints);
        }
        diagnostics.sort_by(|a, b| {
            (a.span.start, a.span.end, a.severity).cmp(&(b.span.start, b.span.end, b.severity))
        });
        Report { diagnostics }
    }
}

/// The official v1.3.1 validator, compiled on first use and shared.
pub(crate) fn official_v1_3_1() -> &'static Validator {
    static OFFICIAL: OnceLock<Validator> = OnceLock::new();
    OFFICIAL.get_or_init(|| {
        let schema = crate::schema::official("v1.3.1")
            .unwrap_or_else(|| unreachable!("the embedded official schema is JSON"));
        Validator::with_schema(&schema)
            .unwrap_or_else(|e| unreachable!("the official schema compiles: {e}"))
    })
}

/// One or more diagnostics for one schema error, in words a resume author understands.
pub(crate) fn to_diagnostics(
    doc: &dyn Locate,
    error: &jsonschema::ValidationError<'_>,
) -> Vec<Diagnostic> {
    let pointer = error.instance_path().to_string();
    let keyword = error.kind().keyword();
    let code = format!("schema/{keyword}");
    let instance: &Value = error.instance();
    let field = field_name(&pointer);
    let (message, help, target) = match error.kind() {
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default();
            let whose = if pointer.is_empty() {
                "the document".to_owned()
            } else {
                format!("`{field}`")
            };
            (
                format!("{whose} is missing the required field `{name}`"),
                Some(format!("add `{name}`")),
                Target::Key,
            )
        }
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            return unexpected
                .iter()
                .map(|key| {
                    let at = format!("{pointer}/{}", escape_pointer_token(key));
                    let whose = if pointer.is_empty() {
                        "at the top level".to_owned()
                    } else {
                        format!("in `{field}`")
                    };
                    Diagnostic::new(
                        code.clone(),
                        Severity::Error,
                        format!("the schema allows no field `{key}` {whose}"),
                    )
                    .with_help("remove it, or check its spelling")
                    .locate_in(doc, &at, Target::Key)
                })
                .collect();
        }
        ValidationErrorKind::Type { kind } => {
            let expected: Vec<&str> = match kind {
                TypeKind::Single(t) => vec![type_name(t.as_str())],
                TypeKind::Multiple(set) => set.iter().map(|t| type_name(t.as_str())).collect(),
            };
            let expected = expected.join(" or ");
            (
                format!(
                    "`{field}` should be {expected}, but it is {}",
                    describe(instance)
                ),
                type_help(&expected, instance),
                Target::Value,
            )
        }
        ValidationErrorKind::Pattern { pattern } => match instance.as_str() {
            Some(text) if is_date_pattern(pattern, &field) => {
                let (message, help) = bad_date(&field, text);
                (message, help, Target::Value)
            }
            _ => (
                format!(
                    "{} does not have the form `{field}` needs (pattern `{pattern}`)",
                    show_value(instance)
                ),
                None,
                Target::Value,
            ),
        },
        ValidationErrorKind::Format { format } => {
            let text = instance.as_str().unwrap_or_default();
            let (message, help) = match format.as_str() {
                "email" | "idn-email" => bad_email(text),
                "uri" | "iri" | "uri-reference" | "iri-reference" => bad_url(&field, text),
                "date" => bad_date(&field, text),
                other => (
                    format!("{} is not a valid `{other}`", show_value(instance)),
                    None,
                ),
            };
            (message, help, Target::Value)
        }
        ValidationErrorKind::Enum { options } => {
            let list = options.as_array().map_or_else(String::new, |o| {
                o.iter()
                    .map(|v| v.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            });
            (
                format!(
                    "{} is not one of the values `{field}` allows",
                    show_value(instance)
                ),
                Some(format!("write one of: {list}")),
                Target::Value,
            )
        }
        ValidationErrorKind::Constant { expected_value } => (
            format!("`{field}` must be exactly {expected_value}"),
            Some(format!("write {expected_value}")),
            Target::Value,
        ),
        ValidationErrorKind::MinLength { limit } => (
            format!(
                "{} is shorter than {limit} characters",
                show_value(instance)
            ),
            None,
            Target::Value,
        ),
        ValidationErrorKind::MaxLength { limit } => (
            format!("`{field}` is longer than {limit} characters"),
            None,
            Target::Value,
        ),
        ValidationErrorKind::MinItems { limit } => (
            format!("`{field}` needs at least {limit} entries"),
            None,
            Target::Value,
        ),
        ValidationErrorKind::MaxItems { limit } => (
            format!("`{field}` has more than {limit} entries"),
            None,
            Target::Value,
        ),
        ValidationErrorKind::Minimum { limit }
        | ValidationErrorKind::ExclusiveMinimum { limit } => (
            format!(
                "{} is below the smallest value `{field}` allows ({limit})",
                show_value(instance)
            ),
            None,
            Target::Value,
        ),
        ValidationErrorKind::Maximum { limit }
        | ValidationErrorKind::ExclusiveMaximum { limit } => (
            format!(
                "{} is above the largest value `{field}` allows ({limit})",
                show_value(instance)
            ),
            None,
            Target::Value,
        ),
        ValidationErrorKind::UniqueItems => (
            format!("`{field}` lists the same entry more than once"),
            Some("remove the repeated entry".to_owned()),
            Target::Value,
        ),
        ValidationErrorKind::AnyOf { .. } | ValidationErrorKind::OneOfNotValid { .. } => (
            format!("`{field}` does not have any of the forms the schema allows"),
            None,
            Target::Value,
        ),
        ValidationErrorKind::OneOfMultipleValid { .. } => (
            format!("`{field}` matches more than one of the forms the schema allows"),
            None,
            Target::Value,
        ),
        ValidationErrorKind::FalseSchema => (
            format!("the schema allows no `{field}` here"),
            Some("remove it".to_owned()),
            Target::Key,
        ),
        _ => (format!("`{field}`: {error}"), None, Target::Value),
    };
    let mut d = Diagnostic::new(code, Severity::Error, message).locate_in(doc, &pointer, target);
    d.help = help;
    vec![d]
}

fn is_date_pattern(pattern: &str, field: &str) -> bool {
    pattern == crate::model::ISO8601_PATTERN || field == "date" || field.ends_with("Date")
}

/// "a number (`1`)", "text (`June`)", "a list".
fn describe(value: &Value) -> String {
    match value {
        Value::Number(_) | Value::Bool(_) | Value::String(_) => {
            format!("{} ({})", kind_of(value), show_value(value))
        }
        other => kind_of(other).to_owned(),
    }
}

fn type_help(expected: &str, found: &Value) -> Option<String> {
    match (expected, found) {
        ("text", Value::Number(n)) => Some(format!("put it in quotes: \"{n}\"")),
        ("text", Value::Bool(b)) => Some(format!("put it in quotes: \"{b}\"")),
        ("text", Value::Array(items)) if items.iter().all(Value::is_string) => {
            Some("write the entries as one text, or move them to a list field".to_owned())
        }
        ("a list", Value::String(s)) => Some(format!("make it a list: [\"{s}\"]")),
        ("a list", Value::Object(_)) => Some("put the object in a list: [{ … }]".to_owned()),
        ("an object", Value::String(_)) => {
            Some("write the fields of this object between braces".to_owned())
        }
        (_, Value::Null) => Some("leave the field out instead of writing null".to_owned()),
        _ => None,
    }
}
