//! `--format sarif`: a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange
//! Format), the input of GitHub code scanning and other dashboards.
//!
//! One run, tool `vitae` with a rules table holding every code that occurs (with its
//! summary and default level), one result per finding with its region (1-based lines
//! and columns counted in Unicode code points, as `columnKind` says) and its JSON
//! pointer as a logical location.

use serde_json::{Value, json};

use super::{FileResult, Options};
use crate::diagnostic::Severity;
use crate::validate::codes::describe;

/// The SARIF level of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Renders the whole log, pretty-printed.
#[must_use]
pub fn render(files: &[FileResult], _options: Options) -> String {
    let mut rule_ids: Vec<&str> = Vec::new();
    for d in files.iter().flat_map(|f| &f.diagnostics) {
        if !rule_ids.contains(&d.code.as_str()) {
            rule_ids.push(&d.code);
        }
    }
    rule_ids.sort_unstable();
    let rules: Vec<Value> = rule_ids
        .iter()
        .map(|id| {
            let info = describe(id);
            json!({
                "id": id,
                "shortDescription": {"text": info.map_or(*id, |c| c.summary)},
                "helpUri": format!("https://github.com/vitae-rs/vitae/blob/main/docs/diagnostics.md#{}", anchor(id)),
                "defaultConfiguration": {"level": level(info.map_or(Severity::Error, |c| c.severity))},
            })
        })
        .collect();
    let mut results = Vec::new();
    for f in files {
        for d in &f.diagnostics {
            let rule_index = rule_ids.iter().position(|r| *r == d.code).unwrap_or(0);
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str("\nhelp: ");
                text.push_str(help);
            }
            let mut location = json!({
                "physicalLocation": {
                    "artifactLocation": {"uri": uri(&f.name)},
                    "region": {
                        "startLine": d.line,
                        "startColumn": d.column,
                        "endLine": d.end_line,
                        "endColumn": d.end_column.max(1),
                    }
                }
            });
            if !d.pointer.is_empty() {
                location["logicalLocations"] = json!([{
                    "fullyQualifiedName": d.pointer,
                    "kind": "member",
                }]);
            }
            results.push(json!({
                "ruleId": d.code,
                "ruleIndex": rule_index,
                "level": level(d.severity),
                "message": {"text": text},
                "locations": [location],
            }));
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "vitae",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/vitae-rs/vitae",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

/// The docs anchor of a code: `lint/end-before-start` → `lintend-before-start`.
fn anchor(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// A file name as a URI reference: URLs stay, paths get forward slashes and
/// percent-encoding of everything but unreserved characters and `/`.
fn uri(name: &str) -> String {
    if name.starts_with("http://") || name.starts_with("https://") {
        return name.to_owned();
    }
    let path = name.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_uri_references() {
        assert_eq!(uri("./cv/my resume.json"), "cv/my%20resume.json");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
        assert_eq!(uri("https://x.org/r.json"), "https://x.org/r.json");
        assert_eq!(anchor("lint/end-before-start"), "lintend-before-start");
    }
}
