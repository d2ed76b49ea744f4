//! Reading documents: bytes → text → value, with a map from every JSON pointer to the
//! place in the source it came from.
//!
//! JSON, YAML and TOML are read with parsers that keep positions (`load/json.rs` is our
//! own; YAML uses `saphyr-parser` events, TOML `toml`'s spanned tables), so diagnostics
//! can point at the exact key or value whatever the input format. A UTF-8 BOM is
//! skipped and CRLF line ends are fine. Inputs are bounded: [`MAX_INPUT_BYTES`] of
//! text and [`MAX_DEPTH`] levels of nesting.

mod json;
mod source_map;
mod toml;
mod yaml;

use std::fmt;
use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

use serde_json::Value;

pub use source_map::{NodeSpan, Position, SourceMap, Span, escape_pointer_token};

/// The largest input vitae reads: 16 MiB. Real resumes are a few kilobytes.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// The deepest nesting of objects and arrays vitae reads. Resumes nest about five deep.
pub const MAX_DEPTH: usize = 128;

/// How many values YAML aliases may expand to in one document, so that an "alias
/// bomb" (a billion laughs) is refused instead of eating memory.
pub const MAX_ALIAS_EXPANSION: usize = 100_000;

/// A data syntax vitae reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JSON (RFC 8259).
    Json,
    /// YAML 1.2, core schema.
    Yaml,
    /// TOML 1.0 / 1.1.
    Toml,
}

impl Format {
    /// The format a file name's extension names: `.json`, `.yaml`/`.yml`, `.toml`.
    #[must_use]
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "yaml" | "yml" => Some(Format::Yaml),
            "toml" => Some(Format::Toml),
            _ => None,
        }
    }

    /// Guesses the format of `text`: JSON if it starts with `{` or `[`, TOML if its first
    /// statement is a `[table]` header or a `key = value` line, YAML otherwise.
    #[must_use]
    pub fn sniff(text: &str) -> Format {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let first = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with('#'))
            .unwrap_or("");
        if first.starts_with('{') || first.starts_with('[') && !looks_like_toml_header(first) {
            Format::Json
        } else if looks_like_toml_header(first) || looks_like_toml_assignment(first) {
            Format::Toml
        } else {
            Format::Yaml
        }
    }

    /// The lower-case name: `json`, `yaml` or `toml`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Yaml => "yaml",
            Format::Toml => "toml",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Json => "JSON",
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
        })
    }
}

fn looks_like_toml_header(line: &str) -> bool {
    let inner = line.trim_start_matches('[').trim_end_matches(']');
    line.ends_with(']')
        && !inner.is_empty()
        && inner
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"' | ' '))
}

fn looks_like_toml_assignment(line: &str) -> bool {
    line.split_once('=').is_some_and(|(key, _)| {
        let key = key.trim();
        let quoted = key.len() >= 2 && key.starts_with('"') && key.ends_with('"');
        quoted
            || !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
    })
}

/// A document could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be opened or read.
    #[error("cannot read `{path}`: {source}")]
    Io {
        /// The path as given.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The path names something that is not a file (a directory, a FIFO, a device).
    #[error("`{path}` is not a regular file ({kind})")]
    NotAFile {
        /// The path as given.
        path: String,
        /// What it is instead, e.g. "a directory".
        kind: &'static str,
    },
    /// The input is larger than [`MAX_INPUT_BYTES`].
    #[error("`{path}` is larger than the {} MiB vitae reads", MAX_INPUT_BYTES / (1024 * 1024))]
    TooLarge {
        /// The path as given.
        path: String,
    },
    /// The text does not parse.
    #[error(transparent)]
    Syntax(#[from] SyntaxError),
    /// A URL could not be fetched.
    #[error(transparent)]
    Fetch(#[from] crate::fetch::FetchError),
    /// The input holds no data: it is empty, or only white space and comments (see
    /// [`is_blank`]). Reading it as an empty resume would let a truncated or failed
    /// download pass for a valid one.
    #[error("`{path}` is empty: there is no resume in it")]
    Empty {
        /// The path as given.
        path: String,
    },
}

/// Text that does not parse, with the place where parsing stopped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{format} syntax error at line {line}, column {column}: {message}")]
pub struct SyntaxError {
    /// The syntax being read.
    pub format: Format,
    /// What is wrong, e.g. "expected `,` or `}` after an object entry".
    pub message: String,
    /// Byte offset in the text (after a BOM).
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl SyntaxError {
    pub(crate) fn at(
        format: Format,
        text: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Self {
        let offset = offset.min(text.len());
        let position = Position::of_offset(text, offset);
        SyntaxError {
            format,
            message: message.into(),
            offset,
            line: position.line,
            column: position.column,
        }
    }
}

/// A parsed document: its value, the text it came from and where each value is in it.
#[derive(Debug, Clone)]
pub struct Document {
    /// The name to show in messages: the path as given, `<stdin>`, or a URL.
    pub name: String,
    /// The syntax it was read as.
    pub format: Format,
    /// The source text (without a BOM); spans are byte offsets into it.
    pub source: String,
    /// The value.
    pub value: Value,
    /// Where each value (and object key) is in `source`, by JSON pointer.
    pub spans: SourceMap,
    /// Object keys written more than once; the last value wins. One entry per repeat,
    /// with the pointer of the key and the span of the repeated key.
    pub duplicate_keys: Vec<(String, Span)>,
    line_starts: OnceLock<Vec<usize>>,
}

impl Document {
    /// A document built in memory rather than read from text (an imported CV, say): it
    /// has no source text and no spans, so messages about it name the document and the
    /// JSON pointer but no line and column.
    ///
    /// ```
    /// use vitae::load::{Document, Format};
    ///
    /// let doc = Document::from_value("cv.txt", Format::Json, serde_json::json!({"basics": {}}));
    /// assert_eq!(doc.value["basics"], serde_json::json!({}));
    /// assert!(doc.position_of("/basics").is_none());
    /// ```
    #[must_use]
    pub fn from_value(name: &str, format: Format, value: Value) -> Self {
        Self {
            name: name.to_owned(),
            format,
            source: String::new(),
            value,
            spans: SourceMap::default(),
            duplicate_keys: Vec::new(),
            line_starts: OnceLock::new(),
        }
    }

    /// The span of the value at `pointer` (and of its key, for object members).
    #[must_use]
    pub fn span_of(&self, pointer: &str) -> Option<NodeSpan> {
        self.spans.get(pointer)
    }

    /// The span of the value at `pointer`, or of its closest ancestor that has one
    /// (values that came from a YAML alias share the alias's place).
    #[must_use]
    pub fn nearest_span(&self, pointer: &str) -> Option<NodeSpan> {
        let mut p = pointer;
        loop {
            if let Some(span) = self.spans.get(p) {
                return Some(span);
            }
            let cut = p.rfind('/')?;
            p = &p[..cut];
        }
    }

    /// The 1-based line and column where the value at `pointer` starts (or its closest
    /// ancestor's).
    #[must_use]
    pub fn position_of(&self, pointer: &str) -> Option<Position> {
        self.nearest_span(pointer)
            .map(|s| self.position(s.value.start))
    }

    /// The 1-based line and column of a byte offset in `source`.
    #[must_use]
    pub fn position(&self, offset: usize) -> Position {
        let starts = self
            .line_starts
            .get_or_init(|| source_map::line_starts(&self.source));
        Position::of_offset_with(&self.source, starts, offset)
    }

    /// The text of 1-based line `line`, without its line end.
    #[must_use]
    pub fn line_text(&self, line: usize) -> &str {
        let starts = self
            .line_starts
            .get_or_init(|| source_map::line_starts(&self.source));
        let Some(&start) = starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = starts.get(line).copied().unwrap_or(self.source.len());
        self.source[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// Parses `text` as `format` (a leading BOM is skipped).
///
/// # Errors
/// [`SyntaxError`] with line and column when the text does not parse, nests deeper
/// than [`MAX_DEPTH`], or (YAML) expands aliases beyond [`MAX_ALIAS_EXPANSION`].
pub fn parse(text: &str, format: Format) -> Result<Document, SyntaxError> {
    parse_named("<string>", text, format)
}

fn parse_named(name: &str, text: &str, format: Format) -> Result<Document, SyntaxError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parsed = match format {
        Format::Json => json::parse(text)?,
        Format::Yaml => yaml::parse(text)?,
        Format::Toml => toml::parse(text)?,
    };
    Ok(Document {
        name: name.to_owned(),
        format,
        source: text.to_owned(),
        value: parsed.value,
        spans: parsed.spans,
        duplicate_keys: parsed.duplicate_keys,
        line_starts: OnceLock::new(),
    })
}

/// What a format parser hands back.
pub(crate) struct Parsed {
    pub value: Value,
    pub spans: SourceMap,
    pub duplicate_keys: Vec<(String, Span)>,
}

/// Reads a document from bytes (from stdin, a URL or a file): checks the size and the
/// UTF-8, skips a BOM, takes the format from `format` or else sniffs it, and parses.
///
/// # Errors
/// [`LoadError::TooLarge`] past [`MAX_INPUT_BYTES`]; [`LoadError::Syntax`] for bytes
/// that are not UTF-8 (with the position of the first bad byte) or text that does not
/// parse; [`LoadError::Empty`] for input with no data in it ([`is_blank`]).
pub fn from_bytes(name: &str, bytes: &[u8], format: Option<Format>) -> Result<Document, LoadError> {
    let text = decode(name, bytes, format)?;
    let format = format.unwrap_or_else(|| Format::sniff(text));
    if is_blank(text, format) {
        return Err(LoadError::Empty {
            path: name.to_owned(),
        });
    }
    Ok(parse_named(name, text, format)?)
}

/// Whether `text` holds no data at all: nothing but white space (and a BOM), plus, in
/// YAML and TOML, comment lines (and YAML's `---` / `...` document markers). YAML
/// reads such a text as `null` and TOML as an empty table; [`from_bytes`] refuses it.
///
/// ```
/// use vitae::load::{is_blank, Format};
/// assert!(is_blank("\u{feff} \n", Format::Json));
/// assert!(is_blank("# my resume\n---\n", Format::Yaml));
/// assert!(!is_blank("{}", Format::Json));
/// assert!(!is_blank("name = 'x' # a comment", Format::Toml));
/// ```
#[must_use]
pub fn is_blank(text: &str, format: Format) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match format {
        Format::Json => text.trim().is_empty(),
        Format::Yaml | Format::Toml => text.lines().all(|line| {
            let line = line.trim();
            line.is_empty()
                || line.starts_with('#')
                || format == Format::Yaml && matches!(line, "---" | "...")
        }),
    }
}

/// Checks size and UTF-8 of raw input and returns it as text (BOM kept).
///
/// # Errors
/// As [`from_bytes`], before parsing.
pub fn decode<'a>(
    name: &str,
    bytes: &'a [u8],
    format: Option<Format>,
) -> Result<&'a str, LoadError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(LoadError::TooLarge {
            path: name.to_owned(),
        });
    }
    std::str::from_utf8(bytes).map_err(|err| {
        let good = &bytes[..err.valid_up_to()];
        // The prefix is valid UTF-8 by construction.
        let text = std::str::from_utf8(good).unwrap_or_default();
        let format = format.unwrap_or_else(|| Format::sniff(text));
        LoadError::Syntax(SyntaxError::at(
            format,
            text,
            text.len(),
            format!(
                "the file is not UTF-8 text (byte 0x{:02X} at offset {}): save it as UTF-8",
                bytes[err.valid_up_to()],
                err.valid_up_to()
            ),
        ))
    })
}

/// Reads and parses the file at `path`; the format comes from `format`, the extension,
/// or the content, in that order.
///
/// # Errors
/// [`LoadError::Io`] when it cannot be read, [`LoadError::NotAFile`] for a directory,
/// FIFO or device, [`LoadError::TooLarge`], [`LoadError::Syntax`] or
/// [`LoadError::Empty`].
pub fn from_path(path: &Path, format: Option<Format>) -> Result<Document, LoadError> {
    let bytes = read_file(path)?;
    let format = format.or_else(|| Format::from_extension(path));
    from_bytes(&path.display().to_string(), &bytes, format)
}

/// Reads a regular file of at most [`MAX_INPUT_BYTES`] (never blocks on a FIFO).
///
/// # Errors
/// As [`from_path`], without parsing.
pub fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    let name = || path.display().to_string();
    let io = |source| LoadError::Io {
        path: name(),
        source,
    };
    // Opening a FIFO for reading blocks until a writer comes, unless non-blocking; then
    // the open file says what it is (one path lookup, not two: this is per file of a
    // batch). Reading a regular file ignores the flag.
    let opened = open_nonblocking(path);
    // A socket cannot be opened at all: say what it is rather than "no such device".
    let meta = match &opened {
        Ok(file) => file.metadata(),
        Err(_) => std::fs::metadata(path),
    }
    .map_err(io)?;
    if !meta.is_file() {
        let kind = if meta.is_dir() {
            "a directory"
        } else {
            "a FIFO, socket or device"
        };
        return Err(LoadError::NotAFile { path: name(), kind });
    }
    if meta.len() > MAX_INPUT_BYTES as u64 {
        return Err(LoadError::TooLarge { path: name() });
    }
    let file = opened.map_err(io)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(LoadError::TooLarge { path: name() });
    }
    Ok(bytes)
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}
