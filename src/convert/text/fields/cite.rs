//! Publications written as references: APA, IEEE-style quoted titles, venues.

use super::*;

/// A publication written as a reference: `Doe, J. (2022). Title. Venue, 10, 1–9.` or
/// `J. Doe, "Title," in Proc. Venue, 2020.` or `"Title", Venue, Place, 2023`. The
/// title, the venue (the publisher), and the reference as written in the summary.
/// `false` when the line is no reference.
pub(super) fn cite(k: usize, line: &Line, out: &mut Out) -> bool {
    let text = line.text.trim();
    let Some((title, venue)) = apa(text).or_else(|| quoted(text)) else {
        return false;
    };
    let no = line.no;
    out.set("publications", k, "name", title, no);
    if let Some(v) = venue {
        out.set("publications", k, "publisher", v, no);
    }
    out.set("publications", k, "summary", text, no);
    true
}

/// `Authors (2022). Title. Venue, 10(3), 455–470.`: the title and the venue.
pub(super) fn apa(text: &str) -> Option<(&str, Option<&str>)> {
    // `(2022).`, `(2022, March).`
    let open = text.find(" (")? + 1;
    let close = text[open..].find(')')? + open;
    let inside = &text[open + 1..close];
    if inside.len() > 20 || !inside.chars().take(4).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let after = text[close + 1..].strip_prefix('.')?.trim_start();
    let end = sentence_end(after)?;
    let title = after[..end].trim();
    let rest = after[end + 1..].trim_start();
    let rest = rest.strip_prefix("In ").unwrap_or(rest).trim();
    Some((title, venue_of(rest)))
}

/// `"Title", Venue, Place, 2023` and `A. Doe, "Title," in Proc. X, 2020`.
pub(super) fn quoted(text: &str) -> Option<(&str, Option<&str>)> {
    let (open_q, close_q) = if text.contains('“') {
        ('“', '”')
    } else {
        ('"', '"')
    };
    let open = text.find(open_q)?;
    let close = text[open + open_q.len_utf8()..].find(close_q)? + open + open_q.len_utf8();
    let title = text[open + open_q.len_utf8()..close]
        .trim()
        .trim_end_matches([',', '.']);
    if title.split_whitespace().count() < 2 {
        return None;
    }
    let rest = text[close + close_q.len_utf8()..]
        .trim_start_matches([',', '.', ' '])
        .trim();
    let rest = rest
        .strip_prefix("in ")
        .or_else(|| rest.strip_prefix("In "))
        .unwrap_or(rest);
    Some((title, venue_of(rest)))
}

/// The venue at the start of what follows a title: up to the first comma (before the
/// volume, the pages, a place or a year) or the end.
pub(super) fn venue_of(rest: &str) -> Option<&str> {
    let end = rest.find(", ").unwrap_or(rest.len());
    let v = rest[..end].trim().trim_end_matches('.').trim();
    (!v.is_empty() && v.chars().any(char::is_alphabetic)).then_some(v)
}

/// The byte offset of the full stop (or `?`, `!`) that ends the first sentence.
pub(super) fn sentence_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    (0..bytes.len()).find(|&i| {
        matches!(bytes[i], b'.' | b'?' | b'!')
            && (i + 1 == bytes.len() || bytes[i + 1] == b' ')
            // not an initial or an abbreviation: `J.`, `e.g.`, `Vol.`
            && i >= 3
            && bytes[i - 1].is_ascii_alphanumeric()
            && bytes[i - 2].is_ascii_alphanumeric()
    })
}
