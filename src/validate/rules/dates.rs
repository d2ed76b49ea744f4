//! Date rules: dates that cannot exist, free-text dates, "present" end dates, ranges that
//! end before they start, and dates in the future.

use super::{Lint, Path};
use crate::diagnostic::{Severity, Target};
use crate::model::{LooseDate, PartialDate, parse_loose};
use crate::validate::advice::bad_date;

/// The standard's date fields.
pub(super) fn is_date_field(key: &str) -> bool {
    matches!(key, "startDate" | "endDate" | "date" | "releaseDate")
}

/// One date field's text.
pub(super) fn date(cx: &mut Lint<'_>, at: &Path<'_>, key: &str, text: &str) {
    match text.parse::<PartialDate>() {
        Ok(d) if !d.is_calendar_valid() => impossible(cx, &at.pointer(), text, d),
        Ok(d) => future(cx, at, key, text, d),
        Err(_) => {
            let (message, help) = bad_date(key, text);
            let code = match parse_loose(text) {
                Some(LooseDate::Ongoing) if key == "endDate" => "lint/present-end-date",
                _ => "lint/date-format",
            };
            let pointer = at.pointer();
            cx.report(
                code,
                Severity::Error,
                message,
                help,
                &pointer,
                Target::Value,
            );
        }
    }
}

fn impossible(cx: &mut Lint<'_>, pointer: &str, text: &str, d: PartialDate) {
    let month = d.month().unwrap_or(1);
    if (1..=12).contains(&month) {
        let days = crate::model::days_in_month(d.year(), month);
        let fixed = PartialDate::year_month(d.year(), month);
        cx.report(
            "lint/invalid-day",
            Severity::Error,
            format!(
                "`{text}` does not exist: {} {} has {days} days",
                crate::locale::LOCALES[0].months[usize::from(month) - 1],
                d.year()
            ),
            Some(format!(
                "check the day; if you do not know it, write \"{fixed}\""
            )),
            pointer,
            Target::Value,
        );
    } else {
        let help = if month > 12 && month <= 31 {
            // 2017-13-05: day and month swapped?
            match d.day() {
                Some(day) if (1..=12).contains(&day) => format!(
                    "months go from 01 to 12; if month and day are swapped, write \"{}\"",
                    PartialDate::ymd(d.year(), day, month)
                ),
                _ => "months go from 01 to 12".to_owned(),
            }
        } else {
            "months go from 01 to 12".to_owned()
        };
        cx.report(
            "lint/invalid-month",
            Severity::Error,
            format!("`{text}` does not exist: there is no month {month}"),
            Some(help),
            pointer,
            Target::Value,
        );
    }
}

fn future(cx: &mut Lint<'_>, at: &Path<'_>, key: &str, text: &str, d: PartialDate) {
    if !cx.today.precedes(&d) {
        return;
    }
    let today = cx.today;
    let pointer = &at.pointer();
    if key == "endDate" {
        cx.report(
            "lint/future-date",
            Severity::Info,
            format!("`{text}` is in the future (today is {today})"),
            Some(
                "fine for a planned end; for ongoing work with no planned end, omit `endDate`"
                    .to_owned(),
            ),
            pointer,
            Target::Value,
        );
    } else {
        cx.report(
            "lint/future-date",
            Severity::Warning,
            format!("`{key}` `{text}` is in the future (today is {today})"),
            Some("check the year".to_owned()),
            pointer,
            Target::Value,
        );
    }
}

/// `startDate` and `endDate` of one entry (the texts, when they are strings).
pub(super) fn range(cx: &mut Lint<'_>, at: &Path<'_>, start: Option<&str>, end: Option<&str>) {
    let date = |text: Option<&str>| {
        text.and_then(|t| t.parse::<PartialDate>().ok())
            .filter(PartialDate::is_calendar_valid)
    };
    let (Some(start), Some(end)) = (date(start), date(end)) else {
        return;
    };
    if end.precedes(&start) {
        let line = cx.line_of(&at.key("startDate"));
        cx.report(
            "lint/end-before-start",
            Severity::Error,
            format!("this entry ends ({end}) before it starts ({start}, line {line})"),
            Some("check both dates; are they swapped?".to_owned()),
            &at.key("endDate"),
            Target::Value,
        );
    }
}
