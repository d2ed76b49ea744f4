//! `vitae convert`: one resume from one format to another, written atomically.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::ValueEnum;
use vitae::Severity;
use vitae::convert::{self, ChangeKind, Converted, Dialect, Report, Target, legacy};
use vitae::load::{Document, Format, LoadError};
use vitae::validate::Validator;

use crate::args::Global;
use crate::{input, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The resume to convert (JSON, YAML or TOML; JSON Resume or FRESH); `-` reads stdin.
    #[arg(value_name = "INPUT")]
    pub input: String,
    /// Write the result to this file (atomically) instead of stdout (`-` is stdout); its extension
    /// (.json, .yaml, .yml, .toml) picks the format when --to does not. Never the input
    /// file itself.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Read the input as this format (default: from its extension, then its content).
    /// json, yaml and toml name the syntax and leave the dialect to the content; fresh
    /// reads the input as FRESH whatever its syntax.
    #[arg(long, value_enum, value_name = "FMT")]
    pub from: Option<ConvertFormat>,
    /// Write this format (default: from the extension of -o, else json). json, yaml
    /// and toml write JSON Resume; fresh writes FRESH, as JSON unless -o names a YAML
    /// or TOML file.
    #[arg(long, value_enum, value_name = "FMT")]
    pub to: Option<ConvertFormat>,
    /// Print on stderr what was converted, renamed, moved to extension keys, or could
    /// not be represented.
    #[arg(long)]
    pub report: bool,
}

/// A format `convert` reads or writes. Each says how it is read ([`Reader`]) and
/// written ([`Writer`]); a format that works one way only (a free-form text importer, a
/// Markdown export) gets its own variant there and answers the other way with an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConvertFormat {
    /// JSON.
    Json,
    /// YAML.
    Yaml,
    /// TOML.
    Toml,
    /// FRESH, HackMyResume's format (in JSON, YAML or TOML).
    Fresh,
    /// A free-form CV: plain text, Markdown, or text pulled from a PDF (import only).
    Text,
    /// A readable Markdown resume, made by the built-in `markdown` theme (export only).
    Markdown,
}

/// How the input is read.
enum Reader {
    /// A data document: the syntax from here, else the extension, else the content; the
    /// dialect from here, else the content.
    Data {
        syntax: Option<Format>,
        dialect: Option<Dialect>,
    },
    /// A free-form CV, imported into JSON Resume.
    Text,
}

/// How the output is written.
enum Writer {
    /// A data document: the syntax from here, else the extension of `-o`, else JSON.
    Data {
        syntax: Option<Format>,
        dialect: Dialect,
    },
    /// A readable Markdown resume, through the built-in `markdown` theme.
    Markdown,
}

impl ConvertFormat {
    fn reader(self) -> anyhow::Result<Reader> {
        Ok(match self {
            ConvertFormat::Json => read_syntax(Format::Json),
            ConvertFormat::Yaml => read_syntax(Format::Yaml),
            ConvertFormat::Toml => read_syntax(Format::Toml),
            ConvertFormat::Fresh => Reader::Data {
                syntax: None,
                dialect: Some(Dialect::Fresh),
            },
            ConvertFormat::Text => Reader::Text,
            ConvertFormat::Markdown => bail!(
                "markdown is an export format: to import a CV written in Markdown, use --from text"
            ),
        })
    }

    fn writer(self) -> anyhow::Result<Writer> {
        let data = |syntax, dialect| Writer::Data { syntax, dialect };
        Ok(match self {
            ConvertFormat::Json => data(Some(Format::Json), Dialect::JsonResume),
            ConvertFormat::Yaml => data(Some(Format::Yaml), Dialect::JsonResume),
            ConvertFormat::Toml => data(Some(Format::Toml), Dialect::JsonResume),
            ConvertFormat::Fresh => data(None, Dialect::Fresh),
            ConvertFormat::Text => bail!(
                "text is an import format: vitae reads free-form CVs but does not write them; \
                 write json, yaml, toml, fresh or markdown"
            ),
            ConvertFormat::Markdown => Writer::Markdown,
        })
    }
}

fn read_syntax(format: Format) -> Reader {
    Reader::Data {
        syntax: Some(format),
        dialect: None,
    }
}

pub fn run(args: Args, global: &Global) -> anyhow::Result<ExitCode> {
    let reader = match args.from {
        Some(format) => format.reader()?,
        None if is_text_name(&args.input) => Reader::Text,
        None => Reader::Data {
            syntax: None,
            dialect: None,
        },
    };
    let writer = match args.to {
        Some(format) => format.writer()?,
        None if args.output.as_deref().is_some_and(is_markdown_name) => Writer::Markdown,
        None => Writer::Data {
            syntax: None,
            dialect: Dialect::JsonResume,
        },
    };
    if let Some(output) = &args.output {
        refuse_same_file(&args.input, output)?;
    }
    let (doc, dialect, import) = match reader {
        Reader::Data { syntax, dialect } => (input::open(&args.input, syntax)?, dialect, None),
        Reader::Text => {
            let (doc, import) = import_text(&args.input)?;
            (doc, Some(Dialect::JsonResume), Some(import))
        }
    };
    let (text, converted) = match writer {
        Writer::Markdown => (markdown(&doc, dialect)?, None),
        Writer::Data {
            syntax,
            dialect: out,
        } => {
            let target = target(&args, syntax, out)?;
            let converted = convert::convert(&doc, dialect, target)
                .map_err(|err| locate(&doc, &err.to_string(), err.pointer(), target))?;
            (converted.text.clone(), Some((converted, target)))
        }
    };
    match &args.output {
        Some(path) => vitae::fs::write_atomic(path, text.as_bytes())
            .with_context(|| format!("cannot write `{}`", path.display()))?,
        None => output::stdout(text.as_bytes())?,
    }
    if let Some(import) = &import {
        output::stderr(&text_notes(&args.input, import, args.report, global.quiet));
        return Ok(ExitCode::SUCCESS);
    }
    if let Some((converted, target)) = &converted {
        if args.report {
            output::stderr(&summary(&doc, converted, *target));
        } else if !global.quiet {
            output::stderr(&notes(&converted.report, *target));
        }
    }
    if !global.quiet
        && convert::detect(&doc.value) == Dialect::JsonResume
        && legacy::has_legacy_fields(&doc.value)
    {
        output::note!(
            "note: {} uses field names of an older JSON Resume version (`website`, `company`, …); `vitae migrate` updates them",
            doc.name
        );
    }
    let invalid = converted
        .as_ref()
        .is_some_and(|(converted, target)| schema_errors(&doc, converted, *target));
    Ok(if invalid {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// After a conversion: whether the resume breaks the JSON Resume schema, saying so on
/// stderr. The output is written all the same (it holds exactly what the input held);
/// the exit code, 1, tells scripts and CI that the resume itself needs fixing, as
/// `vitae migrate` does for what it cannot fix.
fn schema_errors(doc: &Document, converted: &Converted, target: Target) -> bool {
    let validator = Validator::new().lint(false);
    if converted.from == Dialect::JsonResume {
        let report = validator.validate(doc);
        let errors: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        let Some(first) = errors.first() else {
            return false;
        };
        output::note!(
            "{}:{}:{}: error[{}]: {}",
            doc.name,
            first.line,
            first.column,
            first.code,
            first.message
        );
        let more = match errors.len() - 1 {
            0 => String::new(),
            1 => "1 more error; ".to_owned(),
            n => format!("{n} more errors; "),
        };
        output::note!(
            "{}: converted, but it is not valid JSON Resume ({more}`vitae validate {}` lists every finding)",
            doc.name,
            doc.name
        );
        return true;
    }
    // FRESH: check what it reads as in JSON Resume.
    let as_json_resume = if target.dialect == Dialect::JsonResume {
        Some(std::borrow::Cow::Borrowed(&converted.value))
    } else {
        convert::normalize(&doc.value)
            .ok()
            .map(|(value, _)| std::borrow::Cow::Owned(value))
    };
    match as_json_resume {
        Some(value) if !validator.is_valid(&value) => {
            output::note!(
                "{}: converted, but read as JSON Resume it is not valid (convert it to JSON Resume and run `vitae validate` on the result to see why)",
                doc.name
            );
            true
        }
        _ => false,
    }
}

/// The resume as Markdown, through the built-in `markdown` theme (a FRESH document is
/// read as JSON Resume first).
fn markdown(doc: &Document, dialect: Option<Dialect>) -> anyhow::Result<String> {
    let fresh = dialect.unwrap_or_else(|| convert::detect(&doc.value)) == Dialect::Fresh;
    let resume = if fresh {
        let (value, _) = convert::fresh::to_json_resume(&doc.value).map_err(|err| {
            locate(
                doc,
                &err.to_string(),
                err.pointer(),
                Target::new(Dialect::JsonResume, Format::Json),
            )
        })?;
        vitae::Resume::from_value(&value)
    } else {
        vitae::Resume::from_document(doc)
    }
    .map_err(|err| anyhow::anyhow!("{}: {err}", doc.name))?;
    vitae::render::to_markdown(&resume, None).map_err(|err| anyhow::anyhow!("{}: {err}", doc.name))
}

/// Output file names that ask for a Markdown export when `--to` is not given.
fn is_markdown_name(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("md" | "markdown"))
}

/// `path:line:col: message`, at the value `pointer` names (or its closest ancestor).
pub fn locate(doc: &Document, message: &str, pointer: &str, target: Target) -> anyhow::Error {
    let at = doc
        .position_of(pointer)
        .map(|p| format!("{}:{}:{}: ", doc.name, p.line, p.column))
        .unwrap_or_else(|| format!("{}: ", doc.name));
    anyhow::anyhow!(
        "{at}cannot convert to {} in {}: {message}",
        target.dialect,
        target.format
    )
}

/// The target: the dialect asked for, in the syntax asked for or named by `-o`.
fn target(args: &Args, syntax: Option<Format>, dialect: Dialect) -> anyhow::Result<Target> {
    let from_extension = args.output.as_deref().and_then(Format::from_extension);
    let format = match syntax {
        Some(format) => {
            if let Some(ext) = from_extension
                && ext != format
                && let Some(path) = &args.output
            {
                bail!(
                    "--to {} asks for {format}, but `{}` is named as {ext}: change the extension or the format",
                    format.name(),
                    path.display()
                );
            }
            format
        }
        None => from_extension.unwrap_or(Format::Json),
    };
    Ok(Target::new(dialect, format))
}

/// Converting a file onto itself would replace the resume in another format (and lose
/// any YAML or TOML comments): refused. `vitae migrate --in-place` updates a file.
fn refuse_same_file(input: &str, output: &Path) -> anyhow::Result<()> {
    if input == "-" {
        return Ok(());
    }
    let same = match (std::fs::canonicalize(input), std::fs::canonicalize(output)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        bail!(
            "`{}` is the input file: vitae convert does not overwrite its input; write to another file (to update an old resume in place, use `vitae migrate --in-place`)",
            output.display()
        );
    }
    Ok(())
}

/// `--report`: the conversion in one line, counts, then every change grouped.
fn summary(doc: &Document, converted: &Converted, target: Target) -> String {
    let report = &converted.report;
    let mut text = format!(
        "converted {} ({} in {}) to {} in {}: {} values\n",
        doc.name, converted.from, doc.format, target.dialect, target.format, converted.values
    );
    text.push_str(&format!(
        "  {} renamed, {} moved to extension keys, {} removed, {} not representable\n",
        report.count(ChangeKind::Renamed),
        report.count(ChangeKind::Extension),
        report.count(ChangeKind::Removed),
        report.count(ChangeKind::Unresolved),
    ));
    for group in report.grouped() {
        text.push_str(&format!("  {group}\n"));
    }
    text
}

/// Without `--report`: one line when fields went to extension keys.
fn notes(report: &Report, target: Target) -> String {
    match report.count(ChangeKind::Extension) {
        0 => String::new(),
        n => format!(
            "note: {n} field{} with no place in {} kept under x-… extension keys (--report lists them)\n",
            if n == 1 { "" } else { "s" },
            target.dialect
        ),
    }
}

/// File names read as free-form CVs when `--from` is not given.
fn is_text_name(input: &str) -> bool {
    let ext = Path::new(input)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("txt" | "text" | "md" | "markdown"))
}

/// Reads a free-form CV (a path, `-` or a URL) and imports it; the document returned is
/// the imported resume as JSON, ready for the writers.
fn import_text(name: &str) -> anyhow::Result<(Document, vitae::convert::text::Import)> {
    let source = input::source_of(name);
    let bytes = source.read()?;
    let shown = source.name();
    let text = vitae::load::decode(&shown, &bytes, None).map_err(|err| match err {
        LoadError::Syntax(e) => anyhow::anyhow!("{shown}:{}:{}: {}", e.line, e.column, e.message),
        other => anyhow::Error::new(other),
    })?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        bail!("`{shown}` is empty: there is no CV in it");
    }
    if let Some(at) = text.find('\0') {
        let at = vitae::load::Position::of_offset(text, at);
        bail!(
            "{shown}:{}:{}: a NUL byte: this is a binary file, not text; for a PDF or Word \
             document, extract the text first (e.g. `pdftotext -layout cv.pdf cv.txt`)",
            at.line,
            at.column
        );
    }
    let mut import = vitae::convert::text::import(text);
    // Built from the value, not written out and parsed back: line and column in a JSON
    // text nobody sees would tell the user nothing, and for 1 MB of CV the round trip
    // cost a sixth of the command. The resume moves into the document.
    let resume = std::mem::take(&mut import.resume);
    let doc = Document::from_value(&shown, Format::Json, resume);
    Ok((doc, import))
}

/// After an import: with `--report`, where every line went; otherwise one line saying
/// how many lines had no field and were kept in `meta.x-vitae.unmapped`.
fn text_notes(
    input: &str,
    import: &vitae::convert::text::Import,
    report: bool,
    quiet: bool,
) -> String {
    let unmapped = import.unmapped().len();
    let content = import
        .lines
        .iter()
        .filter(|l| l.kind == vitae::convert::text::LineKind::Content)
        .count();
    let mut text = String::new();
    if report {
        text.push_str(&format!(
            "imported {input}: {content} lines with words, {} placed in fields, {unmapped} kept in meta.x-vitae.unmapped\n",
            content - unmapped
        ));
        text.push_str(&import.report());
    } else if unmapped > 0 && !quiet {
        text.push_str(&format!(
            "note: {unmapped} of {content} lines fit no field and are kept in meta.x-vitae.unmapped (--report shows where each line went)\n"
        ));
    }
    text
}
