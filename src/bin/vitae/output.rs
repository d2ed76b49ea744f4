//! Writing to stdout and stderr without panicking and without an error storm when the
//! reader goes away.
//!
//! `vitae validate … | head -1` closes the pipe after one line: the rest of the output
//! has no reader, and that is not an error (the exit code still says what was found).
//! Rust ignores `SIGPIPE`, so a write to a closed pipe returns `BrokenPipe`, and
//! `println!`/`eprintln!` would panic on it: every command writes through here instead.

use std::io::Write;

use anyhow::Context;

/// Writes `bytes` to stdout and flushes. A closed pipe ends the output quietly: the
/// reader has seen enough.
///
/// # Errors
/// Any other write error (a full disk behind a redirection, for instance).
pub fn stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => result.context("cannot write to stdout"),
    }
}

/// Writes `text` to stderr, ignoring failures: there is nowhere left to report them.
pub fn stderr(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
}

/// `eprintln!` that never panics (see [`stderr`]).
macro_rules! note {
    ($($arg:tt)*) => {
        $crate::output::stderr(&format!("{}\n", format_args!($($arg)*)))
    };
}
pub(crate) use note;
