//! `vitae schema`.

use crate::support::{run, stdout};

#[test]
fn prints_the_committed_schema_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["schema"]);
    assert!(out.status.success());
    let committed =
        std::fs::read_to_string(crate::support::fixture("../schema/resume.schema.json")).unwrap();
    assert_eq!(stdout(&out), committed);

    let out = run(dir.path(), &["schema", "-o", "s.json"]);
    assert!(out.status.success());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("s.json")).unwrap(),
        committed
    );
}
