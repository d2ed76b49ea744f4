//! Importing a free-form CV — plain text, Markdown, or text pulled from a PDF — into
//! JSON Resume.
//!
//! The importer is deterministic (no network, no model) and works in stages that can be
//! tested alone:
//!
//! 1. **normalise** (`normalize.rs`, `sidebar.rs`): Markdown and HTML remnants, entities,
//!    bullets, letter-spaced words (`S o f t w a r e`), wide column gaps, a sidebar
//!    interleaved with the main column;
//! 2. **sections** (`sections.rs`): headings in every common style, named in English,
//!    German, Dutch, French, Spanish or Portuguese;
//! 3. **entries** (`entries.rs`): one job, degree or project each, anchored on dates;
//! 4. **fields** (`header.rs`, `fields.rs`, `lists.rs`): name, label, contact details
//!    and profiles; positions, organisations, places and dates; degrees; skills with
//!    categories; languages with fluency;
//! 5. **guard** (`guard.rs`): the assembled resume is checked against the official
//!    v1.3.1 schema, and any value it refuses moves to `meta.x-vitae.unmapped`.
//!
//! Nothing is lost: every line of the source is placed in a field, or kept in a named
//! place — a section's `summary` or `highlights`, `meta.x-vitae.labels` for headings and
//! field labels, `meta.x-vitae.unmapped` for the rest — and [`Import::lines`] says
//! where each line went. The result is always valid under the official schema, by
//! construction (the guard stage).
//!
//! ```
//! let cv = "Jane Doe\nBackend Engineer\njane@example.com\n\nExperience\n\
//!           Senior Engineer | ACME GmbH | 03/2019 - heute\n- Built the billing system\n";
//! let import = vitae::convert::text::import(cv);
//! assert_eq!(import.resume["basics"]["name"], "Jane Doe");
//! assert_eq!(import.resume["work"][0]["name"], "ACME GmbH");
//! assert_eq!(import.resume["work"][0]["startDate"], "2019-03");
//! assert!(import.resume["work"][0].get("endDate").is_none()); // still there
//! ```

pub mod accuracy;
mod columns;
mod dates;
mod entries;
mod fields;
mod guard;
mod header;
mod lists;
mod normalize;
mod output;
mod par;
mod pointers;
mod sections;
mod sidebar;
mod vocab;

use serde_json::Value;

use self::output::Out;
use self::vocab::SectionKind;

/// The result of importing a CV: the resume and where each source line went.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// The JSON Resume document, valid under the official v1.3.1 schema.
    pub resume: Value,
    /// One record per source line, in order.
    pub lines: Vec<LineReport>,
}

/// What became of one source line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineReport {
    /// 1-based line number.
    pub line: usize,
    /// The source line as written.
    pub text: String,
    /// What kind of line it is.
    pub kind: LineKind,
    /// JSON pointers of the values the line went into, e.g. `/work/0/position`, or
    /// `/meta/x-vitae/unmapped/3` for a line no field fits.
    pub targets: Vec<String>,
}

/// The kinds of source line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Empty or white space only.
    Blank,
    /// Markup only: a rule, an underline, a code fence, an HTML comment or tag.
    Markup,
    /// A line with words: it has at least one target.
    Content,
}

impl Import {
    /// Lines kept in `meta.x-vitae.unmapped`, as `(line number, text)`.
    #[must_use]
    pub fn unmapped(&self) -> Vec<(usize, &str)> {
        self.lines
            .iter()
            .filter(|l| {
                l.targets
                    .iter()
                    .any(|t| t.starts_with("/meta/x-vitae/unmapped"))
            })
            .map(|l| (l.line, l.text.as_str()))
            .collect()
    }

    /// The mapping as text, one line per source line with content:
    /// `  12  /work/0/{position,name}  | Data Engineer | October | …`. Pointers are
    /// shortened: runs of indices as ranges (`/skills/0/keywords/0-4`), siblings under
    /// one parent (`/work/0/{name,startDate}`), and past six items a count.
    #[must_use]
    pub fn report(&self) -> String {
        let mut out = String::new();
        for l in &self.lines {
            if l.kind != LineKind::Content {
                continue;
            }
            let mut text: String = l.text.trim().chars().take(60).collect();
            if l.text.trim().chars().count() > 60 {
                text.push('…');
            }
            out.push_str(&format!(
                "{:>5}  {:<40}  | {}\n",
                l.line,
                pointers::compress(&l.targets),
                text
            ));
        }
        out
    }
}

/// Imports a free-form CV. Never fails and never panics: text that fits no field is
/// kept in `meta.x-vitae.unmapped`.
///
/// A long input (thousands of lines) is read on all the cores the process may use, up
/// to eight, through scoped threads that end before this returns; the result is the
/// same as on one thread. A CV of a few pages is read on the calling thread.
#[must_use]
pub fn import(text: &str) -> Import {
    let lines = normalize::normalize(text);
    let sections = sections::split(&lines);
    let mut out = read(&lines, &sections, &[]);
    // No name at the top (a LinkedIn export puts it under the sidebar): take the first
    // `Name` / `Title` pair of lines as the header, and read again.
    if !out.basics.contains_key("name")
        && let Some(block) = name_block(&lines, &sections)
    {
        out = read(&lines, &sections, &block);
    }
    let (resume, placed) = out.finish();
    Import {
        resume,
        lines: report(text, &lines, placed),
    }
}

/// A person's name on its own line, with a job title (and maybe a place) under it.
fn name_block(lines: &[normalize::Line], sections: &[sections::Section]) -> Option<Vec<usize>> {
    // Marked once, not a scan of every section per line: a CV of 20,000 sections must
    // not take lines × sections steps.
    let mut in_list = vec![false; lines.len()];
    for s in sections.iter().filter(|s| {
        matches!(
            s.kind,
            SectionKind::Skills | SectionKind::Languages | SectionKind::Interests
        )
    }) {
        for i in s.body.clone().filter(|&i| i < lines.len()) {
            in_list[i] = true;
        }
    }
    let listy = |i: usize| in_list[i];
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].is_blank() && !lines[i].rule && !listy(i))
        .collect();
    content.windows(2).find_map(|w| {
        let (a, b) = (&lines[w[0]], &lines[w[1]]);
        let ok = !a.bullet
            && !b.bullet
            && b.no <= a.no + 1
            && header::person_name(&a.text).as_deref() == Some(a.text.trim())
            && a.text.split_whitespace().count() >= 2
            && vocab::section_kind(&a.text).is_none()
            && vocab::title_score(&b.text) > 0
            && b.text.split_whitespace().count() <= 10;
        ok.then(|| {
            let mut block = vec![w[0], w[1]];
            if let Some(&c) = content.iter().find(|&&c| c > w[1])
                && lines[c].no <= b.no + 1
                && vocab::looks_like_location(&lines[c].text)
            {
                block.push(c);
            }
            block
        })
    })
}

/// Below twice this many sections, their entries are worked out on one thread.
const SECTIONS_PER_THREAD: usize = 64;

/// Reads every section; `extra_header` lines are read as part of the header.
fn read(lines: &[normalize::Line], sections: &[sections::Section], extra_header: &[usize]) -> Out {
    let mut out = Out::default();
    // `Würzburg, 15. März 2024` at the very end: where and when the CV was signed.
    let signature = lines
        .iter()
        .rposition(|l| !l.is_blank() && !l.rule)
        .filter(|&i| is_signature(&lines[i].text));
    if let Some(i) = signature {
        out.unmapped(&lines[i].text, lines[i].no);
    }
    // `References available on request.`: a remark, not a reference.
    let on_request: Vec<usize> = (0..lines.len())
        .filter(|&i| on_request(&lines[i].text))
        .collect();
    for &i in &on_request {
        out.unmapped(&lines[i].text, lines[i].no);
    }
    for line in lines {
        for link in line.links.iter().filter(|l| l.badge && l.image) {
            out.badge(&link.url, line.no);
        }
        if line.table_head {
            out.label(&line.text, line.no);
        }
    }
    // The lines each section reads.
    let body_of = |section: &sections::Section| {
        let mut idx: Vec<usize> = section
            .body
            .clone()
            .filter(|i| {
                !extra_header.contains(i)
                    && !lines[*i].table_head
                    && Some(*i) != signature
                    && !on_request.contains(i)
            })
            .collect();
        if section.heading.is_none() {
            idx.extend_from_slice(extra_header);
        }
        idx
    };
    // The entries of the list sections are worked out before anything is written, on
    // several threads for a long CV; they are written in order below.
    let mut plans: Vec<Option<fields::Plan>> = par::map(sections, SECTIONS_PER_THREAD, |section| {
        fields::is_list(section.kind).then(|| fields::plan(section.kind, lines, body_of(section)))
    });
    for (n, section) in sections.iter().enumerate() {
        let heading_text = section
            .heading
            .map(|h| {
                let t = &lines[h].text;
                if section.inline {
                    t.split_once(':').map_or(t.clone(), |(k, _)| k.to_owned())
                } else {
                    t.clone()
                }
            })
            .unwrap_or_default();
        if let Some(h) = section.heading
            && section.inline
            && let Some((key, value)) = lines[h].text.split_once(':')
        {
            // `Skills: SQL, Python`: the heading and the first items.
            out.label(key, lines[h].no);
            lists::inline_list(section.kind, key, value, lines[h].no, &mut out);
        } else if let Some(h) = section.heading
            && section.kind != SectionKind::Other
        {
            out.label(&lines[h].text, lines[h].no);
        }
        if let Some(plan) = plans[n].take() {
            fields::read(plan, lines, &mut out);
            continue;
        }
        let idx = body_of(section);
        match section.kind {
            SectionKind::Contact => header::read(lines, &idx, &mut out),
            SectionKind::Summary => fields::summary(lines, &idx, &mut out),
            SectionKind::Skills | SectionKind::Languages | SectionKind::Interests => {
                lists::read(section.kind, &heading_text, lines, &idx, &mut out);
            }
            SectionKind::Other => fields::other(lines, section.heading, &idx, &mut out),
            // Planned above; here only should `fields::is_list` forget a kind.
            kind => fields::read(fields::plan(kind, lines, idx), lines, &mut out),
        }
    }
    out
}

/// `References available on request`, `Referenzen auf Anfrage`.
fn on_request(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 80 || !t.starts_with(['R', 'r']) {
        return false;
    }
    let f = crate::locale::fold(t);
    (f.starts_with("reference") || f.starts_with("referenz") || f.starts_with("referenc"))
        && ["request", "anfrage", "verzoek", "demande", "solicitud"]
            .iter()
            .any(|w| f.contains(w))
}

/// A place and a date, and nothing else: `Würzburg, 15. März 2024`, `Berlin, den
/// 01.02.2024`.
fn is_signature(text: &str) -> bool {
    let Some(span) = dates::find(text) else {
        return false;
    };
    if span.to.is_some() || span.from.day().is_none() {
        return false;
    }
    let place = text[..span.start]
        .trim()
        .trim_end_matches(',')
        .trim_end_matches(" den")
        .trim_end_matches(',')
        .trim();
    let words: Vec<&str> = place.split_whitespace().collect();
    text[span.end..].trim().trim_matches('.').is_empty()
        && (1..=3).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
}

fn report(source: &str, lines: &[normalize::Line], placed: Vec<output::Placed>) -> Vec<LineReport> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let count = source.split('\n').count();
    let mut by_line: Vec<Vec<String>> = vec![Vec::new(); count + 1];
    // The pointers move into their lines; duplicates go after.
    for p in placed {
        if let Some(v) = by_line.get_mut(p.line) {
            v.push(p.pointer);
        }
    }
    for targets in &mut by_line {
        dedup_keeping_order(targets);
    }
    let mut has_text = vec![false; by_line.len()];
    for l in lines {
        if !l.is_blank()
            && let Some(h) = has_text.get_mut(l.no)
        {
            *h = true;
        }
    }
    let mut reports = Vec::with_capacity(count);
    for (i, text) in source.split('\n').enumerate() {
        let no = i + 1;
        let text = text.strip_suffix('\r').unwrap_or(text);
        let targets = std::mem::take(&mut by_line[no]);
        let kind = if text.trim().is_empty() {
            LineKind::Blank
        } else if has_text[no] || !targets.is_empty() {
            LineKind::Content
        } else {
            LineKind::Markup
        };
        reports.push(LineReport {
            line: no,
            text: text.to_owned(),
            kind,
            targets,
        });
    }
    reports
}

/// Drops repeated pointers, keeping the first of each. Most lines have a handful,
/// compared pairwise; one long line can hold thousands, which go through a set.
fn dedup_keeping_order(targets: &mut Vec<String>) {
    if targets.len() <= 16 {
        let mut kept = 0;
        for i in 0..targets.len() {
            if !targets[..kept].contains(&targets[i]) {
                targets.swap(kept, i);
                kept += 1;
            }
        }
        targets.truncate(kept);
    } else {
        let mut seen = std::collections::HashSet::with_capacity(targets.len());
        let first: Vec<bool> = targets.iter().map(|t| seen.insert(t.as_str())).collect();
        let mut first = first.into_iter();
        targets.retain(|_| first.next().unwrap_or(false));
    }
}
