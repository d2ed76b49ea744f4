//! Command-line arguments (clap derive) and dispatch to one file per command.

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::{convert, diff, init, migrate, render, schema, themes, validate};

/// Validate, convert, migrate, diff and render JSON Resume documents.
#[derive(Debug, Parser)]
#[command(name = "vitae", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub global: Global,
}

/// Options every command takes.
#[derive(Debug, Clone, clap::Args)]
pub struct Global {
    /// When to use colours: auto (when stdout is a terminal and NO_COLOR is unset), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print only results and errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Print more about what is being done.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Whether to colour output going to a stream that `is_terminal` or not; `auto` also
    /// honours `NO_COLOR` (set and not empty: no colour).
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check resumes against the JSON Resume schema.
    Validate(validate::Args),
    /// Print the JSON Schema generated from vitae's models.
    Schema(schema::Args),
    /// Convert a resume between JSON, YAML and TOML, and between JSON Resume and FRESH.
    Convert(convert::Args),
    /// Rewrite a resume written for an older JSON Resume version (0.0.x, 1.0.0) for the current one.
    Migrate(migrate::Args),
    /// Show what changed between two resumes, entry by entry.
    Diff(diff::Args),
    /// Render a resume through a theme to HTML, Markdown, text, PDF or Typst.
    Render(render::Args),
    /// List the built-in and local themes, or copy one to start your own.
    Themes(themes::Args),
    /// Write a starter resume (never overwrites a file).
    Init(init::Args),
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Validate(args) => validate::run(args, &cli.global),
        Command::Schema(mut args) => {
            dash_is_stdout(&mut args.output);
            schema::run(args, &cli.global)
        }
        Command::Convert(mut args) => {
            dash_is_stdout(&mut args.output);
            convert::run(args, &cli.global)
        }
        Command::Migrate(mut args) => {
            dash_is_stdout(&mut args.output);
            migrate::run(args, &cli.global)
        }
        Command::Diff(args) => diff::run(args, &cli.global),
        Command::Render(mut args) => {
            dash_is_stdout(&mut args.output);
            render::run(args, &cli.global)
        }
        Command::Themes(args) => themes::run(args, &cli.global),
        Command::Init(args) => init::run(args, &cli.global),
    }
}

/// `-o -` writes to stdout, as an input of `-` reads stdin: not to a file named `-`.
fn dash_is_stdout(output: &mut Option<std::path::PathBuf>) {
    if output.as_deref() == Some(std::path::Path::new("-")) {
        *output = None;
    }
}
