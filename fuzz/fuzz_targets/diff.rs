//! Two arbitrary documents (the input split at its first NUL byte, each half read as
//! JSON, YAML or TOML by its content): the diff never panics, its JSON Patch applied to
//! OLD gives NEW, it is empty exactly when the documents are equal, and every renderer
//! runs. FRESH documents are normalised first, as `vitae diff` does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use vitae::diff::{self, Options, render};

fn load(bytes: &[u8]) -> Option<Value> {
    let doc = vitae::load::from_bytes("fuzz", bytes, None).ok()?;
    Some(match vitae::convert::normalize(&doc.value) {
        Ok((value, _)) => value,
        Err(_) => doc.value,
    })
}

fuzz_target!(|data: &[u8]| {
    let cut = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let (old, new) = (&data[..cut], data.get(cut + 1..).unwrap_or_default());
    let (Some(old), Some(new)) = (load(old), load(new)) else { return };
    let d = diff::diff(&old, &new, &Options::default());
    assert_eq!(d.is_empty(), old == new, "is_empty agrees with equality");
    let ops: Vec<json_patch::PatchOperation> =
        serde_json::from_value(serde_json::to_value(&d.patch).expect("the patch serialises"))
            .expect("the patch is RFC 6902 JSON");
    let mut patched = old.clone();
    json_patch::patch(&mut patched, &ops)
        .unwrap_or_else(|e| panic!("the patch does not apply: {e}\n{:#?}", d.patch));
    assert_eq!(patched, new, "the patch turns OLD into NEW");
    let _ = render::human(&d, true);
    let _ = render::json(&d, "old", "new");
    let _ = render::markdown(&d, "old", "new");
    let patch: Value = serde_json::from_str(&render::json_patch(&d)).expect("json-patch output is JSON");
    assert_eq!(patch.as_array().map(Vec::len), Some(d.patch.len()));
});
