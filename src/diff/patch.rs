//! RFC 6902 JSON Patch operations, and the operations that turn an old array into a new
//! one given which items match.
//!
//! The patch follows the matching, not the positions: a job inserted at the top is one
//! `add` at `/work/0`, a reordered skill one `move`, an edited highlight one `replace`
//! inside the entry it belongs to. For one array the operations come in this order, so
//! each pointer is valid when its operation runs:
//! 1. `remove` the items that went, from the last to the first (old indices);
//! 2. `move` the fewest matched items needed to put them in the new order (those
//!    outside a longest increasing subsequence), each right after its new predecessor;
//! 3. `add` the new items, first to last (new indices);
//! 4. then the changes inside matched items, at their new indices (the caller's walk).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::pointer::join_index;

/// One JSON Patch (RFC 6902) operation. A patch is a `Vec<PatchOp>`; it serializes to
/// the RFC's JSON form, e.g. `{"op": "add", "path": "/work/0", "value": {…}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum PatchOp {
    /// Add `value` at `path` (insert it, for an array index).
    Add {
        /// Where, as a JSON pointer.
        path: String,
        /// What.
        value: Value,
    },
    /// Remove the value at `path`.
    Remove {
        /// Where, as a JSON pointer.
        path: String,
    },
    /// Replace the value at `path` with `value`.
    Replace {
        /// Where, as a JSON pointer.
        path: String,
        /// The new value.
        value: Value,
    },
    /// Remove the value at `from` and add it at `path`.
    Move {
        /// Where it is, as a JSON pointer.
        from: String,
        /// Where it goes, as a JSON pointer into the document without it.
        path: String,
    },
}

/// The operations that turn the array at `pointer` (`old_len` items) into `new`,
/// steps 1–3 above. `pairs` are the matched `(old, new)` indices in new order, `kept`
/// marks those that keep their place (the others move).
pub(crate) fn array_ops(
    pointer: &str,
    old_len: usize,
    pairs: &[(usize, usize)],
    kept: &[bool],
    new: &[Value],
    out: &mut Vec<PatchOp>,
) {
    let mut old_matched = vec![false; old_len];
    let mut new_matched = vec![false; new.len()];
    for &(i, j) in pairs {
        old_matched[i] = true;
        new_matched[j] = true;
    }
    // 1. Removals, last first, so earlier indices stay valid.
    for i in (0..old_len).rev().filter(|&i| !old_matched[i]) {
        out.push(PatchOp::Remove {
            path: join_index(pointer, i),
        });
    }
    // 2. Moves. `current` is the array after the removals, as old indices.
    if kept.iter().any(|k| !k) {
        let mut current: Vec<usize> = (0..old_len).filter(|&i| old_matched[i]).collect();
        for (k, &(i, _)) in pairs.iter().enumerate() {
            if kept[k] {
                continue;
            }
            let from = position(&current, i);
            current.remove(from);
            let to = match k {
                0 => 0,
                _ => position(&current, pairs[k - 1].0) + 1,
            };
            current.insert(to, i);
            if from != to {
                out.push(PatchOp::Move {
                    from: join_index(pointer, from),
                    path: join_index(pointer, to),
                });
            }
        }
    }
    // 3. Additions, first to last: each lands at its final index.
    for (j, value) in new.iter().enumerate() {
        if !new_matched[j] {
            out.push(PatchOp::Add {
                path: join_index(pointer, j),
                value: value.clone(),
            });
        }
    }
}

fn position(items: &[usize], wanted: usize) -> usize {
    items.iter().position(|&x| x == wanted).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::lists::longest_increasing;
    use super::*;

    /// A minimal applier for these tests (the integration tests use the `json-patch`
    /// crate).
    fn apply(array: &mut Vec<Value>, ops: &[PatchOp]) {
        let index = |p: &str| p.rsplit('/').next().unwrap().parse::<usize>().unwrap();
        for op in ops {
            match op {
                PatchOp::Add { path, value } => array.insert(index(path), value.clone()),
                PatchOp::Remove { path } => {
                    array.remove(index(path));
                }
                PatchOp::Move { from, path } => {
                    let v = array.remove(index(from));
                    array.insert(index(path), v);
                }
                PatchOp::Replace { .. } => unreachable!(),
            }
        }
    }

    fn check(old: &[&str], new: &[&str]) -> Vec<PatchOp> {
        let old: Vec<Value> = old.iter().map(|s| json!(s)).collect();
        let new: Vec<Value> = new.iter().map(|s| json!(s)).collect();
        let pairs: Vec<(usize, usize)> = new
            .iter()
            .enumerate()
            .filter_map(|(j, v)| old.iter().position(|o| o == v).map(|i| (i, j)))
            .collect();
        let order: Vec<usize> = pairs.iter().map(|p| p.0).collect();
        let kept = longest_increasing(&order, |_| false);
        let mut ops = Vec::new();
        array_ops("/a", old.len(), &pairs, &kept, &new, &mut ops);
        let mut result = old.clone();
        apply(&mut result, &ops);
        assert_eq!(result, new, "{ops:?}");
        ops
    }

    #[test]
    fn insert_at_top_is_one_add() {
        let ops = check(&["b", "c", "d"], &["a", "b", "c", "d"]);
        assert_eq!(
            ops,
            vec![PatchOp::Add {
                path: "/a/0".into(),
                value: json!("a")
            }]
        );
    }

    #[test]
    fn moving_the_first_to_the_end_is_one_move() {
        let ops = check(&["a", "b", "c"], &["b", "c", "a"]);
        assert_eq!(
            ops,
            vec![PatchOp::Move {
                from: "/a/0".into(),
                path: "/a/2".into()
            }]
        );
    }

    #[test]
    fn mixed_edits() {
        check(&["a", "b", "c", "d", "e"], &["e", "x", "c", "a", "y"]);
        check(&["a", "b", "c", "d"], &["d", "c", "b", "a"]);
        check(&[], &["a"]);
        check(&["a"], &[]);
        let ops = check(
            &["a", "b", "c", "d", "e", "f"],
            &["b", "a", "d", "c", "f", "e"],
        );
        assert_eq!(ops.len(), 3);
    }
}
