//! Cutting an entry's header into parts: separators, brackets, places, connectors.

use std::borrow::Cow;

use super::*;

/// `Indeed, Austin, TX`, `SAP SE, Walldorf (Germany)`: an organisation before a place
/// that the words say is one. `None` when the first part is a place too.
pub(super) fn org_and_place(text: &str) -> Option<(&str, &str)> {
    let (org, place) = text.split_once(", ")?;
    let place = place.trim();
    let org = org.trim();
    let known_place = vocab::looks_like_location(place)
        || place.split_once(" (").is_some_and(|(p, rest)| {
            vocab::looks_like_location(&format!("{p}, {}", rest.trim_end_matches(')')))
        });
    (known_place
        && !vocab::looks_like_location(org)
        && !org.is_empty()
        && vocab::title_score(org) == 0
        && strongest_separator(org, false).is_none()
        && org.split_whitespace().count() <= 6)
        .then_some((org, place))
}

/// Whether the part after a certificate's name names who issued it: an organisation
/// (`Human Factors International`, `AXELOS`, `Scrum.org`), not more of the name
/// (`Associate`, `Advanced Level Test Manager`, `SAP S/4HANA for Financial Accounting`).
/// After a comma a single brand (`Microsoft`) is an issuer too.
pub(super) fn names_issuer(text: &str, after_comma: bool) -> bool {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    let acronym = words.len() == 1
        && t.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && t.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-');
    let name_like = !words.is_empty()
        && words.len() <= if after_comma { 4 } else { 3 }
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "of" | "the" | "and" | "&"))
        && !t
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '/' | '+' | '#'))
        && (after_comma || words.len() >= 2);
    // The forms first: they cost nothing next to the word lists.
    acronym || name_like || vocab::org_score(t) > 0 || vocab::institution_score(t) > 0
}

/// A place and nothing else: `Helsinki, Finland`, `Remote`.
pub(super) fn is_pure_location(text: &str) -> bool {
    let t = text.trim();
    t.split(',').all(|p| {
        let p = p.trim();
        vocab::country_code(p).is_some() || vocab::is_region_code(p)
    }) && !t.is_empty()
}

/// Words that are left dangling when a date is cut out: `from`, `since`, `seit`, `von`.
pub(super) fn strip_connectors(text: &str) -> String {
    let dangling = |w: &str| {
        // `IN` is India, not a dangling `in`.
        !w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            && vocab::with_folded(w.trim_matches(|c: char| !c.is_alphanumeric()), |f| {
                matches!(
                    f,
                    "from"
                        | "since"
                        | "seit"
                        | "von"
                        | "vanaf"
                        | "sinds"
                        | "depuis"
                        | "desde"
                        | "de"
                        | "ab"
                        | "du"
                        | "in"
                        | "am"
                )
            })
            || w.chars().all(|c| !c.is_alphanumeric())
    };
    // Words leave from the end, then from the start; the rest is joined by single
    // spaces, without collecting the words.
    let mut t = text.trim();
    while !t.is_empty() {
        let (rest, last) = t
            .rsplit_once(char::is_whitespace)
            .map_or(("", t), |(r, l)| (r.trim_end(), l));
        if !dangling(last) {
            break;
        }
        t = rest;
    }
    while !t.is_empty() {
        let (first, rest) = t
            .split_once(char::is_whitespace)
            .map_or((t, ""), |(f, r)| (f, r.trim_start()));
        if !first.chars().all(|c| !c.is_alphanumeric()) {
            break;
        }
        t = rest;
    }
    squash(t)
}

/// Separators by strength. Group 3 is the comma.
pub(super) const SEPARATORS: &[&[&str]] = &[
    &["|", " · ", " • "],
    &[" — ", " – ", " -- ", " - ", " —", "— ", " –", "– "],
    &[" at ", " @ ", " bei ", " chez ", " bij ", " en la ", " na "],
    &[", "],
];

/// The strongest separator group present outside brackets.
pub(super) fn strongest_separator(text: &str, allow_comma: bool) -> Option<usize> {
    // Cheap test first: most parts have no separator at all (every separator holds one
    // of these bytes; `—` and `–` start with 0xE2).
    if !text
        .bytes()
        .any(|b| matches!(b, b'|' | b'-' | b',' | b'@' | b' ' | 0xE2))
    {
        return None;
    }
    // One pass over the text: at each byte where a separator may start, the groups
    // stronger than the strongest found so far.
    let outside = outside_brackets(text);
    let h = outside.as_bytes();
    let groups = if allow_comma { 4 } else { 3 };
    let mut best: Option<usize> = None;
    for (i, &b) in h.iter().enumerate() {
        let bit = 1u128 << (b & 127);
        if SEPARATOR_STARTS.iter().all(|&starts| starts & bit == 0) {
            continue;
        }
        if let Some(g) = (0..best.unwrap_or(groups)).find(|&g| {
            SEPARATOR_STARTS[g] & bit != 0
                && SEPARATORS[g]
                    .iter()
                    .any(|s| crate::scan::starts_at(h, i, s.as_bytes()))
        }) {
            best = Some(g);
            if g == 0 {
                break;
            }
        }
    }
    best
}

/// The first bytes of each group of [`SEPARATORS`], for the scan in
/// [`strongest_separator`].
const SEPARATOR_STARTS: [u128; 4] = [
    vocab::first_bytes(SEPARATORS[0]),
    vocab::first_bytes(SEPARATORS[1]),
    vocab::first_bytes(SEPARATORS[2]),
    vocab::first_bytes(SEPARATORS[3]),
];

/// The text with bracketed parts blanked out (same byte length); borrowed when it has
/// no brackets, as most parts have none.
pub(super) fn outside_brackets(text: &str) -> Cow<'_, str> {
    if !text.bytes().any(|b| matches!(b, b'(' | b'[' | b')' | b']')) {
        return Cow::Borrowed(text);
    }
    let mut depth = 0i32;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        if depth > 0 || c == ')' || c == ']' {
            for _ in 0..c.len_utf8() {
                out.push('\u{0}');
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Splits at the strongest separator; `true` when that was ` at ` / `@`.
pub(super) fn split_parts(text: &str, allow_comma: bool) -> (Vec<String>, bool) {
    split_parts_at(text, strongest_separator(text, allow_comma))
}

/// [`split_parts`] with the strongest separator group already known.
pub(super) fn split_parts_at(text: &str, strongest: Option<usize>) -> (Vec<String>, bool) {
    let Some(g) = strongest else {
        return (vec![text.trim().to_owned()], false);
    };
    let outside = outside_brackets(text);
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for sep in SEPARATORS[g] {
        let mut from = 0;
        while let Some(p) = crate::scan::find(&outside[from..], sep).map(|p| p + from) {
            cuts.push((p, p + sep.len()));
            from = p + sep.len();
        }
    }
    cuts.sort_unstable();
    let mut parts = Vec::new();
    let mut pos = 0;
    for (s, e) in cuts {
        if s < pos {
            continue;
        }
        parts.push(text[pos..s].trim().to_owned());
        pos = e;
    }
    parts.push(text[pos..].trim().to_owned());
    // `Roundhuit Co., Ltd`: a company suffix belongs to the part before.
    let mut merged: Vec<String> = Vec::new();
    for p in parts {
        let suffix = g == 3
            && vocab::with_folded(p.trim_end_matches('.'), |f| {
                matches!(
                    f,
                    "ltd"
                        | "inc"
                        | "llc"
                        | "gmbh"
                        | "ag"
                        | "bv"
                        | "b.v"
                        | "sa"
                        | "sarl"
                        | "sas"
                        | "plc"
                        | "llp"
                        | "co"
                        | "corp"
                        | "nv"
                )
            });
        match merged.last_mut() {
            Some(last) if suffix => {
                last.push_str(", ");
                last.push_str(&p);
            }
            _ if p.is_empty() => {}
            _ => merged.push(p),
        }
    }
    (merged, g == 2)
}

/// The words of a text joined by single spaces.
pub(super) fn squash(text: &str) -> String {
    // Most parts are spaced that way already: copy them whole.
    let b = text.as_bytes();
    if text.is_ascii()
        && b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && !b.iter().any(|c| (9..=13).contains(c))
        && !b.windows(2).any(|w| w == b"  ")
    {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The text without its bracketed remarks, and the remarks.
pub(super) fn brackets(text: &str) -> (String, Vec<String>) {
    // Most header parts have no brackets: only the spaces change.
    if !text.contains('(') {
        return (squash(text), Vec::new());
    }
    let mut core = String::new();
    let mut remarks = Vec::new();
    let mut depth = 0;
    let mut cur = String::new();
    for c in text.chars() {
        match c {
            '(' => {
                if depth > 0 {
                    cur.push(c);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    remarks.push(std::mem::take(&mut cur));
                } else {
                    cur.push(c);
                }
            }
            _ if depth > 0 => cur.push(c),
            _ => core.push(c),
        }
    }
    if depth > 0 {
        core.push('(');
        core.push_str(&cur);
    }
    // Keep remarks that are part of a name: `Kinesis(Kafka)`, `(Nvidia-) Docker`.
    let glued = text.contains("(") && !text.contains(" (") && !text.starts_with('(');
    if glued {
        return (text.to_owned(), Vec::new());
    }
    // Remarks that hold a link or a place leave the text; others are part of it:
    // `Professor (adjunct professor)`, `WITTDTJR (What It Takes To Do The Job Right)`.
    // `OutSystems (Linda-a-Velha)`: a name in brackets after an organisation is its place.
    let ends_with_remark = text.trim_end().ends_with(')');
    // Only asked about when there are remarks to sort.
    let core_is_title = !remarks.is_empty() && vocab::title_score(&core) > 0;
    let (out, keep): (Vec<String>, Vec<String>) = remarks.into_iter().partition(|r| {
        lists::split_items(r)
            .iter()
            .any(|i| header::looks_like_url(i) || vocab::looks_like_location(i))
            || ends_with_remark && !core_is_title && place_name(r)
    });
    if !keep.is_empty() {
        return (strip_remarks(text, &out), out);
    }
    (squash(&core), out)
}

/// Whether a bracketed remark reads like the name of a place: one to three capitalised
/// words (`Lisbon`, `Linda-a-Velha`, `Frankfurt am Main`), not an organisation, a title,
/// an acronym or a kind of contract.
pub(super) fn place_name(text: &str) -> bool {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && t.starts_with(char::is_uppercase)
        && !t
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '&' | '/' | ':' | '.'))
        && !(t
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase))
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(
                    *w,
                    "am" | "an" | "der" | "de" | "la" | "le" | "upon" | "on" | "sur"
                )
        })
        && vocab::org_score(t) == 0
        && vocab::institution_score(t) == 0
        && vocab::title_score(t) == 0
        && !matches!(
            fold(t).as_str(),
            "part-time"
                | "full-time"
                | "contract"
                | "freelance"
                | "temporary"
                | "teilzeit"
                | "vollzeit"
                | "minijob"
                | "internship"
                | "praktikum"
                | "hybrid"
                | "remote"
        )
}

/// The text with the given bracketed remarks removed.
pub(super) fn strip_remarks(text: &str, remarks: &[String]) -> String {
    let mut t = text.to_owned();
    for r in remarks {
        t = t.replacen(&format!("({r})"), "", 1);
    }
    squash(&t)
}
