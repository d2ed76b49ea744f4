//! Text field rules: empty text and URLs, e-mail addresses and URLs the schema in use
//! did not check (or that it lets through but no reader can use), country codes.

use super::{Lint, Path, country};
use crate::diagnostic::{Severity, Target};
use crate::validate::advice::{bad_email, bad_url, looks_like_host};

/// Fields that hold a URL. `image` may also be a path relative to the resume.
fn is_url_field(key: &str) -> bool {
    matches!(key, "url" | "image")
}

/// One text value at `at`, under `key` (`in_list` for an entry of the list `key`).
pub(super) fn text(cx: &mut Lint<'_>, at: &Path<'_>, key: &str, in_list: bool, text: &str) {
    if text.chars().all(char::is_whitespace) {
        empty(cx, &at.pointer(), key, in_list, text);
        return;
    }
    if in_list {
        return;
    }
    match key {
        "email" if !is_plain_email(text) => {
            let (message, help) = bad_email(text);
            cx.report(
                "lint/email-format",
                Severity::Warning,
                message,
                help,
                &at.pointer(),
                Target::Value,
            );
        }
        "countryCode" => country_code(cx, at, text),
        k if is_url_field(k) => url(cx, at, k, text),
        _ => {}
    }
}

/// Empty text is a note (the official examples leave `image` empty; themes skip
/// empty fields), except an empty entry in a list, which prints as an empty bullet.
fn empty(cx: &mut Lint<'_>, pointer: &str, key: &str, in_list: bool, text: &str) {
    let what = if text.is_empty() {
        "empty"
    } else {
        "only spaces"
    };
    if in_list {
        cx.report(
            "lint/empty-string",
            Severity::Warning,
            format!("an entry of `{key}` is {what}"),
            Some("remove the entry".to_owned()),
            pointer,
            Target::Value,
        );
    } else {
        let code = if is_url_field(key) {
            "lint/empty-url"
        } else {
            "lint/empty-string"
        };
        cx.report(
            code,
            Severity::Info,
            format!("`{key}` is {what}"),
            Some(format!("fill it in, or leave `{key}` out")),
            pointer,
            Target::Value,
        );
    }
}

/// One `@`, something before it, a dotted domain after it, no spaces.
fn is_plain_email(text: &str) -> bool {
    let Some((user, domain)) = text.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && !domain.contains('@')
        && !text.contains(char::is_whitespace)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

fn url(cx: &mut Lint<'_>, at: &Path<'_>, key: &str, text: &str) {
    let scheme = text
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| {
            s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        })
        .map(str::to_ascii_lowercase);
    let problem = match scheme.as_deref() {
        Some("http" | "https") if text.contains(char::is_whitespace) => true,
        Some("http" | "https") => {
            // `https:/example.com`, `https:example.com`
            !text[text.find(':').unwrap_or(0) + 1..].starts_with("//")
        }
        Some("mailto" | "tel") if key == "url" => false,
        Some("javascript" | "data" | "vbscript" | "file") => {
            cx.report(
                "lint/url-format",
                Severity::Warning,
                format!(
                    "`{key}` uses the `{}:` scheme; themes only link http(s) addresses",
                    scheme.as_deref().unwrap_or_default()
                ),
                Some("write an https:// address".to_owned()),
                &at.pointer(),
                Target::Value,
            );
            return;
        }
        Some(_) => false,
        // A relative image path is fine for local rendering; a bare host name is not.
        None if key == "image" => looks_like_host(text),
        None => true,
    };
    if problem {
        let (message, help) = bad_url(key, text);
        cx.report(
            "lint/url-format",
            Severity::Warning,
            message,
            help,
            &at.pointer(),
            Target::Value,
        );
    }
}

fn country_code(cx: &mut Lint<'_>, at: &Path<'_>, text: &str) {
    if country::is_alpha2(text) {
        return;
    }
    let upper = text.trim().to_ascii_uppercase();
    let help = if country::is_alpha2(&upper) {
        Some(format!("write \"{upper}\""))
    } else if let Some(code) = country::alpha2_for(text) {
        Some(format!("write \"{code}\""))
    } else {
        Some("write the two-letter ISO 3166-1 code, e.g. \"US\", \"DE\", \"NL\"".to_owned())
    };
    cx.report(
        "lint/country-code",
        Severity::Warning,
        format!("`{text}` is not an ISO 3166-1 alpha-2 country code"),
        help,
        &at.pointer(),
        Target::Value,
    );
}
