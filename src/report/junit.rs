//! `--format junit`: JUnit XML, which CI systems (GitLab, Jenkins, Azure, …) show as test
//! results: one test suite, one test case per file; a file that fails has one
//! `<failure>` listing its findings; warnings of a passing file go to `<system-out>`.

use std::fmt::Write;

use super::{FileResult, Options, Summary, plural};
use crate::diagnostic::Severity;

/// Renders the XML document.
#[must_use]
pub fn render(files: &[FileResult], options: Options) -> String {
    let s = Summary::of(files, options.strict);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"vitae validate\" tests=\"{}\" failures=\"{}\" errors=\"0\">",
        s.files, s.invalid
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"vitae validate\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
        s.files, s.invalid
    );
    for f in files {
        let name = escape(&f.name);
        let _ = write!(
            out,
            "    <testcase name=\"{name}\" classname=\"vitae.validate\" file=\"{name}\""
        );
        let details: String = f
            .diagnostics
            .iter()
            .map(|d| {
                let mut line = format!(
                    "{}:{}:{}: {}[{}]: {}\n",
                    f.name, d.line, d.column, d.severity, d.code, d.message
                );
                if let Some(help) = &d.help {
                    let _ = writeln!(line, "  help: {help}");
                }
                line
            })
            .collect();
        if f.fails(options.strict) {
            let errors = f.count(Severity::Error);
            let warnings = f.count(Severity::Warning);
            let message = format!(
                "{}, {}",
                plural(errors, "error"),
                plural(warnings, "warning")
            );
            let kind = f
                .diagnostics
                .iter()
                .find(|d| d.severity == Severity::Error || options.strict)
                .map_or("", |d| d.code.as_str());
            let _ = writeln!(out, ">");
            let _ = writeln!(
                out,
                "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                escape(&message),
                escape(kind),
                escape(&details)
            );
            let _ = writeln!(out, "    </testcase>");
        } else if details.is_empty() {
            let _ = writeln!(out, "/>");
        } else {
            let _ = writeln!(out, ">");
            let _ = writeln!(out, "      <system-out>{}</system-out>", escape(&details));
            let _ = writeln!(out, "    </testcase>");
        }
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

/// Escapes text for XML content and attribute values, and drops the control characters
/// XML 1.0 cannot carry at all.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {
                out.push('\u{FFFD}');
            }
            c => out.push(c),
        }
    }
    out
}
