//! The floor under `vitae validate DIR`: read every `*.json` file in a folder and parse
//! it with `serde_json`, on one thread per core, and nothing else: no schema, no lint
//! rules, no report. `bench/peers.sh` times this process next to `vitae validate` to
//! show how much of a batch is reading and parsing alone.
//!
//! ```sh
//! cargo run --release --example batch_floor -- DIR
//! ```

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: batch_floor DIR");
        std::process::exit(2);
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a readable folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let next = AtomicUsize::new(0);
    let parsed = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                while let Some(path) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let bytes = std::fs::read(path).expect("a readable file");
                    if serde_json::from_slice::<serde_json::Value>(&bytes).is_ok() {
                        parsed.fetch_add(1, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    println!("{} of {} files parsed", parsed.into_inner(), files.len());
}
