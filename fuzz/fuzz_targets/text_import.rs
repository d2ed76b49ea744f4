//! Any text through the free-form CV importer: no panic, one line report per source
//! line, and a resume that is valid under the official v1.3.1 schema.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use vitae::convert::text::import;

fn official() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema = vitae::schema::official("v1.3.1").expect("the official schema is embedded");
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("the official schema compiles")
    })
}

fuzz_target!(|text: &str| {
    let got = import(text);
    assert_eq!(got.lines.len(), text.split('\n').count(), "one report per line");
    if let Some(error) = official().iter_errors(&got.resume).next() {
        panic!(
            "invalid under the official schema: {error} at {}\n{:#}",
            error.instance_path(),
            got.resume
        );
    }
    let _ = got.report();
});
