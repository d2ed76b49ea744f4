//! # vitae
//!
//! A library for the [JSON Resume](https://jsonresume.org) standard: typed models of
//! every section ([`model`]), a JSON Schema generated from them ([`schema`]), loading
//! JSON, YAML and TOML with positions for every value ([`load`]), validation with
//! diagnostics that point at the exact line and column ([`validate`]), and what changed
//! between two resumes, entry by entry ([`diff`]).
//!
//! ```
//! let doc = vitae::load::parse(r#"{"basics": {"name": "Ada", "email": "not an email"}}"#,
//!     vitae::load::Format::Json)?;
//! let report = vitae::validate::Validator::new().validate(&doc);
//! assert_eq!(report.diagnostics[0].code, "schema/format");
//! assert_eq!(report.diagnostics[0].line, 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The library never prints, exits or reads the environment; the `vitae` binary does.

#![warn(clippy::print_stdout, clippy::print_stderr, clippy::dbg_macro)]

pub mod convert;
pub mod diagnostic;
pub mod diff;
pub mod fetch;
pub mod fs;
pub mod load;
pub mod locale;
pub mod model;
pub mod render;
pub mod report;
mod scan;
pub mod schema;
pub mod validate;

pub use diagnostic::{Diagnostic, Severity};
pub use load::{Document, Format};
pub use model::Resume;
