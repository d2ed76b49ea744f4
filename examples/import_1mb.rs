//! Imports one input once, for instruction counting: `import_1mb [mb|single|seed]`.

use std::path::Path;

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
