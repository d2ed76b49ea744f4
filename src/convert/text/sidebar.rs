//! Undoing a sidebar interleaved with the main column, as text extraction from a
//! two-column PDF produces it:
//!
//! ```text
//! **Data** Apache Spark, Databricks, dbt, **Engineering** Pandas, Looker, AWS DMS,
//! AWS Kinesis(Kafka) Python, Java, C++, **Programming** Lua, Bash languages S o f t w a r e …
//! ```
//!
//! is, row by row, a label column (`Data Engineering`, `Programming languages`,
//! `Software`) beside a column of comma-separated lists. Labels show as bold or
//! letter-spaced words, or as a lower-case word stuck to the end of a list
//! (`Powershell languages`). A list runs on while its items end with a comma (or a
//! hyphen: `scikit-` / `learn`), and ends where two items meet without one. When the
//! line splits into as many labels as lists, it is rewritten as `Label: a, b, c` lines,
//! which the skills reader understands; otherwise it is left alone.

use super::normalize::Line;

/// Words that end a label spread over two rows (`Programming` / `languages`).
const LABEL_TAILS: &[&str] = &[
    "languages",
    "skills",
    "learning",
    "engineering",
    "frameworks",
    "tools",
    "databases",
    "libraries",
    "sprachen",
    "kenntnisse",
    "technologies",
];

#[derive(Debug, Clone, PartialEq)]
enum Piece {
    /// A label fragment; `true` when it ended with a colon (`**Tools:**`).
    Label(String, bool),
    Text(String),
}

/// Rewrites every interleaved line of `lines` as one line per label.
pub(crate) fn split_interleaved(lines: Vec<Line>) -> Vec<Line> {
    // Commas are counted last: few lines have two marks.
    let may_split = |line: &Line| {
        line.marks.len() >= 2
            && line.heading.is_none()
            && !line.bold
            && line.text.bytes().filter(|b| *b == b',').count() >= 5
    };
    // Most CVs have no such line: they are not copied into a new list.
    if !lines.iter().any(may_split) {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        if may_split(&line)
            && let Some(rows) = split(&line)
        {
            for (label, list) in rows {
                let text = format!("{label}: {list}");
                out.push(Line {
                    marks: vec![(0, label.len())],
                    text,
                    links: Vec::new(),
                    // A column gap was an offset into the old text.
                    gap: None,
                    ..line.clone()
                });
            }
            continue;
        }
        out.push(line);
    }
    out
}

/// `(label, list)` pairs of an interleaved line, if it is one.
fn split(line: &Line) -> Option<Vec<(String, String)>> {
    let pieces = pieces(line);
    // Group label fragments into labels, and text into lists.
    let mut labels: Vec<String> = Vec::new();
    let mut lists: Vec<String> = Vec::new();
    let mut current = String::new(); // the list being read
    let mut since_label = String::new(); // text read since the last label fragment
    for piece in pieces {
        match piece {
            Piece::Label(l, colon) => {
                let lower = l.starts_with(|c: char| c.is_lowercase());
                let continues_list = {
                    let t = since_label.trim_end();
                    t.is_empty() || t.ends_with(',') || t.ends_with('-')
                };
                let joins_previous = !labels.is_empty()
                    && !colon
                    && (lower
                        || (continues_list
                            && !since_label.trim().is_empty()
                            && !has_boundary(&since_label)));
                if joins_previous {
                    let last = labels.last_mut().expect("a label");
                    last.push(' ');
                    last.push_str(&l);
                } else {
                    let t = current.trim_end();
                    if !t.is_empty() && (colon || (!t.ends_with(',') && !t.ends_with('-'))) {
                        lists.push(std::mem::take(&mut current));
                    }
                    labels.push(l);
                }
                since_label.clear();
            }
            Piece::Text(t) => {
                since_label.push_str(&t);
                since_label.push(' ');
                // A boundary inside the text ends the current list there.
                let mut rest = t.as_str();
                while let Some(at) = boundary(rest) {
                    push_text(&mut current, &rest[..at]);
                    lists.push(std::mem::take(&mut current));
                    rest = &rest[at..];
                }
                push_text(&mut current, rest);
            }
        }
    }
    if !current.trim().is_empty() {
        lists.push(current);
    }
    let lists: Vec<String> = lists
        .into_iter()
        .map(|l| l.trim().trim_end_matches(',').trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    (labels.len() >= 2 && labels.len() == lists.len())
        .then(|| labels.into_iter().zip(lists).collect())
}

/// Appends text to a list, joining a word split by a hyphen at a row end.
fn push_text(current: &mut String, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if current.trim_end().ends_with('-') {
        let trimmed = current.trim_end().len();
        current.truncate(trimmed);
    } else if !current.is_empty() && !current.ends_with(' ') {
        current.push(' ');
    }
    current.push_str(text);
    current.push(' ');
}

/// Whether the text holds a place where two list items meet without a comma.
fn has_boundary(text: &str) -> bool {
    boundary(text).is_some()
}

/// Byte offset of the first `…) Word` boundary: a closing parenthesis followed by a
/// capitalised word, with no comma.
fn boundary(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(2)).find_map(|i| {
        (bytes[i] == b')'
            && bytes[i + 1] == b' '
            && text[i + 2..].starts_with(|c: char| c.is_uppercase()))
        .then_some(i + 2)
    })
}

/// The line cut into label fragments (marked words, and label words found in the
/// text) and text.
fn pieces(line: &Line) -> Vec<Piece> {
    let mut raw = Vec::new();
    let mut pos = 0;
    for &(s, e) in &line.marks {
        if s > pos {
            raw.push(Piece::Text(line.text[pos..s].to_owned()));
        }
        let label = line.text[s..e].trim();
        let colon = label.ends_with(':') || line.text[e..].starts_with(':');
        if line.text[e..].starts_with(':') {
            pos = e + 1;
        } else {
            pos = e;
        }
        raw.push(Piece::Label(label.trim_end_matches(':').to_owned(), colon));
    }
    if pos < line.text.len() {
        raw.push(Piece::Text(line.text[pos..].to_owned()));
    }
    let mut out = Vec::new();
    let n = raw.len();
    for (idx, piece) in raw.into_iter().enumerate() {
        match piece {
            Piece::Text(t) => {
                let before_label = idx + 1 < n;
                split_text(&t, before_label, &mut out);
            }
            label => out.push(label),
        }
    }
    out
}

/// Finds unmarked label words inside a stretch of text.
fn split_text(text: &str, before_label: bool, out: &mut Vec<Piece>) {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut buf: Vec<String> = Vec::new();
    let flush = |buf: &mut Vec<String>, out: &mut Vec<Piece>| {
        if !buf.is_empty() {
            out.push(Piece::Text(buf.join(" ")));
            buf.clear();
        }
    };
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let prev_has_comma = i == 0 || words[i - 1].ends_with(',');
        let tail_word = |w: &str| LABEL_TAILS.contains(&w.to_lowercase().as_str());
        // `scikit-Learning learn`: a row's hyphenated end, then a label word.
        if let Some((left, right)) = w.split_once('-')
            && !left.is_empty()
            && left.chars().all(|c| c.is_lowercase())
            && right.starts_with(|c: char| c.is_uppercase())
            && right.chars().all(char::is_alphabetic)
            && words
                .get(i + 1)
                .is_some_and(|n| n.starts_with(|c: char| c.is_lowercase()))
        {
            buf.push(format!("{left}-"));
            flush(&mut buf, out);
            out.push(Piece::Label(right.to_owned(), false));
            i += 1;
            continue;
        }
        // `Hugging Face Soft skills Taking ownership`: a capitalised two-word label.
        if !prev_has_comma
            && w.starts_with(|c: char| c.is_uppercase())
            && words.get(i + 1).is_some_and(|n| tail_word(n))
            && words
                .get(i + 2)
                .is_some_and(|n| n.starts_with(|c: char| c.is_uppercase()))
        {
            flush(&mut buf, out);
            out.push(Piece::Label(format!("{w} {}", words[i + 1]), false));
            i += 2;
            continue;
        }
        // `Powershell languages` right before a marked label: the end of a label.
        if !prev_has_comma
            && i + 1 == words.len()
            && before_label
            && w.starts_with(|c: char| c.is_lowercase())
            && tail_word(w)
        {
            flush(&mut buf, out);
            out.push(Piece::Label(w.to_owned(), false));
            i += 1;
            continue;
        }
        buf.push(w.to_owned());
        i += 1;
    }
    flush(&mut buf, out);
}

#[cfg(test)]
mod tests {

    use crate::convert::text::normalize::normalize;

    #[test]
    fn seed_sidebar() {
        let text = "**Data** Apache Spark, Databricks, dbt, **Engineering** Pandas, Looker, AWS DMS, AWS Kinesis(Kafka) Python, Java, C++, R, JavaScript, **Programming** Lua, Bash, Powershell languages S o f t w a r e API development, FastAPI, Git/SCM, GitOps, Docker, CI/CD, Software Architecture, Agile, Scrum, DevOps M a c h i n e PyTorch, TensorFlow, MLFlow, scikit-Learning learn, NumPy, Hugging Face Soft skills Taking ownership of projects, Experimenting with new technologies, giving constructive feedback";
        let lines = normalize(text);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Data Engineering: Apache Spark, Databricks, dbt, Pandas, Looker, AWS DMS, AWS Kinesis(Kafka)",
                "Programming languages: Python, Java, C++, R, JavaScript, Lua, Bash, Powershell",
                "Software: API development, FastAPI, Git/SCM, GitOps, Docker, CI/CD, Software Architecture, Agile, Scrum, DevOps",
                "Machine Learning: PyTorch, TensorFlow, MLFlow, scikit-learn, NumPy, Hugging Face",
                "Soft skills: Taking ownership of projects, Experimenting with new technologies, giving constructive feedback",
            ]
        );
        assert!(lines.iter().all(|l| l.no == 1));
    }

    #[test]
    fn labelled_lists_and_plain_lines() {
        let text = "**Languages:** Go, Rust, C, **Tools:** Git, Docker, Make, Nix";
        let lines = normalize(text);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Languages: Go, Rust, C", "Tools: Git, Docker, Make, Nix"]
        );
        let plain = normalize("I used Spark, AWS, Databricks, dbt, Pandas, MLFlow, FastAPI");
        assert_eq!(plain.len(), 1);
    }
}
