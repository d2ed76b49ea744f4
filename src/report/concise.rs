//! `--format concise`: one line per finding, `path:line:col: severity[code]: message`,
//! the form compilers use and editors jump to.

use std::fmt::Write;

use super::{FileResult, Options};

/// Renders every finding as one line.
#[must_use]
pub fn render(files: &[FileResult], _options: Options) -> String {
    let mut out = String::new();
    for f in files {
        for d in &f.diagnostics {
            let _ = writeln!(
                out,
                "{}:{}:{}: {}[{}]: {}",
                f.name,
                d.line,
                d.column,
                d.severity,
                d.code,
                one_line(&d.message)
            );
        }
    }
    out
}

/// Line ends in a message would break the one-line-per-finding promise.
pub(crate) fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}
