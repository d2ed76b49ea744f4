//! Stage 1: from raw text to clean lines that remember their source line and style.
//!
//! Markdown (headings, emphasis, links, bullets, quotes, setext underlines, front
//! matter, code fences), HTML remnants (`<br>`, `<li>`, `<b>`, `<a href>`, comments,
//! entities) and the artefacts of text pulled from PDFs (letter-spaced words such as
//! `S o f t w a r e`, columns separated by wide gaps, dotted leaders, a sidebar of
//! labels interleaved with the main column) are turned into plain lines. What styling
//! says about structure (a heading, a bold line, a bullet) is kept as flags.

use std::borrow::Cow;

use super::sidebar;

mod html;
mod inline;
mod tidy;

use self::html::*;
pub(crate) use self::inline::*;
use self::tidy::*;

/// A link found in a line: its visible text and its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    pub text: String,
    pub url: String,
    /// An image (`![alt](src)`, `<img>`), not a link.
    pub image: bool,
    /// A status badge (shields.io and the like): decoration, not content.
    pub badge: bool,
}

/// One clean line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Line {
    /// 1-based line number in the source.
    pub no: usize,
    /// The text without markup, single-spaced; wide gaps between columns become ` | `.
    pub text: String,
    /// Markdown heading level (ATX `#`, setext `=` is 1 and `-` is 2, `<hN>`).
    pub heading: Option<u8>,
    /// Underlined with a plain-text rule (`.....`, `___`), or followed by trailing dashes.
    pub underlined: bool,
    /// The whole line is bold.
    pub bold: bool,
    /// The line is a list item.
    pub bullet: bool,
    /// Leading spaces in the source (a tab counts 4).
    pub indent: usize,
    /// The line is a block quote.
    pub quote: bool,
    /// A horizontal rule or an underline: no content.
    pub rule: bool,
    /// Links in the line, in order.
    pub links: Vec<Link>,
    /// Byte ranges of `text` that were bold or letter-spaced: labels and titles.
    pub marks: Vec<(usize, usize)>,
    /// Set by front matter: the key the value came with (`name`, `title`, …).
    pub key: Option<String>,
    /// How the line looks as a heading, if it does (computed once, at the end).
    pub style: Option<super::sections::Style>,
    /// Byte offset in `text` of the first ` | ` that stands for a wide gap between
    /// columns (`Name        Anna Schmidt`).
    pub gap: Option<usize>,
    /// The separator row of a Markdown table (`|---|---|`).
    pub table_rule: bool,
    /// The header row of a Markdown table: column names, not content.
    pub table_head: bool,
    /// A row of a Markdown table.
    pub table_row: bool,
    /// A numbered list item (`1.`, `02)`).
    pub ordinal: bool,
    /// The section a line that looks like a heading names (computed once, at the end).
    pub named: Option<super::vocab::SectionKind>,
    /// The date range that lets the line head an entry (see [`super::entries::date_line`]):
    /// worked out once, at the end, or on first use for a very long line.
    pub date: std::sync::OnceLock<Option<super::dates::DateSpan>>,
}

impl Line {
    /// Whether the line has no content.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Cleans `source` into lines. Never fails; every source line yields at least one line.
pub(crate) fn normalize(source: &str) -> Vec<Line> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let raw: Vec<&str> = source
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let front_matter_end = front_matter_end(&raw);
    // A page of two independent columns is read one column after the other.
    let woven = (front_matter_end.is_none()
        && raw.iter().filter(|l| has_gap(l, 3)).take(6).count() >= 6)
        .then(|| {
            let expanded: Vec<Cow<'_, str>> = raw
                .iter()
                .map(|l| {
                    if l.contains('\t') {
                        Cow::Owned(l.replace('\t', "    "))
                    } else {
                        Cow::Borrowed(*l)
                    }
                })
                .collect();
            let refs: Vec<&str> = expanded.iter().map(AsRef::as_ref).collect();
            super::columns::unweave(&refs)
        })
        .flatten();
    let order: Vec<(usize, &str)> = match &woven {
        Some(cells) => cells.iter().map(|(i, t)| (*i, t.as_str())).collect(),
        None => raw.iter().copied().enumerate().collect(),
    };
    // The only state that crosses lines is being inside an HTML comment. It is worked
    // out first (few CVs have comments), so that every line can then be read on its own.
    let comment_at = order
        .iter()
        .any(|(_, t)| t.contains("<!--"))
        .then(|| comment_states(&order, front_matter_end));
    let numbered: Vec<(usize, (usize, &str))> = order.into_iter().enumerate().collect();
    let mut lines = super::par::runs(&numbered, LINES_PER_THREAD, |run, lines| {
        for &(k, (i, raw_line)) in run {
            let in_comment = comment_at.as_ref().is_some_and(|c| c[k]);
            read_line(i, raw_line, front_matter_end, in_comment, lines);
        }
    });
    mark_underlines(&mut lines);
    mark_table_heads(&mut lines);
    let mut lines = sidebar::split_interleaved(lines);
    super::par::for_each_mut(&mut lines, LINES_PER_THREAD, |line| {
        line.style = super::sections::style_of(line);
        if line.style.is_some() {
            line.named = super::vocab::section_kind(&line.text);
        }
        // After the style: a heading's date reads differently from a sentence's. A very
        // long line (a whole CV on one line) is read only if a stage asks.
        if line.text.len() <= LONG_LINE {
            line.date = super::entries::find_date_line(line).into();
        }
    });
    lines
}

/// Below twice this many lines, normalising stays on one thread (see [`super::par`]).
const LINES_PER_THREAD: usize = 2_000;

/// Lines longer than this (bytes) have their date span worked out on first use only.
const LONG_LINE: usize = 4_096;

/// Whether each line of `order` starts inside an HTML comment (`<!-- … -->` may span
/// lines), as [`read_line`] sees it.
fn comment_states(order: &[(usize, &str)], front_matter_end: Option<usize>) -> Vec<bool> {
    let mut in_comment = false;
    order
        .iter()
        .map(|&(i, raw_line)| {
            let at_start = in_comment;
            let in_front_matter = front_matter_end.is_some_and(|end| i <= end);
            let text = untabbed(raw_line);
            let trimmed = text.trim_start();
            let fence = trimmed.starts_with("```") || trimmed.starts_with("~~~");
            if !in_front_matter && !fence && (in_comment || text.contains('<')) {
                let _ = strip_comments(&text, &mut in_comment);
            }
            at_start
        })
        .collect()
}

/// A source line without carriage returns, tabs as four spaces. Most lines have
/// neither: they are read where they lie, not copied.
fn untabbed(raw_line: &str) -> Cow<'_, str> {
    if raw_line.bytes().any(|b| b == b'\r' || b == b'\t') {
        Cow::Owned(raw_line.replace('\r', "").replace('\t', "    "))
    } else {
        Cow::Borrowed(raw_line)
    }
}

/// Reads source line `i` (0-based) into one line or more, pushed onto `lines`;
/// `in_comment` says whether it starts inside an HTML comment.
fn read_line(
    i: usize,
    raw_line: &str,
    front_matter_end: Option<usize>,
    mut in_comment: bool,
    lines: &mut Vec<Line>,
) {
    let no = i + 1;
    let text = untabbed(raw_line);
    if let Some(end) = front_matter_end
        && i <= end
    {
        lines.push(front_matter_line(no, &text, i == 0 || i == end));
        return;
    }
    let trimmed = text.trim_start();
    if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
        lines.push(Line {
            no,
            rule: true,
            ..Line::default()
        });
        return;
    }
    // Comments and tags both start with `<`: most lines have none.
    let has_lt = text.contains('<');
    let without_comments = if has_lt || in_comment {
        strip_comments(&text, &mut in_comment)
    } else {
        Cow::Borrowed(text.as_ref())
    };
    let before = lines.len();
    if has_lt && without_comments.contains('<') {
        for seg in split_html_blocks(&without_comments) {
            if let Some(line) = parse_line(no, &seg) {
                push_split(line, lines);
            }
        }
    } else if let Some(line) = parse_line(no, &without_comments) {
        push_split(line, lines);
    }
    if lines.len() == before {
        lines.push(Line {
            no,
            ..Line::default()
        });
    }
}

/// Whether `text` holds `n` spaces in a row. A byte scan: `str::contains` with a
/// string needle sets up a searcher first, which costs more than a short line.
pub(super) fn has_gap(text: &str, n: usize) -> bool {
    let mut run = 0;
    for b in text.bytes() {
        if b == b' ' {
            run += 1;
            if run == n {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// Whether the character at byte offset `i` of `text` is whitespace (`char::is_whitespace`),
/// for loops over bytes; `None` inside a character. Only a non-ASCII character is decoded.
#[inline]
pub(crate) fn whitespace_at(text: &str, i: usize) -> Option<bool> {
    let b = text.as_bytes()[i];
    match b {
        b'!'..=0x7F => Some(false),
        0x80..=0xBF => None,
        0xC0.. => Some(text[i..].starts_with(char::is_whitespace)),
        _ => Some(b == b' ' || (b'\t'..=b'\r').contains(&b)),
    }
}

/// Pushes a line, cut in two when a column gap follows a section heading:
/// `WORK EXPERIENCE      Quality Engineer`, `Kenntnisse    EDV: …`.
fn push_split(mut line: Line, lines: &mut Vec<Line>) {
    if let Some(gap) = line.gap
        && line.heading.is_none()
        && !line.bullet
    {
        let head = line.text[..gap].trim();
        let rest = line.text[gap..].trim_start_matches([' ', '|']);
        if super::vocab::section_kind_exact(head).is_some()
            && head.split_whitespace().count() <= 4
            && !rest.is_empty()
        {
            let rest_line = Line {
                text: rest.to_owned(),
                indent: line.indent + gap + 3,
                marks: Vec::new(),
                gap: None,
                bold: false,
                ..line.clone()
            };
            line.text
                .truncate(head.len() + (line.text.len() - line.text.trim_start().len()));
            line.text = line.text.trim().to_owned();
            line.marks.retain(|(_, e)| *e <= line.text.len());
            line.links.clear();
            line.gap = None;
            lines.push(line);
            lines.push(rest_line);
            return;
        }
    }
    lines.push(line);
}

/// A Markdown table's header row (the row above `|---|---|`) labels the columns.
fn mark_table_heads(lines: &mut [Line]) {
    for i in 1..lines.len() {
        if lines[i].table_rule && !lines[i - 1].is_blank() {
            lines[i - 1].table_head = true;
        }
    }
}

/// The index of the closing `---` of YAML front matter at the top, if any.
fn front_matter_end(raw: &[&str]) -> Option<usize> {
    if raw.first().map(|l| l.trim()) != Some("---") {
        return None;
    }
    raw.iter()
        .enumerate()
        .skip(1)
        .take(80)
        .find(|(_, l)| l.trim() == "---")
        .map(|(i, _)| i)
}

/// A line of YAML front matter: `key: value` gives a line with the value.
fn front_matter_line(no: usize, text: &str, fence: bool) -> Line {
    let t = text.trim().trim_start_matches("- ").trim();
    if fence || t.is_empty() {
        return Line {
            no,
            rule: fence,
            ..Line::default()
        };
    }
    let (key, value) = match t.split_once(':') {
        Some((k, v))
            if !k.is_empty()
                && !k.contains(' ')
                && k.chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-') =>
        {
            (Some(k.to_ascii_lowercase()), v.trim())
        }
        _ => (None, t),
    };
    let value = value.trim_matches(|c| c == '"' || c == '\'');
    if matches!(value, "" | "|" | ">" | "|-" | ">-" | "true" | "false") {
        return Line {
            no,
            ..Line::default()
        };
    }
    let mut line = parse_line(no, &split_html_blocks(value).join(" ")).unwrap_or(Line {
        no,
        ..Line::default()
    });
    line.heading = None;
    line.bullet = false;
    line.key = key;
    line
}

/// Parses one line (or one HTML segment of a line). `None` for an empty segment that
/// is not the only one of its source line.
fn parse_line(no: usize, raw: &str) -> Option<Line> {
    let indent = raw.len() - raw.trim_start_matches(' ').len();
    let mut t = raw.trim();
    let mut line = Line {
        no,
        indent,
        ..Line::default()
    };
    while let Some(rest) = t.strip_prefix('>') {
        line.quote = true;
        t = rest.trim_start();
    }
    // Markdown tables: `|---|:--:|` is markup, `| a | b |` a row of cells.
    if t.starts_with('|') {
        if t.len() >= 3 && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
            line.rule = true;
            line.table_rule = true;
            return Some(line);
        }
        t = t.trim_matches('|').trim();
        line.table_row = true;
    }
    // Rules and underlines: a line of one repeated character.
    if let Some(c) = rule_char(t) {
        line.rule = true;
        line.text.clear();
        line.heading = match c {
            '=' => Some(1),
            '-' => Some(2),
            _ => Some(3),
        };
        return Some(line);
    }
    // ATX heading.
    let hashes = t.chars().take_while(|c| *c == '#').count();
    if (1..=6).contains(&hashes) && (t.len() == hashes || t[hashes..].starts_with(' ')) {
        line.heading = Some(hashes as u8);
        t = t[hashes..].trim().trim_end_matches('#').trim_end();
    }
    // Bullets.
    loop {
        if let Some(rest) = strip_bullet(t) {
            line.bullet = true;
            line.ordinal |= t.starts_with(|c: char| c.is_ascii_digit());
            t = rest;
            if line.heading.is_some() {
                break;
            }
            continue;
        }
        break;
    }
    let (text, links, marks) = inline(t);
    let (text, marks, underlined, gap) = tidy(text, marks);
    line.text = text;
    line.gap = gap;
    line.links = links;
    line.underlined = underlined;
    line.bold = !line.text.is_empty() && covered_by(&line.text, &marks);
    line.marks = marks;
    Some(line)
}

/// Whether the marks cover every letter and digit of the text.
fn covered_by(text: &str, marks: &[(usize, usize)]) -> bool {
    if marks.is_empty() {
        return false;
    }
    text.char_indices()
        .filter(|(_, c)| c.is_alphanumeric())
        .all(|(i, _)| marks.iter().any(|(s, e)| (*s..*e).contains(&i)))
}

/// The character a rule line repeats (`---`, `===`, `....`, `___`, `***`, `- - -`).
fn rule_char(t: &str) -> Option<char> {
    let mut chars = t.chars().filter(|c| !c.is_whitespace());
    let first = chars.next()?;
    if !matches!(
        first,
        '-' | '=' | '_' | '*' | '.' | '~' | '─' | '━' | '═' | '•' | '·'
    ) {
        return None;
    }
    let count = 1 + chars.clone().count();
    if !chars.all(|c| c == first) {
        return None;
    }
    // A single `-` or `=` is a setext underline; other characters need three.
    (count >= 3 || matches!(first, '-' | '=')).then_some(first)
}

/// The rest of the line after a list marker, if it starts with one.
fn strip_bullet(t: &str) -> Option<&str> {
    // Every marker starts with one of these: most lines are turned away at once.
    if !t.starts_with(|c: char| matches!(c, '-' | '*' | '+' | 'o' | '0'..='9') || !c.is_ascii()) {
        return None;
    }
    for marker in [
        "- ",
        "* ",
        "+ ",
        "• ",
        "· ",
        "◦ ",
        "▪ ",
        "‣ ",
        "● ",
        "■ ",
        "– ",
        "\u{f0b7} ",
        "o ",
    ] {
        if let Some(rest) = t.strip_prefix(marker) {
            if marker == "o " && !rest.starts_with(char::is_uppercase) {
                continue;
            }
            return Some(rest.trim_start());
        }
    }
    for marker in ['•', '·', '▪', '●', '■', '\u{f0b7}'] {
        if let Some(rest) = t.strip_prefix(marker) {
            return Some(rest.trim_start());
        }
    }
    // `1.` `2)` `01.`: ordered lists (not `2019.` or `3.5`).
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(r.trim_start());
        }
    }
    None
}

/// Setext headings and plain underlines: a rule right under a short text line makes it
/// a heading (the rule itself stays, as a rule).
fn mark_underlines(lines: &mut [Line]) {
    for i in 1..lines.len() {
        if !lines[i].rule {
            continue;
        }
        let Some(level) = lines[i].heading else {
            continue;
        };
        let prev = &lines[i - 1];
        let words = prev.text.split_whitespace().count();
        if prev.rule || prev.is_blank() || prev.bullet || prev.heading.is_some() || words > 10 {
            continue;
        }
        let prev = &mut lines[i - 1];
        if level == 3 {
            prev.underlined = true;
        } else {
            prev.heading = Some(level);
        }
    }
    for line in lines.iter_mut() {
        if line.rule {
            line.heading = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Line {
        normalize(text).remove(0)
    }

    #[test]
    fn markdown_inline() {
        let l = one(
            "### *Business Analyst*, [CBS Corporation](https://www.cbscorporation.com) (2017-04 — 2018-06)",
        );
        assert_eq!(l.heading, Some(3));
        assert_eq!(
            l.text,
            "Business Analyst, CBS Corporation (https://www.cbscorporation.com) (2017-04 — 2018-06)"
        );
        assert_eq!(l.links[0].url, "https://www.cbscorporation.com");
        let l = one("**I did** functional and technical specification");
        assert_eq!(l.text, "I did functional and technical specification");
        assert_eq!(l.marks, vec![(0, 5)]);
        assert!(!l.bold);
        let l = one("#### **Education**");
        assert!(l.bold);
        assert_eq!(l.text, "Education");
        let l = one("  - Backend Development: Python *nix Command Line snake_case_name");
        assert!(l.bullet);
        assert_eq!(
            l.text,
            "Backend Development: Python *nix Command Line snake_case_name"
        );
        assert_eq!(
            one("Mastered Django&#39;s ORM &amp; more").text,
            "Mastered Django's ORM & more"
        );
    }

    #[test]
    fn pdf_artefacts() {
        let l = one("S o f t w a r e API development, FastAPI");
        assert_eq!(l.text, "Software API development, FastAPI");
        assert_eq!(l.marks, vec![(0, 8)]);
        let l =
            one("2018-        Salsify ------------------------------------------------- Boston MA");
        assert_eq!(l.text, "2018- | Salsify — Boston MA");
        let l = one("SKILLS -------------------------------------------");
        assert!(l.underlined);
        assert_eq!(l.text, "SKILLS");
    }

    #[test]
    fn headings_from_underlines_and_html() {
        let lines =
            normalize("James Washington\n============\nEmail: a@b.c\n\nCONTACT\n.........\n");
        assert_eq!(lines[0].heading, Some(1));
        assert!(lines[1].rule);
        assert!(lines[4].underlined);
        let lines = normalize(
            "<ul> <li> <b> Highschool Diploma: </b> </li>\n<p style=\"x\"> <i> School, <br> Smouha (2019-2021) </i> </p>",
        );
        let texts: Vec<&str> = lines
            .iter()
            .map(|l| l.text.as_str())
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(
            texts,
            ["Highschool Diploma:", "School,", "Smouha (2019-2021)"]
        );
        assert!(lines.iter().any(|l| l.bullet && l.bold));
        let lines = normalize("<!-- note\nmore -->\n# Kaya <kaya@mail.com>");
        assert_eq!(lines[2].text, "Kaya kaya@mail.com");
    }

    #[test]
    fn front_matter() {
        let lines = normalize(
            "---\nname: Houssam\nheader:\n  - text: (+212) 644\n    newLine: true\n---\n## Summary",
        );
        assert_eq!(lines[1].text, "Houssam");
        assert_eq!(lines[1].key.as_deref(), Some("name"));
        assert!(lines[2].is_blank());
        assert_eq!(lines[3].text, "(+212) 644");
        assert!(lines[4].is_blank());
        assert_eq!(lines[6].heading, Some(2));
    }
}
