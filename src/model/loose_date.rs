//! Reading dates the way people write them by hand: `June 2021`, `Dezember 2020`,
//! `12/2019`, `03.2009`, `2019-3`, `Present`, `Jan 2019 – heute`, `Since 12.2019`.
//!
//! Shared by the lint rules (to say the exact ISO value to write), by `migrate` (to
//! convert what is unambiguous) and by the free-form CV importer.

use super::PartialDate;
use crate::locale;

/// A date as a person wrote it, once understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LooseDate {
    /// A date that can be written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date(PartialDate),
    /// "Present", "now", "heute", …: an end date of something still going on.
    Ongoing,
}

/// Understands one hand-written date; `None` when it is not one, or is ambiguous.
///
/// Accepted: ISO forms with one-digit parts or other separators (`2019-3`, `2019/03`,
/// `2019.03.05`), ISO date-times (`2019-03-01T00:00:00Z`), month and year (`03/2019`,
/// `3.2009`, `12-2019`), day, month and year with dots (`01.03.2009`), month names or
/// abbreviations in English, German, Dutch, French, Spanish, Portuguese and Italian
/// (`June 2021`, `Jun. 2021`, `15 June 2021`, `June 15, 2021`, `15. März 2019`,
/// `2021 June`), and "present" words (`Present`, `now`, `aktuell`, `actualidad`).
/// Only calendar-valid dates are returned, and only years 1000-2999.
///
/// ```
/// use vitae::model::{parse_loose, LooseDate, PartialDate};
/// assert_eq!(parse_loose("Dezember 2020"), Some(LooseDate::Date(PartialDate::year_month(2020, 12))));
/// assert_eq!(parse_loose("03.2009"), Some(LooseDate::Date(PartialDate::year_month(2009, 3))));
/// assert_eq!(parse_loose("heute"), Some(LooseDate::Ongoing));
/// assert_eq!(parse_loose("summer"), None);
/// ```
#[must_use]
pub fn parse_loose(text: &str) -> Option<LooseDate> {
    let text = text
        .trim()
        .trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ',' | ';' | ':'))
        .trim();
    if text.is_empty() {
        return None;
    }
    if locale::is_present_word(text) {
        return Some(LooseDate::Ongoing);
    }
    if may_be_iso(text)
        && let Ok(d) = text.parse::<PartialDate>()
    {
        return d.is_calendar_valid().then_some(LooseDate::Date(d));
    }
    // ISO date-time: keep the date part.
    if let Some((date, time)) = text.split_once('T')
        && time.starts_with(|c: char| c.is_ascii_digit())
        && may_be_iso(date)
        && let Ok(d) = date.parse::<PartialDate>()
    {
        return d.is_calendar_valid().then_some(LooseDate::Date(d));
    }
    let (tokens, sep) = tokenize(text)?;
    from_tokens(tokens.as_slice(), sep)
        .filter(PartialDate::is_calendar_valid)
        .map(LooseDate::Date)
}

/// Whether `text` has the length and first digit of an ISO date (`YYYY`, `YYYY-MM`,
/// `YYYY-MM-DD`): parsing is then worth trying (a failed parse allocates its error).
fn may_be_iso(text: &str) -> bool {
    matches!(text.len(), 4 | 7 | 10) && text.starts_with(['1', '2'])
}

/// Understands a hand-written date range: `2018 – 2020`, `11/2021 - 12/2023`,
/// `Jan 2019 – Present`, `March 2015 to December 2018`, `Since 12.2019`,
/// `(2022-10 to 2026-05)`, `seit 2019`, `2019 bis heute`, or a lone date.
///
/// Returns the start and, when the text has one, the end (`Ongoing` for "present"
/// words and for `Since …`). `None` when the text is not a date range.
///
/// ```
/// use vitae::model::{parse_range, LooseDate, PartialDate};
/// let (start, end) = parse_range("Jan 2019 – Present").unwrap();
/// assert_eq!(start, PartialDate::year_month(2019, 1));
/// assert_eq!(end, Some(LooseDate::Ongoing));
/// ```
#[must_use]
pub fn parse_range(text: &str) -> Option<(PartialDate, Option<LooseDate>)> {
    let text = text
        .trim()
        .trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']'))
        .trim();
    let folded = locale::fold(text);
    // Every such word starts with an ASCII letter: texts starting otherwise (most start
    // with a digit) skip the loop.
    let since_words = if folded.starts_with(|c: char| c.is_ascii_alphabetic()) {
        SINCE_WORDS
    } else {
        &[]
    };
    for prefix in since_words {
        if let Some(rest) = folded.strip_prefix(prefix)
            && rest.starts_with([' ', ':'])
            && let Some(LooseDate::Date(d)) = parse_loose(&text[text.len() - rest.len()..])
        {
            return Some((d, Some(LooseDate::Ongoing)));
        }
    }
    let start_only = |s: &str| match parse_loose(s) {
        Some(LooseDate::Date(d)) => Some(d),
        _ => None,
    };
    // Most texts are ASCII: `folded` is then `text` lower-cased, with the same offsets.
    let ascii = text.is_ascii();
    let present = separators_in(&folded);
    for (k, sep) in SEPARATORS.iter().enumerate() {
        if present & (1 << k) == 0 {
            continue;
        }
        let mut from = 0;
        while let Some(at) = crate::scan::find(&folded[from..], sep).map(|i| i + from) {
            let (split, after) = if ascii {
                (at, at + sep.len())
            } else {
                // `folded` and `text` differ only in letter case and diacritics, which
                // can change byte lengths: map back through char counts.
                let left_chars = folded[..at].chars().count();
                let sep_chars = sep.chars().count();
                let split = text
                    .char_indices()
                    .nth(left_chars)
                    .map_or(text.len(), |(i, _)| i);
                let after = text
                    .char_indices()
                    .nth(left_chars + sep_chars)
                    .map_or(text.len(), |(i, _)| i);
                (split, after)
            };
            let (left, right) = (&text[..split], &text[after..]);
            // The end is read only when the start is a date (both are pure).
            if let Some(start) = start_only(left)
                && let Some(end) = parse_loose(right)
            {
                if let LooseDate::Date(end_date) = end
                    && end_date.precedes(&start)
                {
                    // `2019-3` split on `-` gives 2019 and 3: not a range.
                    from = at + sep.len();
                    continue;
                }
                return Some((start, Some(end)));
            }
            from = at + sep.len();
        }
    }
    start_only(text).map(|d| (d, None))
}

/// What separates the two dates of a range, most telling first.
const SEPARATORS: [&str; 18] = [
    "–",
    "—",
    " - ",
    " to ",
    " bis ",
    " tot ",
    " t/m ",
    " à ",
    " au ",
    " a ",
    " al ",
    " hasta ",
    " até ",
    " until ",
    " till ",
    " through ",
    "-",
    "/",
];

/// Which of [`SEPARATORS`] occur in `text`, as bits: one pass over it, where a search
/// per separator read it 18 times.
fn separators_in(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let mut present = 0;
    for (i, &b) in bytes.iter().enumerate() {
        // The separators each byte can start (0xE2 starts `–` and `—`).
        let candidates = match b {
            0xE2 => 0..2,
            b' ' => 2..16,
            b'-' => 16..17,
            b'/' => 17..18,
            _ => continue,
        };
        for k in candidates {
            let sep = SEPARATORS[k].as_bytes();
            // The second byte first: it rules out most separators after a space cheaply.
            if sep.get(1).is_none_or(|s| bytes.get(i + 1) == Some(s)) && bytes[i..].starts_with(sep)
            {
                present |= 1 << k;
            }
        }
    }
    present
}

/// Words that open a range with no end (lower case, folded).
const SINCE_WORDS: &[&str] = &[
    "since",
    "from",
    "seit",
    "ab",
    "sinds",
    "vanaf",
    "depuis",
    "des",
    "desde",
    "a partir de",
    "dal",
    "da",
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Token {
    /// Digits, with their count.
    Number(u32, usize),
    Month(u8),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Separator {
    Dot,
    Other,
}

/// The tokens of a date, kept on the stack: no date has more than three.
struct Tokens {
    items: [Token; 3],
    len: usize,
}

impl Tokens {
    /// Adds a token; `None` for a fourth, which no date has.
    fn push(&mut self, token: Token) -> Option<()> {
        *self.items.get_mut(self.len)? = token;
        self.len += 1;
        Some(())
    }

    fn as_slice(&self) -> &[Token] {
        &self.items[..self.len]
    }
}

/// Numbers and month words of `text`, or `None` if anything else is in it or it has
/// more than three (no date has).
fn tokenize(text: &str) -> Option<(Tokens, Separator)> {
    let mut tokens = Tokens {
        items: [Token::Month(0); 3],
        len: 0,
    };
    let mut sep = Separator::Other;
    let mut chars = text.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_ascii_digit() {
            let mut end = i;
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let digits = &text[i..end];
            // Ordinals: 1st, 2nd, 3rd, 15th.
            let rest = &text[end..];
            if rest.get(..2).is_some_and(|s| {
                ["st", "nd", "rd", "th"]
                    .iter()
                    .any(|x| s.eq_ignore_ascii_case(x))
            }) {
                chars.next();
                chars.next();
            }
            if digits.len() > 4 {
                return None;
            }
            tokens.push(Token::Number(digits.parse().ok()?, digits.len()))?;
        } else if c.is_alphabetic() {
            let mut end = i;
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let word = &text[i..end];
            if locale::folds_to(word, "of") || locale::folds_to(word, "de") {
                continue;
            }
            tokens.push(Token::Month(locale::month_from_word(word)?))?;
        } else if matches!(c, '.' | '/' | '-' | ',' | ' ' | '\u{a0}' | '\'') {
            if c == '.' && matches!(tokens.as_slice().last(), Some(Token::Number(..))) {
                sep = Separator::Dot;
            }
            chars.next();
        } else {
            return None;
        }
    }
    Some((tokens, sep))
}

fn from_tokens(tokens: &[Token], sep: Separator) -> Option<PartialDate> {
    use Token::{Month, Number};
    let year = |n: u32, len: usize| (len == 4 && (1000..3000).contains(&n)).then_some(n as u16);
    let small = |n: u32, len: usize| (len <= 2 && n >= 1).then_some(n as u8);
    match tokens {
        [Number(y, 4)] => Some(PartialDate::year_only(year(*y, 4)?)),
        // 2019-3, 2019/03
        [Number(y, 4), Number(m, ml)] => {
            Some(PartialDate::year_month(year(*y, 4)?, small(*m, *ml)?))
        }
        // 03/2019, 3.2009
        [Number(m, ml), Number(y, 4)] => {
            Some(PartialDate::year_month(year(*y, 4)?, small(*m, *ml)?))
        }
        // 2019-03-05
        [Number(y, 4), Number(m, ml), Number(d, dl)] => Some(PartialDate::ymd(
            year(*y, 4)?,
            small(*m, *ml)?,
            small(*d, *dl)?,
        )),
        // 05.03.2019 (day first with dots); with other separators only when unambiguous.
        [Number(a, al), Number(b, bl), Number(y, 4)] => {
            let (a, b, y) = (small(*a, *al)?, small(*b, *bl)?, year(*y, 4)?);
            if sep == Separator::Dot || a > 12 {
                Some(PartialDate::ymd(y, b, a))
            } else if b > 12 {
                Some(PartialDate::ymd(y, a, b))
            } else {
                None
            }
        }
        [Month(m), Number(y, 4)] | [Number(y, 4), Month(m)] => {
            Some(PartialDate::year_month(year(*y, 4)?, *m))
        }
        [Number(d, dl), Month(m), Number(y, 4)]
        | [Month(m), Number(d, dl), Number(y, 4)]
        | [Number(y, 4), Month(m), Number(d, dl)] => {
            Some(PartialDate::ymd(year(*y, 4)?, *m, small(*d, *dl)?))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(y: u16, m: u8) -> Option<LooseDate> {
        Some(LooseDate::Date(PartialDate::year_month(y, m)))
    }

    #[test]
    fn hand_written_dates() {
        assert_eq!(parse_loose("June 2021"), ym(2021, 6));
        assert_eq!(parse_loose("Mars 2019"), ym(2019, 3));
        assert_eq!(parse_loose("Dezember 2020"), ym(2020, 12));
        assert_eq!(parse_loose("12/2019"), ym(2019, 12));
        assert_eq!(parse_loose("03.2009"), ym(2009, 3));
        assert_eq!(parse_loose("2019-3"), ym(2019, 3));
        assert_eq!(parse_loose("2019/03"), ym(2019, 3));
        assert_eq!(parse_loose("Sept. 2018"), ym(2018, 9));
        assert_eq!(parse_loose("2021 June"), ym(2021, 6));
        assert_eq!(parse_loose("June, 2021"), ym(2021, 6));
        assert_eq!(parse_loose("juillet 2017"), ym(2017, 7));
        assert_eq!(parse_loose("March of 2015"), ym(2015, 3));
        let d = |y, m, d| Some(LooseDate::Date(PartialDate::ymd(y, m, d)));
        assert_eq!(parse_loose("01.03.2009"), d(2009, 3, 1));
        assert_eq!(parse_loose("June 15, 2021"), d(2021, 6, 15));
        assert_eq!(parse_loose("15th June 2021"), d(2021, 6, 15));
        assert_eq!(parse_loose("15. März 2019"), d(2019, 3, 15));
        assert_eq!(parse_loose("2019-03-01T00:00:00.000Z"), d(2019, 3, 1));
        assert_eq!(parse_loose("13/05/2019"), d(2019, 5, 13));
        assert_eq!(
            parse_loose("2020"),
            Some(LooseDate::Date(PartialDate::year_only(2020)))
        );
        assert_eq!(parse_loose("Present"), Some(LooseDate::Ongoing));
        assert_eq!(parse_loose("aktuell"), Some(LooseDate::Ongoing));
    }

    #[test]
    fn not_dates() {
        for text in [
            "",
            "summer",
            "2017-13",
            "2021-02-30",
            "05/06/2019",
            "13/2019",
            "Q1 2020",
            "Jan 19",
            "3000",
            "Marketing 2019",
            "123456",
        ] {
            assert_eq!(parse_loose(text), None, "{text}");
        }
    }

    #[test]
    fn since_words_start_with_ascii_letters() {
        assert!(
            SINCE_WORDS
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_ascii_alphabetic()))
        );
    }

    #[test]
    fn separators_are_all_found() {
        for (k, sep) in SEPARATORS.iter().enumerate() {
            for text in [
                sep.to_string(),
                format!("2019{sep}2020"),
                format!("x {sep} y"),
            ] {
                assert_ne!(separators_in(&text) & (1 << k), 0, "{sep:?} in {text:?}");
            }
        }
        assert_eq!(separators_in("June 2019"), 0);
    }

    #[test]
    fn ranges() {
        let ym = |y, m| PartialDate::year_month(y, m);
        let y = PartialDate::year_only;
        let date = |d| Some(LooseDate::Date(d));
        assert_eq!(
            parse_range("11/2021 - 12/2023"),
            Some((ym(2021, 11), date(ym(2023, 12))))
        );
        assert_eq!(parse_range("2018 – 2020"), Some((y(2018), date(y(2020)))));
        assert_eq!(parse_range("2018-2020"), Some((y(2018), date(y(2020)))));
        assert_eq!(
            parse_range("Jan 2019 – Present"),
            Some((ym(2019, 1), Some(LooseDate::Ongoing)))
        );
        assert_eq!(
            parse_range("March 2015 to December 2018"),
            Some((ym(2015, 3), date(ym(2018, 12))))
        );
        assert_eq!(
            parse_range("Since 12.2019"),
            Some((ym(2019, 12), Some(LooseDate::Ongoing)))
        );
        assert_eq!(
            parse_range("(2022-10 to 2026-05)"),
            Some((ym(2022, 10), date(ym(2026, 5))))
        );
        assert_eq!(
            parse_range("März 2019 bis heute"),
            Some((ym(2019, 3), Some(LooseDate::Ongoing)))
        );
        assert_eq!(
            parse_range("seit 2019"),
            Some((y(2019), Some(LooseDate::Ongoing)))
        );
        assert_eq!(parse_range("2019-03"), Some((ym(2019, 3), None)));
        assert_eq!(parse_range("03.2009"), Some((ym(2009, 3), None)));
        assert_eq!(parse_range("Software engineer"), None);
    }
}
