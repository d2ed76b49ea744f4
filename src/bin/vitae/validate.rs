//! `vitae validate`: check resumes against the schema and print one line per problem.

use std::io::Write;
use std::process::ExitCode;

use vitae::load::LoadError;
use vitae::validate::Validator;
use vitae::{Diagnostic, Severity};

use crate::args::Global;
use crate::input;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Resume files to check (JSON, YAML or TOML); `-` reads stdin.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<String>,
}

pub fn run(args: Args, _global: &Global) -> anyhow::Result<ExitCode> {
    let validator = Validator::new();
    let mut out = std::io::stdout().lock();
    let (mut invalid, mut failed) = (false, false);
    for name in &args.inputs {
        let diagnostics: Vec<Diagnostic> = match input::load(name, None) {
            Ok(doc) => validator.validate(&doc).diagnostics,
            Err(LoadError::Syntax(err)) => vec![Diagnostic::from_syntax_error(&err)],
            Err(err) => {
                eprintln!("error: {err}");
                failed = true;
                continue;
            }
        };
        let shown = if name == "-" {
            input::STDIN_NAME
        } else {
            name.as_str()
        };
        for d in &diagnostics {
            writeln!(
                out,
                "{shown}:{}:{}: {}[{}]: {}",
                d.line, d.column, d.severity, d.code, d.message
            )?;
        }
        invalid |= diagnostics.iter().any(|d| d.severity == Severity::Error);
    }
    Ok(if failed {
        ExitCode::from(2)
    } else if invalid {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
