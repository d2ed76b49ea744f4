//! `docs/diagnostics.md` documents every code, and every code vitae emits is declared.

use std::collections::BTreeSet;

use serde_json::Value;
use vitae::validate::CODES;

use crate::support::{files_in, fixture, run, stdout};

fn doc() -> String {
    std::fs::read_to_string(fixture("../docs/diagnostics.md")).unwrap()
}

#[test]
fn every_declared_code_has_a_section_with_an_example() {
    let doc = doc();
    for code in CODES {
        let heading = format!("### `{}`", code.code);
        let at = doc
            .find(&heading)
            .unwrap_or_else(|| panic!("{} is not documented", code.code));
        let section = &doc[at + heading.len()..];
        let section = &section[..section.find("\n### ").unwrap_or(section.len())];
        assert!(
            section.contains("```")
                || code.code == "schema/unevaluatedProperties"
                || code.code.starts_with("schema/exclusive")
                || code.code == "schema/other",
            "{} has no example",
            code.code
        );
    }
    let documented: BTreeSet<&str> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("### `")?.strip_suffix('`'))
        .collect();
    let declared: BTreeSet<&str> = CODES.iter().map(|c| c.code).collect();
    assert_eq!(documented, declared, "documented and declared codes differ");
}

#[test]
fn every_code_emitted_on_the_fixtures_is_declared() {
    let mut inputs: Vec<String> = Vec::new();
    for dir in [
        "invalid",
        "valid",
        "corpus/resume-json",
        "corpus/resume-yaml",
        "jsonresume/examples",
    ] {
        for ext in ["json", "yaml", "yml", "toml"] {
            inputs.extend(
                files_in(&fixture(dir), ext)
                    .iter()
                    .map(|p| p.display().to_string()),
            );
        }
    }
    let mut args = vec!["validate", "--format", "json"];
    args.extend(inputs.iter().map(String::as_str));
    let out = run(&fixture(""), &args);
    let emitted: BTreeSet<String> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter_map(|v| v["code"].as_str().map(str::to_owned))
        .collect();
    assert!(emitted.len() >= 15, "{emitted:?}");
    for code in &emitted {
        assert!(
            vitae::validate::codes::describe(code).is_some(),
            "{code} is emitted but not declared"
        );
        let exact = CODES.iter().any(|c| c.code == code);
        assert!(exact || code.starts_with("schema/"), "{code}");
    }
}
