//! Conversions into JSON Resume from other shapes of a resume.
//!
//! [`text`] imports a free-form CV (plain text, Markdown, text pulled from a PDF).

pub mod text;
