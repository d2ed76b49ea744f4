//! Finding date ranges inside longer lines: `Data Engineer | October | 11/2021 - 12/2023`,
//! `Software developer, IBM (2014-06 — Present)`, `2 years at Synthesio from 2014 to today`.
//!
//! The dates themselves are read by [`crate::model::parse_range`]; this module only
//! chooses which words to hand it. It looks around each plausible year (1950-2099) at a
//! few words either side and keeps the longest stretch `parse_range` accepts, so its cost
//! grows with the number of years in a line, not with the line's length.

use crate::locale;
use crate::model::{LooseDate, PartialDate, parse_range};

/// A date range found in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateSpan {
    /// Byte offset of the first character of the range in the line.
    pub start: usize,
    /// Byte offset just past the range.
    pub end: usize,
    /// Start date (the only date of a single date).
    pub from: PartialDate,
    /// End: a date, `Ongoing`, or `None` for a single date.
    pub to: Option<LooseDate>,
    /// A single date that ends a range whose start is unknown: `(??? — 2010-08)`,
    /// `– 2010`, `until 2010`.
    pub end_only: bool,
}

/// How far around a year the finder looks, in words.
const BEFORE: usize = 4;
const AFTER: usize = 5;

#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    /// The raw word ended with a dash: `2018-` (an open range).
    dash_after: bool,
}

/// Every date range in `text`, left to right, without overlaps.
pub(crate) fn find_all(text: &str) -> Vec<DateSpan> {
    // Where the years are, read once for the whole text: a year's digits never stand in
    // two words.
    let years = years(text);
    if years.is_empty() {
        return Vec::new();
    }
    let tokens = tokenize(text);
    // What each word can be in a date, worked out once and only for words near a year.
    let mut words = Words {
        text,
        tokens: &tokens,
        facts: vec![Facts::default(); tokens.len()],
    };
    let mut found = Vec::new();
    let mut next_free = 0; // first token index not inside a found range
    let mut i = 0;
    let mut next_year = 0; // index in `years` of the first year not before token `i`
    while i < tokens.len() {
        while years.get(next_year).is_some_and(|&y| y < tokens[i].start) {
            next_year += 1;
        }
        if years.get(next_year).is_none_or(|&y| y >= tokens[i].end) {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, usize, DateSpan)> = None;
        // Only stretches made of date words can be dates: skip the others unread.
        let lo = (i.saturating_sub(BEFORE).max(next_free)..=i)
            .rev()
            .take_while(|&s| s == i || words.kind(s) != Kind::Other)
            .last()
            .unwrap_or(i);
        let hi = (i..=(i + AFTER).min(tokens.len() - 1))
            .take_while(|&e| e == i || words.kind(e) != Kind::Other)
            .last()
            .unwrap_or(i);
        for s in lo..=i {
            if !words.can_start(s) {
                continue;
            }
            for e in (i..=hi).rev() {
                if !words.can_end(e) {
                    continue;
                }
                if best.as_ref().is_some_and(|(bs, be, _)| be - bs >= e - s) {
                    break;
                }
                let candidate = &text[tokens[s].start..tokens[e].end];
                if let Some((from, to)) = parse_range(&day_first(candidate))
                    && plausible(from)
                {
                    let to = match to {
                        None if tokens[e].dash_after => Some(LooseDate::Ongoing),
                        other => other,
                    };
                    let end_only = to.is_none() && ends_open_range(text, &tokens, s);
                    let span = DateSpan {
                        start: tokens[s].start,
                        end: tokens[e].end,
                        from,
                        to,
                        end_only,
                    };
                    best = Some((s, e, span));
                    break;
                }
            }
        }
        match best {
            Some((_, e, span)) => {
                found.push(span);
                next_free = e + 1;
                i = e + 1;
            }
            None => i += 1,
        }
    }
    found
}

/// What a word can be in a date range, each worked out at most once: `find_all` asks
/// again for the same words while it tries the stretches around a year.
#[derive(Debug, Clone, Copy, Default)]
struct Facts {
    kind: Option<Kind>,
    can_start: Option<bool>,
    can_end: Option<bool>,
}

struct Words<'a> {
    text: &'a str,
    tokens: &'a [Token],
    facts: Vec<Facts>,
}

impl Words<'_> {
    fn word(&self, k: usize) -> &str {
        &self.text[self.tokens[k].start..self.tokens[k].end]
    }

    fn kind(&mut self, k: usize) -> Kind {
        match self.facts[k].kind {
            Some(kind) => kind,
            None => {
                let value = kind_of(self.word(k));
                *self.facts[k].kind.insert(value)
            }
        }
    }

    fn can_start(&mut self, k: usize) -> bool {
        match self.facts[k].can_start {
            Some(can) => can,
            None => {
                let value = can_start(self.word(k));
                *self.facts[k].can_start.insert(value)
            }
        }
    }

    fn can_end(&mut self, k: usize) -> bool {
        match self.facts[k].can_end {
            Some(can) => can,
            None => {
                let value = can_end(self.word(k));
                *self.facts[k].can_end.insert(value)
            }
        }
    }
}

/// Whether the single date at token `s` ends a range without a start: after a dash
/// with nothing or a placeholder before it (`(??? — 2010-08)`, `– 2010`), or after
/// `until` / `bis`.
fn ends_open_range(text: &str, tokens: &[Token], s: usize) -> bool {
    let word = |k: usize| &text[tokens[k].start..tokens[k].end];
    // The text right before the date, without the brackets it may stand in.
    let before = text[..tokens[s].start].trim_end();
    if let Some(prev) = before.split_whitespace().last() {
        let f = locale::fold(prev.trim_start_matches('('));
        if matches!(
            f.as_str(),
            "until" | "till" | "bis" | "tot" | "jusqu'en" | "hasta"
        ) {
            return true;
        }
    }
    let Some(dash_at) = before.strip_suffix(['–', '—', '-']).map(str::trim_end) else {
        return false;
    };
    // Before the dash: nothing, an opening bracket, or a placeholder such as `???`.
    let prev = dash_at.split_whitespace().last().unwrap_or("");
    let placeholder = prev.is_empty()
        || prev
            .trim_start_matches(['(', '['])
            .chars()
            .all(|c| matches!(c, '?' | '.' | '…' | 'x' | 'X' | '_' | '*'));
    placeholder && (s == 0 || !word(s - 1).chars().any(|c| c.is_ascii_digit()))
}

/// The most telling date range of a line: the one with an end, else the first.
pub(crate) fn find(text: &str) -> Option<DateSpan> {
    let all = find_all(text);
    all.iter()
        .find(|d| d.to.is_some())
        .or_else(|| all.first())
        .copied()
}

/// Full dates written with slashes (`01/09/2018`) are ambiguous alone. Europass and
/// most CVs outside the US write the day first: `01/09/2018–Present` is read so,
/// unless a date of the same range can only be month first (`06/01/2019 – 08/15/2019`).
/// The dates are handed on with dots (day first) or as ISO dates (month first).
fn day_first(candidate: &str) -> std::borrow::Cow<'_, str> {
    if !candidate.contains('/') {
        return std::borrow::Cow::Borrowed(candidate);
    }
    // (start, end, first number, second number, year) of each `NN/NN/NNNN`.
    let bytes = candidate.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let run = |from: usize| {
            bytes[from..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count()
        };
        let a = run(i);
        if (1..=2).contains(&a) && (i == 0 || !bytes[i - 1].is_ascii_digit()) {
            let j = i + a;
            if bytes.get(j) == Some(&b'/') {
                let b = run(j + 1);
                let k = j + 1 + b;
                if (1..=2).contains(&b) && bytes.get(k) == Some(&b'/') && run(k + 1) == 4 {
                    let end = k + 5;
                    if end == bytes.len() || !bytes[end].is_ascii_digit() {
                        let num = |s: usize, e: usize| candidate[s..e].parse::<u32>().unwrap_or(0);
                        found.push((i, end, num(i, j), num(j + 1, k), &candidate[k + 1..end]));
                        i = end;
                        continue;
                    }
                }
            }
        }
        i += 1.max(a);
    }
    if found.is_empty() {
        return std::borrow::Cow::Borrowed(candidate);
    }
    let month_first = found.iter().any(|&(_, _, a, b, _)| b > 12 && a <= 12);
    let mut out = String::with_capacity(candidate.len() + 4);
    let mut pos = 0;
    for &(s, e, a, b, year) in &found {
        out.push_str(&candidate[pos..s]);
        if month_first {
            out.push_str(&format!("{year}-{a:02}-{b:02}"));
        } else {
            out.push_str(&format!("{a:02}.{b:02}.{year}"));
        }
        pos = e;
    }
    out.push_str(&candidate[pos..]);
    std::borrow::Cow::Owned(out)
}

fn plausible(d: PartialDate) -> bool {
    (1950..=2099).contains(&d.year())
}

/// Where the years 1950-2099 written as a run of exactly four digits start.
fn years(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // Most of a line has no digit: skip it 16 bytes at a time, each block tested whole
    // (the compiler reads it at once). A run of digits starts at or after `i`.
    let (blocks, _) = bytes.as_chunks::<16>();
    let mut i = 16
        * blocks
            .iter()
            .take_while(|block| !block.iter().fold(false, |any, b| any | b.is_ascii_digit()))
            .count();
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4 {
                let y: u32 = text[start..i].parse().unwrap_or(0);
                if (1950..=2099).contains(&y) {
                    found.push(start);
                }
            }
        } else {
            i += 1;
        }
    }
    found
}

/// Words separated by white space, with surrounding brackets and punctuation trimmed.
fn tokenize(text: &str) -> Vec<Token> {
    // ASCII text (most lines) is read byte by byte, without decoding chars; these are
    // the ASCII chars `char::is_whitespace` accepts.
    if text.is_ascii() {
        let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
        split_words(text, text.bytes().map(space).enumerate())
    } else {
        split_words(
            text,
            text.char_indices().map(|(i, c)| (i, c.is_whitespace())),
        )
    }
}

/// The tokens of `text` given, for the start of each char, whether it is white space.
fn split_words(text: &str, spaces: impl Iterator<Item = (usize, bool)>) -> Vec<Token> {
    // About one word in six bytes: one allocation for most lines.
    let mut tokens = Vec::with_capacity(text.len() / 6 + 2);
    let mut start = None;
    for (i, space) in spaces.chain(std::iter::once((text.len(), true))) {
        if space {
            if let Some(s) = start.take() {
                push_token(text, s, i, &mut tokens);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    tokens
}

fn push_token(text: &str, s: usize, e: usize, tokens: &mut Vec<Token>) {
    let raw = &text[s..e];
    let is_trim = |c: char| {
        matches!(
            c,
            '(' | ')'
                | '['
                | ']'
                | ','
                | ';'
                | ':'
                | '*'
                | '_'
                | '|'
                | '"'
                | '\''
                | '.'
                | '!'
                | '`'
        )
    };
    let lead = raw.len() - raw.trim_start_matches(is_trim).len();
    let trimmed = raw.trim_start_matches(is_trim);
    let trimmed = trimmed.trim_end_matches(is_trim);
    if trimmed.is_empty() {
        return;
    }
    // Keep a dot that ends a date or an abbreviation inside the word (`03.2009`, `Jan.`).
    let start = s + lead;
    let end = start + trimmed.len();
    let dash_after = trimmed.ends_with(['-', '–', '—'])
        && (trimmed.chars().any(|c| c.is_ascii_digit()) || trimmed.chars().count() <= 2);
    tokens.push(Token {
        start,
        end,
        dash_after,
    });
}

/// The chars of `chars` lower-cased into `buf`, when they are all ASCII and fit: the
/// fast reading of the short words around a year, equal to [`locale::fold`] for them.
/// `None` otherwise: the caller then takes the general way.
fn ascii_folded(chars: impl Iterator<Item = char>, buf: &mut [u8; 16]) -> Option<&str> {
    let mut len = 0;
    for c in chars {
        if !c.is_ascii() || len == buf.len() {
            return None;
        }
        buf[len] = (c as u8).to_ascii_lowercase();
        len += 1;
    }
    std::str::from_utf8(&buf[..len]).ok()
}

/// Whether a word may name a month: its first three letters start a month name or
/// abbreviation in some language. A cheap test before [`locale::month_from_word`].
fn may_be_month(letters: &str) -> bool {
    use std::sync::OnceLock;
    // The prefixes as numbers (three ASCII bytes), sorted for a binary search: this
    // runs for most words near a year.
    static PREFIXES: OnceLock<Vec<u32>> = OnceLock::new();
    let prefixes = PREFIXES.get_or_init(|| {
        let mut all: Vec<u32> = locale::LOCALES
            .iter()
            .flat_map(|l| l.months.iter().chain(l.months_short.iter()))
            .map(|m| locale::fold(m).chars().take(3).collect::<String>())
            .chain(["mrz", "mrt", "jan"].map(str::to_owned))
            .filter_map(|p| prefix_code(p.as_bytes()))
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    });
    let known = |head: &[u8]| prefix_code(head).is_some_and(|c| prefixes.binary_search(&c).is_ok());
    // ASCII: the head is the first three bytes, lower-cased.
    if letters.is_ascii() {
        let Some(head) = letters.as_bytes().get(..3) else {
            return false;
        };
        let mut h = [0; 3];
        h.copy_from_slice(head);
        h.make_ascii_lowercase();
        return known(&h);
    }
    let head: String = letters
        .chars()
        .take(3)
        .flat_map(char::to_lowercase)
        .collect();
    head.chars().count() == 3 && known(locale::fold(&head).as_bytes())
}

/// Three bytes as one number; `None` for other lengths.
fn prefix_code(head: &[u8]) -> Option<u32> {
    match *head {
        [a, b, c] => Some(u32::from_be_bytes([0, a, b, c])),
        _ => None,
    }
}

/// Whether `letters` names a month (with the cheap test first).
fn is_month(letters: &str) -> bool {
    may_be_month(letters) && locale::month_from_word(letters).is_some()
}

/// What a word can be in a date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Digits, a month, a "present" word, a separator or a connector.
    Date,
    /// Anything else: no date range goes through it.
    Other,
}

fn kind_of(word: &str) -> Kind {
    if word.chars().any(|c| c.is_ascii_digit()) || word.chars().all(|c| !c.is_alphanumeric()) {
        return Kind::Date;
    }
    let keep = |c: &char| c.is_alphabetic() || *c == '\'' || *c == '’' || *c == '/';
    let mut buf = [0; 16];
    // `letters` may be given folded: the month and present tests fold anyway.
    let date_word = match ascii_folded(word.chars().filter(keep), &mut buf) {
        Some(f) => is_date_word(f, f),
        None => {
            let letters: String = word.chars().filter(keep).collect();
            is_date_word(&locale::fold(&letters), &letters)
        }
    };
    if date_word { Kind::Date } else { Kind::Other }
}

/// Whether a word's letters (`f` folded) make a date word: a connector, a "present"
/// word or part of one, or a month.
fn is_date_word(f: &str, letters: &str) -> bool {
    let connector = matches!(
        f,
        "to" | "bis"
            | "tot"
            | "t/m"
            | "a"
            | "au"
            | "al"
            | "hasta"
            | "ate"
            | "until"
            | "till"
            | "through"
            | "since"
            | "from"
            | "seit"
            | "ab"
            | "sinds"
            | "vanaf"
            | "depuis"
            | "des"
            | "desde"
            | "dal"
            | "da"
            | "of"
            | "de"
            | "partir"
            | "la"
            | "ce"
            | "o"
            | "en"
            | "em"
            | "in"
            | "bis heute"
    );
    connector
        || locale::is_present_word(f)
        || matches!(
            f,
            "date"
                | "fecha"
                | "momento"
                | "jour"
                | "hui"
                | "aujourd'hui"
                | "cours"
                | "curso"
                | "heden"
                | "nu"
        )
        || is_month(letters)
}

/// Whether a date range can begin with this word.
fn can_start(word: &str) -> bool {
    let first = word.chars().next().unwrap_or(' ');
    if first.is_ascii_digit() {
        return true;
    }
    if !first.is_alphabetic() {
        return false;
    }
    with_letters(
        word.chars().take_while(|c| c.is_alphabetic()),
        |f, letters| {
            is_month(letters)
                || matches!(
                    f,
                    "since"
                        | "from"
                        | "seit"
                        | "ab"
                        | "sinds"
                        | "vanaf"
                        | "depuis"
                        | "des"
                        | "desde"
                        | "dal"
                        | "da"
                        | "a"
                )
        },
    )
}

/// Whether a date range can end with this word.
fn can_end(word: &str) -> bool {
    let last = word.chars().last().unwrap_or(' ');
    if last.is_ascii_digit() || matches!(last, '-' | '–' | '—') {
        return true;
    }
    if !last.is_alphabetic() && last != '.' {
        return false;
    }
    let letters = word
        .chars()
        .filter(|c| c.is_alphabetic() || *c == '\'' || *c == '’');
    with_letters(letters, |f, letters| {
        is_month(letters)
            || locale::is_present_word(letters)
            || matches!(
                f,
                "date" | "fecha" | "momento" | "jour" | "hui" | "aujourd'hui"
            )
    })
}

/// Calls `f` with a word's letters folded and as written. ASCII letters are folded on
/// the stack ([`ascii_folded`]) and passed as both: the tests `f` makes ignore case.
fn with_letters<R>(
    letters: impl Iterator<Item = char> + Clone,
    f: impl FnOnce(&str, &str) -> R,
) -> R {
    let mut buf = [0; 16];
    if let Some(folded) = ascii_folded(letters.clone(), &mut buf) {
        return f(folded, folded);
    }
    let letters: String = letters.collect();
    f(&locale::fold(&letters), &letters)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(y: u16, m: u8) -> PartialDate {
        PartialDate::year_month(y, m)
    }

    fn one(text: &str) -> (String, PartialDate, Option<LooseDate>) {
        let d = find(text).unwrap_or_else(|| panic!("no date in {text:?}"));
        (text[d.start..d.end].to_owned(), d.from, d.to)
    }

    #[test]
    fn ranges_inside_lines() {
        let (t, from, to) = one("Data/Machine Learning Engineer | October | 11/2021 - 12/2023");
        assert_eq!(t, "11/2021 - 12/2023");
        assert_eq!(
            (from, to),
            (ym(2021, 11), Some(LooseDate::Date(ym(2023, 12))))
        );

        let (t, from, to) = one("Software developer, IBM (2014-06 — Present)");
        assert_eq!(t, "2014-06 — Present");
        assert_eq!((from, to), (ym(2014, 6), Some(LooseDate::Ongoing)));

        let (t, _, to) = one("* 2 years as Front-End Captain at Synthesio from 2014 to today");
        assert_eq!(t, "2014 to today");
        assert_eq!(to, Some(LooseDate::Ongoing));

        let (t, from, _) = one("### JumpCloud - Senior Software Engineer (2022-10 to 2026-05)");
        assert_eq!((t.as_str(), from), ("2022-10 to 2026-05", ym(2022, 10)));

        let (_, from, to) = one("> Since 12.2019 ");
        assert_eq!((from, to), (ym(2019, 12), Some(LooseDate::Ongoing)));

        let (_, from, to) = one("Softwareentwickler, ACME GmbH, März 2019 bis heute");
        assert_eq!((from, to), (ym(2019, 3), Some(LooseDate::Ongoing)));

        let (_, from, to) = one("### <span>laiblitz. Inc</span> Oct, 2017- Mar, 2018");
        assert_eq!(
            (from, to),
            (ym(2017, 10), Some(LooseDate::Date(ym(2018, 3))))
        );

        let (_, from, to) = one("2018-        Salsify --- Boston MA");
        assert_eq!(
            (from, to),
            (PartialDate::year_only(2018), Some(LooseDate::Ongoing))
        );

        let (_, from, to) = one("Search Department  Nov 2020 -- Present");
        assert_eq!((from, to), (ym(2020, 11), Some(LooseDate::Ongoing)));

        let (_, from, to) = one("Stage chez Total, sept. 2018 – juin 2020");
        assert_eq!(
            (from, to),
            (ym(2018, 9), Some(LooseDate::Date(ym(2020, 6))))
        );
    }

    #[test]
    fn single_dates_and_non_dates() {
        let (t, from, to) = one("Certified Scrum Developer  2013");
        assert_eq!(
            (t.as_str(), from, to),
            ("2013", PartialDate::year_only(2013), None)
        );
        for text in [
            "Born 08-11-1995 Living in Amsterdam",
            "Phone: (080) 3717-4344",
            "+20 0122 052 2714",
            "RFC 9112-compliant server",
            "improving performance by 20%",
        ] {
            assert_eq!(find(text), None, "{text}");
        }
    }

    #[test]
    fn end_only_dates() {
        let d = find("UTCH (??? — 2010-08)").expect("a date");
        assert_eq!((d.from, d.to, d.end_only), (ym(2010, 8), None, true));
        assert!(find("until 2019").is_some_and(|d| d.end_only));
        assert!(!find("Certified Scrum Developer – 2013").unwrap().end_only);
        assert!(!find("Engineer, 2015").unwrap().end_only);
    }

    #[test]
    fn slashed_full_dates() {
        let d = |y, m, d| PartialDate::ymd(y, m, d);
        let (t, from, to) = one("01/09/2018–Present          Quality Engineer");
        assert_eq!(t, "01/09/2018–Present");
        assert_eq!((from, to), (d(2018, 9, 1), Some(LooseDate::Ongoing)));
        let (_, from, to) = one("01/04/2013–31/08/2018");
        assert_eq!(
            (from, to),
            (d(2013, 4, 1), Some(LooseDate::Date(d(2018, 8, 31))))
        );
        let (_, from, to) = one("06/01/2019 – 08/15/2019 Intern");
        assert_eq!(
            (from, to),
            (d(2019, 6, 1), Some(LooseDate::Date(d(2019, 8, 15))))
        );
    }

    #[test]
    fn month_prefixes_are_three_ascii_letters() {
        for l in locale::LOCALES {
            for m in l.months.iter().chain(l.months_short.iter()) {
                let head: String = locale::fold(m).chars().take(3).collect();
                assert!(head.len() == 3 && head.is_ascii(), "{m}");
                assert!(may_be_month(m) && may_be_month(&m.to_uppercase()), "{m}");
            }
        }
        for word in ["Mrz", "MRT", "Jänner", "junk", "xyz", "ju", "Ma"] {
            let expected = matches!(word, "Mrz" | "MRT" | "Jänner" | "junk");
            assert_eq!(may_be_month(word), expected, "{word}");
        }
    }

    #[test]
    fn ascii_and_unicode_words_alike() {
        // The same words whether the text is read as bytes or as chars.
        for text in [
            "a\tb\nc\x0Bd\x0Ce\rf g\x1Ch (2019 - 2020)",
            " Engineer,  ACME   2019–2021 ",
        ] {
            let by_chars: Vec<(usize, usize)> = split_words(
                text,
                text.char_indices().map(|(i, c)| (i, c.is_whitespace())),
            )
            .iter()
            .map(|t| (t.start, t.end))
            .collect();
            let tokens: Vec<(usize, usize)> =
                tokenize(text).iter().map(|t| (t.start, t.end)).collect();
            assert_eq!(tokens, by_chars, "{text:?}");
        }
    }

    #[test]
    fn many_ranges() {
        let all = find_all("2015 MIT, 2004 BS Computer Science");
        assert_eq!(all.len(), 2);
    }
}
