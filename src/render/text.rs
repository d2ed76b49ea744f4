//! Pure text helpers behind the template filters: localised dates and ranges, URL
//! checks and display, escaping for Typst and Markdown, and word wrapping.
//!
//! They know nothing about minijinja, so each is tested on its own; `environment.rs`
//! wires them into templates.

use crate::locale::Locale;
use crate::model::PartialDate;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The date format themes get when they name none: `Jan 2020`, `Jan. 2020`, `janv. 2020`.
pub const DEFAULT_DATE_FORMAT: &str = "%b %Y";

/// The separator between the two ends of a date range.
pub const RANGE_SEPARATOR: &str = " – ";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Year,
    Year2,
    MonthName,
    MonthShort,
    Month,
    MonthNoPad,
    Day,
    DayNoPad,
}

#[derive(Debug)]
enum Piece<'a> {
    Literal(&'a str),
    Field(Field),
}

fn parse_format(format: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = format;
    while !rest.is_empty() {
        let Some(at) = rest.find('%') else {
            pieces.push(Piece::Literal(rest));
            break;
        };
        if at > 0 {
            pieces.push(Piece::Literal(&rest[..at]));
        }
        let spec = &rest[at + 1..];
        let (field, len) = match spec.as_bytes() {
            [b'Y', ..] => (Some(Field::Year), 1),
            [b'y', ..] => (Some(Field::Year2), 1),
            [b'B', ..] => (Some(Field::MonthName), 1),
            [b'b', ..] => (Some(Field::MonthShort), 1),
            [b'm', ..] => (Some(Field::Month), 1),
            [b'-', b'm', ..] => (Some(Field::MonthNoPad), 2),
            [b'd', ..] => (Some(Field::Day), 1),
            [b'-', b'd', ..] | [b'e', ..] => (
                Some(Field::DayNoPad),
                if spec.starts_with('e') { 1 } else { 2 },
            ),
            [b'%', ..] => {
                pieces.push(Piece::Literal("%"));
                (None, 1)
            }
            _ => {
                pieces.push(Piece::Literal("%"));
                (None, 0)
            }
        };
        if let Some(field) = field {
            pieces.push(Piece::Field(field));
        }
        rest = &spec[len..];
    }
    pieces
}

/// Formats `date` with a strftime-like `format` and the month names of `locale`.
///
/// Directives: `%Y` (2024), `%y` (24), `%B` (full month name), `%b` (short month
/// name), `%m` (03), `%-m` (3), `%d` (07), `%-d` or `%e` (7), `%%`. A directive for a
/// part the date does not have is left out together with the separator after it (or
/// before it, at the end), so `%d %B %Y` prints `2020-05` as `May 2020` and `2020` as
/// `2020`. A date that is not in the calendar (`2017-13`) is printed as written.
///
/// ```
/// use vitae::{locale, model::PartialDate, render::text::format_date};
/// let de = locale::find_or_english("de");
/// let date: PartialDate = "2020-03".parse()?;
/// assert_eq!(format_date(&date, "%B %Y", de), "März 2020");
/// assert_eq!(format_date(&"2020".parse()?, "%b %Y", de), "2020");
/// # Ok::<(), vitae::model::PartialDateError>(())
/// ```
#[must_use]
pub fn format_date(date: &PartialDate, format: &str, locale: &Locale) -> String {
    if !date.is_calendar_valid() {
        return date.to_string();
    }
    let pieces = parse_format(format);
    let value = |field: Field| -> Option<String> {
        let month = date.month().map(usize::from);
        Some(match field {
            Field::Year => format!("{:04}", date.year()),
            Field::Year2 => format!("{:02}", date.year() % 100),
            Field::MonthName => locale.months[month? - 1].to_owned(),
            Field::MonthShort => locale.months_short[month? - 1].to_owned(),
            Field::Month => format!("{:02}", month?),
            Field::MonthNoPad => month?.to_string(),
            Field::Day => format!("{:02}", date.day()?),
            Field::DayNoPad => date.day()?.to_string(),
        })
    };
    let values: Vec<Option<String>> = pieces
        .iter()
        .map(|p| match p {
            Piece::Literal(_) => None,
            Piece::Field(f) => value(*f),
        })
        .collect();
    let mut keep = vec![true; pieces.len()];
    for (i, piece) in pieces.iter().enumerate() {
        if matches!(piece, Piece::Field(_)) && values[i].is_none() {
            keep[i] = false;
            if matches!(pieces.get(i + 1), Some(Piece::Literal(_))) && keep[i + 1] {
                keep[i + 1] = false;
            } else if i > 0 && matches!(pieces[i - 1], Piece::Literal(_)) {
                keep[i - 1] = false;
            }
        }
    }
    let mut out = String::new();
    for (i, piece) in pieces.iter().enumerate() {
        if !keep[i] {
            continue;
        }
        match piece {
            Piece::Literal(s) => out.push_str(s),
            Piece::Field(_) => out.push_str(values[i].as_deref().unwrap_or_default()),
        }
    }
    out.trim().to_owned()
}

/// Formats a date written in the resume: a valid `YYYY[-MM[-DD]]` through
/// [`format_date`], anything else as written.
#[must_use]
pub fn format_date_text(text: &str, format: &str, locale: &Locale) -> String {
    match text.trim().parse::<PartialDate>() {
        Ok(date) => format_date(&date, format, locale),
        Err(_) => text.trim().to_owned(),
    }
}

/// Formats the range from `start` to `end`: `Jan 2020 – Mar 2021`, `Jan 2020 – Present`
/// when only the start is known (an ongoing entry), a single date when only the end is
/// known or both ends print the same, and nothing when neither is known.
///
/// ```
/// use vitae::{locale, render::text::format_range};
/// let en = locale::find_or_english("en");
/// assert_eq!(format_range(Some("2019-04"), None, "%b %Y", en), "Apr 2019 – Present");
/// assert_eq!(format_range(Some("2016-08-24"), Some("2016-08-30"), "%b %Y", en), "Aug 2016");
/// ```
#[must_use]
pub fn format_range(
    start: Option<&str>,
    end: Option<&str>,
    format: &str,
    locale: &Locale,
) -> String {
    let start = start
        .filter(|s| !s.trim().is_empty())
        .map(|s| format_date_text(s, format, locale));
    let end = end
        .filter(|s| !s.trim().is_empty())
        .map(|s| format_date_text(s, format, locale));
    match (start, end) {
        (Some(s), Some(e)) if s == e => s,
        (Some(s), Some(e)) => format!("{s}{RANGE_SEPARATOR}{e}"),
        (Some(s), None) => format!("{s}{RANGE_SEPARATOR}{}", locale.present),
        (None, Some(e)) => e,
        (None, None) => String::new(),
    }
}

/// The URL to link to, when `url` may become a link: `http(s)://…`, `mailto:…` and
/// `tel:…` as written, a bare domain (`example.com/me`) with `https://` in front.
/// Anything else (`javascript:`, `data:`, `//host`, text with spaces or control
/// characters) gives `None` and must be shown as text, not linked.
///
/// ```
/// use vitae::render::text::safe_url;
/// assert_eq!(safe_url("https://example.com").as_deref(), Some("https://example.com"));
/// assert_eq!(safe_url("example.com/me").as_deref(), Some("https://example.com/me"));
/// assert_eq!(safe_url("javascript:alert(1)"), None);
/// ```
#[must_use]
pub fn safe_url(url: &str) -> Option<String> {
    let url = url.trim();
    if url.is_empty() || url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    let lower = url.to_ascii_lowercase();
    for scheme in ["https://", "http://"] {
        if let Some(rest) = lower.strip_prefix(scheme) {
            return rest
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '[')
                .then(|| url.to_owned());
        }
    }
    for scheme in ["mailto:", "tel:"] {
        if lower.len() > scheme.len() && lower.starts_with(scheme) {
            return Some(url.to_owned());
        }
    }
    is_bare_domain(url).then(|| format!("https://{url}"))
}

/// `example.com`, `www.example.co.uk/path?x#y`, `example.com:8080`: a host name with a
/// dot and a letters-only top-level domain, then the end or `/`, `?`, `#`, `:`.
fn is_bare_domain(url: &str) -> bool {
    let host_end = url.find(['/', '?', '#', ':']).unwrap_or(url.len());
    let host = &url[..host_end];
    if let Some(rest) = url[host_end..].strip_prefix(':') {
        // Only a port may follow a colon, or this is a scheme (`javascript:`).
        let port_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        if port_end == 0 || !rest[..port_end].bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(char::is_alphabetic))
}

/// A URL for display: without the scheme (`https://`, `mailto:`, `tel:`) and the
/// trailing slash.
///
/// ```
/// assert_eq!(vitae::render::text::url_display("https://example.com/"), "example.com");
/// ```
#[must_use]
pub fn url_display(url: &str) -> String {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .find(|s| lower.starts_with(*s))
        .map_or(url, |s| &url[s.len()..]);
    rest.strip_suffix('/').unwrap_or(rest).to_owned()
}

/// The `tel:` URL for a phone number as people write it: `+1 (912) 555-4321` →
/// `tel:+19125554321`. `None` when there are no digits.
#[must_use]
pub fn tel_url(phone: &str) -> Option<String> {
    let digits: String = phone
        .trim()
        .chars()
        .enumerate()
        .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
        .map(|(_, c)| c)
        .collect();
    digits
        .chars()
        .any(|c| c.is_ascii_digit())
        .then(|| format!("tel:{digits}"))
}

/// Characters with a meaning in Typst markup; each is written with a backslash in front.
const TYPST_SPECIAL: &[char] = &[
    '\\', '#', '$', '*', '_', '`', '<', '>', '@', '[', ']', '~', '-', '+', '=', '/', '"', '\'',
];

/// Appends `text` to `out` as literal Typst markup: every character Typst could read as
/// markup or code (`#`, `$`, `*`, `_`, `@`, `<`, `` ` ``, `\`, `[`, `]`, …) gets a
/// backslash; line breaks become spaces and other control characters are dropped.
pub fn escape_typst_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if TYPST_SPECIAL.contains(&c) {
            out.push('\\');
            out.push(c);
        } else if c == '\n' || c == '\r' || c == '\t' {
            out.push(' ');
        } else if !c.is_control() {
            out.push(c);
        }
    }
}

/// `text` as literal Typst markup; see [`escape_typst_into`].
///
/// ```
/// assert_eq!(vitae::render::text::escape_typst("#eval(x) *b*"), r"\#eval(x) \*b\*");
/// ```
#[must_use]
pub fn escape_typst(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_typst_into(text, &mut out);
    out
}

/// `text` as the inside of a Typst string literal (between `"`).
#[must_use]
pub fn escape_typst_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Characters with a meaning anywhere in Markdown (CommonMark and GitHub's extensions).
const MARKDOWN_SPECIAL: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~'];

/// Appends `text` to `out` as literal Markdown: the characters that mean something
/// anywhere get a backslash, and so does a leading `#`, `-`, `+`, `=` or the `.`/`)` of
/// a leading number, which would start a heading or a list. Line breaks become spaces.
pub fn escape_markdown_into(text: &str, out: &mut String) {
    let lead_digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let followed_by_space = |i: usize| text[i..].chars().nth(1).is_none_or(char::is_whitespace);
    for (i, c) in text.char_indices() {
        let at_start =
            i == 0 && (matches!(c, '#' | '=') || (matches!(c, '-' | '+') && followed_by_space(i)));
        let list_number =
            lead_digits > 0 && i == lead_digits && matches!(c, '.' | ')') && followed_by_space(i);
        if MARKDOWN_SPECIAL.contains(&c) || at_start || list_number {
            out.push('\\');
            out.push(c);
        } else if c == '\n' || c == '\r' || c == '\t' {
            out.push(' ');
        } else if !c.is_control() {
            out.push(c);
        }
    }
}

/// `text` as literal Markdown; see [`escape_markdown_into`].
///
/// ```
/// assert_eq!(vitae::render::text::escape_markdown("<b>*x*</b>"), r"\<b\>\*x\*\</b\>");
/// ```
#[must_use]
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_markdown_into(text, &mut out);
    out
}

/// Wraps `text` at `width` columns, prefixing every line with `indent`. Columns are
/// display columns: a CJK character takes two, a combining mark none. Line breaks in
/// `text` are kept; a line that starts with a list marker (`- `, `* `, `1. `)
/// continues under its text, not under the marker. Words longer than a line stay whole,
/// except runs of wide (CJK) characters, which may break between any two of them.
///
/// ```
/// let text = vitae::render::text::wrap("- one two three four", 12, "  ");
/// assert_eq!(text, "  - one two\n    three\n    four");
/// ```
#[must_use]
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width.max(1) * 4);
    for (n, line) in text.lines().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let line = line.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        let own_indent = line.len() - line.trim_start().len();
        let body = line.trim_start();
        let marker = list_marker(body);
        let first_prefix = format!("{indent}{}", &line[..own_indent]);
        let hang = format!("{first_prefix}{}", " ".repeat(marker.width()));
        let mut column = 0;
        let mut prefix = first_prefix.as_str();
        let mut at_line_start = true;
        let words = body
            .split_whitespace()
            .flat_map(|word| wide_pieces(word, width.saturating_sub(hang.width())));
        for (piece, word) in words {
            let word_len = word.width();
            let needed = if at_line_start { 0 } else { 1 } + word_len;
            if !at_line_start && column + needed > width {
                out.push('\n');
                prefix = hang.as_str();
                at_line_start = true;
            }
            if at_line_start {
                out.push_str(prefix);
                column = prefix.width();
                at_line_start = false;
            } else if piece == 0 {
                out.push(' ');
                column += 1;
            }
            out.push_str(word);
            column += word_len;
        }
    }
    out
}

/// A word as numbered pieces that fit in `room` columns: whole, unless it is wider than
/// `room` and made of wide (CJK) characters, which may break between any two of them.
/// Pieces after the first are joined to the one before without a space.
fn wide_pieces(word: &str, room: usize) -> Vec<(usize, &str)> {
    if word.width() <= room.max(2) || !word.chars().all(is_wide) {
        return vec![(0, word)];
    }
    let mut pieces = Vec::new();
    let (mut start, mut used) = (0, 0);
    for (i, c) in word.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > room.max(2) && i > start {
            pieces.push((pieces.len(), &word[start..i]));
            (start, used) = (i, 0);
        }
        used += w;
    }
    pieces.push((pieces.len(), &word[start..]));
    pieces
}

fn is_wide(c: char) -> bool {
    c.width() == Some(2)
}

/// The list marker a line starts with (`- `, `* `, `• `, `12. `), or "".
fn list_marker(line: &str) -> &str {
    for m in ["- ", "* ", "• ", "+ "] {
        if line.starts_with(m) {
            return &line[..m.len()];
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(". ") {
        return &line[..digits + 2];
    }
    ""
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::find_or_english;

    fn date(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn dates_drop_missing_parts_with_their_separator() {
        let en = find_or_english("en");
        assert_eq!(
            format_date(&date("2020-05-07"), "%d %B %Y", en),
            "07 May 2020"
        );
        assert_eq!(format_date(&date("2020-05"), "%d %B %Y", en), "May 2020");
        assert_eq!(format_date(&date("2020"), "%d %B %Y", en), "2020");
        assert_eq!(format_date(&date("2020-05"), "%B %-d, %Y", en), "May 2020");
        assert_eq!(
            format_date(&date("2020-05-07"), "%B %e, %Y", en),
            "May 7, 2020"
        );
        assert_eq!(format_date(&date("2020-05"), "%m/%Y", en), "05/2020");
        assert_eq!(format_date(&date("2020"), "%m/%Y", en), "2020");
        assert_eq!(
            format_date(&date("2020-05-07"), "%Y-%m-%d", en),
            "2020-05-07"
        );
        assert_eq!(format_date(&date("2020-05"), "%d.%m.%Y", en), "05.2020");
        assert_eq!(format_date(&date("2020-05"), "'%y %%", en), "'20 %");
        assert_eq!(format_date(&date("2017-13"), "%b %Y", en), "2017-13");
    }

    #[test]
    fn month_names_in_each_language() {
        let d = date("2021-12");
        for (lang, full, short) in [
            ("en", "December 2021", "Dec 2021"),
            ("de", "Dezember 2021", "Dez. 2021"),
            ("nl", "december 2021", "dec. 2021"),
            ("fr", "décembre 2021", "déc. 2021"),
            ("es", "diciembre 2021", "dic. 2021"),
        ] {
            let l = find_or_english(lang);
            assert_eq!(format_date(&d, "%B %Y", l), full);
            assert_eq!(format_date(&d, "%b %Y", l), short);
        }
    }

    #[test]
    fn ranges() {
        let en = find_or_english("en");
        let de = find_or_english("de");
        assert_eq!(
            format_range(Some("2013-12-01"), Some("2014-12-01"), "%b %Y", en),
            "Dec 2013 – Dec 2014"
        );
        assert_eq!(
            format_range(Some("2020"), None, "%b %Y", de),
            "2020 – heute"
        );
        assert_eq!(
            format_range(Some("2020-01"), Some(""), "%b %Y", find_or_english("es")),
            "ene. 2020 – actualidad"
        );
        assert_eq!(format_range(None, Some("2020-01"), "%Y", en), "2020");
        assert_eq!(format_range(None, None, "%Y", en), "");
        assert_eq!(format_range(Some("soon"), None, "%Y", en), "soon – Present");
    }

    #[test]
    fn urls() {
        for ok in [
            "http://x.example.com",
            "HTTPS://Example.com/a?b#c",
            "mailto:a@b.c",
            "tel:+1234",
        ] {
            assert_eq!(safe_url(ok).as_deref(), Some(ok), "{ok}");
        }
        assert_eq!(
            safe_url(" www.example.co.uk/x ").as_deref(),
            Some("https://www.example.co.uk/x")
        );
        assert_eq!(
            safe_url("example.com:8080/x").as_deref(),
            Some("https://example.com:8080/x")
        );
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "javascript&#58;alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "//evil.example.com",
            "/etc/passwd",
            "file:///etc/passwd",
            "https://",
            "https:///x",
            "mailto:",
            "not a url",
            "alert(1).js:1",
            "",
        ] {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
        assert_eq!(url_display("https://www.example.com/"), "www.example.com");
        assert_eq!(url_display("mailto:a@b.c"), "a@b.c");
        assert_eq!(url_display("example.com/x"), "example.com/x");
        assert_eq!(
            tel_url("+1 (912) 555-4321").as_deref(),
            Some("tel:+19125554321")
        );
        assert_eq!(tel_url("ask me"), None);
    }

    #[test]
    fn typst_escaping_leaves_no_markup() {
        let hostile = r#"#import "x": *; $x$ @ref <label> `raw` [a] \ ~ - + = / // "q" 'a'"#;
        let escaped = escape_typst(hostile);
        assert_eq!(
            escaped,
            r#"\#import \"x\": \*; \$x\$ \@ref \<label\> \`raw\` \[a\] \\ \~ \- \+ \= \/ \/\/ \"q\" \'a\'"#
        );
        assert_eq!(escape_typst("a\nb\u{7}c"), "a bc");
        assert_eq!(escape_typst_string("a\"b\\c\nd"), r#"a\"b\\c\nd"#);
    }

    #[test]
    fn markdown_escaping() {
        assert_eq!(escape_markdown("# Title"), r"\# Title");
        assert_eq!(escape_markdown("- item"), r"\- item");
        assert_eq!(escape_markdown("1. first"), r"1\. first");
        assert_eq!(escape_markdown("C# and 2.5"), "C# and 2.5");
        assert_eq!(escape_markdown("4.0"), "4.0");
        assert_eq!(escape_markdown(" · "), " · ");
        assert_eq!(escape_markdown("[x](javascript:y)"), r"\[x\](javascript:y)");
        assert_eq!(escape_markdown("a | b\nc"), r"a \| b c");
    }

    #[test]
    fn wrapping() {
        let text = "word ".repeat(30);
        let wrapped = wrap(&text, 80, "");
        assert!(
            wrapped.lines().all(|l| l.chars().count() <= 80),
            "{wrapped}"
        );
        assert_eq!(wrapped.lines().count(), 2);
        assert_eq!(wrap("a\n\nb", 80, "  "), "  a\n\n  b");
        assert_eq!(
            wrap("1. alpha beta gamma", 10, ""),
            "1. alpha\n   beta\n   gamma"
        );
        // Display columns: CJK characters take two; a run of them breaks anywhere.
        let cjk = "漢字".repeat(30);
        let wrapped = wrap(&format!("- {cjk} end"), 20, "");
        assert!(wrapped.lines().all(|l| l.width() <= 20), "{wrapped}");
        assert_eq!(wrapped.replace(['\n', ' '], ""), format!("-{cjk}end"));
        assert!(
            wrapped.lines().skip(1).all(|l| l.starts_with("  ")),
            "{wrapped}"
        );
        assert_eq!(wrap("é ü", 80, ""), "é ü");
        let long = "x".repeat(100);
        assert_eq!(
            wrap(&format!("a {long} b"), 80, ""),
            format!("a\n{long}\nb")
        );
    }
}
