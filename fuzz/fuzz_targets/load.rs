//! Any bytes, read as JSON, YAML, TOML or sniffed: an error or a document whose spans
//! all lie inside the source, and which validates and reads into the model without
//! panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vitae::load::{self, Format};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let format = match selector % 4 {
        0 => Some(Format::Json),
        1 => Some(Format::Yaml),
        2 => Some(Format::Toml),
        _ => None,
    };
    let Ok(doc) = load::from_bytes("fuzz", bytes, format) else { return };
    let root = doc.span_of("").map(|s| s.value);
    if let Some(root) = root {
        assert!(root.end <= doc.source.len());
    }
    let _ = doc.position_of("/basics/name");
    let _ = vitae::validate::Validator::new().validate(&doc);
    let _ = vitae::Resume::from_document(&doc);
});
