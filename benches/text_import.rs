//! How fast the free-form CV importer is: the seed CV (14 KB), and 1 MB of CV text
//! made of every fixture text repeated.
//!
//! `cargo bench --bench text_import`

use std::path::Path;

#[path = "support/text_corpus.rs"]
mod text_corpus;

use text_corpus::corpus_of;

// The binary allocates through mimalloc (default feature `mimalloc`), and so does this
// bench, so that it measures what `vitae convert cv.txt` runs.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
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
