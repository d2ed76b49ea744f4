//! Reading a page laid out in two columns, as `pdftotext -layout` and copy-and-paste
//! from a two-column PDF give it: a sidebar (contact, skills, languages) beside the
//! main column (profile, experience, education), row by row on the same lines:
//!
//! ```text
//! CONTACT                   PROFILE
//! +44 7911 123456           UX researcher with seven years of mixed-methods research
//! amelia.wright@proton.me   for fintech and healthcare products.
//! ```
//!
//! When many lines have text starting at the same column after a gap, and both sides
//! of that column hold section headings, the two columns are independent: they are
//! read one after the other (the one that starts higher on the page first), each row's
//! empty cell becoming a blank line. A table of labels and values (`Name      Anna`,
//! `04/2020 – heute   Entwicklerin`) has no headings in its right column and is left
//! alone: its rows belong together.

use super::normalize::has_gap;
use super::vocab;

/// One source line, possibly one column of it: its index in the source, its text.
pub(crate) type Cell = (usize, String);

/// The lines of `raw` (tabs already expanded) read column by column, or `None` when
/// the page is not laid out in two independent columns.
pub(crate) fn unweave(raw: &[&str]) -> Option<Vec<Cell>> {
    // Cheap test first: a sidebar layout has many wide gaps (six are enough).
    let gappy = raw.iter().filter(|l| has_gap(l, 3)).take(6).count();
    if gappy < 6 {
        return None;
    }
    let column = column(raw)?;
    // The cells are borrowed until the page is known to be read column by column.
    let cells: Vec<(&str, &str)> = raw
        .iter()
        .map(|line| {
            let (l, r) = cut(line, column);
            (l.trim_end(), r.trim_end())
        })
        .collect();
    let filled = |cell: &&str| !cell.trim().is_empty();
    // Both sides need a heading, and three between them. The right side is counted
    // first: it is mostly empty, and without a heading there the left is not read.
    let right_headings = cells
        .iter()
        .map(|(_, r)| r)
        .filter(|r| filled(r) && is_heading(r))
        .count();
    if right_headings == 0 {
        return None;
    }
    let needed = 3usize.saturating_sub(right_headings).max(1);
    let left_headings = cells
        .iter()
        .map(|(l, _)| l)
        .filter(|l| filled(l) && is_heading(l))
        .take(needed)
        .count();
    if left_headings < needed {
        return None;
    }
    let left_first = cells.iter().position(|(l, _)| filled(l));
    let right_first = cells.iter().position(|(_, r)| filled(r));
    let side = |right: bool| {
        cells
            .iter()
            .enumerate()
            .map(move |(i, (l, r))| (i, if right { r } else { l }.to_string()))
    };
    let mut out: Vec<Cell> = Vec::with_capacity(2 * cells.len());
    if right_first < left_first {
        out.extend(side(true));
        out.extend(side(false));
    } else {
        out.extend(side(false));
        out.extend(side(true));
    }
    Some(out)
}

/// Whether a cell is a section heading: a known section name, alone.
fn is_heading(cell: &str) -> bool {
    let t = cell.trim();
    t.split_whitespace().count() <= 4 && vocab::section_kind_exact(t).is_some()
}

/// The column where the right-hand text starts on many lines, if there is one.
fn column(raw: &[&str]) -> Option<usize> {
    let mut counts: Vec<usize> = Vec::new();
    let mut content = 0;
    for line in raw {
        if line.trim().is_empty() {
            continue;
        }
        content += 1;
        // Text is counted only after two spaces in a row (a gap, or a deep indent).
        if !has_gap(line, 2) {
            continue;
        }
        let mut spaces = 0;
        let mut seen_text = false;
        // By bytes, counting characters: `pos` is the position of the character.
        let mut pos = 0;
        for &b in line.as_bytes() {
            if (0x80..0xC0).contains(&b) {
                continue; // inside a character
            }
            if b == b' ' {
                spaces += 1;
                pos += 1;
                continue;
            }
            // Text after a gap of two or more spaces, or after a deep indent.
            if pos >= 8 && ((seen_text && spaces >= 2) || (!seen_text && spaces == pos)) {
                if counts.len() <= pos {
                    counts.resize(pos + 1, 0);
                }
                counts[pos] += 1;
            }
            seen_text = true;
            spaces = 0;
            pos += 1;
        }
    }
    let (best, n) = counts
        .iter()
        .enumerate()
        .max_by_key(|(pos, n)| (**n, std::cmp::Reverse(*pos)))?;
    (*n >= 6 && *n * 10 >= content * 3).then_some(best)
}

/// The line cut at `column` (a character position): what lies left and right of it.
/// A line that runs across the column without a gap stays whole on its side.
fn cut(line: &str, column: usize) -> (&str, &str) {
    // A line has no more characters than bytes; in ASCII, characters are bytes.
    let byte = if line.len() <= column {
        None
    } else if line.is_ascii() {
        Some(column)
    } else {
        line.char_indices().nth(column).map(|(i, _)| i)
    };
    let Some(byte) = byte else {
        return (line, "");
    };
    let (l, r) = line.split_at(byte);
    let gap_before = l.is_empty() || l.ends_with("  ") || l.trim().is_empty();
    if r.starts_with(' ') || gap_before {
        return (l, r);
    }
    // Text that starts a character or two early is still the right column's.
    let indent = l.len() - l.trim_start().len();
    if indent + 2 >= column && l.trim().chars().count() <= 2 {
        ("", line)
    } else {
        (line, "")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_counts_characters_not_bytes() {
        // The plain reading: the byte offset of character `column`.
        let at = |line: &str, column: usize| line.char_indices().nth(column).map(|(i, _)| i);
        for line in [
            "",
            "short",
            "Jürgen Müller            PROFIL",
            "Straße 1                 Entwickler",
            "東京都                    ENGINEER",
            "e\u{301}  combining      RIGHT",
            "ascii only line          RIGHT SIDE",
        ] {
            for column in [0, 3, 8, 20, 25, 26, 40] {
                let (l, r) = cut(line, column);
                assert_eq!(format!("{l}{r}"), line);
                if let Some(byte) = at(line, column)
                    && !r.is_empty()
                    && !l.is_empty()
                {
                    assert_eq!(l.len(), byte, "{line:?} at {column}");
                }
            }
        }
    }

    #[test]
    fn sidebar_and_main_column() {
        let raw = [
            "                          JANE ROE",
            "                          Designer",
            "CONTACT                   PROFILE",
            "                          I design things.",
            "+44 7911 123456           Many things.",
            "jane@example.com",
            "                          EXPERIENCE",
            "SKILLS                    Designer",
            "Figma                     ACME | London",
            "Sketch                    2020 – 2022",
            "LANGUAGES",
            "English – native          EDUCATION",
            "German – basic            BA Design",
        ];
        let cells = unweave(&raw).expect("two columns");
        let texts: Vec<&str> = cells
            .iter()
            .map(|(_, t)| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(
            texts,
            [
                "JANE ROE",
                "Designer",
                "PROFILE",
                "I design things.",
                "Many things.",
                "EXPERIENCE",
                "Designer",
                "ACME | London",
                "2020 – 2022",
                "EDUCATION",
                "BA Design",
                "CONTACT",
                "+44 7911 123456",
                "jane@example.com",
                "SKILLS",
                "Figma",
                "Sketch",
                "LANGUAGES",
                "English – native",
                "German – basic",
            ]
        );
    }

    #[test]
    fn a_table_of_labels_stays_in_rows() {
        let raw = [
            "Name                  Anna Schmidt",
            "Telefon               0931 4455667",
            "E-Mail                anna@example.de",
            "Berufserfahrung",
            "04/2020 – heute       Entwicklerin",
            "                      Bosch, Lohr",
            "10/2016 – 03/2020     Mitarbeiterin",
            "                      Uni Würzburg",
            "Sprachen              Deutsch, Englisch",
        ];
        // The label column is found, but its right side holds no headings.
        assert_eq!(column(&raw), Some(22));
        assert_eq!(unweave(&raw), None);
    }
}
