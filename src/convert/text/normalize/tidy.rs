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
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_whitespace() || c == '\u{a0}' {
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
/// One pass over the characters, as this is asked of every line.
pub(super) fn already_tidy(text: &str) -> bool {
    let mut singles = 0; // single letters in a row
    let mut first = ' '; // the current word's first character
    let mut len = 0; // … its length in characters
    let mut leader = true; // … whether all of them are leader characters
    // A word ends: is it a leader (`.....`), or the fourth single letter in a row?
    let word_ok = |first: char, len: usize, leader: bool, singles: &mut usize| {
        if len >= 3 && leader {
            return false;
        }
        let single = len == 1 && first.is_alphabetic();
        *singles = if single { *singles + 1 } else { 0 };
        *singles < 4
    };
    for c in text.chars() {
        if c == ' ' {
            // A leading space, or two in a row.
            if len == 0 || !word_ok(first, len, leader, &mut singles) {
                return false;
            }
            len = 0;
        } else if c.is_whitespace() {
            return false;
        } else {
            if len == 0 {
                first = c;
                leader = true;
            }
            len += 1;
            leader &= is_leader_char(c);
        }
    }
    // An empty text, or a trailing space.
    len > 0 && word_ok(first, len, leader, &mut singles)
}

/// A character leaders and rules are drawn with.
fn is_leader_char(c: char) -> bool {
    matches!(c, '-' | '.' | '_' | '─' | '…' | '=' | '~')
}

/// A run of dots, dashes or rules standing for a leader or a rule: `.....`, `---`.
pub(super) fn is_leader_word(w: &str) -> bool {
    // Most words start with a letter: rejected before counting characters.
    w.starts_with(['-', '.', '_', '─', '…', '=', '~'])
        && w.chars().count() >= 3
        && w.chars().all(is_leader_char)
}
