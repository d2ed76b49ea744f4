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
        let lines = lines_with_offsets(&f.source);
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

/// The source's lines (as [`str::lines`] cuts them) with the byte offset of each.
fn lines_with_offsets(source: &str) -> Vec<(usize, &str)> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in source.split_inclusive('\n') {
        let text = line.strip_suffix('\n').unwrap_or(line);
        let text = text.strip_suffix('\r').unwrap_or(text);
        lines.push((start, text));
        start += line.len();
    }
    lines
}

fn diagnostic(
    out: &mut String,
    style: &Style,
    name: &str,
    lines: &[(usize, &str)],
    d: &Diagnostic,
) {
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
    let Some(&(line_start, text)) = lines.get(d.line.wrapping_sub(1)) else {
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
    let (shown, start, len) = if text.len() > LONG_LINE {
        caret_window(text, line_start, d)
    } else {
        caret_place(text, d)
    };
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

/// Lines longer than this (in bytes; minified JSON is one long line) are shown as an
/// excerpt around the place, so that each finding costs the same whatever the line's
/// length: a document with a million findings on one line must not print it a million
/// times.
const LONG_LINE: usize = 160;

/// Like [`caret_place`] for a long line: about 60 bytes before the place and 100 after,
/// `…` where the line is cut.
fn caret_window(text: &str, line_start: usize, d: &Diagnostic) -> (String, usize, usize) {
    let at = d
        .span
        .start
        .checked_sub(line_start)
        .filter(|&at| at <= text.len() && text.is_char_boundary(at))
        .unwrap_or_else(|| {
            text.char_indices()
                .nth(d.column.saturating_sub(1))
                .map_or(text.len(), |(i, _)| i)
        });
    let mut from = at.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (at + 100).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let end = if d.end_line == d.line {
        d.span
            .end
            .checked_sub(line_start)
            .filter(|&end| end > at && text.is_char_boundary(end))
            .map_or(at, |end| end.min(to))
    } else {
        to
    };
    let expand = |s: &str| s.replace('\t', "    ");
    let width = |s: &str| {
        s.chars()
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum::<usize>()
    };
    let head = if from > 0 { "…" } else { "" };
    let tail = if to < text.len() { "…" } else { "" };
    let shown = format!("{head}{}{tail}", expand(&text[from..to]));
    let start = width(head) + width(&text[from..at]);
    (shown, start, width(&text[at..end]).max(1))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Span;

    fn at(line: usize, column: usize, start: usize, end: usize) -> Diagnostic {
        let mut d = Diagnostic::new("schema/type", Severity::Error, "wrong");
        d.line = line;
        d.column = column;
        d.end_line = line;
        d.end_column = column + (end - start);
        d.span = Span { start, end };
        d
    }

    #[test]
    fn a_long_line_is_cut_around_the_place() {
        let line = format!("{{\"work\": [{}]}}", vec!["1"; 1000].join(","));
        let source = format!("\n{line}\n");
        let lines = lines_with_offsets(&source);
        assert_eq!(lines[1], (1, line.as_str()));
        // The 500th entry: `1` at byte 10 + 2 * 500 of the line.
        let col = 11 + 2 * 500;
        let d = at(2, col, 1 + col - 1, 1 + col);
        let (shown, start, len) = caret_window(line.as_str(), 1, &d);
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert_eq!(shown.chars().count(), 1 + 160 + 1);
        assert_eq!(shown.chars().nth(start), Some('1'));
        assert_eq!(len, 1);
        // At the very start: no leading `…`.
        let d = at(2, 1, 1, 2);
        let (shown, start, _) = caret_window(line.as_str(), 1, &d);
        assert!(shown.starts_with("{\"work\"") && start == 0, "{shown}");
    }
}
