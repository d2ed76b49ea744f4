//! `vitae validate`: lines, positions and exit codes.

use crate::support::{fixture, run, run_with_stdin, stderr, stdout};

#[test]
fn valid_files_exit_zero_in_every_format() {
    let dir = fixture("valid");
    for file in [
        "sample.resume.json",
        "sample.resume.yaml",
        "sample.resume.toml",
    ] {
        let out = run(&dir, &["validate", file]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{file}: {}{}",
            stdout(&out),
            stderr(&out)
        );
    }
}

#[test]
fn problems_are_reported_at_their_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.json"),
        "{\n  \"basics\": {\"email\": \"nope\"},\n  \"work\": [\n    {\"startDate\": \"June 2012\"}\n  ]\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("bad.yaml"),
        "basics:\n  email: nope\nwork:\n  - startDate: June 2012\n",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &["validate", "--format", "concise", "bad.json", "bad.yaml"],
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("bad.json:2:23: error[schema/format]"),
        "{text}"
    );
    assert!(
        text.contains("bad.json:4:19: error[schema/pattern]"),
        "{text}"
    );
    assert!(
        text.contains("bad.yaml:2:10: error[schema/format]"),
        "{text}"
    );
    assert!(
        text.contains("bad.yaml:4:16: error[schema/pattern]"),
        "{text}"
    );
}

#[test]
fn syntax_errors_are_findings_and_missing_files_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.json"), "{\"basics\": {,}}").unwrap();
    let out = run(
        dir.path(),
        &["validate", "--format", "concise", "broken.json"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("broken.json:1:13: error[parse/syntax]"),
        "{}",
        stdout(&out)
    );

    let out = run(dir.path(), &["validate", "missing.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.json"), "{}", stderr(&out));

    let out = run(dir.path(), &["validate"]);
    assert_eq!(out.status.code(), Some(2), "usage errors exit 2");
}

#[test]
fn stdin_is_read_with_dash() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_with_stdin(
        dir.path(),
        &["validate", "--format", "concise", "-"],
        b"{\"basics\": {\"name\": 1}}",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).starts_with("<stdin>:1:21: error[schema/type]"),
        "{}",
        stdout(&out)
    );
    let out = run_with_stdin(dir.path(), &["validate", "-"], b"basics:\n  name: Ada\n");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}
