//! How fast the free-form CV importer is: the seed CV (14 KB), and 1 MB of CV text
//! made of every fixture text repeated.
//!
//! `cargo bench --bench text_import`

use std::path::Path;

fn main() {
    divan::main();
}

fn fixtures() -> Vec<String> {
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
fn corpus_of(size: usize) -> String {
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

#[divan::bench]
fn seed_cv(bencher: divan::Bencher) {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/text/seed-cv-source.txt"),
    )
    .unwrap_or_default();
    bencher.bench(|| vitae::convert::text::import(divan::black_box(&text)));
}

#[divan::bench(sample_count = 20)]
fn one_megabyte(bencher: divan::Bencher) {
    let text = corpus_of(1 << 20);
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| vitae::convert::text::import(divan::black_box(&text)));
}

#[divan::bench(sample_count = 20)]
fn one_megabyte_single_line(bencher: divan::Bencher) {
    // A pathological PDF extraction: everything on one line.
    let text = corpus_of(1 << 20).replace('\n', " ");
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| vitae::convert::text::import(divan::black_box(&text)));
}
