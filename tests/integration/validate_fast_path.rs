//! `Validator::check_text` (the fast path the CLI takes) gives exactly the findings of
//! `load::parse` + `Validator::validate` on every fixture and corpus document.

use vitae::load::{self, Format};
use vitae::validate::Validator;

use crate::support::{files_in, fixture};

#[test]
fn the_fast_path_agrees_with_the_full_path() {
    let validator = Validator::new();
    let mut checked = 0;
    let mut fast = 0;
    for dir in [
        "valid",
        "invalid",
        "corpus/resume-json",
        "jsonresume/examples",
        "jsonresume/legacy-examples",
        "jsonresume/tests",
    ] {
        for path in files_in(&fixture(dir), "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            let full = load::parse(&text, Format::Json).map(|d| validator.validate(&d));
            let quick = validator.check_text("x", &text, Format::Json);
            match (full, quick) {
                (Ok(full), Ok(quick)) => {
                    assert_eq!(
                        full.diagnostics,
                        quick.report.diagnostics,
                        "{}",
                        path.display()
                    );
                    fast += usize::from(quick.document.is_none());
                }
                (Err(a), Err(b)) => assert_eq!(a, b, "{}", path.display()),
                (a, b) => panic!("{}: {a:?} vs {b:?}", path.display()),
            }
            checked += 1;
        }
    }
    assert!(checked > 40, "{checked}");
    assert!(fast > 0, "some documents take the fast path");
}

#[test]
fn repeated_keys_leave_the_fast_path() {
    let text = "{\"basics\": {\"name\": \"A\", \"name\": \"B\"}}";
    let checked = Validator::new()
        .check_text("x", text, Format::Json)
        .unwrap();
    assert_eq!(checked.report.diagnostics[0].code, "lint/duplicate-key");
    assert!(checked.document.is_some());
}
