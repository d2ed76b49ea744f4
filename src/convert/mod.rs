//! Converting resumes between syntaxes (JSON, YAML, TOML) and dialects (JSON Resume,
//! FRESH), and migrating old JSON Resume documents to the current standard.

pub mod toml;
pub mod yaml;
