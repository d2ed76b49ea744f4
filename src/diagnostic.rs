//! Findings about a document: what is wrong, where (JSON pointer, byte span, line and
//! column), and what to write instead.
//!
//! Diagnostics are data. Validation returns them; the renderers in the binary decide how
//! to print them. Codes are stable and documented in `docs/diagnostics.md`.

use std::fmt;

use crate::load::{Document, NodeSpan, Position, Span, SyntaxError};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The document breaks the standard or cannot be right (exit code 1).
    Error,
    /// Probably a mistake; fails only with `--strict`.
    Warning,
    /// Worth knowing; never fails.
    Info,
}

impl Severity {
    /// `error`, `warning` or `info`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding, located in the source.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// Stable code: `parse/syntax`, `schema/<keyword>` or `lint/<rule>`.
    pub code: String,
    /// How bad it is.
    pub severity: Severity,
    /// What is wrong, as a sentence a resume author understands.
    pub message: String,
    /// JSON pointer of the offending value (or of the object holding a missing field).
    pub pointer: String,
    /// Byte range in the document's source text.
    pub span: Span,
    /// 1-based line where the span starts.
    pub line: usize,
    /// 1-based column (in characters) where the span starts.
    pub column: usize,
    /// 1-based line where the span ends.
    pub end_line: usize,
    /// 1-based column where the span ends (exclusive).
    pub end_column: usize,
    /// What to write instead, when there is a clear answer.
    pub help: Option<String>,
}

/// Where values are in a source text: a [`Document`]'s span map, or anything else that
/// can answer by JSON pointer.
pub trait Locate {
    /// The span of the value at `pointer` (and of its key), or of its closest ancestor
    /// that has one.
    fn nearest_span(&self, pointer: &str) -> Option<NodeSpan>;
    /// The 1-based line and column of a byte offset in the source.
    fn position(&self, offset: usize) -> Position;
}

impl Locate for Document {
    fn nearest_span(&self, pointer: &str) -> Option<NodeSpan> {
        Document::nearest_span(self, pointer)
    }

    fn position(&self, offset: usize) -> Position {
        Document::position(self, offset)
    }
}

/// Which part of an object member a diagnostic points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The value.
    Value,
    /// The key (for unknown, misplaced or misspelt keys); the value when there is no key.
    Key,
}

impl Diagnostic {
    /// A finding not yet located (at 1:1 until [`Diagnostic::locate`] is called).
    #[must_use]
    pub fn new(code: impl Into<String>, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            code: code.into(),
            severity,
            message: message.into(),
            pointer: String::new(),
            span: Span::default(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            help: None,
        }
    }

    /// Adds the `help` text.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Points the finding at the value (or key) at `pointer` in `doc`, or at its closest
    /// ancestor with a known place.
    #[must_use]
    pub fn locate(self, doc: &Document, pointer: &str, target: Target) -> Self {
        self.locate_in(doc, pointer, target)
    }

    /// [`Diagnostic::locate`] with any [`Locate`] (a document, or a scanner over text).
    #[must_use]
    pub fn locate_in(mut self, places: &dyn Locate, pointer: &str, target: Target) -> Self {
        self.pointer = pointer.to_owned();
        if let Some(node) = places.nearest_span(pointer) {
            let span = match target {
                Target::Key => node.key.unwrap_or(node.value),
                Target::Value => node.value,
            };
            self.set_span(places, span);
        }
        self
    }

    /// Points the finding at an explicit byte range of `doc`'s source.
    #[must_use]
    pub fn at_span(mut self, doc: &Document, pointer: &str, span: Span) -> Self {
        self.pointer = pointer.to_owned();
        self.set_span(doc, span);
        self
    }

    fn set_span(&mut self, places: &dyn Locate, span: Span) {
        let start = places.position(span.start);
        let end = places.position(span.end);
        self.span = span;
        (self.line, self.column) = (start.line, start.column);
        (self.end_line, self.end_column) = (end.line, end.column);
    }

    /// The `parse/syntax` finding for text that does not parse.
    #[must_use]
    pub fn from_syntax_error(err: &SyntaxError) -> Self {
        let mut d = Diagnostic::new("parse/syntax", Severity::Error, err.message.clone());
        d.span = Span::new(err.offset, err.offset);
        (d.line, d.column) = (err.line, err.column);
        (d.end_line, d.end_column) = (err.line, err.column + 1);
        d
    }
}
