//! The JSON Schema check.

use std::sync::OnceLock;

use jsonschema::error::ValidationErrorKind;
use serde_json::Value;

use super::Report;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::load::{Document, escape_pointer_token};

/// A compiled schema, ready to check any number of documents (in parallel too).
#[derive(Debug, Clone)]
pub struct Validator {
    inner: std::sync::Arc<jsonschema::Validator>,
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
    /// The validator for the schema generated from the model, compiled once per process.
    #[must_use]
    pub fn new() -> Self {
        static GENERATED: OnceLock<Validator> = OnceLock::new();
        GENERATED
            .get_or_init(|| {
                Validator::with_schema(&crate::schema::generate())
                    .unwrap_or_else(|e| unreachable!("the generated schema compiles: {e}"))
            })
            .clone()
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
        })
    }

    /// Whether `value` passes the schema.
    #[must_use]
    pub fn is_valid(&self, value: &Value) -> bool {
        self.inner.is_valid(value)
    }

    /// Checks `doc` against the schema; one diagnostic per problem, in document order.
    #[must_use]
    pub fn validate(&self, doc: &Document) -> Report {
        let mut diagnostics = Vec::new();
        if !self.inner.is_valid(&doc.value) {
            for error in self.inner.iter_errors(&doc.value) {
                diagnostics.extend(to_diagnostics(doc, &error));
            }
        }
        diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
        Report { diagnostics }
    }
}

fn to_diagnostics(doc: &Document, error: &jsonschema::ValidationError<'_>) -> Vec<Diagnostic> {
    let pointer = error.instance_path().to_string();
    let keyword = error.kind().keyword();
    let code = format!("schema/{keyword}");
    match error.kind() {
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default();
            vec![
                Diagnostic::new(
                    code,
                    Severity::Error,
                    format!("missing required field `{name}`"),
                )
                .locate(doc, &pointer, Target::Key),
            ]
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => unexpected
            .iter()
            .map(|key| {
                let at = format!("{pointer}/{}", escape_pointer_token(key));
                Diagnostic::new(
                    code.clone(),
                    Severity::Error,
                    format!("unexpected field `{key}`"),
                )
                .locate(doc, &at, Target::Key)
            })
            .collect(),
        _ => vec![
            Diagnostic::new(code, Severity::Error, error.to_string()).locate(
                doc,
                &pointer,
                Target::Value,
            ),
        ],
    }
}
