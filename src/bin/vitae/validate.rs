//! `vitae validate`: check resumes against the schema and the lint rules, print the
//! findings in the chosen format, and exit 0 (valid), 1 (findings) or 2 (could not run).
//!
//! Files are read and checked in parallel (one thread per core, this one included, each
//! pulling the next file from a shared counter): each file is independent and costs tens of
//! microseconds, so a work queue this small is all it takes, without a thread-pool
//! dependency. The schema is compiled once and shared.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, bail};
use clap::ValueEnum;
use vitae::Diagnostic;
use vitae::load::{self, Document, Format, LoadError, SyntaxError};
use vitae::report::{self, FileResult, Options};
use vitae::validate::{Checked, Validator};

use crate::args::Global;
use crate::input::{self, Source};
use crate::output;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Resumes to check: files (JSON, YAML or TOML), directories (searched for
    /// resume.* and *.resume.*), glob patterns, `-` for stdin, or http(s) URLs.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<String>,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// The schema to check against: generated (vitae's, the default), latest (the
    /// official v1.3.1), v1.0.0, v0.0.16, or a path or http(s) URL of a JSON Schema.
    #[arg(long, value_name = "SCHEMA", default_value = "generated")]
    pub schema: String,
    /// Warnings fail too (exit 1).
    #[arg(long)]
    pub strict: bool,
    /// Check the schema only, no lint rules.
    #[arg(long)]
    pub no_lint: bool,
    /// Also request every URL in the resumes and warn about dead ones (network).
    #[arg(long)]
    pub check_links: bool,
}

/// The output formats of `vitae validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// rustc-style, with the offending line and a caret.
    Human,
    /// One line per finding: path:line:col: severity[code]: message.
    Concise,
    /// One JSON object per finding, then a summary object (JSON Lines).
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// JUnit XML, one test case per file.
    Junit,
}

/// One input after checking: its findings (and the document, for `--check-links`), or
/// why it could not be read.
enum Outcome {
    Checked(FileResult, Option<Box<Document>>),
    Failed(String),
}

pub fn run(args: Args, global: &Global) -> anyhow::Result<ExitCode> {
    let validator = schema_validator(&args.schema)?.lint(!args.no_lint);
    let (sources, mut failures) = input::expand(&args.inputs);
    if sources.iter().filter(|s| **s == Source::Stdin).count() > 1 {
        bail!("`-` (stdin) can be given only once");
    }
    if global.verbose > 0 {
        output::note!("checking {} document(s)", sources.len());
    }
    // Only the human format quotes the source, and only around findings.
    let excerpts = args.format == OutputFormat::Human;
    let outcomes = parallel_map(&sources, |source| {
        check(source, &validator, args.check_links, excerpts)
    });
    let mut files = Vec::with_capacity(outcomes.len());
    let mut docs = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Checked(result, doc) => {
                docs.push((files.len(), doc));
                files.push(result);
            }
            Outcome::Failed(message) => failures.push(message),
        }
    }
    if args.check_links {
        let client = input::client().context("cannot check links")?;
        let loaded: Vec<(usize, &Document)> = docs
            .iter()
            .filter_map(|(i, d)| d.as_deref().map(|d| (*i, d)))
            .collect();
        let found = client.check_links(&loaded.iter().map(|(_, d)| *d).collect::<Vec<_>>());
        for ((i, _), dead) in loaded.iter().zip(found) {
            let diagnostics = &mut files[*i].diagnostics;
            diagnostics.extend(dead);
            diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
        }
    }
    let options = Options {
        color: global.color.enabled(std::io::stdout().is_terminal()),
        strict: args.strict,
    };
    let text = match args.format {
        OutputFormat::Human => {
            let mut text = report::human::render(&files, options);
            // Nothing read: the errors on stderr say why; an "ok: 0 files" would mislead.
            let nothing_read = files.is_empty() && !failures.is_empty();
            if nothing_read || global.quiet && files.iter().all(|f| f.diagnostics.is_empty()) {
                text.clear();
            }
            text
        }
        OutputFormat::Concise => report::concise::render(&files, options),
        OutputFormat::Json => report::json::render(&files, options),
        OutputFormat::Github => report::github::render(&files, options),
        OutputFormat::Sarif => report::sarif::render(&files, options),
        OutputFormat::Junit => report::junit::render(&files, options),
    };
    output::stdout(text.as_bytes())?;
    for message in &failures {
        output::note!("error: {message}");
    }
    Ok(if !failures.is_empty() {
        ExitCode::from(2)
    } else if files.iter().any(|f| f.fails(args.strict)) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads, parses and checks one input. `keep` keeps the parsed document (for
/// `--check-links`); otherwise JSON with nothing to report takes the fast path.
/// `excerpts` keeps the source text of a file with findings (or, with `keep`, of every
/// file: link checks may add findings later), for the human format's excerpts.
fn check(source: &Source, validator: &Validator, keep: bool, excerpts: bool) -> Outcome {
    let name = source.name();
    let bytes = match source.read() {
        Ok(bytes) => bytes,
        Err(err) => return Outcome::Failed(err.to_string()),
    };
    let hint = source.format_hint();
    let text = match load::decode(&name, &bytes, hint) {
        Ok(text) => text,
        Err(LoadError::Syntax(err)) => return syntax_finding(name, &bytes, &err),
        Err(err) => return Outcome::Failed(err.to_string()),
    };
    let format = hint.unwrap_or_else(|| Format::sniff(text));
    if load::is_blank(text, format) {
        let empty = SyntaxError {
            format,
            message: "the file is empty: there is no resume in it".to_owned(),
            offset: 0,
            line: 1,
            column: 1,
        };
        return syntax_finding(name, &bytes, &empty);
    }
    let checked = if keep {
        load::parse(text, format).map(|mut doc| {
            doc.name.clone_from(&name);
            let report = validator.validate(&doc);
            Checked {
                report,
                document: Some(doc),
            }
        })
    } else {
        validator.check_text(&name, text, format)
    };
    match checked {
        Ok(Checked { report, document }) => {
            let quoted = excerpts && (keep || !report.diagnostics.is_empty());
            let source = if quoted {
                text.strip_prefix('\u{feff}').unwrap_or(text).to_owned()
            } else {
                String::new()
            };
            let result = FileResult {
                name,
                source,
                diagnostics: report.diagnostics,
            };
            Outcome::Checked(result, document.map(Box::new))
        }
        Err(err) => syntax_finding(name, &bytes, &err),
    }
}

fn syntax_finding(name: String, bytes: &[u8], err: &SyntaxError) -> Outcome {
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned();
    Outcome::Checked(
        FileResult {
            name,
            source: text,
            diagnostics: vec![Diagnostic::from_syntax_error(err)],
        },
        None,
    )
}

/// The validator for `--schema`.
fn schema_validator(choice: &str) -> anyhow::Result<Validator> {
    if choice == "generated" {
        return Ok(Validator::new());
    }
    let schema = if let Some(official) = vitae::schema::official(choice) {
        official
    } else if vitae::fetch::is_http_url(choice) {
        let bytes = input::fetch_url(choice).context("cannot read the schema")?;
        serde_json::from_slice(&bytes)
            .with_context(|| format!("the schema at `{choice}` is not JSON"))?
    } else if std::path::Path::new(choice).exists() {
        load::from_path(std::path::Path::new(choice), None)
            .with_context(|| format!("cannot read the schema `{choice}`"))?
            .value
    } else {
        bail!(
            "unknown schema `{choice}`: use generated, latest, v1.3.1, v1.0.0, v0.0.16, a file path or an http(s) URL"
        );
    };
    Validator::with_schema(&schema).with_context(|| format!("cannot use the schema `{choice}`"))
}

/// Maps `f` over `items` on one thread per core (this one and scoped helpers), keeping
/// the order.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut mine = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            mine.push((i, f(item)));
        }
        mine
    };
    let mut results: Vec<(usize, R)> = std::thread::scope(|s| {
        let helpers: Vec<_> = (1..threads).map(|_| s.spawn(work)).collect();
        let mut all = work();
        for helper in helpers {
            all.extend(
                helper
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p)),
            );
        }
        all
    });
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}
