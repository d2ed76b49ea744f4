//! Lint rules: what the schema lets through but is almost certainly a mistake.
//!
//! The rules work on the parsed `serde_json::Value` and the spans, not on the typed
//! model, so they see exactly what was written (and run in a few microseconds). One walk
//! over the standard sections calls the rules for each object, list and text; the rules
//! themselves live in one file per concern: `rules/dates.rs`, `rules/fields.rs` (text,
//! e-mail, URLs, country codes) and `rules/structure.rs` (sections, legacy names,
//! duplicates, `$schema`).
//!
//! Custom sections and fields (`x-foo`, anything not in the standard) are not linted:
//! they are the author's own.

mod country;
mod dates;
mod fields;
mod structure;

use std::collections::HashSet;
use std::fmt::Write;

use serde_json::Value;

use crate::diagnostic::{Diagnostic, Locate, Severity, Target};
use crate::load::{Document, escape_pointer_token};
use crate::model::PartialDate;

/// The top-level sections of the standard.
pub(crate) const STANDARD_SECTIONS: &[&str] = &[
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
    "meta",
];

/// What the rules share while walking one document.
pub(crate) struct Lint<'a> {
    /// Where values are, to locate findings.
    pub places: &'a dyn Locate,
    /// Today's date, for `lint/future-date`.
    pub today: PartialDate,
    /// Pointers the schema already reported: rules that would say the same stay quiet.
    pub schema_reported: &'a HashSet<&'a str>,
    pub out: Vec<Diagnostic>,
}

impl Lint<'_> {
    pub fn report(
        &mut self,
        code: &str,
        severity: Severity,
        message: String,
        help: Option<String>,
        pointer: &str,
        target: Target,
    ) {
        let mut d =
            Diagnostic::new(code, severity, message).locate_in(self.places, pointer, target);
        d.help = help;
        self.out.push(d);
    }

    /// The 1-based line of the value at `pointer`, for "see line N" messages.
    pub fn line_of(&self, pointer: &str) -> usize {
        self.places
            .nearest_span(pointer)
            .map_or(1, |s| self.places.position(s.value.start).line)
    }
}

/// Runs every lint rule over `value`, locating findings with `places`; `doc`, when the
/// span map was built, also gives the repeated keys the loader noticed.
pub(crate) fn lint(
    value: &Value,
    places: &dyn Locate,
    doc: Option<&Document>,
    today: PartialDate,
    schema_reported: &HashSet<&str>,
) -> Vec<Diagnostic> {
    let mut cx = Lint {
        places,
        today,
        schema_reported,
        out: Vec::new(),
    };
    if let Some(doc) = doc {
        structure::duplicate_keys(&mut cx, doc);
    }
    walk_root(&mut cx, value);
    cx.out
}

fn walk_root(cx: &mut Lint<'_>, value: &Value) {
    if let Value::Object(root) = value {
        structure::root(cx, root);
        let mut path = Path::default();
        for (key, value) in root {
            if STANDARD_SECTIONS.contains(&key.as_str()) {
                path.tokens.push(Token::Key(key));
                walk(cx, &mut path, key, false, value);
                path.tokens.pop();
            }
        }
    }
}

/// Visits `value` (at `path`, under `key`; `in_list` when it is an entry of the list
/// named `key`).
fn walk<'v>(cx: &mut Lint<'_>, path: &mut Path<'v>, key: &str, in_list: bool, value: &'v Value) {
    match value {
        Value::Object(map) => {
            // Renamed fields live in `/basics` or in entries of a list section.
            if path.depth() <= 2 {
                structure::legacy_fields(cx, path, map);
            }
            let (mut start, mut end) = (None, None);
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("startDate", Value::String(s)) => start = Some(s.as_str()),
                    ("endDate", Value::String(s)) => end = Some(s.as_str()),
                    _ => {}
                }
                path.tokens.push(Token::Key(k));
                walk(cx, path, k, false, v);
                path.tokens.pop();
            }
            dates::range(cx, path, start, end);
        }
        Value::Array(items) => {
            structure::duplicate_entries(cx, path, items);
            for (i, v) in items.iter().enumerate() {
                path.tokens.push(Token::Index(i));
                walk(cx, path, key, true, v);
                path.tokens.pop();
            }
        }
        Value::String(text) => {
            if !cx.schema_reported.is_empty()
                && cx.schema_reported.contains(path.pointer().as_str())
            {
                return;
            }
            if !in_list && dates::is_date_field(key) {
                dates::date(cx, path, key, text);
            } else {
                fields::text(cx, path, key, in_list, text);
            }
        }
        _ => {}
    }
}

/// Where the walk is: the keys and indices from the root, borrowed from the document.
/// The JSON pointer is only written out when a rule has something to report, so a
/// document with nothing to report costs no allocation per value.
#[derive(Debug, Default)]
pub(crate) struct Path<'v> {
    tokens: Vec<Token<'v>>,
}

/// One step of a [`Path`].
#[derive(Debug, Clone, Copy)]
pub(crate) enum Token<'v> {
    /// A member of an object.
    Key(&'v str),
    /// An entry of a list.
    Index(usize),
}

impl Path<'_> {
    /// How many steps from the root.
    pub fn depth(&self) -> usize {
        self.tokens.len()
    }

    /// The steps from the root.
    pub fn tokens(&self) -> &[Token<'_>] {
        &self.tokens
    }

    /// The JSON pointer.
    pub fn pointer(&self) -> String {
        let mut pointer = String::new();
        for token in &self.tokens {
            match token {
                Token::Key(k) => {
                    pointer.push('/');
                    pointer.push_str(&escape_pointer_token(k));
                }
                Token::Index(i) => {
                    let _ = write!(pointer, "/{i}");
                }
            }
        }
        pointer
    }

    /// The JSON pointer of member `key`.
    pub fn key(&self, key: &str) -> String {
        let mut pointer = self.pointer();
        pointer.push('/');
        pointer.push_str(&escape_pointer_token(key));
        pointer
    }

    /// The JSON pointer of entry `index`.
    pub fn index(&self, index: usize) -> String {
        let mut pointer = self.pointer();
        let _ = write!(pointer, "/{index}");
        pointer
    }
}

/// Today's date from the system clock (UTC).
#[must_use]
pub(crate) fn today_utc() -> PartialDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    civil_from_days(days)
}

/// Howard Hinnant's days-since-1970 → proleptic Gregorian date.
fn civil_from_days(days: i64) -> PartialDate {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    PartialDate::ymd(
        u16::try_from(year).unwrap_or(u16::MAX),
        u8::try_from(month).unwrap_or(1),
        u8::try_from(day).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0), PartialDate::ymd(1970, 1, 1));
        assert_eq!(civil_from_days(19_782), PartialDate::ymd(2024, 2, 29));
        assert_eq!(civil_from_days(20_819), PartialDate::ymd(2027, 1, 1));
    }
}
