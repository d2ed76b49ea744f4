//! Printing findings: pure renderers from diagnostics (plus the source text) to text, one
//! file per output format.
//!
//! Each renderer takes the checked files with their findings and returns a `String`, so
//! every format can be tested alone and the binary only picks one and writes it out.
//!
//! | format | for | shape |
//! |---|---|---|
//! | [`human`] | people at a terminal | rustc-style excerpt with a caret and `help:` |
//! | [`concise`] | grep, editors | `path:line:col: severity[code]: message` |
//! | [`json`] | scripts | one JSON object per diagnostic and a summary line |
//! | [`github`] | GitHub Actions | `::error file=…,line=…::message` workflow commands |
//! | [`sarif`] | code-scanning dashboards | a SARIF 2.1.0 log with a rules table |
//! | [`junit`] | CI test reports | JUnit XML, one test case per file |

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use crate::diagnostic::{Diagnostic, Severity};

/// One checked document and what was found in it.
#[derive(Debug, Clone, Default)]
pub struct FileResult {
    /// The name to show: a path as given, `<stdin>` or a URL.
    pub name: String,
    /// The source text (for excerpts); empty when it could not be decoded or no excerpt
    /// will be shown.
    pub source: String,
    /// The findings, in document order.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileResult {
    /// How many findings have severity `severity`.
    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Whether the file fails: errors, or warnings too when `strict`.
    #[must_use]
    pub fn fails(&self, strict: bool) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error || strict && d.severity == Severity::Warning)
    }
}

/// How to render.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Use ANSI colours (human format only).
    pub color: bool,
    /// Warnings fail a file (`--strict`): counts files with warnings as invalid.
    pub strict: bool,
}

/// Totals over a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Documents checked.
    pub files: usize,
    /// Documents that pass.
    pub valid: usize,
    /// Documents that fail (errors, or warnings with `--strict`).
    pub invalid: usize,
    /// Findings at error severity.
    pub errors: usize,
    /// Findings at warning severity.
    pub warnings: usize,
    /// Findings at info severity.
    pub infos: usize,
}

impl Summary {
    /// The totals of `files`.
    #[must_use]
    pub fn of(files: &[FileResult], strict: bool) -> Self {
        let mut s = Summary::default();
        for f in files {
            s.files += 1;
            if f.fails(strict) {
                s.invalid += 1;
            } else {
                s.valid += 1;
            }
            s.errors += f.count(Severity::Error);
            s.warnings += f.count(Severity::Warning);
            s.infos += f.count(Severity::Info);
        }
        s
    }
}

/// "1 error", "2 warnings".
pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
