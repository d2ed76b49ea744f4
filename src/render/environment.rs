//! The minijinja environment a theme renders in: a loader that only sees the theme's
//! own files, escaping for the theme's output format, a fuel budget, and the filters
//! themes use (dates, ranges, Markdown, links).
//!
//! Escaping is chosen by the theme's format, not by file name, so every template of an
//! HTML theme (partials included) escapes HTML, and every template of a Typst theme
//! escapes Typst markup. Filters that produce markup (`markdown`, `link`, …) return
//! "safe" values that are written as they are.

use minijinja::value::{Kwargs, Value, ValueKind};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, State, UndefinedBehavior};

use super::markdown::{self, Target};
use super::text::{
    self, escape_markdown_into, escape_typst_into, escape_typst_string, safe_url, url_display,
};
use super::theme::{Theme, ThemeFormat};
use crate::locale::Locale;

const TYPST: &str = "typst";
const MARKDOWN: &str = "markdown";

/// The escaping every template of a theme of `format` gets.
fn auto_escape(format: ThemeFormat) -> AutoEscape {
    match format {
        ThemeFormat::Html => AutoEscape::Html,
        ThemeFormat::Typst => AutoEscape::Custom(TYPST.into()),
        ThemeFormat::Markdown => AutoEscape::Custom(MARKDOWN.into()),
        ThemeFormat::Text => AutoEscape::None,
    }
}

/// The format a filter is producing for, from the template's escaping.
fn target(state: &State) -> Target {
    match state.auto_escape() {
        AutoEscape::Html => Target::Html,
        AutoEscape::Custom(name) if name == TYPST => Target::Typst,
        AutoEscape::Custom(name) if name == MARKDOWN => Target::Markdown,
        _ => Target::Text,
    }
}

/// Builds the environment for `theme`, with month names from `locale` and a budget of
/// `fuel` for one render.
pub(crate) fn build(theme: &Theme, locale: &'static Locale, fuel: u64) -> Environment<'static> {
    let mut env = Environment::new();
    let format = theme.format();
    env.set_auto_escape_callback(move |_| auto_escape(format));
    env.set_undefined_behavior(UndefinedBehavior::Chainable);
    env.set_fuel(Some(fuel));
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .unwrap_or_default(),
    );
    env.set_formatter(format_value);
    let loader_theme = theme.clone();
    env.set_loader(move |name| {
        loader_theme
            .template(name)
            .map_err(|e| Error::new(ErrorKind::InvalidOperation, e.to_string()))
    });

    let date_format: String = theme
        .manifest()
        .date_format
        .clone()
        .unwrap_or_else(|| text::DEFAULT_DATE_FORMAT.to_owned());
    let default_format = date_format.clone();
    env.add_filter(
        "date",
        move |value: Value, format: Option<String>| -> String {
            let format = format.as_deref().unwrap_or(&default_format);
            value
                .as_str()
                .map(|s| text::format_date_text(s, format, locale))
                .unwrap_or_default()
        },
    );
    env.add_filter(
        "daterange",
        move |item: Value, format: Option<String>| -> Result<String, Error> {
            let format = format.as_deref().unwrap_or(&date_format);
            let get = |key: &str| -> Result<Option<String>, Error> {
                let v = item.get_attr(key)?;
                Ok(v.as_str().map(str::to_owned))
            };
            let start = get("startDate")?;
            let end = get("endDate")?;
            Ok(text::format_range(
                start.as_deref(),
                end.as_deref(),
                format,
                locale,
            ))
        },
    );
    env.add_filter("markdown", |state: &State, value: Value| {
        markdown_filter(state, &value, false)
    });
    env.add_filter("markdown_inline", |state: &State, value: Value| {
        markdown_filter(state, &value, true)
    });
    env.add_filter("plain", |value: Value| -> String {
        value
            .as_str()
            .map(|s| markdown::render(s, Target::Text, false))
            .unwrap_or_default()
    });
    env.add_filter("url_display", |value: Value| -> String {
        value.as_str().map(url_display).unwrap_or_default()
    });
    env.add_filter("safe_url", |value: Value| -> Value {
        value
            .as_str()
            .and_then(safe_url)
            .map_or(Value::UNDEFINED, Value::from)
    });
    env.add_filter("link", |state: &State, url: Value, label: Option<Value>| {
        let url = url.as_str().unwrap_or_default();
        let label = label
            .filter(|l| !l.is_undefined() && !l.is_none())
            .unwrap_or_else(|| Value::from(url_display(url)));
        link(state, safe_url(url).as_deref(), &label)
    });
    env.add_filter("mailto", |state: &State, email: Value| {
        let email = email.as_str().unwrap_or_default().trim();
        let plausible = email.matches('@').count() == 1
            && !email.starts_with('@')
            && !email.ends_with('@')
            && !email
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || "\"'<>()[]\\,;:".contains(c));
        let url = plausible.then(|| format!("mailto:{email}"));
        link(state, url.as_deref(), &Value::from(email))
    });
    env.add_filter("tel", |state: &State, phone: Value| {
        let phone = phone.as_str().unwrap_or_default().trim();
        link(state, text::tel_url(phone).as_deref(), &Value::from(phone))
    });
    env.add_filter("location", |location: Value, kwargs: Kwargs| {
        let full: bool = kwargs.get::<Option<bool>>("full")?.unwrap_or(false);
        kwargs.assert_all_used()?;
        format_location(&location, full)
    });
    env.add_filter("typst_string", |value: Value| -> Value {
        Value::from_safe_string(format!("\"{}\"", escape_typst_string(&value.to_string())))
    });
    env.add_filter(
        "wrap",
        |value: Value, width: Option<usize>, kwargs: Kwargs| -> Result<String, Error> {
            let width = match width {
                Some(w) => w,
                None => kwargs.get::<Option<usize>>("width")?.unwrap_or(80),
            };
            let indent: String = kwargs.get::<Option<String>>("indent")?.unwrap_or_default();
            kwargs.assert_all_used()?;
            Ok(text::wrap(&value.to_string(), width.max(10), &indent))
        },
    );
    env
}

/// Writes `{{ value }}`: undefined and none as nothing, safe values as they are, the
/// rest escaped for the theme's format.
fn format_value(
    out: &mut minijinja::Output,
    state: &mut State,
    value: &Value,
) -> Result<(), Error> {
    if value.is_undefined() || value.is_none() {
        return Ok(());
    }
    let custom = match state.auto_escape() {
        AutoEscape::Custom(name) if name == TYPST => Some(TYPST),
        AutoEscape::Custom(_) => Some(MARKDOWN),
        _ => None,
    };
    match custom {
        Some(kind) if !value.is_safe() => {
            let text = value.to_string();
            let mut escaped = String::with_capacity(text.len() + 8);
            if kind == TYPST {
                escape_typst_into(&text, &mut escaped);
            } else {
                escape_markdown_into(&text, &mut escaped);
            }
            out.write_str(&escaped).map_err(Error::from)
        }
        Some(_) => out
            .write_str(value.as_str().unwrap_or_default())
            .map_err(Error::from),
        None => minijinja::escape_formatter(out, state, value),
    }
}

fn markdown_filter(state: &State, value: &Value, inline: bool) -> Value {
    match value.kind() {
        ValueKind::Undefined | ValueKind::None => Value::UNDEFINED,
        _ => {
            let source = value.to_string();
            Value::from_safe_string(markdown::render(&source, target(state), inline))
        }
    }
}

/// A link for the template's format, or the label as text when `url` is `None`.
fn link(state: &State, url: Option<&str>, label: &Value) -> Value {
    let target = target(state);
    let label_text = label.to_string();
    let label_markup = |escape: fn(&str) -> String| {
        if label.is_safe() {
            label_text.clone()
        } else {
            escape(&label_text)
        }
    };
    let Some(url) = url else {
        return match target {
            Target::Text => Value::from(label_text),
            Target::Html => Value::from_safe_string(label_markup(escape_html)),
            Target::Typst => Value::from_safe_string(label_markup(text::escape_typst)),
            Target::Markdown => Value::from_safe_string(label_markup(text::escape_markdown)),
        };
    };
    let markup = match target {
        Target::Html => format!(
            "<a href=\"{}\">{}</a>",
            escape_html(url),
            label_markup(escape_html)
        ),
        Target::Typst => format!(
            "#link(\"{}\")[{}]",
            escape_typst_string(url),
            label_markup(text::escape_typst)
        ),
        Target::Markdown => format!(
            "[{}](<{}>)",
            label_markup(text::escape_markdown),
            url.replace('<', "%3C").replace('>', "%3E")
        ),
        Target::Text => {
            let shown = url_display(url);
            if label_text.trim() == shown || label_text.trim().is_empty() {
                shown
            } else {
                format!("{label_text} ({shown})")
            }
        }
    };
    Value::from_safe_string(markup)
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `City, Region, CC`; with `full`, the address and postal code first.
fn format_location(location: &Value, full: bool) -> Result<String, Error> {
    let get = |key: &str| -> Result<String, Error> {
        Ok(location
            .get_attr(key)?
            .as_str()
            .map(|s| s.trim().replace('\n', ", "))
            .unwrap_or_default())
    };
    let mut parts = Vec::new();
    if full {
        parts.push(get("address")?);
        let city = [get("postalCode")?, get("city")?]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        parts.push(city);
    } else {
        parts.push(get("city")?);
    }
    parts.push(get("region")?);
    parts.push(get("countryCode")?);
    parts.retain(|p| !p.is_empty());
    Ok(parts.join(", "))
}
