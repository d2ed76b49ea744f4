//! Inline Markdown: emphasis, code, links and images, escapes, entities.

use std::borrow::Cow;

use super::*;

/// Inline Markdown: emphasis, code, links and images, escapes, entities.
/// Returns the text, its links, and the byte ranges that were strong (`**…**`).
/// A line without markup comes back as it is, borrowed.
///
/// Every marker is ASCII, so the line is walked by byte offsets: the text between
/// markers is copied in one piece, and a neighbour of a marker is decoded only when a
/// rule asks about it.
pub(super) fn inline(t: &str) -> (Cow<'_, str>, Vec<Link>, Vec<(usize, usize)>) {
    if !t.bytes().any(is_marker) {
        return (Cow::Borrowed(t), Vec::new(), Vec::new());
    }
    let b = t.as_bytes();
    let n = b.len();
    let mut out = String::with_capacity(n);
    let mut links = Vec::new();
    let mut marks = Vec::new();
    let mut strong_start: Option<usize> = None;
    let mut i = 0;
    while i < n {
        // Plain text up to the next marker.
        let plain = b[i..]
            .iter()
            .position(|&c| is_marker(c))
            .map_or(n, |p| i + p);
        out.push_str(&t[i..plain]);
        i = plain;
        if i == n {
            break;
        }
        // `b[i]` is an ASCII marker: the next character starts at `i + 1`.
        let c = char::from(b[i]);
        let next = b.get(i + 1).copied();
        match c {
            '\\' if next.is_some_and(|x| x.is_ascii_punctuation()) => {
                out.push(char::from(b[i + 1]));
                i += 2;
            }
            '*' | '_' if next == Some(b[i]) => {
                // `**` / `__`: strong, unless inside a word for `__`.
                let inside_word = c == '_'
                    && char_before(t, i).is_some_and(char::is_alphanumeric)
                    && char_at(t, i + 2).is_some_and(char::is_alphanumeric);
                if inside_word {
                    out.push_str("__");
                } else if let Some(s) = strong_start.take() {
                    marks.push((s, out.len()));
                } else if b[i + 2..].windows(2).any(|w| w[0] == b[i] && w[1] == b[i]) {
                    strong_start = Some(out.len());
                }
                i += 2;
            }
            '*' | '_' => {
                let prev_ok = !char_before(t, i).is_some_and(char::is_alphanumeric);
                let next_ok = char_at(t, i + 1).is_some_and(|x| !x.is_whitespace());
                let close = if prev_ok && next_ok {
                    find_closer(t, i + 1, b[i])
                } else {
                    None
                };
                if let Some(close) = close {
                    // Opening emphasis: drop it and its closer.
                    let (t2, l2, m2) = inline(&t[i + 1..close]);
                    let base = out.len();
                    out.push_str(&t2);
                    links.extend(l2);
                    marks.extend(m2.into_iter().map(|(s, e)| (s + base, e + base)));
                    i = close + 1;
                } else if c == '*'
                    && char_before(t, i).is_none_or(char::is_whitespace)
                    && char_at(t, i + 1).is_some_and(char::is_whitespace)
                {
                    i += 1; // a stray `*` between words
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            '`' => i += 1,
            '~' if next == Some(b'~') => i += 2,
            '!' if next == Some(b'[') => {
                if let Some((text, url, end)) = link_at(t, i + 1) {
                    let (t2, _, _) = inline(text);
                    let badge = is_badge(&url);
                    if badge {
                        out.push_str(&t2);
                    } else {
                        push_link_text(&mut out, &t2, &url);
                    }
                    links.push(Link {
                        text: t2.trim().to_owned(),
                        url,
                        image: true,
                        badge,
                    });
                    i = end;
                } else {
                    out.push('!');
                    i += 1;
                }
            }
            '[' => {
                if let Some((text, url, end)) = link_at(t, i) {
                    let (t2, l2, m2) = inline(text);
                    let base = out.len();
                    out.push_str(&t2);
                    marks.extend(m2.into_iter().map(|(s, e)| (s + base, e + base)));
                    push_url_suffix(&mut out, &t2, &url);
                    // A badge inside a link (`[![followers](shields…)](github…)`).
                    let badge = !l2.is_empty() && l2.iter().all(|l| l.badge);
                    links.extend(l2);
                    links.push(Link {
                        text: t2.trim().to_owned(),
                        url,
                        image: false,
                        badge,
                    });
                    i = end;
                } else {
                    out.push('[');
                    i += 1;
                }
            }
            '&' => {
                // An entity is looked for in the next twelve characters.
                let window = t[i..].char_indices().nth(12).map_or(n, |(k, _)| i + k);
                let rest = &t[i..window];
                if let Some(semi) = rest.find(';') {
                    let decoded = decode_entities(&rest[..=semi]);
                    if decoded != rest[..=semi] {
                        out.push_str(&decoded);
                        i += semi + 1;
                        continue;
                    }
                }
                out.push('&');
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    if let Some(s) = strong_start
        && s < out.len()
    {
        marks.push((s, out.len()));
    }
    (Cow::Owned(out), links, marks)
}

/// The bytes [`inline`] acts on; all other text is copied as it is.
fn is_marker(b: u8) -> bool {
    matches!(b, b'*' | b'_' | b'`' | b'~' | b'[' | b'!' | b'&' | b'\\')
}

/// The character that ends right before byte offset `i`.
fn char_before(t: &str, i: usize) -> Option<char> {
    t[..i].chars().next_back()
}

/// The character that starts at byte offset `i`.
fn char_at(t: &str, i: usize) -> Option<char> {
    t.get(i..)?.chars().next()
}

/// Whether an image is a status badge: shields.io, badgen, and the like.
pub(crate) fn is_badge(url: &str) -> bool {
    let u = url.to_ascii_lowercase();
    [
        "shields.io/",
        "badgen.net/",
        "badge.fury.io/",
        "/badge.svg",
        "/badge/",
        "badges.",
    ]
    .iter()
    .any(|b| u.contains(b))
}

/// Writes an image's text: its alt text, and its source when it is not the same.
pub(super) fn push_link_text(out: &mut String, text: &str, url: &str) {
    out.push_str(text);
    if needs_url(text, url) {
        if !text.is_empty() {
            out.push(' ');
        }
        push_url_suffix(out, text, url);
    }
}

/// What a link adds to its text: ` (url)` unless the text already says it (the URL
/// itself, or an e-mail or phone link).
pub(crate) fn url_suffix(text: &str, url: &str) -> String {
    let mut out = String::new();
    push_url_suffix(&mut out, text, url);
    out
}

/// Appends [`url_suffix`] to `out`.
fn push_url_suffix(out: &mut String, text: &str, url: &str) {
    if !needs_url(text, url) {
        return;
    }
    if text.is_empty() {
        out.push_str(url);
    } else {
        out.push_str(" (");
        out.push_str(url);
        out.push(')');
    }
}

/// Whether a link's URL says more than its text: not empty, not an anchor, an e-mail
/// or phone link, and not the text itself (scheme, `www.` and a trailing `/` aside,
/// case aside).
fn needs_url(text: &str, url: &str) -> bool {
    fn bare(u: &str) -> &str {
        let mut u = u.trim();
        for prefix in ["https://", "http://", "mailto:", "tel:", "www."] {
            while let Some(rest) = u.strip_prefix(prefix) {
                u = rest;
            }
        }
        u.trim_end_matches('/')
    }
    !(url.is_empty()
        || url.starts_with('#')
        || url.starts_with("mailto:")
        || url.starts_with("tel:")
        || bare(text).eq_ignore_ascii_case(bare(url)))
}

/// The byte offset of a single `c` (ASCII) that closes emphasis opened before `from`.
pub(super) fn find_closer(t: &str, from: usize, c: u8) -> Option<usize> {
    let b = t.as_bytes();
    let mut j = from;
    while j < b.len() {
        if b[j] == c {
            let double = b.get(j + 1) == Some(&c);
            if double {
                j += 2;
                continue;
            }
            let prev_ok = j > from && !char_before(t, j).is_some_and(char::is_whitespace);
            let next_ok = !char_at(t, j + 1).is_some_and(char::is_alphanumeric);
            if prev_ok && next_ok {
                return Some(j);
            }
        }
        j += 1;
    }
    None
}

/// The longest link text and URL looked for, in characters: the scan for a `]` or `)`
/// stops there, so a line of a hundred thousand unclosed `[` costs a hundred thousand
/// short scans, not that many scans to the end of the line.
const MAX_LINK_PART: usize = 2_000;

/// `[text](url)` at byte offset `i` (which holds `[`): the text, the url and the byte
/// offset after `)`. The `]` is looked for within [`MAX_LINK_PART`] characters of the
/// `[`, the `)` within twice that.
pub(super) fn link_at(t: &str, i: usize) -> Option<(&str, String, usize)> {
    let mut depth = 0;
    let mut close_bracket = None; // (characters from `i`, byte offset)
    for (k, (at, c)) in t[i..].char_indices().enumerate().take(MAX_LINK_PART) {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close_bracket = Some((k, i + at));
                    break;
                }
            }
            _ => {}
        }
    }
    let (k, j) = close_bracket?;
    if t.as_bytes().get(j + 1) != Some(&b'(') {
        return None;
    }
    let close = t[j + 2..]
        .char_indices()
        .take(2 * MAX_LINK_PART - (k + 2))
        .find(|(_, c)| *c == ')')?
        .0
        + j
        + 2;
    let url = t[j + 2..close].split_whitespace().next().unwrap_or("");
    Some((&t[i + 1..j], decode_entities(url), close + 1))
}

/// Decodes the HTML entities CVs contain: named ones for punctuation and accents, and
/// numeric ones.
pub(crate) fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let window = tail.char_indices().nth(12).map_or(tail.len(), |(i, _)| i);
        let semi = tail[..window].find(';');
        let decoded = semi.and_then(|s| entity(&tail[1..s]));
        match (semi, decoded) {
            (Some(s), Some(c)) => {
                out.push(c);
                rest = &tail[s + 1..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

pub(super) fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "rsquo" => '’',
        "lsquo" => '‘',
        "ldquo" => '“',
        "rdquo" => '”',
        "bull" | "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        "eacute" => 'é',
        "egrave" => 'è',
        "agrave" => 'à',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        _ => return None,
    })
}
