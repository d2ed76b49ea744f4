//! Per-document cost of validation next to the floor: plain `serde_json` parsing of the
//! same text.
//!
//! A small harness (`harness = false`, no dependency): each case runs in batches sized to
//! take about 20 ms, 25 batches; the median time per document is printed as a Markdown
//! table. Run with `cargo bench --bench validate`.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;
use vitae::load::{self, Format};
use vitae::validate::Validator;

/// Median nanoseconds per call of `f`.
fn measure(mut f: impl FnMut()) -> f64 {
    // Size a batch to take ~20 ms.
    let mut batch = 1u32;
    loop {
        let start = Instant::now();
        for _ in 0..batch {
            f();
        }
        if start.elapsed() > Duration::from_millis(20) || batch > 1 << 20 {
            break;
        }
        batch *= 2;
    }
    let mut samples: Vec<f64> = (0..25)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                f();
            }
            start.elapsed().as_nanos() as f64 / f64::from(batch)
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let docs = [
        (
            "official sample (valid, 1 note)",
            root.join("valid/sample.resume.json"),
        ),
        (
            "senior-engineer (valid, clean)",
            root.join("jsonresume/examples/senior-engineer.resume.json"),
        ),
        (
            "broken (24 findings)",
            root.join("invalid/broken.resume.json"),
        ),
    ];
    let validator = Validator::new();
    let schema_only = Validator::new().lint(false);
    println!(
        "| document | size | serde_json::from_str (floor) | load::parse (spans) | schema | schema + lint | parse with spans + schema + lint | check_text (what the CLI runs) | check_text ÷ floor |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (name, path) in docs {
        let text = std::fs::read_to_string(&path).expect("fixture");
        let doc = load::parse(&text, Format::Json).expect("parses");
        let floor = measure(|| {
            black_box(serde_json::from_str::<Value>(black_box(&text)).ok());
        });
        let parse = measure(|| {
            black_box(load::parse(black_box(&text), Format::Json).ok());
        });
        let schema = measure(|| {
            black_box(schema_only.validate(black_box(&doc)));
        });
        let lint = measure(|| {
            black_box(validator.validate(black_box(&doc)));
        });
        let full = measure(|| {
            let doc = load::parse(black_box(&text), Format::Json).expect("parses");
            black_box(validator.validate(&doc));
        });
        let check = measure(|| {
            black_box(
                validator
                    .check_text("bench", black_box(&text), Format::Json)
                    .ok(),
            );
        });
        let us = |ns: f64| format!("{:.1} µs", ns / 1000.0);
        println!(
            "| {name} | {:.1} KB | {} | {} | {} | {} | {} | {} | {:.2}× |",
            text.len() as f64 / 1024.0,
            us(floor),
            us(parse),
            us(schema),
            us(lint),
            us(full),
            us(check),
            check / floor
        );
    }
}
