//! `vitae schema`: print the generated JSON Schema, or write it to a file.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::args::Global;
use crate::output;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write the schema to this file (atomically) instead of stdout (`-` is stdout).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

pub fn run(args: Args, _global: &Global) -> anyhow::Result<ExitCode> {
    let text = vitae::schema::generate_string();
    match args.output {
        Some(path) => vitae::fs::write_atomic(&path, text.as_bytes())
            .with_context(|| format!("cannot write `{}`", path.display()))?,
        None => output::stdout(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
