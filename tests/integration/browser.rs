//! The real-world checks: each HTML theme opened in headless Chromium (visible text,
//! console errors, a screenshot under `target/`), and each PDF read back with
//! poppler's `pdftotext` and `pdfinfo`.
//!
//! These need `chromium` and `poppler-utils` (`.ci/run` installs them). When they are
//! missing the tests fail, unless `VITAE_SKIP_BROWSER=1` is set: then they say loudly
//! that they skipped.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::cli_render::{HOSTILE, SAMPLE_ENTRIES, readable};
use crate::support::{fixture, run, stderr};

/// Whether the external tools may be missing.
fn skipping(tool: &str) -> bool {
    if std::env::var_os("VITAE_SKIP_BROWSER").is_some_and(|v| v == "1") {
        eprintln!("\n!!! SKIPPED: VITAE_SKIP_BROWSER=1 is set; `{tool}` checks did not run !!!\n");
        return true;
    }
    let found = Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    assert!(
        found,
        "`{tool}` is not installed: run `apt-get install chromium poppler-utils` \
         (as .ci/run does), or set VITAE_SKIP_BROWSER=1 to skip these checks"
    );
    false
}

/// Runs `cmd`, killing it after `limit`.
fn run_with_timeout(cmd: &mut Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(Stdio::null())
        .spawn()
        .expect("the tool starts");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().expect("output")
}

/// Folder for screenshots and rendered files, under the target dir.
fn artefacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("render-checks");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// What Chromium saw: the DOM after load, and its console messages.
struct Page {
    dom: String,
    console: Vec<String>,
}

fn chromium(page: &Path, extra: &[&str], profile: &Path) -> Output {
    let url = format!("file://{}", page.display());
    let mut cmd = Command::new("chromium");
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .args(extra)
    .arg(url);
    let out = run_with_timeout(&mut cmd, Duration::from_secs(90));
    assert!(
        out.status.success(),
        "chromium failed on {}: {}",
        page.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn load(page: &Path) -> Page {
    let profile = tempfile::tempdir().unwrap();
    let out = chromium(
        page,
        &["--enable-logging=stderr", "--v=0", "--dump-dom"],
        profile.path(),
    );
    let console = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_owned)
        .collect();
    Page {
        dom: String::from_utf8_lossy(&out.stdout).into_owned(),
        console,
    }
}

fn screenshot(page: &Path, png: &Path, width: u32) {
    let profile = tempfile::tempdir().unwrap();
    chromium(
        page,
        &[
            &format!("--screenshot={}", png.display()),
            &format!("--window-size={width},1600"),
        ],
        profile.path(),
    );
    let meta = std::fs::metadata(png).expect("screenshot written");
    assert!(meta.len() > 5_000, "{} looks empty", png.display());
}

/// The text a reader sees: the body without tags, `<style>` and `<head>`.
fn visible_text(dom: &str) -> String {
    let body = dom.find("<body").map_or(dom, |i| &dom[i..]);
    let mut out = String::new();
    let mut in_tag = false;
    let mut rest = body;
    while let Some(c) = rest.chars().next() {
        if !in_tag && rest.starts_with("<style") {
            rest = rest.find("</style>").map_or("", |i| &rest[i + 8..]);
            continue;
        }
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
        rest = &rest[c.len_utf8()..];
    }
    readable(&out)
}

/// The jobs of the seed CV, by employer and title.
const SEED_ENTRIES: &[&str] = &[
    "Eric Koepke",
    "October",
    "Data/Machine Learning Engineer",
    "Robotics Chair at TUM",
    "Research Assistant",
    "Precibake",
    "Data Innovation Lab",
    "Technical University of Munich",
];

/// The flagship seed CV as the text importer reads it (`vitae convert cv.txt`), so the
/// browser and PDF checks cover the whole path a new user takes.
fn imported_seed(dir: &Path) -> PathBuf {
    let out = dir.join("seed-imported.json");
    let result = run(
        Path::new("."),
        &[
            "convert",
            fixture("text/seed-cv-source.txt").to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(result.status.success(), "import: {}", stderr(&result));
    out
}

fn render_to(input: &Path, theme: &str, out: &Path) {
    let result = run(
        Path::new("."),
        &[
            "render",
            input.to_str().unwrap(),
            "--theme",
            theme,
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(result.status.success(), "{theme}: {}", stderr(&result));
}

#[test]
fn console_errors_are_detected() {
    // The check below must be able to fail: a page that logs an error is caught.
    if skipping("chromium") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("control.html");
    std::fs::write(
        &page,
        "<html><body><p>ok</p><script>console.error('control-error')</script></body></html>",
    )
    .unwrap();
    let loaded = load(&page);
    assert!(
        loaded.console.iter().any(|l| l.contains("control-error")),
        "chromium's console log was not captured: {:?}",
        loaded.console
    );
}

#[test]
fn html_themes_in_chromium() {
    if skipping("chromium") {
        return;
    }
    let out_dir = artefacts();
    let cases: [(&str, PathBuf, &[&str]); 2] = [
        (
            "sample",
            fixture("jsonresume/sample.resume.json"),
            SAMPLE_ENTRIES,
        ),
        ("seed", imported_seed(&out_dir), SEED_ENTRIES),
    ];
    for theme in ["modern", "classic"] {
        for (name, input, entries) in &cases {
            let page = out_dir.join(format!("{theme}-{name}.html"));
            render_to(input, theme, &page);
            let loaded = load(&page);
            assert!(
                loaded.console.is_empty(),
                "{theme}/{name}: console messages: {:#?}",
                loaded.console
            );
            let text = visible_text(&loaded.dom);
            for entry in *entries {
                assert!(
                    text.contains(entry),
                    "{theme}/{name}: `{entry}` not visible"
                );
            }
            screenshot(&page, &out_dir.join(format!("{theme}-{name}.png")), 1100);
            screenshot(
                &page,
                &out_dir.join(format!("{theme}-{name}-phone.png")),
                390,
            );
        }
        // The hostile resume: no script runs, so nothing reaches the console.
        let evil = out_dir.join("evil.json");
        std::fs::write(&evil, HOSTILE).unwrap();
        let page = out_dir.join(format!("{theme}-hostile.html"));
        render_to(&evil, theme, &page);
        let loaded = load(&page);
        assert!(
            loaded.console.is_empty(),
            "{theme}/hostile: {:#?}",
            loaded.console
        );
        assert!(visible_text(&loaded.dom).contains("Eve <script>alert('name')</script>"));
    }
}

fn pdf_text(pdf: &Path) -> String {
    let out = run_with_timeout(
        Command::new("pdftotext").arg(pdf).arg("-"),
        Duration::from_secs(60),
    );
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pdf_pages(pdf: &Path) -> usize {
    let out = run_with_timeout(Command::new("pdfinfo").arg(pdf), Duration::from_secs(60));
    assert!(out.status.success(), "pdfinfo {}", pdf.display());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo prints the page count")
}

/// Text from `pdftotext` with hyphenation and line breaks undone.
fn pdf_readable(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn pdf_themes_with_poppler() {
    if skipping("pdftotext") {
        return;
    }
    let out_dir = artefacts();
    for theme in ["modern-pdf", "classic-pdf"] {
        let pdf = out_dir.join(format!("{theme}-sample.pdf"));
        render_to(&fixture("jsonresume/sample.resume.json"), theme, &pdf);
        assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
        let text = pdf_readable(&pdf_text(&pdf));
        for entry in SAMPLE_ENTRIES {
            assert!(
                text.contains(entry),
                "{theme}: `{entry}` not in the PDF text"
            );
        }
        let pages = pdf_pages(&pdf);
        assert!(
            (1..=2).contains(&pages),
            "{theme}: the sample on {pages} pages"
        );

        let pdf = out_dir.join(format!("{theme}-seed.pdf"));
        render_to(&imported_seed(&out_dir), theme, &pdf);
        let text = pdf_readable(&pdf_text(&pdf));
        for entry in SEED_ENTRIES {
            assert!(
                text.contains(entry),
                "{theme}: `{entry}` not in the seed PDF"
            );
        }
        let pages = pdf_pages(&pdf);
        assert!(
            (2..=5).contains(&pages),
            "{theme}: seed CV on {pages} pages"
        );

        // The hostile resume compiles (no Typst code from it ran: `#panic` would have
        // stopped the compiler) and shows the payload as text.
        let evil = out_dir.join("evil-pdf.json");
        std::fs::write(&evil, HOSTILE).unwrap();
        let pdf = out_dir.join(format!("{theme}-hostile.pdf"));
        render_to(&evil, theme, &pdf);
        let text = pdf_readable(&pdf_text(&pdf));
        assert!(text.contains("#panic(\"typst-pwned\")"), "{theme}: {text}");
        assert!(text.contains("#read(\"/etc/passwd\")"), "{theme}: {text}");
        assert!(text.contains("{{ 7 * 7 }}"), "{theme}: {text}");
        assert_eq!(
            pdf_pages(&pdf),
            1,
            "{theme}: `#set page` from the resume ran"
        );
    }
}
