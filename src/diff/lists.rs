//! Lists compared as sequences: which items stayed (a longest common subsequence, by
//! Myers' algorithm), which moved (equal items outside it), and which of the items that
//! stayed in place are out of order (the complement of a longest increasing
//! subsequence: the fewest items whose move explains the new order).
//!
//! Items are compared by [`similarity::hash`](super::similarity::hash), so object key
//! order never counts. Pairing items that were edited rather than kept (a reworded
//! highlight) is the job of [`matching`](super::matching), over what is left here.

use std::collections::HashMap;

use similar::{Algorithm, DiffTag, capture_diff_slices};

/// Beyond this bound on Myers' work the longest common subsequence is skipped and
/// equal items are paired in order. Myers' algorithm is O((N+M)·D), and D, the number
/// of edits, can reach N+M: so the bound is on (N+M)² (lists of up to 2,000 items in
/// all), not N×M, which would let a list of 100,000 items against one take minutes.
const LCS_LIMIT: usize = 4_000_000;

/// Pairs the equal items of two sequences of hashes. Returns `(index in a, index in b)`
/// pairs.
pub(crate) fn equal_pairs(a: &[u64], b: &[u64]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    if a.is_empty() || b.is_empty() {
        return pairs;
    }
    let mut old_used = vec![false; a.len()];
    let mut new_used = vec![false; b.len()];
    let n = a.len() + b.len();
    if n.saturating_mul(n) <= LCS_LIMIT {
        for op in capture_diff_slices(Algorithm::Myers, a, b) {
            let (tag, old_range, new_range) = op.as_tag_tuple();
            if tag == DiffTag::Equal {
                for (x, y) in old_range.zip(new_range) {
                    old_used[x] = true;
                    new_used[y] = true;
                    pairs.push((x, y));
                }
            }
        }
    }
    // Equal items outside the common subsequence moved: pair them in order.
    let mut waiting: HashMap<u64, Vec<usize>> = HashMap::new();
    for (x, h) in a.iter().enumerate().rev() {
        if !old_used[x] {
            waiting.entry(*h).or_default().push(x);
        }
    }
    for (y, h) in b.iter().enumerate() {
        if new_used[y] {
            continue;
        }
        if let Some(x) = waiting.get_mut(h).and_then(Vec::pop) {
            pairs.push((x, y));
        }
    }
    pairs
}

/// For a sequence of distinct numbers, marks the members of one longest increasing
/// subsequence. Among the longest, it prefers one that keeps most items for which
/// `preferred(position)` holds (e.g. items whose rank did not change), then the
/// leftmost, so the result is deterministic and reads naturally: reversing
/// `[a, b, c]` keeps `b` and moves `a` and `c`.
pub(crate) fn longest_increasing(seq: &[usize], preferred: impl Fn(usize) -> bool) -> Vec<bool> {
    // Weighted LIS with a Fenwick tree of prefix maxima over the values:
    // best[k] = (length, preferred count) of the best run ending at position k.
    let size = seq.iter().max().map_or(0, |m| m + 1);
    let mut tree: Vec<Option<((usize, usize), usize)>> = vec![None; size + 1];
    let mut prev: Vec<Option<usize>> = vec![None; seq.len()];
    let mut best_end: Option<((usize, usize), usize)> = None;
    for (k, &value) in seq.iter().enumerate() {
        // The best run ending in a value below `value`.
        let mut before: Option<((usize, usize), usize)> = None;
        let mut at = value;
        while at > 0 {
            if tree[at].is_some_and(|t| before.is_none_or(|b| t.0 > b.0)) {
                before = tree[at];
            }
            at &= at - 1;
        }
        let (len, pref) = before.map_or((0, 0), |b| b.0);
        let score = (len + 1, pref + usize::from(preferred(k)));
        prev[k] = before.map(|b| b.1);
        let mut at = value + 1;
        while at <= size {
            if tree[at].is_none_or(|t| score > t.0) {
                tree[at] = Some((score, k));
            }
            at += at & at.wrapping_neg();
        }
        if best_end.is_none_or(|b| score > b.0) {
            best_end = Some((score, k));
        }
    }
    let mut keep = vec![false; seq.len()];
    let mut at = best_end.map(|b| b.1);
    while let Some(k) = at {
        keep[k] = true;
        at = prev[k];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_items_and_moves_are_paired() {
        let old = [1, 2, 3, 4];
        let new = [4, 1, 2, 5, 3];
        let mut pairs = equal_pairs(&old, &new);
        pairs.sort_unstable();
        assert_eq!(pairs, vec![(0, 1), (1, 2), (2, 4), (3, 0)]);
    }

    #[test]
    fn duplicates_are_paired_once_each() {
        let old = [7, 1, 7];
        let new = [1, 7];
        let mut pairs = equal_pairs(&old, &new);
        pairs.sort_unstable();
        // The common subsequence keeps `1, 7` (the second 7); the first 7 is gone.
        assert_eq!(pairs, vec![(1, 0), (2, 1)]);
    }

    #[test]
    fn longest_increasing_subsequence() {
        let none = |_| false;
        assert_eq!(
            longest_increasing(&[1, 2, 3, 0], none),
            vec![true, true, true, false]
        );
        assert_eq!(
            longest_increasing(&[3, 0, 1, 2], none),
            vec![false, true, true, true]
        );
        assert!(longest_increasing(&[], none).is_empty());
        assert_eq!(
            longest_increasing(&[2, 1, 0], none),
            vec![true, false, false]
        );
        // Preferring the unmoved middle item of a reversal.
        assert_eq!(
            longest_increasing(&[2, 1, 0], |k| k == 1),
            vec![false, true, false]
        );
        // Length first, preference second.
        assert_eq!(
            longest_increasing(&[0, 4, 1, 2, 3], |k| k == 1),
            vec![true, false, true, true, true]
        );
        let keep = longest_increasing(&[5, 1, 6, 2, 7, 3, 8, 4], none);
        let kept: Vec<usize> = keep
            .iter()
            .enumerate()
            .filter(|(_, k)| **k)
            .map(|(i, _)| i)
            .collect();
        assert_eq!(kept.len(), 4);
    }
}
