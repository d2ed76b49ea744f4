//! Conversions over the official sample and examples and the real resumes in
//! `fixtures/corpus/`: round trips give the same values (and, through YAML and TOML,
//! the same key order), and no value is lost on the way to or from FRESH.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;
use vitae::convert::{self, ChangeKind, Dialect, Target, fresh};
use vitae::load::{self, Document, Format};

use crate::support::{files_in, fixture};

/// Official JSON Resume documents: the sample and the examples.
fn official() -> Vec<PathBuf> {
    let mut files = vec![fixture("jsonresume/sample.resume.json")];
    files.extend(files_in(&fixture("jsonresume/examples"), "json"));
    files
}

/// The corpus files that parse, with the two known broken JSON files checked apart.
fn corpus(folder: &str) -> Vec<Document> {
    let dir = fixture(&format!("corpus/{folder}"));
    let mut files = files_in(&dir, "json");
    files.extend(files_in(&dir, "yaml"));
    files.extend(files_in(&dir, "yml"));
    let mut docs = Vec::new();
    for path in files {
        match load::from_path(&path, None) {
            Ok(doc) => docs.push(doc),
            Err(err) => assert!(
                KNOWN_BROKEN.iter().any(|b| path.ends_with(b)),
                "{}: {err}",
                path.display()
            ),
        }
    }
    assert!(!docs.is_empty());
    docs
}

/// Corpus files that are not valid JSON or hold two YAML documents (kept on purpose).
const KNOWN_BROKEN: &[&str] = &[
    "025_DavidEngland_resume.json",
    "027_atomfinger_resume.json",
    "005_RichardBronosky_resume.yaml",
];

fn load(path: &Path) -> Document {
    load::from_path(path, None).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Keys in order: `serde_json::Value`'s `==` ignores the order of object keys.
fn ordered(value: &Value) -> String {
    serde_json::to_string(value).unwrap()
}

fn through(doc: &Document, format: Format) -> Result<Value, convert::ConvertError> {
    let out = convert::convert(
        doc,
        Some(Dialect::JsonResume),
        Target::new(Dialect::JsonResume, format),
    )?;
    Ok(load::parse(&out.text, format)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {format} output does not parse: {e}\n{}",
                doc.name, out.text
            )
        })
        .value)
}

/// Every scalar in a value (strings, numbers, booleans, nulls), counted.
fn leaves(value: &Value, out: &mut BTreeMap<String, usize>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| leaves(v, out)),
        Value::Object(map) => map.values().for_each(|v| leaves(v, out)),
        scalar => *out.entry(scalar.to_string()).or_default() += 1,
    }
}

fn leaf_counts(value: &Value) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    leaves(value, &mut out);
    out
}

#[test]
fn official_documents_round_trip_through_yaml_toml_and_fresh() {
    for path in official() {
        let doc = load(&path);
        for format in [Format::Yaml, Format::Toml, Format::Json] {
            let back = through(&doc, format).unwrap();
            assert_eq!(
                ordered(&back),
                ordered(&doc.value),
                "{} via {format}",
                doc.name
            );
        }
        let (fresh, _) = fresh::to_fresh(&doc.value).unwrap();
        assert_eq!(convert::detect(&fresh), Dialect::Fresh);
        let (back, _) = fresh::to_json_resume(&fresh).unwrap();
        // Same values, and for these documents (written in the standard's order) the
        // same key order too.
        assert_eq!(back, doc.value, "{} via FRESH", doc.name);
        assert_eq!(
            ordered(&back),
            ordered(&doc.value),
            "{} via FRESH",
            doc.name
        );
    }
}

#[test]
fn real_resumes_round_trip_through_yaml_and_toml_in_order() {
    let mut toml_refused = 0;
    for folder in ["resume-json", "resume-yaml"] {
        for doc in corpus(folder) {
            let back = through(&doc, Format::Yaml).unwrap();
            assert_eq!(ordered(&back), ordered(&doc.value), "{} via YAML", doc.name);
            match through(&doc, Format::Toml) {
                Ok(back) => {
                    assert_eq!(ordered(&back), ordered(&doc.value), "{} via TOML", doc.name);
                }
                Err(err) => {
                    // Refused only for a real null, named by its pointer.
                    assert_eq!(
                        doc.value.pointer(err.pointer()),
                        Some(&Value::Null),
                        "{}: {err}",
                        doc.name
                    );
                    toml_refused += 1;
                }
            }
        }
    }
    assert_eq!(toml_refused, 1, "031_SydoxX has a null publisher");
}

#[test]
fn real_resumes_round_trip_through_fresh_losing_nothing() {
    for folder in ["resume-json", "resume-yaml"] {
        for doc in corpus(folder) {
            if convert::detect(&doc.value) == Dialect::Fresh {
                continue;
            }
            let (fresh, report) = fresh::to_fresh(&doc.value).unwrap();
            let (back, _) = fresh::to_json_resume(&fresh).unwrap();
            assert_eq!(back, doc.value, "{} via FRESH", doc.name);
            // Every value is in the FRESH document too, plus FRESH's format marker.
            let mut got = leaf_counts(&fresh);
            if fresh.pointer("/meta/format") == Some(&Value::from(fresh::FRESH_FORMAT))
                && doc.value.pointer("/meta/x-fresh-format").is_none()
            {
                let marker = format!("\"{}\"", fresh::FRESH_FORMAT);
                *got.get_mut(&marker).unwrap() -= 1;
                got.retain(|_, n| *n > 0);
            }
            assert_eq!(got, leaf_counts(&doc.value), "{}", doc.name);
            assert_eq!(report.count(ChangeKind::Unresolved), 0, "{}", doc.name);
        }
    }
}

#[test]
fn fresh_resumes_convert_losing_nothing_and_stably() {
    let docs = corpus("fresh");
    assert_eq!(docs.len(), 4);
    for doc in docs {
        assert_eq!(convert::detect(&doc.value), Dialect::Fresh, "{}", doc.name);
        let (jr, report) = fresh::to_json_resume(&doc.value).unwrap();
        assert_eq!(convert::detect(&jr), Dialect::JsonResume, "{}", doc.name);
        // Every value of the FRESH file is in the JSON Resume one.
        assert_eq!(leaf_counts(&jr), leaf_counts(&doc.value), "{}", doc.name);
        assert!(report.count(ChangeKind::Extension) > 0, "{}", doc.name);
        // And going to FRESH and back changes nothing more.
        let (again, _) = fresh::to_fresh(&jr).unwrap();
        let (jr_again, _) = fresh::to_json_resume(&again).unwrap();
        assert_eq!(ordered(&jr_again), ordered(&jr), "{}", doc.name);
        // The FRESH document read back holds the same values as the original.
        assert_eq!(leaf_counts(&again), leaf_counts(&doc.value), "{}", doc.name);
    }
}

#[test]
fn fresh_sections_land_in_their_json_resume_places() {
    let doc = load(&fixture("corpus/fresh/007_alanverdugo_resume.json"));
    let (jr, _) = fresh::to_json_resume(&doc.value).unwrap();
    let at = |p: &str| {
        jr.pointer(p)
            .unwrap_or_else(|| panic!("{p} missing in {jr:#}"))
    };
    let src = |p: &str| doc.value.pointer(p).unwrap();
    assert_eq!(at("/basics/name"), src("/name"));
    assert_eq!(at("/basics/location/city"), src("/location/city"));
    assert_eq!(at("/basics/location/countryCode"), src("/location/country"));
    assert_eq!(at("/basics/profiles/0/username"), src("/social/0/user"));
    assert_eq!(at("/work/0/name"), src("/employment/history/0/employer"));
    assert_eq!(at("/work/0/startDate"), src("/employment/history/0/start"));
    assert_eq!(
        at("/work/0/x-fresh-current"),
        src("/employment/history/0/current")
    );
    assert_eq!(
        at("/volunteer/0/organization"),
        src("/service/history/0/organization")
    );
    assert_eq!(
        at("/volunteer/0/x-fresh-type"),
        src("/service/history/0/type")
    );
    assert_eq!(
        at("/education/0/courses"),
        src("/education/history/0/curriculum")
    );
    assert_eq!(at("/x-fresh-education/level"), src("/education/level"));
    assert_eq!(at("/skills/0/keywords"), src("/skills/sets/0/skills"));
    assert_eq!(at("/publications/0/name"), src("/writing/0/title"));
    assert_eq!(at("/publications/0/releaseDate"), src("/writing/0/date"));
    assert_eq!(at("/awards/0/awarder"), src("/recognition/0/from"));
    assert_eq!(at("/references/0/reference"), src("/testimonials/0/quote"));
    assert_eq!(
        at("/references/0/x-fresh-private"),
        src("/testimonials/0/private")
    );
    assert_eq!(at("/languages/0/fluency"), src("/languages/0/fluency"));
    assert_eq!(at("/meta/x-fresh-format"), src("/meta/format"));
}
