//! `vitae validate` inputs: directories, globs, URLs (from a server the test starts on
//! 127.0.0.1), `--schema`, `--check-links`, and a batch of 1,000 resumes.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;

use serde_json::Value;

use crate::support::{fixture, run, stderr, stdout};

const VALID: &str = "{\"basics\": {\"name\": \"Ada\"}}";

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The files a run reported on, from `--format json` plus `-v`-free stderr.
fn summary(out: &std::process::Output) -> Value {
    let text = stdout(out);
    serde_json::from_str(text.lines().last().expect("a summary line")).unwrap()
}

#[test]
fn directories_are_searched_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "cv/resume.json", VALID);
    write(d, "cv/ada.resume.yaml", "basics:\n  name: 1\n");
    write(
        d,
        "cv/nested/deep/resume.toml",
        "[basics]\nname = \"Ada\"\n",
    );
    write(d, "cv/notes.json", "not a resume, not read");
    write(d, "cv/.hidden/resume.json", "{broken");
    write(d, "cv/node_modules/x/resume.json", "{broken");
    let out = run(d, &["validate", "--format", "json", "cv"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(summary(&out)["files"], 3);
    assert_eq!(summary(&out)["invalid"], 1);
    let text = stdout(&out);
    assert!(text.contains("cv/ada.resume.yaml"), "{text}");

    let out = run(d, &["validate", "cv/nested"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    write(d, "empty/readme.md", "");
    let out = run(d, &["validate", "empty"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no resume files in `empty`"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_do_not_hang_the_search() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "cv/resume.json", VALID);
    std::os::unix::fs::symlink(d.join("cv"), d.join("cv/loop")).unwrap();
    std::os::unix::fs::symlink(d.join("cv/resume.json"), d.join("cv/linked.resume.json")).unwrap();
    let out = run(d, &["validate", "--format", "json", "cv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        summary(&out)["files"],
        2,
        "the file link is followed, the loop is not"
    );
}

#[test]
fn globs_match_any_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.json", VALID);
    write(d, "b.json", VALID);
    write(d, "c.yaml", "basics:\n  name: Ada\n");
    let out = run(d, &["validate", "--format", "json", "*.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(summary(&out)["files"], 2);
    // The same file twice is checked once.
    let out = run(d, &["validate", "--format", "json", "*.json", "a.json"]);
    assert_eq!(summary(&out)["files"], 2);
    let out = run(d, &["validate", "*.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no files match `*.toml`"));
}

#[test]
fn unreadable_inputs_exit_2_but_the_others_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bad.json", "{\"basics\": {\"name\": 1}}");
    let out = run(
        dir.path(),
        &["validate", "--format", "json", "bad.json", "missing.json"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.json"));
    assert_eq!(summary(&out)["invalid"], 1);
    let out = run(dir.path(), &["validate", "--format", "yaml", "bad.json"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown format is a usage error"
    );
}

/// A tiny HTTP/1.1 server on 127.0.0.1 that answers `count` requests, then stops.
fn serve(count: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(count) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
                    break;
                }
            }
            let mut parts = request.split_whitespace();
            let method = parts.next().unwrap_or("");
            let path = parts.next().unwrap_or("");
            let (status, extra, body): (&str, String, Vec<u8>) = match path {
                "/resume.json" => ("200 OK", String::new(), VALID.into()),
                "/bad.yaml" => ("200 OK", String::new(), b"basics:\n  name: 1\n".to_vec()),
                "/moved" => ("302 Found", "Location: /resume.json\r\n".into(), Vec::new()),
                "/loop" => ("302 Found", "Location: /loop\r\n".into(), Vec::new()),
                "/to-file" => (
                    "302 Found",
                    "Location: file:///etc/passwd\r\n".into(),
                    Vec::new(),
                ),
                "/big" => ("200 OK", String::new(), vec![b' '; 6 * 1024 * 1024]),
                "/no-head" if method == "HEAD" => {
                    ("405 Method Not Allowed", String::new(), Vec::new())
                }
                "/no-head" | "/alive" => ("200 OK", String::new(), b"hello".to_vec()),
                "/schema.json" => (
                    "200 OK",
                    String::new(),
                    b"{\"type\":\"object\",\"required\":[\"basics\"]}".to_vec(),
                ),
                _ => ("404 Not Found", String::new(), b"nope".to_vec()),
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n{extra}\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            if method != "HEAD" {
                let _ = stream.write_all(&body);
            }
        }
    });
    base
}

#[test]
fn urls_are_fetched_with_limits() {
    let base = serve(64);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let url = |p: &str| format!("{base}{p}");

    let out = run(d, &["validate", "--format", "json", &url("/resume.json")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let out = run(d, &["validate", "--format", "json", &url("/bad.yaml")]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let first: Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert_eq!(first["file"], url("/bad.yaml"));
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(2), Some(9))
    );

    let out = run(d, &["validate", &url("/moved")]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "a redirect is followed: {}",
        stderr(&out)
    );

    for (path, why) in [
        ("/missing.json", "404"),
        ("/loop", "redirect"),
        ("/to-file", "redirects to `file:///etc/passwd`"),
        ("/big", "larger than the 5 MiB"),
    ] {
        let out = run(d, &["validate", &url(path)]);
        assert_eq!(out.status.code(), Some(2), "{path}");
        assert!(stderr(&out).contains(why), "{path}: {}", stderr(&out));
    }
}

#[test]
fn dead_links_are_warnings() {
    let base = serve(64);
    let dir = tempfile::tempdir().unwrap();
    let resume = format!(
        "{{\"basics\": {{\"name\": \"Ada\", \"url\": \"{base}/alive\",\n\"profiles\": [{{\"network\": \"x\", \"url\": \"{base}/gone\"}}, {{\"network\": \"y\", \"url\": \"{base}/no-head\"}}]}}}}"
    );
    write(dir.path(), "resume.json", &resume);
    let out = run(
        dir.path(),
        &["validate", "--format", "json", "--check-links", "."],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "warnings only: {}",
        stdout(&out)
    );
    let dead: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v["code"] == "lint/dead-link")
        .collect();
    assert_eq!(dead.len(), 1, "{}", stdout(&out));
    assert_eq!(dead[0]["pointer"], "/basics/profiles/0/url");
    assert_eq!(dead[0]["severity"], "warning");
    assert_eq!(dead[0]["line"], 2);
    assert!(dead[0]["message"].as_str().unwrap().contains("404"));
    let out = run(dir.path(), &["validate", "--strict", "--check-links", "."]);
    assert_eq!(out.status.code(), Some(1));
    // Without the flag, nothing is requested.
    let out = run(dir.path(), &["validate", "--format", "json", "."]);
    assert!(!stdout(&out).contains("dead-link"));
}

#[test]
fn the_schema_can_be_chosen() {
    let base = serve(8);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // v1.0.0 of the standard allows no unknown top-level field; the current one does.
    write(
        d,
        "r.json",
        "{\"basics\": {\"name\": \"Ada\"}, \"x-extra\": 1}",
    );
    let code = |args: &[&str]| run(d, args).status.code();
    assert_eq!(code(&["validate", "r.json"]), Some(0));
    assert_eq!(code(&["validate", "--schema", "latest", "r.json"]), Some(0));
    let out = run(
        d,
        &[
            "validate", "--format", "json", "--schema", "v1.0.0", "r.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let first: Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert_eq!(first["code"], "schema/additionalProperties");
    assert_eq!(first["pointer"], "/x-extra");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(1), Some(29))
    );

    write(
        d,
        "own.schema.json",
        "{\"type\": \"object\", \"required\": [\"work\"]}",
    );
    let out = run(
        d,
        &[
            "validate",
            "--format",
            "json",
            "--schema",
            "own.schema.json",
            "r.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("schema/required"));
    let schema_url = format!("{base}/schema.json");
    assert_eq!(
        code(&["validate", "--schema", &schema_url, "r.json"]),
        Some(0)
    );
    assert_eq!(code(&["validate", "--schema", "v9.9.9", "r.json"]), Some(2));
    write(d, "not-a-schema.json", "{\"type\": 12}");
    assert_eq!(
        code(&["validate", "--schema", "not-a-schema.json", "r.json"]),
        Some(2)
    );
}

#[test]
fn a_batch_of_a_thousand_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let sample = std::fs::read_to_string(fixture("valid/sample.resume.json")).unwrap();
    for i in 0..1000 {
        let text = if i % 100 == 7 {
            sample.replacen("\"startDate\": \"", "\"startDate\": \"June ", 1)
        } else {
            sample.clone()
        };
        write(dir.path(), &format!("batch/{i:04}.resume.json"), &text);
    }
    let out = run(dir.path(), &["validate", "--format", "json", "batch"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let s = summary(&out);
    assert_eq!(s["files"], 1000);
    assert_eq!(s["invalid"], 10);
    assert_eq!(s["valid"], 990);
    let failing: Vec<String> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v["severity"] == "error")
        .map(|v| v["file"].as_str().unwrap().to_owned())
        .collect();
    let expected: Vec<String> = (0..10)
        .map(|k| format!("batch/{:04}.resume.json", k * 100 + 7))
        .collect();
    assert_eq!(failing, expected, "results come in input order");
}
