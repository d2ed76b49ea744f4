//! HTML remnants: comments, block tags split into lines, attributes.

use std::borrow::Cow;

use super::*;

/// Removes `<!-- … -->`, also across lines. A line outside a comment and without one
/// comes back as it is.
pub(super) fn strip_comments<'a>(text: &'a str, in_comment: &mut bool) -> Cow<'a, str> {
    if !*in_comment && !text.contains("<!--") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        if *in_comment {
            match rest.find("-->") {
                Some(i) => {
                    rest = &rest[i + 3..];
                    *in_comment = false;
                }
                None => return Cow::Owned(out),
            }
        } else {
            match rest.find("<!--") {
                Some(i) => {
                    out.push_str(&rest[..i]);
                    rest = &rest[i + 4..];
                    *in_comment = true;
                }
                None => {
                    out.push_str(rest);
                    return Cow::Owned(out);
                }
            }
        }
    }
}

/// Splits a line at HTML block tags (`<br>`, `<li>`, `<p>`, `<hN>`, `<hr>`, …) and
/// rewrites inline tags as Markdown: `<b>` → `**`, `<a href>` → `[text](url)`,
/// `<img>` → `![alt](src)`; other tags disappear. A `<li>` segment starts with `- `,
/// an `<hN>` one with `#`s, an `<hr>` one is `---`.
pub(super) fn split_html_blocks(text: &str) -> Vec<String> {
    if !text.contains('<') {
        return vec![text.to_owned()];
    }
    let mut segments = vec![String::new()];
    let mut pending_href: Vec<Option<String>> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let close = after.find('>');
        let autolink = close.is_some_and(|c| {
            let inner = &after[..c];
            (inner.contains('@') || inner.contains("://")) && !inner.contains(' ')
        });
        let is_tag = !autolink && after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
        let (Some(close), true) = (close, is_tag) else {
            // `<` that opens no tag, or an autolink `<https://…>` / `<a@b.c>`.
            let end = close.map_or(rest.len(), |c| open + 1 + c + 1);
            let inner = close.map_or("", |c| &after[..c]);
            let cur = segments.last_mut().expect("one segment");
            cur.push_str(&rest[..open]);
            if close.is_some()
                && (inner.contains("://") || inner.contains('@'))
                && !inner.contains(' ')
            {
                cur.push_str(inner);
                rest = &rest[end..];
            } else {
                cur.push('<');
                rest = &rest[open + 1..];
            }
            continue;
        };
        segments
            .last_mut()
            .expect("one segment")
            .push_str(&rest[..open]);
        let tag = &after[..close];
        rest = &after[close + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        let cur = segments.last_mut().expect("one segment");
        match name.as_str() {
            "b" | "strong" => cur.push_str("**"),
            "a" if !closing => {
                let href = attribute(tag, "href");
                cur.push('[');
                pending_href.push(href);
            }
            "a" => {
                if let Some(href) = pending_href.pop() {
                    match href {
                        Some(h) => {
                            cur.push_str("](");
                            cur.push_str(&h);
                            cur.push(')');
                        }
                        None => cur.push(']'),
                    }
                }
            }
            "img" => {
                let alt = attribute(tag, "alt").unwrap_or_default();
                if let Some(src) = attribute(tag, "src") {
                    cur.push_str(&format!(" ![{alt}]({src}) "));
                } else {
                    cur.push_str(&alt);
                }
            }
            "br" | "p" | "div" | "tr" | "ul" | "ol" | "table" | "td" | "th" => {
                if name == "td" || name == "th" {
                    cur.push_str(" | ");
                } else {
                    segments.push(String::new());
                }
            }
            "li" if !closing => segments.push("- ".to_owned()),
            "li" => segments.push(String::new()),
            "hr" => {
                segments.push("---".to_owned());
                segments.push(String::new());
            }
            h if h.len() == 2 && h.starts_with('h') && h.as_bytes()[1].is_ascii_digit() => {
                if closing {
                    segments.push(String::new());
                } else {
                    let level = usize::from(h.as_bytes()[1] - b'0');
                    segments.push(format!("{} ", "#".repeat(level)));
                }
            }
            _ => cur.push(' '),
        }
    }
    segments.last_mut().expect("one segment").push_str(rest);
    // Dangling `[` of an `<a>` without `</a>`: drop the bracket.
    segments
        .into_iter()
        .filter(|s| !s.trim().is_empty() || s.is_empty())
        .collect()
}

/// The value of an attribute in the inside of an HTML tag.
pub(super) fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(name).map(|p| p + from) {
        let before_ok = pos == 0 || lower.as_bytes()[pos - 1].is_ascii_whitespace();
        let rest = tag[pos + name.len()..].trim_start();
        if before_ok && let Some(rest) = rest.strip_prefix('=') {
            let rest = rest.trim_start();
            let value = if let Some(r) = rest.strip_prefix('"') {
                r.split('"').next()
            } else if let Some(r) = rest.strip_prefix('\'') {
                r.split('\'').next()
            } else {
                rest.split(|c: char| c.is_whitespace() || c == '/').next()
            };
            return value.map(decode_entities);
        }
        from = pos + name.len();
    }
    None
}
