//! What to write instead: the advice shared by the schema messages and the lint rules.
//!
//! A date written by hand, an e-mail address with a `mailto:` in front, a web address
//! without `https://`: the schema check and the lint rules meet the same mistakes, so
//! both take their sentences and `help` from here and say the same thing.

use serde_json::Value;

use crate::model::{LooseDate, PartialDate, parse_loose};

/// The sentence and help for a date field whose text is not `YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD`. `field` is the key (`startDate`, `endDate`, `date`, …).
pub(crate) fn bad_date(field: &str, text: &str) -> (String, Option<String>) {
    if text.trim().is_empty() {
        return (
            format!("`{field}` is empty, which is not a date"),
            Some(format!(
                "write a date such as \"2020-06\", or leave `{field}` out"
            )),
        );
    }
    let message = format!(
        "{} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD",
        quote(text)
    );
    let help = match parse_loose(text) {
        Some(LooseDate::Date(d)) => Some(format!("write \"{d}\"")),
        Some(LooseDate::Ongoing) if field == "endDate" => {
            Some("omit `endDate` for ongoing work: no end date means \"present\"".to_owned())
        }
        Some(LooseDate::Ongoing) => Some(format!(
            "\"{text}\" only makes sense as an end date; write the date this happened"
        )),
        None => impossible_date_help(text),
    };
    (message, help)
}

/// Help for dates such as `2017-13` or `2021-02-30` that have the right shape but do not
/// exist, if `text` is one.
fn impossible_date_help(text: &str) -> Option<String> {
    let d = text.parse::<PartialDate>().ok()?;
    if d.is_calendar_valid() {
        return None;
    }
    Some(match (d.month(), d.day()) {
        (Some(m), _) if !(1..=12).contains(&m) => {
            format!("there is no month {m}: months go from 01 to 12")
        }
        (Some(m), Some(day)) => format!(
            "{} has {} days, not {day}",
            crate::locale::LOCALES[0].months[usize::from(m) - 1],
            crate::model::days_in_month(d.year(), m)
        ),
        _ => return None,
    })
}

/// The sentence and help for text that is not an e-mail address.
pub(crate) fn bad_email(text: &str) -> (String, Option<String>) {
    if text.trim().is_empty() {
        return (
            "`email` is empty, which is not an e-mail address".to_owned(),
            Some("write an address such as \"ada@example.com\", or leave `email` out".to_owned()),
        );
    }
    let message = format!("{} is not an e-mail address", quote(text));
    let trimmed = text.trim();
    let help = if trimmed.is_empty() {
        Some("write an address such as \"ada@example.com\", or leave the field out".to_owned())
    } else if let Some(rest) = strip_prefix_ignore_case(trimmed, "mailto:") {
        Some(format!("write the address alone: \"{rest}\""))
    } else if trimmed != text {
        Some(format!("remove the spaces around it: \"{trimmed}\""))
    } else if let Some(fixed) = spelled_out_at(text) {
        Some(format!("write \"{fixed}\""))
    } else if text.contains(char::is_whitespace) {
        Some(format!(
            "an e-mail address has no spaces: \"{}\"",
            text.split_whitespace().collect::<String>()
        ))
    } else if !text.contains('@') {
        Some("an e-mail address looks like \"name@example.com\"".to_owned())
    } else if text.matches('@').count() > 1 {
        Some("an e-mail address has exactly one `@`".to_owned())
    } else {
        Some("an e-mail address looks like \"name@example.com\"".to_owned())
    };
    (message, help)
}

/// `ada [at] example [dot] com` → `ada@example.com`.
fn spelled_out_at(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    for (at, dot) in [("[at]", "[dot]"), ("(at)", "(dot)"), (" at ", " dot ")] {
        if lower.contains(at) {
            let fixed = lower.replace(at, "@").replace(dot, ".").replace(' ', "");
            return Some(fixed);
        }
    }
    None
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// The sentence and help for text that is not a full URL.
pub(crate) fn bad_url(field: &str, text: &str) -> (String, Option<String>) {
    if text.trim().is_empty() {
        return (
            format!("`{field}` is empty, which is not a URL"),
            Some(format!(
                "write a full URL such as \"https://example.com\", or leave `{field}` out"
            )),
        );
    }
    let message = format!("{} is not a full URL", quote(text));
    let trimmed = text.trim();
    let help = if trimmed.is_empty() {
        Some("write a URL such as \"https://example.com\", or leave the field out".to_owned())
    } else if trimmed != text {
        Some(format!("remove the spaces around it: \"{trimmed}\""))
    } else if text.contains(' ') {
        Some(format!(
            "a URL has no spaces; write them as %20: \"{}\"",
            text.replace(' ', "%20")
        ))
    } else if looks_like_email(text) {
        Some(format!(
            "this looks like an e-mail address: put it in `email`, or write \"mailto:{text}\""
        ))
    } else if text.starts_with("//") {
        Some(format!("write \"https:{text}\""))
    } else if let Some(rest) = text.strip_prefix("http:/").filter(|r| !r.starts_with('/')) {
        Some(format!("write \"http://{rest}\""))
    } else if let Some(rest) = text.strip_prefix("https:/").filter(|r| !r.starts_with('/')) {
        Some(format!("write \"https://{rest}\""))
    } else if looks_like_host(text) {
        Some(format!("add the scheme: \"https://{text}\""))
    } else {
        Some("a URL starts with a scheme, e.g. \"https://example.com/\"".to_owned())
    };
    (message, help)
}

fn looks_like_email(text: &str) -> bool {
    text.split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.') && !text.contains('/'))
}

/// `www.example.com/x`, `example.com`, `github.com/ada`: a host name without a scheme.
pub(crate) fn looks_like_host(text: &str) -> bool {
    let host = text.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    const FILE_EXTENSIONS: &[&str] = &[
        "jpg", "jpeg", "png", "gif", "webp", "svg", "avif", "bmp", "pdf", "html", "htm", "json",
        "yaml", "yml", "toml", "md", "txt",
    ];
    labels.len() >= 2
        && !labels
            .last()
            .is_some_and(|l| FILE_EXTENSIONS.contains(&l.to_ascii_lowercase().as_str()))
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(char::is_alphabetic))
}

/// A value for a message: text in back-ticks (shortened), others as JSON.
pub(crate) fn quote(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() > MAX {
        let short: String = text.chars().take(MAX - 1).collect();
        format!("`{short}…`")
    } else {
        format!("`{text}`")
    }
}

/// A JSON value for a message.
pub(crate) fn show_value(value: &Value) -> String {
    match value {
        Value::String(s) => quote(s),
        Value::Array(a) if a.is_empty() => "an empty list".to_owned(),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(o) if o.is_empty() => "an empty object".to_owned(),
        Value::Object(_) => "an object".to_owned(),
        other => format!("`{other}`"),
    }
}

/// What kind of value this is, for "found a number" messages.
pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A JSON Schema type name as a resume author says it.
pub(crate) fn type_name(name: &str) -> &'static str {
    match name {
        "string" => "text",
        "number" => "a number",
        "integer" => "a whole number",
        "boolean" => "true or false",
        "array" => "a list",
        "object" => "an object",
        "null" => "null",
        _ => "another type",
    }
}

/// The key a pointer ends in, or the list it is an item of: `/work/0/name` → `name`,
/// `/work/0` → `work`, `` → `the document`.
pub(crate) fn field_name(pointer: &str) -> String {
    let mut tokens = pointer.rsplit('/').map(unescape);
    loop {
        match tokens.next() {
            None => return "the document".to_owned(),
            Some(t) if pointer.is_empty() && t.is_empty() => return "the document".to_owned(),
            Some(t) if t.parse::<usize>().is_ok() => {}
            Some(t) => return t,
        }
    }
}

/// `a~1b` → `a/b`: one JSON pointer token as the key it names.
pub(crate) fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Levenshtein distance, for "did you mean" (short words only).
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_say_what_to_write() {
        assert_eq!(
            bad_date("startDate", "June 2012").1.as_deref(),
            Some("write \"2012-06\"")
        );
        assert!(
            bad_date("endDate", "Present")
                .1
                .unwrap()
                .contains("omit `endDate`")
        );
        assert_eq!(
            bad_date("endDate", "Dezember 2020").1.as_deref(),
            Some("write \"2020-12\"")
        );
        assert!(bad_date("date", "summer").1.is_none());
    }

    #[test]
    fn emails_and_urls_get_hints() {
        assert_eq!(
            bad_email("mailto:ada@example.com").1.as_deref(),
            Some("write the address alone: \"ada@example.com\"")
        );
        assert_eq!(
            bad_email("ada [at] example [dot] com").1.as_deref(),
            Some("write \"ada@example.com\"")
        );
        assert_eq!(
            bad_url("url", "www.example.com").1.as_deref(),
            Some("add the scheme: \"https://www.example.com\"")
        );
        assert!(
            bad_url("url", "ada@example.com")
                .1
                .unwrap()
                .contains("mailto:")
        );
    }

    #[test]
    fn field_names_and_distances() {
        assert_eq!(field_name("/work/0/startDate"), "startDate");
        assert_eq!(field_name("/work/0"), "work");
        assert_eq!(field_name(""), "the document");
        assert_eq!(field_name("/a~1b"), "a/b");
        assert_eq!(edit_distance("works", "work"), 1);
        assert_eq!(edit_distance("skill", "skills"), 1);
        assert_eq!(edit_distance("abc", "xyz"), 3);
    }
}
