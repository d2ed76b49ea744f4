//! `vitae migrate`: an old JSON Resume document rewritten for the current standard, each
//! change printed on stderr.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use vitae::convert::{self, ChangeKind, Dialect, Report, Target, legacy};
use vitae::load::{Document, Format};

use crate::args::Global;
use crate::convert::locate;
use crate::{input, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The resume to migrate (JSON, YAML or TOML); `-` reads stdin.
    #[arg(value_name = "INPUT")]
    pub input: String,
    /// Write the result to this file (atomically) instead of stdout (`-` is stdout); its extension picks
    /// the format (default: the input's).
    #[arg(short, long, value_name = "PATH", conflicts_with = "in_place")]
    pub output: Option<PathBuf>,
    /// Rewrite INPUT itself (atomically).
    #[arg(long)]
    pub in_place: bool,
}

pub fn run(args: Args, global: &Global) -> anyhow::Result<ExitCode> {
    if args.in_place && args.input == "-" {
        bail!("--in-place needs a file, not stdin: give -o PATH or leave both out to print");
    }
    let doc = input::open(&args.input, None)?;
    if args.in_place && convert::detect(&doc.value) == Dialect::Fresh {
        bail!(
            "{} is a FRESH document: --in-place would replace it with JSON Resume; write elsewhere with -o (or use `vitae convert`)",
            doc.name
        );
    }
    let output: Option<PathBuf> = if args.in_place {
        Some(PathBuf::from(&args.input))
    } else {
        args.output.clone()
    };
    let format = output
        .as_deref()
        .and_then(Format::from_extension)
        .unwrap_or(doc.format);
    let target = Target::new(Dialect::JsonResume, format);
    let fail = |err: convert::ConvertError| locate(&doc, &err.to_string(), err.pointer(), target);
    // A FRESH document is first read as JSON Resume.
    let (value, mut report) = convert::normalize(&doc.value).map_err(fail)?;
    let (migrated, changes) = legacy::migrate(&value).map_err(fail)?;
    report.changes.extend(changes.changes);
    let text = convert::to_text(&migrated, format).map_err(fail)?;
    if args.in_place && has_comments(&doc.source, doc.format) && !global.quiet {
        output::note!(
            "warning: {} has comments; they are not kept (vitae keeps data, not comments)",
            doc.name
        );
    }
    match &output {
        Some(path) => write(path, &text)?,
        None => output::stdout(text.as_bytes())?,
    }
    if !global.quiet {
        print_changes(&doc, &report);
    }
    Ok(if report.count(ChangeKind::Unresolved) > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write(path: &Path, text: &str) -> anyhow::Result<()> {
    vitae::fs::write_atomic(path, text.as_bytes())
        .with_context(|| format!("cannot write `{}`", path.display()))
}

/// One line per change (`pointer: old → new`), then a count. A problem left to fix by
/// hand starts with its place (`resume.json:12:5: unresolved …`).
fn print_changes(doc: &Document, report: &Report) {
    let name = &doc.name;
    let mut text = String::new();
    for change in &report.changes {
        if change.kind == ChangeKind::Unresolved
            && let Some(at) = doc.position_of(&change.from)
        {
            text.push_str(&format!("{name}:{}:{}: ", at.line, at.column));
        }
        text.push_str(&format!("{change}\n"));
    }
    let unresolved = report.count(ChangeKind::Unresolved);
    let done = report.changes.len() - unresolved;
    text.push_str(&match (done, unresolved) {
        (0, 0) => format!("{name}: nothing to migrate\n"),
        (_, 0) => format!(
            "{name}: {done} change{}; valid under JSON Resume v1.3.1\n",
            plural(done)
        ),
        _ => format!(
            "{name}: {done} change{}, {unresolved} problem{} left to fix by hand\n",
            plural(done),
            plural(unresolved)
        ),
    });
    output::stderr(&text);
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Whether a YAML or TOML text has a comment line (a cheap look: whole-line comments).
fn has_comments(source: &str, format: Format) -> bool {
    format != Format::Json && source.lines().any(|l| l.trim_start().starts_with('#'))
}
