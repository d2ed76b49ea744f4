//! PDF without a browser: the Typst source a theme produced, compiled in-process with
//! the `typst` crates and the fonts bundled in the binary.
//!
//! The Typst world here holds exactly one file, the generated source: no file system,
//! no packages, no clock (`datetime.today()` is `none`), so a theme cannot read
//! anything and the same resume always gives the same PDF.

use std::sync::LazyLock;

use serde_json::Value;
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

/// The fonts built into the binary: Inter (sans) and Libertinus Serif.
const FONT_FILES: &[&[u8]] = &[
    include_bytes!("../../fonts/Inter-Regular.otf"),
    include_bytes!("../../fonts/Inter-Italic.otf"),
    include_bytes!("../../fonts/Inter-SemiBold.otf"),
    include_bytes!("../../fonts/Inter-Bold.otf"),
    include_bytes!("../../fonts/LibertinusSerif-Regular.otf"),
    include_bytes!("../../fonts/LibertinusSerif-Italic.otf"),
    include_bytes!("../../fonts/LibertinusSerif-Bold.otf"),
    include_bytes!("../../fonts/LibertinusSerif-BoldItalic.otf"),
];

struct Fonts {
    fonts: Vec<Font>,
    book: LazyHash<FontBook>,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    let book = LazyHash::new(FontBook::from_fonts(&fonts));
    Fonts { fonts, book }
});

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// A compiled PDF and what the user should know about it.
pub(crate) struct Compiled {
    pub pdf: Vec<u8>,
    pub warnings: Vec<String>,
}

struct ResumeWorld {
    main: Source,
}

impl World for ResumeWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, _id: FileId) -> FileResult<Bytes> {
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

/// Compiles Typst `source` to PDF. `resume` is the data the source was made from, used
/// to warn about characters the bundled fonts cannot show.
///
/// # Errors
/// The compiler's errors, each with the line of `source` it points at.
pub(crate) fn compile(source: &str, resume: &Value) -> Result<Compiled, String> {
    let path = VirtualPath::new("/resume.typ").map_err(|e| format!("{e:?}"))?;
    let id = FileId::new(RootedPath::new(VirtualRoot::Project, path));
    let world = ResumeWorld {
        main: Source::new(id, source.to_owned()),
    };
    let warned = typst::compile::<PagedDocument>(&world);
    let document = warned.output.map_err(|errors| describe(&world, &errors))?;
    let options = typst_pdf::PdfOptions {
        creator: Smart::Custom(Some(format!("vitae {}", env!("CARGO_PKG_VERSION")))),
        ..typst_pdf::PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| describe(&world, &errors))?;
    let mut warnings: Vec<String> = warned
        .warnings
        .iter()
        .filter(|w| w.severity == Severity::Warning)
        .filter(|w| !w.message.starts_with("unknown font family"))
        .map(|w| format!("typst: {}", describe_one(&world, w)))
        .collect();
    if let Some(missing) = missing_glyphs(resume) {
        warnings.push(missing);
    }
    Ok(Compiled { pdf, warnings })
}

fn describe(world: &ResumeWorld, errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| describe_one(world, e))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `line 12: unknown variable: foo` followed by the line of generated source.
fn describe_one(world: &ResumeWorld, diag: &SourceDiagnostic) -> String {
    let mut out = String::new();
    let line = world
        .range(diag.span)
        .and_then(|r| world.main.lines().byte_to_line(r.start));
    if let Some(l) = line {
        out.push_str(&format!("line {} of the generated source: ", l + 1));
    }
    out.push_str(&diag.message);
    if let Some(l) = line
        && let Some(text) = world.main.text().lines().nth(l)
    {
        out.push_str(&format!("\n {:>4} | {}", l + 1, text.trim_end()));
    }
    for hint in &diag.hints {
        out.push_str(&format!("\n  hint: {}", hint.v));
    }
    out
}

/// A warning naming the characters of the resume that no bundled font has (CJK,
/// Arabic, …), which Typst would leave out of the PDF.
fn missing_glyphs(resume: &Value) -> Option<String> {
    fn walk(value: &Value, out: &mut Vec<char>) {
        match value {
            Value::String(s) => {
                for c in s.chars() {
                    if !c.is_whitespace()
                        && !c.is_control()
                        && !out.contains(&c)
                        && !FONTS
                            .fonts
                            .iter()
                            .any(|f| f.info().coverage.contains(u32::from(c)))
                    {
                        out.push(c);
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            Value::Object(map) => map.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut missing = Vec::new();
    walk(resume, &mut missing);
    if missing.is_empty() {
        return None;
    }
    let shown: String = missing.iter().take(20).collect();
    let more = if missing.len() > 20 { " …" } else { "" };
    Some(format!(
        "the bundled PDF fonts have no glyphs for {} character(s) of the resume, which will be missing from the PDF: {shown}{more} (use an HTML theme and print from a browser for these scripts)",
        missing.len()
    ))
}
