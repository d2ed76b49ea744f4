//! The `vitae` command line: parse arguments, run one command, set the exit code.

mod args;
mod convert;
mod diff;
mod input;
mod migrate;
mod output;
mod schema;
mod validate;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match args::run(cli) {
        Ok(code) => code,
        Err(err) => {
            output::note!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
