//! Imports one input once, for instruction counting: `import_1mb [mb|single|seed]`.

use std::path::Path;

#[path = "../benches/support/text_corpus.rs"]
mod text_corpus;

use text_corpus::corpus_of;

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_else(|| "mb".into());
    let text = match mode.as_str() {
        "single" => corpus_of(1 << 20).replace('\n', " "),
        "seed" => std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/text/seed-cv-source.txt"),
        )
        .unwrap_or_default(),
        _ => corpus_of(1 << 20),
    };
    let n = if mode == "seed" { 20 } else { 1 };
    let mut last = None;
    for _ in 0..n {
        last = Some(vitae::convert::text::import(std::hint::black_box(&text)));
    }
    if let (Some(r), Some(path)) = (last, std::env::args().nth(2)) {
        let dump = format!("{}\n{:#?}", r.resume, r.lines);
        std::fs::write(path, dump).unwrap_or_default();
    }
}
