//! The free-form CV importer against labelled fixtures: facts found (field F1), words
//! kept, schema validity, and every source line accounted for.
//!
//! Each `fixtures/text/expected/NAME.json` is a resume typed by hand from the source
//! `fixtures/text/NAME.{txt,md}` (or `fixtures/corpus/text/NAME.{txt,md}`). `cargo run
//! --example text_accuracy -- -v` prints the same figures with the facts missed.

use std::path::PathBuf;

use proptest::prelude::*;
use serde_json::Value;
use vitae::convert::text::{LineKind, accuracy, import};

use crate::support::{files_in, fixture};

/// Field-F1 floors: the level each fixture reached when it was added, less a margin,
/// so quality cannot fall silently.
const F1_FLOORS: &[(&str, f64)] = &[
    ("seed-cv-source", 0.95),
    ("006_StephenBrown2_resume", 0.95),
    ("008_mazurbeam_my-resume", 0.95),
    ("011_jbwashington_resume", 0.74),
    ("012_alanverdugo_resume", 0.92),
    ("013_Alireza29675_Me", 0.95),
    ("de-firma-markdown", 0.95),
    ("de-lebenslauf", 0.95),
    ("de-lebenslauf-tabelle", 0.95),
    ("de-werdegang-caps", 0.95),
    ("de-markdown", 0.95),
    ("de-tabellarisch", 0.95),
    ("en-academic", 0.93),
    ("en-dot-separated", 0.95),
    ("en-europass", 0.88),
    ("en-pdf-columns", 0.95),
    ("en-pdf-layout", 0.95),
    ("en-plain-caps", 0.95),
    ("en-readme", 0.95),
    ("en-setext", 0.95),
    ("en-title-at", 0.95),
    ("en-us-resume", 0.95),
    ("es-cv", 0.95),
    ("fr-cv", 0.95),
    ("linkedin-export", 0.95),
    ("nl-cv", 0.95),
];

fn official() -> jsonschema::Validator {
    let schema = vitae::schema::official("v1.3.1").expect("embedded schema");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles")
}

fn assert_valid(validator: &jsonschema::Validator, resume: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(resume)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what}: not valid under the official schema: {errors:#?}"
    );
}

fn source_for(stem: &str) -> PathBuf {
    for dir in ["text", "corpus/text"] {
        for ext in ["txt", "md"] {
            let p = fixture(&format!("{dir}/{stem}.{ext}"));
            if p.exists() {
                return p;
            }
        }
    }
    panic!("no source text for fixtures/text/expected/{stem}.json");
}

#[test]
fn labelled_fixtures_meet_their_floors() {
    let validator = official();
    let expected_files = files_in(&fixture("text/expected"), "json");
    assert!(expected_files.len() >= 12, "labelled fixtures went missing");
    let mut seen = Vec::new();
    for path in expected_files {
        let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let text = std::fs::read_to_string(source_for(&stem)).unwrap();
        let expected: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{stem}: expected resume: {e}"));
        // The expected document itself is a valid resume.
        assert_valid(&validator, &expected, &format!("{stem} (expected)"));
        let got = import(&text);
        assert_valid(&validator, &got.resume, &stem);
        let words = accuracy::word_coverage(&text, &got.resume);
        assert!(
            words.share() >= 0.98,
            "{stem}: only {:.4} of the words kept; lost: {:?}",
            words.share(),
            &words.lost[..words.lost.len().min(20)]
        );
        let score = accuracy::score(&expected, &got.resume);
        let floor = F1_FLOORS
            .iter()
            .find(|(name, _)| *name == stem)
            .map(|(_, f)| *f)
            .unwrap_or_else(|| panic!("{stem}: no F1 floor set in F1_FLOORS"));
        assert!(
            score.f1() >= floor,
            "{stem}: field F1 {:.3} < {floor}; missing {:#?}; extra {:#?}",
            score.f1(),
            score.missing,
            score.extra
        );
        seen.push(stem);
    }
    assert!(seen.iter().any(|s| s == "seed-cv-source"));
}

#[test]
fn seed_cv_facts() {
    let text = std::fs::read_to_string(fixture("text/seed-cv-source.txt")).unwrap();
    let r = import(&text).resume;
    assert_eq!(r["basics"]["name"], "Eric Koepke");
    assert_eq!(r["basics"]["label"], "Data/Machine Learning Engineer");
    assert_eq!(r["basics"]["location"]["city"], "Amsterdam");
    assert_eq!(r["work"][0]["name"], "October");
    assert_eq!(r["work"][0]["startDate"], "2021-11");
    assert_eq!(r["work"][0]["endDate"], "2023-12");
    assert_eq!(r["work"][1]["position"], "Research Assistant");
    assert_eq!(
        r["education"][0]["score"],
        "Graduated among the best 25% of my class"
    );
    assert_eq!(r["languages"][2]["fluency"], "Mother tongue");
    assert_eq!(r["skills"][3]["name"], "Machine Learning");
    assert_eq!(r["skills"][3]["keywords"][3], "scikit-learn");
    // Sub-headed paragraphs of a job are highlights, not new jobs.
    assert_eq!(r["work"].as_array().unwrap().len(), 3);
    assert!(
        r["work"][0]["highlights"][0]
            .as_str()
            .unwrap()
            .starts_with("Model Monitoring Architecture: ")
    );
}

#[test]
fn every_corpus_text_is_valid_and_keeps_its_words() {
    let validator = official();
    let mut files = files_in(&fixture("corpus/text"), "md");
    files.extend(files_in(&fixture("corpus/text"), "txt"));
    files.extend(files_in(&fixture("text"), "txt"));
    files.extend(files_in(&fixture("text"), "md"));
    assert!(files.len() >= 20);
    for path in files {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let got = import(&text);
        assert_valid(&validator, &got.resume, &name);
        let words = accuracy::word_coverage(&text, &got.resume);
        assert!(
            words.share() >= 0.98,
            "{name}: {:.4} kept; lost {:?}",
            words.share(),
            words.lost
        );
        // Every line with words went somewhere, and is reported.
        assert_eq!(got.lines.len(), text.split('\n').count(), "{name}");
        for l in &got.lines {
            assert!(
                l.kind != LineKind::Content || !l.targets.is_empty(),
                "{name}:{}: line with words has no target: {:?}",
                l.line,
                l.text
            );
        }
    }
}

#[test]
fn report_names_lines_and_pointers() {
    let got = import("Jane Doe\njane@example.com\n\n## Skills\nRust, Go, SQL\n\nBorn in 1990\n");
    let report = got.report();
    assert!(report.contains("    1  /basics/name"), "{report}");
    assert!(report.contains("    2  /basics/email"), "{report}");
    assert!(report.contains("/skills/0/keywords/0-2  "), "{report}");
    // The full list stays in `lines`.
    assert_eq!(got.lines[4].targets.len(), 4, "{:?}", got.lines[4]);
    assert_eq!(got.lines[2].kind, LineKind::Blank);
}

#[test]
fn nothing_lost_goes_to_unmapped() {
    let got = import("Jane Doe\nNationality: Atlantean\n");
    assert_eq!(
        got.resume["meta"]["x-vitae"]["unmapped"][0],
        "Nationality: Atlantean"
    );
    assert_eq!(got.unmapped(), vec![(2, "Nationality: Atlantean")]);
}

/// Values the importer's own checks let through but the schema's format checkers refuse
/// move to `meta.x-vitae.unmapped` in the last stage: the resume is valid, the text is
/// kept word for word, and the line report says where it went.
#[test]
fn values_the_schema_refuses_move_to_unmapped() {
    let long_label = format!("jane@{}.com", "a".repeat(64));
    let cases = [
        // A domain label with hyphens in 3rd and 4th place must be punycode.
        ("jane@ab--cd.com", "email"),
        // No domain label longer than 63 characters.
        (long_label.as_str(), "email"),
        // A port must be a number.
        ("https://example.com:web/jane", "url"),
    ];
    let validator = official();
    for (line, field) in cases {
        let text = format!("Jane Doe\n{line}\n");
        let got = import(&text);
        assert_valid(&validator, &got.resume, line);
        assert_eq!(got.resume["basics"]["name"], "Jane Doe", "{line}");
        assert!(
            got.resume["basics"].get(field).is_none(),
            "{line}: {:#}",
            got.resume
        );
        let unmapped = &got.resume["meta"]["x-vitae"]["unmapped"];
        assert!(
            unmapped.as_array().is_some_and(|u| u
                .iter()
                .any(|v| v.as_str().is_some_and(|s| s.contains(line)))),
            "{line}: {:#}",
            got.resume
        );
        assert_eq!(got.unmapped(), vec![(2, line)], "{line}");
        assert!(
            got.lines[1]
                .targets
                .iter()
                .all(|t| t.starts_with("/meta/x-vitae/unmapped/")),
            "{line}: {:?}",
            got.lines[1]
        );
        let words = accuracy::word_coverage(&text, &got.resume);
        assert_eq!(words.kept, words.total, "{line}: lost {:?}", words.lost);
    }
}

/// Inputs the `text_import` fuzz target found, kept as regressions.
#[test]
fn fuzz_regressions() {
    // An interleaved sidebar line split into `Label: list` lines kept the column gap of
    // the line it came from: an offset past the end of the new text (a panic).
    let text = include_str!("fuzz/text_import-sidebar-gap.md");
    let got = import(text);
    assert_valid(&official(), &got.resume, "sidebar gap");
    assert_eq!(got.lines.len(), text.split('\n').count());
}

#[test]
fn unknown_sections_of_short_bullets_are_skills() {
    let got = import(
        "# Jane Doe\n\n## Experience\n\nEngineer, Acme (2019 - 2020)\n\n\
         ## WEB WORLD\n\n* Html, CSS\n* Scripts: PHP, Ruby\n* Flex, AS3\n\n\
         ## DATABASE\n\n* MySQL, PostgreSQL, Redis\n\n\
         ## COMPILED LANGUAGES\n\n* C, C++, Java\n",
    );
    let skills = &got.resume["skills"];
    let group = |name: &str| {
        skills
            .as_array()
            .and_then(|a| a.iter().find(|s| s["name"] == name))
            .unwrap_or_else(|| panic!("no skills group {name}: {skills:#}"))
    };
    // `Flex, AS3` beside `Scripts: …` belongs to the section, not to `Scripts`.
    assert_eq!(
        group("WEB WORLD")["keywords"],
        serde_json::json!(["Html", "CSS", "Flex", "AS3"])
    );
    assert_eq!(
        group("Scripts")["keywords"],
        serde_json::json!(["PHP", "Ruby"])
    );
    assert_eq!(
        group("DATABASE")["keywords"],
        serde_json::json!(["MySQL", "PostgreSQL", "Redis"])
    );
    // Programming languages under a `languages` heading are skills, not spoken ones.
    assert_eq!(
        group("COMPILED LANGUAGES")["keywords"],
        serde_json::json!(["C", "C++", "Java"])
    );
    assert!(got.resume.get("languages").is_none(), "{:#}", got.resume);
    assert!(got.unmapped().is_empty(), "{:?}", got.unmapped());
}

#[test]
fn numbered_skill_groups() {
    let got = import(
        "# Jane Doe\n\n## Skills\n\n01. Languages\n\n* JavaScript\n* PHP, Ruby\n\n\
         02. Source Code Management\n\n* GIT\n* SVN\n",
    );
    assert_eq!(
        got.resume["skills"],
        serde_json::json!([
            {"name": "Languages", "keywords": ["JavaScript", "PHP", "Ruby"]},
            {"name": "Source Code Management", "keywords": ["GIT", "SVN"]}
        ])
    );
}

#[test]
fn a_date_after_a_bare_dash_is_an_end_date() {
    let got = import("# Jane Doe\n\n## Experience\n\nEngineer, Acme (??? — 2010-08)\n");
    let job = &got.resume["work"][0];
    assert_eq!(job["endDate"], "2010-08", "{job:#}");
    assert!(job.get("startDate").is_none(), "{job:#}");
}

#[test]
fn long_and_pathological_inputs() {
    // A long line of digits and dashes, deep emphasis, many brackets: no panic, fast enough
    // to finish (quadratic work would not).
    let mut text = String::new();
    text.push_str(&"2019-2020 ".repeat(20_000));
    text.push('\n');
    text.push_str(&"**".repeat(10_000));
    text.push('\n');
    text.push_str(&"([".repeat(10_000));
    text.push('\n');
    text.push_str(&"S o f t ".repeat(10_000));
    let got = import(&text);
    assert_valid(&official(), &got.resume, "pathological");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_text_gives_a_valid_resume(text in "(\\PC{0,40}\n){0,20}") {
        let got = import(&text);
        let validator = official();
        prop_assert!(validator.is_valid(&got.resume), "{:?}", got.resume);
        prop_assert_eq!(got.lines.len(), text.split('\n').count());
    }

    #[test]
    fn cv_like_text_gives_a_valid_resume(
        lines in proptest::collection::vec(
            prop_oneof![
                Just("# Jane Doe".to_owned()),
                Just("## Experience".to_owned()),
                Just("EDUCATION".to_owned()),
                Just("Skills:".to_owned()),
                "[A-Za-z ]{0,20} \\| [A-Za-z ]{0,12} \\| (0[1-9]|1[0-2])/20[0-2][0-9] - (heute|Present|2024)",
                "- [A-Za-z ,]{0,30}",
                "[A-Za-z@.:/ ]{0,30}",
                Just("Deutsch (Muttersprache), English (C1)".to_owned()),
                Just("https://github.com/x y@z.io +49 170 1234567".to_owned()),
            ],
            0..30,
        )
    ) {
        let text = lines.join("\n");
        let got = import(&text);
        prop_assert!(official().is_valid(&got.resume), "{}", serde_json::to_string_pretty(&got.resume).unwrap());
    }
}
