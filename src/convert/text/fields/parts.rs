//! Cutting an entry's header into parts: separators, brackets, places, connectors.

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
    // One pass over the text, counting brackets as it goes: at each byte outside them
    // where a separator may start (most bytes are not), the groups stronger than the
    // strongest found so far.
    let h = text.as_bytes();
    let groups = if allow_comma { 4 } else { 3 };
    let mut best: Option<usize> = None;
    let mut depth = 0i32;
    for (i, &b) in h.iter().enumerate() {
        let Some(candidates) = candidates_at(h, i, b, &mut depth) else {
            continue;
        };
        let stronger = candidates & ((1u8 << best.unwrap_or(groups)) - 1);
        if stronger == 0 {
            continue;
        }
        if let Some(g) = (0..best.unwrap_or(groups)).find(|&g| {
            stronger & (1 << g) != 0
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

/// The separator groups (as bits) that may start at byte `i` of `h` (its byte `b`),
/// outside brackets; `depth` counts the brackets open before `i` and is kept up to
/// date. `None` for most bytes.
///
/// A separator holds no bracket, so it lies outside brackets when its first byte does:
/// this finds what a search of the text with its bracketed parts blanked out would.
#[inline]
fn candidates_at(h: &[u8], i: usize, b: u8, depth: &mut i32) -> Option<u8> {
    match b {
        b'(' | b'[' => *depth += 1,
        b')' | b']' => *depth -= 1,
        _ => {}
    }
    let long = LONG_STARTS[usize::from(b)];
    let short = SHORT_STARTS[usize::from(b)];
    if long | short == 0 || *depth > 0 {
        return None;
    }
    let second = h.get(i + 1).map_or(0, |&n| SECONDS[usize::from(n)]);
    let candidates = (long & second) | short;
    (candidates != 0).then_some(candidates)
}

/// The most separators a group of [`SEPARATORS`] holds.
const MOST_IN_GROUP: usize = 8;

/// For each byte, the groups of [`SEPARATORS`] (as bits) with a separator of two bytes
/// or more that starts with it.
const LONG_STARTS: [u8; 256] = separator_bytes(0, 2);

/// For each byte, the groups with a one-byte separator that is it (`|`).
const SHORT_STARTS: [u8; 256] = separator_bytes(0, 1);

/// For each byte, the groups with a separator of two bytes or more whose second byte it
/// is: with [`LONG_STARTS`], a filter on two bytes before the separators are compared.
const SECONDS: [u8; 256] = separator_bytes(1, 2);

/// For each byte, the groups of [`SEPARATORS`] (as bits) that hold a separator with
/// that byte at `at`, among the separators of `len` bytes (1) or more (2).
const fn separator_bytes(at: usize, len: usize) -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut g = 0;
    while g < SEPARATORS.len() {
        assert!(SEPARATORS[g].len() <= MOST_IN_GROUP);
        let mut j = 0;
        while j < SEPARATORS[g].len() {
            let s = SEPARATORS[g][j].as_bytes();
            if (len == 1 && s.len() == 1) || (len == 2 && s.len() >= 2) {
                table[s[at] as usize] |= 1 << g;
            }
            j += 1;
        }
        g += 1;
    }
    table
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
    let cuts = cuts(text, g);
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

/// Where the separators of group `g` occur outside brackets, as byte ranges in order:
/// for each separator the matches [`str::find`] would give one after the other (they
/// do not overlap each other, but may overlap another separator's).
fn cuts(text: &str, g: usize) -> Vec<(usize, usize)> {
    let h = text.as_bytes();
    let seps = SEPARATORS[g];
    // Where each separator's next match may start.
    let mut next = [0usize; MOST_IN_GROUP];
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0i32;
    for (i, &b) in h.iter().enumerate() {
        let Some(candidates) = candidates_at(h, i, b, &mut depth) else {
            continue;
        };
        if candidates & (1 << g) == 0 {
            continue;
        }
        for (j, sep) in seps.iter().enumerate() {
            if i >= next[j] && crate::scan::starts_at(h, i, sep.as_bytes()) {
                cuts.push((i, i + sep.len()));
                next[j] = i + sep.len();
            }
        }
    }
    cuts.sort_unstable();
    cuts
}

/// The words of a text joined by single spaces.
pub(super) fn squash(text: &str) -> String {
    // Most parts are spaced that way already: copy them whole.
    if is_squashed(text) {
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

/// Whether [`squash`] would leave `text` as it is: ASCII, no space at either end, no
/// two spaces in a row, no other whitespace.
fn is_squashed(text: &str) -> bool {
    let b = text.as_bytes();
    if !text.is_ascii() || b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    // Passes without an early exit, which the compiler makes many bytes at a time.
    let controls = b.iter().fold(false, |acc, &c| acc | (9..=13).contains(&c));
    let doubled = b
        .iter()
        .zip(b.get(1..).unwrap_or_default())
        .fold(false, |acc, (&x, &y)| acc | (x == b' ') & (y == b' '));
    !controls && !doubled
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with bracketed parts blanked out (same byte length): what the scans
    /// above skip, done the plain way.
    fn outside_brackets(text: &str) -> String {
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
        out
    }

    /// [`strongest_separator`], the plain way: a search per separator.
    fn strongest_plain(text: &str, allow_comma: bool) -> Option<usize> {
        let outside = outside_brackets(text);
        let groups = if allow_comma { 4 } else { 3 };
        (0..groups).find(|&g| SEPARATORS[g].iter().any(|s| outside.contains(s)))
    }

    /// [`cuts`], the plain way: the matches of each separator, then sorted.
    fn cuts_plain(text: &str, g: usize) -> Vec<(usize, usize)> {
        let outside = outside_brackets(text);
        let mut cuts = Vec::new();
        for sep in SEPARATORS[g] {
            let mut from = 0;
            while let Some(p) = outside[from..].find(sep).map(|p| p + from) {
                cuts.push((p, p + sep.len()));
                from = p + sep.len();
            }
        }
        cuts.sort_unstable();
        cuts
    }

    /// [`squash`], the plain way.
    fn squash_plain(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    const TRICKY: &[&str] = &[
        "",
        " ",
        "|",
        "a|b",
        "Engineer at ACME",
        "Engineer (at home) - ACME",
        "Engineer (a - b) | c",
        "a) - b (c | d",
        "a] at b [c, d], e",
        "x — y – z -- w - v —u —",
        "— a –",
        "Ärztin bei Charité, Berlin",
        "İstanbul · Türkiye • ß",
        "東京大学 — 研究員",
        "e\u{301} at n\u{303}a",
        "a  b\tc",
        "Chez  chez chez Org",
        "a , b ,, c, , d",
        "(((a - b",
        "a at at b",
        "a en la en la b",
        " - - - ",
        "\u{a0}a\u{a0}- b",
    ];

    #[test]
    fn scans_match_the_plain_searches() {
        for text in TRICKY {
            for allow_comma in [false, true] {
                assert_eq!(
                    strongest_separator(text, allow_comma),
                    strongest_plain(text, allow_comma),
                    "{text:?}"
                );
            }
            for g in 0..SEPARATORS.len() {
                assert_eq!(cuts(text, g), cuts_plain(text, g), "{text:?} {g}");
            }
            assert_eq!(squash(text), squash_plain(text), "{text:?}");
        }
    }
}
