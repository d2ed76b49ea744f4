//! `vitae convert` on free-form CVs: by extension, by `--from text`, from stdin.

use crate::support::{fixture, run, run_with_stdin, stderr, stdout};

fn official_valid(value: &serde_json::Value) -> bool {
    let schema = vitae::schema::official("v1.3.1").unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
        .is_valid(value)
}

#[test]
fn a_text_cv_converts_to_a_valid_resume_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("text/seed-cv-source.txt"),
        dir.path().join("cv.txt"),
    )
    .unwrap();
    let out = run(dir.path(), &["convert", "cv.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let resume: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(resume["basics"]["name"], "Eric Koepke");
    assert!(official_valid(&resume));

    for (to, ext) in [("yaml", "yaml"), ("toml", "toml"), ("fresh", "json")] {
        let target = format!("cv.{to}.{ext}");
        let out = run(
            dir.path(),
            &["convert", "cv.txt", "--to", to, "-o", &target],
        );
        assert_eq!(out.status.code(), Some(0), "{to}: {}", stderr(&out));
        let written = std::fs::read_to_string(dir.path().join(&target)).unwrap();
        assert!(written.contains("Eric Koepke"), "{to}");
    }
}

#[test]
fn report_says_where_each_line_went() {
    let dir = fixture("text");
    let out = run(&dir, &["convert", "seed-cv-source.txt", "--report", "-q"]);
    assert_eq!(out.status.code(), Some(0));
    let report = stderr(&out);
    assert!(report.contains("kept in meta.x-vitae.unmapped"), "{report}");
    assert!(report.contains("/basics/name"), "{report}");
    assert!(report.contains("/work/0/position"), "{report}");
}

#[test]
fn stdin_needs_from_text_and_text_is_import_only() {
    let dir = tempfile::tempdir().unwrap();
    let cv = b"Jane Doe\nBackend Engineer\njane@example.com\n\nExperience\nSenior Engineer | ACME GmbH | 03/2019 - heute\n";
    let out = run_with_stdin(dir.path(), &["convert", "-", "--from", "text"], cv);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let resume: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(resume["work"][0]["startDate"], "2019-03");
    assert!(resume["work"][0].get("endDate").is_none());

    let out = run(
        &fixture("valid"),
        &["convert", "sample.resume.json", "--to", "text"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("import format"), "{}", stderr(&out));

    std::fs::write(dir.path().join("bad.txt"), b"Name\n\xff\xfe broken\n").unwrap();
    let out = run(dir.path(), &["convert", "bad.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bad.txt:2:1"), "{}", stderr(&out));
}

#[test]
fn markdown_is_an_export_through_the_markdown_theme() {
    let dir = tempfile::tempdir().unwrap();
    let sample = fixture("valid/sample.resume.yaml");
    let out = run(
        dir.path(),
        &["convert", sample.to_str().unwrap(), "--to", "markdown"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.starts_with("# Richard Hendriks\n"), "{md}");
    assert!(
        md.contains("## Experience") && md.contains("Pied Piper"),
        "{md}"
    );

    // `-o x.md` picks Markdown; a FRESH input is read as JSON Resume first.
    let fresh = fixture("corpus/fresh/001_lovethebomb_resume.lucas.computer.json");
    let out = run(
        dir.path(),
        &["convert", fresh.to_str().unwrap(), "-o", "lucas.md"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = std::fs::read_to_string(dir.path().join("lucas.md")).unwrap();
    assert!(md.starts_with("# Lucas Heym"), "{md}");

    let out = run(dir.path(), &["convert", "lucas.md", "--from", "markdown"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--from text"), "{}", stderr(&out));
}
