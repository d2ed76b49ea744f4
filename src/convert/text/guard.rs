//! The last stage: the assembled resume is checked against the official v1.3.1 schema,
//! and whatever fails moves, text and all, to `meta.x-vitae.unmapped`.
//!
//! The field readers try hard to place only values the schema accepts (an e-mail that
//! is a dot-atom, a URL with a scheme, ISO dates), but hand checks cannot follow every
//! corner of the `uri` and `email` format checkers. This stage is the guarantee behind
//! "the output is always valid": it runs the same compiled validator as
//! `vitae validate --schema v1.3.1` (with format checks), and for every failing value
//!
//! - moves each string under it to the end of the unmapped list, percent-escapes of
//!   non-ASCII text decoded back so its words stay readable,
//! - removes the value; an object or list left empty goes too, and list items after a
//!   removed one are renumbered,
//! - points the source lines that went there at their new place, so the line report
//!   stays exact.
//!
//! It repeats while the schema still objects, a few rounds at most; then it moves every
//! top-level section that still fails as a whole. A valid resume costs one `is_valid`
//! call.

use serde_json::{Map, Value};

use super::output::Placed;

/// Rounds of value-by-value repair before whole sections move.
const ROUNDS: usize = 4;

const UNMAPPED: &str = "/meta/x-vitae/unmapped";

/// Makes `root` (a resume without `meta`) valid under the official schema, moving what
/// fails into `unmapped` and keeping `placed` in step.
pub(super) fn repair(root: &mut Value, unmapped: &mut Vec<String>, placed: &mut Vec<Placed>) {
    let validator = crate::validate::Validator::official();
    let schema = validator.schema();
    if schema.is_valid(root) {
        return;
    }
    let mut moved = Moved { unmapped, placed };
    for _ in 0..ROUNDS {
        let mut bad = Vec::new();
        for error in schema.iter_errors(root) {
            failing(&error, &mut bad);
        }
        let bad = outermost(bad);
        if bad.iter().all(Vec::is_empty) {
            break;
        }
        // Last first: removing a list item then never shifts a pointer still to visit.
        for tokens in bad.iter().rev().filter(|t| !t.is_empty()) {
            moved.evict(root, tokens, &[]);
        }
        if schema.is_valid(root) {
            return;
        }
    }
    // Still invalid: move each failing top-level section whole (everything when the
    // schema objects to the document itself).
    let mut tops: Vec<String> = Vec::new();
    let mut everything = false;
    for error in schema.iter_errors(root) {
        match error.instance_path().iter().next() {
            Some(jsonschema::paths::LocationSegment::Property(key)) => {
                if !tops.iter().any(|t| t == key.as_ref()) {
                    tops.push(key.to_string());
                }
            }
            _ => everything = true,
        }
    }
    if everything {
        tops = root
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
    }
    for key in tops {
        moved.evict(root, &[Token::Key(key)], &[]);
    }
    if !root.is_object() {
        *root = Value::Object(Map::new());
    }
}

/// One step of a JSON pointer.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Token {
    Index(usize),
    Key(String),
}

/// The values one schema error condemns, as pointer tokens.
fn failing(error: &jsonschema::ValidationError<'_>, out: &mut Vec<Vec<Token>>) {
    use jsonschema::error::ValidationErrorKind;
    use jsonschema::paths::LocationSegment;
    let at: Vec<Token> = error
        .instance_path()
        .iter()
        .map(|s| match s {
            LocationSegment::Property(key) => Token::Key(key.to_string()),
            LocationSegment::Index(i) => Token::Index(i),
        })
        .collect();
    match error.kind() {
        // The object is fine but for some keys: those go.
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            for key in unexpected {
                let mut p = at.clone();
                p.push(Token::Key(key.clone()));
                out.push(p);
            }
        }
        _ => out.push(at),
    }
}

/// Sorted, without repeats and without pointers inside another one of the list.
fn outermost(mut bad: Vec<Vec<Token>>) -> Vec<Vec<Token>> {
    bad.sort();
    bad.dedup();
    let mut kept: Vec<Vec<Token>> = Vec::with_capacity(bad.len());
    for p in bad {
        // Sorted, so an ancestor comes right before its descendants.
        if kept.last().is_some_and(|k| p.starts_with(k)) {
            continue;
        }
        kept.push(p);
    }
    kept
}

/// Where evicted text goes, and the line records to keep in step.
struct Moved<'a> {
    unmapped: &'a mut Vec<String>,
    placed: &'a mut Vec<Placed>,
}

impl Moved<'_> {
    /// Moves the value at `tokens` to the unmapped list and removes it, then removes
    /// the containers it leaves empty. `carried`: where the text of a value just
    /// removed from inside this one went (lines noted against the container go there).
    fn evict(&mut self, root: &mut Value, tokens: &[Token], carried: &[(String, String)]) {
        let Some((last, parent_tokens)) = tokens.split_last() else {
            return;
        };
        let Some(parent) = get_mut(root, parent_tokens) else {
            return;
        };
        let removed = match (parent, last) {
            (Value::Object(map), Token::Key(key)) => map.shift_remove(key),
            (Value::Array(items), Token::Index(i)) if *i < items.len() => Some(items.remove(*i)),
            _ => None,
        };
        let Some(removed) = removed else {
            return;
        };
        let path = render(tokens);
        let mut leaves = Vec::new();
        leaves_of(&removed, &mut path.clone(), &mut leaves);
        let mut new_places = Vec::with_capacity(leaves.len());
        for (leaf, text) in leaves {
            self.unmapped.push(text);
            let mut to = String::from(UNMAPPED);
            to.push('/');
            to.push_str(&(self.unmapped.len() - 1).to_string());
            new_places.push((leaf, to));
        }
        if new_places.is_empty() {
            new_places.extend_from_slice(carried);
        }
        self.retarget(&path, &new_places);
        if let Token::Index(i) = last {
            self.renumber(&render(parent_tokens), *i);
        }
        // A container left empty says nothing: it goes too.
        let emptied = get_mut(root, parent_tokens).is_some_and(|v| match v {
            Value::Object(m) => m.is_empty(),
            Value::Array(a) => a.is_empty(),
            _ => false,
        });
        if emptied && !parent_tokens.is_empty() {
            self.evict(root, parent_tokens, &new_places);
        }
    }

    /// Points every line record at or under `path` to the unmapped items its text went
    /// to (`new_places`: leaf pointer → unmapped pointer).
    fn retarget(&mut self, path: &str, new_places: &[(String, String)]) {
        let mut extra = Vec::new();
        self.placed.retain_mut(|p| {
            if !is_within(&p.pointer, path) {
                return true;
            }
            let mut targets = new_places
                .iter()
                .filter(|(leaf, _)| is_within(leaf, &p.pointer))
                .map(|(_, to)| to);
            let Some(first) = targets.next() else {
                // The line went to a container now gone: to where its text went, if any.
                return match new_places.first() {
                    Some((_, to)) => {
                        p.pointer.clone_from(to);
                        true
                    }
                    None => false,
                };
            };
            for to in targets {
                extra.push(Placed {
                    line: p.line,
                    pointer: to.clone(),
                });
            }
            p.pointer.clone_from(first);
            true
        });
        self.placed.extend(extra);
    }

    /// After item `removed` of the list at `list` went: items after it move down one.
    fn renumber(&mut self, list: &str, removed: usize) {
        for p in self.placed.iter_mut() {
            let Some(rest) = p.pointer.strip_prefix(list) else {
                continue;
            };
            let Some(rest) = rest.strip_prefix('/') else {
                continue;
            };
            let (index, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            if let Ok(i) = index.parse::<usize>()
                && i > removed
            {
                p.pointer = format!("{list}/{}{tail}", i - 1);
            }
        }
    }
}

/// Whether `pointer` is `path` or inside it.
fn is_within(pointer: &str, path: &str) -> bool {
    pointer
        .strip_prefix(path)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

fn get_mut<'v>(root: &'v mut Value, tokens: &[Token]) -> Option<&'v mut Value> {
    tokens.iter().try_fold(root, |v, t| match (v, t) {
        (Value::Object(map), Token::Key(key)) => map.get_mut(key),
        (Value::Array(items), Token::Index(i)) => items.get_mut(*i),
        _ => None,
    })
}

/// The JSON pointer of `tokens`.
fn render(tokens: &[Token]) -> String {
    let mut out = String::new();
    for t in tokens {
        out.push('/');
        match t {
            Token::Index(i) => out.push_str(&i.to_string()),
            Token::Key(k) => out.push_str(&crate::load::escape_pointer_token(k)),
        }
    }
    out
}

/// Every scalar under `value` as `(pointer, text)`, in document order.
fn leaves_of(value: &Value, path: &mut String, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let len = path.len();
                path.push('/');
                path.push_str(&crate::load::escape_pointer_token(k));
                leaves_of(v, path, out);
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let len = path.len();
                path.push('/');
                path.push_str(&i.to_string());
                leaves_of(v, path, out);
                path.truncate(len);
            }
        }
        Value::String(s) => {
            let text = decode_non_ascii(s.trim());
            if !text.is_empty() {
                out.push((path.clone(), text));
            }
        }
        Value::Null => {}
        other => out.push((path.clone(), other.to_string())),
    }
}

/// `%C3%A9` back to `é`: the importer percent-escapes non-ASCII letters in URLs, and
/// text moved out of a URL should read as written. Escapes of ASCII stay as they are;
/// text that would not decode to UTF-8 stays as it is.
fn decode_non_ascii(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = text.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
            && b >= 0x80
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn placed(line: usize, pointer: &str) -> Placed {
        Placed {
            line,
            pointer: pointer.to_owned(),
        }
    }

    #[test]
    fn a_bad_value_moves_to_unmapped_with_its_line() {
        let mut root = json!({
            "basics": {"name": "Jane", "email": "x@-bad-.com", "url": "https://a:b"},
            "work": [{"name": "A", "url": "https://x:y"}, {"name": "B"}],
        });
        let mut unmapped = vec!["kept".to_owned()];
        let mut lines = vec![
            placed(1, "/basics/name"),
            placed(2, "/basics/email"),
            placed(3, "/basics/url"),
            placed(4, "/work/0/url"),
            placed(5, "/work/1/name"),
        ];
        repair(&mut root, &mut unmapped, &mut lines);
        assert_eq!(
            root,
            json!({"basics": {"name": "Jane"}, "work": [{"name": "A"}, {"name": "B"}]})
        );
        // Last first: work, then basics.url, then basics.email.
        assert_eq!(
            unmapped,
            ["kept", "https://x:y", "https://a:b", "x@-bad-.com"]
        );
        assert_eq!(
            lines,
            [
                placed(1, "/basics/name"),
                placed(2, "/meta/x-vitae/unmapped/3"),
                placed(3, "/meta/x-vitae/unmapped/2"),
                placed(4, "/meta/x-vitae/unmapped/1"),
                placed(5, "/work/1/name"),
            ]
        );
    }

    #[test]
    fn emptied_entries_go_and_later_items_are_renumbered() {
        let mut root = json!({
            "basics": {"profiles": [{"url": "https://a:b"}, {"network": "X", "url": "https://x.io"}]},
        });
        let mut unmapped = Vec::new();
        let mut lines = vec![
            placed(1, "/basics/profiles/0"),
            placed(2, "/basics/profiles/1"),
            placed(2, "/basics/profiles/1/url"),
        ];
        repair(&mut root, &mut unmapped, &mut lines);
        assert_eq!(
            root,
            json!({"basics": {"profiles": [{"network": "X", "url": "https://x.io"}]}})
        );
        assert_eq!(unmapped, ["https://a:b"]);
        assert_eq!(
            lines,
            [
                placed(1, "/meta/x-vitae/unmapped/0"),
                placed(2, "/basics/profiles/0"),
                placed(2, "/basics/profiles/0/url"),
            ]
        );
    }

    #[test]
    fn a_lone_bad_value_empties_its_section() {
        let mut root = json!({"basics": {"email": "a@b..c"}});
        let mut unmapped = Vec::new();
        let mut lines = vec![placed(7, "/basics/email")];
        repair(&mut root, &mut unmapped, &mut lines);
        assert_eq!(root, json!({}));
        assert_eq!(unmapped, ["a@b..c"]);
        assert_eq!(lines, [placed(7, "/meta/x-vitae/unmapped/0")]);
    }

    #[test]
    fn percent_escaped_letters_read_as_written() {
        assert_eq!(
            decode_non_ascii("https://m%C3%BCller.de/%20x"),
            "https://müller.de/%20x"
        );
        assert_eq!(decode_non_ascii("50%"), "50%");
        assert_eq!(decode_non_ascii("%FF"), "%FF");
    }

    #[test]
    fn the_fallback_moves_whole_sections() {
        // Wrong types everywhere: field by field would also work, but the result must
        // be valid whatever the path.
        let mut root = json!({"basics": "text", "work": {"name": 1}});
        let mut unmapped = Vec::new();
        let mut lines = vec![placed(1, "/basics"), placed(2, "/work/name")];
        repair(&mut root, &mut unmapped, &mut lines);
        assert_eq!(root, json!({}));
        assert_eq!(unmapped, ["1", "text"]);
        assert_eq!(
            lines,
            [
                placed(1, "/meta/x-vitae/unmapped/1"),
                placed(2, "/meta/x-vitae/unmapped/0"),
            ]
        );
    }
}
