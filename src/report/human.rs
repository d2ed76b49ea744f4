//! `--format human`: rustc-style findings with the offending line and a caret under the
//! exact place, then a one-line summary.
//!
//! ```text
//! error[schema/pattern]: `June 2012` is not a date: use YYYY, YYYY-MM or YYYY-MM-DD
//!   --> resume.json:41:20
//!    |
//! 41 |       "startDate": "June 2012",
//!    |                    ^^^^^^^^^^^ help: write "2012-06"
//! ```

use std::fmt::Write;

use super::{FileResult, Options, Summary, plural};
use crate::diagnostic::{Diagnostic, Severity};

/// ANSI styles, or nothing when colour is off.
struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        }
    }
}

const GUTTER: &str = "1;34";
const BOLD: &str = "1";
const HELP: &str = "1;32";

/// Renders every finding with an excerpt, then the summary.
#[must_use]
pub fn render(files: &[FileResult], options: Options) -> String {
    let style = Style { on: options.color };
    let mut out = String::new();
    for f in files {
        let lines: Vec<&str> = f.source.lines().collect();
        for d in &f.diagnostics {
            diagnostic(&mut out, &style, &f.name, &lines, d);
            out.push('\n');
        }
    }
    let s = Summary::of(files, options.strict);
    let verdict = if s.invalid == 0 {
        style.paint("1;32", "ok")
    } else {
        style.paint("1;31", "failed")
    };
    let _ = writeln!(
        out,
        "{verdict}: {} checked, {} valid, {} invalid ({}, {}{})",
        plural(s.files, "file"),
        s.valid,
        s.invalid,
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        if s.infos > 0 {
            format!(", {}", plural(s.infos, "note"))
        } else {
            String::new()
        }
    );
    out
}

fn diagnostic(out: &mut String, style: &Style, name: &str, lines: &[&str], d: &Diagnostic) {
    let sev = style.severity(d.severity);
    let _ = writeln!(
        out,
        "{}{}",
        style.paint(sev, &format!("{}[{}]", d.severity, d.code)),
        style.paint(BOLD, &format!(": {}", d.message))
    );
    let width = d.line.to_string().len();
    let pad = " ".repeat(width);
    let _ = writeln!(
        out,
        "{pad}{} {name}:{}:{}",
        style.paint(GUTTER, "-->"),
        d.line,
        d.column
    );
    let bar = style.paint(GUTTER, "|");
    let Some(text) = lines.get(d.line.wrapping_sub(1)) else {
        if let Some(help) = &d.help {
            let _ = writeln!(
                out,
                "{pad} {} {}",
                style.paint(GUTTER, "="),
                help_text(style, help)
            );
        }
        return;
    };
    let (shown, start, len) = caret_place(text, d);
    let _ = writeln!(out, "{pad} {bar}");
    let _ = writeln!(
        out,
        "{} {bar} {shown}",
        style.paint(GUTTER, &d.line.to_string())
    );
    let carets = style.paint(sev, &"^".repeat(len));
    let help = d
        .help
        .as_ref()
        .map(|h| format!(" {}", help_text(style, h)))
        .unwrap_or_default();
    let _ = writeln!(out, "{pad} {bar} {}{carets}{help}", " ".repeat(start));
}

fn help_text(style: &Style, help: &str) -> String {
    format!("{} {help}", style.paint(HELP, "help:"))
}

/// The line with tabs expanded, the caret's start column (0-based, in characters) and
/// its length (at least 1, at most to the end of the line).
fn caret_place(text: &str, d: &Diagnostic) -> (String, usize, usize) {
    let mut shown = String::new();
    let (mut start, mut end) = (None, None);
    let first = d.column.saturating_sub(1);
    let last = if d.end_line == d.line {
        d.end_column.saturating_sub(1)
    } else {
        usize::MAX
    };
    let mut width = 0;
    for (i, c) in text.chars().enumerate() {
        if i == first {
            start = Some(width);
        }
        if i == last {
            end = Some(width);
        }
        if c == '\t' {
            shown.push_str("    ");
            width += 4;
        } else {
            shown.push(c);
            width += 1;
        }
    }
    let start = start.unwrap_or(width);
    let end = end.unwrap_or(width).max(start + 1);
    (shown, start, end - start)
}
