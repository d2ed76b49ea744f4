//! Reading one input named on the command line: a path, or `-` for stdin.

use std::io::Read;
use std::path::Path;

use vitae::load::{self, Document, Format, LoadError};

/// The display name of stdin in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// Reads and parses `input` (`-` is stdin).
pub fn load(input: &str, format: Option<Format>) -> Result<Document, LoadError> {
    if input == "-" {
        let bytes = read_stdin()?;
        load::from_bytes(STDIN_NAME, &bytes, format)
    } else {
        load::from_path(Path::new(input), format)
    }
}

/// Reads stdin up to the input limit.
pub fn read_stdin() -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(load::MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| LoadError::Io {
            path: STDIN_NAME.to_owned(),
            source,
        })?;
    if bytes.len() > load::MAX_INPUT_BYTES {
        return Err(LoadError::TooLarge {
            path: STDIN_NAME.to_owned(),
        });
    }
    Ok(bytes)
}
