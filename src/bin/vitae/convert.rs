//! `vitae convert`: one resume from one format to another, written atomically.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::ValueEnum;
use vitae::convert::{self, ChangeKind, Converted, Dialect, Report, Target};
use vitae::load::{Document, Format, LoadError};

use crate::args::Global;
use crate::input;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The resume to convert (JSON, YAML or TOML; JSON Resume or FRESH); `-` reads stdin.
    #[arg(value_name = "INPUT")]
    pub input: String,
    /// Write the result to this file (atomically) instead of stdout; its extension
    /// (.json, .yaml, .yml, .toml) picks the format when --to does not.
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

/// A format `convert` reads or writes: a syntax (JSON Resume written in it) or a
/// dialect. New ones (a free-form text importer, a Markdown export) join here, with
/// their arm in [`ConvertFormat::plan`].
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
}

/// How to read or write a format: the syntax (if it fixes one) and the dialect (if it
/// fixes one).
struct Plan {
    syntax: Option<Format>,
    dialect: Option<Dialect>,
}

impl ConvertFormat {
    fn plan(self) -> Plan {
        match self {
            ConvertFormat::Json => syntax(Format::Json),
            ConvertFormat::Yaml => syntax(Format::Yaml),
            ConvertFormat::Toml => syntax(Format::Toml),
            ConvertFormat::Fresh => Plan {
                syntax: None,
                dialect: Some(Dialect::Fresh),
            },
        }
    }
}

fn syntax(format: Format) -> Plan {
    Plan {
        syntax: Some(format),
        dialect: None,
    }
}

pub fn run(args: Args, global: &Global) -> anyhow::Result<ExitCode> {
    let read = args.from.map(ConvertFormat::plan);
    let doc = load(&args.input, read.as_ref().and_then(|p| p.syntax))?;
    let target = target(&args)?;
    if let Some(output) = &args.output {
        refuse_same_file(&args.input, output)?;
    }
    let converted = convert::convert(&doc, read.and_then(|p| p.dialect), target)
        .map_err(|err| locate(&doc, &err.to_string(), err.pointer(), target))?;
    match &args.output {
        Some(path) => vitae::fs::write_atomic(path, converted.text.as_bytes())
            .with_context(|| format!("cannot write `{}`", path.display()))?,
        None => std::io::stdout()
            .lock()
            .write_all(converted.text.as_bytes())
            .context("cannot write to stdout")?,
    }
    let mut err = std::io::stderr().lock();
    if args.report {
        write!(err, "{}", summary(&doc, &converted, target))?;
    } else if !global.quiet {
        write!(err, "{}", notes(&converted.report, target))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads the input; a syntax error reads `path:line:col: message`.
pub fn load(name: &str, format: Option<Format>) -> anyhow::Result<Document> {
    input::load(name, format).map_err(|err| match err {
        LoadError::Syntax(e) => {
            let shown = if name == "-" { input::STDIN_NAME } else { name };
            anyhow::anyhow!(
                "{shown}:{}:{}: {} syntax error: {}",
                e.line,
                e.column,
                e.format,
                e.message
            )
        }
        other => anyhow::Error::new(other),
    })
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

fn target(args: &Args) -> anyhow::Result<Target> {
    let from_extension = args.output.as_deref().and_then(Format::from_extension);
    let plan = args.to.map(ConvertFormat::plan);
    let dialect = plan
        .as_ref()
        .and_then(|p| p.dialect)
        .unwrap_or(Dialect::JsonResume);
    let format = match plan.as_ref().and_then(|p| p.syntax) {
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
