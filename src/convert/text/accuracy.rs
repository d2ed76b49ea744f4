//! Measuring an import against a hand-made resume: field-level precision and recall
//! of facts, and the share of the source's words kept.
//!
//! **Facts** are the values a reader checks first: the name, label, contact details,
//! location and profiles; for each entry its organisation, title, dates and place; for
//! schools the institution, degree, area and score; skills with their keywords;
//! languages with their fluency. Entries of a section are paired with the expected ones
//! that share the most facts, so a fact only counts in the right entry. Values are
//! compared case-insensitively, without accents or punctuation.
//!
//! **Words kept**: the source's words (letters and digits, case and accents folded,
//! letter-spaced words rejoined; markup — HTML tags and comments, YAML front-matter keys,
//! code-fence info, list numbers, `mailto:`/`tel:` link targets and targets a link's
//! text already spells — is not words, nor are the connectors that join header parts
//! and dates (`at`, `in`, `of`, `from`, `to`, `bei`, `seit`, …); a date range counts as
//! the words of its ISO dates), of which each occurrence is matched by an occurrence in
//! the output's strings.

use std::collections::HashMap;

use serde_json::Value;

use crate::locale::fold;

/// Facts matched between an expected and an actual resume.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    /// Facts in the expected resume.
    pub expected: usize,
    /// Facts in the actual resume.
    pub actual: usize,
    /// Facts found in both (in paired entries).
    pub matched: usize,
    /// Expected facts not found, as `section/field = value`.
    pub missing: Vec<String>,
    /// Actual facts not expected.
    pub extra: Vec<String>,
}

impl Score {
    /// Matched share of the actual facts (1 when there are none).
    #[must_use]
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.actual)
    }

    /// Matched share of the expected facts (1 when there are none).
    #[must_use]
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }

    /// Harmonic mean of precision and recall.
    #[must_use]
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Which fields are facts, per section.
const FACT_FIELDS: &[(&str, &[&str])] = &[
    (
        "work",
        &["name", "position", "startDate", "endDate", "location"],
    ),
    (
        "volunteer",
        &["organization", "position", "startDate", "endDate"],
    ),
    (
        "education",
        &[
            "institution",
            "area",
            "studyType",
            "startDate",
            "endDate",
            "score",
        ],
    ),
    ("awards", &["title", "awarder", "date"]),
    ("certificates", &["name", "issuer", "date"]),
    ("publications", &["name", "publisher", "releaseDate"]),
    ("projects", &["name", "startDate", "endDate", "url"]),
    ("skills", &["name", "keywords"]),
    ("languages", &["language", "fluency"]),
    ("interests", &["name", "keywords"]),
    ("references", &["name"]),
];

/// Compares an import with the expected resume.
#[must_use]
pub fn score(expected: &Value, actual: &Value) -> Score {
    let mut s = Score::default();
    let (eb, ab) = (basics_facts(expected), basics_facts(actual));
    pair(&[eb], &[ab], "basics", &mut s);
    for (section, fields) in FACT_FIELDS {
        let facts = |doc: &Value| -> Vec<Vec<(String, String)>> {
            doc.get(*section)
                .and_then(Value::as_array)
                .map(|list| list.iter().map(|e| entry_facts(e, fields)).collect())
                .unwrap_or_default()
        };
        pair(&facts(expected), &facts(actual), section, &mut s);
    }
    s
}

/// Pairs entries greedily by shared facts and counts.
fn pair(
    expected: &[Vec<(String, String)>],
    actual: &[Vec<(String, String)>],
    section: &str,
    s: &mut Score,
) {
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (i, e) in expected.iter().enumerate() {
        for (j, a) in actual.iter().enumerate() {
            let shared = shared(e, a).len();
            if shared > 0 {
                pairs.push((shared, i, j));
            }
        }
    }
    pairs.sort_by(|x, y| {
        y.0.cmp(&x.0)
            .then(x.1.abs_diff(x.2).cmp(&y.1.abs_diff(y.2)))
            .then(x.1.cmp(&y.1))
    });
    let mut used_e = vec![None; expected.len()];
    let mut used_a = vec![false; actual.len()];
    for (_, i, j) in pairs {
        if used_e[i].is_none() && !used_a[j] {
            used_e[i] = Some(j);
            used_a[j] = true;
        }
    }
    for (i, e) in expected.iter().enumerate() {
        s.expected += e.len();
        let matched = used_e[i].map(|j| shared(e, &actual[j])).unwrap_or_default();
        s.matched += matched.len();
        let mut left = matched;
        for f in e {
            if let Some(p) = left.iter().position(|m| m == f) {
                left.swap_remove(p);
            } else {
                s.missing.push(format!("{section}[{i}].{} = {}", f.0, f.1));
            }
        }
    }
    for (j, a) in actual.iter().enumerate() {
        s.actual += a.len();
        let partner = used_e.iter().position(|u| *u == Some(j));
        let mut left = partner.map(|i| shared(&expected[i], a)).unwrap_or_default();
        for f in a {
            if let Some(p) = left.iter().position(|m| m == f) {
                left.swap_remove(p);
            } else {
                s.extra.push(format!("{section}[{j}].{} = {}", f.0, f.1));
            }
        }
    }
}

/// The facts two entries share (as a multiset).
fn shared(a: &[(String, String)], b: &[(String, String)]) -> Vec<(String, String)> {
    let mut rest: Vec<&(String, String)> = b.iter().collect();
    let mut out = Vec::new();
    for f in a {
        if let Some(p) = rest.iter().position(|g| *g == f) {
            rest.swap_remove(p);
            out.push(f.clone());
        }
    }
    out
}

fn basics_facts(doc: &Value) -> Vec<(String, String)> {
    let mut facts = Vec::new();
    let Some(b) = doc.get("basics") else {
        return facts;
    };
    for key in ["name", "label", "email", "url"] {
        if let Some(v) = b.get(key).and_then(Value::as_str) {
            push(&mut facts, key, v);
        }
    }
    if let Some(p) = b.get("phone").and_then(Value::as_str) {
        let digits: String = p.chars().filter(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            facts.push(("phone".to_owned(), digits));
        }
    }
    if let Some(loc) = b.get("location") {
        for key in ["city", "countryCode", "region", "postalCode"] {
            if let Some(v) = loc.get(key).and_then(Value::as_str) {
                push(&mut facts, key, v);
            }
        }
    }
    for p in b
        .get("profiles")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let network = p.get("network").and_then(Value::as_str).unwrap_or("");
        let user = p
            .get("username")
            .and_then(Value::as_str)
            .filter(|u| !u.is_empty())
            .map(str::to_owned)
            .or_else(|| p.get("url").and_then(Value::as_str).map(bare_url))
            .unwrap_or_default();
        push(&mut facts, "profile", &format!("{network} {user}"));
    }
    facts
}

fn entry_facts(entry: &Value, fields: &[&str]) -> Vec<(String, String)> {
    let mut facts = Vec::new();
    for f in fields {
        match entry.get(*f) {
            Some(Value::String(s)) if *f == "url" => push(&mut facts, f, &bare_url(s)),
            Some(Value::String(s)) => push(&mut facts, f, s),
            Some(Value::Array(items)) => {
                for item in items.iter().filter_map(Value::as_str) {
                    push(&mut facts, f, item);
                }
            }
            _ => {}
        }
    }
    facts
}

fn push(facts: &mut Vec<(String, String)>, key: &str, value: &str) {
    let v = normalize_value(value);
    if !v.is_empty() {
        facts.push((key.to_owned(), v));
    }
}

fn bare_url(u: &str) -> String {
    u.trim()
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
        .trim_end_matches('/')
        .to_owned()
}

/// Folds case and accents, drops punctuation (keeping `+` and `#`, as in `C++`, `C#`).
fn normalize_value(v: &str) -> String {
    let folded = fold(v);
    let mapped: String = folded
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '+' || c == '#' {
                c
            } else {
                ' '
            }
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many of the source's words the output keeps.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coverage {
    /// Words in the source.
    pub total: usize,
    /// Of those, matched by a word of the output.
    pub kept: usize,
    /// Words not found, with how many times each is missing, most missed first.
    pub lost: Vec<(String, usize)>,
}

impl Coverage {
    /// Kept share of the source's words (1 for a source without words).
    #[must_use]
    pub fn share(&self) -> f64 {
        ratio(self.kept, self.total)
    }
}

/// Measures how many words of `source` the imported `output` keeps.
#[must_use]
pub fn word_coverage(source: &str, output: &Value) -> Coverage {
    let mut src: HashMap<String, usize> = HashMap::new();
    for w in words(&source_text(source)) {
        if !CONNECTORS.contains(&w.as_str()) {
            *src.entry(w).or_default() += 1;
        }
    }
    let mut out: HashMap<String, usize> = HashMap::new();
    let mut strings = Vec::new();
    collect_strings(output, &mut strings);
    for s in strings {
        for w in words(s) {
            *out.entry(w).or_default() += 1;
        }
    }
    let mut cov = Coverage::default();
    for (w, n) in &src {
        let have = out.get(w).copied().unwrap_or(0);
        cov.total += n;
        cov.kept += have.min(*n);
        if have < *n {
            cov.lost.push((w.clone(), n - have));
        }
    }
    cov.lost.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    cov
}

fn collect_strings<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::String(s) => out.push(s),
        Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

/// Words: runs of letters and digits, folded.
fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The source as a reader sees it: markup removed, letter-spaced words rejoined, date
/// ranges written as their ISO dates.
fn source_text(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let lines: Vec<&str> = source.lines().collect();
    let front_end = (lines.first().map(|l| l.trim()) == Some("---"))
        .then(|| {
            lines
                .iter()
                .skip(1)
                .position(|l| l.trim() == "---")
                .map(|p| p + 1)
        })
        .flatten();
    let mut in_comment = false;
    for (i, line) in lines.iter().enumerate() {
        let mut line = (*line).to_owned();
        if let Some(end) = front_end
            && i <= end
        {
            let t = line.trim().trim_start_matches("- ");
            let value = match t.split_once(':') {
                Some((k, v)) if !k.contains(' ') => v.trim(),
                _ => t,
            };
            line = if matches!(value, "true" | "false" | "|" | ">" | "---") {
                String::new()
            } else {
                value.to_owned()
            };
        }
        if line.trim_start().starts_with("```") {
            continue;
        }
        let text = strip_markup(&line, &mut in_comment);
        let text = strip_list_number(&text);
        let text = dedupe_link_targets(&text);
        let text = super::normalize::decode_entities(&text);
        let text = rejoin_letter_spacing(&text);
        out.push_str(&iso_dates(&text));
        out.push('\n');
    }
    out
}

/// Removes HTML comments and tags (keeping `href`, `src` and `alt` values) and the
/// `mailto:` / `tel:` targets of Markdown links.
fn strip_markup(line: &str, in_comment: &mut bool) -> String {
    let mut out = String::new();
    let mut rest = line;
    loop {
        if *in_comment {
            match rest.find("-->") {
                Some(p) => {
                    rest = &rest[p + 3..];
                    *in_comment = false;
                }
                None => break,
            }
        }
        match rest.find('<') {
            Some(p) => {
                out.push_str(&rest[..p]);
                let after = &rest[p + 1..];
                if let Some(comment) = after.strip_prefix("!--") {
                    *in_comment = true;
                    rest = comment;
                    continue;
                }
                let is_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
                match (is_tag, after.find('>')) {
                    (true, Some(end)) => {
                        let tag = &after[..end];
                        out.push(' ');
                        for attr in ["href=", "src=", "alt="] {
                            if let Some(a) = tag.find(attr) {
                                let v = tag[a + attr.len()..].trim_start_matches(['"', '\'']);
                                let v = v.split(['"', '\'']).next().unwrap_or("");
                                out.push(' ');
                                out.push_str(v);
                                out.push(' ');
                            }
                        }
                        rest = &after[end + 1..];
                    }
                    _ => {
                        out.push(' ');
                        rest = after;
                    }
                }
            }
            None => {
                out.push_str(rest);
                break;
            }
        }
    }
    for scheme in ["(mailto:", "(tel:"] {
        while let Some(p) = out.find(scheme) {
            let end = out[p..].find(')').map_or(out.len(), |e| p + e + 1);
            out.replace_range(p..end, " ");
        }
    }
    out
}

/// `1. Item` → `Item`: the number of an ordered list is markup.
fn strip_list_number(line: &str) -> String {
    let t = line.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits)
        && let Some(rest) = t[digits..]
            .strip_prefix(". ")
            .or_else(|| t[digits..].strip_prefix(") "))
    {
        return rest.to_owned();
    }
    line.to_owned()
}

/// `[github.com/x](https://github.com/x)` → `github.com/x`: a link whose text is its
/// target says it once.
fn dedupe_link_targets(line: &str) -> String {
    let bare = |u: &str| {
        u.trim()
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_start_matches("www.")
            .trim_end_matches('/')
            .to_ascii_lowercase()
    };
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find("](") else {
            break;
        };
        let Some(end) = after[close + 2..].find(')') else {
            break;
        };
        let text = &after[..close];
        let target = &after[close + 2..close + 2 + end];
        out.push_str(&rest[..open]);
        out.push_str(text);
        if bare(text) != bare(target) {
            out.push(' ');
            out.push_str(target);
        }
        rest = &after[close + 2 + end + 1..];
    }
    out.push_str(rest);
    out
}

/// Words that only join the parts of a header or a date (`Engineer at ACME`,
/// `Master's in Physics`, `from 2015 to 2019`): structure, not content.
const CONNECTORS: &[&str] = &[
    "at", "in", "of", "from", "since", "to", "bei", "bis", "seit", "von", "im", "vanaf", "sinds",
    "tot", "bij", "chez", "depuis", "desde", "hasta", "em", "en",
];

/// `S o f t w a r e` → `Software`.
fn rejoin_letter_spacing(text: &str) -> String {
    let tokens: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    let single = |t: &str| {
        let mut c = t.chars();
        matches!((c.next(), c.next()), (Some(ch), None) if ch.is_alphabetic())
    };
    while i < tokens.len() {
        let mut j = i;
        while j < tokens.len() && single(tokens[j]) {
            j += 1;
        }
        if j - i >= 4 {
            out.push(tokens[i..j].concat());
            i = j;
        } else {
            out.push(tokens[i].to_owned());
            i += 1;
        }
    }
    out.join(" ")
}

/// Date ranges replaced by their ISO dates.
fn iso_dates(text: &str) -> String {
    let spans = super::dates::find_all(text);
    if spans.is_empty() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for s in spans {
        out.push_str(&text[pos..s.start]);
        out.push_str(&s.from.to_string());
        if let Some(crate::model::LooseDate::Date(d)) = s.to {
            out.push(' ');
            out.push_str(&d.to_string());
        }
        pos = s.end;
    }
    out.push_str(&text[pos..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn facts_in_the_right_entry() {
        let expected = json!({"basics": {"name": "Jane Doe"},
            "work": [{"name": "ACME", "position": "Engineer", "startDate": "2019"},
                     {"name": "Initech", "position": "Intern"}]});
        let actual = json!({"basics": {"name": "jane  doe"},
            "work": [{"name": "Initech", "position": "Engineer"},
                     {"name": "ACME", "startDate": "2019"}]});
        let s = score(&expected, &actual);
        assert_eq!((s.expected, s.actual), (6, 5));
        // Jane Doe; ACME + 2019 paired with the second entry; Initech with the first.
        assert_eq!(s.matched, 4);
        assert!(s.missing.iter().any(|m| m.contains("engineer")));
        assert!((s.precision() - 0.8).abs() < 1e-9);
    }

    #[test]
    fn words_kept() {
        let src = "<!-- hidden -->\n# S o f t w a r e Engineer\nACME (Jan 2019 – Present)\n[Mail](mailto:a@b.c)";
        let out = json!({"basics": {"label": "Software Engineer"},
            "work": [{"name": "ACME", "startDate": "2019-01"}], "meta": {"x": "Mail"}});
        let c = word_coverage(src, &out);
        assert_eq!((c.kept, c.total), (6, 6), "{:?}", c.lost);
        let c = word_coverage("one two two", &json!({"a": "two"}));
        assert_eq!((c.kept, c.total), (1, 3));
    }
}
