//! Inline Markdown: emphasis, code, links and images, escapes, entities.

use std::borrow::Cow;

use super::*;

/// Inline Markdown: emphasis, code, links and images, escapes, entities.
/// Returns the text, its links, and the byte ranges that were strong (`**…**`).
/// A line without markup comes back as it is, borrowed.
pub(super) fn inline(t: &str) -> (Cow<'_, str>, Vec<Link>, Vec<(usize, usize)>) {
    // Every marker is ASCII: a byte scan finds them without decoding characters.
    if !t
        .bytes()
        .any(|b| matches!(b, b'*' | b'_' | b'`' | b'~' | b'[' | b'!' | b'&' | b'\\'))
    {
        return (Cow::Borrowed(t), Vec::new(), Vec::new());
    }
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    let mut links = Vec::new();
    let mut marks = Vec::new();
    let mut strong_start: Option<usize> = None;
    let mut i = 0;
    let n = chars.len();
    while i < n {
        let c = chars[i];
        match c {
            '\\' if i + 1 < n && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '*' | '_' if i + 1 < n && chars[i + 1] == c => {
                // `**` / `__`: strong, unless inside a word for `__`.
                let inside_word = c == '_'
                    && i > 0
                    && chars[i - 1].is_alphanumeric()
                    && i + 2 < n
                    && chars[i + 2].is_alphanumeric();
                if inside_word {
                    out.push_str("__");
                } else if let Some(s) = strong_start.take() {
                    marks.push((s, out.len()));
                } else if has_closer(&chars, i + 2, c, true) {
                    strong_start = Some(out.len());
                }
                i += 2;
            }
            '*' | '_' => {
                let prev_ok = i == 0 || !chars[i - 1].is_alphanumeric();
                let next_ok = i + 1 < n && !chars[i + 1].is_whitespace();
                if prev_ok && next_ok && has_closer(&chars, i + 1, c, false) {
                    // Opening emphasis: drop it and its closer.
                    let close = find_closer(&chars, i + 1, c).unwrap_or(n);
                    let inner: String = chars[i + 1..close].iter().collect();
                    let (t2, l2, m2) = inline(&inner);
                    let base = out.len();
                    out.push_str(&t2);
                    links.extend(l2);
                    marks.extend(m2.into_iter().map(|(s, e)| (s + base, e + base)));
                    i = close + 1;
                } else if c == '*'
                    && (i == 0 || chars[i - 1].is_whitespace())
                    && i + 1 < n
                    && chars[i + 1].is_whitespace()
                {
                    i += 1; // a stray `*` between words
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            '`' => i += 1,
            '~' if i + 1 < n && chars[i + 1] == '~' => i += 2,
            '!' if i + 1 < n && chars[i + 1] == '[' => {
                if let Some((text, url, next)) = link_at(&chars, i + 1) {
                    let (t2, _, _) = inline(&text);
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
                    i = next;
                } else {
                    out.push('!');
                    i += 1;
                }
            }
            '[' => {
                if let Some((text, url, next)) = link_at(&chars, i) {
                    let (t2, l2, m2) = inline(&text);
                    let base = out.len();
                    out.push_str(&t2);
                    marks.extend(m2.into_iter().map(|(s, e)| (s + base, e + base)));
                    out.push_str(&url_suffix(&t2, &url));
                    // A badge inside a link (`[![followers](shields…)](github…)`).
                    let badge = !l2.is_empty() && l2.iter().all(|l| l.badge);
                    links.extend(l2);
                    links.push(Link {
                        text: t2.trim().to_owned(),
                        url,
                        image: false,
                        badge,
                    });
                    i = next;
                } else {
                    out.push('[');
                    i += 1;
                }
            }
            '&' => {
                let rest: String = chars[i..n.min(i + 12)].iter().collect();
                if let Some(semi) = rest.find(';') {
                    let decoded = decode_entities(&rest[..=semi]);
                    if decoded != rest[..=semi] {
                        out.push_str(&decoded);
                        i += rest[..=semi].chars().count();
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
    let suffix = url_suffix(text, url);
    if !suffix.is_empty() {
        if !text.is_empty() {
            out.push(' ');
        }
        out.push_str(&suffix);
    }
}

/// What a link adds to its text: ` (url)` unless the text already says it (the URL
/// itself, or an e-mail or phone link).
pub(crate) fn url_suffix(text: &str, url: &str) -> String {
    let bare = |u: &str| {
        u.trim()
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_start_matches("mailto:")
            .trim_start_matches("tel:")
            .trim_start_matches("www.")
            .trim_end_matches('/')
            .to_ascii_lowercase()
    };
    if url.is_empty()
        || url.starts_with('#')
        || url.starts_with("mailto:")
        || url.starts_with("tel:")
        || bare(text) == bare(url)
    {
        return String::new();
    }
    if text.is_empty() {
        url.to_owned()
    } else {
        format!(" ({url})")
    }
}

pub(super) fn has_closer(chars: &[char], from: usize, c: char, double: bool) -> bool {
    if double {
        chars[from.min(chars.len())..]
            .windows(2)
            .any(|w| w[0] == c && w[1] == c)
    } else {
        find_closer(chars, from, c).is_some()
    }
}

/// The index of a single `c` that closes emphasis opened before `from`.
pub(super) fn find_closer(chars: &[char], from: usize, c: char) -> Option<usize> {
    let mut j = from;
    while j < chars.len() {
        if chars[j] == c {
            let double = j + 1 < chars.len() && chars[j + 1] == c;
            if double {
                j += 2;
                continue;
            }
            let prev_ok = j > from && !chars[j - 1].is_whitespace();
            let next_ok = j + 1 >= chars.len() || !chars[j + 1].is_alphanumeric();
            if prev_ok && next_ok {
                return Some(j);
            }
        }
        j += 1;
    }
    None
}

/// The longest link text and URL looked for: the scan for a `]` or `)` stops there, so
/// a line of a hundred thousand unclosed `[` costs a hundred thousand short scans, not
/// that many scans to the end of the line.
const MAX_LINK_PART: usize = 2_000;

/// `[text](url)` at `i` (which holds `[`): the text, the url and the index after `)`.
pub(super) fn link_at(chars: &[char], i: usize) -> Option<(String, String, usize)> {
    let mut depth = 0;
    let mut j = i;
    let chars = &chars[..chars.len().min(i + 2 * MAX_LINK_PART)];
    while j < chars.len() && j - i < MAX_LINK_PART {
        match chars[j] {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            _ => {}
        }
        j += 1;
    }
    if j >= chars.len() || depth != 0 || chars.get(j + 1) != Some(&'(') {
        return None;
    }
    let close = chars[j + 2..].iter().position(|c| *c == ')')? + j + 2;
    let text: String = chars[i + 1..j].iter().collect();
    let url: String = chars[j + 2..close].iter().collect();
    let url = url.split_whitespace().next().unwrap_or("").to_owned();
    Some((text, decode_entities(&url), close + 1))
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
