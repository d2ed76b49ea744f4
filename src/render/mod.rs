//! Rendering a resume through a theme: HTML, Markdown, plain text, Typst and PDF.
//!
//! A [`Theme`] is a folder with a `theme.toml` and minijinja templates; the built-in
//! ones are embedded in the binary, local ones are read from disk (and can only read
//! their own files). Templates get the resume with empty values removed, the section
//! labels and month names of its language, and filters for dates, Markdown and links
//! (see the README's "Theme authoring"). Everything taken from the resume is escaped
//! for the output format; resume text is data, never template code.
//!
//! ```
//! use vitae::render::{self, Options, Theme};
//! let resume = vitae::Resume::from_json_str(r#"{"basics": {"name": "Ada <Lovelace>"},
//!     "work": [{"name": "Analytical Engines", "startDate": "1842-10"}]}"#)?;
//! let theme = Theme::builtin("modern").unwrap();
//! let html = render::render(&resume, &theme, &Options::default())?.into_string();
//! assert!(html.contains("Ada &lt;Lovelace&gt;"));
//! assert!(html.contains("Oct 1842 – Present"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod environment;
pub mod labels;
pub mod markdown;
#[cfg(feature = "pdf")]
mod pdf;
pub mod text;
mod theme;

use std::fmt;

use serde_json::{Map, Value};

pub use theme::{
    MANIFEST, MAX_TEMPLATE_BYTES, Manifest, Theme, ThemeError, ThemeFormat, is_theme_name,
    local_themes,
};

use crate::load::Document;
use crate::locale::{self, Locale};
use crate::model::{Resume, ResumeError};

/// The work one render may do, before the size of the resume: about a million template
/// instructions. A render that runs out (a runaway loop in a theme) fails cleanly.
const BASE_FUEL: u64 = 1_000_000;
/// Extra fuel per byte of the resume, so large resumes render with any theme.
const FUEL_PER_BYTE: u64 = 64;

/// What `render` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutputFormat {
    /// An HTML page.
    Html,
    /// Markdown.
    Markdown,
    /// Plain text.
    Text,
    /// A PDF document (Typst themes).
    Pdf,
    /// Typst source (Typst themes).
    Typst,
}

impl OutputFormat {
    /// The format's usual file extension (`html`, `md`, `txt`, `pdf`, `typ`).
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Markdown => "md",
            Self::Text => "txt",
            Self::Pdf => "pdf",
            Self::Typst => "typ",
        }
    }

    /// The format a file extension names, if any.
    #[must_use]
    pub fn from_extension(ext: &str) -> Option<Self> {
        match ext.to_ascii_lowercase().as_str() {
            "html" | "htm" => Some(Self::Html),
            "md" | "markdown" => Some(Self::Markdown),
            "txt" | "text" => Some(Self::Text),
            "pdf" => Some(Self::Pdf),
            "typ" => Some(Self::Typst),
            _ => None,
        }
    }

    /// The kind of theme that produces this format.
    #[must_use]
    pub fn theme_format(self) -> ThemeFormat {
        match self {
            Self::Html => ThemeFormat::Html,
            Self::Markdown => ThemeFormat::Markdown,
            Self::Text => ThemeFormat::Text,
            Self::Pdf | Self::Typst => ThemeFormat::Typst,
        }
    }

    /// The built-in theme used for this format when none is named.
    #[must_use]
    pub fn default_theme(self) -> &'static str {
        match self {
            Self::Html => "modern",
            Self::Markdown => "markdown",
            Self::Text => "text",
            Self::Pdf | Self::Typst => "modern-pdf",
        }
    }

    /// Whether the output is binary (not UTF-8 text).
    #[must_use]
    pub fn is_binary(self) -> bool {
        self == Self::Pdf
    }
}

impl fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// How to render.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Language of labels and month names (`de`, `fr-CA`, …); when `None`, the resume's
    /// `meta.language`, else English.
    pub lang: Option<String>,
    /// The output; when `None`, the theme's own (PDF for a Typst theme).
    pub format: Option<OutputFormat>,
}

/// A rendered resume.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// What `bytes` is.
    pub format: OutputFormat,
    /// The document: UTF-8 text, or PDF bytes.
    pub bytes: Vec<u8>,
    /// Things the user should know that did not stop the render (e.g. characters the
    /// bundled PDF fonts cannot show).
    pub warnings: Vec<String>,
}

impl Output {
    /// The document as text (lossy for PDF).
    #[must_use]
    pub fn into_string(self) -> String {
        String::from_utf8(self.bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

/// A render that could not be done.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The document is not a resume the model can hold.
    #[error(transparent)]
    Resume(#[from] ResumeError),
    /// The theme could not be found or read.
    #[error(transparent)]
    Theme(#[from] ThemeError),
    /// The theme cannot produce the requested format.
    #[error(
        "theme `{theme}` makes {theme_format}, not {requested}: pick a {} theme (see `vitae themes`)",
        requested.theme_format()
    )]
    FormatMismatch {
        /// The theme's name.
        theme: String,
        /// What the theme makes.
        theme_format: ThemeFormat,
        /// What was asked for.
        requested: OutputFormat,
    },
    /// A template failed: syntax error, unknown filter, runaway loop, …
    #[error("{}", template_message(theme, template.as_deref(), *line, source_line.as_deref(), message))]
    Template {
        /// The theme's name.
        theme: String,
        /// The template file, when known.
        template: Option<String>,
        /// 1-based line in that file.
        line: Option<usize>,
        /// The text of that line.
        source_line: Option<String>,
        /// What went wrong.
        message: String,
    },
    /// Typst could not compile the theme's output.
    #[error("theme `{theme}`: typst: {message}")]
    Typst {
        /// The theme's name.
        theme: String,
        /// The compiler's errors, with the line of the generated source.
        message: String,
    },
    /// PDF output was asked of a build without the `pdf` feature.
    #[error(
        "this vitae was built without PDF support (cargo feature `pdf`): use `--format typ` and compile with the typst CLI, or rebuild with the feature"
    )]
    PdfDisabled,
}

fn template_message(
    theme: &str,
    template: Option<&str>,
    line: Option<usize>,
    source_line: Option<&str>,
    message: &str,
) -> String {
    let mut out = format!("theme `{theme}`");
    if let Some(t) = template {
        out.push_str(&format!(", template `{t}`"));
    }
    if let Some(l) = line {
        out.push_str(&format!(", line {l}"));
    }
    out.push_str(": ");
    out.push_str(message);
    if let (Some(l), Some(src)) = (line, source_line) {
        out.push_str(&format!("\n {l:>4} | {}", src.trim_end()));
    }
    out
}

/// Renders `resume` with `theme`.
///
/// # Errors
/// [`RenderError::FormatMismatch`] when the theme cannot make `options.format`,
/// [`RenderError::Template`] when a template fails (with file, line and source line),
/// [`RenderError::Typst`] when the PDF cannot be compiled, [`RenderError::PdfDisabled`]
/// for PDF in a build without the `pdf` feature.
pub fn render(resume: &Resume, theme: &Theme, options: &Options) -> Result<Output, RenderError> {
    let format = match options.format {
        Some(f) if f.theme_format() == theme.format() => f,
        Some(requested) => {
            return Err(RenderError::FormatMismatch {
                theme: theme.name().to_owned(),
                theme_format: theme.format(),
                requested,
            });
        }
        None => match theme.format() {
            ThemeFormat::Html => OutputFormat::Html,
            ThemeFormat::Markdown => OutputFormat::Markdown,
            ThemeFormat::Text => OutputFormat::Text,
            ThemeFormat::Typst => OutputFormat::Pdf,
        },
    };
    let value = normalise(resume.to_value());
    let lang = options
        .lang
        .clone()
        .or_else(|| meta_language(&value))
        .unwrap_or_else(|| "en".to_owned());
    let locale = locale::find_or_english(&lang);
    let mut text = render_text(&value, theme, locale, &lang)?;
    if matches!(format, OutputFormat::Markdown | OutputFormat::Text) {
        text = tidy(&text);
    }
    match format {
        OutputFormat::Pdf => pdf_output(theme, &text, &value),
        _ => Ok(Output {
            format,
            bytes: text.into_bytes(),
            warnings: Vec::new(),
        }),
    }
}

/// Reads a loaded document as a resume and renders it; see [`render`].
///
/// # Errors
/// [`RenderError::Resume`] (with line and column) when a value has the wrong type, and
/// the errors of [`render`].
pub fn render_document(
    doc: &Document,
    theme: &Theme,
    options: &Options,
) -> Result<Output, RenderError> {
    let resume = Resume::from_document(doc)?;
    render(&resume, theme, options)
}

/// The resume as Markdown with the built-in `markdown` theme (what `vitae convert --to
/// markdown` writes).
///
/// # Errors
/// None in practice: the built-in theme is tested; a failure is a bug reported as
/// [`RenderError::Template`].
pub fn to_markdown(resume: &Resume, lang: Option<&str>) -> Result<String, RenderError> {
    let theme = Theme::builtin("markdown").ok_or_else(|| {
        RenderError::Theme(ThemeError::NotFound {
            name: "markdown".to_owned(),
            available: Vec::new(),
        })
    })?;
    let options = Options {
        lang: lang.map(str::to_owned),
        format: Some(OutputFormat::Markdown),
    };
    Ok(render(resume, &theme, &options)?.into_string())
}

#[cfg(feature = "pdf")]
fn pdf_output(theme: &Theme, source: &str, resume: &Value) -> Result<Output, RenderError> {
    let compiled = pdf::compile(source, resume).map_err(|message| RenderError::Typst {
        theme: theme.name().to_owned(),
        message,
    })?;
    Ok(Output {
        format: OutputFormat::Pdf,
        bytes: compiled.pdf,
        warnings: compiled.warnings,
    })
}

#[cfg(not(feature = "pdf"))]
fn pdf_output(_: &Theme, _: &str, _: &Value) -> Result<Output, RenderError> {
    Err(RenderError::PdfDisabled)
}

/// Runs the theme's entry template over the normalised resume.
fn render_text(
    resume: &Value,
    theme: &Theme,
    locale: &'static Locale,
    lang: &str,
) -> Result<String, RenderError> {
    let size = serde_json::to_string(resume).map_or(0, |s| s.len()) as u64;
    let fuel = BASE_FUEL.saturating_add(size.saturating_mul(FUEL_PER_BYTE));
    let env = environment::build(theme, locale, fuel);
    let ctx = minijinja::context! {
        resume => minijinja::Value::from(minijinja::value::Serde(resume)),
        lang => locale.code,
        labels => minijinja::Value::from(minijinja::value::Serde(&labels_for(theme, lang))),
        present => locale.present,
        theme => minijinja::context! {
            name => theme.name(),
            description => theme.description(),
            format => theme.format().name(),
        },
    };
    let template = env
        .get_template(theme.entry())
        .map_err(|e| template_error(theme, &e))?;
    template.render(ctx).map_err(|e| template_error(theme, &e))
}

/// The labels for `lang`: the theme's own for that language, then vitae's defaults for
/// it, then the theme's English ones, then vitae's English ones.
fn labels_for(theme: &Theme, lang: &str) -> Map<String, Value> {
    let code = locale::find(lang).map_or("en", |l| l.code);
    let own = |code: &str| theme.manifest().labels.get(code);
    let mut labels = labels::defaults("en");
    if let Some(en) = own("en") {
        labels.extend(en.iter().map(|(k, v)| (k.clone(), Value::from(v.as_str()))));
    }
    if code != "en" {
        labels.extend(labels::defaults(code));
        if let Some(tr) = own(code) {
            labels.extend(tr.iter().map(|(k, v)| (k.clone(), Value::from(v.as_str()))));
        }
    }
    labels
}

/// Trailing spaces removed, runs of blank lines collapsed into one, no blank lines at
/// the start, one line end at the end: Markdown and text templates need not count
/// their newlines.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
        } else {
            out.push_str(line);
            out.push('\n');
            blank = false;
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// `meta.language` of the resume, when it is a string.
fn meta_language(resume: &Value) -> Option<String> {
    resume
        .pointer("/meta/language")
        .and_then(Value::as_str)
        .map(str::to_owned)
}

/// Removes what a theme should treat as absent: empty or blank strings, empty arrays
/// and objects (after their own empty members are removed); trims strings.
fn normalise(value: Value) -> Value {
    fn prune(value: Value) -> Option<Value> {
        match value {
            Value::String(s) => {
                let t = s.trim();
                (!t.is_empty()).then(|| Value::String(t.to_owned()))
            }
            Value::Array(items) => {
                let items: Vec<Value> = items.into_iter().filter_map(prune).collect();
                (!items.is_empty()).then_some(Value::Array(items))
            }
            Value::Object(map) => {
                let map: Map<String, Value> = map
                    .into_iter()
                    .filter_map(|(k, v)| prune(v).map(|v| (k, v)))
                    .collect();
                (!map.is_empty()).then_some(Value::Object(map))
            }
            Value::Null => None,
            other => Some(other),
        }
    }
    prune(value).unwrap_or_else(|| Value::Object(Map::new()))
}

/// Turns a minijinja error into one naming the template file, line and source line.
fn template_error(theme: &Theme, err: &minijinja::Error) -> RenderError {
    // An error inside an included template arrives wrapped: report the innermost one
    // that knows its place.
    let mut innermost = err;
    let mut current: &dyn std::error::Error = err;
    while let Some(next) = current.source() {
        if let Some(e) = next.downcast_ref::<minijinja::Error>()
            && e.name().is_some()
        {
            innermost = e;
        }
        current = next;
    }
    let template = innermost.name().map(str::to_owned);
    let line = innermost.line();
    let source_line = match (&template, line) {
        (Some(name), Some(l)) => theme
            .template(name)
            .ok()
            .flatten()
            .and_then(|src| src.lines().nth(l.saturating_sub(1)).map(str::to_owned)),
        _ => None,
    };
    let message = match innermost.detail() {
        Some(detail) => format!("{}: {detail}", innermost.kind()),
        None => innermost.kind().to_string(),
    };
    RenderError::Template {
        theme: theme.name().to_owned(),
        template,
        line,
        source_line,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_drops_empty_values() {
        let v = serde_json::json!({
            "basics": {"name": " Ada ", "label": "", "profiles": [{}], "location": {"city": " "}},
            "work": [{"name": ""}],
            "skills": [{"name": "Rust", "keywords": []}],
        });
        assert_eq!(
            normalise(v),
            serde_json::json!({"basics": {"name": "Ada"}, "skills": [{"name": "Rust"}]})
        );
    }

    #[test]
    fn tidy_collapses_blank_lines() {
        assert_eq!(tidy("\n\n# A  \n\n\n\nb\n\n"), "# A\n\nb\n");
    }

    #[test]
    fn labels_fall_back() {
        let theme = Theme::builtin("text").unwrap();
        assert_eq!(labels_for(&theme, "de-AT")["work"], "Berufserfahrung");
        assert_eq!(labels_for(&theme, "xx")["work"], "Experience");
    }

    #[test]
    fn format_extensions_round_trip() {
        for f in [
            OutputFormat::Html,
            OutputFormat::Markdown,
            OutputFormat::Text,
            OutputFormat::Pdf,
            OutputFormat::Typst,
        ] {
            assert_eq!(OutputFormat::from_extension(f.extension()), Some(f));
            assert_eq!(
                Theme::builtin(f.default_theme()).map(|t| t.format()),
                Some(f.theme_format())
            );
        }
    }
}
