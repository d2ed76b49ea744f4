//! Any document the loader accepts and the model reads, through every built-in theme:
//! no panic, and no error but running out of fuel (a built-in theme that fails on a
//! valid resume is a bug). Typst themes are rendered to their Typst source, not
//! compiled to PDF: compiling is too slow for fuzzing and is covered by the tests.
//! The HTML themes must escape: a `<` in the resume never reaches the page as a tag.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vitae::load::{self, Format};
use vitae::model::Resume;
use vitae::render::{self, Options, OutputFormat, Theme, ThemeFormat};

/// A tag no built-in theme writes.
const MARKER: &str = "<vitae-fuzz>";

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = match selector % 4 {
        0 => Some(Format::Json),
        1 => Some(Format::Yaml),
        2 => Some(Format::Toml),
        _ => None,
    };
    let Ok(doc) = load::from_bytes("fuzz", bytes, format) else {
        return;
    };
    let Ok(resume) = Resume::from_document(&doc) else {
        return;
    };
    let mut value = resume.to_value();
    // Plant the marker in the name, where every theme shows it.
    if let Some(root) = value.as_object_mut() {
        let basics = root
            .entry("basics")
            .or_insert_with(|| serde_json::json!({}));
        if let Some(basics) = basics.as_object_mut() {
            basics.insert("name".to_owned(), MARKER.into());
        }
    }
    let marked = Resume::from_value(&value).ok();
    for theme in Theme::builtins() {
        let format = match theme.format() {
            ThemeFormat::Typst => Some(OutputFormat::Typst),
            _ => None,
        };
        let options = Options { lang: None, format };
        for resume in std::iter::once(&resume).chain(marked.as_ref()) {
            match render::render(resume, &theme, &options) {
                Ok(out) => {
                    if out.format == OutputFormat::Html {
                        let html = String::from_utf8_lossy(&out.bytes);
                        assert!(
                            !html.contains(MARKER),
                            "theme {}: unescaped tag",
                            theme.name()
                        );
                    }
                }
                Err(err) => {
                    let message = err.to_string();
                    assert!(
                        message.contains("fuel"),
                        "theme {}: {message}",
                        theme.name()
                    );
                }
            }
        }
    }
});
