//! JSON pointers (RFC 6901) as the diff uses them: building them one token at a time,
//! and the `--ignore` patterns, pointers in which `*` stands for any one token.

use std::fmt;
use std::str::FromStr;

use serde_json::{Map, Value};

use crate::load::escape_pointer_token;

/// `pointer` + `/token`, with the token escaped.
pub(crate) fn join_key(pointer: &str, key: &str) -> String {
    let token = escape_pointer_token(key);
    let mut out = String::with_capacity(pointer.len() + token.len() + 1);
    out.push_str(pointer);
    out.push('/');
    out.push_str(&token);
    out
}

/// `pointer` + `/index`.
pub(crate) fn join_index(pointer: &str, index: usize) -> String {
    format!("{pointer}/{index}")
}

/// A pattern of paths to leave out of a diff, written as a JSON pointer in which a token
/// `*` matches any one object key or array index: `/meta`, `/work/*/summary`,
/// `/basics/profiles/*/url`.
///
/// A pattern matches the value at its pointer and everything below it. Matching values
/// are taken out of both documents before they are compared, so they neither show as
/// changes nor influence how entries are matched.
///
/// ```
/// use vitae::diff::IgnorePattern;
/// let pattern: IgnorePattern = "/work/*/summary".parse()?;
/// assert!(pattern.matches(&["work", "3", "summary"]));
/// assert!(!pattern.matches(&["work", "3", "name"]));
/// # Ok::<(), vitae::diff::PatternError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnorePattern {
    text: String,
    tokens: Vec<Token>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Any,
    Exact(String),
}

/// An `--ignore` pattern that is not a JSON pointer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{pattern}` is not a JSON pointer: {reason}")]
pub struct PatternError {
    /// The pattern as given.
    pub pattern: String,
    /// What is wrong and what to write instead.
    pub reason: &'static str,
}

impl IgnorePattern {
    /// Parses a pattern: a JSON pointer (`/section/key`, `~0` for `~`, `~1` for `/`)
    /// whose tokens may be `*`.
    ///
    /// # Errors
    /// [`PatternError`] when the text is empty (that would be the whole document), does
    /// not start with `/`, or has a `~` that is not `~0` or `~1`.
    pub fn parse(text: &str) -> Result<Self, PatternError> {
        let error = |reason| PatternError {
            pattern: text.to_owned(),
            reason,
        };
        if text.is_empty() {
            return Err(error(
                "the empty pointer names the whole document; name a part, e.g. `/meta`",
            ));
        }
        let Some(rest) = text.strip_prefix('/') else {
            return Err(error("it must start with `/`, e.g. `/work/*/summary`"));
        };
        let tokens = rest
            .split('/')
            .map(|raw| {
                if raw == "*" {
                    Ok(Token::Any)
                } else {
                    unescape(raw).map(Token::Exact).ok_or_else(|| {
                        error("`~` must be followed by `0` (for `~`) or `1` (for `/`)")
                    })
                }
            })
            .collect::<Result<_, _>>()?;
        Ok(IgnorePattern {
            text: text.to_owned(),
            tokens,
        })
    }

    /// The pattern as written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the value at the pointer made of `tokens` (unescaped) is ignored: the
    /// pattern names it or one of its ancestors.
    #[must_use]
    pub fn matches<S: AsRef<str>>(&self, tokens: &[S]) -> bool {
        self.tokens.len() <= tokens.len()
            && self.tokens.iter().zip(tokens).all(|(p, t)| match p {
                Token::Any => true,
                Token::Exact(e) => e == t.as_ref(),
            })
    }

    /// Whether some value below the pointer made of `tokens` may match (the pattern is
    /// longer and agrees so far), so the walk must look inside it.
    fn reaches_below<S: AsRef<str>>(&self, tokens: &[S]) -> bool {
        self.tokens.len() > tokens.len()
            && self.tokens.iter().zip(tokens).all(|(p, t)| match p {
                Token::Any => true,
                Token::Exact(e) => e == t.as_ref(),
            })
    }
}

impl FromStr for IgnorePattern {
    type Err = PatternError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        IgnorePattern::parse(text)
    }
}

impl fmt::Display for IgnorePattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

fn unescape(token: &str) -> Option<String> {
    if !token.contains('~') {
        return Some(token.to_owned());
    }
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.next() {
                Some('0') => out.push('~'),
                Some('1') => out.push('/'),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// A copy of `value` without the parts that `patterns` match.
pub(crate) fn without_ignored(value: &Value, patterns: &[IgnorePattern]) -> Value {
    let mut tokens = Vec::new();
    strip(value, patterns, &mut tokens)
}

fn strip(value: &Value, patterns: &[IgnorePattern], tokens: &mut Vec<String>) -> Value {
    // Below this point no pattern can match: copy as is.
    if !patterns.iter().any(|p| p.reaches_below(tokens)) {
        return value.clone();
    }
    let keep = |token: String, child: &Value, tokens: &mut Vec<String>| {
        tokens.push(token);
        let kept =
            (!patterns.iter().any(|p| p.matches(tokens))).then(|| strip(child, patterns, tokens));
        tokens.pop();
        kept
    };
    match value {
        Value::Object(map) => {
            let mut out = Map::new();
            for (key, child) in map {
                if let Some(kept) = keep(key.clone(), child, tokens) {
                    out.insert(key.clone(), kept);
                }
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(
            items
                .iter()
                .enumerate()
                .filter_map(|(i, child)| keep(i.to_string(), child, tokens))
                .collect(),
        ),
        scalar => scalar.clone(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn patterns(texts: &[&str]) -> Vec<IgnorePattern> {
        texts.iter().map(|t| t.parse().unwrap()).collect()
    }

    #[test]
    fn parse_refuses_what_is_not_a_pointer() {
        assert!(IgnorePattern::parse("").is_err());
        assert!(IgnorePattern::parse("meta").is_err());
        assert!(IgnorePattern::parse("/a~2b").is_err());
        let p = IgnorePattern::parse("/x~1y/a~0b").unwrap();
        assert!(p.matches(&["x/y", "a~b", "c"]));
        assert_eq!(p.to_string(), "/x~1y/a~0b");
    }

    #[test]
    fn wildcards_and_prefixes() {
        let p = IgnorePattern::parse("/work/*/summary").unwrap();
        assert!(p.matches(&["work", "0", "summary"]));
        assert!(p.matches(&["work", "12", "summary", "deeper"]));
        assert!(!p.matches(&["work", "0"]));
        assert!(!p.matches(&["education", "0", "summary"]));
    }

    #[test]
    fn stripping_removes_matches_in_both_objects_and_arrays() {
        let value = json!({
            "meta": {"version": "1"},
            "work": [{"name": "A", "summary": "s"}, {"name": "B"}],
            "skills": ["x", "y"]
        });
        let stripped = without_ignored(
            &value,
            &patterns(&["/meta", "/work/*/summary", "/skills/0"]),
        );
        assert_eq!(
            stripped,
            json!({"work": [{"name": "A"}, {"name": "B"}], "skills": ["y"]})
        );
    }
}
