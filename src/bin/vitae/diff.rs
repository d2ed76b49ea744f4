//! `vitae diff OLD NEW`: what changed between two resumes, entry by entry.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::ValueEnum;
use serde_json::Value;
use vitae::diff::{self, IgnorePattern, Options, render};
use vitae::load::Document;

use crate::args::Global;
use crate::{input, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The old resume (JSON, YAML or TOML); `-` reads stdin.
    #[arg(value_name = "OLD")]
    pub old: String,
    /// The new resume; `-` reads stdin (but not for both).
    #[arg(value_name = "NEW")]
    pub new: String,
    /// Output: one line per change, a JSON report, an RFC 6902 JSON Patch that turns OLD
    /// into NEW, or a Markdown summary for a pull request.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Leave out a path, as a JSON pointer where `*` matches any key or index, e.g.
    /// `/meta` or `/work/*/summary` (repeatable).
    #[arg(long, value_name = "POINTER", value_parser = IgnorePattern::parse)]
    pub ignore: Vec<IgnorePattern>,
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One line per change, grouped by section, coloured on a terminal.
    Human,
    /// A JSON report: a summary and a list of changes.
    Json,
    /// An RFC 6902 JSON Patch that, applied to OLD, gives NEW.
    JsonPatch,
    /// A Markdown summary for a pull-request comment.
    Markdown,
}

pub fn run(args: Args, global: &Global) -> anyhow::Result<ExitCode> {
    if args.old == "-" && args.new == "-" {
        anyhow::bail!("only one of OLD and NEW can be `-` (stdin)");
    }
    let old = load(&args.old)?;
    let new = load(&args.new)?;
    let options = Options {
        ignore: args.ignore,
    };
    let diff = diff::diff(&old, &new, &options);

    let (old_name, new_name) = (shown(&args.old), shown(&args.new));
    let text = match args.format {
        Format::Human => {
            render::human(&diff, global.color.enabled(std::io::stdout().is_terminal()))
        }
        Format::Json => render::json(&diff, old_name, new_name),
        Format::JsonPatch => render::json_patch(&diff),
        Format::Markdown => render::markdown(&diff, old_name, new_name),
    };
    output::stdout(text.as_bytes())?;
    Ok(if diff.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn shown(name: &str) -> &str {
    if name == "-" { input::STDIN_NAME } else { name }
}

/// Reads one side and makes it ready to compare.
fn load(name: &str) -> anyhow::Result<Value> {
    normalise_before_diff(input::open(name, None)?)
}

/// Turns a loaded document into JSON Resume before it is compared: a FRESH resume is
/// converted, so that a FRESH file and its JSON Resume twin have no differences.
fn normalise_before_diff(doc: Document) -> anyhow::Result<Value> {
    if vitae::convert::detect(&doc.value) == vitae::convert::Dialect::JsonResume {
        return Ok(doc.value);
    }
    vitae::convert::normalize(&doc.value)
        .map(|(value, _)| value)
        .map_err(|err| anyhow::anyhow!("{}: cannot read it as FRESH: {err}", doc.name))
}
