//! `--format json`: one JSON object per line (JSON Lines), for scripts.
//!
//! Each finding is
//! `{"type":"diagnostic","file":…,"code":…,"severity":…,"message":…,"pointer":…,"line":…,"column":…,"end_line":…,"end_column":…,"help":…}`
//! (`help` is `null` when there is none; lines and columns are 1-based, columns count
//! characters, `end_column` is exclusive). The last line is
//! `{"type":"summary","files":…,"valid":…,"invalid":…,"errors":…,"warnings":…}`.
//! The shape is stable: fields may be added at the end, never renamed or removed.

use serde_json::json;

use super::{FileResult, Options, Summary};

/// Renders one line per finding, then the summary line.
#[must_use]
pub fn render(files: &[FileResult], options: Options) -> String {
    let mut out = String::new();
    for f in files {
        for d in &f.diagnostics {
            let record = json!({
                "type": "diagnostic",
                "file": f.name,
                "code": d.code,
                "severity": d.severity.as_str(),
                "message": d.message,
                "pointer": d.pointer,
                "line": d.line,
                "column": d.column,
                "end_line": d.end_line,
                "end_column": d.end_column,
                "help": d.help,
            });
            out.push_str(&record.to_string());
            out.push('\n');
        }
    }
    let s = Summary::of(files, options.strict);
    let summary = json!({
        "type": "summary",
        "files": s.files,
        "valid": s.valid,
        "invalid": s.invalid,
        "errors": s.errors,
        "warnings": s.warnings,
    });
    out.push_str(&summary.to_string());
    out.push('\n');
    out
}
