//! Inputs named on the command line: a path, `-` for stdin, an `http(s)://` URL, and for
//! commands that take many, directories (searched for resume files) and globs.
//!
//! Directory search: every file named `resume.EXT` or `NAME.resume.EXT` (EXT: `json`,
//! `yaml`, `yml`, `toml`; any letter case), in the directory and below, in name order.
//! Hidden files and directories (`.git`, …) and `node_modules` are skipped, and symbolic
//! links to directories are not followed (so a link loop cannot hang the search); links
//! to files are. Files named explicitly, or matched by a glob, are read whatever their
//! name.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use vitae::fetch::{self, Client};
use vitae::load::{self, Document, Format, LoadError};

/// The display name of stdin in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// How deep the directory search goes.
const MAX_DEPTH: usize = 32;

/// One document to read.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Source {
    /// Standard input (`-`).
    Stdin,
    /// A file.
    Path(PathBuf),
    /// An `http://` or `https://` URL.
    Url(String),
}

impl Source {
    /// The name to show in messages.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => STDIN_NAME.to_owned(),
            Source::Path(p) => p.display().to_string(),
            Source::Url(u) => u.clone(),
        }
    }

    /// The format the name suggests (by extension), if any.
    pub fn format_hint(&self) -> Option<Format> {
        match self {
            Source::Stdin => None,
            Source::Path(p) => Format::from_extension(p),
            Source::Url(u) => {
                let path = u.split(['?', '#']).next().unwrap_or(u);
                Format::from_extension(Path::new(path))
            }
        }
    }

    /// Reads the raw bytes (up to the input limit; 5 MiB from the network).
    pub fn read(&self) -> Result<Vec<u8>, LoadError> {
        match self {
            Source::Stdin => read_stdin(),
            Source::Path(p) => load::read_file(p),
            Source::Url(u) => fetch_url(u),
        }
    }
}

/// Reads and parses `input` (`-` is stdin; `http(s)://…` is fetched).
pub fn load(input: &str, format: Option<Format>) -> Result<Document, LoadError> {
    let source = source_of(input);
    let bytes = source.read()?;
    load::from_bytes(
        &source.name(),
        &bytes,
        format.or_else(|| source.format_hint()),
    )
}

/// Reads and parses `input` for a command that works on the document (convert,
/// migrate, diff, render), with errors ready to print: a syntax error reads
/// `path:line:col: JSON syntax error: …`; an empty input, a document that is not an
/// object (a list, text, `null`) and a document that writes a key twice are refused
/// (for the last, the first value would be silently lost; `vitae validate` lists them
/// all).
pub fn open(input: &str, format: Option<Format>) -> anyhow::Result<Document> {
    let doc = load(input, format).map_err(|err| match err {
        LoadError::Syntax(e) => {
            let shown = source_of(input).name();
            anyhow::anyhow!(
                "{shown}:{}:{}: {} syntax error: {}",
                e.line,
                e.column,
                e.format,
                e.message
            )
        }
        other => anyhow::Error::new(other),
    })?;
    if !doc.value.is_object() {
        let at = doc
            .position_of("")
            .unwrap_or(load::Position { line: 1, column: 1 });
        anyhow::bail!(
            "{}:{}:{}: this document is {}, not a resume: a resume is an object \
             (`{{\"basics\": …}}` in JSON, `basics:` in YAML, `[basics]` in TOML)",
            doc.name,
            at.line,
            at.column,
            kind_of(&doc.value)
        );
    }
    if let Some((pointer, span)) = doc.duplicate_keys.first() {
        let at = doc.position(span.start);
        let key = pointer.rsplit('/').next().unwrap_or_default();
        anyhow::bail!(
            "{}:{}:{}: the key `{key}` is written twice in the same object, so one of its values would be lost: \
             remove or merge one ({} in all; `vitae validate` lists them)",
            doc.name,
            at.line,
            at.column,
            doc.duplicate_keys.len()
        );
    }
    Ok(doc)
}

/// What a value is, in words: "a list", "text", "null"…
fn kind_of(value: &serde_json::Value) -> &'static str {
    use serde_json::Value;
    match value {
        Value::Null => "null (nothing)",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// What one command-line argument names, without looking at the file system.
pub fn source_of(input: &str) -> Source {
    if input == "-" {
        Source::Stdin
    } else if fetch::is_http_url(input) {
        Source::Url(input.to_owned())
    } else {
        Source::Path(PathBuf::from(input))
    }
}

/// The client every URL input shares, built on first use.
pub fn client() -> Result<&'static Client, LoadError> {
    static CLIENT: OnceLock<Result<Client, String>> = OnceLock::new();
    CLIENT
        .get_or_init(|| Client::with_timeout(http_timeout()).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| LoadError::Io {
            path: "<network>".to_owned(),
            source: std::io::Error::other(e.clone()),
        })
}

/// The time a request may take in all: [`fetch::TIMEOUT`], unless the environment
/// variable `VITAE_HTTP_TIMEOUT_MS` gives a number of milliseconds (a knob for tests,
/// so that a misbehaving test server costs a fraction of a second, not ten).
fn http_timeout() -> Duration {
    std::env::var("VITAE_HTTP_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|&ms| ms > 0)
        .map_or(fetch::TIMEOUT, Duration::from_millis)
}

/// Fetches a URL (see [`vitae::fetch`] for the limits).
pub fn fetch_url(url: &str) -> Result<Vec<u8>, LoadError> {
    client()?.get(url).map_err(LoadError::from)
}

/// Reads stdin up to the input limit.
pub fn read_stdin() -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(load::MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| LoadError::Io {
            path: STDIN_NAME.to_owned(),
            source,
        })?;
    if bytes.len() > load::MAX_INPUT_BYTES {
        return Err(LoadError::TooLarge {
            path: STDIN_NAME.to_owned(),
        });
    }
    Ok(bytes)
}

/// Expands many inputs: directories are searched, globs matched, and the same file named
/// twice is read once. Inputs that name nothing come back as errors, in order.
pub fn expand(inputs: &[String]) -> (Vec<Source>, Vec<String>) {
    let (mut sources, mut errors) = (Vec::new(), Vec::new());
    for input in inputs {
        match source_of(input) {
            Source::Path(path) => expand_path(input, &path, &mut sources, &mut errors),
            other => sources.push(other),
        }
    }
    let mut seen = std::collections::HashSet::with_capacity(sources.len());
    let first: Vec<bool> = sources.iter().map(|s| seen.insert(s)).collect();
    drop(seen);
    let mut first = first.into_iter();
    sources.retain(|_| first.next().unwrap_or(true));
    (sources, errors)
}

fn expand_path(input: &str, path: &Path, sources: &mut Vec<Source>, errors: &mut Vec<String>) {
    if path.is_dir() {
        let before = sources.len();
        discover(path, 0, sources);
        if sources.len() == before {
            errors.push(format!(
                "no resume files in `{input}` (looked for resume.json|yaml|yml|toml and *.resume.json|yaml|yml|toml)"
            ));
        }
    } else if !path.exists() && input.contains(['*', '?', '[']) {
        match glob::glob(input) {
            Ok(paths) => {
                let before = sources.len();
                for entry in paths.flatten() {
                    if entry.is_dir() {
                        discover(&entry, 0, sources);
                    } else {
                        sources.push(Source::Path(entry));
                    }
                }
                if sources.len() == before {
                    errors.push(format!("no files match `{input}`"));
                }
            }
            Err(e) => errors.push(format!("`{input}` is not a valid glob pattern: {e}")),
        }
    } else {
        // Missing files are reported when they are read, with the OS's reason.
        sources.push(Source::Path(path.to_path_buf()));
    }
}

/// Whether a file name is one the directory search picks.
pub fn is_resume_file_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.rsplit_once('.').is_some_and(|(stem, ext)| {
        matches!(ext, "json" | "yaml" | "yml" | "toml")
            && (stem == "resume" || stem.ends_with(".resume"))
    })
}

fn discover(dir: &Path, depth: usize, out: &mut Vec<Source>) {
    if depth > MAX_DEPTH {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| (e.file_name(), e)).collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (name, entry) in entries {
        let name = name.to_string_lossy();
        if name.starts_with('.') || name == "node_modules" {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let path = entry.path();
        if kind.is_dir() {
            discover(&path, depth + 1, out);
        } else if is_resume_file_name(&name) && (kind.is_file() || path.is_file()) {
            out.push(Source::Path(path));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resume_file_names() {
        for yes in [
            "resume.json",
            "Resume.YAML",
            "ada.resume.toml",
            "x.resume.yml",
        ] {
            assert!(is_resume_file_name(yes), "{yes}");
        }
        for no in [
            "resume.txt",
            "myresume.json",
            "package.json",
            "resume.json.bak",
        ] {
            assert!(!is_resume_file_name(no), "{no}");
        }
    }
}
