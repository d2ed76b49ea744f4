//! `vitae::diff` on the pairs in `fixtures/diff/`: the JSON Patch applies (checked with
//! the independent `json-patch` crate) and stays small, the outputs name the entries,
//! and a property test over random resume-shaped pairs.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use serde_json::{Map, Value, json};
use vitae::diff::{self, ChangeKind, Diff, IgnorePattern, Options, render};

use crate::support::fixture;

/// Applies `diff`'s patch to `old` with the `json-patch` crate.
fn apply(old: &Value, diff: &Diff) -> Value {
    let ops: Vec<json_patch::PatchOperation> =
        serde_json::from_value(serde_json::to_value(&diff.patch).unwrap())
            .expect("our patch is RFC 6902 JSON");
    let mut doc = old.clone();
    json_patch::patch(&mut doc, &ops)
        .unwrap_or_else(|e| panic!("patch does not apply: {e}\n{:#?}", diff.patch));
    doc
}

fn side(dir: &Path, stem: &str) -> PathBuf {
    ["json", "yaml", "toml"]
        .iter()
        .map(|ext| dir.join(format!("{stem}.{ext}")))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("no {stem}.* in {}", dir.display()))
}

fn load_pair(case: &str) -> (Value, Value) {
    let dir = fixture("diff").join(case);
    let load = |stem| {
        vitae::load::from_path(&side(&dir, stem), None)
            .unwrap()
            .value
    };
    (load("old"), load("new"))
}

/// Every pair, with the number of patch operations it should take (the fewest that
/// say what happened) and the number of changes a reader is shown. OLD is a resume
/// from `fixtures/corpus/resume-json/` (see its SOURCES.tsv) unless said otherwise; NEW
/// is that resume edited:
/// - custom-sections (013_roschaefer): 2 of 44 projects moved, a translated description
///   edited, a field added to a custom section;
/// - end-date-added (005_AlecRust): the current job ended;
/// - highlight-edited (001_0xadada): a highlight reworded, one added, one removed;
/// - job-added-at-top (007_SelrahcD): a new job before 16;
/// - jobs-removed-reordered (033_paskal, OLD as YAML): 2 jobs removed, 1 moved up;
/// - json-vs-yaml (021_AanikaTahsin): the same resume as YAML;
/// - keys-reordered (009_myugen): every object's keys reversed;
/// - position-renamed (015_ybabel): a position lengthened, an employer's accent lost;
/// - sections-added-removed (023_AlMarquezDev): 2 sections gone, 2 added, a custom
///   field;
/// - skills-changed (031_SydoxX): a skill moved to the top, one removed, one added,
///   keywords given to another;
/// - unicode (hand-written, YAML against JSON): CJK, accents and emoji.
const CASES: &[(&str, usize, usize)] = &[
    ("custom-sections", 4, 4),
    ("end-date-added", 1, 1),
    ("highlight-edited", 3, 3),
    ("job-added-at-top", 1, 1),
    ("jobs-removed-reordered", 3, 3),
    ("json-vs-yaml", 0, 0),
    ("keys-reordered", 0, 0),
    ("position-renamed", 2, 2),
    ("sections-added-removed", 5, 5),
    ("skills-changed", 5, 5),
    ("unicode", 4, 4),
];

#[test]
fn every_fixture_pair_is_listed() {
    let mut dirs: Vec<String> = std::fs::read_dir(fixture("diff"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    let listed: Vec<&str> = CASES.iter().map(|c| c.0).collect();
    assert_eq!(dirs, listed);
}

#[test]
fn patches_apply_and_stay_small() {
    for &(case, ops, changes) in CASES {
        let (old, new) = load_pair(case);
        let d = diff::diff(&old, &new, &Options::default());
        assert_eq!(apply(&old, &d), new, "{case}");
        assert_eq!(d.patch.len(), ops, "{case}: {:#?}", d.patch);
        assert_eq!(d.changes.len(), changes, "{case}: {:#?}", d.changes);
        // And back again.
        let back = diff::diff(&new, &old, &Options::default());
        assert_eq!(apply(&new, &back), old, "{case} reversed");
    }
}

#[test]
fn a_job_added_at_the_top_is_one_add_at_work_0() {
    let (old, new) = load_pair("job-added-at-top");
    let d = diff::diff(&old, &new, &Options::default());
    let patch = serde_json::to_value(&d.patch).unwrap();
    assert_eq!(patch[0]["op"], "add");
    assert_eq!(patch[0]["path"], "/work/0");
    assert_eq!(patch[0]["value"]["name"], "Fjord Analytics");
    let c = &d.changes[0];
    assert_eq!(c.kind, ChangeKind::Added);
    assert_eq!(c.section, "work");
    assert_eq!(c.entry.as_deref(), Some("Fjord Analytics — Data Engineer"));
    assert_eq!(c.new_pointer.as_deref(), Some("/work/0"));
}

#[test]
fn reordered_jobs_are_moves_not_rewrites() {
    let (old, new) = load_pair("jobs-removed-reordered");
    let d = diff::diff(&old, &new, &Options::default());
    let kinds: Vec<&str> = d.patch.iter().map(|op| op_name(op)).collect();
    assert_eq!(kinds, ["remove", "remove", "move"]);
    let moved: Vec<_> = d
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::Moved)
        .collect();
    assert_eq!(moved.len(), 1);
    assert_eq!(
        moved[0].entry.as_deref(),
        Some("Booking.com — Site Reliability Engineer, Cloud Security")
    );
}

fn op_name(op: &diff::PatchOp) -> &'static str {
    match op {
        diff::PatchOp::Add { .. } => "add",
        diff::PatchOp::Remove { .. } => "remove",
        diff::PatchOp::Replace { .. } => "replace",
        diff::PatchOp::Move { .. } => "move",
    }
}

#[test]
fn a_renamed_position_is_a_change_to_the_same_job() {
    let (old, new) = load_pair("position-renamed");
    let d = diff::diff(&old, &new, &Options::default());
    let c = &d.changes[0];
    assert_eq!(c.kind, ChangeKind::Changed);
    assert_eq!(c.entry.as_deref(), Some("Sodifrance — Chef de projet"));
    assert_eq!(c.field, "position");
    assert_eq!(c.new, Some(json!("Chef de projet technique")));
    assert_eq!(d.changes[1].field, "company");
}

#[test]
fn the_same_resume_in_json_yaml_and_toml_has_no_differences() {
    let valid = fixture("valid");
    let docs: Vec<Value> = ["json", "yaml", "toml"]
        .iter()
        .map(|ext| {
            vitae::load::from_path(&valid.join(format!("sample.resume.{ext}")), None)
                .unwrap()
                .value
        })
        .collect();
    for a in &docs {
        for b in &docs {
            let d = diff::diff(a, b, &Options::default());
            assert!(d.is_empty(), "{:#?}", d.changes);
        }
    }
}

#[test]
fn ignored_paths_are_neither_reported_nor_patched() {
    let (old, new) = load_pair("sections-added-removed");
    let options = Options {
        ignore: ["/meta", "/x-talks", "/basics/x-pronouns"]
            .iter()
            .map(|p| IgnorePattern::parse(p).unwrap())
            .collect(),
    };
    let d = diff::diff(&old, &new, &options);
    let sections: Vec<&str> = d.changes.iter().map(|c| c.section.as_str()).collect();
    assert_eq!(sections, ["references", "volunteer"]);
    let patched = apply(&old, &d);
    assert!(patched.get("meta").is_none() && patched.get("x-talks").is_none());

    let (old, new) = load_pair("highlight-edited");
    let options = Options {
        ignore: vec![IgnorePattern::parse("/work/*/highlights").unwrap()],
    };
    assert!(diff::diff(&old, &new, &options).is_empty());
}

/// The human and Markdown outputs of every pair, reviewed by hand.
#[test]
fn outputs_name_the_entries() {
    for &(case, _, _) in CASES {
        let (old, new) = load_pair(case);
        let d = diff::diff(&old, &new, &Options::default());
        insta::assert_snapshot!(format!("diff-human-{case}"), render::human(&d, false));
        insta::assert_snapshot!(
            format!("diff-markdown-{case}"),
            render::markdown(&d, "old", "new")
        );
    }
}

#[test]
fn the_json_report_parses_back() {
    let (old, new) = load_pair("skills-changed");
    let d = diff::diff(&old, &new, &Options::default());
    let text = render::json(&d, "a.json", "b.json");
    let report: render::JsonReport = serde_json::from_str(&text).unwrap();
    assert_eq!(report.changes, d.changes);
    assert_eq!(report.summary, d.summary());
    assert_eq!(report.old, "a.json");
    // The documented field names.
    let raw: Value = serde_json::from_str(&text).unwrap();
    let first = raw["changes"][0].as_object().unwrap();
    let keys: Vec<&str> = first.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "kind",
            "section",
            "entry",
            "field",
            "oldPointer",
            "newPointer",
            "old",
            "new"
        ]
    );
    assert_eq!(raw["changes"][0]["kind"], "removed");
    assert_eq!(
        raw["summary"],
        json!({"added": 3, "removed": 1, "changed": 0, "moved": 1})
    );
}

// ---------------------------------------------------------------------------------------
// Property test: for any two resume-shaped documents, the patch turns OLD into NEW.

const WORDS: &[&str] = &[
    "Nordlys",
    "Fjord",
    "Engineer",
    "Senior Engineer",
    "Rust",
    "Go",
    "Led",
    "the",
    "team",
    "Shipped",
    "billing",
    "Zürich",
    "日本",
    "🚀",
    "a/b",
    "x~y",
    "",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..4).prop_map(|w| w.join(" "))
}

fn date() -> impl Strategy<Value = String> {
    prop::sample::select(&["2019", "2019-01", "2020-06", "2024-01-15"][..]).prop_map(String::from)
}

fn entry() -> impl Strategy<Value = Value> {
    (
        prop::option::of(prop::sample::select(&WORDS[..4])),
        prop::option::of(prop::sample::select(&WORDS[2..5])),
        prop::option::of(date()),
        prop::option::of(date()),
        prop::option::of(prop::collection::vec(text(), 0..5)),
        prop::option::of(text()),
    )
        .prop_map(|(name, position, start, end, highlights, custom)| {
            let mut m = Map::new();
            let mut put = |k: &str, v: Option<Value>| {
                if let Some(v) = v {
                    m.insert(k.to_owned(), v);
                }
            };
            put("name", name.map(Value::from));
            put("position", position.map(Value::from));
            put("startDate", start.map(Value::from));
            put("endDate", end.map(Value::from));
            put("highlights", highlights.map(Value::from));
            put("x-note", custom.map(Value::from));
            Value::Object(m)
        })
}

fn skill() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(&WORDS[4..8]),
        prop::collection::vec(prop::sample::select(WORDS), 0..5),
    )
        .prop_map(|(name, keywords)| json!({"name": name, "keywords": keywords}))
}

/// Any JSON value, a few levels deep: custom sections are compared too.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (-3i64..3).prop_map(Value::from),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::vec((prop::sample::select(WORDS), inner), 0..4).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

fn resume() -> impl Strategy<Value = Value> {
    (
        prop::option::of(text()),
        prop::option::of(prop::collection::vec(entry(), 0..6)),
        prop::option::of(prop::collection::vec(skill(), 0..5)),
        prop::option::of(any_json()),
    )
        .prop_map(|(name, work, skills, custom)| {
            let mut m = Map::new();
            if let Some(name) = name {
                m.insert("basics".into(), json!({"name": name}));
            }
            if let Some(work) = work {
                m.insert("work".into(), Value::from(work));
            }
            if let Some(skills) = skills {
                m.insert("skills".into(), Value::from(skills));
            }
            if let Some(custom) = custom {
                m.insert("x-custom".into(), custom);
            }
            Value::Object(m)
        })
}

/// A document whose jobs have distinct employers, and an edited copy: jobs inserted,
/// removed, swapped, moved, an end date set. Returns the pair and how many edits.
fn edited_pair() -> impl Strategy<Value = (Value, Value, usize)> {
    (
        resume(),
        prop::collection::vec((0u8..5, any::<usize>(), any::<usize>(), entry()), 0..6),
    )
        .prop_map(|(mut old, edits)| {
            let mut count = 0;
            if let Some(Value::Array(work)) = old.get_mut("work") {
                for (k, job) in work.iter_mut().enumerate() {
                    job["name"] = json!(format!("Employer {k}"));
                    // Every entry dated, newcomers (below) in other years: the diff never
                    // pairs entries whose dates differ, so a newcomer is never taken for
                    // an old job renamed (which would be a fair reading of a newcomer
                    // with the same title and start as a removed job, and costs more
                    // operations than the count of edits allows).
                    job["startDate"] = json!(format!("20{:02}", 10 + k % 10));
                }
            }
            let mut new = old.clone();
            if let Some(Value::Array(work)) = new.get_mut("work") {
                for (k, (kind, a, b, mut fresh)) in edits.into_iter().enumerate() {
                    let n = work.len();
                    fresh["name"] = json!(format!("Newcomer {k}"));
                    fresh["startDate"] = json!(format!("199{k}"));
                    count += 1;
                    match kind {
                        0 => work.insert(a % (n + 1), fresh),
                        1 if n > 0 => {
                            work.remove(a % n);
                        }
                        2 if n > 0 => work.swap(a % n, b % n),
                        3 if n > 0 => work[a % n]["endDate"] = json!("2025-01"),
                        4 if n > 0 => {
                            let e = work.remove(a % n);
                            work.insert(b % n, e);
                        }
                        _ => count -= 1,
                    }
                }
            }
            (old, new, count)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn patch_turns_any_old_into_new(old in resume(), new in resume()) {
        let d = diff::diff(&old, &new, &Options::default());
        prop_assert_eq!(apply(&old, &d), new.clone());
        prop_assert_eq!(d.is_empty(), old == new);
    }

    #[test]
    fn patch_of_an_edited_copy_is_small(pair in edited_pair()) {
        let (old, new, edits) = pair;
        let d = diff::diff(&old, &new, &Options::default());
        prop_assert_eq!(apply(&old, &d), new.clone());
        // Each edit costs at most two operations (a swap is two moves).
        prop_assert!(d.patch.len() <= 2 * edits, "{} ops for {} edits", d.patch.len(), edits);
    }

    #[test]
    fn arbitrary_json_values(old in any_json(), new in any_json()) {
        let d = diff::diff(&old, &new, &Options::default());
        prop_assert_eq!(apply(&old, &d), new);
    }
}
