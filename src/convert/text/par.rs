//! Work spread over the machine's cores, for long inputs.
//!
//! The importer's per-line and per-section stages are pure: each line (or section) is
//! read on its own. A long input is cut into as many runs of consecutive items as there
//! are cores, each run is read on its own thread, and the results are joined in the
//! order of the input — so the result is the same, item for item, as on one thread.
//! Short inputs (a CV is a few hundred lines) stay on the calling thread: starting a
//! thread costs more than reading them. Where threads cannot be started (WebAssembly
//! without threads), every run is read on the calling thread.

use std::num::NonZeroUsize;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

/// How many threads to use at most: the cores this process may run on, asked once
/// (the answer reads the cgroup limits, which costs more than a short line).
fn cores() -> usize {
    #[cfg(test)]
    if tests::ONE_THREAD.with(std::cell::Cell::get) {
        return 1;
    }
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| {
        thread::available_parallelism()
            .map_or(1, NonZeroUsize::get)
            .min(8)
    })
}

/// Reads `items` run by run with `f`, which appends its results to the `Vec` it is
/// given, and returns all results in the order of `items`. Each thread gets at least
/// `min_run` items; fewer items than `2 * min_run` are read on the calling thread.
pub(super) fn runs<T, R, F>(items: &[T], min_run: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&[T], &mut Vec<R>) + Sync,
{
    let threads = cores().min(items.len() / min_run.max(1));
    if threads <= 1 {
        let mut out = Vec::new();
        f(items, &mut out);
        return out;
    }
    let size = items.len().div_ceil(threads);
    let f = &f;
    thread::scope(|scope| {
        let mut chunks = items.chunks(size);
        let first = chunks.next().unwrap_or_default();
        let spawned: Vec<_> = chunks
            .map(|chunk| {
                let run = move || {
                    let mut out = Vec::new();
                    f(chunk, &mut out);
                    out
                };
                // No thread to be had: the run is read here, later.
                thread::Builder::new()
                    .spawn_scoped(scope, run)
                    .map_err(|_| chunk)
            })
            .collect();
        let mut out = Vec::new();
        f(first, &mut out);
        for handle in spawned {
            match handle {
                Ok(h) => match h.join() {
                    Ok(mut part) => out.append(&mut part),
                    // The run panicked: so would the same code on this thread.
                    Err(panic) => std::panic::resume_unwind(panic),
                },
                Err(chunk) => f(chunk, &mut out),
            }
        }
        out
    })
}

/// `items.iter().map(f).collect()`, read in runs on several threads when there are
/// enough items (see [`runs`]).
pub(super) fn map<T, R, F>(items: &[T], min_run: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    runs(items, min_run, |run, out| out.extend(run.iter().map(&f)))
}

/// Calls `f` on every item, in runs on several threads when there are enough items.
pub(super) fn for_each_mut<T, F>(items: &mut [T], min_run: usize, f: F)
where
    T: Send,
    F: Fn(&mut T) + Sync,
{
    let threads = cores().min(items.len() / min_run.max(1));
    if threads <= 1 {
        items.iter_mut().for_each(f);
        return;
    }
    let size = items.len().div_ceil(threads);
    let f = &f;
    // A run whose thread could not be started is read here afterwards: its flag says so.
    let done: Vec<AtomicBool> = (0..threads).map(|_| AtomicBool::new(false)).collect();
    thread::scope(|scope| {
        let mut chunks = items.chunks_mut(size).zip(&done);
        let first = chunks.next();
        for (chunk, flag) in chunks {
            let run = move || {
                chunk.iter_mut().for_each(f);
                flag.store(true, Ordering::Relaxed);
            };
            // On failure the run is dropped unread and its flag stays down.
            let _ = thread::Builder::new().spawn_scoped(scope, run);
        }
        if let Some((chunk, flag)) = first {
            chunk.iter_mut().for_each(f);
            flag.store(true, Ordering::Relaxed);
        }
    });
    for (chunk, flag) in items.chunks_mut(size).zip(&done) {
        if !flag.load(Ordering::Relaxed) {
            chunk.iter_mut().for_each(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// Set: this test thread reads everything on itself.
        pub(super) static ONE_THREAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    #[test]
    fn a_long_import_is_the_same_on_one_thread() {
        // Every fixture CV, three times: thousands of lines and hundreds of sections, enough
        // to be read on several threads where the machine has several cores.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut text = String::new();
        for dir in ["text", "corpus/text"] {
            let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
                .collect();
            paths.sort();
            for p in paths {
                text.push_str(&std::fs::read_to_string(p).unwrap());
                text.push_str("\n\n");
            }
        }
        let text = text.repeat(3);
        // (Normalising splits from 2 × 2,000 lines, planning from 2 × 64 sections.)
        assert!(text.lines().count() > 2 * 2_000, "too short to be split");
        let many = super::super::import(&text);
        ONE_THREAD.with(|one| one.set(true));
        let one = super::super::import(&text);
        ONE_THREAD.with(|one| one.set(false));
        assert_eq!(many.lines, one.lines);
        assert_eq!(many.resume, one.resume);
    }

    #[test]
    fn results_keep_the_order_of_the_items() {
        let items: Vec<usize> = (0..10_000).collect();
        for min_run in [1, 7, 1000, 5000, 20_000] {
            assert_eq!(
                map(&items, min_run, |i| i * 2),
                items.iter().map(|i| i * 2).collect::<Vec<_>>()
            );
            let doubled = runs(&items, min_run, |run, out| {
                for &i in run {
                    out.extend([i, i]);
                }
            });
            assert_eq!(doubled.len(), 20_000);
            assert!(doubled.chunks(2).enumerate().all(|(k, p)| p == [k, k]));
            let mut each = items.clone();
            for_each_mut(&mut each, min_run, |i| *i += 1);
            assert!(each.iter().enumerate().all(|(k, &i)| i == k + 1));
        }
        assert!(map(&[] as &[u8], 1, |b| *b).is_empty());
    }
}
