//! Broken resumes in JSON, YAML and TOML: every problem must be reported, with the right
//! code, pointer, line and column, and nothing else.
//!
//! Expected places are given as a needle in the source with `«` marking the spot; the
//! test finds the needle in the file text and counts lines and characters itself, so
//! the expectations do not come from the loader under test.

use serde_json::Value;

use crate::support::{fixture, run, stdout};

/// (code, pointer, needle with `«` at the expected start).
type Expected = (&'static str, &'static str, &'static str);

const JSON: &[Expected] = &[
    (
        "lint/unknown-schema",
        "/$schema",
        "\"$schema\": «\"https://example.com/my-schema.json\"",
    ),
    ("schema/type", "/basics/label", "\"label\": «42"),
    ("lint/empty-url", "/basics/image", "\"image\": «\"\""),
    (
        "schema/format",
        "/basics/email",
        "\"email\": «\"mailto:ada@example.com\"",
    ),
    (
        "schema/format",
        "/basics/url",
        "\"url\": «\"www.ada.example.com\"",
    ),
    (
        "lint/legacy-field",
        "/basics/website",
        "«\"website\": \"https://ada",
    ),
    ("lint/empty-string", "/basics/summary", "\"summary\": «\"\""),
    (
        "lint/duplicate-key",
        "/basics/name",
        "«\"name\": \"Ada Lovelace\"",
    ),
    (
        "lint/country-code",
        "/basics/location/countryCode",
        "\"countryCode\": «\"UK\"",
    ),
    (
        "lint/duplicate-entry",
        "/basics/profiles/1",
        "ada\" },\n      «{ \"network\"",
    ),
    (
        "lint/legacy-field",
        "/work/0/company",
        "«\"company\": \"Analytical",
    ),
    (
        "schema/pattern",
        "/work/0/startDate",
        "\"startDate\": «\"June 2012\"",
    ),
    (
        "schema/pattern",
        "/work/0/endDate",
        "\"endDate\": «\"Present\"",
    ),
    (
        "lint/invalid-month",
        "/work/1/startDate",
        "\"startDate\": «\"2017-13\"",
    ),
    (
        "lint/invalid-day",
        "/work/1/endDate",
        "\"endDate\": «\"2021-02-30\"",
    ),
    (
        "lint/end-before-start",
        "/work/2/endDate",
        "\"endDate\": «\"2019-01\"",
    ),
    (
        "lint/future-date",
        "/work/3/startDate",
        "\"startDate\": «\"2999-01\"",
    ),
    (
        "lint/duplicate-entry",
        "/work/3/highlights/1",
        "\"Built the engine\", «\"Built the engine\"",
    ),
    ("lint/legacy-field", "/education/0/gpa", "«\"gpa\""),
    (
        "schema/format",
        "/education/0/url",
        "\"4.0\", \"url\": «\"\"",
    ),
    ("lint/unknown-section", "/skill", "«\"skill\""),
    (
        "lint/unknown-section",
        "/certifications",
        "«\"certifications\"",
    ),
    (
        "lint/legacy-field",
        "/languages/0/name",
        "[{ «\"name\": \"English\"",
    ),
    ("lint/legacy-field", "/languages/0/level", "«\"level\""),
];

const YAML: &[Expected] = &[
    (
        "lint/unknown-schema",
        "/$schema",
        "$schema: «http://json-schema.org",
    ),
    ("schema/format", "/basics/email", "email: «ada at example"),
    ("lint/url-format", "/basics/url", "url: «https:/ada"),
    ("lint/legacy-field", "/basics/picture", "«picture:"),
    (
        "lint/country-code",
        "/basics/location/countryCode",
        "countryCode: «de",
    ),
    ("lint/duplicate-key", "/basics/name", "«name: Ada\n"),
    (
        "schema/pattern",
        "/work/0/startDate",
        "startDate: «Mars 2019",
    ),
    ("schema/pattern", "/work/0/endDate", "endDate: «aktuell"),
    (
        "lint/end-before-start",
        "/work/1/endDate",
        "endDate: «2020-12",
    ),
    (
        "lint/invalid-month",
        "/work/2/startDate",
        "startDate: «2019-00",
    ),
    (
        "schema/pattern",
        "/work/2/endDate",
        "endDate: «Dezember 2020",
    ),
    (
        "schema/type",
        "/work/2/highlights",
        "highlights: «Built the engine",
    ),
    ("lint/unknown-section", "/educations", "«educations:"),
    (
        "schema/pattern",
        "/projects/0/startDate",
        "startDate: «12/2019",
    ),
    ("schema/format", "/projects/0/url", "url: «\"\""),
];

const TOML: &[Expected] = &[
    (
        "schema/format",
        "/basics/email",
        "email = «\"ada@@example.com\"",
    ),
    ("lint/empty-string", "/basics/summary", "summary = «\"   \""),
    (
        "lint/country-code",
        "/basics/location/countryCode",
        "countryCode = «\"Germany\"",
    ),
    ("lint/legacy-field", "/work/0/company", "«company = "),
    ("schema/pattern", "/work/0/endDate", "endDate = «\"now\""),
    (
        "lint/end-before-start",
        "/work/1/endDate",
        "endDate = «2018-02-01",
    ),
    ("lint/unknown-section", "/works", "[[«works]]"),
    (
        "lint/empty-string",
        "/skills/0/keywords/1",
        "\"Analysis\", «\"\"",
    ),
    (
        "lint/duplicate-entry",
        "/skills/0/keywords/2",
        "\"\", «\"Analysis\"",
    ),
];

/// Line and column (1-based, in characters) of the `«` in `needle` within `text`.
fn place(text: &str, needle: &str) -> (usize, usize) {
    let (before, after) = needle.split_once('«').expect("needle has a «");
    let plain = format!("{before}{after}");
    let found: Vec<usize> = text.match_indices(&plain).map(|(i, _)| i).collect();
    assert_eq!(found.len(), 1, "needle {plain:?} must occur exactly once");
    let offset = found[0] + before.len();
    let head = &text[..offset];
    let line = head.matches('\n').count() + 1;
    let column = head.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

fn check(file: &str, expected: &[Expected]) {
    let path = fixture("invalid").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let out = run(&fixture("invalid"), &["validate", "--format", "json", file]);
    assert_eq!(out.status.code(), Some(1), "{file}: {}", stdout(&out));
    let mut got: Vec<(String, String, u64, u64)> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v["type"] == "diagnostic")
        .map(|v| {
            (
                v["code"].as_str().unwrap().to_owned(),
                v["pointer"].as_str().unwrap().to_owned(),
                v["line"].as_u64().unwrap(),
                v["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut want: Vec<(String, String, u64, u64)> = expected
        .iter()
        .map(|(code, pointer, needle)| {
            let (line, column) = place(&text, needle);
            (
                (*code).to_owned(),
                (*pointer).to_owned(),
                line as u64,
                column as u64,
            )
        })
        .collect();
    got.sort();
    want.sort();
    let missing: Vec<_> = want.iter().filter(|w| !got.contains(w)).collect();
    let extra: Vec<_> = got.iter().filter(|g| !want.contains(g)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{file}\nmissing: {missing:#?}\nunexpected: {extra:#?}"
    );
}

#[test]
fn every_problem_in_a_broken_json_resume() {
    check("broken.resume.json", JSON);
}

#[test]
fn every_problem_in_a_broken_yaml_resume() {
    check("broken.resume.yaml", YAML);
}

#[test]
fn every_problem_in_a_broken_toml_resume() {
    check("broken.resume.toml", TOML);
}

#[test]
fn the_help_says_what_to_write() {
    let out = run(
        &fixture("invalid"),
        &["validate", "--format", "json", "broken.resume.yaml"],
    );
    let help: Vec<(String, String)> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v["type"] == "diagnostic")
        .map(|v| {
            (
                v["pointer"].as_str().unwrap().to_owned(),
                v["help"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let help_at = |p: &str| {
        help.iter()
            .find(|(q, _)| q == p)
            .map(|(_, h)| h.as_str())
            .unwrap_or_else(|| panic!("no finding at {p}"))
    };
    assert_eq!(help_at("/work/0/startDate"), "write \"2019-03\"");
    assert!(help_at("/work/0/endDate").contains("omit `endDate`"));
    assert_eq!(help_at("/work/2/endDate"), "write \"2020-12\"");
    assert_eq!(help_at("/projects/0/startDate"), "write \"2019-12\"");
    assert_eq!(help_at("/basics/url"), "write \"https://ada.example.com\"");
    assert_eq!(help_at("/basics/location/countryCode"), "write \"DE\"");
    assert!(help_at("/basics/picture").contains("`image`"));
    assert!(help_at("/basics/picture").contains("vitae migrate"));
    assert!(help_at("/educations").contains("`education`"));
}
