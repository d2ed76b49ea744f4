//! `docs/fresh.md` is the FRESH mapping: its table lists exactly the rows of
//! `vitae::convert::fresh::mapping()`, and every row holds both ways.

use std::path::Path;

use serde_json::{Map, Value, json};
use vitae::convert::fresh::{Row, mapping, to_fresh, to_json_resume};

/// The rows of every table in the document whose first two cells are code.
fn documented() -> Vec<Row> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/fresh.md");
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let code = |c: &str| c.trim_matches('`').to_owned();
            Row {
                json_resume: code(cells[1]),
                fresh: code(cells[2]),
            }
        })
        .collect()
}

/// A document holding `leaf` at `path` (`a.b[].c`: lists have one entry).
fn document(path: &str, leaf: Value) -> Value {
    let mut value = leaf;
    for token in path.rsplit('.') {
        let (key, list) = match token.strip_suffix("[]") {
            Some(key) => (key, true),
            None => (token, false),
        };
        if list {
            value = Value::Array(vec![value]);
        }
        let mut object = Map::new();
        object.insert(key.to_owned(), value);
        value = Value::Object(object);
    }
    value
}

fn at<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    let mut value = value;
    for token in path.split('.') {
        let (key, list) = match token.strip_suffix("[]") {
            Some(key) => (key, true),
            None => (token, false),
        };
        value = value.get(key)?;
        if list {
            value = value.get(0)?;
        }
    }
    Some(value)
}

#[test]
fn the_table_is_the_mapping() {
    let mut documented = documented();
    let mut code = mapping();
    documented.sort();
    code.sort();
    let missing: Vec<_> = code.iter().filter(|r| !documented.contains(r)).collect();
    let extra: Vec<_> = documented.iter().filter(|r| !code.contains(r)).collect();
    assert!(
        missing.is_empty(),
        "rows missing from docs/fresh.md: {missing:#?}"
    );
    assert!(
        extra.is_empty(),
        "rows in docs/fresh.md the code does not have: {extra:#?}"
    );
    assert!(documented.len() > 100);
}

#[test]
fn every_row_holds_both_ways() {
    for row in mapping() {
        let (jr_leaf, fresh_leaf) = match (row.json_resume.as_str(), row.fresh.as_str()) {
            ("projects[].roles", "projects[].role") => (json!(["Lead"]), json!("Lead")),
            ("projects[].roles", _) => (json!(["Lead", "Writer"]), json!(["Lead", "Writer"])),
            _ => (json!("marker"), json!("marker")),
        };
        let jr = document(&row.json_resume, jr_leaf.clone());
        let (fresh, _) = to_fresh(&jr).unwrap();
        assert_eq!(
            at(&fresh, &row.fresh),
            Some(&fresh_leaf),
            "{row:?}\n{fresh:#}"
        );

        let fresh = document(&row.fresh, fresh_leaf);
        let (jr, _) = to_json_resume(&fresh).unwrap();
        assert_eq!(at(&jr, &row.json_resume), Some(&jr_leaf), "{row:?}\n{jr:#}");
    }
}
