//! The `vitae` command line: parse arguments, run one command, set the exit code.

mod args;
mod convert;
mod diff;
mod init;
mod input;
mod migrate;
mod output;
mod render;
mod schema;
mod themes;
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
