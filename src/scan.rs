//! Searches for the short needles the date reader and the CV importer look for
//! (separators, connectors, grade marks): a byte scan, where `str::find` with a string
//! needle first sets up a general searcher that costs more than the short texts
//! searched.

/// The first place of `needle` in `hay`, as [`str::find`] gives it.
pub(crate) fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return Some(0);
    };
    // `needle` starts with a whole char, so a match starts on a char boundary.
    (0..h.len()).find(|&i| h[i] == first && starts_at(h, i, n))
}

/// Whether `needle` starts at byte `i` of `hay`, compared in line: the needles are a
/// few bytes long and most comparisons fail at the first or second byte.
#[inline]
pub(crate) fn starts_at(hay: &[u8], i: usize, needle: &[u8]) -> bool {
    hay.len() - i >= needle.len() && hay[i..].iter().zip(needle).all(|(a, b)| a == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_as_str_find_does() {
        for (hay, needle) in [
            ("Engineer at ACME", " at "),
            ("2019 – 2021", " – "),
            ("März bis heute", "bis"),
            ("abc", ""),
            ("", "x"),
            ("aaa", "aaaa"),
            ("x – y – z", "–"),
        ] {
            assert_eq!(find(hay, needle), hay.find(needle), "{hay:?} {needle:?}");
        }
    }
}
