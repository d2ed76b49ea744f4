//! The resume being built, and the record of which source line went where.
//!
//! Every value is placed through [`Out`], which notes the JSON pointer it was written to
//! against the source line it came from, so the mapping report is exact by
//! construction.

use serde_json::{Map, Value};

/// Where a source line went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placed {
    pub line: usize,
    pub pointer: String,
}

/// Sections in the order of the standard.
pub(crate) const SECTION_ORDER: &[&str] = &[
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
];

/// The resume under construction.
#[derive(Debug, Default)]
pub(crate) struct Out {
    pub basics: Map<String, Value>,
    pub location: Map<String, Value>,
    pub profiles: Vec<Map<String, Value>>,
    pub sections: Vec<(&'static str, Vec<Entry>)>,
    pub unmapped: Vec<String>,
    pub labels: Vec<String>,
    /// Status badges' images (`img.shields.io/…`): decoration, kept apart.
    pub badges: Vec<String>,
    /// The person's place as written, when a country's name became a code.
    pub location_text: Option<String>,
    /// Where each line went, rendered as pointers by [`Out::finish`].
    placed: Vec<(usize, Spot)>,
}

/// One entry of a section, its fields in the order they were set. Entries have a
/// handful of fields: a short list is cheaper than a hashed map, and the map the
/// document needs is built once, already in order, by [`Out::finish`].
#[derive(Debug, Default)]
pub(crate) struct Entry {
    fields: Vec<(String, Value)>,
}

impl Entry {
    fn get(&self, key: &str) -> Option<&Value> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Where `key` is among the fields.
    fn position(&self, key: &str) -> Option<usize> {
        self.fields.iter().position(|(k, _)| k == key)
    }

    /// Whether `key` is set.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// Adds `key` (not set yet) and returns its position.
    fn add(&mut self, key: &str, value: Value) -> usize {
        self.fields.push((key.to_owned(), value));
        self.fields.len() - 1
    }

    /// The fields as a JSON object, `keys` first in that order, then the rest as
    /// they came.
    fn into_map(mut self, keys: &[&str]) -> Map<String, Value> {
        let rank = |k: &str| keys.iter().position(|x| *x == k).unwrap_or(keys.len());
        // Usually the fields were set in order already. Stable: the fields not in
        // `keys` keep the order they came in.
        if !self.fields.iter().map(|(k, _)| rank(k)).is_sorted() {
            self.fields.sort_by_key(|(k, _)| rank(k));
        }
        let mut map = Map::with_capacity(self.fields.len());
        map.extend(self.fields);
        map
    }
}

/// Where a value went, kept short until the document is finished: most are fields of
/// section entries, whose index changes when empty entries before them are dropped.
/// Positions, not names: noting one costs no text, and comparing two is cheap.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Spot {
    /// `/section/index/key` (`item`: `/section/index/key/item`), by the section's
    /// position in [`Out::sections`] and the key's among the entry's fields.
    Field {
        section: usize,
        index: usize,
        field: usize,
        item: Option<usize>,
    },
    /// Any other pointer, as written.
    Path(String),
}

impl Out {
    fn note(&mut self, line: usize, pointer: String) {
        self.note_spot(line, Spot::Path(pointer));
    }

    /// Notes field `field` of `sections[section][index]` (item `item` of it).
    fn note_field(
        &mut self,
        line: usize,
        section: usize,
        index: usize,
        field: usize,
        item: Option<usize>,
    ) {
        self.note_spot(
            line,
            Spot::Field {
                section,
                index,
                field,
                item,
            },
        );
    }

    fn note_spot(&mut self, line: usize, spot: Spot) {
        if !self
            .placed
            .iter()
            .rev()
            .take(8)
            .any(|(l, s)| *l == line && *s == spot)
        {
            self.placed.push((line, spot));
        }
    }

    /// Records that `line` went where the last value was placed too.
    pub fn also(&mut self, line: usize) {
        if let Some((_, last)) = self.placed.last().cloned() {
            self.note_spot(line, last);
        }
    }

    /// Sets `basics.<key>` unless it is set; appends to it for `summary`. Returns
    /// whether the value was used.
    pub fn basic(&mut self, key: &str, value: &str, line: usize) -> bool {
        let value = value.trim();
        if value.is_empty() {
            return false;
        }
        if key == "summary" {
            if let Some(Value::String(s)) = self.basics.get_mut("summary") {
                s.push_str("\n\n");
                s.push_str(value);
            } else {
                self.basics.insert(key.to_owned(), Value::from(value));
            }
        } else if let Some(existing) = self.basics.get(key) {
            // The same value again (a link and its text): the line still went there.
            if existing.as_str() != Some(value) {
                return false;
            }
        } else {
            self.basics.insert(key.to_owned(), Value::from(value));
        }
        self.note(line, pointer(&["basics", key], &[]));
        true
    }

    /// Appends to `basics.summary` without a paragraph break (the same paragraph).
    pub fn summary_continue(&mut self, value: &str, line: usize) {
        if let Some(Value::String(s)) = self.basics.get_mut("summary") {
            s.push(' ');
            s.push_str(value.trim());
            self.note(line, "/basics/summary".to_owned());
        } else {
            self.basic("summary", value, line);
        }
    }

    /// Sets `basics.location.<key>` unless set.
    pub fn location(&mut self, key: &str, value: &str, line: usize) -> bool {
        let value = value.trim();
        if value.is_empty() || self.location.contains_key(key) {
            return false;
        }
        self.location.insert(key.to_owned(), Value::from(value));
        self.note(line, pointer(&["basics", "location", key], &[]));
        true
    }

    /// Adds a profile, unless one with the same network and username exists.
    pub fn profile(&mut self, network: &str, username: &str, url: Option<&str>, line: usize) {
        let username = username.trim().trim_end_matches('/');
        let existing = self.profiles.iter().position(|p| {
            p.get("network").and_then(Value::as_str) == Some(network)
                && (p.get("username").and_then(Value::as_str) == Some(username)
                    || url.is_some() && p.get("url").and_then(Value::as_str) == url)
        });
        let i = match existing {
            Some(i) => i,
            None => {
                let mut p = Map::new();
                p.insert("network".to_owned(), Value::from(network));
                if !username.is_empty() {
                    p.insert("username".to_owned(), Value::from(username));
                }
                if let Some(u) = url {
                    p.insert("url".to_owned(), Value::from(u));
                }
                self.profiles.push(p);
                self.profiles.len() - 1
            }
        };
        self.note(line, pointer(&["basics", "profiles"], &[i]));
    }

    /// Starts a new entry in `section` and returns its index.
    pub fn entry(&mut self, section: &'static str) -> usize {
        let list = self.list(section);
        list.push(Entry::default());
        list.len() - 1
    }

    fn list(&mut self, section: &'static str) -> &mut Vec<Entry> {
        let pos = self.section_position(section);
        &mut self.sections[pos].1
    }

    /// Where `section` is in [`Out::sections`], added when it is not there yet.
    fn section_position(&mut self, section: &'static str) -> usize {
        match self.sections.iter().position(|(s, _)| *s == section) {
            Some(p) => p,
            None => {
                self.sections.push((section, Vec::new()));
                self.sections.len() - 1
            }
        }
    }

    /// The string `section[index].key`, if set.
    pub fn get(&mut self, section: &'static str, index: usize, key: &str) -> Option<String> {
        self.list(section)
            .get(index)
            .and_then(|e| e.get(key))
            .and_then(|v| v.as_str())
            .map(str::to_owned)
    }

    /// Whether `section[index].key` is set.
    pub fn has(&mut self, section: &'static str, index: usize, key: &str) -> bool {
        self.list(section)
            .get(index)
            .is_some_and(|e| e.contains_key(key))
    }

    /// Sets `section[index].key` (a string) unless it is set; returns whether it was used.
    pub fn set(
        &mut self,
        section: &'static str,
        index: usize,
        key: &str,
        value: &str,
        line: usize,
    ) -> bool {
        let value = value.trim();
        if value.is_empty() {
            return false;
        }
        let s = self.section_position(section);
        let Some(entry) = self.sections[s].1.get_mut(index) else {
            return false;
        };
        if entry.contains_key(key) {
            return false;
        }
        let field = entry.add(key, Value::from(value));
        self.note_field(line, s, index, field, None);
        true
    }

    /// Records that `line` went to `section[index].key` too (a value said twice).
    pub fn touch(&mut self, section: &'static str, index: usize, key: &str, line: usize) {
        let s = self.section_position(section);
        match self.sections[s].1.get(index).and_then(|e| e.position(key)) {
            Some(field) => self.note_field(line, s, index, field, None),
            None => self.note(line, entry_pointer(section, index, key)),
        }
    }

    /// Appends text to `section[index].key`, a string joined with `sep`.
    pub fn append(
        &mut self,
        section: &'static str,
        index: usize,
        key: &str,
        value: &str,
        sep: &str,
        line: usize,
    ) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let s = self.section_position(section);
        let Some(entry) = self.sections[s].1.get_mut(index) else {
            return;
        };
        let field = match entry.position(key) {
            Some(f) => {
                match &mut entry.fields[f].1 {
                    Value::String(text) => {
                        text.push_str(sep);
                        text.push_str(value);
                    }
                    other => *other = Value::from(value),
                }
                f
            }
            None => entry.add(key, Value::from(value)),
        };
        self.note_field(line, s, index, field, None);
    }

    /// Pushes onto the array `section[index].key`.
    pub fn push(
        &mut self,
        section: &'static str,
        index: usize,
        key: &str,
        value: &str,
        line: usize,
    ) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let s = self.section_position(section);
        let Some(entry) = self.sections[s].1.get_mut(index) else {
            return;
        };
        let (field, n) = match entry.position(key) {
            Some(f) => match &mut entry.fields[f].1 {
                Value::Array(a) => {
                    a.push(Value::from(value));
                    (f, a.len() - 1)
                }
                _ => return,
            },
            None => (entry.add(key, Value::Array(vec![Value::from(value)])), 0),
        };
        self.note_field(line, s, index, field, Some(n));
    }

    /// Appends to the last string of the array `section[index].key` (a continued line).
    pub fn push_continue(
        &mut self,
        section: &'static str,
        index: usize,
        key: &str,
        value: &str,
        line: usize,
    ) {
        let s = self.section_position(section);
        let Some(entry) = self.sections[s].1.get_mut(index) else {
            return;
        };
        if let Some(field) = entry.position(key)
            && let Value::Array(a) = &mut entry.fields[field].1
            && let Some(Value::String(last)) = a.last_mut()
        {
            last.push(' ');
            last.push_str(value.trim());
            let n = a.len() - 1;
            self.note_field(line, s, index, field, Some(n));
        } else {
            self.push(section, index, key, value, line);
        }
    }

    /// Keeps a line that fits nowhere in `meta.x-vitae.unmapped`.
    pub fn unmapped(&mut self, text: &str, line: usize) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        self.unmapped.push(text.to_owned());
        let n = self.unmapped.len() - 1;
        self.note(line, pointer(&["meta", "x-vitae", "unmapped"], &[n]));
    }

    /// Keeps the place as written (`Lisbon, Portugal`), in `meta.x-vitae.location`.
    pub fn location_text(&mut self, text: &str, line: usize) {
        if self.location_text.is_none() {
            self.location_text = Some(text.trim().to_owned());
            self.note(line, "/meta/x-vitae/location".to_owned());
        }
    }

    /// Keeps a badge's image URL in `meta.x-vitae.badges`.
    pub fn badge(&mut self, url: &str, line: usize) {
        self.badges.push(url.trim().to_owned());
        let n = self.badges.len() - 1;
        self.note(line, pointer(&["meta", "x-vitae", "badges"], &[n]));
    }

    /// Keeps a heading or field label as written, in `meta.x-vitae.labels`.
    pub fn label(&mut self, text: &str, line: usize) {
        let text = text.trim().trim_end_matches(':').trim();
        if text.is_empty() {
            return;
        }
        self.labels.push(text.to_owned());
        let n = self.labels.len() - 1;
        self.note(line, pointer(&["meta", "x-vitae", "labels"], &[n]));
    }

    /// The pointer of `spot`, the index of its entry as after the empty entries before
    /// it were dropped (`new_index`: per section, when they move).
    fn render(&self, spot: Spot, new_index: &[Option<Vec<usize>>]) -> String {
        let (section, index, field, item) = match spot {
            Spot::Field {
                section,
                index,
                field,
                item,
            } => (section, index, field, item),
            Spot::Path(p) => return renumbered_path(p, &self.sections, new_index),
        };
        let (name, list) = &self.sections[section];
        let key = list[index].fields[field].0.as_str();
        let index = new_index[section]
            .as_ref()
            .and_then(|map| map.get(index).copied())
            .unwrap_or(index);
        let mut out = entry_pointer(name, index, key);
        if let Some(n) = item {
            out.push('/');
            push_index(&mut out, n);
        }
        out
    }

    /// The finished document: basics, then sections in the standard's order, then meta.
    pub fn finish(mut self) -> (Value, Vec<Placed>) {
        let mut root = Map::new();
        let mut basics = std::mem::take(&mut self.basics);
        if !self.location.is_empty() {
            let loc = order(
                std::mem::take(&mut self.location),
                &["address", "postalCode", "city", "countryCode", "region"],
            );
            basics.insert("location".to_owned(), Value::Object(loc));
        }
        if !self.profiles.is_empty() {
            let profiles = std::mem::take(&mut self.profiles)
                .into_iter()
                .map(Value::Object)
                .collect();
            basics.insert("profiles".to_owned(), Value::Array(profiles));
        }
        if !basics.is_empty() {
            let basics = order(
                basics,
                &[
                    "name", "label", "image", "email", "phone", "url", "summary", "location",
                    "profiles",
                ],
            );
            root.insert("basics".to_owned(), Value::Object(basics));
        }
        // Entries left empty are dropped: the new index of each entry, per section, when
        // one moves.
        let new_index: Vec<Option<Vec<usize>>> = self
            .sections
            .iter()
            .map(|(name, list)| {
                if !SECTION_ORDER.contains(name) {
                    return None;
                }
                let mut map = Vec::with_capacity(list.len());
                let mut n = 0;
                for e in list {
                    map.push(n);
                    if !e.is_empty() {
                        n += 1;
                    }
                }
                (n != list.len()).then_some(map)
            })
            .collect();
        let mut placed: Vec<Placed> = Vec::with_capacity(self.placed.len());
        for (line, spot) in std::mem::take(&mut self.placed) {
            let pointer = self.render(spot, &new_index);
            placed.push(Placed { line, pointer });
        }
        for name in SECTION_ORDER {
            if let Some((_, list)) = self.sections.iter_mut().find(|(s, _)| s == name) {
                let keys = field_order(name);
                let entries = std::mem::take(list);
                let mut list: Vec<Value> = Vec::with_capacity(entries.len());
                list.extend(
                    entries
                        .into_iter()
                        .filter(|e| !e.is_empty())
                        .map(|e| Value::Object(e.into_map(keys))),
                );
                if !list.is_empty() {
                    root.insert((*name).to_owned(), Value::Array(list));
                }
            }
        }
        let mut root = Value::Object(root);
        super::guard::repair(&mut root, &mut self.unmapped, &mut placed);
        let Value::Object(mut root) = root else {
            // `repair` leaves an object; an empty resume would do if it did not.
            return (Value::Object(Map::new()), placed);
        };
        let mut x = Map::new();
        if !self.labels.is_empty() {
            x.insert(
                "labels".to_owned(),
                Value::from(std::mem::take(&mut self.labels)),
            );
        }
        if let Some(place) = self.location_text.take() {
            x.insert("location".to_owned(), Value::from(place));
        }
        if !self.badges.is_empty() {
            x.insert(
                "badges".to_owned(),
                Value::from(std::mem::take(&mut self.badges)),
            );
        }
        if !self.unmapped.is_empty() {
            x.insert(
                "unmapped".to_owned(),
                Value::from(std::mem::take(&mut self.unmapped)),
            );
        }
        if !x.is_empty() {
            let mut meta = Map::new();
            meta.insert("x-vitae".to_owned(), Value::Object(x));
            root.insert("meta".to_owned(), Value::Object(meta));
        }
        (Value::Object(root), placed)
    }
}

/// A pointer written out (`/section/index…`) with the index of its entry after the
/// empty ones were dropped.
fn renumbered_path(
    pointer: String,
    sections: &[(&'static str, Vec<Entry>)],
    new_index: &[Option<Vec<usize>>],
) -> String {
    let Some(rest) = pointer.strip_prefix('/') else {
        return pointer;
    };
    let Some((section, rest)) = rest.split_once('/') else {
        return pointer;
    };
    let Some(map) = sections
        .iter()
        .zip(new_index)
        .find(|((s, _), _)| *s == section)
        .and_then(|(_, map)| map.as_ref())
    else {
        return pointer;
    };
    let (i, tail) = rest.split_once('/').unwrap_or((rest, ""));
    if let Ok(i) = i.parse::<usize>()
        && let Some(&j) = map.get(i)
        && j != i
    {
        let mut out = String::with_capacity(pointer.len());
        out.push('/');
        out.push_str(section);
        out.push('/');
        push_index(&mut out, j);
        if !tail.is_empty() {
            out.push('/');
            out.push_str(tail);
        }
        return out;
    }
    pointer
}

/// The usual order of an entry's fields, per section.
fn field_order(section: &str) -> &'static [&'static str] {
    match section {
        "work" => &[
            "name",
            "position",
            "location",
            "url",
            "startDate",
            "endDate",
            "description",
            "summary",
            "highlights",
        ],
        "volunteer" => &[
            "organization",
            "position",
            "url",
            "startDate",
            "endDate",
            "summary",
            "highlights",
        ],
        "education" => &[
            "institution",
            "url",
            "area",
            "studyType",
            "startDate",
            "endDate",
            "score",
            "location",
            "summary",
            "courses",
        ],
        "awards" => &["title", "date", "awarder", "summary"],
        "certificates" => &["name", "date", "issuer", "url", "summary"],
        "publications" => &["name", "publisher", "releaseDate", "url", "summary"],
        "skills" => &["name", "level", "keywords"],
        "languages" => &["language", "fluency"],
        "interests" => &["name", "keywords", "summary"],
        "references" => &["name", "reference"],
        "projects" => &[
            "name",
            "description",
            "highlights",
            "keywords",
            "startDate",
            "endDate",
            "url",
            "roles",
            "entity",
            "type",
        ],
        _ => &[],
    }
}

/// The map with `keys` first, in that order, then the rest as they came.
fn order(map: Map<String, Value>, keys: &[&str]) -> Map<String, Value> {
    let rank = |k: &str| keys.iter().position(|x| *x == k).unwrap_or(keys.len());
    // Usually the fields were set in order already.
    if map.keys().map(|k| rank(k)).is_sorted() {
        return map;
    }
    let mut members: Vec<(String, Value)> = map.into_iter().collect();
    // Stable: the fields not in `keys` keep the order they came in.
    members.sort_by_key(|(k, _)| rank(k));
    members.into_iter().collect()
}

/// `/a/b/…/0/1`: a JSON pointer from names then indices, without `format!` (the
/// importer builds one per placed value: tens of thousands for a long CV).
fn pointer(names: &[&str], indices: &[usize]) -> String {
    let len: usize = names.iter().map(|n| n.len() + 1).sum::<usize>() + indices.len() * 4;
    let mut out = String::with_capacity(len);
    for name in names {
        out.push('/');
        out.push_str(name);
    }
    for &i in indices {
        out.push('/');
        push_index(&mut out, i);
    }
    out
}

/// `/section/index/key`.
fn entry_pointer(section: &str, index: usize, key: &str) -> String {
    // Room for the index and an item's index too.
    let mut out = String::with_capacity(section.len() + key.len() + 12);
    out.push('/');
    out.push_str(section);
    out.push('/');
    push_index(&mut out, index);
    out.push('/');
    out.push_str(key);
    out
}

/// Appends the decimal digits of `i`.
fn push_index(out: &mut String, i: usize) {
    let mut scale = 1;
    while i / scale >= 10 {
        scale *= 10;
    }
    while scale > 0 {
        out.push(char::from(b'0' + (i / scale % 10) as u8));
        scale /= 10;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_read_as_written() {
        for i in [0, 1, 9, 10, 11, 99, 100, 101, 1009, 65_536, usize::MAX] {
            let mut out = String::from("/x/");
            push_index(&mut out, i);
            assert_eq!(out, format!("/x/{i}"));
        }
    }

    fn pointers(placed: &[Placed]) -> Vec<(usize, &str)> {
        placed
            .iter()
            .map(|p| (p.line, p.pointer.as_str()))
            .collect()
    }

    #[test]
    fn pointers_follow_entries_when_empty_ones_drop() {
        let mut out = Out::default();
        let empty = out.entry("skills");
        let k = out.entry("skills");
        out.set("skills", k, "name", "Tools", 1);
        out.push("skills", k, "keywords", "Rust", 2);
        out.push("skills", k, "keywords", "Go", 2);
        out.touch("skills", empty, "name", 3);
        out.touch("skills", k, "level", 4);
        out.touch("skills", k, "name", 5);
        out.set("skills", k, "x-note", "ß", 6);
        out.push_continue("skills", k, "keywords", "lang", 7);
        out.append("skills", k, "name", "İ", " ", 8);
        out.label("Skills", 9);
        // Said twice on one line: noted once.
        out.set("work", 0, "name", "none", 10);
        let w = out.entry("work");
        out.set("work", w, "name", "A", 11);
        out.also(11);
        out.append("work", w, "summary", "x", " ", 12);
        out.append("work", w, "summary", "y", " ", 12);
        let (resume, placed) = out.finish();
        assert_eq!(
            resume["skills"],
            serde_json::json!([{"name": "Tools İ", "keywords": ["Rust", "Go lang"], "x-note": "ß"}])
        );
        assert_eq!(
            pointers(&placed),
            [
                (1, "/skills/0/name"),
                (2, "/skills/0/keywords/0"),
                (2, "/skills/0/keywords/1"),
                (3, "/skills/0/name"),
                (4, "/skills/0/level"),
                (5, "/skills/0/name"),
                (6, "/skills/0/x-note"),
                (7, "/skills/0/keywords/1"),
                (8, "/skills/0/name"),
                (9, "/meta/x-vitae/labels/0"),
                (11, "/work/0/name"),
                (12, "/work/0/summary"),
            ]
        );
    }
}
