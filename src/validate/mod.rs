//! Validation: a document in, diagnostics out.
//!
//! The schema check runs the compiled JSON Schema (the generated one by default) over the
//! document's value and turns each error into a [`Diagnostic`] located in the source.

mod schema_check;

pub use schema_check::Validator;

use crate::diagnostic::{Diagnostic, Severity};

/// The findings about one document.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Every finding, in document order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// How many findings have severity `severity`.
    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Whether nothing at error severity was found.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.count(Severity::Error) == 0
    }
}
