//! Typed models of the JSON Resume standard (v1.3.1).
//!
//! Every section of the standard has a struct here, one file per section. All fields
//! are optional, as in the standard; a field that was absent stays absent when the
//! document is written back (no `null`s, no invented empty arrays). Fields the standard
//! does not define (`x-…` keys, custom sections, theme options) are kept, in order, in
//! each object's `extra` map, so `Resume` → JSON → `Resume` loses nothing.
//!
//! The structs are also the source of the JSON Schema (see [`crate::schema`]): their doc
//! comments become the schema's descriptions.

mod basics;
mod date;
mod education;
pub mod legacy;
mod loose_date;
mod meta;
mod resume;
mod sections;
mod work;

pub use basics::{Basics, Location, Profile};
pub use date::{ISO8601_PATTERN, PartialDate, PartialDateError, days_in_month};
pub use education::Education;
pub use loose_date::{LooseDate, parse_loose, parse_range};
pub use meta::Meta;
pub use resume::{Resume, ResumeError};
pub use sections::{
    Award, Certificate, Interest, Language, Project, Publication, Reference, Skill,
};
pub use work::{Volunteer, Work};

/// Fields of an object that the standard does not define, in document order.
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// Deserializes a field that is present: `null` is a type error, not "absent".
///
/// The official schema never allows `null`; `serde`'s default for `Option` would
/// silently turn `"endDate": null` into "no end date".
pub(crate) fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// Declares a section struct of the standard: every field optional, `camelCase` on the
/// wire, absent fields skipped on output, `null` refused, unknown fields kept in `extra`.
macro_rules! section {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                $field:ident : $ty:ty
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            $(
                $(#[$field_meta])*
                #[serde(
                    default,
                    skip_serializing_if = "Option::is_none",
                    deserialize_with = "crate::model::present"
                )]
                pub $field: Option<$ty>,
            )*
            /// Fields the standard does not define (`x-…` keys, theme options), in order.
            #[serde(flatten)]
            pub extra: crate::model::Extra,
        }
    };
}
pub(crate) use section;
