//! Which entry of the old list is which entry of the new one.
//!
//! Entries are matched in three passes, each over what the previous left:
//! 1. by **natural key** — the fields that name an entry in its section (a job is its
//!    employer and position, a skill its name; see [`Identity`]), compared after
//!    folding case and white space;
//! 2. by **equality** — items equal as values, in order first (a longest common
//!    subsequence), then wherever they moved;
//! 3. by **similarity** — the most alike remaining pairs, best first, when they are
//!    alike enough ([`THRESHOLD`]): a fixed typo in an employer's name, a renamed
//!    position, a reworded highlight. Entries whose dates (`startDate`, `date`,
//!    `releaseDate`) both exist and differ are never paired this way: a new job with
//!    the same title in the same city is not the old job renamed. At most
//!    [`MAX_COMPARISONS`] pairs are scored; on longer lists each old item is only
//!    compared with the new items nearest to where its matched neighbours put it, so
//!    the cost stays linear.
//!
//! So inserting, deleting or reordering entries shows as exactly that, and an entry
//! edited in place is one entry with changed fields.

use std::collections::HashMap;

use serde_json::Value;

use super::similarity::{Feature, Features};
use super::{lists, similarity};

/// How alike two leftover items must be (0..=1) to count as one item edited.
pub const THRESHOLD: f64 = 0.5;

/// The most pairs of leftover items scored for similarity in one list.
pub const MAX_COMPARISONS: usize = 4096;

/// What names an entry of a list, by the list's name (`work`, `skills`, `profiles`, or
/// any custom list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity {
    list: List,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    Work,
    Volunteer,
    Education,
    Named,
    Awards,
    Languages,
    Profiles,
    Other,
}

/// A component of a key: the first of these fields the entry has.
type Component = &'static [&'static str];

/// Fields that name entries of lists vitae does not know.
const GENERIC: Component = &[
    "name",
    "title",
    "id",
    "key",
    "label",
    "network",
    "language",
    "institution",
    "organization",
    "company",
];

impl Identity {
    /// The identity of entries of the list called `name` (the last token of its pointer).
    #[must_use]
    pub fn of_list(name: &str) -> Identity {
        let list = match name {
            "work" => List::Work,
            "volunteer" => List::Volunteer,
            "education" => List::Education,
            "skills" | "projects" | "certificates" | "publications" | "interests"
            | "references" => List::Named,
            "awards" => List::Awards,
            "languages" => List::Languages,
            "profiles" => List::Profiles,
            _ => List::Other,
        };
        Identity { list }
    }

    fn components(self) -> &'static [Component] {
        match self.list {
            // `company` is the 0.0.x name of `name`.
            List::Work => &[&["name", "company"], &["position"]],
            List::Volunteer => &[&["organization"], &["position"]],
            List::Education => &[&["institution"], &["studyType"], &["area"]],
            List::Named => &[&["name"]],
            List::Awards => &[&["title"]],
            List::Languages => &[&["language"]],
            List::Profiles => &[&["network"]],
            List::Other => &[GENERIC],
        }
    }

    /// The texts of the key fields of `entry` (None for a field it lacks).
    fn parts(self, entry: &Value) -> Vec<Option<String>> {
        self.components()
            .iter()
            .map(|fields| {
                let map = entry.as_object()?;
                fields.iter().find_map(|f| scalar_text(map.get(*f)?))
            })
            .collect()
    }

    /// The natural key of `entry`, folded; None when it has none of the key fields.
    fn key(self, entry: &Value) -> Option<String> {
        let parts = self.parts(entry);
        if parts.iter().all(Option::is_none) {
            return None;
        }
        let folded: Vec<String> = parts
            .iter()
            .map(|p| p.as_deref().map(similarity::fold).unwrap_or_default())
            .collect();
        Some(folded.join("\u{1f}"))
    }

    /// A short name for `entry` to show a reader: `Nordlys — Engineer`,
    /// `University of Oslo — Master Computer Science`, `Rust`. None when the entry has
    /// no naming field and no short text.
    #[must_use]
    pub fn label(self, entry: &Value) -> Option<String> {
        let parts = self.parts(entry);
        let present: Vec<&str> = parts.iter().flatten().map(String::as_str).collect();
        let label = match present.as_slice() {
            [] => first_short_text(entry)?,
            // "Institution — studyType area"
            [first, rest @ ..]
                if self.list == List::Education && parts[0].is_some() && !rest.is_empty() =>
            {
                format!("{first} — {}", rest.join(" "))
            }
            present => present.join(" — "),
        };
        Some(clean_label(&label))
    }
}

fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The first short text field of an entry (or the entry itself, if text).
fn first_short_text(entry: &Value) -> Option<String> {
    match entry {
        Value::String(s) => Some(s.clone()),
        Value::Object(map) => map.values().find_map(|v| match v {
            Value::String(s) if !s.trim().is_empty() && s.chars().count() <= 60 => Some(s.clone()),
            _ => None,
        }),
        _ => None,
    }
}

/// One line of at most 80 characters with no control characters.
fn clean_label(text: &str) -> String {
    let line: String = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if line.chars().count() > 80 {
        let mut cut: String = line.chars().take(79).collect();
        cut.push('…');
        cut
    } else {
        line
    }
}

/// Matches the items of `old` with those of `new`. Returns, for each new index, the old
/// index it continues (None for an added item); every old index appears at most once.
pub(crate) fn match_items(old: &[Value], new: &[Value], identity: Identity) -> Vec<Option<usize>> {
    let mut of_new: Vec<Option<usize>> = vec![None; new.len()];
    let mut old_taken = vec![false; old.len()];

    // 1. Natural keys.
    if old.iter().chain(new).any(Value::is_object) {
        let mut groups: HashMap<String, (Vec<usize>, Vec<usize>)> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for (i, item) in old.iter().enumerate() {
            if let Some(key) = identity.key(item) {
                groups.entry(key).or_default().0.push(i);
            }
        }
        for (j, item) in new.iter().enumerate() {
            if let Some(group) = identity.key(item).and_then(|key| {
                let found = groups.get_mut(&key)?;
                if found.1.is_empty() {
                    order.push(key);
                }
                Some(found)
            }) {
                group.1.push(j);
            }
        }
        for key in &order {
            let (olds, news) = &groups[key];
            for (i, j) in pair_group(old, new, olds, news, identity) {
                of_new[j] = Some(i);
                old_taken[i] = true;
            }
        }
    }

    // 2. Equal values.
    let old_left: Vec<usize> = (0..old.len()).filter(|&i| !old_taken[i]).collect();
    let new_left: Vec<usize> = (0..new.len()).filter(|&j| of_new[j].is_none()).collect();
    if old_left.is_empty() || new_left.is_empty() {
        return of_new;
    }
    // Only leftovers are hashed: on long lists most entries matched by key.
    let old_hashes: Vec<u64> = old_left
        .iter()
        .map(|&i| similarity::hash(&old[i]))
        .collect();
    let new_hashes: Vec<u64> = new_left
        .iter()
        .map(|&j| similarity::hash(&new[j]))
        .collect();
    for (x, y) in lists::equal_pairs(&old_hashes, &new_hashes) {
        let (i, j) = (old_left[x], new_left[y]);
        // A hash collision must not pair different values.
        if old[i] == new[j] {
            of_new[j] = Some(i);
            old_taken[i] = true;
        }
    }

    // 3. Similar values.
    let old_left: Vec<usize> = (0..old.len()).filter(|&i| !old_taken[i]).collect();
    let new_left: Vec<usize> = (0..new.len()).filter(|&j| of_new[j].is_none()).collect();
    for (i, j) in similar_pairs(old, new, &old_left, &new_left, &of_new, identity) {
        of_new[j] = Some(i);
    }
    of_new
}

/// Pairs entries that share a key. One each (the usual case): they go together. More:
/// equal entries first, then the most alike, then the rest in order.
fn pair_group(
    old: &[Value],
    new: &[Value],
    olds: &[usize],
    news: &[usize],
    identity: Identity,
) -> Vec<(usize, usize)> {
    if let ([i], [j]) = (olds, news) {
        return vec![(*i, *j)];
    }
    let mut pairs = Vec::new();
    let mut old_used = vec![false; olds.len()];
    let mut new_used = vec![false; news.len()];
    // Equal entries, found by hash (a group can be large: many jobs without a name).
    let mut by_hash: HashMap<u64, Vec<usize>> = HashMap::new();
    for (a, &i) in olds.iter().enumerate().rev() {
        by_hash
            .entry(similarity::hash(&old[i]))
            .or_default()
            .push(a);
    }
    for (b, &j) in news.iter().enumerate() {
        let Some(candidates) = by_hash.get_mut(&similarity::hash(&new[j])) else {
            continue;
        };
        if let Some(at) = candidates.iter().rposition(|&a| old[olds[a]] == new[j]) {
            let a = candidates.remove(at);
            old_used[a] = true;
            new_used[b] = true;
            pairs.push((olds[a], j));
        }
    }
    // The most alike (a group is a handful of entries; cap it anyway).
    let olds_left: Vec<(usize, Item<'_>)> = (0..olds.len())
        .filter(|&a| !old_used[a])
        .take(64)
        .map(|a| (a, Item::of(&old[olds[a]], identity)))
        .collect();
    let news_left: Vec<(usize, Item<'_>)> = (0..news.len())
        .filter(|&b| !new_used[b])
        .take(64)
        .map(|b| (b, Item::of(&new[news[b]], identity)))
        .collect();
    let mut scored = Vec::new();
    for (a, x) in &olds_left {
        for (b, y) in &news_left {
            scored.push((likeness(x, y), *a, *b));
        }
    }
    scored.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then_with(|| (x.1, x.2).cmp(&(y.1, y.2)))
    });
    for (_, a, b) in scored {
        if !old_used[a] && !new_used[b] {
            old_used[a] = true;
            new_used[b] = true;
            pairs.push((olds[a], news[b]));
        }
    }
    // Beyond the cap: in order.
    let rest_old = olds
        .iter()
        .enumerate()
        .filter(|(a, _)| !old_used[*a])
        .map(|(_, i)| *i);
    let rest_new = news
        .iter()
        .enumerate()
        .filter(|(b, _)| !new_used[*b])
        .map(|(_, j)| *j);
    pairs.extend(rest_old.zip(rest_new));
    pairs
}

/// Pairs leftover items that are alike enough, most alike first. `of_new` holds the
/// pairs found so far (new index → old index).
fn similar_pairs(
    old: &[Value],
    new: &[Value],
    old_left: &[usize],
    new_left: &[usize],
    of_new: &[Option<usize>],
    identity: Identity,
) -> Vec<(usize, usize)> {
    let (n, m) = (old_left.len(), new_left.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    // Compare everything with everything while that is cheap; else each old item with
    // the new leftovers nearest to where it is expected: just after the new place of
    // the closest matched item before it.
    let band = if n.saturating_mul(m) <= MAX_COMPARISONS {
        m
    } else {
        (MAX_COMPARISONS / n / 2).max(2)
    };
    let expected = expected_places(old.len(), of_new);
    let old_items: Vec<Item<'_>> = old_left
        .iter()
        .map(|&i| Item::of(&old[i], identity))
        .collect();
    let new_items: Vec<Item<'_>> = new_left
        .iter()
        .map(|&j| Item::of(&new[j], identity))
        .collect();
    let mut scored: Vec<(f64, usize, usize)> = Vec::new();
    for (r, &i) in old_left.iter().enumerate() {
        let centre = new_left.partition_point(|&j| j < expected[i]);
        let (lo, hi) = if band >= m {
            (0, m)
        } else {
            (centre.saturating_sub(band), (centre + band + 1).min(m))
        };
        for (q, &j) in new_left.iter().enumerate().take(hi).skip(lo) {
            let score = likeness(&old_items[r], &new_items[q]);
            if score >= THRESHOLD {
                scored.push((score, i, j));
            }
        }
    }
    // Best first; ties go to the pair closest in position, then to the earliest.
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| a.1.abs_diff(a.2).cmp(&b.1.abs_diff(b.2)))
            .then_with(|| (a.1, a.2).cmp(&(b.1, b.2)))
    });
    let mut old_used = vec![false; old.len()];
    let mut new_used = vec![false; new.len()];
    let mut pairs = Vec::new();
    for (_, i, j) in scored {
        if !old_used[i] && !new_used[j] {
            old_used[i] = true;
            new_used[j] = true;
            pairs.push((i, j));
        }
    }
    pairs
}

/// For each old index, the new index it would have if it kept its distance to the
/// closest matched item before it (or, at the start of the list, after it).
fn expected_places(old_len: usize, of_new: &[Option<usize>]) -> Vec<usize> {
    let mut new_of_old: Vec<Option<usize>> = vec![None; old_len];
    for (j, i) in of_new.iter().enumerate() {
        if let Some(i) = i {
            new_of_old[*i] = Some(j);
        }
    }
    let first = new_of_old
        .iter()
        .enumerate()
        .find_map(|(i, j)| j.map(|j| (i, j)));
    let mut last: Option<(usize, usize)> = None;
    new_of_old
        .iter()
        .enumerate()
        .map(|(i, j)| {
            if let Some(j) = j {
                last = Some((i, *j));
            }
            match (last, first) {
                (Some((p, q)), _) => q + (i - p),
                (None, Some((p, q))) => q.saturating_sub(p - i),
                (None, None) => i,
            }
        })
        .collect()
}

/// What similarity looks at in one item, computed once.
struct Item<'a> {
    features: Features<'a>,
    key: Vec<Option<Feature>>,
}

impl<'a> Item<'a> {
    fn of(value: &'a Value, identity: Identity) -> Item<'a> {
        Item {
            features: Features::of(value),
            key: identity
                .parts(value)
                .iter()
                .map(|p| p.as_deref().map(Feature::text))
                .collect(),
        }
    }
}

/// Dates that anchor an entry in time: two entries that both have one and disagree on
/// it are different entries, however alike their words (a new job with the same title
/// in the same city is not the old job renamed).
const ANCHORS: &[&str] = &["startDate", "date", "releaseDate"];

/// How alike two items are: 0 when an anchor date differs; for entries with key fields
/// on both sides, half the likeness of their keys and half that of all their fields;
/// else that of the values.
fn likeness(a: &Item<'_>, b: &Item<'_>) -> f64 {
    for anchor in ANCHORS {
        if let (Some(x), Some(y)) = (a.features.member(anchor), b.features.member(anchor))
            && x.likeness(y) < 1.0
        {
            return 0.0;
        }
    }
    let content = a.features.likeness(&b.features);
    let mut key_total = 0.0;
    let mut key_count = 0usize;
    let mut shared = false;
    for (p, q) in a.key.iter().zip(&b.key) {
        match (p, q) {
            (Some(p), Some(q)) => {
                shared = true;
                key_count += 1;
                key_total += p.likeness(q);
            }
            (None, None) => {}
            _ => key_count += 1,
        }
    }
    if shared {
        0.5 * (key_total / key_count as f64) + 0.5 * content
    } else {
        content
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn items(value: Value) -> Vec<Value> {
        value.as_array().unwrap().clone()
    }

    #[test]
    fn keys_labels_and_fallbacks() {
        let work = Identity::of_list("work");
        let job = json!({"name": "Nordlys", "position": "Engineer"});
        assert_eq!(work.label(&job).as_deref(), Some("Nordlys — Engineer"));
        assert_eq!(
            work.label(&json!({"company": "Old Co"})).as_deref(),
            Some("Old Co")
        );
        assert_eq!(
            work.key(&json!({"name": " NORDLYS ", "position": "engineer"})),
            work.key(&job)
        );
        let education = Identity::of_list("education");
        let degree = json!({"institution": "UiO", "studyType": "Master", "area": "Informatics"});
        assert_eq!(
            education.label(&degree).as_deref(),
            Some("UiO — Master Informatics")
        );
        let other = Identity::of_list("x-talks");
        assert_eq!(
            other.label(&json!({"title": "Rust\nat scale"})).as_deref(),
            Some("Rust at scale")
        );
        assert_eq!(
            other.label(&json!({"venue": "RustConf"})).as_deref(),
            Some("RustConf")
        );
        assert_eq!(other.label(&json!({"n": 1})), None);
    }

    #[test]
    fn an_entry_inserted_at_the_top_leaves_the_others_matched() {
        let old = items(json!([
            {"name": "B", "position": "x"},
            {"name": "C", "position": "y"}
        ]));
        let new = items(json!([
            {"name": "A", "position": "z"},
            {"name": "B", "position": "x", "endDate": "2020"},
            {"name": "C", "position": "y"}
        ]));
        assert_eq!(
            match_items(&old, &new, Identity::of_list("work")),
            vec![None, Some(0), Some(1)]
        );
    }

    #[test]
    fn a_renamed_position_is_the_same_job() {
        let old = items(json!([
            {"name": "Nordlys", "position": "Engineer", "startDate": "2019-01", "highlights": ["a", "b"]}
        ]));
        let new = items(json!([
            {"name": "Fjord", "position": "Barista", "startDate": "2010-01"},
            {"name": "Nordlys", "position": "Senior Engineer", "startDate": "2019-01", "highlights": ["a", "b"]}
        ]));
        assert_eq!(
            match_items(&old, &new, Identity::of_list("work")),
            vec![None, Some(0)]
        );
    }

    #[test]
    fn a_job_with_other_dates_is_not_the_old_job_renamed() {
        let old = items(json!([
            {"name": "Company 89 GmbH", "position": "Data Engineer", "location": "Oslo",
             "startDate": "2009-06", "summary": "Built the billing pipeline for team 89"}
        ]));
        let new = items(json!([
            {"name": "Company 100019 Inc", "position": "Data Engineer", "location": "Oslo",
             "startDate": "2014-12", "summary": "Built the billing pipeline for team 19"}
        ]));
        assert_eq!(
            match_items(&old, &new, Identity::of_list("work")),
            vec![None]
        );
        // The same with the start date kept: a renamed employer.
        let mut renamed = new.clone();
        renamed[0]["startDate"] = json!("2009-06");
        assert_eq!(
            match_items(&old, &renamed, Identity::of_list("work")),
            vec![Some(0)]
        );
    }

    #[test]
    fn a_different_job_at_the_same_employer_is_not_the_same_job() {
        let old = items(json!([
            {"name": "Nordlys", "position": "Engineer", "startDate": "2019-01", "highlights": ["a"]}
        ]));
        let new = items(json!([
            {"name": "Nordlys", "position": "Head of Sales", "startDate": "2023-05", "highlights": ["z"]}
        ]));
        assert_eq!(
            match_items(&old, &new, Identity::of_list("work")),
            vec![None]
        );
    }

    #[test]
    fn entries_sharing_a_key_pair_with_their_twin() {
        let old = items(json!([
            {"position": "Engineer", "startDate": "2019", "highlights": []}
        ]));
        let new = items(json!([
            {"position": "Engineer", "endDate": "2019"},
            {"position": "Engineer", "startDate": "2019", "highlights": []}
        ]));
        assert_eq!(
            match_items(&old, &new, Identity::of_list("work")),
            vec![None, Some(0)]
        );
        let old = items(json!([
            {"name": "Acme", "position": "Dev", "startDate": "2010", "summary": "first stint"},
            {"name": "Acme", "position": "Dev", "startDate": "2015", "summary": "came back"}
        ]));
        let new = items(json!([
            {"name": "Acme", "position": "Dev", "startDate": "2015", "summary": "came back, led the team"},
            {"name": "Acme", "position": "Dev", "startDate": "2010", "summary": "first stint"}
        ]));
        assert_eq!(
            match_items(&old, &new, Identity::of_list("work")),
            vec![Some(1), Some(0)]
        );
    }

    #[test]
    fn renamed_entries_are_found_past_the_cap_despite_insertions_and_removals() {
        let job = |i: usize, position: &str| {
            json!({"name": format!("Employer {i}"), "position": position,
                   "startDate": format!("{}-01", 1950 + i % 70), "summary": format!("Did thing {i}")})
        };
        let old: Vec<Value> = (0..600).map(|i| job(i, "Engineer")).collect();
        let mut new: Vec<Value> = (0..30)
            .map(|k| json!({"name": format!("Café {k}"), "position": "Barista", "startDate": "2024-01"}))
            .collect();
        let mut renamed = Vec::new();
        for i in (0..600).filter(|i| i % 10 != 5) {
            if i % 7 == 0 {
                renamed.push((i, new.len()));
                new.push(job(i, "Senior Engineer"));
            } else {
                new.push(job(i, "Engineer"));
            }
        }
        // 86 renamed + 60 removed old leftovers against 86 + 30 new ones: past the cap.
        const { assert!(146 * 116 > MAX_COMPARISONS) };
        let m = match_items(&old, &new, Identity::of_list("work"));
        for (i, j) in renamed {
            assert_eq!(m[j], Some(i), "old {i} → new {j}");
        }
        assert!(m[..30].iter().all(Option::is_none));
    }

    #[test]
    fn a_large_group_sharing_a_key_pairs_equal_entries() {
        let job = |i: usize| json!({"name": "Freelance", "position": "Developer", "summary": format!("client {i}")});
        let old: Vec<Value> = (0..500).map(job).collect();
        let new: Vec<Value> = (0..500).rev().map(job).collect();
        let m = match_items(&old, &new, Identity::of_list("work"));
        assert!(m.iter().enumerate().all(|(j, i)| *i == Some(499 - j)));
    }

    #[test]
    fn strings_match_equal_then_similar() {
        let old = items(json!([
            "Shipped the billing system",
            "Ran the on-call rota",
            "Rust"
        ]));
        let new = items(json!([
            "Rust",
            "Shipped the new billing system",
            "Hired 4 engineers"
        ]));
        assert_eq!(
            match_items(&old, &new, Identity::of_list("highlights")),
            vec![Some(2), Some(0), None]
        );
    }

    #[test]
    fn long_lists_are_compared_in_a_band() {
        // 1,000 unkeyed, all slightly edited: each finds its partner near its position.
        let old: Vec<Value> = (0..1000)
            .map(|i| json!(format!("item number {i} of the list")))
            .collect();
        let new: Vec<Value> = (0..1000)
            .map(|i| json!(format!("item number {i} of the lists")))
            .collect();
        let m = match_items(&old, &new, Identity::of_list("things"));
        assert!(m.iter().enumerate().all(|(j, i)| *i == Some(j)), "{m:?}");
    }
}
