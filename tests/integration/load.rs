//! Loading JSON, YAML and TOML with positions.

use vitae::load::{self, Format, LoadError};

use crate::support::fixture;

#[test]
fn the_sample_reads_the_same_from_json_yaml_and_toml() {
    let json = load::from_path(&fixture("valid/sample.resume.json"), None).unwrap();
    let yaml = load::from_path(&fixture("valid/sample.resume.yaml"), None).unwrap();
    let toml = load::from_path(&fixture("valid/sample.resume.toml"), None).unwrap();
    assert_eq!(
        (json.format, yaml.format, toml.format),
        (Format::Json, Format::Yaml, Format::Toml)
    );
    assert_eq!(json.value, yaml.value);
    assert_eq!(json.value, toml.value);
    // Every format knows where the same value is.
    for doc in [&json, &yaml, &toml] {
        let span = doc.span_of("/work/0/highlights/1").unwrap().value;
        let text = &doc.source[span.start..span.end];
        assert!(
            text.contains("Successfully won Techcrunch Disrupt"),
            "{:?}: {text}",
            doc.format
        );
        let key = doc.span_of("/basics/email").unwrap().key.unwrap();
        assert!(
            doc.source[key.start..key.end].contains("email"),
            "{:?}",
            doc.format
        );
    }
}

#[test]
fn formats_are_sniffed_without_an_extension() {
    let json = std::fs::read(fixture("valid/sample.resume.json")).unwrap();
    let yaml = std::fs::read(fixture("valid/sample.resume.yaml")).unwrap();
    let toml = std::fs::read(fixture("valid/sample.resume.toml")).unwrap();
    assert_eq!(
        load::from_bytes("-", &json, None).unwrap().format,
        Format::Json
    );
    assert_eq!(
        load::from_bytes("-", &yaml, None).unwrap().format,
        Format::Yaml
    );
    assert_eq!(
        load::from_bytes("-", &toml, None).unwrap().format,
        Format::Toml
    );
}

#[test]
fn bom_and_crlf_are_accepted() {
    let text = "\u{feff}{\r\n  \"basics\": {\r\n    \"name\": \"Zoë\"\r\n  }\r\n}\r\n";
    let doc = load::from_bytes("x.json", text.as_bytes(), None).unwrap();
    assert_eq!(doc.value["basics"]["name"], "Zoë");
    let pos = doc.position_of("/basics/name").unwrap();
    assert_eq!((pos.line, pos.column), (3, 13));
    assert_eq!(doc.line_text(3), "    \"name\": \"Zoë\"");
}

#[test]
fn syntax_errors_have_line_and_column_in_every_format() {
    let cases: [(&str, Format, usize); 3] = [
        ("{\n  \"a\": 1\n  \"b\": 2\n}", Format::Json, 3),
        ("a: 1\nb: [1, 2\nc: 3\n", Format::Yaml, 3),
        ("a = 1\n[b\n", Format::Toml, 2),
    ];
    for (text, format, line) in cases {
        let err = load::parse(text, format).unwrap_err();
        assert_eq!(err.line, line, "{format}: {err}");
        assert!(err.column >= 1);
    }
}

#[test]
fn not_utf8_is_a_syntax_error_with_a_position() {
    let err = load::from_bytes("x.json", b"{\"a\":\n \"\xff\"}", None).unwrap_err();
    let LoadError::Syntax(err) = err else {
        panic!("{err}")
    };
    assert_eq!((err.line, err.column), (2, 3));
    assert!(err.message.contains("UTF-8"));
}

#[test]
fn directories_are_refused_and_sizes_bounded() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        load::from_path(dir.path(), None),
        Err(LoadError::NotAFile { .. })
    ));
    let big = vec![b' '; load::MAX_INPUT_BYTES + 1];
    assert!(matches!(
        load::from_bytes("big", &big, None),
        Err(LoadError::TooLarge { .. })
    ));
}

#[test]
fn yaml_keeps_iso_dates_as_text() {
    let doc = load::parse(
        "work:\n  - startDate: 2020-01\n    endDate: 2021-03-04\n",
        Format::Yaml,
    )
    .unwrap();
    assert_eq!(doc.value["work"][0]["startDate"], "2020-01");
    assert_eq!(doc.value["work"][0]["endDate"], "2021-03-04");
}
