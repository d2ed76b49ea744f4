//! Converting resumes between syntaxes (JSON, YAML, TOML) and dialects (JSON Resume,
//! FRESH), and migrating old JSON Resume documents to the current standard.

pub mod fresh;
mod report;
pub mod toml;
pub mod yaml;

pub use report::{Change, ChangeKind, Group, Report};

/// A conversion that cannot be done.
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
