//! FRESH ↔ JSON Resume: the field mapping, both ways, losing nothing.
//!
//! FRESH (the format of HackMyResume, `fresh-resume-schema`) and JSON Resume hold much
//! the same resume under other names and shapes: `employment.history[].employer` is
//! `work[].name`, `info.brief` is `basics.summary`, `skills.sets[].skills` is
//! `skills[].keywords`. The mapping is the `Place` tables below, one per kind of
//! object; [`mapping`] lists it row by row, and `docs/fresh.md` is the same table
//! for people (a test keeps them equal).
//!
//! What one format has and the other lacks is kept under an extension key named after
//! the format it came from: a FRESH-only field goes to `x-fresh-<name>` in JSON Resume
//! (`keywords` of a job → `x-fresh-keywords`), a JSON Resume-only field goes to
//! `x-jsonresume-<name>` in FRESH (`description` of a job → `x-jsonresume-description`),
//! and converting back restores the original name. FRESH's section-level fields
//! (`employment.summary`, `education.level`, `skills.list`) go to one object per section
//! (`x-fresh-employment`, …), FRESH's contact extras to `basics.x-fresh-contact`.
//! Fields neither format defines pass through under their own name. The key rules are
//! inverse of each other, so JSON Resume → FRESH → JSON Resume gives back the same
//! value, and so does FRESH → JSON Resume → FRESH for a document written to the FRESH
//! schema.
//!
//! Reading FRESH is forgiving: a field with a JSON Resume name in a FRESH document
//! (`fluency` in `languages`, `certificates` at the top, a list where FRESH wants
//! `employment.history`) is read as the JSON Resume field when that causes no clash.
//! Values are never rewritten, except in the two places where the shapes differ:
//! `projects[].roles` (a list) ↔ `role` (one string: a one-element list maps, others are
//! kept as `x-jsonresume-roles`), and `writing[].publisher`, which FRESH may write as an
//! object `{name, url}` (the name goes to `publisher`, the rest to `x-fresh-publisher`).

mod basics;
mod mapper;
pub(crate) use mapper::kind_of;
mod rules;
mod sections;
mod tables;

use serde_json::Value;

use self::mapper::Mapper;
use self::rules::Dir;
use self::tables::{
    AWARD, BASICS_PARTS, CONTACT, CONTACT_BAG, EDUCATION, INFO, INTEREST, Kind, LANGUAGE, LOCATION,
    META, PROFILE, PROJECT, PUBLICATION, PUBLISHER_BAG, Place, REFERENCE, ROOT, SKILL, VOLUNTEER,
    WORK, WRAPPERS,
};
use super::{ConvertError, Report};

/// Prefix of the keys that keep JSON Resume fields in a FRESH document.
pub const JSON_RESUME_PREFIX: &str = "x-jsonresume-";
/// Prefix of the keys that keep FRESH fields in a JSON Resume document.
pub const FRESH_PREFIX: &str = "x-fresh-";
/// The `meta.format` vitae writes into FRESH documents; it is dropped again on the way
/// back, so that it does not pile up in JSON Resume documents.
pub const FRESH_FORMAT: &str = "FRESH@1.0.0";

/// Converts a JSON Resume document to FRESH.
///
/// # Errors
/// [`ConvertError::NotAnObject`] when the document is not an object;
/// [`ConvertError::Conflict`] when two fields would get the same name (only possible
/// with hand-written `x-fresh-…` keys).
///
/// ```
/// use serde_json::json;
/// let jr = json!({"basics": {"name": "Ada", "summary": "Engines."}, "work": [{"name": "AE", "description": "Looms"}]});
/// let (fresh, report) = vitae::convert::fresh::to_fresh(&jr)?;
/// assert_eq!(fresh, json!({
///     "name": "Ada", "info": {"brief": "Engines."},
///     "meta": {"format": "FRESH@1.0.0"},
///     "employment": {"history": [{"employer": "AE", "x-jsonresume-description": "Looms"}]},
/// }));
/// let (back, _) = vitae::convert::fresh::to_json_resume(&fresh)?;
/// assert_eq!(back, jr);
/// # Ok::<(), vitae::convert::ConvertError>(())
/// ```
pub fn to_fresh(value: &Value) -> Result<(Value, Report), ConvertError> {
    Mapper::new(Dir::ToFresh).root(value)
}

/// Converts a FRESH document to JSON Resume.
///
/// # Errors
/// As [`to_fresh`].
pub fn to_json_resume(value: &Value) -> Result<(Value, Report), ConvertError> {
    Mapper::new(Dir::ToJr).root(value)
}

/// One row of the mapping: a field's path in JSON Resume and in FRESH, written as in
/// `docs/fresh.md` (`work[].name`, `employment.history[].employer`). Fields only one
/// format has appear with the extension key that keeps them in the other.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Row {
    /// The path in a JSON Resume document.
    pub json_resume: String,
    /// The path in a FRESH document.
    pub fresh: String,
}

/// FRESH's section-level fields, kept in JSON Resume under `x-fresh-<section>`.
const SECTION_FIELDS: &[(&str, &[&str])] = &[
    ("employment", &["summary"]),
    ("service", &["summary"]),
    ("education", &["summary", "level", "degree"]),
    ("skills", &["list"]),
];

/// The whole mapping, row by row: every field of both formats.
///
/// ```
/// let rows = vitae::convert::fresh::mapping();
/// assert!(rows.iter().any(|r| r.json_resume == "work[].name" && r.fresh == "employment.history[].employer"));
/// ```
#[must_use]
pub fn mapping() -> Vec<Row> {
    let mut rows = Vec::new();
    let mut row = |jr: String, fresh: String| {
        rows.push(Row {
            json_resume: jr,
            fresh,
        });
    };
    let join = |prefix: &str, name: &str| {
        if prefix.is_empty() {
            name.to_owned()
        } else {
            format!("{prefix}.{name}")
        }
    };
    row("basics.name".into(), "name".into());
    for pair in INFO.pairs {
        row(join("basics", pair.jr), join("info", pair.fresh));
    }
    for name in INFO.fresh_only {
        row(
            join("basics", &format!("{FRESH_PREFIX}{name}")),
            join("info", name),
        );
    }
    for pair in CONTACT.pairs {
        row(join("basics", pair.jr), join("contact", pair.fresh));
    }
    for name in CONTACT.fresh_only {
        row(
            format!("basics.{CONTACT_BAG}.{name}"),
            join("contact", name),
        );
    }
    let places: &[(&'static Place, &str, &str)] = &[
        (&LOCATION, "basics.location", "location"),
        (&PROFILE, "basics.profiles[]", "social[]"),
        (&WORK, "work[]", "employment.history[]"),
        (&VOLUNTEER, "volunteer[]", "service.history[]"),
        (&EDUCATION, "education[]", "education.history[]"),
        (&AWARD, "awards[]", "recognition[]"),
        (&PUBLICATION, "publications[]", "writing[]"),
        (&SKILL, "skills[]", "skills.sets[]"),
        (&LANGUAGE, "languages[]", "languages[]"),
        (&INTEREST, "interests[]", "interests[]"),
        (&REFERENCE, "references[]", "testimonials[]"),
        (&PROJECT, "projects[]", "projects[]"),
        (&META, "meta", "meta"),
    ];
    for (place, jr, fresh) in places {
        for pair in place.pairs {
            row(join(jr, pair.jr), join(fresh, pair.fresh));
            if let Kind::Roles = pair.kind {
                row(
                    join(jr, pair.jr),
                    join(fresh, &format!("{JSON_RESUME_PREFIX}{}", pair.jr)),
                );
            }
        }
        for name in place.jr_only {
            row(
                join(jr, name),
                join(fresh, &format!("{JSON_RESUME_PREFIX}{name}")),
            );
        }
        for name in place.fresh_only {
            row(
                join(jr, &format!("{FRESH_PREFIX}{name}")),
                join(fresh, name),
            );
        }
    }
    row(
        format!("publications[].{PUBLISHER_BAG}.url"),
        "writing[].publisher.url".into(),
    );
    for w in WRAPPERS {
        row(format!("{}[]", w.jr), format!("{}.{}[]", w.fresh, w.inner));
    }
    for (section, fields) in SECTION_FIELDS {
        for field in *fields {
            row(
                format!("{FRESH_PREFIX}{section}.{field}"),
                format!("{section}.{field}"),
            );
        }
    }
    for pair in ROOT.pairs {
        if WRAPPERS.iter().all(|w| w.jr != pair.jr) && pair.jr != "meta" {
            row(format!("{}[]", pair.jr), format!("{}[]", pair.fresh));
        }
    }
    for name in ROOT.jr_only.iter().filter(|n| **n != "basics") {
        row((*name).to_owned(), format!("{JSON_RESUME_PREFIX}{name}"));
    }
    for name in ROOT.fresh_only.iter().filter(|n| !BASICS_PARTS.contains(n)) {
        row(format!("{FRESH_PREFIX}{name}"), (*name).to_owned());
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::ChangeKind;
    use serde_json::json;

    fn both_ways(jr: &Value) -> Value {
        let (fresh, _) = to_fresh(jr).unwrap();
        let (back, _) = to_json_resume(&fresh).unwrap();
        assert_eq!(&back, jr, "\nFRESH: {fresh:#}");
        fresh
    }

    #[test]
    fn every_section_maps() {
        let jr = json!({
            "$schema": "https://example.com/schema.json",
            "basics": {
                "name": "Ada", "label": "Engineer", "image": "a.png", "email": "a@b.c",
                "phone": "1", "url": "https://a.b", "summary": "S",
                "location": {"address": "1 Way", "postalCode": "01234", "city": "X", "countryCode": "GB", "region": "R"},
                "profiles": [{"network": "GitHub", "username": "ada", "url": "https://github.com/ada"}],
                "x-pronouns": "she/her",
            },
            "work": [{"name": "AE", "location": "London", "description": "Looms", "position": "P", "url": "https://ae", "startDate": "1842", "endDate": "1843", "summary": "s", "highlights": ["h"]}],
            "volunteer": [{"organization": "O", "position": "P", "url": "https://o", "startDate": "2001", "endDate": "2002", "summary": "s", "highlights": ["h"]}],
            "education": [{"institution": "I", "url": "https://i", "area": "A", "studyType": "B", "startDate": "2000", "endDate": "2004", "score": "4", "courses": ["c"]}],
            "awards": [{"title": "T", "date": "2010", "awarder": "W", "summary": "s"}],
            "certificates": [{"name": "C", "date": "2011", "url": "https://c", "issuer": "I"}],
            "publications": [{"name": "N", "publisher": "P", "releaseDate": "2012", "url": "https://p", "summary": "s"}],
            "skills": [{"name": "Rust", "level": "Master", "keywords": ["serde"]}],
            "languages": [{"language": "English", "fluency": "Native"}],
            "interests": [{"name": "Chess", "keywords": ["openings"]}],
            "references": [{"name": "Charles", "reference": "Good."}],
            "projects": [{"name": "Engine", "description": "d", "highlights": ["h"], "keywords": ["k"], "startDate": "1840", "endDate": "1850", "url": "https://e", "roles": ["Lead"], "entity": "E", "type": "application"}],
            "meta": {"canonical": "https://c", "version": "v1.0.0", "lastModified": "2020-01-01T00:00:00", "theme": "even"},
            "x-custom": {"anything": [1, null]},
        });
        let fresh = both_ways(&jr);
        assert_eq!(fresh["name"], "Ada");
        assert_eq!(
            fresh["info"],
            json!({"label": "Engineer", "image": "a.png", "brief": "S", "x-pronouns": "she/her"})
        );
        assert_eq!(
            fresh["contact"],
            json!({"email": "a@b.c", "phone": "1", "website": "https://a.b"})
        );
        assert_eq!(fresh["location"]["code"], "01234");
        assert_eq!(fresh["social"][0]["user"], "ada");
        let job = &fresh["employment"]["history"][0];
        assert_eq!(job["employer"], "AE");
        assert_eq!(job["start"], "1842");
        assert_eq!(job["x-jsonresume-description"], "Looms");
        assert_eq!(fresh["service"]["history"][0]["organization"], "O");
        assert_eq!(fresh["education"]["history"][0]["grade"], "4");
        assert_eq!(fresh["education"]["history"][0]["curriculum"], json!(["c"]));
        assert_eq!(fresh["recognition"][0]["from"], "W");
        assert_eq!(fresh["x-jsonresume-certificates"][0]["issuer"], "I");
        assert_eq!(fresh["writing"][0]["title"], "N");
        assert_eq!(fresh["writing"][0]["date"], "2012");
        assert_eq!(fresh["skills"]["sets"][0]["skills"], json!(["serde"]));
        assert_eq!(fresh["languages"][0]["level"], "Native");
        assert_eq!(fresh["testimonials"][0]["quote"], "Good.");
        assert_eq!(fresh["projects"][0]["title"], "Engine");
        assert_eq!(fresh["projects"][0]["role"], "Lead");
        assert_eq!(fresh["projects"][0]["category"], "application");
        assert_eq!(fresh["projects"][0]["x-jsonresume-entity"], "E");
        assert_eq!(
            fresh["meta"],
            json!({"format": "FRESH@1.0.0", "url": "https://c", "version": "v1.0.0", "modified": "2020-01-01T00:00:00", "theme": "even"})
        );
        assert_eq!(
            fresh["x-jsonresume-$schema"],
            "https://example.com/schema.json"
        );
        assert_eq!(fresh["x-custom"], json!({"anything": [1, null]}));
    }

    #[test]
    fn fresh_only_fields_come_back() {
        let fresh = json!({
            "name": "Jane",
            "meta": {"format": "FRESH@0.6.0", "version": "0.1.0"},
            "info": {"label": "Dev", "quote": "Q", "class": "Programmer"},
            "disposition": {"travel": 25, "remote": true},
            "contact": {"email": "j@d.me", "website": "http://j.me", "other": [{"label": "Home", "flavor": "phone", "value": "1"}], "github": "x"},
            "location": {"city": "MV", "code": "94035", "country": "US"},
            "social": [{"label": "GitHub", "network": "GitHub", "user": "jd", "url": "https://gh"}],
            "employment": {"summary": "7 years", "history": [{"employer": "One", "start": "2013-09", "current": true, "keywords": ["AWS"]}]},
            "education": {"level": "degree", "degree": "BSCS", "history": [{"institution": "Cornell", "grade": "3.5", "title": "BS", "summary": "x"}]},
            "service": {"summary": "s", "history": [{"flavor": "military", "organization": "Army", "position": "NCO"}]},
            "skills": {"sets": [{"name": "Programming", "skills": ["C++"]}], "list": [{"name": "C++", "years": 7}]},
            "samples": [{"title": "Asteroids"}],
            "writing": [{"title": "GORFF", "flavor": "book", "publisher": {"name": "Amazon", "url": "https://amazon.com"}, "author": ["Jane"]}, {"title": "Blog", "publisher": "self"}],
            "reading": [{"title": "Code Complete"}],
            "speaking": [{"title": "Talk", "event": "Conf"}],
            "recognition": [{"flavor": "award", "from": "Google", "title": "HM", "event": "SoC", "date": "2012"}],
            "references": [{"name": "John", "private": true, "contact": [{"value": "1"}]}],
            "testimonials": [{"name": "John", "flavor": "professional", "quote": "Great", "private": true}],
            "languages": [{"language": "Spanish", "level": "Moderate", "years": 10}],
            "extracurricular": [{"title": "Club"}],
            "governance": [{"role": "Member", "organization": "TMN"}],
            "affiliation": {"history": [{"organization": "ACM"}]},
            "interests": [{"name": "yoga", "summary": "s"}],
            "projects": [{"title": "P", "category": "open source", "role": "Creator", "repo": "https://r", "media": [{"category": "image"}]}],
        });
        let (jr, report) = to_json_resume(&fresh).unwrap();
        assert_eq!(jr["basics"]["name"], "Jane");
        assert_eq!(jr["basics"]["url"], "http://j.me");
        assert_eq!(jr["basics"]["x-fresh-quote"], "Q");
        assert_eq!(
            jr["basics"]["x-fresh-contact"],
            json!({"other": [{"label": "Home", "flavor": "phone", "value": "1"}], "github": "x"})
        );
        assert_eq!(jr["basics"]["location"]["postalCode"], "94035");
        assert_eq!(
            jr["basics"]["profiles"][0],
            json!({"network": "GitHub", "username": "jd", "url": "https://gh", "x-fresh-label": "GitHub"})
        );
        assert_eq!(
            jr["work"][0],
            json!({"name": "One", "startDate": "2013-09", "x-fresh-current": true, "x-fresh-keywords": ["AWS"]})
        );
        assert_eq!(jr["x-fresh-employment"], json!({"summary": "7 years"}));
        assert_eq!(jr["education"][0]["score"], "3.5");
        assert_eq!(
            jr["x-fresh-education"],
            json!({"level": "degree", "degree": "BSCS"})
        );
        assert_eq!(jr["volunteer"][0]["x-fresh-flavor"], "military");
        assert_eq!(jr["skills"][0]["keywords"], json!(["C++"]));
        assert_eq!(
            jr["x-fresh-skills"],
            json!({"list": [{"name": "C++", "years": 7}]})
        );
        assert_eq!(jr["publications"][0]["publisher"], "Amazon");
        assert_eq!(
            jr["publications"][0]["x-fresh-publisher"],
            json!({"url": "https://amazon.com"})
        );
        assert_eq!(jr["publications"][1]["publisher"], "self");
        assert_eq!(jr["awards"][0]["awarder"], "Google");
        assert_eq!(jr["x-fresh-references"][0]["name"], "John");
        assert_eq!(
            jr["references"][0],
            json!({"name": "John", "reference": "Great", "x-fresh-flavor": "professional", "x-fresh-private": true})
        );
        assert_eq!(
            jr["languages"][0],
            json!({"language": "Spanish", "fluency": "Moderate", "x-fresh-years": 10})
        );
        assert_eq!(jr["projects"][0]["roles"], json!(["Creator"]));
        assert_eq!(jr["projects"][0]["type"], "open source");
        assert_eq!(
            jr["meta"],
            json!({"x-fresh-format": "FRESH@0.6.0", "version": "0.1.0"})
        );
        for section in [
            "disposition",
            "samples",
            "reading",
            "speaking",
            "extracurricular",
            "governance",
            "affiliation",
        ] {
            assert_eq!(
                jr[format!("x-fresh-{section}")],
                fresh[section],
                "{section}"
            );
        }
        assert!(report.count(ChangeKind::Extension) > 10);
        let (back, _) = to_fresh(&jr).unwrap();
        assert_eq!(back, fresh, "\nJSON Resume: {jr:#}");
    }

    #[test]
    fn json_resume_names_in_fresh_are_read_as_such() {
        let fresh = json!({
            "name": "A", "meta": {"format": "FRESH@1.0.0"},
            "certificates": [{"title": "OCP"}],
            "languages": [{"language": "French", "fluency": "Native"}],
            "projects": [{"name": "P", "startDate": "2015-09", "roles": ["a", "b"]}],
            "employment": [{"employer": "E", "description": "d"}],
            "info": {"summary": "S"},
            "contact": {"url": "https://x"},
        });
        let (jr, _) = to_json_resume(&fresh).unwrap();
        assert_eq!(
            jr,
            json!({
                "basics": {"name": "A", "url": "https://x", "summary": "S"},
                "certificates": [{"title": "OCP"}],
                "languages": [{"language": "French", "fluency": "Native"}],
                "projects": [{"name": "P", "startDate": "2015-09", "roles": ["a", "b"]}],
                "work": [{"name": "E", "description": "d"}],
            })
        );
        // And back to FRESH, in FRESH's names.
        let (again, _) = to_fresh(&jr).unwrap();
        assert_eq!(again["languages"][0]["level"], "Native");
        assert_eq!(again["projects"][0]["title"], "P");
        assert_eq!(
            again["projects"][0]["x-jsonresume-roles"],
            json!(["a", "b"])
        );
        assert_eq!(
            again["employment"]["history"][0]["x-jsonresume-description"],
            "d"
        );
    }

    #[test]
    fn clashing_and_reserved_names_are_escaped_both_ways() {
        both_ways(&json!({
            "basics": {"brief": "b", "x-fresh-quote": "q", "x-jsonresume-a": 1, "x-fresh-zzz": 2, "info": 3},
            "work": [{"employer": "e", "keywords": ["k"], "x-fresh-keywords": ["k2"], "current": 1}],
            "employment": "mine",
            "speaking": [1],
            "projects": [{"roles": [], "role": "r", "x-fresh-role": 5}],
            "publications": [{"publisher": {"name": 1}, "x-fresh-publisher": "s"}],
            "x-fresh-speaking": [2],
        }));
        both_ways(&json!({"basics": {}, "meta": {"format": "mine"}}));
        both_ways(
            &json!({"basics": {"name": "x"}, "work": "not a list", "skills": [1, "two", {"keywords": "k"}]}),
        );
        both_ways(&json!({}));
    }

    #[test]
    fn hand_written_clashes_are_errors_not_losses() {
        let err =
            to_fresh(&json!({"projects": [{"roles": ["a"], "x-fresh-role": 5}]})).unwrap_err();
        assert!(
            matches!(err, ConvertError::Conflict { ref key, .. } if key == "role"),
            "{err}"
        );
        assert!(to_fresh(&json!([])).is_err());
    }
}
