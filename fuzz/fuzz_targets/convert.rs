//! Whatever the loader accepts, through every converter: no panic; each output reads
//! back (in its own syntax) as exactly the value converted; JSON Resume → FRESH → JSON
//! Resume gives back the document; migrating never panics and its result converts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use vitae::convert::{self, ConvertError, Dialect, Format, Target, fresh, legacy};
use vitae::load;

const SYNTAXES: [Format; 3] = [Format::Json, Format::Yaml, Format::Toml];

fn ordered(value: &Value) -> String {
    serde_json::to_string(value).expect("values serialise")
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let format = match selector % 4 {
        0 => Some(Format::Json),
        1 => Some(Format::Yaml),
        2 => Some(Format::Toml),
        _ => None,
    };
    let Ok(doc) = load::from_bytes("fuzz", bytes, format) else { return };
    for dialect in [Dialect::JsonResume, Dialect::Fresh] {
        for syntax in SYNTAXES {
            let target = Target::new(dialect, syntax);
            let out = match convert::convert(&doc, None, target) {
                Ok(out) => out,
                // Refusals that name a value: TOML cannot hold it, two fields clash,
                // the document is not an object.
                Err(ConvertError::Toml(_) | ConvertError::Conflict { .. } | ConvertError::NotAnObject { .. }) => continue,
            };
            let back = load::parse(&out.text, syntax)
                .unwrap_or_else(|e| panic!("{target:?} output does not read back: {e}\n{}", out.text));
            assert_eq!(ordered(&back.value), ordered(&out.value), "{target:?} round trip\n{}", out.text);
        }
    }
    if convert::detect(&doc.value) == Dialect::JsonResume && doc.value.is_object() {
        if let Ok((as_fresh, _)) = fresh::to_fresh(&doc.value) {
            let (back, _) = fresh::to_json_resume(&as_fresh)
                .unwrap_or_else(|e| panic!("FRESH does not read back: {e}\n{as_fresh:#}"));
            assert_eq!(back, doc.value, "JSON Resume → FRESH → JSON Resume\n{as_fresh:#}");
        }
    }
    if let Ok((migrated, _)) = legacy::migrate(&doc.value) {
        for syntax in SYNTAXES {
            if let Ok(text) = convert::to_text(&migrated, syntax) {
                let back = load::parse(&text, syntax)
                    .unwrap_or_else(|e| panic!("migrated {syntax} does not read back: {e}\n{text}"));
                assert_eq!(ordered(&back.value), ordered(&migrated));
            }
        }
    }
});
