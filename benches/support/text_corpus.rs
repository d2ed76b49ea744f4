//! The 1 MB CV text the importer is measured on, shared by `benches/text_import.rs` and
//! `examples/import_1mb.rs` (included by `#[path]`).

use std::path::Path;

/// Every fixture CV text (`fixtures/text`, `fixtures/corpus/text`), in name order.
pub fn fixtures() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut texts = Vec::new();
    for dir in ["text", "corpus/text"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|e| e == "txt" || e == "md")
                && let Ok(t) = std::fs::read_to_string(&p)
            {
                texts.push(t);
            }
        }
    }
    texts
}

/// About `size` bytes of CV text: the fixtures, over and over.
pub fn corpus_of(size: usize) -> String {
    let texts = fixtures();
    let mut out = String::with_capacity(size + 20_000);
    while out.len() < size {
        for t in &texts {
            out.push_str(t);
            out.push_str("\n\n");
            if out.len() >= size {
                break;
            }
        }
    }
    out
}
