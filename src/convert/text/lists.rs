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
        SectionKind::Languages => languages(lines, idx, out),
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
    let mut items = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in text.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
        if depth <= 0 && matches!(c, ',' | ';' | '|' | '·' | '•' | '、' | '，') {
            items.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    items.push(cur);
    items
        .into_iter()
        .map(|i| {
            let t = i.trim().trim_end_matches('.').trim();
            t.strip_prefix("and ")
                .or_else(|| t.strip_prefix("und "))
                .unwrap_or(t)
                .trim()
                .to_owned()
        })
        .filter(|i| !i.is_empty())
        .collect()
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
        if let Some((a, b)) = item.split_once(and)
            && a.split_whitespace().count() <= 3
            && b.split_whitespace().count() <= 3
        {
            return vec![a.trim().to_owned(), b.trim().to_owned()];
        }
    }
    vec![item.to_owned()]
}

/// `Category: items` or `Category (items)`: the category and the items' text.
fn category(text: &str) -> Option<(String, String)> {
    let t = text.trim();
    if let Some((name, rest)) = t.split_once(':')
        && !name.trim().is_empty()
        && name.split_whitespace().count() <= 5
        && !rest.trim().is_empty()
        && !name.contains("http")
    {
        return Some((name.trim().to_owned(), rest.trim().to_owned()));
    }
    if let Some(open) = t.find('(')
        && t.ends_with(')')
        && t[open..].contains(',')
        && t[..open].split_whitespace().count() <= 4
        && open > 0
    {
        return Some((
            t[..open].trim().to_owned(),
            t[open + 1..t.len() - 1].to_owned(),
        ));
    }
    None
}

/// Whether most items of a list name spoken languages.
fn mostly_languages(items: &[String]) -> bool {
    let n = items
        .iter()
        .filter(|i| {
            i.split_whitespace().next().is_some_and(|w| {
                vocab::is_language_name(w.trim_matches(|c: char| !c.is_alphabetic()))
            })
        })
        .count();
    !items.is_empty() && n * 2 > items.len()
}

/// Whether an item is a spoken language with a level: `English (intermediate)`.
fn is_language_item(item: &str) -> bool {
    let (lang, fluency) = parse_language(item);
    vocab::is_language_name(&lang) && fluency.as_deref().is_some_and(vocab::is_fluency)
}

fn skills(heading: &str, lines: &[Line], idx: &[usize], out: &mut Out) {
    let mut group: Option<(usize, usize)> = None; // (skills index, indent of its line)
    let default_name = heading.trim().trim_end_matches(':').to_owned();
    for &i in idx {
        let line = &lines[i];
        if line.is_blank() || line.rule {
            continue;
        }
        let no = line.no;
        let text = line.text.trim();
        // `Category: a, b, c` and `Category (a, b, c)`.
        if let Some((name, rest)) = category(text) {
            let items = split_items(&rest);
            if mostly_languages(&items) {
                out.label(&name, no);
                for item in &items {
                    language(item, no, out);
                }
                continue;
            }
            let k = out.entry("skills");
            out.set("skills", k, "name", &name, no);
            let items = if items.len() == 1 {
                split_caps(&rest).unwrap_or(items)
            } else {
                items
            };
            for item in &items {
                out.push("skills", k, "keywords", item, no);
            }
            group = Some((k, line.indent));
            continue;
        }
        // A heading, or a bullet that is one bold name (`- **Frontend**`) with its
        // list on the next lines.
        let bold_item = line.bullet && line.bold && !text.contains(',');
        if heading_style(line).is_some() && !line.bullet || bold_item {
            let k = out.entry("skills");
            out.set("skills", k, "name", text.trim_end_matches(':'), no);
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
        // A plain item, or a list of items, of the current group.
        let k = match group {
            Some((k, indent)) if !line.bullet || line.indent >= indent => k,
            _ => {
                let k = out.entry("skills");
                out.set("skills", k, "name", &default_name, no);
                group = Some((k, 0));
                k
            }
        };
        let items = split_items(text);
        if items.len() >= 3 && items.iter().all(|i| i.split_whitespace().count() <= 5) {
            for item in &items {
                out.push("skills", k, "keywords", item, no);
            }
        } else {
            out.push("skills", k, "keywords", text, no);
        }
    }
}

fn languages(lines: &[Line], idx: &[usize], out: &mut Out) {
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
        if let Some((name, rest)) = category(text)
            && !vocab::is_language_name(&name)
            && !vocab::is_fluency(&rest)
        {
            // `Native: German, Dutch` — a level, then languages.
            for item in split_items(&rest) {
                let k = out.entry("languages");
                out.set("languages", k, "language", &item, no);
                out.set("languages", k, "fluency", &name, no);
            }
            continue;
        }
        let items = split_items(text);
        let items = if items.len() > 1 && items.iter().all(|i| i.split_whitespace().count() <= 6) {
            items
        } else {
            vec![text.to_owned()]
        };
        // `Köln, im März 2024` under the languages is no language.
        let known = |i: &String| {
            let (lang, fluency) = parse_language(i);
            vocab::is_language_name(lang.split_whitespace().next().unwrap_or(""))
                || fluency.as_deref().is_some_and(vocab::is_fluency)
        };
        if !items.iter().any(known) {
            out.unmapped(text, no);
            continue;
        }
        for item in items {
            language(&item, no, out);
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
        if let Some((a, b)) = t.split_once(sep) {
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
    for &i in idx {
        let line = &lines[i];
        if line.is_blank() || line.rule {
            continue;
        }
        let no = line.no;
        let text = line.text.trim();
        let words = text.split_whitespace().count();
        if let Some((name, rest)) = category(text)
            && name.split_whitespace().count() <= 5
        {
            let k = out.entry("interests");
            out.set("interests", k, "name", &name, no);
            let items = split_items(&rest);
            let items = if items.len() == 1 {
                split_caps(&rest).unwrap_or(items)
            } else {
                items
            };
            for item in items {
                out.push("interests", k, "keywords", &item, no);
            }
            continue;
        }
        let items = split_items(text);
        let listed = items.len() >= 2 && items.iter().all(|i| i.split_whitespace().count() <= 4);
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
        if let Some((name, rest)) = category(text) {
            let k = out.entry("interests");
            out.set("interests", k, "name", &name, no);
            for item in split_items(&rest) {
                out.push("interests", k, "keywords", &item, no);
            }
            continue;
        }
        for item in items.into_iter().flat_map(|i| split_and(&i)) {
            let k = out.entry("interests");
            out.set("interests", k, "name", &item, no);
        }
    }
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

    #[test]
    fn items() {
        assert_eq!(split_items("C++, C#, and C."), ["C++", "C#", "C"]);
        assert_eq!(
            split_items("AWS Kinesis(Kafka), Python"),
            ["AWS Kinesis(Kafka)", "Python"]
        );
        assert_eq!(
            category("Languages (Javascript, Python, Java)"),
            Some(("Languages".into(), "Javascript, Python, Java".into()))
        );
    }
}
