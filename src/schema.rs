//! The JSON Schema of the standard, generated from [`crate::model`], and the official
//! schemas, embedded.
//!
//! `schema/resume.schema.json` is the output of [`generate_string`], committed; a test
//! fails when it is stale. The generated schema gives the same verdict as the official
//! v1.3.1 schema on every official fixture and every real resume in the test corpus.

use schemars::generate::SchemaSettings;
use schemars::transform::{Transform, transform_subschemas};
use schemars::{Schema, json_schema};
use serde_json::Value;

use crate::model::Resume;

/// The official JSON Resume schema v1.3.1 (the current standard), verbatim.
pub const OFFICIAL_V1_3_1: &str = include_str!("../schema/official/v1.3.1.json");
/// The official JSON Resume schema v1.0.0, verbatim.
pub const OFFICIAL_V1_0_0: &str = include_str!("../schema/official/v1.0.0.json");
/// The legacy JSON Resume schema v0.0.16, verbatim.
pub const OFFICIAL_V0_0_16: &str = include_str!("../schema/official/v0.0.16.json");

/// `schema/resume.schema.json`, embedded: the text [`generate_string`] returns (a test
/// checks that they are equal), ready to use without running the generator.
pub const GENERATED: &str = include_str!("../schema/resume.schema.json");

/// The `$id` of the generated schema.
pub const SCHEMA_ID: &str = "https://github.com/vitae-rs/vitae/schema/resume.schema.json";

/// Generates the draft-07 JSON Schema of [`Resume`].
#[must_use]
pub fn generate() -> Value {
    // `NeverNull` runs first, so the draft-07 transforms see its result.
    let generator = SchemaSettings::draft07()
        .with(|s| s.transforms.insert(0, Box::new(NeverNull)))
        .into_generator();
    let mut schema = generator.into_root_schema_for::<Resume>();
    if let Some(obj) = schema.as_object_mut() {
        // Put `$id` and `title` up front for readers.
        let mut ordered = serde_json::Map::new();
        for key in ["$schema"] {
            if let Some(v) = obj.shift_remove(key) {
                ordered.insert(key.to_owned(), v);
            }
        }
        ordered.insert("$id".to_owned(), Value::from(SCHEMA_ID));
        ordered.insert("title".to_owned(), Value::from("Resume Schema"));
        obj.shift_remove("title");
        ordered.extend(std::mem::take(obj));
        *obj = ordered;
    }
    schema.to_value()
}

/// [`generate`], pretty-printed with a trailing newline: the text of
/// `schema/resume.schema.json`.
#[must_use]
pub fn generate_string() -> String {
    let mut text = serde_json::to_string_pretty(&generate()).unwrap_or_default();
    text.push('\n');
    text
}

/// An embedded official schema by version: `v1.3.1` (also `latest`), `v1.0.0`, `v0.0.16`.
#[must_use]
pub fn official(version: &str) -> Option<Value> {
    let text = match version.trim_start_matches('v') {
        "1.3.1" | "latest" => OFFICIAL_V1_3_1,
        "1.0.0" => OFFICIAL_V1_0_0,
        "0.0.16" => OFFICIAL_V0_0_16,
        _ => return None,
    };
    serde_json::from_str(text).ok()
}

/// Makes optional fields "absent or T" instead of schemars' "null or T": the standard
/// never allows `null`.
#[derive(Debug, Clone, Copy)]
struct NeverNull;

impl Transform for NeverNull {
    fn transform(&mut self, schema: &mut Schema) {
        transform_subschemas(self, schema);
        let Some(obj) = schema.as_object_mut() else {
            return;
        };
        if let Some(Value::Array(types)) = obj.get_mut("type") {
            types.retain(|t| t != "null");
            if types.len() == 1 {
                let only = types.remove(0);
                obj.insert("type".to_owned(), only);
            }
        }
        let null = json_schema!({"type": "null"}).to_value();
        if let Some(Value::Array(any)) = obj.get("anyOf")
            && any.len() == 2
            && any.contains(&null)
            && let Some(Value::Object(inner)) = any.iter().find(|s| **s != null).cloned()
        {
            obj.remove("anyOf");
            for (k, v) in inner {
                obj.entry(k).or_insert(v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_schema_is_the_generated_one() {
        let embedded: Value = serde_json::from_str(GENERATED).unwrap();
        assert_eq!(embedded, generate());
    }
}
