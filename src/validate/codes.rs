//! Every diagnostic code vitae can emit, with its usual severity and a one-line summary.
//!
//! The table feeds the SARIF rules list and `docs/diagnostics.md` (a test checks that
//! every code here is documented there, and that every code the tests see is here).

use crate::diagnostic::Severity;

/// A diagnostic code and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    /// The stable code, e.g. `lint/end-before-start`.
    pub code: &'static str,
    /// The severity it is reported with (a few rules vary; see `docs/diagnostics.md`).
    pub severity: Severity,
    /// One line saying what it finds.
    pub summary: &'static str,
}

const fn code(code: &'static str, severity: Severity, summary: &'static str) -> Code {
    Code {
        code,
        severity,
        summary,
    }
}

use Severity::{Error, Info, Warning};

/// Every code, in the order of `docs/diagnostics.md`.
pub const CODES: &[Code] = &[
    code(
        "parse/syntax",
        Error,
        "The document is not valid JSON, YAML or TOML.",
    ),
    // The schema's keywords (the ones the standard's schema uses first).
    code(
        "schema/type",
        Error,
        "A value has the wrong type (text, number, list, object).",
    ),
    code(
        "schema/pattern",
        Error,
        "Text does not have the required form (e.g. a date).",
    ),
    code(
        "schema/format",
        Error,
        "An e-mail address or URL is not well-formed.",
    ),
    code("schema/required", Error, "A required field is missing."),
    code(
        "schema/additionalProperties",
        Error,
        "A field the schema does not allow.",
    ),
    code(
        "schema/unevaluatedProperties",
        Error,
        "A field the schema does not allow.",
    ),
    code(
        "schema/enum",
        Error,
        "A value is not one of the allowed values.",
    ),
    code(
        "schema/const",
        Error,
        "A value is not the one value allowed.",
    ),
    code("schema/minLength", Error, "Text is too short."),
    code("schema/maxLength", Error, "Text is too long."),
    code("schema/minItems", Error, "A list has too few entries."),
    code("schema/maxItems", Error, "A list has too many entries."),
    code("schema/minimum", Error, "A number is too small."),
    code("schema/maximum", Error, "A number is too large."),
    code("schema/exclusiveMinimum", Error, "A number is too small."),
    code("schema/exclusiveMaximum", Error, "A number is too large."),
    code("schema/uniqueItems", Error, "A list repeats an entry."),
    code(
        "schema/anyOf",
        Error,
        "A value has none of the allowed forms.",
    ),
    code(
        "schema/oneOf",
        Error,
        "A value has none, or more than one, of the allowed forms.",
    ),
    code(
        "schema/falseSchema",
        Error,
        "The schema allows nothing here.",
    ),
    code(
        "schema/other",
        Error,
        "Any other JSON Schema keyword, reported as `schema/<keyword>`.",
    ),
    // Lint rules.
    code(
        "lint/invalid-month",
        Error,
        "A date with a month that does not exist (`2017-13`).",
    ),
    code(
        "lint/invalid-day",
        Error,
        "A date with a day that does not exist (`2021-02-30`).",
    ),
    code(
        "lint/end-before-start",
        Error,
        "An entry ends before it starts.",
    ),
    code(
        "lint/future-date",
        Warning,
        "A start or event date in the future (an end date: info).",
    ),
    code(
        "lint/date-format",
        Error,
        "A date written as free text (`June 2021`, `12/2019`).",
    ),
    code(
        "lint/present-end-date",
        Error,
        "An end date written as `Present`, `now`, `heute`…",
    ),
    code(
        "lint/legacy-field",
        Warning,
        "A field name from an older JSON Resume version.",
    ),
    code(
        "lint/unknown-section",
        Warning,
        "A top-level section that looks like a standard one.",
    ),
    code(
        "lint/empty-string",
        Info,
        "A text field (warning: a list entry) that is empty.",
    ),
    code("lint/empty-url", Info, "A URL field that is empty."),
    code("lint/duplicate-entry", Warning, "A list repeats an entry."),
    code(
        "lint/duplicate-key",
        Error,
        "A key written twice in one object; the last wins.",
    ),
    code(
        "lint/country-code",
        Warning,
        "A `countryCode` that is not ISO 3166-1 alpha-2.",
    ),
    code(
        "lint/email-format",
        Warning,
        "An e-mail address that is not well-formed.",
    ),
    code(
        "lint/url-format",
        Warning,
        "A URL that is not a full http(s) URL.",
    ),
    code(
        "lint/unknown-schema",
        Warning,
        "A `$schema` that is not a JSON Resume schema.",
    ),
    code(
        "lint/dead-link",
        Warning,
        "A URL that does not answer (`--check-links`).",
    ),
];

/// The entry for `code`; `schema/<keyword>` codes not listed map to `schema/other`.
#[must_use]
pub fn describe(code: &str) -> Option<&'static Code> {
    CODES.iter().find(|c| c.code == code).or_else(|| {
        code.starts_with("schema/")
            .then(|| CODES.iter().find(|c| c.code == "schema/other"))
            .flatten()
    })
}
