//! `vitae diff`: exit codes, output formats, `--ignore`, colour and errors.

use serde_json::Value;

use crate::support::{fixture, run, run_with_stdin, stderr, stdout};

fn diff_dir() -> std::path::PathBuf {
    fixture("diff")
}

#[test]
fn exit_codes_are_like_diff() {
    let dir = diff_dir();
    let same = run(
        &dir,
        &["diff", "keys-reordered/old.json", "keys-reordered/new.json"],
    );
    assert_eq!(same.status.code(), Some(0), "{}", stderr(&same));
    assert_eq!(stdout(&same), "");

    let differ = run(
        &dir,
        &["diff", "end-date-added/old.json", "end-date-added/new.json"],
    );
    assert_eq!(differ.status.code(), Some(1), "{}", stderr(&differ));
    assert_eq!(
        stdout(&differ),
        "work \"GetHarley — Senior Frontend Engineer\": endDate added: \"2025-03-31\"\n"
    );

    let missing = run(&dir, &["diff", "end-date-added/old.json", "nope.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("nope.json"),
        "{}",
        stderr(&missing)
    );
    assert_eq!(stdout(&missing), "");
}

#[test]
fn json_against_yaml_of_the_same_resume_has_no_differences() {
    let dir = diff_dir();
    for format in ["human", "json", "json-patch", "markdown"] {
        let out = run(
            &dir,
            &[
                "diff",
                "json-vs-yaml/old.json",
                "json-vs-yaml/new.yaml",
                "--format",
                format,
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stdout(&out));
    }
    let valid = fixture("valid");
    let out = run(
        &valid,
        &["diff", "sample.resume.toml", "sample.resume.yaml"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn json_patch_output_is_rfc_6902_and_applies() {
    let dir = diff_dir();
    let out = run(
        &dir,
        &[
            "diff",
            "job-added-at-top/old.json",
            "job-added-at-top/new.json",
            "--format",
            "json-patch",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let patch: Vec<json_patch::PatchOperation> = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(patch.len(), 1);
    let read = |p: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(dir.join(p)).unwrap()).unwrap()
    };
    let mut doc = read("job-added-at-top/old.json");
    json_patch::patch(&mut doc, &patch).unwrap();
    assert_eq!(doc, read("job-added-at-top/new.json"));
}

#[test]
fn json_output_names_the_inputs_and_lists_changes() {
    let dir = diff_dir();
    let out = run(
        &dir,
        &[
            "diff",
            "skills-changed/old.json",
            "skills-changed/new.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let report: vitae::diff::render::JsonReport = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report.old, "skills-changed/old.json");
    assert_eq!(report.changes.len(), 5);
    assert_eq!(report.changes[0].entry.as_deref(), Some("Jira"));
}

#[test]
fn markdown_output_has_headings_counts_and_names() {
    let dir = diff_dir();
    let out = run(
        &dir,
        &[
            "diff",
            "unicode/old.yaml",
            "unicode/new.json",
            "--format",
            "markdown",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.starts_with("## Resume changes\n"), "{text}");
    assert!(
        text.contains("**4 changes** (1 added, 1 removed, 2 changed)"),
        "{text}"
    );
    assert!(
        text.contains("### languages (1)\n\n- Added **日本語**"),
        "{text}"
    );
    assert!(
        text.contains("### basics.profiles (1)\n\n- Removed **Xing**"),
        "{text}"
    );
}

#[test]
fn ignore_leaves_paths_out() {
    let dir = diff_dir();
    let args = ["diff", "end-date-added/old.json", "end-date-added/new.json"];
    let out = run(
        &dir,
        &[&args[..], &["--ignore", "/work/*/endDate"]].concat(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    let args = [
        "diff",
        "sections-added-removed/old.json",
        "sections-added-removed/new.json",
    ];
    let out = run(
        &dir,
        &[
            &args[..],
            &[
                "--ignore", "/meta", "--ignore", "/x-talks", "--ignore", "/basics",
            ],
        ]
        .concat(),
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(
        text.starts_with("references: section removed (2 entries)"),
        "{text}"
    );

    let bad = run(&dir, &[&args[..], &["--ignore", "meta"]].concat());
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("must start with `/`"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let dir = diff_dir();
    let args = ["diff", "end-date-added/old.json", "end-date-added/new.json"];
    let always = run(&dir, &[&args[..], &["--color", "always"]].concat());
    assert!(
        stdout(&always).contains("\x1b[32m"),
        "{:?}",
        stdout(&always)
    );
    // Not a terminal: `auto` does not colour.
    let auto = run(&dir, &args);
    assert!(!stdout(&auto).contains('\x1b'));
    let never = run(&dir, &[&args[..], &["--color", "never"]].concat());
    assert!(!stdout(&never).contains('\x1b'));
}

#[test]
fn stdin_is_one_side() {
    let dir = diff_dir();
    let old = std::fs::read(dir.join("end-date-added/old.json")).unwrap();
    let out = run_with_stdin(
        &dir,
        &["diff", "-", "end-date-added/new.json", "--format", "json"],
        &old,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"old\": \"<stdin>\""));

    // Refused before reading anything.
    let both = run(&dir, &["diff", "-", "-"]);
    assert_eq!(both.status.code(), Some(2));
    assert!(
        stderr(&both).contains("only one of OLD and NEW"),
        "{}",
        stderr(&both)
    );
}

#[test]
fn unreadable_input_is_an_error_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.json"), "{\"basics\": {}}\n").unwrap();
    std::fs::write(dir.path().join("b.json"), "{\"basics\": {,}}\n").unwrap();
    let out = run(dir.path(), &["diff", "a.json", "b.json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("b.json:1:13: JSON syntax error"), "{err}");
    assert_eq!(stdout(&out), "");
}

#[test]
fn a_fresh_resume_and_its_json_resume_twin_have_no_differences() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = crate::support::fixture("corpus/fresh/001_lovethebomb_resume.lucas.computer.json");
    let out = run(
        dir.path(),
        &["convert", fresh.to_str().unwrap(), "-o", "twin.yaml"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = run(dir.path(), &["diff", fresh.to_str().unwrap(), "twin.yaml"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    // And a real change still shows.
    let twin = std::fs::read_to_string(dir.path().join("twin.yaml")).unwrap();
    std::fs::write(
        dir.path().join("edited.yaml"),
        twin.replacen("name: ", "name: X", 1),
    )
    .unwrap();
    let out = run(
        dir.path(),
        &["diff", fresh.to_str().unwrap(), "edited.yaml"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn a_key_written_twice_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.json"), "{\"basics\": {}}\n").unwrap();
    std::fs::write(
        dir.path().join("b.json"),
        "{\"basics\": {\"name\": \"A\",\n  \"name\": \"B\"}}\n",
    )
    .unwrap();
    let out = run(dir.path(), &["diff", "a.json", "b.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("b.json:2:3: the key `name` is written twice"),
        "{}",
        stderr(&out)
    );
}
