//! `--format github`: GitHub Actions workflow commands, which the runner turns into
//! annotations on the pull request:
//! `::error file=resume.json,line=4,col=19,endLine=4,endColumn=30,title=schema/pattern::message`.
//!
//! Escaping follows the runner's rules: in the message `%`, `\r` and `\n` become `%25`,
//! `%0D` and `%0A`; in property values `:` and `,` also become `%3A` and `%2C`.

use std::fmt::Write;

use super::{FileResult, Options};
use crate::diagnostic::Severity;

/// Renders one workflow command per finding.
#[must_use]
pub fn render(files: &[FileResult], _options: Options) -> String {
    let mut out = String::new();
    for f in files {
        for d in &f.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            let _ = writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&f.name),
                d.line,
                d.column,
                d.end_line,
                d.end_column,
                escape_property(&d.code),
                escape_data(&message),
            );
        }
    }
    out
}

/// Escapes a command's message.
#[must_use]
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value.
#[must_use]
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}
