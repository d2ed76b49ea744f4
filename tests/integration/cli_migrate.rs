//! `vitae migrate`: the official v0.0.16 sample, value by value; files and exit codes.

use serde_json::{Value, json};
use vitae::load::{self, Format, escape_pointer_token};
use vitae::model::legacy::legacy_fields_at;

use crate::support::{fixture, run, run_with_stdin, stderr, stdout};

fn parse(text: &str, format: Format) -> Value {
    load::parse(text, format)
        .unwrap_or_else(|e| panic!("{e}\n{text}"))
        .value
}

/// Every scalar with its pointer, in document order.
fn leaves(value: &Value, pointer: String, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                leaves(v, format!("{pointer}/{}", escape_pointer_token(k)), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                leaves(v, format!("{pointer}/{i}"), out);
            }
        }
        scalar => out.push((pointer, scalar.clone())),
    }
}

/// Where a value of the old document is in the new one: each legacy name on the way
/// replaced by its current name.
fn new_place(old_pointer: &str) -> String {
    let mut new = String::new();
    for token in old_pointer.split('/').skip(1) {
        let renamed = legacy_fields_at(&new)
            .find(|f| f.old == token)
            .map_or(token, |f| f.new);
        new.push('/');
        new.push_str(renamed);
    }
    new
}

fn objects_with_legacy_names(value: &Value, pointer: &str, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for field in legacy_fields_at(pointer) {
                if map.contains_key(field.old) {
                    found.push(format!("{pointer}/{}", field.old));
                }
            }
            for (k, v) in map {
                objects_with_legacy_names(v, &format!("{pointer}/{k}"), found);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                objects_with_legacy_names(v, &format!("{pointer}/{i}"), found);
            }
        }
        _ => {}
    }
}

fn official_validator() -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&vitae::schema::official("v1.3.1").unwrap())
        .unwrap()
}

#[test]
fn the_v0_0_16_sample_becomes_current_keeping_every_value() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let source = fixture("jsonresume/legacy-examples/sample.resume.v0.0.16.json");
    let old_text = std::fs::read_to_string(&source).unwrap();
    std::fs::write(d.join("old.json"), &old_text).unwrap();
    let old = parse(&old_text, Format::Json);
    assert!(
        !official_validator().is_valid(&old),
        "the old sample fails the current schema"
    );

    let out = run(d, &["migrate", "old.json", "-o", "new.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let new = parse(
        &std::fs::read_to_string(d.join("new.json")).unwrap(),
        Format::Json,
    );

    // Valid under the current official schema.
    let validator = official_validator();
    let errors: Vec<String> = validator.iter_errors(&new).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");

    // No legacy names left (and there were some).
    let mut found = Vec::new();
    objects_with_legacy_names(&old, "", &mut found);
    assert_eq!(found.len(), 7, "{found:?}");
    found.clear();
    objects_with_legacy_names(&new, "", &mut found);
    assert!(found.is_empty(), "{found:?}");

    // Every value is in its new place, but the empty URL the standard refuses.
    let mut old_leaves = Vec::new();
    leaves(&old, String::new(), &mut old_leaves);
    let removed = ["/basics/profiles/0/url"];
    for (pointer, value) in &old_leaves {
        let place = new_place(pointer);
        if removed.contains(&pointer.as_str()) {
            assert_eq!(value, "");
            assert_eq!(new.pointer(&place), None, "{place}");
        } else {
            assert_eq!(new.pointer(&place), Some(value), "{pointer} → {place}");
        }
    }
    let mut new_leaves = Vec::new();
    leaves(&new, String::new(), &mut new_leaves);
    assert_eq!(new_leaves.len(), old_leaves.len() - removed.len());

    // Renamed keys stay where they were.
    let keys: Vec<&String> = new["basics"].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "name", "label", "image", "email", "phone", "url", "summary", "location", "profiles"
        ]
    );
    let keys: Vec<&String> = new["work"][0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "name",
            "position",
            "url",
            "startDate",
            "endDate",
            "summary",
            "highlights"
        ]
    );

    // Each change on stderr.
    let err = stderr(&out);
    for line in [
        "renamed /basics/website → /basics/url (the name since v1.0.0)\n",
        "renamed /basics/picture → /basics/image (the name since v1.0.0)\n",
        "removed /basics/profiles/0/url: \"\" (empty; the standard wants a URL here or nothing)\n",
        "renamed /work/0/company → /work/0/name (the name since v1.0.0)\n",
        "renamed /work/0/website → /work/0/url (the name since v1.0.0)\n",
        "renamed /volunteer/0/website → /volunteer/0/url (the name since v1.0.0)\n",
        "renamed /education/0/gpa → /education/0/score (the name since v1.0.0)\n",
        "renamed /publications/0/website → /publications/0/url (the name since v1.0.0)\n",
        "old.json: 8 changes; valid under JSON Resume v1.3.1\n",
    ] {
        assert!(err.contains(line), "{line}\n---\n{err}");
    }
    assert_eq!(err.lines().count(), 9, "{err}");
}

#[test]
fn dates_and_in_place_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let yaml = "basics:\n  name: Ada\n  website: https://ada.dev\nwork:\n  - company: AE\n    startDate: 2019-3\n    endDate: Present\n  - company: Looms\n    startDate: June 2021\n    endDate: 2022-01-15T00:00:00Z\n";
    std::fs::write(d.join("cv.yaml"), yaml).unwrap();
    let out = run(d, &["migrate", "cv.yaml", "--in-place"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let text = std::fs::read_to_string(d.join("cv.yaml")).unwrap();
    assert_eq!(
        text,
        "basics:\n  name: Ada\n  url: https://ada.dev\nwork:\n  - name: AE\n    startDate: \"2019-03\"\n  - name: Looms\n    startDate: \"2021-06\"\n    endDate: \"2022-01-15\"\n"
    );
    let err = stderr(&out);
    assert!(
        err.contains("converted /work/0/startDate: \"2019-3\" → \"2019-03\"\n"),
        "{err}"
    );
    assert!(
        err.contains("removed /work/0/endDate: \"Present\" (still going on: the standard leaves the end date out)\n"),
        "{err}"
    );
    assert!(
        err.contains("converted /work/1/startDate: \"June 2021\" → \"2021-06\"\n"),
        "{err}"
    );

    // Run again: nothing to do.
    let out = run(d, &["migrate", "cv.yaml", "--in-place"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "cv.yaml: nothing to migrate\n");
    assert_eq!(std::fs::read_to_string(d.join("cv.yaml")).unwrap(), text);
}

#[test]
fn what_cannot_be_fixed_is_reported_and_exits_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_with_stdin(
        dir.path(),
        &["migrate", "-"],
        br#"{"work": [{"company": "A", "startDate": "summer 2019", "url": "not a url"}]}"#,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        parse(&stdout(&out), Format::Json),
        json!({"work": [{"name": "A", "startDate": "summer 2019", "url": "not a url"}]})
    );
    let err = stderr(&out);
    assert!(
        err.contains("unresolved /work/0/startDate (`summer 2019` is not a date vitae can read"),
        "{err}"
    );
    assert!(
        err.contains("unresolved /work/0/url (still invalid: "),
        "{err}"
    );
    assert!(
        err.contains("<stdin>: 1 change, 2 problems left to fix by hand"),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_two_and_touch_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = run(d, &["migrate", "-", "--in-place"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--in-place needs a file"),
        "{}",
        stderr(&out)
    );

    std::fs::write(d.join("a.json"), "{}").unwrap();
    let out = run(d, &["migrate", "a.json", "--in-place", "-o", "b.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!d.join("b.json").exists());

    // A document TOML cannot hold leaves the output as it was.
    std::fs::write(d.join("n.json"), "{\"work\": [{\"x\": null}]}").unwrap();
    std::fs::write(d.join("out.toml"), "keep = true\n").unwrap();
    let out = run(d, &["migrate", "n.json", "-o", "out.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/work/0/x"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(d.join("out.toml")).unwrap(),
        "keep = true\n"
    );
}

#[test]
fn fresh_is_migrated_elsewhere_but_not_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let fresh = "{\"name\": \"Ada\", \"meta\": {\"format\": \"FRESH@0.6.0\"}, \"employment\": {\"history\": [{\"employer\": \"AE\", \"start\": \"June 1842\"}]}}";
    std::fs::write(d.join("hmr.json"), fresh).unwrap();
    let out = run(d, &["migrate", "hmr.json", "--in-place"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is a FRESH document"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(d.join("hmr.json")).unwrap(), fresh);

    let out = run(d, &["migrate", "hmr.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        parse(&stdout(&out), Format::Json),
        json!({"basics": {"name": "Ada"}, "meta": {"x-fresh-format": "FRESH@0.6.0"}, "work": [{"name": "AE", "startDate": "1842-06"}]})
    );
}
