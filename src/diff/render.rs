//! The output formats of `vitae diff`, as pure functions from a [`Diff`] to text: one
//! line per change for a terminal ([`human`]), a pull-request comment ([`markdown`]),
//! a documented JSON report ([`json`], [`JsonReport`]) and the JSON Patch
//! ([`json_patch`]).

use std::fmt::Write;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Change, ChangeKind, Diff, Identity, Summary};

/// Longest value shown in human and Markdown output, in characters.
const MAX_SHOWN: usize = 120;

/// One line per change, grouped by section, in document order:
///
/// ```text
/// work: added "Fjord Analytics — Data Engineer" (2024-01 – present)
/// work "Nordlys — Engineer": highlights[2] changed: "old" → "new"
/// skills: moved "Rust" (position 4 → 1)
/// ```
///
/// With `color`, ANSI colours: additions and new values green, removals and old values
/// red, changes yellow, moves cyan. Nothing when there are no changes.
#[must_use]
pub fn human(diff: &Diff, color: bool) -> String {
    let paint = Paint(color);
    let mut out = String::new();
    for (_, changes) in diff.by_section() {
        for c in changes {
            human_line(&mut out, c, paint);
            out.push('\n');
        }
    }
    out
}

#[derive(Clone, Copy)]
struct Paint(bool);

impl Paint {
    fn code(self, code: &str, text: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    fn kind(self, kind: ChangeKind) -> String {
        let code = match kind {
            ChangeKind::Added => "32",
            ChangeKind::Removed => "31",
            ChangeKind::Changed => "33",
            ChangeKind::Moved => "36",
        };
        self.code(code, kind.as_str())
    }

    fn was(self, text: &str) -> String {
        self.code("31", text)
    }

    fn now(self, text: &str) -> String {
        self.code("32", text)
    }

    fn bold(self, text: &str) -> String {
        self.code("1", text)
    }
}

fn human_line(out: &mut String, c: &Change, paint: Paint) {
    let section = if c.section.is_empty() {
        "document".to_owned()
    } else {
        clean(&c.section)
    };
    let kind = paint.kind(c.kind);
    let (old_text, new_text) = shown_pair(c);
    let old = || paint.was(&old_text);
    let new = || paint.now(&new_text);
    if c.is_entry() {
        let label = quote(c.entry.as_deref().unwrap_or_default());
        let _ = write!(out, "{}: ", paint.bold(&section));
        match c.kind {
            ChangeKind::Added => {
                let _ = write!(out, "{kind} {label}{}", dates_suffix(c.new.as_ref()));
            }
            ChangeKind::Removed => {
                let _ = write!(out, "{kind} {label}{}", dates_suffix(c.old.as_ref()));
            }
            ChangeKind::Moved => {
                let _ = write!(out, "{kind} {label}{}", positions(c));
            }
            ChangeKind::Changed => {
                let _ = write!(out, "{label} {kind}: {} → {}", old(), new());
            }
        }
        return;
    }
    let subject = match &c.entry {
        Some(label) => format!("{section} {}", quote(label)),
        None => section,
    };
    let _ = write!(out, "{}: ", paint.bold(&subject));
    if c.field.is_empty() {
        // A whole section.
        match c.kind {
            ChangeKind::Added if is_container(c.new.as_ref()) => {
                let names = entry_names(&c.section, c.new.as_ref(), quote);
                let _ = write!(out, "section {kind}{}{names}", size(c.new.as_ref()));
            }
            ChangeKind::Removed if is_container(c.old.as_ref()) => {
                let names = entry_names(&c.section, c.old.as_ref(), quote);
                let _ = write!(out, "section {kind}{}{names}", size(c.old.as_ref()));
            }
            ChangeKind::Added => {
                let _ = write!(out, "{kind}: {}", new());
            }
            ChangeKind::Removed => {
                let _ = write!(out, "{kind}: {}", old());
            }
            ChangeKind::Changed | ChangeKind::Moved => {
                let _ = write!(out, "{kind}: {} → {}", old(), new());
            }
        }
        return;
    }
    let field = clean(&c.field);
    match c.kind {
        ChangeKind::Added => {
            let _ = write!(out, "{field} {kind}: {}", new());
        }
        ChangeKind::Removed => {
            let _ = write!(out, "{field} {kind}: {}", old());
        }
        ChangeKind::Changed => {
            let _ = write!(out, "{field} {kind}: {} → {}", old(), new());
        }
        ChangeKind::Moved => {
            let list = list_of(&field);
            let item = c.new.as_ref().map(|v| format!(" {}", show(Some(v))));
            let _ = write!(
                out,
                "{list}: {kind}{}{}",
                item.unwrap_or_default(),
                positions(c)
            );
        }
    }
}

/// A Markdown summary for a pull-request comment: a heading, the counts, then one
/// heading per section with a bullet per change.
#[must_use]
pub fn markdown(diff: &Diff, old_name: &str, new_name: &str) -> String {
    let mut out = String::from("## Resume changes\n\n");
    let (old_name, new_name) = (code(old_name), code(new_name));
    if diff.is_empty() {
        let _ = writeln!(out, "No differences between {old_name} and {new_name}.");
        return out;
    }
    let summary = diff.summary();
    let _ = writeln!(
        out,
        "{old_name} → {new_name}: **{}** ({}).",
        plural(summary.total(), "change"),
        counts(&summary)
    );
    for (section, changes) in diff.by_section() {
        let title = if section.is_empty() {
            "document"
        } else {
            section
        };
        let _ = writeln!(out, "\n### {} ({})\n", escape_md(title), changes.len());
        for c in changes {
            out.push_str("- ");
            markdown_line(&mut out, c);
            out.push('\n');
        }
    }
    out
}

fn markdown_line(out: &mut String, c: &Change) {
    let kind = c.kind.as_str();
    let capital = capitalise(kind);
    let (old_text, new_text) = md_pair(c);
    let old = || old_text.clone();
    let new = || new_text.clone();
    let label = c.entry.as_deref().map(bold_md);
    if c.is_entry() {
        let label = label.unwrap_or_default();
        let _ = match c.kind {
            ChangeKind::Added => write!(out, "{capital} {label}{}", dates_suffix(c.new.as_ref())),
            ChangeKind::Removed => {
                write!(out, "{capital} {label}{}", dates_suffix(c.old.as_ref()))
            }
            ChangeKind::Moved => write!(out, "{capital} {label}{}", positions(c)),
            ChangeKind::Changed => write!(out, "{label} {kind}: {} → {}", old(), new()),
        };
        return;
    }
    if let Some(label) = label {
        let _ = write!(out, "{label}: ");
    }
    if c.field.is_empty() {
        let _ = match c.kind {
            ChangeKind::Added if is_container(c.new.as_ref()) => {
                let names = entry_names(&c.section, c.new.as_ref(), bold_md);
                write!(out, "Section {kind}{}{names}", size(c.new.as_ref()))
            }
            ChangeKind::Removed if is_container(c.old.as_ref()) => {
                let names = entry_names(&c.section, c.old.as_ref(), bold_md);
                write!(out, "Section {kind}{}{names}", size(c.old.as_ref()))
            }
            ChangeKind::Added => write!(out, "{capital}: {}", new()),
            ChangeKind::Removed => write!(out, "{capital}: {}", old()),
            ChangeKind::Changed | ChangeKind::Moved => {
                write!(out, "{capital}: {} → {}", old(), new())
            }
        };
        return;
    }
    let field = code(&c.field);
    let _ = match c.kind {
        ChangeKind::Added => write!(out, "{field} {kind}: {}", new()),
        ChangeKind::Removed => write!(out, "{field} {kind}: ~~{}~~", old()),
        ChangeKind::Changed => write!(out, "{field} {kind}: {} → {}", old(), new()),
        ChangeKind::Moved => {
            let item = c.new.as_ref().map(|v| format!(" {}", md_value(Some(v))));
            write!(
                out,
                "{} {kind}{}{}",
                code(list_of(&c.field)),
                item.unwrap_or_default(),
                positions(c)
            )
        }
    };
}

/// The report printed by `vitae diff --format json`.
///
/// ```json
/// {
///   "old": "old.json",
///   "new": "new.yaml",
///   "summary": {"added": 1, "removed": 0, "changed": 1, "moved": 0},
///   "changes": [
///     {"kind": "added", "section": "work", "entry": "Fjord Analytics — Data Engineer",
///      "field": "", "oldPointer": null, "newPointer": "/work/0", "old": null, "new": {…}}
///   ]
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonReport {
    /// The old document's name as given on the command line.
    pub old: String,
    /// The new document's name.
    pub new: String,
    /// How many changes of each kind.
    pub summary: Summary,
    /// The changes, in document order (see [`Change`]).
    pub changes: Vec<Change>,
}

/// The JSON report ([`JsonReport`]), pretty-printed, with a final newline.
#[must_use]
pub fn json(diff: &Diff, old_name: &str, new_name: &str) -> String {
    let report = JsonReport {
        old: old_name.to_owned(),
        new: new_name.to_owned(),
        summary: diff.summary(),
        changes: diff.changes.clone(),
    };
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

/// The RFC 6902 JSON Patch, pretty-printed, with a final newline (`[]` when equal).
#[must_use]
pub fn json_patch(diff: &Diff) -> String {
    let mut text = serde_json::to_string_pretty(&diff.patch).unwrap_or_default();
    text.push('\n');
    text
}

/// The dates of an entry, as ` (2019-01 – present)`, ` (2019-05)`, or nothing.
fn dates_suffix(entry: Option<&Value>) -> String {
    let Some(Value::Object(map)) = entry else {
        return String::new();
    };
    let text = |key: &str| {
        map.get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(clean)
    };
    match (text("startDate"), text("endDate")) {
        (Some(start), Some(end)) => format!(" ({start} – {end})"),
        (Some(start), None) => format!(" ({start} – present)"),
        (None, Some(end)) => format!(" (until {end})"),
        (None, None) => text("date")
            .or_else(|| text("releaseDate"))
            .map(|d| format!(" ({d})"))
            .unwrap_or_default(),
    }
}

/// ` (position 4 → 1)`, 1-based, from the pointers' last tokens.
fn positions(c: &Change) -> String {
    let index = |p: &Option<String>| {
        p.as_deref()
            .and_then(|p| p.rsplit('/').next())
            .and_then(|t| t.parse::<usize>().ok())
    };
    match (index(&c.old_pointer), index(&c.new_pointer)) {
        (Some(from), Some(to)) => format!(" (position {} → {})", from + 1, to + 1),
        _ => String::new(),
    }
}

/// `keywords[3]` → `keywords`.
fn list_of(field: &str) -> &str {
    match field.rfind('[') {
        Some(cut) if field.ends_with(']') => &field[..cut],
        _ => field,
    }
}

/// Entries shown by name when a whole list is added or removed.
const MAX_NAMES: usize = 5;

/// `: "A", "B" and 3 more` for a list of named entries; nothing for other values.
fn entry_names(section: &str, value: Option<&Value>, style: fn(&str) -> String) -> String {
    let Some(Value::Array(items)) = value else {
        return String::new();
    };
    let list = section.rsplit('.').next().unwrap_or(section);
    let identity = Identity::of_list(list);
    let names: Vec<String> = items
        .iter()
        .filter(|item| item.is_object())
        .filter_map(|item| identity.label(item))
        .collect();
    if names.is_empty() {
        return String::new();
    }
    let shown: Vec<String> = names.iter().take(MAX_NAMES).map(|n| style(n)).collect();
    let more = names.len().saturating_sub(MAX_NAMES);
    if more > 0 {
        format!(": {} and {more} more", shown.join(", "))
    } else {
        format!(": {}", shown.join(", "))
    }
}

fn bold_md(text: &str) -> String {
    format!("**{}**", escape_md(text))
}

fn is_container(value: Option<&Value>) -> bool {
    matches!(value, Some(Value::Array(_) | Value::Object(_)))
}

/// ` (3 entries)`, ` (1 field)`.
fn size(value: Option<&Value>) -> String {
    match value {
        Some(Value::Array(items)) => format!(" ({})", plural(items.len(), "entry")),
        Some(Value::Object(map)) => format!(" ({})", plural(map.len(), "field")),
        _ => String::new(),
    }
}

fn plural(n: usize, noun: &str) -> String {
    match (n, noun) {
        (1, _) => format!("1 {noun}"),
        (_, "entry") => format!("{n} entries"),
        _ => format!("{n} {noun}s"),
    }
}

fn counts(summary: &Summary) -> String {
    [
        (summary.added, "added"),
        (summary.removed, "removed"),
        (summary.changed, "changed"),
        (summary.moved, "moved"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, kind)| format!("{n} {kind}"))
    .collect::<Vec<_>>()
    .join(", ")
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A value on one line for a terminal: JSON, strings quoted and escaped (so no control
/// character reaches the terminal), cut at [`MAX_SHOWN`] characters.
fn show(value: Option<&Value>) -> String {
    match value {
        None => "nothing".to_owned(),
        Some(Value::String(s)) => quote(&cut(s)),
        Some(other) => cut(&other.to_string()),
    }
}

/// The old and new values of a change for a terminal; two long texts are shown as
/// excerpts around where they differ.
fn shown_pair(c: &Change) -> (String, String) {
    match (&c.old, &c.new) {
        (Some(Value::String(a)), Some(Value::String(b))) if is_long(a) || is_long(b) => {
            let (a, b) = excerpts(a, b);
            (quote(&a), quote(&b))
        }
        (old, new) => (show(old.as_ref()), show(new.as_ref())),
    }
}

/// As [`shown_pair`], for Markdown.
fn md_pair(c: &Change) -> (String, String) {
    match (&c.old, &c.new) {
        (Some(Value::String(a)), Some(Value::String(b))) if is_long(a) || is_long(b) => {
            let (a, b) = excerpts(a, b);
            (md_text(&a), md_text(&b))
        }
        (old, new) => (md_value(old.as_ref()), md_value(new.as_ref())),
    }
}

fn is_long(text: &str) -> bool {
    text.chars().count() > MAX_SHOWN
}

/// Characters of unchanged text shown on each side of a difference.
const CONTEXT: usize = 30;

/// The parts of two texts around where they differ: a little of the common start, the
/// differing middles, a little of the common end, with `…` where text is left out.
fn excerpts(a: &str, b: &str) -> (String, String) {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let room = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    // Start the context at a word if one starts near enough.
    let mut start = prefix.saturating_sub(CONTEXT);
    if start > 0
        && let Some(space) = a[start..prefix].iter().position(|c| c.is_whitespace())
    {
        start += space + 1;
    }
    let excerpt = |text: &[char]| {
        let end = text.len() - suffix;
        let tail = (end + CONTEXT).min(text.len());
        let mut out = String::new();
        if start > 0 {
            out.push('…');
        }
        out.extend(&text[start..prefix]);
        let middle: String = text[prefix..end].iter().collect();
        out.push_str(&cut(&middle));
        out.extend(&text[end..tail]);
        if tail < text.len() {
            out.push('…');
        }
        out
    };
    (excerpt(&a), excerpt(&b))
}

/// A string in double quotes with JSON escapes.
fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// Section and field names come from the documents: escape control characters.
fn clean(text: &str) -> String {
    if text.chars().any(char::is_control) {
        text.chars()
            .flat_map(|c| {
                if c.is_control() {
                    c.escape_default().collect::<Vec<_>>()
                } else {
                    vec![c]
                }
            })
            .collect()
    } else {
        text.to_owned()
    }
}

fn cut(text: &str) -> String {
    if text.chars().count() > MAX_SHOWN {
        let mut short: String = text.chars().take(MAX_SHOWN - 1).collect();
        short.push('…');
        short
    } else {
        text.to_owned()
    }
}

/// A value as Markdown inline code: text as written (lines joined), other values as
/// JSON; empty text as *(empty)*.
fn md_value(value: Option<&Value>) -> String {
    match value {
        None => "*(nothing)*".to_owned(),
        Some(Value::String(s)) if s.trim().is_empty() => "*(empty)*".to_owned(),
        Some(Value::String(s)) => md_text(&cut(s)),
        Some(other) => code(&cut(&other.to_string())),
    }
}

/// Text as Markdown inline code, its lines joined.
fn md_text(text: &str) -> String {
    code(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Inline code that survives backticks in the text (CommonMark code spans).
fn code(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Text with Markdown's special characters escaped, on one line.
fn escape_md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.push(' ');
            continue;
        }
        if "\\`*_[]<>|~&".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_fence_backticks() {
        assert_eq!(code("a"), "`a`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x`"), "`` `x` ``");
    }

    #[test]
    fn long_values_are_cut_and_control_characters_escaped() {
        let long = "x".repeat(500);
        let shown = show(Some(&Value::String(long)));
        assert_eq!(shown.chars().count(), MAX_SHOWN + 2);
        assert!(shown.ends_with("…\""));
        assert_eq!(
            show(Some(&Value::String("a\u{1b}[31mb".into()))),
            "\"a\\u001b[31mb\""
        );
        assert_eq!(clean("a\u{1b}b"), "a\\u{1b}b");
    }

    #[test]
    fn long_texts_are_shown_around_their_difference() {
        let start = "A long opening that stays the same in both versions of the text, ".repeat(3);
        let a = format!("{start}then the old ending.");
        let b = format!("{start}then a new and better ending.");
        let (x, y) = excerpts(&a, &b);
        // Up to CONTEXT characters before the difference, starting at a word.
        assert_eq!(x, "…versions of the text, then the old ending.");
        assert_eq!(y, "…versions of the text, then a new and better ending.");
        let (x, y) = excerpts(&format!("Intro. {start}"), &format!("Preface. {start}"));
        assert!(x.starts_with("Intro. ") && x.ends_with('…'), "{x}");
        assert!(y.starts_with("Preface. ") && y.ends_with('…'), "{y}");
        assert!(x.chars().count() < 50);
    }

    #[test]
    fn dates_of_entries() {
        let v = serde_json::json!({"startDate": "2024-01"});
        assert_eq!(dates_suffix(Some(&v)), " (2024-01 – present)");
        let v = serde_json::json!({"startDate": "2019", "endDate": "2021-06"});
        assert_eq!(dates_suffix(Some(&v)), " (2019 – 2021-06)");
        let v = serde_json::json!({"date": "2020-05-01"});
        assert_eq!(dates_suffix(Some(&v)), " (2020-05-01)");
        assert_eq!(dates_suffix(Some(&serde_json::json!("x"))), "");
    }
}
