//! Imports a free-form CV and prints the resume, or the line-by-line report.
//!
//! `cargo run --example import_text -- cv.txt [--report]`

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: import_text CV.txt [--report]");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read `{path}`: {e}");
            return ExitCode::from(2);
        }
    };
    let import = vitae::convert::text::import(&text);
    let output = if args.iter().any(|a| a == "--report") {
        import.report()
    } else {
        let mut json = serde_json::to_string_pretty(&import.resume).unwrap_or_default();
        json.push('\n');
        json
    };
    // Written, not printed: `println!` panics when the reader has gone (`| head`).
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write the output: {e}");
            ExitCode::from(2)
        }
    }
}
