//! The generated schema is committed, fresh, and gives the official schema's verdict on
//! every official fixture and every real resume in the corpus.

use serde_json::{Value, json};

use crate::support::{files_in, fixture};

fn compile(schema: &Value) -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("schema compiles")
}

#[test]
fn committed_schema_is_fresh() {
    let committed =
        std::fs::read_to_string(fixture("../schema/resume.schema.json")).unwrap_or_default();
    let generated = vitae::schema::generate_string();
    assert!(
        committed == generated,
        "schema/resume.schema.json is stale: regenerate it with\n    cargo run -- schema -o schema/resume.schema.json"
    );
}

/// Every case of the official test fixtures: (name, document, expected verdict).
fn official_cases() -> Vec<(String, Value, bool)> {
    let mut cases = Vec::new();
    for path in files_in(&fixture("jsonresume/tests"), "json") {
        let file = path.file_stem().unwrap().to_string_lossy().into_owned();
        if file == "schema" {
            continue; // an orphan upstream: its cases do not match the schema's own rules
        }
        let cases_in_file: serde_json::Map<String, Value> =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for (key, value) in cases_in_file {
            if file == "dates" {
                // Bare date strings: try each in every date field.
                let valid = key != "invalid";
                cases.push((
                    format!("{file}/{key}"),
                    json!({"work": [{"startDate": value}]}),
                    valid,
                ));
                continue;
            }
            let valid = if key.contains("Invalid") {
                false
            } else if key.contains("Valid") {
                true
            } else {
                panic!("{file}/{key}: neither Valid nor Invalid")
            };
            cases.push((format!("{file}/{key}"), value, valid));
        }
    }
    assert!(
        cases.len() > 150,
        "only {} official cases found",
        cases.len()
    );
    cases
}

#[test]
fn official_cases_agree_with_official_schema() {
    let official = compile(&vitae::schema::official("v1.3.1").unwrap());
    let generated = compile(&vitae::schema::generate());
    let mut disagreements = Vec::new();
    for (name, doc, expected) in official_cases() {
        let (o, g) = (official.is_valid(&doc), generated.is_valid(&doc));
        if o != expected || g != expected {
            disagreements.push(format!(
                "{name}: expected {expected}, official {o}, generated {g}"
            ));
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

#[test]
fn real_resumes_agree_with_official_schema() {
    let official = compile(&vitae::schema::official("v1.3.1").unwrap());
    let generated = compile(&vitae::schema::generate());
    let mut docs = vec![fixture("jsonresume/sample.resume.json")];
    docs.extend(files_in(&fixture("jsonresume/examples"), "json"));
    docs.extend(files_in(&fixture("jsonresume/legacy-examples"), "json"));
    docs.extend(files_in(
        &fixture("jsonresume/legacy-examples/valid"),
        "json",
    ));
    docs.extend(files_in(
        &fixture("jsonresume/legacy-examples/invalid"),
        "json",
    ));
    docs.extend(files_in(&fixture("corpus/resume-json"), "json"));
    docs.extend(files_in(&fixture("corpus/fresh"), "json"));
    let (mut checked, mut invalid) = (0, 0);
    let mut disagreements = Vec::new();
    for path in docs {
        let text = std::fs::read_to_string(&path).unwrap();
        let Ok(doc) = serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}')) else {
            continue; // unparseable files are `parse/syntax` findings, not schema verdicts
        };
        checked += 1;
        let (o, g) = (official.is_valid(&doc), generated.is_valid(&doc));
        invalid += usize::from(!o);
        if o != g {
            disagreements.push(format!("{}: official {o}, generated {g}", path.display()));
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
    assert!(checked >= 30, "only {checked} documents checked");
    // The corpus has invalid documents too, so the comparison can tell the two apart.
    assert!(invalid > 0, "no invalid document among {checked}");
}

#[test]
fn every_valid_document_reads_into_the_model_and_back_unchanged() {
    let official = compile(&vitae::schema::official("v1.3.1").unwrap());
    let mut docs = vec![fixture("jsonresume/sample.resume.json")];
    docs.extend(files_in(&fixture("jsonresume/examples"), "json"));
    docs.extend(files_in(&fixture("corpus/resume-json"), "json"));
    let mut checked = 0;
    for path in docs {
        let text = std::fs::read_to_string(&path).unwrap();
        let Ok(value) = serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}')) else {
            continue;
        };
        if !official.is_valid(&value) {
            continue;
        }
        let resume =
            vitae::Resume::from_value(&value).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            resume.to_value(),
            value,
            "{} changed in a round trip",
            path.display()
        );
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} valid documents");
}
