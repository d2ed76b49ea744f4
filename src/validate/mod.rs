//! Validation: a document in, diagnostics out.
//!
//! Two passes: the JSON Schema check (the schema generated from the model by default,
//! compiled once and shared by every thread) and the lint rules (`rules.rs`), which catch
//! what the schema lets through: dates that cannot exist, ranges that end before they
//! start, names of older versions, misspelt sections, repeated entries and keys.
//! Every finding is a [`Diagnostic`] located in the source; [`codes::CODES`] lists them.
//!
//! ```
//! use vitae::{load, validate::Validator};
//! let doc = load::parse("work:\n  - name: Acme\n    startDate: 2017-13\n", load::Format::Yaml)?;
//! let report = Validator::new().validate(&doc);
//! assert_eq!(report.diagnostics[0].code, "lint/invalid-month");
//! assert_eq!((report.diagnostics[0].line, report.diagnostics[0].column), (3, 16));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod advice;
pub mod codes;
mod fast;
mod locate;
mod rules;
mod schema_check;

pub use codes::{CODES, Code};
pub use schema_check::{Checked, SchemaError, Validator};

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
