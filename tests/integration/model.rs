//! The typed model: reading, writing back, precise type errors.

use serde_json::json;
use vitae::model::{PartialDate, Resume, ResumeError};

#[test]
fn unknown_fields_survive_and_absent_fields_stay_absent() {
    let value = json!({
        "x-top": {"a": 1},
        "basics": {"name": "Ada", "x-pronouns": "she/her", "location": {"city": "London", "x-geo": [1, 2]}},
        "work": [{"name": "Analytical Engines", "startDate": "1842", "x-team": "math"}],
        "skills": [],
        "custom": [{"anything": true}],
        "meta": {"theme": "even", "version": "v1.0.0"}
    });
    let resume = Resume::from_value(&value).unwrap();
    assert_eq!(
        resume.basics.as_ref().unwrap().extra["x-pronouns"],
        "she/her"
    );
    assert_eq!(
        resume.work.as_ref().unwrap()[0].start_date,
        Some(PartialDate::year_only(1842))
    );
    assert_eq!(
        resume.skills.as_deref(),
        Some(&[][..]),
        "an empty list stays an empty list"
    );
    assert!(resume.education.is_none());
    let back = resume.to_value();
    assert_eq!(back, value);
    let text = resume.to_json_pretty();
    assert!(!text.contains("null"), "{text}");
    assert!(!text.contains("education"), "{text}");
    assert_eq!(Resume::from_json_str(&text).unwrap(), resume);
}

#[test]
fn type_errors_name_pointer_line_and_column() {
    let text = "{\n  \"work\": [\n    {\"name\": \"A\", \"endDate\": null}\n  ]\n}";
    let err = Resume::from_json_str(text).unwrap_err();
    let ResumeError::Type {
        pointer,
        line,
        column,
        message,
    } = &err
    else {
        panic!("{err}")
    };
    assert_eq!(pointer, "/work/0/endDate");
    assert_eq!((*line, *column), (Some(3), Some(30)));
    assert!(message.contains("null"), "{message}");
    assert!(
        err.to_string().starts_with("3:30: at `/work/0/endDate`"),
        "{err}"
    );

    let err = Resume::from_json_str(r#"{"skills": [{"keywords": "a, b"}]}"#).unwrap_err();
    let ResumeError::Type {
        pointer, column, ..
    } = &err
    else {
        panic!("{err}")
    };
    assert_eq!(pointer, "/skills/0/keywords");
    assert_eq!(*column, Some(26));

    let err = Resume::from_json_str(r#"{"work": [{"startDate": "June 2012"}]}"#).unwrap_err();
    assert!(err.to_string().contains("is not a date"), "{err}");

    let err = Resume::from_json_str("{\"basics\": ").unwrap_err();
    assert!(matches!(err, ResumeError::Syntax(_)), "{err}");
}

#[test]
fn partial_dates_parse_compare_and_print_as_written() {
    for text in ["2014", "2014-06", "2014-06-29", "2017-13", "2021-02-30"] {
        let d: PartialDate = text.parse().unwrap();
        assert_eq!(d.to_string(), text);
    }
    for text in [
        "14",
        "2014-6",
        "2014-06-2",
        "3014",
        "2014/06",
        "2014-06-29T00:00",
        " 2014",
        "",
        "2014-20",
    ] {
        assert!(
            text.parse::<PartialDate>().is_err(),
            "{text} should not parse"
        );
    }
    let d = |s: &str| s.parse::<PartialDate>().unwrap();
    assert!(d("2020") < d("2020-01"));
    assert!(d("2020-01-31") < d("2020-02"));
    assert!(d("2019-12").precedes(&d("2020")));
    assert!(!d("2020-05").precedes(&d("2020")));
    assert!(!d("2017-13").is_calendar_valid());
    assert!(!d("2021-02-29").is_calendar_valid());
    assert!(d("2020-02-29").is_calendar_valid());
}
