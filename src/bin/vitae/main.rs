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

/// mimalloc: validating a batch of small documents is allocation-bound (every key and
/// string of every document is a small allocation, freed a few microseconds later).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match args::run(cli) {
        Ok(code) => code,
        Err(err) => {
            output::note!("error: {}", message(&err));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes, `: `-separated, leaving out a cause whose text the message
/// already holds (library errors name their source in their own text).
fn message(err: &anyhow::Error) -> String {
    let mut message = err.to_string();
    for cause in err.chain().skip(1) {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
    }
    message
}
