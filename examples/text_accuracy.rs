//! Scores the free-form CV importer on the labelled fixtures: field-level precision,
//! recall and F1 of facts against the hand-made resume, and the share of source words
//! kept in the output.
//!
//! `cargo run --example text_accuracy [-- --verbose]`
//!
//! Each `fixtures/text/expected/NAME.json` is the expected resume for the source
//! `fixtures/text/NAME.{txt,md}` or `fixtures/corpus/text/NAME.{txt,md}`.

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `writeln!` to stdout that ends `main` when the reader has gone (`| head`) instead of
/// panicking as `println!` does.
macro_rules! say {
    ($out:ident $(, $($arg:tt)*)?) => {
        if let Err(e) = writeln!($out $(, $($arg)*)?) {
            return write_failed(&e);
        }
    };
}

fn write_failed(e: &std::io::Error) -> ExitCode {
    if e.kind() == ErrorKind::BrokenPipe {
        ExitCode::SUCCESS
    } else {
        eprintln!("error: cannot write the output: {e}");
        ExitCode::from(2)
    }
}

use vitae::convert::text::{accuracy, import};

fn source_for(root: &Path, stem: &str) -> Option<PathBuf> {
    ["text", "corpus/text"].iter().find_map(|dir| {
        ["txt", "md"]
            .iter()
            .map(|ext| root.join(dir).join(format!("{stem}.{ext}")))
            .find(|p| p.exists())
    })
}

fn main() -> ExitCode {
    let verbose = std::env::args().any(|a| a == "--verbose" || a == "-v");
    let mut out = std::io::stdout().lock();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut expected_files: Vec<PathBuf> = match std::fs::read_dir(root.join("text/expected")) {
        Ok(dir) => dir.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("error: cannot list fixtures/text/expected: {e}");
            return ExitCode::from(2);
        }
    };
    expected_files.sort();
    say!(
        out,
        "{:<34} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6} {:>7}",
        "fixture",
        "exp",
        "got",
        "ok",
        "P",
        "R",
        "F1",
        "words"
    );
    let (mut sum_f1, mut n) = (0.0, 0);
    for path in expected_files {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let Some(src) = source_for(&root, &stem) else {
            eprintln!("warning: no source for {stem}");
            continue;
        };
        let (Ok(text), Ok(exp)) = (
            std::fs::read_to_string(&src),
            std::fs::read_to_string(&path),
        ) else {
            eprintln!("warning: cannot read {stem}");
            continue;
        };
        let Ok(expected) = serde_json::from_str::<serde_json::Value>(&exp) else {
            eprintln!("warning: {stem}: expected resume is not JSON");
            continue;
        };
        let got = import(&text);
        let s = accuracy::score(&expected, &got.resume);
        let c = accuracy::word_coverage(&text, &got.resume);
        say!(
            out,
            "{:<34} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>7.4}",
            stem,
            s.expected,
            s.actual,
            s.matched,
            s.precision(),
            s.recall(),
            s.f1(),
            c.share()
        );
        sum_f1 += s.f1();
        n += 1;
        if verbose {
            for m in &s.missing {
                say!(out, "    - missing {m}");
            }
            for x in &s.extra {
                say!(out, "    + extra   {x}");
            }
            let lost: Vec<String> = c
                .lost
                .iter()
                .take(25)
                .map(|(w, k)| format!("{w}×{k}"))
                .collect();
            if !lost.is_empty() {
                say!(out, "    words lost: {}", lost.join(" "));
            }
        }
    }
    if n > 0 {
        say!(
            out,
            "mean F1 over {n} fixtures: {:.3}",
            sum_f1 / f64::from(n)
        );
    }
    // Words kept on every text of the corpus, labelled or not.
    say!(out);
    say!(
        out,
        "{:<34} {:>7} {:>9}",
        "corpus text",
        "words",
        "unmapped"
    );
    let mut corpus: Vec<PathBuf> = std::fs::read_dir(root.join("corpus/text"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    corpus.sort();
    for path in corpus {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let got = import(&text);
        let c = accuracy::word_coverage(&text, &got.resume);
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        say!(
            out,
            "{:<34} {:>7.4} {:>9}",
            name,
            c.share(),
            got.unmapped().len()
        );
        if verbose {
            let lost: Vec<String> = c
                .lost
                .iter()
                .take(25)
                .map(|(w, k)| format!("{w}×{k}"))
                .collect();
            if !lost.is_empty() {
                say!(out, "    words lost: {}", lost.join(" "));
            }
        }
    }
    ExitCode::SUCCESS
}
