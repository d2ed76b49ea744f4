//! `vitae convert`: formats, files, errors and exit codes.

use std::path::Path;

use serde_json::{Value, json};
use vitae::load::{self, Format};

use crate::support::{fixture, run, run_with_stdin, stderr, stdout};

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

fn parse(text: &str, format: Format) -> Value {
    load::parse(text, format)
        .unwrap_or_else(|e| panic!("{e}\n{text}"))
        .value
}

/// Files in `dir`, sorted: a failed run must not leave temporary files behind.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn formats_come_from_flags_then_extensions_and_stdout_is_json() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "cv.yaml",
        "basics:\n  name: Zoë\n  phone: 0123\nwork:\n  - name: X\n    startDate: 2020-01\n",
    );
    let expected = json!({"basics": {"name": "Zoë", "phone": "0123"}, "work": [{"name": "X", "startDate": "2020-01"}]});

    let out = run(d, &["convert", "cv.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("\"name\": \"Zoë\""), "unicode as is: {text}");
    assert_eq!(parse(&text, Format::Json), expected);

    let out = run(d, &["convert", "cv.yaml", "-o", "cv.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let toml = read(d, "cv.toml");
    assert!(toml.contains("startDate = \"2020-01\""), "{toml}");
    assert_eq!(parse(&toml, Format::Toml), expected);

    let out = run(d, &["convert", "cv.toml", "--to", "yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let yaml = stdout(&out);
    assert!(yaml.contains("phone: \"0123\""), "{yaml}");
    assert_eq!(parse(&yaml, Format::Yaml), expected);

    // stdin, with the syntax given.
    let out = run_with_stdin(
        d,
        &["convert", "-", "--from", "yaml", "--to", "json"],
        b"a: yes\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(parse(&stdout(&out), Format::Json), json!({"a": "yes"}));

    // `-o -` is stdout, as `-` is stdin: no file named `-`, for every command with -o.
    for (args, shown) in [
        (&["convert", "cv.yaml", "-o", "-"][..], "\"Zoë\""),
        (&["migrate", "cv.yaml", "-o", "-"], "Zoë"),
        (
            &["render", "cv.yaml", "--theme", "markdown", "-o", "-"],
            "# Zoë",
        ),
        (&["schema", "-o", "-"], "\"basics\""),
    ] {
        let out = run(d, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).contains(shown), "{args:?}: {}", stdout(&out));
        assert!(!d.join("-").exists(), "{args:?} wrote a file named `-`");
    }
    assert_eq!(
        parse(
            &stdout(&run(d, &["convert", "cv.yaml", "-o", "-"])),
            Format::Json
        ),
        expected
    );

    // An explicit format that contradicts the output's extension is refused.
    let out = run(d, &["convert", "cv.yaml", "--to", "yaml", "-o", "out.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--to yaml"), "{}", stderr(&out));
    assert!(!d.join("out.json").exists());
}

#[test]
fn fresh_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let sample = fixture("jsonresume/sample.resume.json");
    let sample = sample.to_str().unwrap();
    let out = run(d, &["convert", sample, "--to", "fresh", "-o", "fresh.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Without --report, one note about extension keys.
    let note = stderr(&out);
    assert!(
        note.starts_with("note: 4 fields with no place in FRESH kept under x-"),
        "{note}"
    );
    let fresh = parse(&read(d, "fresh.yaml"), Format::Yaml);
    assert_eq!(fresh["meta"]["format"], "FRESH@1.0.0");
    assert_eq!(fresh["employment"]["history"][0]["employer"], "Pied Piper");

    // FRESH is recognised by content; the default target is JSON Resume.
    let out = run(d, &["convert", "fresh.yaml", "-o", "back.json", "--report"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let back = parse(&read(d, "back.json"), Format::Json);
    let original = parse(&std::fs::read_to_string(sample).unwrap(), Format::Json);
    assert_eq!(back, original);
    let report = stderr(&out);
    assert!(
        report.starts_with("converted fresh.yaml (FRESH in YAML) to JSON Resume in JSON: "),
        "{report}"
    );
    assert!(
        report.contains("  renamed /employment/history → /work\n"),
        "{report}"
    );
    assert!(
        report.contains("  renamed /employment/history/*/employer → /work/*/name\n"),
        "{report}"
    );
    assert!(
        report.contains(
            "  renamed /employment/history/*/x-jsonresume-description → /work/*/description (restored from its extension key)\n"
        ),
        "{report}"
    );

    // --from fresh reads a document as FRESH even when nothing says so.
    write(d, "plain.json", "{\"name\": \"Ada\"}");
    let out = run(d, &["convert", "plain.json", "--from", "fresh", "-q"]);
    assert_eq!(
        parse(&stdout(&out), Format::Json),
        json!({"basics": {"name": "Ada"}})
    );
    let out = run(d, &["convert", "plain.json", "-q"]);
    assert_eq!(parse(&stdout(&out), Format::Json), json!({"name": "Ada"}));
}

#[test]
fn invalid_json_in_the_corpus_is_reported_with_its_position() {
    let dir = fixture("corpus/resume-json");
    for (file, position) in [
        ("025_DavidEngland_resume.json", "299:1"),
        ("027_atomfinger_resume.json", "183:3"),
    ] {
        let out = run(&dir, &["convert", file, "--to", "yaml"]);
        assert_eq!(out.status.code(), Some(2), "{file}");
        assert_eq!(stdout(&out), "");
        let err = stderr(&out);
        assert!(
            err.starts_with(&format!("error: {file}:{position}: JSON syntax error: ")),
            "{err}"
        );
    }
}

#[test]
fn a_failed_conversion_leaves_the_output_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "null.json",
        "{\n  \"work\": [\n    {\"name\": \"A\", \"endDate\": null}\n  ]\n}\n",
    );
    write(d, "broken.yaml", "basics:\n  name: [unclosed\n");
    write(d, "out.toml", "previous = \"content\"\n");
    let before = listing(d);

    let out = run(d, &["convert", "null.json", "-o", "out.toml"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with(
            "error: null.json:3:30: cannot convert to JSON Resume in TOML: TOML has no null"
        ),
        "{err}"
    );
    assert!(err.contains("`/work/0/endDate`"), "{err}");
    assert_eq!(read(d, "out.toml"), "previous = \"content\"\n");

    let out = run(d, &["convert", "broken.yaml", "-o", "out.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: broken.yaml:"),
        "{}",
        stderr(&out)
    );
    assert_eq!(read(d, "out.toml"), "previous = \"content\"\n");

    let out = run(d, &["convert", "missing.json", "-o", "out.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(read(d, "out.toml"), "previous = \"content\"\n");
    assert_eq!(listing(d), before, "no temporary files left");

    // A successful one replaces it.
    let out = run(
        d,
        &["convert", "broken.yaml", "--from", "json", "-o", "out.toml"],
    );
    assert_eq!(out.status.code(), Some(2), "YAML is not JSON");
    write(d, "ok.json", "{\"a\": 1}");
    let out = run(d, &["convert", "ok.json", "-o", "out.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(read(d, "out.toml"), "a = 1\n");
}

#[test]
fn the_input_is_never_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "cv.json", "{\"basics\": {\"name\": \"Ada\"}}");
    for target in ["cv.json", "./cv.json"] {
        let out = run(d, &["convert", "cv.json", "-o", target]);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains("is the input file"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(read(d, "cv.json"), "{\"basics\": {\"name\": \"Ada\"}}");
}

#[test]
fn old_field_names_get_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let legacy = fixture("jsonresume/legacy-examples/sample.resume.v0.0.16.json");
    let out = run(
        dir.path(),
        &["convert", legacy.to_str().unwrap(), "--to", "yaml"],
    );
    // Converted all the same, but it breaks the current schema (an empty `url`): exit 1.
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("  website: http://richardhendricks.com\n"));
    assert!(
        stderr(&out).contains("uses field names of an older JSON Resume version"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains(":21:16: error[schema/format]: `url` is empty"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("converted, but it is not valid JSON Resume"),
        "{}",
        stderr(&out)
    );
    // `-q` drops the hint, not the error behind the exit code.
    let out = run(dir.path(), &["convert", legacy.to_str().unwrap(), "-q"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !stderr(&out).contains("older JSON Resume version"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("error[schema/format]"),
        "{}",
        stderr(&out)
    );
}
