//! A closed stdout (`vitae validate … | head -1`) ends the output quietly: no panic, no
//! error storm, and the exit code still says what was found. The same with stderr
//! closed as well (`2>&1 | head -1`), where a panic would show only as exit code 101.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::fixture;

/// A pipe whose reading end is already closed: every write to it fails with EPIPE.
fn closed_pipe() -> std::io::PipeWriter {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    writer
}

struct Run {
    code: Option<i32>,
    stderr: String,
}

fn run_closed(dir: &Path, args: &[&str], close_stderr: bool) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vitae"));
    cmd.args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(closed_pipe());
    if close_stderr {
        cmd.stderr(closed_pipe());
    } else {
        cmd.stderr(Stdio::piped());
    }
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn a_closed_stdout_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Many findings, so there is plenty to write.
    let work: Vec<serde_json::Value> = (0..500)
        .map(|i| serde_json::json!({"name": format!("E{i}"), "startDate": "June 2020"}))
        .collect();
    std::fs::write(
        d.join("many.json"),
        serde_json::json!({"basics": {"name": "Ada"}, "work": work}).to_string(),
    )
    .unwrap();
    let sample = fixture("jsonresume/sample.resume.json");
    std::fs::copy(&sample, d.join("sample.json")).unwrap();
    std::fs::write(d.join("list.json"), "[1]").unwrap();
    let cases: Vec<(Vec<&str>, i32)> = vec![
        (vec!["validate", "many.json"], 1),
        (
            vec!["validate", "--format", "json", "many.json", "sample.json"],
            1,
        ),
        (vec!["validate", "sample.json"], 0),
        // A file that cannot be read still says so on stderr, with exit 2.
        (vec!["validate", "sample.json", "missing.json"], 2),
        (vec!["convert", "many.json", "--to", "yaml"], 1),
        (vec!["convert", "sample.json", "--to", "toml"], 0),
        (vec!["migrate", "many.json"], 0),
        (vec!["diff", "sample.json", "many.json"], 1),
        (vec!["schema"], 0),
        (vec!["render", "sample.json"], 0),
    ];
    for (args, code) in &cases {
        let run = run_closed(d, args, false);
        let line = format!("`vitae {}`", args.join(" "));
        assert_eq!(run.code, Some(*code), "{line}: {}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{line}: {}", run.stderr);
        assert!(
            !run.stderr.contains("cannot write to stdout") && !run.stderr.contains("Broken pipe"),
            "{line}: {}",
            run.stderr
        );
        if *code == 2 {
            assert!(
                run.stderr.contains("missing.json"),
                "{line}: {}",
                run.stderr
            );
        }
        // Both streams closed: a panic would be exit 101.
        let run = run_closed(d, args, true);
        assert_eq!(run.code, Some(*code), "{line} with stderr closed too");
    }
    // An error printed to a closed stderr is not a panic either.
    let run = run_closed(d, &["convert", "list.json"], true);
    assert_eq!(run.code, Some(2));
}
