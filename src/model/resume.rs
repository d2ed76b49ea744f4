//! `Resume`: the whole document, and reading it from JSON with precise errors.

use serde_json::Value;

use super::{
    Award, Basics, Certificate, Education, Interest, Language, Meta, Project, Publication,
    Reference, Skill, Volunteer, Work, section,
};
use crate::load::{self, Document, Format};

section! {
    /// A JSON Resume document (schema v1.3.1): every section is optional, and sections
    /// and fields the standard does not define are allowed (and kept, in order).
    pub struct Resume {
        /// Link to the version of the schema that can validate the resume.
        #[serde(rename = "$schema")]
        #[schemars(url)]
        schema: String,
        /// Who the resume is about: name, contact details, location, profiles.
        basics: Basics,
        /// Jobs, most recent first by convention.
        work: Vec<Work>,
        /// Volunteer work.
        volunteer: Vec<Volunteer>,
        /// Schools, degrees and courses.
        education: Vec<Education>,
        /// Awards received throughout your professional career.
        awards: Vec<Award>,
        /// Certificates received throughout your professional career.
        certificates: Vec<Certificate>,
        /// Publications through your career.
        publications: Vec<Publication>,
        /// Your professional skill set.
        skills: Vec<Skill>,
        /// Languages you speak.
        languages: Vec<Language>,
        /// Interests outside work.
        interests: Vec<Interest>,
        /// References you have received.
        references: Vec<Reference>,
        /// Career projects.
        projects: Vec<Project>,
        /// The schema version and any other tooling configuration.
        meta: Meta,
    }
}

/// A document that is not a resume the model can hold: a syntax error, or a value of
/// the wrong type (`"endDate": null`, `"keywords": "a, b"`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResumeError {
    /// The text is not valid JSON.
    #[error(transparent)]
    Syntax(#[from] load::SyntaxError),
    /// A value has the wrong type for its field.
    #[error("{}{message}", location_prefix(*line, *column, pointer))]
    Type {
        /// JSON pointer of the offending value, e.g. `/work/0/endDate`.
        pointer: String,
        /// 1-based line of the value, when the source text is known.
        line: Option<usize>,
        /// 1-based column of the value, when the source text is known.
        column: Option<usize>,
        /// What is wrong, e.g. "invalid type: null, expected a string".
        message: String,
    },
}

fn location_prefix(line: Option<usize>, column: Option<usize>, pointer: &str) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!("{l}:{c}: at `{pointer}`: "),
        _ => format!("at `{pointer}`: "),
    }
}

impl Resume {
    /// Reads a resume from JSON text (a UTF-8 BOM and CRLF line ends are fine).
    ///
    /// # Errors
    /// [`ResumeError::Syntax`] for invalid JSON, [`ResumeError::Type`] (with pointer,
    /// line and column) for a value of the wrong type.
    ///
    /// ```
    /// use vitae::model::Resume;
    /// let resume = Resume::from_json_str(r#"{"basics": {"name": "Ada"}, "x-theme": "dark"}"#)?;
    /// assert_eq!(resume.basics.unwrap().name.as_deref(), Some("Ada"));
    /// assert!(resume.extra.contains_key("x-theme"));
    /// # Ok::<(), vitae::model::ResumeError>(())
    /// ```
    pub fn from_json_str(text: &str) -> Result<Self, ResumeError> {
        let doc = load::parse(text, Format::Json)?;
        Self::from_document(&doc)
    }

    /// Reads a resume from a loaded document (JSON, YAML or TOML), pointing errors at
    /// the document's source.
    ///
    /// # Errors
    /// [`ResumeError::Type`] for a value of the wrong type.
    pub fn from_document(doc: &Document) -> Result<Self, ResumeError> {
        Self::deserialize_value(&doc.value).map_err(|(pointer, message)| {
            let position = doc.position_of(&pointer);
            ResumeError::Type {
                line: position.map(|p| p.line),
                column: position.map(|p| p.column),
                pointer,
                message,
            }
        })
    }

    /// Reads a resume from a JSON value.
    ///
    /// # Errors
    /// [`ResumeError::Type`] (with the pointer, no line) for a value of the wrong type.
    pub fn from_value(value: &Value) -> Result<Self, ResumeError> {
        Self::deserialize_value(value).map_err(|(pointer, message)| ResumeError::Type {
            pointer,
            line: None,
            column: None,
            message,
        })
    }

    fn deserialize_value(value: &Value) -> Result<Self, (String, String)> {
        serde_path_to_error::deserialize(value).map_err(|err| {
            let pointer = pointer_of(err.path());
            (pointer, err.into_inner().to_string())
        })
    }

    /// The document as a JSON value: known fields in the standard's order, then the
    /// unknown ones in their original order.
    #[must_use]
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// The document as pretty-printed JSON (two-space indent, trailing newline).
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// Turns a serde path (`work[0].endDate`) into a JSON pointer (`/work/0/endDate`).
fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => {
                pointer.push('/');
                pointer.push_str(&index.to_string());
            }
            Segment::Map { key } => {
                pointer.push('/');
                pointer.push_str(&load::escape_pointer_token(key));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    pointer
}
