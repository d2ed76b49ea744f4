//! Property tests: JSON → YAML → JSON and JSON → TOML → JSON are identity (values and
//! key order) for any resume-shaped document.

use proptest::prelude::*;
use serde_json::{Map, Number, Value};
use vitae::convert::{toml, yaml};
use vitae::load::{self, Format};

/// Strings that trip up YAML and TOML writers, plus arbitrary text.
fn tricky_string() -> impl Strategy<Value = String> {
    prop_oneof![
        // Dates, partial dates, date-times.
        "[12][0-9]{3}(-[01][0-9](-[0-3][0-9](T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z?)?)?)?",
        // Numbers as text: leading zeros, decimals, exponents, signs, hex, octal, `_`.
        "[+-]?0[0-9]{0,5}",
        "[+-]?[0-9]{1,4}(\\.[0-9]{0,3})?([eE][+-]?[0-9]{1,2})?",
        "0[xob][0-9a-fA-F_]{1,4}",
        "[+-]?\\.(inf|Inf|INF|nan|NaN|NAN)",
        // YAML 1.1 and 1.2 words.
        prop::sample::select(vec![
            "yes", "No", "ON", "off", "y", "N", "true", "False", "NULL", "null", "~", "", "<<",
            "=", "-", "---", "...", "?", ":", "- x", "a: b", "a #b", "#x", "@x", "`x`", "!tag",
            "&anchor", "*alias", "|", ">", "%", "'", "\"", "[a]", "{a: 1}", "x:",
        ])
        .prop_map(str::to_owned),
        // Multi-line text, with odd line ends and blank lines.
        prop::collection::vec("[a-zA-Zéü #:-]{0,12}", 1..5).prop_map(|l| l.join("\n")),
        prop::collection::vec("[ a-z]{0,6}", 1..4).prop_map(|l| format!("{}\n\n", l.join("\r\n"))),
        // Anything printable, and anything at all.
        "\\PC{0,20}",
        any::<String>(),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "name", "label", "url", "startDate", "endDate", "highlights", "keywords",
            "summary", "$schema", "x-custom", "a.b", "1", "yes", "null",
        ])
        .prop_map(str::to_owned),
        1 => tricky_string(),
    ]
}

fn number(toml: bool) -> BoxedStrategy<Number> {
    let float = any::<f64>()
        .prop_filter("finite", |f| f.is_finite())
        .prop_map(|f| Number::from_f64(f).unwrap());
    if toml {
        prop_oneof![any::<i64>().prop_map(Number::from), float].boxed()
    } else {
        prop_oneof![
            any::<i64>().prop_map(Number::from),
            any::<u64>().prop_map(Number::from),
            float
        ]
        .boxed()
    }
}

/// Any JSON value (no `null` when `toml`), a few levels deep.
fn value(toml: bool) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        4 => tricky_string().prop_map(Value::String),
        1 => number(toml).prop_map(Value::Number),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => Just(if toml { Value::Bool(false) } else { Value::Null }),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..5)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A resume: the standard's sections with string fields, plus custom fields anywhere.
fn resume(toml: bool) -> impl Strategy<Value = Value> {
    let text = || tricky_string().prop_map(Value::String);
    let extra = move || prop::collection::vec((key(), value(toml)), 0..3);
    let basics = (text(), text(), text(), text(), text(), extra()).prop_map(
        |(name, email, city, code, network, extra)| {
            let mut b = Map::new();
            b.insert("name".into(), name);
            b.insert("email".into(), email);
            b.insert(
                "location".into(),
                serde_json::json!({"city": city, "postalCode": code}),
            );
            b.insert(
                "profiles".into(),
                serde_json::json!([{"network": network, "url": "https://example.com"}]),
            );
            b.extend(extra);
            Value::Object(b)
        },
    );
    let job = (
        text(),
        text(),
        text(),
        prop::collection::vec(text(), 0..4),
        extra(),
    )
        .prop_map(|(name, start, end, highlights, extra)| {
            let mut w = Map::new();
            w.insert("name".into(), name);
            w.insert("startDate".into(), start);
            w.insert("endDate".into(), end);
            w.insert("highlights".into(), Value::Array(highlights));
            w.extend(extra);
            Value::Object(w)
        });
    (basics, prop::collection::vec(job, 0..4), extra()).prop_map(|(basics, work, extra)| {
        let mut r = Map::new();
        // Custom fields may come first, between or after the sections.
        let (before, after) = extra.split_at(extra.len() / 2);
        r.extend(before.iter().cloned());
        r.insert("basics".into(), basics);
        r.insert("work".into(), Value::Array(work));
        r.extend(after.iter().cloned());
        Value::Object(r)
    })
}

fn ordered(value: &Value) -> String {
    serde_json::to_string(value).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn json_yaml_json_is_identity(doc in prop_oneof![resume(false), value(false)]) {
        let text = yaml::to_string(&doc);
        let back = load::parse(&text, Format::Yaml)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?
            .value;
        prop_assert_eq!(ordered(&back), ordered(&doc), "\n{}", text);
    }

    #[test]
    fn json_toml_json_is_identity(doc in resume(true)) {
        let text = toml::to_string(&doc).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = load::parse(&text, Format::Toml)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?
            .value;
        prop_assert_eq!(ordered(&back), ordered(&doc), "\n{}", text);
    }

    #[test]
    fn toml_refuses_rather_than_drops(doc in value(false)) {
        // Whatever the value, TOML output either reads back identical or is refused.
        if let Ok(text) = toml::to_string(&doc) {
            let back = load::parse(&text, Format::Toml)
                .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?
                .value;
            prop_assert_eq!(ordered(&back), ordered(&doc), "\n{}", text);
        }
    }
}

// ----- FRESH ↔ JSON Resume -----

/// Every field name either format uses, so that random documents hit every rule.
const NAMES: &[&str] = &[
    "name",
    "label",
    "image",
    "email",
    "phone",
    "url",
    "summary",
    "location",
    "profiles",
    "network",
    "username",
    "user",
    "address",
    "postalCode",
    "code",
    "city",
    "countryCode",
    "country",
    "region",
    "work",
    "employment",
    "history",
    "employer",
    "position",
    "startDate",
    "endDate",
    "start",
    "end",
    "highlights",
    "keywords",
    "current",
    "description",
    "volunteer",
    "service",
    "organization",
    "flavor",
    "category",
    "type",
    "education",
    "institution",
    "area",
    "studyType",
    "score",
    "grade",
    "courses",
    "curriculum",
    "title",
    "awards",
    "recognition",
    "date",
    "awarder",
    "from",
    "event",
    "publications",
    "writing",
    "publisher",
    "releaseDate",
    "author",
    "skills",
    "sets",
    "list",
    "level",
    "languages",
    "language",
    "fluency",
    "years",
    "interests",
    "references",
    "testimonials",
    "reference",
    "quote",
    "private",
    "projects",
    "roles",
    "role",
    "entity",
    "media",
    "repo",
    "meta",
    "canonical",
    "version",
    "lastModified",
    "modified",
    "format",
    "info",
    "contact",
    "social",
    "website",
    "other",
    "brief",
    "class",
    "$schema",
    "certificates",
    "issuer",
    "basics",
    "disposition",
    "speaking",
    "samples",
    "custom",
];

fn fresh_key() -> impl Strategy<Value = String> {
    let name = prop::sample::select(NAMES);
    prop_oneof![
        6 => name.clone().prop_map(str::to_owned),
        1 => name.clone().prop_map(|n| format!("x-fresh-{n}")),
        1 => name.prop_map(|n| format!("x-jsonresume-{n}")),
        1 => prop::sample::select(vec![
            "x-fresh-employment", "x-fresh-service", "x-fresh-education", "x-fresh-skills",
            "x-fresh-contact", "x-fresh-info", "x-fresh-publisher", "x-fresh-x-fresh-a",
        ])
        .prop_map(str::to_owned),
    ]
}

fn dialect_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        "[a-z]{0,3}".prop_map(Value::String),
        Just(Value::String(FRESH_FORMAT.to_owned())),
        any::<i8>().prop_map(Value::from),
        Just(Value::Null),
    ];
    leaf.prop_recursive(5, 64, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((fresh_key(), inner), 0..6)
                .prop_map(|e| Value::Object(e.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn dialect_doc() -> impl Strategy<Value = Value> {
    prop::collection::vec((fresh_key(), dialect_value()), 0..8)
        .prop_map(|e| Value::Object(e.into_iter().collect::<Map<_, _>>()))
}

use vitae::convert::ConvertError;
use vitae::convert::fresh::{FRESH_FORMAT, to_fresh, to_json_resume};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// JSON Resume → FRESH → JSON Resume gives back the same document, whatever names
    /// it uses; the only refusal is a clash of two fields (reported, never a loss).
    #[test]
    fn json_resume_fresh_json_resume_is_identity(doc in dialect_doc()) {
        match to_fresh(&doc) {
            Ok((fresh, _)) => {
                let (back, _) = to_json_resume(&fresh)
                    .map_err(|e| TestCaseError::fail(format!("{e}\nFRESH: {fresh:#}")))?;
                prop_assert_eq!(&back, &doc, "\nFRESH: {:#}", fresh);
            }
            Err(ConvertError::Conflict { .. }) => {}
            Err(e) => return Err(TestCaseError::fail(e.to_string())),
        }
    }

    /// Reading FRESH normalises once: FRESH → JSON Resume → FRESH → JSON Resume gives the
    /// same JSON Resume document as the first step.
    #[test]
    fn fresh_reading_is_stable(doc in dialect_doc()) {
        if let Ok((jr, _)) = to_json_resume(&doc) {
            let (fresh, _) = to_fresh(&jr)
                .map_err(|e| TestCaseError::fail(format!("{e}\nJSON Resume: {jr:#}")))?;
            let (again, _) = to_json_resume(&fresh)
                .map_err(|e| TestCaseError::fail(format!("{e}\nFRESH: {fresh:#}")))?;
            prop_assert_eq!(&again, &jr, "\nFRESH: {:#}", fresh);
        }
    }
}
