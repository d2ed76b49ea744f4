//! Stage 3: cutting a section into entries (one job, one degree, one project).
//!
//! Dates anchor entries: a line with a date range is part of an entry's header, with
//! the heading or short lines just above it (`### Title at Org` / `Berlin` /
//! `_Mar 2022 - Present_`), or the short line just below a line that is only a date
//! (`> Since 12.2019` / `Alpari, Moscow`). Headings of the same rank as the dated ones
//! start entries too; deeper headings are sub-headings inside an entry. A section
//! without dates is cut at its headings, else at its top-level bullets, else at blank
//! lines.

use super::dates::{self, DateSpan};
use super::normalize::Line;
use super::sections::heading_style;
use super::vocab;

/// One entry: header lines (title, organisation, place, dates) and body lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Indices of the header lines, in order.
    pub header: Vec<usize>,
    /// The line holding the entry's dates, and where in it they are.
    pub date: Option<(usize, DateSpan)>,
    /// Indices of the body lines (blank lines included), in order.
    pub body: Vec<usize>,
}

/// Where an entry starts: position in the section, header lines, date.
type Start = (usize, Vec<usize>, Option<(usize, DateSpan)>);

/// The entries of a section's body; lines before the first entry are returned apart.
pub(crate) fn split(lines: &[Line], idx: Vec<usize>) -> (Vec<usize>, Vec<Entry>) {
    if idx.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let date_of: Vec<Option<DateSpan>> = idx.iter().map(|&i| date_line(&lines[i])).collect();
    // (position in idx, header lines, date)
    let mut starts: Vec<Start> = Vec::new();
    let mut taken = vec![false; idx.len()];

    let top_bullet = min_bullet_indent(lines, &idx);
    if date_of.iter().any(Option::is_some) {
        for p in 0..idx.len() {
            let Some(span) = date_of[p] else { continue };
            if taken[p] {
                // Already a header line of this entry (a second date line): keep it.
                continue;
            }
            let line = &lines[idx[p]];
            let mut header = vec![p];
            let rest = without_duration(&residue(&line.text, &span));
            let only_date = rest.split_whitespace().count() == 0;
            // `Oktober 2013 – September 2015, Abschlussnote 1,3`: a date and a grade,
            // under the degree it belongs to.
            let date_first = line.text[..span.start].trim().is_empty()
                && !vocab::looks_like_location(&rest)
                && !is_grade(&rest);
            let standalone = !only_date
                && (date_first
                    || heading_style(line).is_some()
                    || line.bullet && line.indent <= top_bullet);
            if !standalone {
                // Walk up over a heading or short lines.
                let mut q = p;
                let mut count = 0;
                while q > 0 && count < 3 {
                    let prev = q - 1;
                    if taken[prev] || date_of[prev].is_some() {
                        break;
                    }
                    let l = &lines[idx[prev]];
                    if l.is_blank() || l.rule {
                        // Skip blanks only when a heading sits right above them.
                        let above = (0..prev)
                            .rev()
                            .find(|&r| !lines[idx[r]].is_blank() && !lines[idx[r]].rule);
                        match above {
                            Some(r)
                                if !taken[r]
                                    && date_of[r].is_none()
                                    && heading_style(&lines[idx[r]]).is_some()
                                    && prev - r <= 2 =>
                            {
                                q = r + 1;
                                continue;
                            }
                            _ => break,
                        }
                    }
                    if heading_style(l).is_some() {
                        header.insert(0, prev);
                        break;
                    }
                    // `- **Tech Mahindra**` / `  Bengaluru, IN 07/2024 - 06/2025`: the
                    // item's first line, when the date line continues it.
                    if l.bullet && !line.bullet && line.indent > l.indent && is_short(l) {
                        header.insert(0, prev);
                        break;
                    }
                    if is_short(l) && (!l.bullet || lines[idx[p]].bullet) {
                        header.insert(0, prev);
                        q = prev;
                        count += 1;
                        continue;
                    }
                    break;
                }
            }
            // `### School` / `Degree` / `Place (2017 - 2021)`: a heading a few short
            // lines up, with blank lines between.
            if !standalone && heading_style(&lines[idx[header[0]]]).is_none() {
                let mut q = header[0];
                let mut between = Vec::new();
                while q > 0 && between.len() < 4 {
                    q -= 1;
                    let l = &lines[idx[q]];
                    if taken[q] || date_of[q].is_some() || l.bullet {
                        break;
                    }
                    if l.is_blank() || l.rule {
                        continue;
                    }
                    if heading_style(l).is_some() {
                        header.splice(
                            0..0,
                            std::iter::once(q).chain(between.iter().rev().copied()),
                        );
                        break;
                    }
                    if !is_short(l) {
                        break;
                    }
                    between.push(q);
                }
            }
            // A line that is only a date: its title may follow.
            if header.len() == 1
                && only_date
                && let Some(next) = (p + 1..idx.len()).find(|&r| !lines[idx[r]].is_blank())
            {
                let l = &lines[idx[next]];
                if date_of[next].is_none() && is_short(l) && !l.bullet && next == p + 1 {
                    header.push(next);
                }
            }
            // `Code Club   2018 - 2022` / `Volunteer Tutor`: a header line with one
            // part may go on below; and a place may follow: `Seattle, WA`.
            let one_part = header.len() == 1
                && !only_date
                && !rest.contains(['|', ',', '—', '–', '@'])
                && !rest.contains(" at ")
                && !rest.contains(" - ");
            let mut more = if one_part { 2 } else { 0 };
            while let Some(&last) = header.last()
                && last + 1 < idx.len()
                && date_of[last + 1].is_none()
                && !taken[last + 1]
            {
                let l = &lines[idx[last + 1]];
                // `Abschluss: Abitur (Note 1,9)`: a field of the body, not a header.
                let keyed = l.text.split_once(':').is_some_and(|(k, v)| {
                    !v.trim().is_empty() && k.split_whitespace().count() <= 2 && !k.contains("http")
                });
                let plain = !l.bullet && !l.is_blank() && heading_style(l).is_none() && !keyed;
                let place = vocab::looks_like_location(&l.text)
                    || (!one_part
                        && (1..=3).contains(&l.text.split_whitespace().count())
                        && l.text
                            .split_whitespace()
                            .all(|w| w.starts_with(char::is_uppercase))
                        && !l
                            .text
                            .chars()
                            .any(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ':')));
                if plain && place {
                    header.push(last + 1);
                    break;
                }
                if plain && more > 0 && is_short(l) && l.text.split_whitespace().count() <= 6 {
                    header.push(last + 1);
                    more -= 1;
                    continue;
                }
                break;
            }
            for &h in &header {
                taken[h] = true;
            }
            let first = header[0];
            let header_idx = header.iter().map(|&h| idx[h]).collect();
            starts.push((first, header_idx, Some((idx[p], span))));
        }
        // Undated headings as prominent as the dated ones start entries too.
        let ranks: Vec<u8> = starts
            .iter()
            .filter_map(|(_, h, _)| {
                h.iter()
                    .find_map(|&i| heading_style(&lines[i]))
                    .map(|s| s.rank())
            })
            .collect();
        if let Some(&rank) = ranks.iter().min() {
            for p in 0..idx.len() {
                if taken[p] {
                    continue;
                }
                if let Some(style) = heading_style(&lines[idx[p]])
                    && style.rank() <= rank
                {
                    taken[p] = true;
                    starts.push((p, vec![idx[p]], None));
                }
            }
        }
    } else {
        let styled: Vec<(usize, u8)> = (0..idx.len())
            .filter_map(|p| heading_style(&lines[idx[p]]).map(|s| (p, s.rank())))
            .collect();
        if idx.iter().any(|&i| lines[i].table_row) {
            // A table: one entry per row.
            for p in 0..idx.len() {
                if lines[idx[p]].table_row {
                    starts.push((p, vec![idx[p]], None));
                }
            }
        } else if let Some(top) = styled.iter().map(|(_, r)| *r).min() {
            for (p, r) in &styled {
                if *r == top {
                    starts.push((*p, vec![idx[*p]], None));
                }
            }
        } else if idx.iter().any(|&i| lines[i].bullet) {
            let min_indent = top_bullet;
            for p in 0..idx.len() {
                let l = &lines[idx[p]];
                if l.bullet && l.indent <= min_indent {
                    starts.push((p, vec![idx[p]], None));
                }
            }
        } else {
            let mut new_block = true;
            for p in 0..idx.len() {
                let l = &lines[idx[p]];
                if l.is_blank() || l.rule {
                    new_block = true;
                } else if new_block {
                    starts.push((p, vec![idx[p]], None));
                    new_block = false;
                }
            }
        }
    }
    starts.sort_by_key(|(p, _, _)| *p);
    let mut entries = Vec::with_capacity(starts.len());
    let intro_end = starts.first().map_or(idx.len(), |(p, _, _)| *p);
    let intro: Vec<usize> = idx[..intro_end].to_vec();
    for (k, (p, header, date)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(idx.len(), |(q, _, _)| *q);
        let body = idx[*p..end]
            .iter()
            .copied()
            .filter(|i| !header.contains(i))
            .collect();
        entries.push(Entry {
            header: header.clone(),
            date: *date,
            body,
        });
    }
    (intro, entries)
}

/// The date range of a line that can head an entry: not a sentence in a paragraph.
pub(crate) fn date_line(line: &Line) -> Option<DateSpan> {
    *line.date.get_or_init(|| find_date_line(line))
}

/// Works out [`date_line`]; [`super::normalize::normalize`] stores the result, after
/// the line's heading style (a very long line's is worked out on first use).
pub(crate) fn find_date_line(line: &Line) -> Option<DateSpan> {
    if line.is_blank() || line.rule {
        return None;
    }
    let span = dates::find(&line.text)?;
    // Word counts, each only as far as the tests below look (a paragraph is not read
    // through).
    let words = count_words(&line.text, 31);
    let before = count_words(&line.text[..span.start], 15);
    let heading = heading_style(line).is_some();
    let styled = heading || line.bullet || !line.marks.is_empty();
    let sentence = line.text.trim_end().ends_with('.');
    let after = count_words(&line.text[span.end..], 4);
    // A bullet that mentions a year in passing is no header: `Adopted AI in 2026; …`.
    // `- **Lunch Money v2 API** (2025-present) - …`: a bold name before the date heads.
    let bold_name = line
        .marks
        .first()
        .is_some_and(|&(s, e)| s == 0 && e + 3 >= span.start);
    // … and so is a header with few words in lower case (`BA, Economics, Tufts
    // University (2009-2013), magna cum laude`). Read only for a long bullet.
    let sentence_like = || {
        line.text[..span.start]
            .split_whitespace()
            .filter(|w| w.starts_with(char::is_lowercase))
            .filter(|w| {
                !matches!(
                    *w,
                    "at" | "of"
                        | "in"
                        | "for"
                        | "and"
                        | "the"
                        | "bei"
                        | "von"
                        | "für"
                        | "und"
                        | "de"
                )
            })
            .count()
            >= 2
    };
    // `Adopted AI in 2026; …`: a date after a preposition, inside a sentence.
    let after_preposition = || {
        line.text[..span.start]
            .split_whitespace()
            .last()
            .is_some_and(|w| {
                matches!(
                    w,
                    "in" | "by"
                        | "since"
                        | "until"
                        | "during"
                        | "from"
                        | "im"
                        | "seit"
                        | "bis"
                        | "ab"
                        | "en"
                        | "depuis"
                        | "desde"
                        | "sinds"
                        | "vanaf"
                )
            })
    };
    let in_passing = line.bullet
        && before > 3
        && after > 3
        && !heading
        && !bold_name
        && (sentence_like() || after_preposition());
    (!in_passing
        && (words <= 16 || (before <= 8 && styled) || (before <= 14 && words <= 30 && !sentence)))
        .then_some(span)
}

/// `text.split_whitespace().take(cap).count()`, read byte by byte when the text is
/// ASCII (most lines).
fn count_words(text: &str, cap: usize) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().take(cap).count();
    }
    let mut count = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        // The ASCII chars `char::is_whitespace` accepts.
        let space = matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
        if !space && !in_word {
            if count == cap {
                break;
            }
            count += 1;
        }
        in_word = !space;
    }
    count
}

/// The text of a line without its date range.
pub(crate) fn residue(text: &str, span: &DateSpan) -> String {
    let mut before = text[..span.start].trim_end();
    let mut after = text[span.end..].trim_start();
    // The brackets the dates stood in: `Engineer (2019 - 2021)`.
    for (open, close) in [('(', ')'), ('[', ']')] {
        if let (Some(b), Some(a)) = (before.strip_suffix(open), after.strip_prefix(close)) {
            before = b;
            after = a;
        }
    }
    let sep = |c: char| c.is_whitespace() || matches!(c, '|' | '-' | '–' | '—' | ',' | '>' | '·');
    // Dates between two parts separated them: keep them apart, with a comma when the
    // line is cut at commas (`BA, Economics, Tufts (2009-2013), magna cum laude`).
    let joiner = if after.starts_with(',') && before.contains(", ") && !before.contains('|') {
        ", "
    } else {
        " | "
    };
    let (before, after) = (before.trim_matches(sep), after.trim_matches(sep));
    match (before.is_empty(), after.is_empty()) {
        (false, false) => format!("{before}{joiner}{after}"),
        (false, true) => before.to_owned(),
        _ => after.to_owned(),
    }
}

/// The text without a trailing `(3 years 2 months)`.
fn without_duration(text: &str) -> String {
    if let Some(open) = text.rfind('(')
        && text.ends_with(')')
        && text[open..].chars().any(|c| c.is_ascii_digit())
        && text[open..].split_whitespace().count() <= 6
    {
        return text[..open].trim().to_owned();
    }
    text.to_owned()
}

/// Whether a text is a grade: `Abschlussnote 1,3`, `GPA 3.8`, `Note: 2,0`.
fn is_grade(text: &str) -> bool {
    let f = crate::locale::fold(text);
    let mut words = f
        .split(|c: char| c.is_whitespace() || c == ':')
        .filter(|w| !w.is_empty());
    matches!(
        words.next(),
        Some("gpa" | "cgpa" | "note" | "abschlussnote" | "gesamtnote" | "grade" | "cijfer")
    ) && words
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        && words.next().is_none()
}

/// A short line without a full stop: a title, an organisation, a place.
fn is_short(line: &Line) -> bool {
    let t = line.text.trim();
    !line.is_blank() && !line.rule && t.split_whitespace().count() <= 12 && !t.ends_with('.')
        || line.bold
}

fn min_bullet_indent(lines: &[Line], idx: &[usize]) -> usize {
    idx.iter()
        .filter(|&&i| lines[i].bullet)
        .map(|&i| lines[i].indent)
        .min()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::text::normalize::normalize;

    fn headers(text: &str) -> Vec<Vec<String>> {
        let lines = normalize(text);
        let (_, entries) = split(&lines, (0..lines.len()).collect());
        entries
            .iter()
            .map(|e| e.header.iter().map(|&i| lines[i].text.clone()).collect())
            .collect()
    }

    #[test]
    fn dated_headings_and_sub_headings() {
        let text = "# Engineer | October | 11/2021 - 12/2023\n\nText.\n\n## Model Monitoring\n\nMore.\n\n# Assistant | TUM | 10/2020 - 12/2020\n\nText.";
        assert_eq!(
            headers(text),
            [
                vec!["Engineer | October | 11/2021 - 12/2023"],
                vec!["Assistant | TUM | 10/2020 - 12/2020"]
            ]
        );
    }

    #[test]
    fn title_lines_above_and_below_dates() {
        let text = "### Senior Developer _at RELEX_\nHelsinki, Finland\n_Mar 2022 - Present_\n\n### Engineer _at Bazaar_\nTehran, Iran\n_Jun 2020 - Nov 2021_\n";
        assert_eq!(
            headers(text),
            [
                vec![
                    "Senior Developer at RELEX",
                    "Helsinki, Finland",
                    "Mar 2022 - Present"
                ],
                vec!["Engineer at Bazaar", "Tehran, Iran", "Jun 2020 - Nov 2021"]
            ]
        );
        let text = "> Since 12.2019\nAlpari, Moscow\n\nPosition: Dev\n\n> 04.2019 - 11.2019\nICIE, Moscow\n";
        assert_eq!(
            headers(text),
            [
                vec!["Since 12.2019", "Alpari, Moscow"],
                vec!["04.2019 - 11.2019", "ICIE, Moscow"]
            ]
        );
    }

    #[test]
    fn word_counts_match_split_whitespace() {
        for text in [
            "",
            "   ",
            "one",
            " two  words ",
            "a\tb\nc\x0Bd\x0Ce\rf g",
            "x\x1Cy\x1Fz",
            "Engineer at ACME (2019 - 2021), Berlin",
            "non\u{a0}breaking\u{2003}spaces — ünïcode",
            "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20",
        ] {
            for cap in [0, 1, 2, 4, 15, 31] {
                assert_eq!(
                    count_words(text, cap),
                    text.split_whitespace().take(cap).count(),
                    "{text:?} {cap}"
                );
            }
        }
    }

    #[test]
    fn undated_sections() {
        let text =
            "- **Agones** github.com/x\n\n  Contributed.\n\n- **NFTrace** y\n\n  A platform.";
        assert_eq!(headers(text).len(), 2);
        let text = "Wizeline\n\nmongodb.com\n\nIBM";
        assert_eq!(headers(text).len(), 3);
    }
}
