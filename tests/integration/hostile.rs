//! Hostile inputs through every command that reads documents: each run ends with exit
//! code 1 (a finding) or 2 (an error), says which file is at fault and where, never
//! panics, never hangs and stays within a memory bound (see `support::run_bounded`).
//!
//! Two kinds of input: *broken* ones (not a resume at all: bad syntax, too deep, too
//! big, empty, not an object, a directory…), which every command refuses, and
//! *invalid* ones (a well-formed resume with wrong values), which `validate`, `convert`
//! and `migrate` report as findings (exit 1), `diff` simply compares and `render`
//! refuses (exit 2) with their place.

use std::path::Path;
use std::process::Command;

use crate::support::{Bounded, fixture, run_bounded};

/// What a hostile input must give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Not a resume at all: every command ends with 1 or 2 and names the file.
    Broken,
    /// A well-formed resume with wrong values: a finding (exit 1) naming the file, from
    /// every command but `diff`, which compares it (exit 1: the documents differ).
    Invalid,
}

/// One hostile input: its file name, what it is, what it must give, and where the
/// message must point (`":line:col"` after the file name), when there is a place.
struct Input {
    name: String,
    what: &'static str,
    expect: Expect,
    at: Option<&'static str>,
}

fn put(
    dir: &Path,
    inputs: &mut Vec<Input>,
    name: &str,
    bytes: impl Into<Vec<u8>>,
    what: &'static str,
    at: Option<&'static str>,
) {
    std::fs::write(dir.join(name), bytes.into()).unwrap();
    inputs.push(Input {
        name: name.to_owned(),
        what,
        expect: Expect::Broken,
        at,
    });
}

/// The hostile documents, written into `dir`.
fn write_inputs(dir: &Path) -> Vec<Input> {
    let mut v = Vec::new();
    let i = &mut v;
    let deep = 200_000;
    put(
        dir,
        i,
        "deep.json",
        "[".repeat(deep),
        "JSON nested 200,000 deep",
        Some(":1:129"),
    );
    put(
        dir,
        i,
        "deep-closed.json",
        format!("{}{}", "[".repeat(deep), "]".repeat(deep)),
        "closed JSON nesting",
        Some(":1:129"),
    );
    put(
        dir,
        i,
        "deep-objects.json",
        "{\"a\":".repeat(deep),
        "JSON objects nested 200,000 deep",
        Some(":1:641"),
    );
    put(
        dir,
        i,
        "deep.yaml",
        "[".repeat(deep),
        "YAML flow nesting",
        None,
    );
    let block: String = (0..2_000)
        .map(|n| format!("{}a:\n", " ".repeat(n)))
        .collect();
    put(
        dir,
        i,
        "deep-block.yaml",
        block,
        "YAML block nesting",
        Some(":129:129"),
    );
    let dashes: String = (0..2_000)
        .map(|n| format!("{}-\n", " ".repeat(n)))
        .collect();
    put(
        dir,
        i,
        "deep-list.yaml",
        dashes,
        "YAML block lists nesting",
        None,
    );
    put(
        dir,
        i,
        "deep.toml",
        format!("a = {}", "[".repeat(deep)),
        "TOML array nesting",
        Some(":1:"),
    );
    put(
        dir,
        i,
        "deep-inline.toml",
        format!("a = {}", "{b = ".repeat(deep)),
        "TOML inline-table nesting",
        Some(":1:"),
    );
    put(
        dir,
        i,
        "bad-utf8.json",
        *b"{\"basics\": {\"name\": \"\xff\xfe\"}}",
        "invalid UTF-8",
        Some(":1:22"),
    );
    put(
        dir,
        i,
        "utf16.json",
        [0xFF, 0xFE, b'{', 0, b'}', 0],
        "UTF-16 text",
        Some(":1:1"),
    );
    put(
        dir,
        i,
        "nul.json",
        *b"{\"basics\": {\"name\": \"a\x00b\"}}",
        "NUL in a JSON string",
        Some(":1:23"),
    );
    put(
        dir,
        i,
        "nul-only.json",
        vec![0; 64],
        "NUL bytes",
        Some(":1:1"),
    );
    put(
        dir,
        i,
        "nul.yaml",
        *b"basics:\n  name: a\x00b\n",
        "NUL in YAML",
        Some(":2:10"),
    );
    put(
        dir,
        i,
        "nul.toml",
        *b"[basics]\nname = \"a\x00b\"\n",
        "NUL in TOML",
        Some(":2:"),
    );
    put(dir, i, "empty.json", "", "an empty JSON file", None);
    put(dir, i, "empty.yaml", "", "an empty YAML file", None);
    put(dir, i, "empty.toml", "", "an empty TOML file", None);
    put(
        dir,
        i,
        "bom-only.json",
        "\u{feff}",
        "a byte-order mark and nothing else",
        None,
    );
    put(dir, i, "blank.json", " \n\t\r\n", "white space only", None);
    put(
        dir,
        i,
        "comments.yaml",
        "# my resume\n---\n# to do\n",
        "YAML comments only",
        None,
    );
    put(
        dir,
        i,
        "comments.toml",
        "# my resume\n\n",
        "TOML comments only",
        None,
    );
    put(
        dir,
        i,
        "dup.json",
        r#"{"basics": {"name": "A", "name": "B"}}"#,
        "a duplicate key",
        Some(":1:26"),
    );
    put(
        dir,
        i,
        "dup.yaml",
        "basics:\n  name: A\n  name: B\n",
        "a duplicate YAML key",
        Some(":3:3"),
    );
    put(
        dir,
        i,
        "huge-number.json",
        r#"{"basics": {"name": 1e999}}"#,
        "a number out of range",
        Some(":1:21"),
    );
    put(
        dir,
        i,
        "huge-int.json",
        r#"{"x": 123456789012345678901234567890}"#,
        "an integer out of range",
        Some(":1:7"),
    );
    put(
        dir,
        i,
        "huge-int.toml",
        "[basics]\nname = 99999999999999999999999\n",
        "a TOML integer out of range",
        Some(":2:8"),
    );
    let mut big = b"{\"basics\": {\"name\": \"".to_vec();
    big.extend(std::iter::repeat_n(b'a', 50 * 1024 * 1024));
    big.extend(b"\"}}");
    put(dir, i, "big.json", big, "a 50 MB string", None);
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
    let mut prev = 'a';
    for name in ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] {
        bomb.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 9].join(", ")
        ));
        prev = name;
    }
    put(dir, i, "bomb.yaml", bomb, "a YAML alias bomb", None);
    put(
        dir,
        i,
        "alias-loop.yaml",
        "a: &a\n  b: *a\n",
        "a YAML alias to its own parent",
        Some(":2:6"),
    );
    put(
        dir,
        i,
        "bad.toml",
        "[basics\nname = \n",
        "malformed TOML",
        Some(":1:8"),
    );
    put(
        dir,
        i,
        "bad.json",
        "{\n  \"basics\": {\n    \"name\": \"A\",\n  }\n}\n",
        "a trailing comma",
        Some(":4:3"),
    );
    put(
        dir,
        i,
        "bad.yaml",
        "basics:\n  name: [a\n  label: b\n",
        "malformed YAML",
        Some(":"),
    );
    put(
        dir,
        i,
        "not-object.json",
        "[1, 2, 3]",
        "a list, not a resume",
        Some(":1:1"),
    );
    put(
        dir,
        i,
        "string.json",
        "\"resume\"",
        "text, not a resume",
        Some(":1:1"),
    );
    put(dir, i, "null.yaml", "~\n", "YAML null", Some(":1:1"));
    put(
        dir,
        i,
        "scalar.yaml",
        "just some words\n",
        "a YAML scalar",
        Some(":1:1"),
    );
    let mut invalid = |name: &str, text: &str, what: &'static str, at: &'static str| {
        std::fs::write(dir.join(name), text).unwrap();
        v.push(Input {
            name: name.to_owned(),
            what,
            expect: Expect::Invalid,
            at: Some(at),
        });
    };
    invalid(
        "types.json",
        r#"{"basics": {"name": ["x"]}, "work": {"name": 1}}"#,
        "wrong types",
        ":1:21",
    );
    invalid(
        "types.yaml",
        "basics:\n  name: [12]\nwork: 3\n",
        "wrong types in YAML",
        ":2:9",
    );
    // A long list of wrong values: a storm of findings must stay bounded too.
    let storm = format!("{{\"work\": [{}]}}", vec!["1"; 100_000].join(","));
    invalid(
        "storm.json",
        &storm,
        "a hundred thousand wrong entries",
        ":1:11",
    );
    v
}

/// Special files: a directory, a FIFO, a folder with symlink loops, a dangling link.
fn write_special(dir: &Path) -> Vec<Input> {
    let mut inputs = Vec::new();
    let mut special = |name: &str, what: &'static str| {
        inputs.push(Input {
            name: name.to_owned(),
            what,
            expect: Expect::Broken,
            at: None,
        });
    };
    std::fs::create_dir(dir.join("a-directory")).unwrap();
    special("a-directory", "a directory");
    let fifo = dir.join("fifo.json");
    let ok = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "mkfifo works");
    special("fifo.json", "a FIFO");
    let looped = dir.join("loop");
    std::fs::create_dir(&looped).unwrap();
    std::os::unix::fs::symlink("..", looped.join("up")).unwrap();
    std::os::unix::fs::symlink("self", looped.join("self")).unwrap();
    std::os::unix::fs::symlink("resume.json", looped.join("resume.json")).unwrap();
    special("loop", "a folder with symlink loops");
    std::os::unix::fs::symlink("self-link.json", dir.join("self-link.json")).unwrap();
    special("self-link.json", "a link to itself");
    std::os::unix::fs::symlink("nowhere.json", dir.join("dangling.json")).unwrap();
    special("dangling.json", "a dangling link");
    special("missing.json", "a file that does not exist");
    inputs
}

/// How a command shows positions: `file:line:col` (or not at all, as JSON fields).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shows {
    Positions,
    NoPositions,
}

/// Every command that reads documents, with `{}` where the hostile input goes.
fn commands() -> Vec<(Vec<&'static str>, Shows)> {
    use Shows::{NoPositions, Positions};
    let c = vec![
        (vec!["validate", "{}"], Positions),
        (vec!["validate", "--format", "concise", "{}"], Positions),
        (vec!["validate", "--format", "json", "{}"], NoPositions),
        (vec!["validate", "--format", "sarif", "{}"], NoPositions),
        (vec!["convert", "{}", "--to", "yaml"], Positions),
        (vec!["convert", "{}", "--to", "toml"], Positions),
        (vec!["convert", "{}", "--to", "fresh"], Positions),
        (vec!["migrate", "{}"], Positions),
        (vec!["diff", "{}", "SAMPLE"], Positions),
        (vec!["diff", "SAMPLE", "{}"], Positions),
        (
            vec!["diff", "--format", "json-patch", "{}", "SAMPLE"],
            Positions,
        ),
        (vec!["render", "{}", "--format", "html"], Positions),
        (vec!["render", "{}", "--format", "md"], Positions),
        (vec!["render", "{}", "--format", "txt"], Positions),
        (
            vec!["render", "{}", "--format", "pdf", "-o", "out.pdf"],
            Positions,
        ),
    ];
    c
}

/// What is wrong with one run, if anything.
fn judge(
    line: &str,
    input: &Input,
    shown: &str,
    cmd: &[&str],
    shows: Shows,
    out: &Bounded,
) -> Option<String> {
    let all = out.all();
    let is_diff = cmd[0] == "diff";
    if out.panicked() {
        return Some(format!("{line} panicked:\n{}", out.stderr));
    }
    if !matches!(out.code, Some(1 | 2)) {
        return Some(format!("{line} exited {:?}, not 1 or 2:\n{all}", out.code));
    }
    if is_diff && input.expect == Expect::Invalid {
        // Compared, not refused: a difference report.
        return (out.code != Some(1) || out.stdout.is_empty())
            .then(|| format!("{line} should compare (exit 1 with changes):\n{all}"));
    }
    // `render` cannot lay out a resume with wrong types: an error (exit 2), which must
    // still name the file and the place, like a finding.
    if input.expect == Expect::Invalid && out.code != Some(1) && cmd[0] != "render" {
        return Some(format!("{line} should be a finding (exit 1):\n{all}"));
    }
    if !all.contains(shown) {
        return Some(format!("{line} does not name the file:\n{all}"));
    }
    if let Some(at) = input.at
        && shows == Shows::Positions
        && !all.contains(&format!("{shown}{at}"))
    {
        return Some(format!("{line} does not point at {shown}{at}:\n{all}"));
    }
    None
}

fn check_all(dir: &Path, inputs: &[Input]) {
    let sample = fixture("jsonresume/sample.resume.json")
        .display()
        .to_string();
    let mut failures = Vec::new();
    let mut peak = (0, String::new());
    for input in inputs {
        for (template, shows) in commands() {
            let args: Vec<String> = template
                .iter()
                .map(|a| a.replace("{}", &input.name).replace("SAMPLE", &sample))
                .collect();
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = run_bounded(dir, &args, None, &[]);
            if out.peak_kib > peak.0 {
                peak = (out.peak_kib, args.join(" "));
            }
            let line = format!("`vitae {}` ({})", args.join(" "), input.what);
            failures.extend(judge(&line, input, &input.name, &template, shows, &out));
        }
    }
    println!("peak memory: {} KiB (`vitae {}`)", peak.0, peak.1);
    assert!(
        failures.is_empty(),
        "{} failures:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn hostile_documents_end_in_a_finding_or_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = write_inputs(dir.path());
    check_all(dir.path(), &inputs);
}

#[test]
fn hostile_documents_on_stdin_too() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = write_inputs(dir.path());
    let mut failures = Vec::new();
    for input in inputs.iter().filter(|i| i.name != "big.json") {
        let bytes = std::fs::read(dir.path().join(&input.name)).unwrap();
        for (cmd, shows) in [
            (vec!["validate", "-"], Shows::Positions),
            (vec!["convert", "-", "--to", "yaml"], Shows::Positions),
            (vec!["migrate", "-"], Shows::Positions),
            (vec!["render", "-", "--format", "txt"], Shows::Positions),
        ] {
            let out = run_bounded(dir.path(), &cmd, Some(&bytes), &[]);
            let line = format!(
                "`vitae {}` < {} ({})",
                cmd.join(" "),
                input.name,
                input.what
            );
            // Read from stdin, the format is sniffed: positions may differ from the
            // file's, so only the name is checked.
            let _ = shows;
            let relaxed = Input {
                name: input.name.clone(),
                what: input.what,
                expect: input.expect,
                at: None,
            };
            failures.extend(judge(
                &line,
                &relaxed,
                "<stdin>",
                &cmd,
                Shows::NoPositions,
                &out,
            ));
        }
    }
    // Over the input limit on stdin: read up to the limit, then refused.
    let mut big = vec![b' '; vitae::load::MAX_INPUT_BYTES + 10];
    big[0] = b'{';
    let out = run_bounded(dir.path(), &["validate", "-"], Some(&big), &[]);
    if out.code != Some(2) || !out.stderr.contains("`<stdin>` is larger than the 16 MiB") {
        failures.push(format!("a 16 MiB stdin: {:?} {}", out.code, out.all()));
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn special_files_end_in_an_error_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = write_special(dir.path());
    check_all(dir.path(), &inputs);
}

/// A directory with no resume files in it (only other files, only links that loop, only
/// FIFOs named like resumes) is an error, not a silent success.
#[test]
fn directories_without_resumes_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("notes")).unwrap();
    std::fs::write(d.join("notes/readme.md"), "# hi").unwrap();
    std::fs::create_dir_all(d.join("fifos")).unwrap();
    let made = Command::new("mkfifo")
        .arg(d.join("fifos/resume.json"))
        .status();
    assert!(made.is_ok_and(|s| s.success()));
    std::fs::create_dir_all(d.join("empty")).unwrap();
    std::fs::create_dir_all(d.join("links")).unwrap();
    std::os::unix::fs::symlink("resume.json", d.join("links/resume.json")).unwrap();
    std::os::unix::fs::symlink("..", d.join("links/up")).unwrap();
    for folder in ["notes", "fifos", "empty", "links", "*/"] {
        let out = run_bounded(d, &["validate", folder], None, &[]);
        assert_eq!(out.code, Some(2), "{folder}: {}", out.all());
        assert!(
            out.stderr.contains("no resume files in") || out.stderr.contains("no files match"),
            "{folder}: {}",
            out.all()
        );
        assert!(
            !out.stdout.contains("ok:"),
            "{folder}: no \"ok\" when nothing was read: {}",
            out.stdout
        );
    }
}

/// Free-form text is read as a CV whatever it says, but not when it is no text at all.
#[test]
fn text_import_refuses_what_is_not_text() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cases: [(&str, &[u8], &str); 6] = [
        ("empty.txt", b"", "is empty"),
        ("blank.md", b" \n\n \t\n", "is empty"),
        (
            "binary.txt",
            b"%PDF-1.7\n\x00\x01\x02stream",
            "binary.txt:2:1: a NUL byte",
        ),
        ("latin1.txt", b"Jos\xe9 Garc\xeda\n", "latin1.txt:1:4"),
        ("utf16.md", &[0xFF, 0xFE, b'J', 0, b'o', 0], "not UTF-8"),
        ("missing.txt", b"", "cannot read"),
    ];
    for (name, bytes, why) in cases {
        if name != "missing.txt" {
            std::fs::write(d.join(name), bytes).unwrap();
        }
        let out = run_bounded(d, &["convert", name], None, &[]);
        assert_eq!(out.code, Some(2), "{name}: {}", out.all());
        assert!(
            out.stderr.contains(why) && out.stderr.contains(name),
            "{name}: {}",
            out.stderr
        );
        assert!(!out.panicked());
    }
    std::fs::create_dir(d.join("folder.txt")).unwrap();
    let out = run_bounded(d, &["convert", "folder.txt"], None, &[]);
    assert_eq!(out.code, Some(2), "{}", out.all());
    assert!(
        out.stderr.contains("`folder.txt` is not a regular file"),
        "{}",
        out.stderr
    );
}

/// Long and pathological text (under the size limit) is imported, not refused, and ends.
#[test]
fn text_import_ends_on_pathological_text() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut text = String::new();
    text.push_str(&"2019-2020 ".repeat(100_000));
    text.push('\n');
    text.push_str(&"* ".repeat(100_000));
    text.push('\n');
    for _ in 0..20_000 {
        text.push_str("EXPERIENCE\nJan 2020 - Present | Acme | Engineer\n- did things\n");
    }
    text.push_str(&"([{".repeat(50_000));
    std::fs::write(d.join("cv.txt"), &text).unwrap();
    let out = run_bounded(d, &["convert", "cv.txt", "-o", "cv.json"], None, &[]);
    assert_eq!(out.code, Some(0), "{}", out.all());
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(d.join("cv.json")).unwrap()).unwrap();
    assert!(json.is_object());
}

/// Messages point at the place: a syntax error names line and column, in every command.
#[test]
fn syntax_errors_name_the_position() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.json"),
        "{\n  \"basics\": {\n    \"name\": \"A\",\n  }\n}\n",
    )
    .unwrap();
    let cmds: [&[&str]; 5] = [
        &["validate", "bad.json"],
        &["convert", "bad.json"],
        &["migrate", "bad.json"],
        &["diff", "bad.json", "bad.json"],
        &["render", "bad.json"],
    ];
    for cmd in cmds {
        let out = run_bounded(dir.path(), cmd, None, &[]);
        assert!(
            out.all().contains("bad.json:4:3"),
            "`vitae {}`: {}",
            cmd.join(" "),
            out.all()
        );
        assert!(matches!(out.code, Some(1 | 2)));
    }
}

/// `vitae validate` on a key written twice fails (exit 1): one of the values is lost by
/// every tool that reads the file.
#[test]
fn duplicate_keys_fail_validation() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("dup.yaml"),
        "basics:\n  name: Ada\n  label: x\n  name: Ada L.\n",
    )
    .unwrap();
    let out = run_bounded(
        dir.path(),
        &["validate", "--format", "concise", "dup.yaml"],
        None,
        &[],
    );
    assert_eq!(out.code, Some(1), "{}", out.all());
    assert!(
        out.stdout
            .contains("dup.yaml:4:3: error[lint/duplicate-key]"),
        "{}",
        out.stdout
    );
}

/// In YAML a plain scalar is a number only when it reads as one; a number JSON cannot
/// hold without rounding (`1e999`, an integer past 64 bits) stays text, as `.inf` does:
/// nothing lost, nothing refused.
#[test]
fn yaml_numbers_json_cannot_hold_stay_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("n.yaml"),
        "basics:\n  name: 1e999\n  label: 123456789012345678901234567890\n  summary: 12\n",
    )
    .unwrap();
    let out = run_bounded(
        dir.path(),
        &["convert", "n.yaml", "--to", "json"],
        None,
        &[],
    );
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect(&out.stderr);
    assert_eq!(json["basics"]["name"], "1e999");
    assert_eq!(json["basics"]["label"], "123456789012345678901234567890");
    assert_eq!(json["basics"]["summary"], 12);
}

/// A local theme in `dir/themes/NAME` whose entry template is `template`.
fn write_theme(dir: &Path, name: &str, template: &str) {
    let theme = dir.join("themes").join(name);
    std::fs::create_dir_all(&theme).unwrap();
    std::fs::write(
        theme.join("theme.toml"),
        format!("name = \"{name}\"\ndescription = \"hostile\"\nformat = \"html\"\n"),
    )
    .unwrap();
    std::fs::write(theme.join("resume.html.j2"), template).unwrap();
}

/// Hostile themes: a template that includes itself, a macro that calls itself, and a
/// loop that never ends each end in an error (exit 2) naming the problem, within the
/// bounds — no stack overflow, no hang. (Reading outside the theme folder is refused:
/// see `cli_render::themes_cannot_leave_their_folder`; running out of fuel, `cli_render::runaway_templates_run_out_of_fuel`.)
#[test]
fn runaway_themes_end_in_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("r.json"), r#"{"basics": {"name": "Ada"}}"#).unwrap();
    write_theme(d, "self-include", "x{% include \"resume.html.j2\" %}");
    write_theme(
        d,
        "recursive-macro",
        "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
    );
    write_theme(
        d,
        "endless",
        "{% for i in range(100000) %}{% for j in range(100000) %}{{ i }}{% endfor %}{% endfor %}",
    );
    for (theme, says) in [
        ("self-include", "recursion"),
        ("recursive-macro", "recursion"),
        ("endless", "fuel"),
    ] {
        let out = run_bounded(d, &["render", "r.json", "--theme", theme], None, &[]);
        assert_eq!(out.code, Some(2), "{theme}: {}", out.all());
        assert!(!out.panicked(), "{theme}: {}", out.all());
        assert!(
            out.stderr.contains(says) && out.stderr.contains("resume.html.j2"),
            "{theme}: {}",
            out.stderr
        );
        assert!(out.stdout.is_empty(), "{theme}: no partial page");
    }
}
