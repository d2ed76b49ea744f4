//! Property tests for hostile documents, run by `cargo test` (the fuzz targets in
//! `fuzz/` go further but need a nightly toolchain): arbitrary documents, resume-shaped
//! or not, with the standard's names holding values of any type, never make the
//! loaders, validation, conversion, migration, the diff or the renderers panic, and
//! what they accept round-trips.

use proptest::prelude::*;
use serde_json::{Map, Value};
use vitae::convert::{self, ConvertError, Dialect, Format, Target, legacy};
use vitae::diff::{self, Options, render};
use vitae::load;
use vitae::render::{OutputFormat, Theme, ThemeFormat};
use vitae::validate::Validator;

/// Names the standard (and FRESH) uses, so that random documents reach every rule.
const NAMES: &[&str] = &[
    "basics",
    "name",
    "label",
    "email",
    "url",
    "summary",
    "location",
    "countryCode",
    "profiles",
    "network",
    "work",
    "position",
    "startDate",
    "endDate",
    "highlights",
    "education",
    "studyType",
    "courses",
    "skills",
    "keywords",
    "languages",
    "fluency",
    "projects",
    "roles",
    "meta",
    "version",
    "lastModified",
    "$schema",
    "website",
    "company",
    "employment",
    "history",
    "employer",
    "start",
    "end",
    "info",
    "contact",
    "x-custom",
    "volunteer",
    "awards",
    "date",
    "publications",
    "releaseDate",
    "references",
    "interests",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(NAMES).prop_map(str::to_owned),
        1 => "\\PC{0,8}",
        1 => Just(String::new()),
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => prop_oneof![
            "\\PC{0,16}",
            "[12][0-9]{3}(-[0-9]{1,2}(-[0-9]{1,2})?)?",
            Just("Present".to_owned()),
            Just("https://example.com/x".to_owned()),
            Just("a@b.c".to_owned()),
            Just(String::new()),
        ]
        .prop_map(Value::String),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        1 => any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => Just(Value::Null),
    ]
}

/// Any JSON value with the standard's names for keys, a few levels deep.
fn document() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|e| Value::Object(e.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn sample() -> &'static Value {
    static SAMPLE: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    SAMPLE.get_or_init(|| {
        let path = crate::support::fixture("jsonresume/sample.resume.json");
        load::from_path(&path, None).unwrap().value
    })
}

fn validator() -> &'static Validator {
    static VALIDATOR: std::sync::OnceLock<Validator> = std::sync::OnceLock::new();
    VALIDATOR.get_or_init(Validator::new)
}

fn themes() -> &'static [Theme] {
    static THEMES: std::sync::OnceLock<Vec<Theme>> = std::sync::OnceLock::new();
    THEMES.get_or_init(Theme::builtins)
}

fn ordered(value: &Value) -> String {
    serde_json::to_string(value).unwrap()
}

/// Everything a command does with a loaded document; panics are the failures.
fn exercise(doc: &load::Document) -> Result<(), TestCaseError> {
    let report = validator().validate(doc);
    for d in &report.diagnostics {
        prop_assert!(d.span.end <= doc.source.len(), "{:?}", d);
    }
    let _ = validator().check_text("x", &doc.source, doc.format);
    if let Ok(resume) = vitae::Resume::from_value(&doc.value) {
        // Every built-in theme renders whatever the model holds (Typst themes to their
        // source: compiling PDFs is left to the render tests). Only fuel may run out.
        for theme in themes() {
            let format = (theme.format() == ThemeFormat::Typst).then_some(OutputFormat::Typst);
            let options = vitae::render::Options { lang: None, format };
            if let Err(err) = vitae::render::render(&resume, theme, &options) {
                prop_assert!(err.to_string().contains("fuel"), "{}: {err}", theme.name());
            }
        }
    }
    for dialect in [Dialect::JsonResume, Dialect::Fresh] {
        for syntax in [Format::Json, Format::Yaml, Format::Toml] {
            match convert::convert(doc, None, Target::new(dialect, syntax)) {
                Ok(out) => {
                    let back = load::parse(&out.text, syntax)
                        .map_err(|e| TestCaseError::fail(format!("{e}\n{}", out.text)))?;
                    prop_assert_eq!(ordered(&back.value), ordered(&out.value));
                }
                Err(ConvertError::NotAnObject { .. }) => prop_assert!(!doc.value.is_object()),
                Err(ConvertError::Toml(_) | ConvertError::Conflict { .. }) => {}
            }
        }
    }
    match legacy::migrate(&doc.value) {
        Ok((migrated, _)) => {
            let _ = convert::to_text(&migrated, Format::Yaml);
        }
        Err(_) => prop_assert!(!doc.value.is_object()),
    }
    let normalised = convert::normalize(&doc.value).map_or_else(|_| doc.value.clone(), |(v, _)| v);
    for (old, new) in [(&normalised, sample()), (sample(), &normalised)] {
        let d = diff::diff(old, new, &Options::default());
        prop_assert_eq!(d.is_empty(), old == new);
        let _ = render::human(&d, false);
        let _ = render::markdown(&d, "old", "new");
        let _ = render::json(&d, "old", "new");
        let _ = render::json_patch(&d);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    /// Any document, written as JSON, YAML or TOML and read back, goes through every
    /// command's library calls without a panic.
    #[test]
    fn arbitrary_documents_never_panic(value in document()) {
        for format in [Format::Json, Format::Yaml, Format::Toml] {
            let Ok(text) = convert::to_text(&value, format) else { continue };
            let doc = load::parse(&text, format)
                .map_err(|e| TestCaseError::fail(format!("{format}: {e}\n{text}")))?;
            exercise(&doc)?;
        }
    }

    /// Any bytes, read as any format: an error or a document, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256), pick in 0..4u8) {
        let format = [Some(Format::Json), Some(Format::Yaml), Some(Format::Toml), None][usize::from(pick)];
        if let Ok(doc) = load::from_bytes("x", &bytes, format) {
            exercise(&doc)?;
        }
    }

    /// Text made of syntax characters (brackets, quotes, anchors, tables…) reaches the
    /// parsers' corners more often than random bytes do.
    #[test]
    fn syntax_soup_never_panics(text in "([\\[\\]{}:,\"'&*!|>#=.\\- \n\tab1]|true|null|~|---|\\[\\[x\\]\\]){0,60}", pick in 0..4u8) {
        let format = [Some(Format::Json), Some(Format::Yaml), Some(Format::Toml), None][usize::from(pick)];
        if let Ok(doc) = load::from_bytes("x", text.as_bytes(), format) {
            exercise(&doc)?;
        }
    }
}
