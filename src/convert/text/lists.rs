//! Stage 4b: the list sections — skills (`Category: a, b, c`, sub-headings, bullets),
//! languages (`German (native)`, `Englisch – C1`, `**Tamil** Native Speaker`) and
//! interests.

use super::normalize::Line;
use super::output::Out;
use super::sections::heading_style;
use super::vocab::{self, SectionKind};

/// Reads the lines of a skills, languages or interests section.
pub(crate) fn read(kind: SectionKind, heading: &str, lines: &[Line], idx: &[usize], out: &mut Out) {
    match kind {
        SectionKind::Languages => languages(heading, lines, idx, out),
        SectionKind::Interests => interests(heading, lines, idx, out),
        _ => skills(heading, lines, idx, out),
    }
}

/// A list written after a key on one line: `Languages: German (native), English (C1)`.
pub(crate) fn inline_list(kind: SectionKind, key: &str, value: &str, no: usize, out: &mut Out) {
    match kind {
        SectionKind::Languages => {
            for item in split_items(value) {
                language(&item, no, out);
            }
        }
        SectionKind::Interests => {
            for item in split_items(value) {
                let i = out.entry("interests");
                out.set("interests", i, "name", &item, no);
            }
        }
        SectionKind::Summary => {
            out.basic("summary", value, no);
        }
        SectionKind::Skills => {
            let i = out.entry("skills");
            out.set("skills", i, "name", key.trim_end_matches(':'), no);
            for item in split_items(value) {
                out.push("skills", i, "keywords", &item, no);
            }
        }
        _ => out.unmapped(&format!("{key}: {value}"), no),
    }
}

/// Items of a list: cut at commas and semicolons outside brackets, at ` | `, ` · `,
/// ` • `; a final `and` is dropped (`C++, C#, and C`).
pub(crate) fn split_items(text: &str) -> Vec<String> {
    Items::new(text).map(str::to_owned).collect()
}

/// The items of [`split_items`], borrowed from the text.
fn items_of(text: &str) -> Vec<&str> {
    Items::new(text).collect()
}

/// The items of [`split_items`] one by one, borrowed from the text: a line is read
/// byte by byte (every separator but `,;|` is one of four multi-byte letters), and a
/// caller asking whether there are two items stops at the second.
struct Items<'a> {
    text: &'a str,
    /// Where the next item starts.
    start: usize,
    /// Where the search for the next separator goes on.
    pos: usize,
    /// Brackets open at `pos`.
    depth: i32,
    done: bool,
}

impl<'a> Items<'a> {
    fn new(text: &'a str) -> Self {
        Items {
            text,
            start: 0,
            pos: 0,
            depth: 0,
            done: false,
        }
    }

    /// The next separator outside brackets from `pos` on: where it is and its length.
    fn next_cut(&mut self) -> Option<(usize, usize)> {
        let bytes = self.text.as_bytes();
        while self.pos < bytes.len() {
            let at = self.pos;
            let tail = &bytes[at + 1..];
            let width = match bytes[at] {
                b'(' | b'[' | b'{' => {
                    self.depth += 1;
                    0
                }
                b')' | b']' | b'}' => {
                    self.depth -= 1;
                    0
                }
                b',' | b';' | b'|' => 1,
                // `·`
                0xC2 if tail.starts_with(&[0xB7]) => 2,
                // `•`
                0xE2 if tail.starts_with(&[0x80, 0xA2]) => 3,
                // `、`
                0xE3 if tail.starts_with(&[0x80, 0x81]) => 3,
                // `，`
                0xEF if tail.starts_with(&[0xBC, 0x8C]) => 3,
                _ => 0,
            };
            if width > 0 && self.depth <= 0 {
                self.pos = at + width;
                return Some((at, width));
            }
            // A separator's later bytes never start one: stepping one byte is safe.
            self.pos = at + 1;
        }
        None
    }
}

/// An item as listed: without surrounding space, a final full stop, or a leading
/// `and ` / `und `.
fn clean_item(i: &str) -> &str {
    let t = i.trim().trim_end_matches('.').trim();
    t.strip_prefix("and ")
        .or_else(|| t.strip_prefix("und "))
        .unwrap_or(t)
        .trim()
}

impl<'a> Iterator for Items<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        while !self.done {
            let item = match self.next_cut() {
                Some((at, width)) => {
                    let item = &self.text[self.start..at];
                    self.start = at + width;
                    item
                }
                None => {
                    self.done = true;
                    &self.text[self.start..]
                }
            };
            let item = clean_item(item);
            if !item.is_empty() {
                return Some(item);
            }
        }
        None
    }
}

/// Items of a list without separators, as some themes print them: a new item at each
/// capitalised word outside brackets (`Pandas Matplotlib Jupyter notebooks` →
/// `Pandas`, `Matplotlib`, `Jupyter notebooks`). `None` when the text has separators,
/// reads like a sentence, or does not cut into at least three items.
fn split_caps(text: &str) -> Option<Vec<String>> {
    let t = text.trim();
    if t.contains([',', ';', '|', '·', '•']) || t.ends_with('.') {
        return None;
    }
    let mut items: Vec<String> = Vec::new();
    let mut depth = 0i32;
    for word in t.split_whitespace() {
        let starts_item = depth == 0
            && word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '*');
        if starts_item || items.is_empty() {
            items.push(word.to_owned());
        } else if let Some(last) = items.last_mut() {
            last.push(' ');
            last.push_str(word);
        }
        depth += word.matches('(').count() as i32 - word.matches(')').count() as i32;
    }
    (items.len() >= 3).then_some(items)
}

/// `koken en bordspellen` → `koken`, `bordspellen`: the last two items of a list
/// joined by "and" in one of the vocabulary's languages.
fn split_and(item: &str) -> Vec<String> {
    for and in [" and ", " und ", " en ", " et ", " y ", " e "] {
        if let Some((a, b)) =
            crate::scan::find(item, and).map(|p| (&item[..p], &item[p + and.len()..]))
            && a.split_whitespace().count() <= 3
            && b.split_whitespace().count() <= 3
        {
            return vec![a.trim().to_owned(), b.trim().to_owned()];
        }
    }
    vec![item.to_owned()]
}

/// `Category: items`, `Category (items)` or `Category      items` (a column gap):
/// the category and the items' text.
fn category(line: &Line) -> Option<(&str, &str)> {
    let text = line.text.as_str();
    if let Some(g) = line.gap
        && !text[..g].contains(':')
    {
        let name = text[..g].trim();
        let rest = text[g..].trim_start_matches([' ', '|']).trim();
        if !name.is_empty()
            && name.split_whitespace().count() <= 4
            && !rest.is_empty()
            && !name.chars().any(|c| c.is_ascii_digit())
        {
            return Some((name, rest));
        }
    }
    let t = text.trim();
    if let Some((name, rest)) = t.split_once(':')
        && !name.trim().is_empty()
        && name.split_whitespace().count() <= 5
        && !rest.trim().is_empty()
        && !name.contains("http")
    {
        return Some((name.trim(), rest.trim()));
    }
    if let Some(open) = t.find('(')
        && t.ends_with(')')
        && t[open..].contains(',')
        && t[..open].split_whitespace().count() <= 4
        && open > 0
    {
        return Some((t[..open].trim(), &t[open + 1..t.len() - 1]));
    }
    None
}

/// The column heads and legend of a Europass language grid: `UNDERSTANDING SPEAKING
/// WRITING`, `Listening Reading Spoken interaction …`, `Levels: A1 and A2: Basic user …`.
fn is_grid_label(text: &str) -> bool {
    vocab::with_folded(text, grid_label_folded)
}

/// [`is_grid_label`] of a folded text.
fn grid_label_folded(f: &str) -> bool {
    if f.starts_with("levels: a1") || f.contains("common european framework") {
        return true;
    }
    let mut words = 0;
    f.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            words += 1;
            matches!(
                w,
                "understanding"
                    | "speaking"
                    | "writing"
                    | "listening"
                    | "reading"
                    | "spoken"
                    | "interaction"
                    | "production"
                    | "foreign"
                    | "language"
                    | "languages"
                    | "s"
            )
        })
        && words >= 3
}

/// Whether most items of a list name spoken languages.
fn mostly_languages<S: AsRef<str>>(items: &[S]) -> bool {
    let n = items
        .iter()
        .filter(|i| {
            i.as_ref().split_whitespace().next().is_some_and(|w| {
                vocab::is_language_name(w.trim_matches(|c: char| !c.is_alphabetic()))
            })
        })
        .count();
    !items.is_empty() && n * 2 > items.len()
}

/// Whether an item is a spoken language with a level: `English (intermediate)`.
fn is_language_item(item: &str) -> bool {
    if Items::new(item).nth(1).is_some() {
        return false;
    }
    let (lang, fluency) = parse_language(item);
    vocab::is_language_name(&lang) && fluency.as_deref().is_some_and(vocab::is_fluency)
}

fn skills(heading: &str, lines: &[Line], idx: &[usize], out: &mut Out) {
    let mut group: Option<(usize, usize)> = None; // (skills index, indent of its line)
    let default_name = super::header::trim_symbols(heading.trim().trim_end_matches(':')).to_owned();
    let mut pending: Option<(usize, String, usize)> = None; // a heading without items yet
    let mut default_group: Option<usize> = None; // the group named after the section
    for &i in idx {
        let line = &lines[i];
        if line.is_blank() || line.rule {
            continue;
        }
        let no = line.no;
        let text = line.text.trim();
        // The column heads of a language grid (Europass): labels.
        if is_grid_label(text) {
            out.label(text, no);
            continue;
        }
        // `Category: a, b, c` and `Category (a, b, c)`.
        if let Some((name, rest)) = category(line) {
            let items = items_of(rest);
            if mostly_languages(&items) {
                // `Mother tongue(s): German`: the label is the level.
                let level_name = name.replace("(s)", "");
                let level = vocab::is_fluency(&level_name);
                out.label(name, no);
                for item in &items {
                    if level && !item.contains(['(', ':']) {
                        let k = out.entry("languages");
                        out.set("languages", k, "language", item, no);
                        out.set("languages", k, "fluency", level_name.trim(), no);
                    } else {
                        language(item, no, out);
                    }
                }
                continue;
            }
            if vocab::is_language_name(name) && items.iter().all(|i| vocab::is_fluency(i)) {
                language(&format!("{name}: {}", items.join(" ")), no, out);
                continue;
            }
            match vocab::section_kind_exact(name) {
                Some(SectionKind::Interests) => {
                    out.label(name, no);
                    for item in items.into_iter().flat_map(split_and) {
                        let k = out.entry("interests");
                        out.set("interests", k, "name", &item, no);
                    }
                    continue;
                }
                Some(SectionKind::Languages) if mostly_languages(&items) => {}
                _ => {}
            }
            if super::header::is_personal_key(name) {
                out.unmapped(text, no);
                continue;
            }
            let k = out.entry("skills");
            out.set("skills", k, "name", name, no);
            let caps = if items.len() == 1 {
                split_caps(rest)
            } else {
                None
            };
            match caps {
                Some(caps) => {
                    for item in &caps {
                        out.push("skills", k, "keywords", item, no);
                    }
                }
                None => {
                    for item in &items {
                        out.push("skills", k, "keywords", item, no);
                    }
                }
            }
            // A bullet `Key: items` takes only the lines indented under it: the next
            // bullet beside it is an item of the section, not of `Key`.
            group = Some((k, line.indent + usize::from(line.bullet)));
            continue;
        }
        // A heading, or a bullet that is one bold name (`- **Frontend**`) with its
        // list on the next lines.
        let bold_item = line.bullet && line.bold && !text.contains(',');
        // `01. Languages` above `* JavaScript` / `* PHP, Ruby`: a numbered group name.
        let numbered_head = line.ordinal
            && text.split_whitespace().count() <= 4
            && !text.contains(',')
            && next_content(lines, idx, i).is_some_and(|n| n.bullet && !n.ordinal);
        if heading_style(line).is_some() && !line.bullet || bold_item || numbered_head {
            flush(&mut pending, out);
            let k = out.entry("skills");
            // Named when its first item comes: a `Sprachen` heading whose items are
            // spoken languages is a label, not a skill.
            pending = Some((k, text.trim_end_matches(':').to_owned(), no));
            group = Some((k, line.indent));
            continue;
        }
        // `**Erlang** - developing applications…`: a named skill with a description.
        if let Some(&(s, e)) = line.marks.first()
            && s == 0
            && e < text.len()
            && text[e..].trim_start().starts_with(['-', '–', '—'])
        {
            let name = text[..e].trim();
            let rest = text[e..]
                .trim_start()
                .trim_start_matches(['-', '–', '—'])
                .trim();
            let k = out.entry("skills");
            out.set("skills", k, "name", name, no);
            out.push("skills", k, "keywords", rest, no);
            group = Some((k, line.indent));
            continue;
        }
        if is_language_item(text) {
            language(text, no, out);
            continue;
        }
        // A row of badges (`![Go](…) ![Rust](…)`): one item each.
        let images: Vec<&str> = line
            .links
            .iter()
            .filter(|l| l.image && !l.text.is_empty())
            .map(|l| l.text.as_str())
            .collect();
        let items = if images.len() >= 2 && images.join(" ") == text {
            images
        } else {
            items_of(text)
        };
        if mostly_languages(&items)
            && items
                .iter()
                .all(|i| is_language_item(i) || vocab::is_language_name(i))
        {
            if let Some((_, name, hno)) = pending.take() {
                out.label(&name, hno);
                group = None;
            }
            for item in &items {
                language(item, no, out);
            }
            continue;
        }
        // A plain item, or a list of items, of the current group.
        let k = match group {
            Some((k, indent)) if !line.bullet || line.indent >= indent => k,
            _ => {
                let k = match default_group {
                    Some(k) => k,
                    None => {
                        let k = out.entry("skills");
                        out.set("skills", k, "name", &default_name, no);
                        default_group = Some(k);
                        k
                    }
                };
                group = Some((k, 0));
                k
            }
        };
        if pending.as_ref().is_some_and(|(p, _, _)| *p == k) {
            flush(&mut pending, out);
        }
        if items.len() >= 3 && items.iter().all(|i| i.split_whitespace().count() <= 5)
            || items.len() == 2 && items.iter().all(|i| i.split_whitespace().count() <= 2)
        {
            for item in &items {
                out.push("skills", k, "keywords", item, no);
            }
        } else {
            out.push("skills", k, "keywords", text, no);
        }
    }
    flush(&mut pending, out);
}

/// The first line with content after line `i` among `idx`.
fn next_content<'a>(lines: &'a [Line], idx: &[usize], i: usize) -> Option<&'a Line> {
    idx.iter()
        .skip_while(|&&j| j <= i)
        .map(|&j| &lines[j])
        .find(|l| !l.is_blank() && !l.rule)
}

/// Names a skills group whose heading was waiting for its first item.
fn flush(pending: &mut Option<(usize, String, usize)>, out: &mut Out) {
    if let Some((k, name, no)) = pending.take() {
        out.set("skills", k, "name", &name, no);
    }
}

fn languages(heading: &str, lines: &[Line], idx: &[usize], out: &mut Out) {
    // `Compiled languages` / `C, C++, Java`: programming languages are skills.
    let spoken = idx.iter().any(|&i| {
        let t = &lines[i].text;
        Items::new(t).any(|item| {
            item.split(|c: char| !c.is_alphabetic())
                .find(|w| !w.is_empty())
                .is_some_and(vocab::is_language_name)
        })
    });
    if !spoken && idx.iter().any(|&i| !lines[i].is_blank()) {
        skills(heading, lines, idx, out);
        return;
    }
    for &i in idx {
        let line = &lines[i];
        if line.is_blank() || line.rule {
            continue;
        }
        let no = line.no;
        let text = line.text.trim();
        // A fluency on its own line, under a language without one.
        if vocab::is_fluency(text)
            && let Some((_, list)) = out.sections.iter_mut().find(|(s, _)| *s == "languages")
            && let Some(last) = list.last()
            && !last.contains_key("fluency")
        {
            let k = list.len() - 1;
            out.set("languages", k, "fluency", text, no);
            continue;
        }
        if let Some((name, rest)) = category(line)
            && !vocab::is_language_name(name)
            && !vocab::is_fluency(rest)
        {
            // `Native: German, Dutch` — a level, then languages.
            for item in Items::new(rest) {
                let k = out.entry("languages");
                out.set("languages", k, "language", item, no);
                out.set("languages", k, "fluency", name, no);
            }
            continue;
        }
        let items = items_of(text);
        let items = if items.len() > 1 && items.iter().all(|i| i.split_whitespace().count() <= 6) {
            items
        } else {
            vec![text]
        };
        // `Köln, im März 2024` under the languages is no language.
        let known = |i: &&str| {
            let (lang, fluency) = parse_language(i);
            vocab::is_language_name(lang.split_whitespace().next().unwrap_or(""))
                || fluency.as_deref().is_some_and(vocab::is_fluency)
        };
        if !items.iter().any(known) {
            out.unmapped(text, no);
            continue;
        }
        for item in items {
            language(item, no, out);
        }
    }
}

/// Adds one language from `German (native)` and the like.
fn language(item: &str, no: usize, out: &mut Out) {
    let (lang, fluency) = parse_language(item);
    if lang.is_empty() {
        return;
    }
    let k = out.entry("languages");
    out.set("languages", k, "language", &lang, no);
    if let Some(f) = fluency {
        out.set("languages", k, "fluency", &f, no);
    }
}

/// Splits `Dutch (Fluent)`, `Russian - native`, `Anglais: Professionnel`,
/// `Tamil Native Speaker` into language and fluency.
pub(crate) fn parse_language(item: &str) -> (String, Option<String>) {
    let t = item.trim().trim_end_matches('.');
    for sep in [":", " - ", " – ", " — ", " | ", " / ", " = "] {
        if let Some((a, b)) = crate::scan::find(t, sep).map(|p| (&t[..p], &t[p + sep.len()..])) {
            let (a, b) = (a.trim(), b.trim());
            if !a.is_empty() && !b.is_empty() && !a.contains('(') {
                return (a.to_owned(), Some(b.to_owned()));
            }
        }
    }
    if let Some(open) = t.find('(') {
        let lang = t[..open].trim();
        let inner = t[open + 1..].trim_end();
        let (inside, after) = inner.split_once(')').unwrap_or((inner, ""));
        let fluency = format!(
            "{} {}",
            inside.trim(),
            after.trim().trim_start_matches(['-', ',', ':']).trim()
        );
        if !lang.is_empty() {
            return (
                lang.to_owned(),
                Some(fluency.trim().to_owned()).filter(|f| !f.is_empty()),
            );
        }
    }
    let mut words = t.split_whitespace();
    if let Some(first) = words.next() {
        let rest: Vec<&str> = words.collect();
        if vocab::is_language_name(first) && !rest.is_empty() {
            return (first.to_owned(), Some(rest.join(" ")));
        }
    }
    (t.to_owned(), None)
}

fn interests(heading: &str, lines: &[Line], idx: &[usize], out: &mut Out) {
    let mut prose: Option<(usize, usize)> = None; // (interest index, last line index)
    let mut last_item: Option<(usize, usize)> = None; // (interest index, line index)
    let group = (!heading.trim().is_empty() && qualified(heading))
        .then(|| heading.trim().trim_end_matches(':').to_owned());
    let heading_no = idx.first().map_or(0, |&i| lines[i].no);
    let mut group_entry: Option<usize> = None;
    for &i in idx {
        let line = &lines[i];
        if line.is_blank() || line.rule {
            continue;
        }
        let no = line.no;
        let text = line.text.trim();
        let words = text.split_whitespace().count();
        if let Some((name, rest)) = category(line)
            && name.split_whitespace().count() <= 5
        {
            let k = out.entry("interests");
            out.set("interests", k, "name", name, no);
            let items = split_items(rest);
            let items = if items.len() == 1 {
                split_caps(rest).unwrap_or(items)
            } else {
                items
            };
            for item in items {
                out.push("interests", k, "keywords", &item, no);
            }
            continue;
        }
        // `Volunteering at a food` / `bank`: an item wrapped onto the next line.
        if text.starts_with(char::is_lowercase)
            && !line.bullet
            && let Some((k, last)) = last_item
            && last + 1 == i
        {
            out.append("interests", k, "name", text, " ", no);
            last_item = Some((k, i));
            continue;
        }
        let items = split_items(text);
        let listed = items.len() >= 2 && items.iter().all(|i| i.split_whitespace().count() <= 4)
            || items.len() >= 3 && items.iter().all(|i| i.split_whitespace().count() <= 5);
        // `Research Interests`: a named group of interests, not one per item.
        if listed && let Some(name) = &group {
            let k = match group_entry {
                Some(k) => k,
                None => {
                    let k = out.entry("interests");
                    out.set("interests", k, "name", name, heading_no);
                    group_entry = Some(k);
                    k
                }
            };
            for item in items {
                out.push("interests", k, "keywords", &item, no);
            }
            continue;
        }
        if !listed && (words >= 8 || (text.ends_with('.') && words >= 4)) {
            match prose {
                Some((k, last)) if last + 1 == i || last + 2 == i => {
                    let sep = if last + 1 == i { " " } else { "\n\n" };
                    out.append("interests", k, "summary", text, sep, no);
                    prose = Some((k, i));
                }
                _ => {
                    let k = out.entry("interests");
                    out.set(
                        "interests",
                        k,
                        "name",
                        heading.trim().trim_end_matches(':'),
                        no,
                    );
                    out.append("interests", k, "summary", text, "\n\n", no);
                    prose = Some((k, i));
                }
            }
            continue;
        }
        if let Some((name, rest)) = category(line) {
            let k = out.entry("interests");
            out.set("interests", k, "name", name, no);
            for item in split_items(rest) {
                out.push("interests", k, "keywords", &item, no);
            }
            continue;
        }
        for item in items.into_iter().flat_map(|i| split_and(&i)) {
            let k = out.entry("interests");
            out.set("interests", k, "name", &item, no);
            last_item = Some((k, i));
        }
    }
}

/// Whether a heading says what kind of interests follow (`Research Interests`), not
/// just `Interests` or `Hobbies & Interests`.
fn qualified(heading: &str) -> bool {
    if vocab::section_kind_exact(heading) == Some(SectionKind::Interests) {
        return false;
    }
    let folded = crate::locale::fold(heading);
    folded
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .any(|w| {
            !matches!(
                w,
                "and"
                    | "und"
                    | "en"
                    | "et"
                    | "y"
                    | "e"
                    | "personal"
                    | "personliche"
                    | "my"
                    | "meine"
                    | "other"
                    | "weitere"
            ) && vocab::section_kind_exact(w) != Some(SectionKind::Interests)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_and_levels() {
        assert_eq!(
            parse_language("Dutch (Fluent)"),
            ("Dutch".into(), Some("Fluent".into()))
        );
        assert_eq!(
            parse_language("Russian - native"),
            ("Russian".into(), Some("native".into()))
        );
        assert_eq!(
            parse_language("Tamil Native Speaker"),
            ("Tamil".into(), Some("Native Speaker".into()))
        );
        assert_eq!(
            parse_language("Deutsch: Muttersprache"),
            ("Deutsch".into(), Some("Muttersprache".into()))
        );
        assert_eq!(parse_language("English"), ("English".into(), None));
    }

    /// The plain reading [`Items`] must match: char by char, then cleaned.
    fn items_by_chars(text: &str) -> Vec<&str> {
        let mut items = Vec::new();
        let mut depth = 0i32;
        let mut start = 0;
        for (i, c) in text.char_indices() {
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                _ => {}
            }
            if depth <= 0 && matches!(c, ',' | ';' | '|' | '·' | '•' | '、' | '，') {
                items.push(clean_item(&text[start..i]));
                start = i + c.len_utf8();
            }
        }
        items.push(clean_item(&text[start..]));
        items.retain(|i| !i.is_empty());
        items
    }

    #[test]
    fn items_read_byte_by_byte_as_char_by_char() {
        let texts = [
            "",
            " ",
            ",",
            ",,;|",
            "C++, C#, and C.",
            "Straße · Maß • Fuß",
            "İstanbul、Ankara，İzmir",
            "東京、大阪，京都 · 札幌",
            "e\u{301}t\u{e9}, cafe\u{301} | naïve",
            "a (b, c) d, e) f, (g, h",
            "]x, [y, {z}], w",
            "· • 、 ，",
            "Â·Ã•, âœ“, ï¼Œ",
            "und Deutsch; and English.",
            "¬·, ¢, €, ├─, ｆｕｌｌ，ｗｉｄｔｈ",
        ];
        for t in texts {
            assert_eq!(items_of(t), items_by_chars(t), "{t:?}");
            assert_eq!(
                Items::new(t).nth(1).is_some(),
                items_by_chars(t).len() > 1,
                "{t:?}"
            );
        }
    }

    #[test]
    fn items() {
        assert_eq!(split_items("C++, C#, and C."), ["C++", "C#", "C"]);
        assert_eq!(
            split_items("AWS Kinesis(Kafka), Python"),
            ["AWS Kinesis(Kafka)", "Python"]
        );
        let line = Line {
            text: "Languages (Javascript, Python, Java)".to_owned(),
            ..Line::default()
        };
        assert_eq!(
            category(&line),
            Some(("Languages", "Javascript, Python, Java"))
        );
    }
}
