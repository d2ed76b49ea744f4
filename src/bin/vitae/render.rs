//! `vitae render`: a resume through a theme to HTML, Markdown, text, PDF or Typst.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::ValueEnum;
use vitae::render::{self, Options, OutputFormat, RenderError, Theme};

use crate::args::Global;
use crate::{input, output};

/// Local themes are looked up in this folder of the current directory.
pub const LOCAL_THEMES: &str = "themes";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The resume (JSON, YAML or TOML); `-` reads stdin.
    #[arg(value_name = "INPUT")]
    pub input: String,
    /// A theme name (see `vitae themes`) or the path of a theme folder.
    #[arg(short, long, value_name = "NAME|DIR")]
    pub theme: Option<String>,
    /// Write here (atomically) instead of stdout (`-` is stdout); the extension picks the format when
    /// `--format` is not given.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Output format; default: from the output's extension, else the theme's, else html.
    #[arg(short, long, value_enum)]
    pub format: Option<FormatArg>,
    /// Language of labels and dates (en, de, nl, fr, es, pt, it); default: the
    /// resume's `meta.language`, else en.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A self-contained HTML page.
    Html,
    /// Markdown.
    #[value(alias = "markdown")]
    Md,
    /// Plain text.
    #[value(alias = "text")]
    Txt,
    /// PDF, typeset in-process by Typst.
    Pdf,
    /// The Typst source the PDF is made from.
    #[value(alias = "typst")]
    Typ,
}

impl From<FormatArg> for OutputFormat {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Html => OutputFormat::Html,
            FormatArg::Md => OutputFormat::Markdown,
            FormatArg::Txt => OutputFormat::Text,
            FormatArg::Pdf => OutputFormat::Pdf,
            FormatArg::Typ => OutputFormat::Typst,
        }
    }
}

pub fn run(args: Args, global: &Global) -> anyhow::Result<ExitCode> {
    let from_extension = args
        .output
        .as_deref()
        .and_then(Path::extension)
        .and_then(|e| OutputFormat::from_extension(&e.to_string_lossy()));
    let theme = match &args.theme {
        Some(spec) => Theme::find(spec, Some(Path::new(LOCAL_THEMES)))?,
        None => {
            let format = args.format.map_or(from_extension, |f| Some(f.into()));
            let name = format.unwrap_or(OutputFormat::Html).default_theme();
            Theme::builtin(name).with_context(|| format!("built-in theme `{name}` is missing"))?
        }
    };
    // An explicit --format wins; else the output's extension when the theme can make
    // it; else the theme's own format.
    let format: Option<OutputFormat> = match args.format {
        Some(f) => Some(f.into()),
        None => from_extension.filter(|f| f.theme_format() == theme.format()),
    };

    // As `convert` and `diff` read it: an empty input, a document that is not an object
    // and a key written twice (one value would be lost) are refused with their place.
    let doc = input::open(&args.input, None)?;
    let options = Options {
        lang: args.lang.clone(),
        format,
    };
    let output = match render::render_document(&doc, &theme, &options) {
        Ok(output) => output,
        Err(RenderError::Resume(err)) => {
            bail!(
                "{}:{err}\n(`vitae validate {}` lists every problem)",
                doc.name,
                args.input
            )
        }
        Err(err) => return Err(err.into()),
    };
    if !global.quiet {
        for warning in &output.warnings {
            output::note!("warning: {warning}");
        }
    }
    match &args.output {
        Some(path) => vitae::fs::write_atomic(path, &output.bytes)
            .with_context(|| format!("cannot write `{}`", path.display()))?,
        None => {
            if output.format.is_binary() && std::io::stdout().is_terminal() {
                bail!("refusing to write a PDF to the terminal: add `-o resume.pdf`");
            }
            output::stdout(&output.bytes)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
