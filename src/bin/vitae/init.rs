//! `vitae init`: write a starter resume, in JSON, YAML or TOML by the file's extension.
//! It never overwrites: the file is written to a temporary name and moved into place
//! only if nothing exists there.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::args::Global;
use crate::output;

/// The starter resume, one per syntax (a test checks they hold the same data).
pub const STARTER_JSON: &str = include_str!("starter/resume.json");
/// The starter resume in YAML.
pub const STARTER_YAML: &str = include_str!("starter/resume.yaml");
/// The starter resume in TOML.
pub const STARTER_TOML: &str = include_str!("starter/resume.toml");

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write it: `.json`, `.yaml`/`.yml` or `.toml`; `-` prints JSON.
    #[arg(value_name = "PATH", default_value = "resume.json")]
    pub path: PathBuf,
}

pub fn run(args: Args, global: &Global) -> anyhow::Result<ExitCode> {
    if args.path.as_os_str() == "-" {
        output::stdout(STARTER_JSON.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let path = &args.path;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let text = match ext.as_deref() {
        Some("json") => STARTER_JSON,
        Some("yaml" | "yml") => STARTER_YAML,
        Some("toml") => STARTER_TOML,
        _ => bail!(
            "cannot tell the format of `{}`: name it .json, .yaml or .toml",
            path.display()
        ),
    };
    if path.symlink_metadata().is_ok() {
        bail!(
            "`{}` already exists: vitae init never overwrites a file",
            path.display()
        );
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".vitae-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .with_context(|| format!("cannot write in `{}`", dir.display()))?;
    tmp.write_all(text.as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    tmp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            anyhow::anyhow!(
                "`{}` already exists: vitae init never overwrites a file",
                path.display()
            )
        } else {
            anyhow::Error::new(e.error).context(format!("cannot write `{}`", path.display()))
        }
    })?;
    if !global.quiet {
        output::note!(
            "wrote `{p}`; next: edit it, then `vitae validate {p}` and `vitae render {p} -o resume.html`",
            p = path.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
