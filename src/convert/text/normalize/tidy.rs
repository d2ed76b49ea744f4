//! Tidying a line's words: letter-spaced runs, leaders, column gaps.

use std::borrow::Cow;

/// Letter-spaced words rejoined, wide gaps turned into ` | `, dotted or dashed leaders
/// into ` — `, trailing rules removed (and reported as an underline), spaces collapsed.
/// Marks are carried over to the new text; rejoined words become marks too.
pub(super) fn tidy(
    text: Cow<'_, str>,
    marks: Vec<(usize, usize)>,
) -> (String, Vec<(usize, usize)>, bool, Option<usize>) {
    // Most lines need nothing: words one space apart, no marks, no leaders, no
    // letter-spaced run. Checked without allocating; the text is kept as it is.
    if marks.is_empty() && already_tidy(&text) {
        return (text.into_owned(), marks, false, None);
    }
    let text = text.as_ref();
    // Work on words with their gap before them; keep a per-word "marked" flag.
    // (word, spaces before, marked); a word and its space take two bytes at least.
    let mut words: Vec<(Cow<'_, str>, usize, bool)> = Vec::with_capacity(text.len() / 2 + 1);
    let mut start = None;
    let mut gap = 0;
    let mut mark = 0; // marks are in order: walk them along
    // By bytes, with the end of the text as a last space; a character is decoded only
    // where a non-ASCII one starts.
    for i in (0..text.len()).chain(std::iter::once(text.len())) {
        // (`\u{a0}` is whitespace too.)
        let space = if i == text.len() {
            true
        } else {
            match super::whitespace_at(text, i) {
                Some(space) => space,
                None => continue, // inside a character
            }
        };
        if space {
            if let Some(s) = start.take() {
                while mark < marks.len() && marks[mark].1 <= s {
                    mark += 1;
                }
                let marked = marks.get(mark).is_some_and(|(ms, me)| s >= *ms && s < *me);
                words.push((Cow::Borrowed(&text[s..i]), gap, marked));
                gap = 0;
            }
            gap += 1;
        } else if start.is_none() {
            start = Some(i);
        }
    }
    // Letter-spaced runs: four or more single letters one space apart.
    let single = |w: &str| {
        let mut cs = w.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
    };
    // Joined in place: word `k` is read before slot `kept` (never after it) is written.
    let mut kept = 0;
    let mut k = 0;
    while k < words.len() {
        let mut end = k;
        while end < words.len() && single(&words[end].0) && (end == k || words[end].1 == 1) {
            end += 1;
        }
        if end - k >= 4 {
            let word: String = words[k..end].iter().map(|w| w.0.as_ref()).collect();
            words[kept] = (Cow::Owned(word), words[k].1, true);
            k = end;
        } else {
            words.swap(kept, k);
            k += 1;
        }
        kept += 1;
    }
    words.truncate(kept);
    let mut joined = words;
    // Leaders and rules.
    let is_leader = is_leader_word;
    let mut underlined = false;
    while joined.last().is_some_and(|w| is_leader(&w.0)) && joined.len() > 1 {
        joined.pop();
        underlined = true;
    }
    let lead = joined
        .iter()
        .take(joined.len().saturating_sub(1))
        .take_while(|w| is_leader(&w.0))
        .count();
    joined.drain(..lead);
    let mut out = String::with_capacity(text.len());
    let mut new_marks: Vec<(usize, usize)> = Vec::new();
    let mut first_gap = None;
    for (idx, (word, gap, marked)) in joined.iter().enumerate() {
        if idx > 0 {
            if is_leader(word) {
                out.push_str(" —");
                continue;
            }
            if *gap >= 3 && !out.ends_with(['—', '|', ':']) {
                first_gap.get_or_insert(out.len());
                out.push_str(" |");
            }
            out.push(' ');
        } else if is_leader(word) {
            continue;
        }
        let s = out.len();
        out.push_str(word);
        if *marked {
            match new_marks.last_mut() {
                // Join with the previous mark when only a space separates them.
                Some(last) if last.1 + 1 == s && out.as_bytes()[s - 1] == b' ' => {
                    last.1 = out.len()
                }
                _ => new_marks.push((s, out.len())),
            }
        }
    }
    (out, new_marks, underlined, first_gap)
}

/// Whether [`tidy`] would give `text` back unchanged (when it has no marks).
/// One pass over the bytes, as this is asked of every line: a character is decoded
/// only where a non-ASCII one starts, and words are looked at only where they end.
pub(super) fn already_tidy(text: &str) -> bool {
    let mut singles = 0; // single letters in a row
    let mut start = 0; // where the current word starts
    for (end, &b) in text.as_bytes().iter().enumerate() {
        // Most bytes are visible ASCII, or inside a character.
        if (b'!'..0xC0).contains(&b) {
            continue;
        }
        if b != b' ' {
            // Whitespace other than a space.
            if (b'\t'..=b'\r').contains(&b)
                || b >= 0xC0 && text[end..].starts_with(char::is_whitespace)
            {
                return false;
            }
            continue;
        }
        if !tidy_word(&text[start..end], &mut singles) {
            return false;
        }
        start = end + 1;
    }
    tidy_word(&text[start..], &mut singles)
}

/// Whether a word of [`already_tidy`]'s text may stay: not empty (a leading, trailing
/// or second space), not a leader, not the fourth single letter in a row.
fn tidy_word(w: &str, singles: &mut usize) -> bool {
    if w.is_empty() || is_leader_word(w) {
        return false;
    }
    // A character takes four bytes at most: longer words are not looked into.
    let single = w.len() <= 4 && {
        let mut cs = w.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
    };
    *singles = if single { *singles + 1 } else { 0 };
    *singles < 4
}

/// A run of dots, dashes or rules standing for a leader or a rule: `.....`, `---`.
pub(super) fn is_leader_word(w: &str) -> bool {
    // Most words start with a letter: rejected by their first byte (`─` and `…` start
    // with 0xE2), before characters are decoded.
    matches!(
        w.as_bytes().first(),
        Some(b'-' | b'.' | b'_' | b'=' | b'~' | 0xE2)
    ) && w.chars().count() >= 3
        && w.chars().all(is_leader_char)
}

/// A character leaders and rules are drawn with.
fn is_leader_char(c: char) -> bool {
    matches!(c, '-' | '.' | '_' | '─' | '…' | '=' | '~')
}
