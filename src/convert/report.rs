//! What a conversion or migration did: one [`Change`] per value renamed, moved to an
//! extension key, rewritten, removed, or left alone because it could not be fixed.

use std::fmt;

use serde_json::Value;

/// The kind of one change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// The same value under a new name or in a new place (`website` → `url`).
    Renamed,
    /// Kept under an extension key (`x-fresh-…`, `x-jsonresume-…`) because the target
    /// has no field for it.
    Extension,
    /// The value was rewritten (`2019-3` → `2019-03`).
    Converted,
    /// Removed because it carried nothing the target can hold (an empty URL, a
    /// `Present` end date, which the standard writes by leaving the end date out).
    Removed,
    /// Could not be represented or fixed; the document keeps it as it was.
    Unresolved,
}

impl ChangeKind {
    /// A short label: `renamed`, `extension`, `converted`, `removed`, `unresolved`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Renamed => "renamed",
            ChangeKind::Extension => "extension",
            ChangeKind::Converted => "converted",
            ChangeKind::Removed => "removed",
            ChangeKind::Unresolved => "unresolved",
        }
    }
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One change, located by JSON pointers in the input and the output.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Change {
    /// What happened.
    pub kind: ChangeKind,
    /// Where the value was in the input.
    pub from: String,
    /// Where it is in the output (`None` when it was removed or left alone).
    pub to: Option<String>,
    /// The value before, for rewritten and removed values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    /// The value after, for rewritten values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
    /// Why, in a few words ("FRESH has no field for this").
    pub note: String,
}

impl fmt::Display for Change {
    /// `renamed /basics/website → /basics/url (…)`, with old → new values for rewrites.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind, show_pointer(&self.from))?;
        if let Some(to) = &self.to
            && *to != self.from
        {
            write!(f, " → {}", show_pointer(to))?;
        }
        match (&self.old, &self.new) {
            (Some(old), Some(new)) => write!(f, ": {old} → {new}")?,
            (Some(old), None) => write!(f, ": {old}")?,
            _ => {}
        }
        if !self.note.is_empty() {
            write!(f, " ({})", self.note)?;
        }
        Ok(())
    }
}

fn show_pointer(pointer: &str) -> &str {
    if pointer.is_empty() { "/" } else { pointer }
}

/// Everything a conversion or migration did, in document order.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Report {
    /// One entry per change.
    pub changes: Vec<Change>,
}

/// Changes of one kind between the same places of list entries, counted: the unit of
/// the `--report` summary (`renamed /work/*/name → /employment/history/*/employer ×5`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Group {
    /// What happened.
    pub kind: ChangeKind,
    /// The input pointer with list indices replaced by `*`.
    pub from: String,
    /// The output pointer likewise, if any.
    pub to: Option<String>,
    /// Why.
    pub note: String,
    /// How many changes.
    pub count: usize,
}

impl Report {
    /// Adds a change.
    pub fn push(&mut self, kind: ChangeKind, from: &str, to: Option<&str>, note: &str) {
        self.changes.push(Change {
            kind,
            from: from.to_owned(),
            to: to.map(str::to_owned),
            old: None,
            new: None,
            note: note.to_owned(),
        });
    }

    /// How many changes are of `kind`.
    #[must_use]
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.changes.iter().filter(|c| c.kind == kind).count()
    }

    /// Whether nothing changed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The changes grouped by kind, places (indices as `*`) and note, in order of first
    /// appearance.
    #[must_use]
    pub fn grouped(&self) -> Vec<Group> {
        let mut groups: Vec<Group> = Vec::new();
        for change in &self.changes {
            let from = wildcard(&change.from);
            let to = change.to.as_deref().map(wildcard);
            match groups.iter_mut().find(|g| {
                g.kind == change.kind && g.from == from && g.to == to && g.note == change.note
            }) {
                Some(g) => g.count += 1,
                None => groups.push(Group {
                    kind: change.kind,
                    from,
                    to,
                    note: change.note.clone(),
                    count: 1,
                }),
            }
        }
        groups
    }
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind, show_pointer(&self.from))?;
        if let Some(to) = &self.to
            && *to != self.from
        {
            write!(f, " → {}", show_pointer(to))?;
        }
        if self.count > 1 {
            write!(f, " ×{}", self.count)?;
        }
        if !self.note.is_empty() {
            write!(f, " ({})", self.note)?;
        }
        Ok(())
    }
}

/// `/work/3/name` → `/work/*/name`.
fn wildcard(pointer: &str) -> String {
    pointer
        .split('/')
        .map(|t| {
            if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
                "*"
            } else {
                t
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_count_list_entries_together() {
        let mut report = Report::default();
        report.push(
            ChangeKind::Renamed,
            "/work/0/name",
            Some("/employment/history/0/employer"),
            "",
        );
        report.push(
            ChangeKind::Renamed,
            "/work/1/name",
            Some("/employment/history/1/employer"),
            "",
        );
        report.push(
            ChangeKind::Extension,
            "/work/1/description",
            Some("/employment/history/1/x-jsonresume-description"),
            "FRESH has no field for this",
        );
        let groups = report.grouped();
        assert_eq!(groups.len(), 2);
        assert_eq!(
            groups[0].to_string(),
            "renamed /work/*/name → /employment/history/*/employer ×2"
        );
        assert_eq!(
            groups[1].to_string(),
            "extension /work/*/description → /employment/history/*/x-jsonresume-description (FRESH has no field for this)"
        );
        assert_eq!(report.count(ChangeKind::Renamed), 2);
    }
}
