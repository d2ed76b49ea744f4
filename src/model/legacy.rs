//! Field names of older JSON Resume versions (v0.0.x) and their current names.
//!
//! One table serves the `lint/legacy-field` rule and `vitae migrate`.

/// A field renamed since an older version of the standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LegacyField {
    /// Where the object holding the field is: `/basics`, or `/work/*` for every entry of
    /// a list section.
    pub parent: &'static str,
    /// The old name, e.g. `website`.
    pub old: &'static str,
    /// The current name, e.g. `url`.
    pub new: &'static str,
    /// The version that used the old name.
    pub since: &'static str,
}

/// Every renamed field.
pub const LEGACY_FIELDS: &[LegacyField] = &[
    LegacyField {
        parent: "/basics",
        old: "website",
        new: "url",
        since: "v0.0.16",
    },
    LegacyField {
        parent: "/basics",
        old: "picture",
        new: "image",
        since: "v0.0.16",
    },
    LegacyField {
        parent: "/work/*",
        old: "company",
        new: "name",
        since: "v0.0.16",
    },
    LegacyField {
        parent: "/work/*",
        old: "website",
        new: "url",
        since: "v0.0.16",
    },
    LegacyField {
        parent: "/volunteer/*",
        old: "website",
        new: "url",
        since: "v0.0.16",
    },
    LegacyField {
        parent: "/publications/*",
        old: "website",
        new: "url",
        since: "v0.0.16",
    },
    LegacyField {
        parent: "/education/*",
        old: "gpa",
        new: "score",
        since: "v0.0.16",
    },
    LegacyField {
        parent: "/languages/*",
        old: "name",
        new: "language",
        since: "v0.0.x",
    },
    LegacyField {
        parent: "/languages/*",
        old: "level",
        new: "fluency",
        since: "v0.0.x",
    },
];

/// The renamed fields of the object at `pointer` (e.g. `/work/3` matches `/work/*`).
pub fn legacy_fields_at(pointer: &str) -> impl Iterator<Item = &'static LegacyField> + '_ {
    LEGACY_FIELDS
        .iter()
        .filter(move |f| pattern_matches(f.parent, pointer))
}

fn pattern_matches(pattern: &str, pointer: &str) -> bool {
    let mut p = pattern.split('/');
    let mut q = pointer.split('/');
    loop {
        match (p.next(), q.next()) {
            (None, None) => return true,
            (Some("*"), Some(token)) if token.parse::<usize>().is_ok() => {}
            (Some(a), Some(b)) if a == b => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_entries_of_list_sections() {
        let names: Vec<_> = legacy_fields_at("/work/3").map(|f| f.old).collect();
        assert_eq!(names, ["company", "website"]);
        assert_eq!(legacy_fields_at("/basics").count(), 2);
        assert_eq!(legacy_fields_at("/work").count(), 0);
        assert_eq!(legacy_fields_at("/work/x").count(), 0);
        assert_eq!(legacy_fields_at("/basics/location").count(), 0);
    }
}
