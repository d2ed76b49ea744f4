//! `vitae validate --format …`: each output parsed back by its consumer's rules, and the
//! exit codes of `--strict` and `--no-lint`.

use serde_json::Value;

use crate::support::{fixture, run, run_with_stdin, stdout};

const BROKEN: &[&str] = &[
    "broken.resume.json",
    "broken.resume.yaml",
    "broken.resume.toml",
];

fn validate(format: &str) -> String {
    let mut args = vec!["validate", "--format", format];
    args.extend(BROKEN);
    let out = run(&fixture("invalid"), &args);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    stdout(&out)
}

/// The concise lines, as (file, line, column, severity, code).
fn concise() -> Vec<(String, usize, usize, String, String)> {
    validate("concise")
        .lines()
        .map(|l| {
            let mut parts = l.splitn(4, ':');
            let file = parts.next().unwrap().to_owned();
            let line = parts.next().unwrap().parse().unwrap();
            let col = parts.next().unwrap().parse().unwrap();
            let rest = parts.next().unwrap().trim_start();
            let (sev, rest) = rest.split_once('[').unwrap();
            let code = rest.split_once(']').unwrap().0.to_owned();
            (file, line, col, sev.to_owned(), code)
        })
        .collect()
}

#[test]
fn json_lines_parse_and_end_with_a_summary() {
    let text = validate("json");
    let records: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is one JSON object"))
        .collect();
    let (summary, diagnostics) = records.split_last().unwrap();
    let keys = [
        "type",
        "file",
        "code",
        "severity",
        "message",
        "pointer",
        "line",
        "column",
        "end_line",
        "end_column",
        "help",
    ];
    for d in diagnostics {
        let obj = d.as_object().unwrap();
        assert_eq!(obj.keys().map(String::as_str).collect::<Vec<_>>(), keys);
        assert_eq!(d["type"], "diagnostic");
        assert!(["error", "warning", "info"].contains(&d["severity"].as_str().unwrap()));
        assert!(d["line"].as_u64().unwrap() >= 1 && d["column"].as_u64().unwrap() >= 1);
        assert!(d["help"].is_string() || d["help"].is_null());
    }
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["files"], 3);
    assert_eq!(summary["valid"], 0);
    assert_eq!(summary["invalid"], 3);
    let count = |sev: &str| diagnostics.iter().filter(|d| d["severity"] == sev).count();
    assert_eq!(summary["errors"], count("error"));
    assert_eq!(summary["warnings"], count("warning"));
    // The same findings as the concise format, in the same order.
    let lines = concise();
    assert_eq!(lines.len(), diagnostics.len());
    for (d, (file, line, col, sev, code)) in diagnostics.iter().zip(&lines) {
        assert_eq!(
            (
                d["file"].as_str().unwrap(),
                d["line"].as_u64().unwrap() as usize,
                d["column"].as_u64().unwrap() as usize,
                d["severity"].as_str().unwrap(),
                d["code"].as_str().unwrap()
            ),
            (file.as_str(), *line, *col, sev.as_str(), code.as_str())
        );
    }
}

/// Undoes GitHub's escaping of a workflow command's data or property value.
fn unescape_github(text: &str) -> String {
    text.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

#[test]
fn github_commands_follow_the_workflow_syntax() {
    let text = validate("github");
    let lines = concise();
    assert_eq!(text.lines().count(), lines.len());
    for (cmd, (file, line, col, sev, code)) in text.lines().zip(&lines) {
        let rest = cmd.strip_prefix("::").expect("a command starts with ::");
        let (head, message) = rest.split_once("::").expect("properties :: message");
        let (name, props) = head.split_once(' ').unwrap();
        let expected = match sev.as_str() {
            "error" => "error",
            "warning" => "warning",
            _ => "notice",
        };
        assert_eq!(name, expected);
        // Property values may not hold raw `,` `:` or line ends, messages no line ends.
        let props: Vec<(&str, String)> = props
            .split(',')
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                assert!(!v.contains(':') && !v.contains('\n'), "{p}");
                (k, unescape_github(v))
            })
            .collect();
        let keys: Vec<&str> = props.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            keys,
            ["file", "line", "col", "endLine", "endColumn", "title"]
        );
        assert_eq!(props[0].1, *file);
        assert_eq!(props[1].1, line.to_string());
        assert_eq!(props[2].1, col.to_string());
        assert_eq!(props[5].1, *code);
        assert!(!message.contains('\n') && !message.contains('\r'));
        assert!(!unescape_github(message).is_empty());
    }
    // `%` and line ends are escaped.
    assert!(text.contains("%0Ahelp: "), "help follows on its own line");
}

#[test]
fn github_escaping_of_awkward_names_and_messages() {
    use vitae::report::github::{escape_data, escape_property};
    assert_eq!(escape_data("100% done\r\nnext"), "100%25 done%0D%0Anext");
    assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
}

#[test]
fn sarif_is_a_2_1_0_log_with_a_rules_table() {
    let text = validate("sarif");
    let log: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "vitae");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), concise().len());
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            rules[index]["id"], r["ruleId"],
            "ruleIndex points at its rule"
        );
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(
            BROKEN.contains(&loc["artifactLocation"]["uri"].as_str().unwrap()),
            "{loc}"
        );
        let region = &loc["region"];
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[key].as_u64().unwrap() >= 1, "{key}");
        }
    }
    for rule in rules {
        assert!(
            !rule["shortDescription"]["text"]
                .as_str()
                .unwrap()
                .is_empty()
        );
        assert!(
            results.iter().any(|r| r["ruleId"] == rule["id"]),
            "only rules that occur are listed"
        );
    }
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids, unique);
}

#[test]
fn junit_is_well_formed_with_one_testcase_per_file() {
    let dir = tempfile::tempdir().unwrap();
    // A file name that needs escaping, and a valid file.
    std::fs::write(
        dir.path().join("a&b <\"q\">.resume.json"),
        "{\"basics\": {\"name\": 1}}",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ok.resume.json"),
        "{\"basics\": {\"name\": \"Ada\"}}",
    )
    .unwrap();
    let out = run(dir.path(), &["validate", "--format", "junit", "."]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let suites = doc.root_element();
    assert_eq!(suites.tag_name().name(), "testsuites");
    assert_eq!(suites.attribute("tests"), Some("2"));
    assert_eq!(suites.attribute("failures"), Some("1"));
    let cases: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 2);
    let bad = cases
        .iter()
        .find(|c| c.attribute("name").unwrap().contains("a&b <\"q\">"))
        .expect("the name survives escaping");
    let failure = bad.children().find(|n| n.has_tag_name("failure")).unwrap();
    assert!(failure.text().unwrap().contains("schema/type"));
    let good = cases
        .iter()
        .find(|c| c.attribute("name").unwrap().contains("ok.resume.json"))
        .unwrap();
    assert!(!good.children().any(|n| n.has_tag_name("failure")));

    // The broken fixtures: three failing cases.
    let doc_text = validate("junit");
    let doc = roxmltree::Document::parse(&doc_text).expect("well-formed XML");
    let failures = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .count();
    assert_eq!(failures, 3);
}

#[test]
fn human_output_shows_the_line_a_caret_and_help() {
    let text = validate("human");
    let expected =
        "error[schema/pattern]: `June 2012` is not a date: use YYYY, YYYY-MM or YYYY-MM-DD
  --> broken.resume.json:25:20
   |
25 |       \"startDate\": \"June 2012\",
   |                    ^^^^^^^^^^^ help: write \"2012-06\"
";
    assert!(text.contains(expected), "{text}");
    assert!(!text.contains('\x1b'), "no colour when not a terminal");
    assert!(
        text.trim_end()
            .ends_with("3 files checked, 0 valid, 3 invalid (23 errors, 22 warnings, 3 notes)"),
        "{}",
        text.lines().last().unwrap()
    );
    // A JSON file without repeated keys takes the fast path: same excerpt.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("r.json"),
        "{\n  \"work\": [{\"startDate\": \"Mars 2019\"}]\n}\n",
    )
    .unwrap();
    let out = run(dir.path(), &["validate", "r.json"]);
    assert!(
        stdout(&out).contains(
            "2 |   \"work\": [{\"startDate\": \"Mars 2019\"}]\n  |                          ^^^^^^^^^^^ help: write \"2019-03\""
        ),
        "{}",
        stdout(&out)
    );
    let out = run(
        &fixture("invalid"),
        &["--color", "always", "validate", "broken.resume.json"],
    );
    assert!(stdout(&out).contains("\x1b[1;31merror[schema/type]\x1b[0m"));
}

#[test]
fn strict_and_no_lint_change_the_verdict() {
    let dir = tempfile::tempdir().unwrap();
    // Valid for the schema; one lint warning (a legacy name), one lint error.
    std::fs::write(
        dir.path().join("warn.json"),
        "{\"basics\": {\"name\": \"Ada\", \"website\": \"https://ada.example.com\"}}",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("lint-error.json"),
        "{\"work\": [{\"name\": \"Acme\", \"startDate\": \"2017-13\"}]}",
    )
    .unwrap();
    let code = |args: &[&str]| run(dir.path(), args).status.code();
    assert_eq!(code(&["validate", "warn.json"]), Some(0));
    assert_eq!(code(&["validate", "--strict", "warn.json"]), Some(1));
    assert_eq!(
        code(&["validate", "--strict", "--no-lint", "warn.json"]),
        Some(0)
    );
    assert_eq!(code(&["validate", "lint-error.json"]), Some(1));
    assert_eq!(code(&["validate", "--no-lint", "lint-error.json"]), Some(0));
    let out = run(
        dir.path(),
        &[
            "validate",
            "--no-lint",
            "--format",
            "concise",
            "lint-error.json",
        ],
    );
    assert_eq!(stdout(&out), "");
}

#[test]
fn stdin_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let input = b"basics:\n  name: Ada\n  email: nope\n";
    let out = run_with_stdin(dir.path(), &["validate", "--format", "json", "-"], input);
    assert_eq!(out.status.code(), Some(1));
    let first: Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert_eq!(first["file"], "<stdin>");
    assert_eq!(first["code"], "schema/format");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(3), Some(10))
    );
    let out = run_with_stdin(dir.path(), &["validate", "-"], input);
    assert!(
        stdout(&out).contains("--> <stdin>:3:10"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_syntax_error_is_a_finding_with_an_excerpt() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("broken.json"),
        "{\n  \"basics\": {\n    \"name\": \"Ada\",\n  }\n}\n",
    )
    .unwrap();
    let out = run(dir.path(), &["validate", "broken.json"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("error[parse/syntax]"), "{text}");
    assert!(text.contains("4 |   }"), "{text}");
    let out = run(dir.path(), &["validate", "--format", "json", "broken.json"]);
    let first: Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert_eq!(first["code"], "parse/syntax");
    assert_eq!(first["line"], 4);
}
