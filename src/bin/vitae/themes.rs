//! `vitae themes`: list the built-in and local themes, or copy one to start your own.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use vitae::render::{Theme, local_themes};

use crate::args::Global;
use crate::output;
use crate::render::LOCAL_THEMES;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Copy theme NAME (built-in or local) into the new folder DIR, to edit it.
    #[arg(long, num_args = 2, value_names = ["NAME", "DIR"])]
    pub copy: Option<Vec<String>>,
}

pub fn run(args: Args, global: &Global) -> anyhow::Result<ExitCode> {
    if let Some(copy) = &args.copy {
        let [name, dir] = copy.as_slice() else {
            bail!("`--copy` takes a theme name and a folder");
        };
        return copy_theme(name, Path::new(dir), global);
    }
    let mut rows: Vec<[String; 4]> = Theme::builtins()
        .iter()
        .map(|t| {
            [
                t.name().to_owned(),
                t.format().to_string(),
                "built-in".to_owned(),
                t.description().to_owned(),
            ]
        })
        .collect();
    for (dir, theme) in local_themes(Path::new(LOCAL_THEMES)) {
        let folder = dir
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        match theme {
            Ok(t) => {
                // `--theme NAME` picks the local folder first: it takes the built-in's row.
                let builtin = rows
                    .iter()
                    .position(|r| r[0] == folder && r[2] == "built-in");
                let source = match builtin {
                    Some(_) => format!("{} (overrides built-in)", dir.display()),
                    None => dir.display().to_string(),
                };
                let row = [
                    folder,
                    t.format().to_string(),
                    source,
                    t.description().to_owned(),
                ];
                match builtin {
                    Some(i) => rows[i] = row,
                    None => rows.push(row),
                }
            }
            Err(err) => {
                // A broken local theme is reported; the listing goes on.
                output::note!("warning: {err}");
            }
        }
    }
    let mut out = String::new();
    let widths: Vec<usize> = (0..3)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain(
                    ["NAME", "FORMAT", "SOURCE"]
                        .iter()
                        .map(|h| h.len())
                        .skip(i)
                        .take(1),
                )
                .max()
                .unwrap_or(0)
        })
        .collect();
    writeln!(
        out,
        "{:<w0$}  {:<w1$}  {:<w2$}  DESCRIPTION",
        "NAME",
        "FORMAT",
        "SOURCE",
        w0 = widths[0],
        w1 = widths[1],
        w2 = widths[2]
    )?;
    for [name, format, source, description] in &rows {
        writeln!(
            out,
            "{name:<w0$}  {format:<w1$}  {source:<w2$}  {description}",
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2]
        )?;
    }
    output::stdout(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn copy_theme(name: &str, dir: &Path, global: &Global) -> anyhow::Result<ExitCode> {
    let theme = Theme::find(name, Some(Path::new(LOCAL_THEMES)))?;
    if dir.exists() {
        bail!(
            "`{}` already exists: `--copy` writes a new folder and never overwrites",
            dir.display()
        );
    }
    let files = theme.files()?;
    for (rel, text) in &files {
        let path: PathBuf = rel
            .split('/')
            .fold(dir.to_path_buf(), |p, part| p.join(part));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create `{}`", parent.display()))?;
        }
        vitae::fs::write_atomic(&path, text.as_bytes())
            .with_context(|| format!("cannot write `{}`", path.display()))?;
    }
    if !global.quiet {
        output::note!(
            "copied theme `{}` ({} files) to `{}`; render with `vitae render resume.json --theme {}`",
            theme.name(),
            files.len(),
            dir.display(),
            dir.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
