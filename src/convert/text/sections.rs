//! Stage 2: cutting the lines into sections at their headings.
//!
//! A heading is a Markdown heading (ATX or setext), an underlined line, a bold line,
//! an ALL-CAPS line or a short `Heading:` line. It opens a section when its words name
//! one ([`vocab::section_kind`]: `Experience`, `Berufserfahrung`, `Werkervaring`,
//! `Expérience`, …). When every named section uses the same style (say ALL-CAPS with a
//! dotted underline), other headings of that style open sections too, of kind
//! [`SectionKind::Other`]. Everything above the first section is the header.

use super::normalize::Line;
use super::vocab::{self, SectionKind};

/// How a heading is set, from most to least prominent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// `#` … `######`, setext (1 or 2), `<hN>`.
    Atx(u8),
    /// A line with a plain-text underline (`.....`, `___`) or trailing dashes.
    Underlined,
    /// ALL-CAPS words.
    Caps,
    /// A line that is bold as a whole.
    Bold,
    /// A short line ending with a colon.
    Colon,
    /// A plain short line that is exactly a section name (`Experience`).
    Plain,
}

impl Style {
    /// Lower ranks are more prominent.
    pub fn rank(self) -> u8 {
        match self {
            Style::Atx(n) => n,
            Style::Underlined | Style::Caps => 2,
            Style::Bold => 7,
            Style::Colon => 8,
            Style::Plain => 9,
        }
    }
}

/// The heading style of a line, if it looks like a heading.
pub(crate) fn heading_style(line: &Line) -> Option<Style> {
    line.style
}

/// Works out [`heading_style`]; [`super::normalize::normalize`] stores the result.
pub(crate) fn style_of(line: &Line) -> Option<Style> {
    if line.rule || line.is_blank() {
        return None;
    }
    if let Some(level) = line.heading {
        return Some(Style::Atx(level));
    }
    if line.bullet {
        return None;
    }
    // Every test below asks for at most ten words. Words are counted only as far as a
    // test needs, after its cheaper conditions: most lines are turned away unread.
    let at_most = |n: usize| count_words(&line.text, n + 1) <= n;
    if line.underlined && at_most(10) {
        return Some(Style::Underlined);
    }
    if line.bold && at_most(8) {
        return Some(Style::Bold);
    }
    let (mut letters, mut upper) = (0, true);
    for c in line.text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if !c.is_uppercase() {
            upper = false;
            break;
        }
    }
    if upper
        && at_most(6)
        && !line.text.contains('@')
        && (letters >= 5 || letters >= 2 && vocab::section_kind(&line.text).is_some())
    {
        return Some(Style::Caps);
    }
    let t = line.text.trim();
    if t.ends_with(':') && at_most(4) {
        return Some(Style::Colon);
    }
    if !line.quote
        && t.starts_with(char::is_uppercase)
        && at_most(3)
        && t.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '&' | '\'' | '’' | '/'))
        && vocab::section_kind_exact(t).is_some()
    {
        return Some(Style::Plain);
    }
    None
}

/// The number of words in `text`, counted up to `max`: `split_whitespace().take(max)
/// .count()` in one plain loop, as it is asked of every line.
fn count_words(text: &str, max: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for i in 0..text.len() {
        let Some(space) = super::normalize::whitespace_at(text, i) else {
            continue; // inside a character
        };
        if space {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            if words == max {
                break;
            }
        }
    }
    words
}

/// A run of lines under one heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Section {
    pub kind: SectionKind,
    /// Index of the heading line; `None` for the header above the first heading.
    pub heading: Option<usize>,
    /// Style of the heading.
    pub style: Option<Style>,
    /// Indices of the lines under the heading.
    pub body: std::ops::Range<usize>,
    /// The heading holds the first items too: `Skills: SQL, Python`.
    pub inline: bool,
}

/// Cuts `lines` into sections. The first section is always the header (kind
/// `Contact`, no heading), possibly empty.
pub(crate) fn split(lines: &[Line]) -> Vec<Section> {
    let styled: Vec<(usize, Style, Option<SectionKind>)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let style = heading_style(l)?;
            let kind = l.named;
            // A `Heading:` line only counts when it names a section.
            if matches!(style, Style::Colon | Style::Plain) && kind.is_none() {
                return None;
            }
            Some((i, style, kind))
        })
        .collect();
    let named: Vec<Style> = styled
        .iter()
        .filter(|(_, _, k)| k.is_some())
        .map(|(_, s, _)| *s)
        .collect();
    // The style most named headings share (all of two, three in four of more).
    // Counted per distinct style (a handful), not per pair of headings: a long CV has
    // thousands. A tie goes to the style named last, as `max_by_key` over the headings
    // would have it.
    let mut counts: Vec<(Style, usize, usize)> = Vec::new(); // (style, count, last seen)
    for (at, s) in named.iter().enumerate() {
        match counts.iter_mut().find(|(t, _, _)| t == s) {
            Some(c) => {
                c.1 += 1;
                c.2 = at;
            }
            None => counts.push((*s, 1, at)),
        }
    }
    let dominant = counts
        .iter()
        .max_by_key(|(_, n, last)| (*n, *last))
        .map(|(s, n, _)| (*n, *s))
        .filter(|(n, _)| *n >= 2 && (*n == named.len() || *n * 4 >= named.len() * 3 && *n >= 3))
        .map(|(_, s)| s);
    let first_named = styled
        .iter()
        .find(|(_, _, k)| k.is_some())
        .map(|(i, _, _)| *i);

    let mut sections = vec![Section {
        kind: SectionKind::Contact,
        heading: None,
        style: None,
        body: 0..lines.len(),
        inline: false,
    }];
    let inline = inline_headings(lines, &styled);
    let mut is_inline_at = vec![false; lines.len()];
    for &(j, _) in &inline {
        is_inline_at[j] = true;
    }
    let mut styled = styled;
    styled.extend(inline.iter().map(|&(i, k)| (i, Style::Colon, Some(k))));
    styled.sort_by_key(|(i, _, _)| *i);
    for &(i, style, kind) in &styled {
        let current = sections.last().expect("a section");
        let is_inline = is_inline_at[i];
        let kind = match kind {
            Some(k) => {
                // A sub-heading inside a section of its kind (`### Journal Articles`
                // under `## Publications`), or naming a kind of skill inside the
                // skills (`### Programming languages` under `## Skills`).
                let nested = current.heading.is_some()
                    && (current.kind == k
                        || current.kind == SectionKind::Skills
                            && matches!(k, SectionKind::Skills | SectionKind::Languages))
                    && current.style.is_some_and(|s| s.rank() < style.rank());
                if nested {
                    continue;
                }
                if is_inline && !inline_allowed(current.kind) {
                    continue;
                }
                k
            }
            None => {
                let custom = Some(style) == dominant
                    && first_named.is_some_and(|f| i > f)
                    && super::dates::find(&lines[i].text).is_none();
                if !custom {
                    continue;
                }
                SectionKind::Other
            }
        };
        if let Some(last) = sections.last_mut() {
            last.body.end = i;
        }
        sections.push(Section {
            kind,
            heading: Some(i),
            style: Some(style),
            body: i + 1..lines.len(),
            inline: is_inline,
        });
    }
    sections
}

/// Lines that open a list section with its items on the same line, after the entries
/// of another section: `Skills: SQL, Python, R` below the last degree. Only where no
/// dated entry follows (`Technologies: Go, Kafka` under a job is part of the job).
fn inline_headings(
    lines: &[Line],
    styled: &[(usize, Style, Option<SectionKind>)],
) -> Vec<(usize, SectionKind)> {
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.bullet || line.indent > 1 || line.style.is_some() || line.quote {
            continue;
        }
        let Some((key, rest)) = line.text.split_once(':') else {
            continue;
        };
        if rest.trim().is_empty() || key.split_whitespace().count() > 3 {
            continue;
        }
        let kind = match vocab::section_kind_exact(key) {
            Some(k @ (SectionKind::Skills | SectionKind::Languages | SectionKind::Interests)) => k,
            _ => continue,
        };
        // Words that also head a job's own list.
        if matches!(
            crate::locale::fold(key.trim()).as_str(),
            "technologies" | "tools" | "tech stack" | "technical experience" | "expertise"
        ) {
            continue;
        }
        // No dated entry below it before the next heading.
        // `styled` is in line order.
        let next_heading = styled
            .get(styled.partition_point(|(j, _, _)| *j <= i))
            .map_or(lines.len(), |(j, _, _)| *j);
        let dated = lines[i + 1..next_heading]
            .iter()
            .any(|l| super::entries::date_line(l).is_some());
        if !dated {
            found.push((i, kind));
        }
    }
    found
}

/// Whether an inline list heading may end a section of this kind (not the header,
/// where `Languages: …` is a line of contact details, and not the skills, where
/// `Languages: Go, Rust` is a category).
fn inline_allowed(kind: SectionKind) -> bool {
    !matches!(
        kind,
        SectionKind::Contact | SectionKind::Skills | SectionKind::Summary
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::text::normalize::normalize;

    fn kinds(text: &str) -> Vec<(SectionKind, String)> {
        let lines = normalize(text);
        split(&lines)
            .iter()
            .map(|s| {
                (
                    s.kind,
                    s.heading.map(|h| lines[h].text.clone()).unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn markdown_and_plain_headings() {
        let text = "# Jane Doe\n\n## Berufserfahrung\n### Entwicklerin | ACME | 2019 - heute\n## Model Architecture\n\nSPRACHEN\n\nDeutsch\n\n**Education**\nx\nSkills:\n- Rust";
        let got = kinds(text);
        let names: Vec<SectionKind> = got.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            names,
            [
                SectionKind::Contact,
                SectionKind::Work,
                SectionKind::Languages,
                SectionKind::Education,
                SectionKind::Skills
            ]
        );
    }

    #[test]
    fn custom_sections_in_a_consistent_layout() {
        let text =
            "JANE DOE\n\nEXPERIENCE\n.....\nx\n\nPHILOSOPHY\n.....\ny\n\nEDUCATION\n.....\nz";
        let names: Vec<SectionKind> = kinds(text).iter().map(|(k, _)| *k).collect();
        assert_eq!(
            names,
            [
                SectionKind::Contact,
                SectionKind::Work,
                SectionKind::Other,
                SectionKind::Education
            ]
        );
    }

    #[test]
    fn skill_categories_stay_inside_skills() {
        let text =
            "## Skills\n### Programming languages\n- Go\n### Tools\n- Git\n## Languages\n- German";
        let names: Vec<SectionKind> = kinds(text).iter().map(|(k, _)| *k).collect();
        assert_eq!(
            names,
            [
                SectionKind::Contact,
                SectionKind::Skills,
                SectionKind::Languages
            ]
        );
    }
}
