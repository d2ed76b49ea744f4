//! Short forms of JSON pointer lists for the line-by-line report.

/// At most this many items are listed for one line; the rest are counted.
const MAX_ITEMS: usize = 6;

/// The pointers one source line went to, as a short list: a run that counts up in one
/// index is a range (`/skills/0/keywords/0-4`, `/work/0-7/highlights/0`), neighbours
/// under one parent share it (`/work/0/{position,name,startDate}`), and past six items
/// the rest is a count (`… +12 more`).
pub(crate) fn compress(pointers: &[String]) -> String {
    let mut items: Vec<String> = Vec::new();
    // Rendered runs, each with the parent its last segment hangs from.
    let runs = runs(pointers);
    let mut k = 0;
    while k < runs.len() {
        let (parent, leaf) = split_leaf(&runs[k]);
        let mut end = k + 1;
        while end < runs.len() && split_leaf(&runs[end]).0 == parent {
            end += 1;
        }
        if end - k >= 2 && !parent.is_empty() {
            let leaves: Vec<&str> = runs[k..end].iter().map(|r| split_leaf(r).1).collect();
            items.push(format!("{parent}/{{{}}}", leaves.join(",")));
        } else {
            items.push(format!("{parent}/{leaf}"));
        }
        k = end;
    }
    if items.len() > MAX_ITEMS {
        let more = items.len() - (MAX_ITEMS - 1);
        items.truncate(MAX_ITEMS - 1);
        items.push(format!("… +{more} more"));
    }
    items.join(", ")
}

/// The pointers with runs of consecutive indices folded into ranges.
fn runs(pointers: &[String]) -> Vec<String> {
    struct Run<'a> {
        first: Vec<&'a str>,
        last: Vec<&'a str>,
        at: Option<usize>,
    }
    let mut runs: Vec<Run<'_>> = Vec::new();
    for p in pointers {
        let segs: Vec<&str> = p.split('/').collect();
        if let Some(run) = runs.last_mut()
            && run.last.len() == segs.len()
        {
            let mut diff = (0..segs.len()).filter(|&i| run.last[i] != segs[i]);
            if let (Some(i), None) = (diff.next(), diff.next())
                && run.at.is_none_or(|a| a == i)
                && let (Ok(a), Ok(b)) = (run.last[i].parse::<usize>(), segs[i].parse::<usize>())
                && b == a + 1
            {
                run.at = Some(i);
                run.last = segs;
                continue;
            }
        }
        runs.push(Run {
            first: segs.clone(),
            last: segs,
            at: None,
        });
    }
    runs.into_iter()
        .map(|run| match run.at {
            None => run.first.join("/"),
            Some(i) => {
                let mut segs: Vec<String> = run.first.iter().map(|s| (*s).to_owned()).collect();
                segs[i] = format!("{}-{}", run.first[i], run.last[i]);
                segs.join("/")
            }
        })
        .collect()
}

/// `/work/0/name` → (`/work/0`, `name`).
fn split_leaf(pointer: &str) -> (&str, &str) {
    pointer.rsplit_once('/').unwrap_or(("", pointer))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(pointers: &[&str]) -> String {
        compress(&pointers.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>())
    }

    #[test]
    fn short_lists_stay() {
        assert_eq!(c(&[]), "");
        assert_eq!(c(&["/basics/name"]), "/basics/name");
        assert_eq!(
            c(&["/basics/email", "/skills/0/name"]),
            "/basics/email, /skills/0/name"
        );
    }

    #[test]
    fn index_runs_become_ranges() {
        assert_eq!(
            c(&[
                "/skills/0/name",
                "/skills/0/keywords/0",
                "/skills/0/keywords/1",
                "/skills/0/keywords/2",
            ]),
            "/skills/0/name, /skills/0/keywords/0-2"
        );
        let highlights: Vec<String> = (0..8).map(|i| format!("/work/{i}/highlights/0")).collect();
        assert_eq!(compress(&highlights), "/work/0-7/highlights/0");
        // Not consecutive, or counting in two places: no range.
        assert_eq!(c(&["/a/0", "/a/2"]), "/a/{0,2}");
        assert_eq!(
            c(&["/a/0/b/0", "/a/0/b/1", "/a/1/b/1"]),
            "/a/0/b/0-1, /a/1/b/1"
        );
    }

    #[test]
    fn siblings_share_their_parent() {
        assert_eq!(
            c(&[
                "/work/0/position",
                "/work/0/name",
                "/work/0/startDate",
                "/work/0/endDate"
            ]),
            "/work/0/{position,name,startDate,endDate}"
        );
    }

    #[test]
    fn long_lists_are_counted() {
        let many: Vec<String> = (0..20).map(|i| format!("/s/{}/name", i * 2)).collect();
        assert_eq!(
            compress(&many),
            "/s/0/name, /s/2/name, /s/4/name, /s/6/name, /s/8/name, … +15 more"
        );
    }
}
