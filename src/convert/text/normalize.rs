//! Stage 1: from raw text to clean lines that remember their source line and style.
//!
//! Markdown (headings, emphasis, links, bullets, quotes, setext underlines, front
//! matter, code fences), HTML remnants (`<br>`, `<li>`, `<b>`, `<a href>`, comments,
//! entities) and the artefacts of text pulled from PDFs (letter-spaced words such as
//! `S o f t w a r e`, columns separated by wide gaps, dotted leaders, a sidebar of
//! labels interleaved with the main column) are turned into plain lines. What styling
//! says about structure (a heading, a bold line, a bullet) is kept as flags.

use super::sidebar;

/// A link found in a line: its visible text and its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    pub text: String,
    pub url: String,
    /// An image (`![alt](src)`, `<img>`), not a link.
    pub image: bool,
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
    let mut lines = Vec::with_capacity(raw.len());
    let mut in_comment = false;
    let mut in_fence = false;
    for (i, raw_line) in raw.iter().enumerate() {
        let no = i + 1;
        let mut text = (*raw_line).to_owned();
        if text.contains(['\r', '\t']) {
            text = text.replace('\r', "").replace('\t', "    ");
        }
        if let Some(end) = front_matter_end
            && i <= end
        {
            lines.push(front_matter_line(no, &text, i == 0 || i == end));
            continue;
        }
        let trimmed = text.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            lines.push(Line {
                no,
                rule: true,
                ..Line::default()
            });
            continue;
        }
        let without_comments = strip_comments(&text, &mut in_comment);
        let segments = split_html_blocks(&without_comments);
        let before = lines.len();
        for seg in segments {
            if let Some(line) = parse_line(no, &seg) {
                lines.push(line);
            }
        }
        if lines.len() == before {
            lines.push(Line {
                no,
                ..Line::default()
            });
        }
    }
    mark_underlines(&mut lines);
    let mut lines = sidebar::split_interleaved(lines);
    for line in &mut lines {
        line.style = super::sections::style_of(line);
    }
    lines
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

/// Removes `<!-- … -->`, also across lines.
fn strip_comments(text: &str, in_comment: &mut bool) -> String {
    if !*in_comment && !text.contains("<!--") {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        if *in_comment {
            match rest.find("-->") {
                Some(i) => {
                    rest = &rest[i + 3..];
                    *in_comment = false;
                }
                None => return out,
            }
        } else {
            match rest.find("<!--") {
                Some(i) => {
                    out.push_str(&rest[..i]);
                    rest = &rest[i + 4..];
                    *in_comment = true;
                }
                None => {
                    out.push_str(rest);
                    return out;
                }
            }
        }
    }
}

/// Splits a line at HTML block tags (`<br>`, `<li>`, `<p>`, `<hN>`, `<hr>`, …) and
/// rewrites inline tags as Markdown: `<b>` → `**`, `<a href>` → `[text](url)`,
/// `<img>` → `![alt](src)`; other tags disappear. A `<li>` segment starts with `- `,
/// an `<hN>` one with `#`s, an `<hr>` one is `---`.
fn split_html_blocks(text: &str) -> Vec<String> {
    if !text.contains('<') {
        return vec![text.to_owned()];
    }
    let mut segments = vec![String::new()];
    let mut pending_href: Vec<Option<String>> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let close = after.find('>');
        let autolink = close.is_some_and(|c| {
            let inner = &after[..c];
            (inner.contains('@') || inner.contains("://")) && !inner.contains(' ')
        });
        let is_tag = !autolink && after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
        let (Some(close), true) = (close, is_tag) else {
            // `<` that opens no tag, or an autolink `<https://…>` / `<a@b.c>`.
            let end = close.map_or(rest.len(), |c| open + 1 + c + 1);
            let inner = close.map_or("", |c| &after[..c]);
            let cur = segments.last_mut().expect("one segment");
            cur.push_str(&rest[..open]);
            if close.is_some()
                && (inner.contains("://") || inner.contains('@'))
                && !inner.contains(' ')
            {
                cur.push_str(inner);
                rest = &rest[end..];
            } else {
                cur.push('<');
                rest = &rest[open + 1..];
            }
            continue;
        };
        segments
            .last_mut()
            .expect("one segment")
            .push_str(&rest[..open]);
        let tag = &after[..close];
        rest = &after[close + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        let cur = segments.last_mut().expect("one segment");
        match name.as_str() {
            "b" | "strong" => cur.push_str("**"),
            "a" if !closing => {
                let href = attribute(tag, "href");
                cur.push('[');
                pending_href.push(href);
            }
            "a" => {
                if let Some(href) = pending_href.pop() {
                    match href {
                        Some(h) => {
                            cur.push_str("](");
                            cur.push_str(&h);
                            cur.push(')');
                        }
                        None => cur.push(']'),
                    }
                }
            }
            "img" => {
                let alt = attribute(tag, "alt").unwrap_or_default();
                if let Some(src) = attribute(tag, "src") {
                    cur.push_str(&format!(" ![{alt}]({src}) "));
                } else {
                    cur.push_str(&alt);
                }
            }
            "br" | "p" | "div" | "tr" | "ul" | "ol" | "table" | "td" | "th" => {
                if name == "td" || name == "th" {
                    cur.push_str(" | ");
                } else {
                    segments.push(String::new());
                }
            }
            "li" if !closing => segments.push("- ".to_owned()),
            "li" => segments.push(String::new()),
            "hr" => {
                segments.push("---".to_owned());
                segments.push(String::new());
            }
            h if h.len() == 2 && h.starts_with('h') && h.as_bytes()[1].is_ascii_digit() => {
                if closing {
                    segments.push(String::new());
                } else {
                    let level = usize::from(h.as_bytes()[1] - b'0');
                    segments.push(format!("{} ", "#".repeat(level)));
                }
            }
            _ => cur.push(' '),
        }
    }
    segments.last_mut().expect("one segment").push_str(rest);
    // Dangling `[` of an `<a>` without `</a>`: drop the bracket.
    segments
        .into_iter()
        .filter(|s| !s.trim().is_empty() || s.is_empty())
        .collect()
}

/// The value of an attribute in the inside of an HTML tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(name).map(|p| p + from) {
        let before_ok = pos == 0 || lower.as_bytes()[pos - 1].is_ascii_whitespace();
        let rest = tag[pos + name.len()..].trim_start();
        if before_ok && let Some(rest) = rest.strip_prefix('=') {
            let rest = rest.trim_start();
            let value = if let Some(r) = rest.strip_prefix('"') {
                r.split('"').next()
            } else if let Some(r) = rest.strip_prefix('\'') {
                r.split('\'').next()
            } else {
                rest.split(|c: char| c.is_whitespace() || c == '/').next()
            };
            return value.map(decode_entities);
        }
        from = pos + name.len();
    }
    None
}

/// Parses one line (or one HTML segment of a line). `None` for an empty segment that
/// is not the only one of its source line.
fn parse_line(no: usize, raw: &str) -> Option<Line> {
    let indent = raw.chars().take_while(|c| *c == ' ').count();
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
            t = rest;
            if line.heading.is_some() {
                break;
            }
            continue;
        }
        break;
    }
    let (text, links, marks) = inline(t);
    let (text, marks, underlined) = tidy(&text, marks);
    line.text = text;
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

/// Inline Markdown: emphasis, code, links and images, escapes, entities.
/// Returns the text, its links, and the byte ranges that were strong (`**…**`).
fn inline(t: &str) -> (String, Vec<Link>, Vec<(usize, usize)>) {
    if !t.contains(['*', '_', '`', '~', '[', '!', '&', '\\']) {
        return (t.to_owned(), Vec::new(), Vec::new());
    }
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    let mut links = Vec::new();
    let mut marks = Vec::new();
    let mut strong_start: Option<usize> = None;
    let mut i = 0;
    let n = chars.len();
    while i < n {
        let c = chars[i];
        match c {
            '\\' if i + 1 < n && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '*' | '_' if i + 1 < n && chars[i + 1] == c => {
                // `**` / `__`: strong, unless inside a word for `__`.
                let inside_word = c == '_'
                    && i > 0
                    && chars[i - 1].is_alphanumeric()
                    && i + 2 < n
                    && chars[i + 2].is_alphanumeric();
                if inside_word {
                    out.push_str("__");
                } else if let Some(s) = strong_start.take() {
                    marks.push((s, out.len()));
                } else if has_closer(&chars, i + 2, c, true) {
                    strong_start = Some(out.len());
                }
                i += 2;
            }
            '*' | '_' => {
                let prev_ok = i == 0 || !chars[i - 1].is_alphanumeric();
                let next_ok = i + 1 < n && !chars[i + 1].is_whitespace();
                if prev_ok && next_ok && has_closer(&chars, i + 1, c, false) {
                    // Opening emphasis: drop it and its closer.
                    let close = find_closer(&chars, i + 1, c).unwrap_or(n);
                    let inner: String = chars[i + 1..close].iter().collect();
                    let (t2, l2, m2) = inline(&inner);
                    let base = out.len();
                    out.push_str(&t2);
                    links.extend(l2);
                    marks.extend(m2.into_iter().map(|(s, e)| (s + base, e + base)));
                    i = close + 1;
                } else if c == '*'
                    && (i == 0 || chars[i - 1].is_whitespace())
                    && i + 1 < n
                    && chars[i + 1].is_whitespace()
                {
                    i += 1; // a stray `*` between words
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            '`' => i += 1,
            '~' if i + 1 < n && chars[i + 1] == '~' => i += 2,
            '!' if i + 1 < n && chars[i + 1] == '[' => {
                if let Some((text, url, next)) = link_at(&chars, i + 1) {
                    let (t2, _, _) = inline(&text);
                    push_link_text(&mut out, &t2, &url);
                    links.push(Link {
                        text: t2,
                        url,
                        image: true,
                    });
                    i = next;
                } else {
                    out.push('!');
                    i += 1;
                }
            }
            '[' => {
                if let Some((text, url, next)) = link_at(&chars, i) {
                    let (t2, _, m2) = inline(&text);
                    let base = out.len();
                    out.push_str(&t2);
                    marks.extend(m2.into_iter().map(|(s, e)| (s + base, e + base)));
                    out.push_str(&url_suffix(&t2, &url));
                    links.push(Link {
                        text: t2,
                        url,
                        image: false,
                    });
                    i = next;
                } else {
                    out.push('[');
                    i += 1;
                }
            }
            '&' => {
                let rest: String = chars[i..n.min(i + 12)].iter().collect();
                if let Some(semi) = rest.find(';') {
                    let decoded = decode_entities(&rest[..=semi]);
                    if decoded != rest[..=semi] {
                        out.push_str(&decoded);
                        i += rest[..=semi].chars().count();
                        continue;
                    }
                }
                out.push('&');
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    if let Some(s) = strong_start
        && s < out.len()
    {
        marks.push((s, out.len()));
    }
    (out, links, marks)
}

/// Writes an image's text: its alt text, and its source when it is not the same.
fn push_link_text(out: &mut String, text: &str, url: &str) {
    out.push_str(text);
    let suffix = url_suffix(text, url);
    if !suffix.is_empty() {
        if !text.is_empty() {
            out.push(' ');
        }
        out.push_str(&suffix);
    }
}

/// What a link adds to its text: ` (url)` unless the text already says it (the URL
/// itself, or an e-mail or phone link).
pub(crate) fn url_suffix(text: &str, url: &str) -> String {
    let bare = |u: &str| {
        u.trim()
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_start_matches("mailto:")
            .trim_start_matches("tel:")
            .trim_start_matches("www.")
            .trim_end_matches('/')
            .to_ascii_lowercase()
    };
    if url.is_empty()
        || url.starts_with('#')
        || url.starts_with("mailto:")
        || url.starts_with("tel:")
        || bare(text) == bare(url)
    {
        return String::new();
    }
    if text.is_empty() {
        url.to_owned()
    } else {
        format!(" ({url})")
    }
}

fn has_closer(chars: &[char], from: usize, c: char, double: bool) -> bool {
    if double {
        chars[from.min(chars.len())..]
            .windows(2)
            .any(|w| w[0] == c && w[1] == c)
    } else {
        find_closer(chars, from, c).is_some()
    }
}

/// The index of a single `c` that closes emphasis opened before `from`.
fn find_closer(chars: &[char], from: usize, c: char) -> Option<usize> {
    let mut j = from;
    while j < chars.len() {
        if chars[j] == c {
            let double = j + 1 < chars.len() && chars[j + 1] == c;
            if double {
                j += 2;
                continue;
            }
            let prev_ok = j > from && !chars[j - 1].is_whitespace();
            let next_ok = j + 1 >= chars.len() || !chars[j + 1].is_alphanumeric();
            if prev_ok && next_ok {
                return Some(j);
            }
        }
        j += 1;
    }
    None
}

/// The longest link text and URL looked for: the scan for a `]` or `)` stops there, so
/// a line of a hundred thousand unclosed `[` costs a hundred thousand short scans, not
/// that many scans to the end of the line.
const MAX_LINK_PART: usize = 2_000;

/// `[text](url)` at `i` (which holds `[`): the text, the url and the index after `)`.
fn link_at(chars: &[char], i: usize) -> Option<(String, String, usize)> {
    let mut depth = 0;
    let mut j = i;
    let chars = &chars[..chars.len().min(i + 2 * MAX_LINK_PART)];
    while j < chars.len() && j - i < MAX_LINK_PART {
        match chars[j] {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            _ => {}
        }
        j += 1;
    }
    if j >= chars.len() || depth != 0 || chars.get(j + 1) != Some(&'(') {
        return None;
    }
    let close = chars[j + 2..].iter().position(|c| *c == ')')? + j + 2;
    let text: String = chars[i + 1..j].iter().collect();
    let url: String = chars[j + 2..close].iter().collect();
    let url = url.split_whitespace().next().unwrap_or("").to_owned();
    Some((text, decode_entities(&url), close + 1))
}

/// Decodes the HTML entities CVs contain: named ones for punctuation and accents, and
/// numeric ones.
pub(crate) fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let window = tail.char_indices().nth(12).map_or(tail.len(), |(i, _)| i);
        let semi = tail[..window].find(';');
        let decoded = semi.and_then(|s| entity(&tail[1..s]));
        match (semi, decoded) {
            (Some(s), Some(c)) => {
                out.push(c);
                rest = &tail[s + 1..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "rsquo" => '’',
        "lsquo" => '‘',
        "ldquo" => '“',
        "rdquo" => '”',
        "bull" | "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        "eacute" => 'é',
        "egrave" => 'è',
        "agrave" => 'à',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        _ => return None,
    })
}

/// Letter-spaced words rejoined, wide gaps turned into ` | `, dotted or dashed leaders
/// into ` — `, trailing rules removed (and reported as an underline), spaces collapsed.
/// Marks are carried over to the new text; rejoined words become marks too.
fn tidy(text: &str, marks: Vec<(usize, usize)>) -> (String, Vec<(usize, usize)>, bool) {
    use std::borrow::Cow;
    // Work on words with their gap before them; keep a per-word "marked" flag.
    let mut words: Vec<(Cow<'_, str>, usize, bool)> = Vec::new(); // (word, spaces before, marked)
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
    let mut joined: Vec<(Cow<'_, str>, usize, bool)> = Vec::with_capacity(words.len());
    let mut k = 0;
    while k < words.len() {
        let mut end = k;
        while end < words.len() && single(&words[end].0) && (end == k || words[end].1 == 1) {
            end += 1;
        }
        if end - k >= 4 {
            let word: String = words[k..end].iter().map(|w| w.0.as_ref()).collect();
            joined.push((Cow::Owned(word), words[k].1, true));
            k = end;
        } else {
            joined.push(words[k].clone());
            k += 1;
        }
    }
    // Leaders and rules.
    let is_leader = |w: &str| {
        w.chars().count() >= 3
            && w.chars()
                .all(|c| matches!(c, '-' | '.' | '_' | '─' | '…' | '=' | '~'))
    };
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
    for (idx, (word, gap, marked)) in joined.iter().enumerate() {
        if idx > 0 {
            if is_leader(word) {
                out.push_str(" —");
                continue;
            }
            if *gap >= 3 && !out.ends_with(['—', '|', ':']) {
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
    (out, new_marks, underlined)
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
