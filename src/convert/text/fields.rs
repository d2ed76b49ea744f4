//! Stage 4c: the fields of entries — work, volunteer, education, projects, awards,
//! certificates, publications, references — and of the summary and unknown sections.
//!
//! An entry's header is cut into parts at its strongest separator (`|`, then spaced
//! dashes, then ` at ` / `@`, then commas outside brackets); parts are told apart by
//! what they look like (a place, a URL, a degree, a school) and by word lists (job
//! titles, kinds of organisation). When the words do not decide which of two parts is
//! the title, the order the other entries of the section use decides. Paragraphs of
//! the body go to the summary, bullets and sub-headed paragraphs to the highlights.

use super::entries::{self, Entry};
use super::header;
use super::lists;
use super::normalize::Line;
use super::output::Out;
use super::sections::heading_style;
use super::vocab::{self, SectionKind};
use crate::locale::fold;
use crate::model::{LooseDate, PartialDate};

/// The JSON name of a list section.
pub(crate) fn section_name(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Work => "work",
        SectionKind::Volunteer => "volunteer",
        SectionKind::Education => "education",
        SectionKind::Projects => "projects",
        SectionKind::Awards => "awards",
        SectionKind::Certificates => "certificates",
        SectionKind::Publications => "publications",
        SectionKind::References => "references",
        SectionKind::Skills => "skills",
        SectionKind::Languages => "languages",
        SectionKind::Interests => "interests",
        SectionKind::Contact | SectionKind::Summary | SectionKind::Other => "basics",
    }
}

/// Paragraphs of a summary section go to `basics.summary`; `Category: a, b, c` lines
/// (a sidebar of skills that landed here) go to the skills.
pub(crate) fn summary(lines: &[Line], idx: &[usize], out: &mut Out) {
    let mut prev: Option<usize> = None;
    for &i in idx {
        let line = &lines[i];
        if line.is_blank() || line.rule {
            prev = None;
            continue;
        }
        let items = line
            .text
            .split_once(':')
            .map(|(_, rest)| lists::split_items(rest))
            .unwrap_or_default();
        let label_len = line.text.find(':').unwrap_or(usize::MAX);
        if items.len() >= 3
            && label_len <= 40
            && items
                .iter()
                .filter(|s| s.split_whitespace().count() <= 5)
                .count()
                * 4
                >= items.len() * 3
        {
            let key = &line.text[..label_len];
            lists::inline_list(
                if vocab::section_kind(key) == Some(SectionKind::Languages) {
                    SectionKind::Languages
                } else {
                    SectionKind::Skills
                },
                key,
                &line.text[label_len + 1..],
                line.no,
                out,
            );
            prev = None;
            continue;
        }
        if prev.is_some_and(|p| p + 1 == i) && !line.bullet {
            out.summary_continue(&line.text, line.no);
        } else {
            out.basic("summary", &line.text, line.no);
        }
        prev = Some(i);
    }
}

/// A section the importer does not know: a list of short items without dates
/// (`WEB WORLD` / `* Html, CSS` / `* Scripts: PHP, Ruby`) is a group of skills; any
/// other is kept line by line in `meta.x-vitae.unmapped`.
pub(crate) fn other(lines: &[Line], heading: Option<usize>, idx: &[usize], out: &mut Out) {
    if let Some(h) = heading
        && skill_like(lines, idx)
    {
        out.label(&lines[h].text, lines[h].no);
        lists::read(SectionKind::Skills, &lines[h].text, lines, idx, out);
        return;
    }
    if let Some(h) = heading {
        out.unmapped(&lines[h].text, lines[h].no);
    }
    for &i in idx {
        if !lines[i].is_blank() && !lines[i].rule {
            out.unmapped(&lines[i].text, lines[i].no);
        }
    }
}

/// Whether the lines are a list of short items and nothing else: at least two (or one
/// bullet listing three), mostly bullets, none longer than eight words, no sentences, no dates.
fn skill_like(lines: &[Line], idx: &[usize]) -> bool {
    let content: Vec<&Line> = idx
        .iter()
        .map(|&i| &lines[i])
        .filter(|l| !l.is_blank() && !l.rule)
        .collect();
    let bullets = content.iter().filter(|l| l.bullet).count();
    // One bullet is a list when it holds three items or more: `* MySQL, Redis, Mongo`.
    let one_list =
        matches!(content.as_slice(), [l] if l.bullet && l.text.matches(',').count() >= 2);
    (content.len() >= 2 || one_list)
        && bullets * 10 >= content.len() * 7
        && content.iter().all(|l| {
            let t = l.text.trim();
            let list = t.contains(',') || t.contains(':');
            let sentence = t.ends_with('.') && !t.ends_with("...");
            (t.split_whitespace().count() <= 8 || list)
                && !sentence
                && super::dates::find(t).is_none()
        })
}

/// Which of two parts comes first in a header: the title or the organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    TitleFirst,
    OrgFirst,
}

/// A header cut into parts.
#[derive(Debug, Default)]
struct Header {
    /// Parts that name something (title, organisation, degree, school), with their line.
    parts: Vec<(String, usize)>,
    /// Whether the parts were cut at ` at ` / `@` (then the title comes first).
    at: bool,
    locations: Vec<(String, usize)>,
    urls: Vec<(String, usize)>,
    /// Bracketed remarks and other text: descriptions.
    notes: Vec<(String, usize)>,
    /// Durations (`3 years 2 months`), kept as labels.
    durations: Vec<(String, usize)>,
}

/// Whether a text is a duration: `3 years 2 months`, `1 Jahr`, `6 mois`.
fn is_duration(text: &str) -> bool {
    let words: Vec<String> = text.split_whitespace().map(fold).collect();
    !words.is_empty()
        && words.len() <= 6
        && words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()))
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    w.trim_end_matches([',', '.']),
                    "year"
                        | "years"
                        | "yr"
                        | "yrs"
                        | "month"
                        | "months"
                        | "mo"
                        | "mos"
                        | "jahr"
                        | "jahre"
                        | "monat"
                        | "monate"
                        | "jaar"
                        | "maand"
                        | "maanden"
                        | "an"
                        | "ans"
                        | "mois"
                        | "ano"
                        | "anos"
                        | "mes"
                        | "meses"
                        | "and"
                        | "und"
                        | "en"
                        | "et"
                        | "y"
                        | "e"
                )
        })
}

/// Reads the entries of a list section.
pub(crate) fn read(kind: SectionKind, lines: &[Line], idx: Vec<usize>, out: &mut Out) {
    let name = section_name(kind);
    let (intro, list) = entries::split(lines, idx);
    for &i in &intro {
        if lines[i].is_blank() || lines[i].rule {
            continue;
        }
        // `### Journal Articles` above the first article: a sub-heading.
        if heading_style(&lines[i]).is_some() && vocab::section_kind(&lines[i].text) == Some(kind) {
            out.label(&lines[i].text, lines[i].no);
        } else {
            out.unmapped(&lines[i].text, lines[i].no);
        }
    }
    let headers: Vec<Header> = list.iter().map(|e| header_of(kind, lines, e)).collect();
    // The order most decided entries use.
    let (mut title_first, mut org_first) = (0, 0);
    for h in &headers {
        match decide(h, true) {
            Some(Order::TitleFirst) => title_first += 1,
            Some(Order::OrgFirst) => org_first += 1,
            None => {}
        }
    }
    let majority = match title_first.cmp(&org_first) {
        std::cmp::Ordering::Greater => Some(Order::TitleFirst),
        std::cmp::Ordering::Less => Some(Order::OrgFirst),
        std::cmp::Ordering::Equal => None,
    };
    let mut prev_org: Option<(String, usize)> = None;
    for (entry, h) in list.iter().zip(headers) {
        // A certificate listed with the degrees goes with the certificates.
        let (kind, name, h) = if kind == SectionKind::Education && is_certificate(&h) {
            let h = header_of(SectionKind::Certificates, lines, entry);
            (SectionKind::Certificates, "certificates", h)
        } else {
            (kind, name, h)
        };
        let k = out.entry(name);
        let single = h.parts.len() == 1;
        let cited = kind == SectionKind::Publications
            && entry.header.len() == 1
            && cite(k, &lines[entry.header[0]], out);
        match kind {
            _ if cited => {
                for (url, no) in &h.urls {
                    if let Some(u) = header::clean_url(url) {
                        out.set(name, k, "url", &u, *no);
                    }
                }
            }
            SectionKind::Work | SectionKind::Volunteer => job(name, k, &h, majority, out),
            SectionKind::Education => school(k, &h, out),
            _ => other_entry(kind, name, k, &h, out),
        }
        if let Some((line, span)) = entry.date {
            if span.end_only
                && span.to.is_none()
                && !matches!(
                    kind,
                    SectionKind::Awards
                        | SectionKind::Certificates
                        | SectionKind::Publications
                        | SectionKind::References
                )
            {
                out.set(name, k, "endDate", &span.from.to_string(), lines[line].no);
            } else {
                dates(kind, name, k, span.from, span.to, lines[line].no, out);
            }
        }
        // Roles listed under one employer: the entry without one takes the one above.
        if kind == SectionKind::Work {
            if let Some(org) = out.get(name, k, "name") {
                prev_org = Some((org, entry.header.first().map_or(0, |&i| lines[i].no)));
            } else if single
                && out.has(name, k, "position")
                && let Some((org, no)) = &prev_org
            {
                out.set(name, k, "name", org, *no);
            }
        }
        body(kind, name, k, lines, entry, out);
    }
}

/// Whether an entry of the education names a certificate, not a degree:
/// `ISTQB Certified Tester`, `Zertifikat Projektmanagement (IHK)`.
fn is_certificate(h: &Header) -> bool {
    let Some((first, _)) = h.parts.first() else {
        return false;
    };
    let f = fold(first);
    (f.contains("certifi") || f.contains("zertifi") || f.contains("certificat"))
        && !h.parts.iter().any(|(p, _)| {
            vocab::institution_score(p) > 0
                || vocab::degree_prefix(p).is_some()
                || ["bachelor", "master", "diplom", "phd", "doctor"]
                    .iter()
                    .any(|d| fold(p).contains(d))
        })
}

/// A publication written as a reference: `Doe, J. (2022). Title. Venue, 10, 1–9.` or
/// `J. Doe, "Title," in Proc. Venue, 2020.` or `"Title", Venue, Place, 2023`. The
/// title, the venue (the publisher), and the reference as written in the summary.
/// `false` when the line is no reference.
fn cite(k: usize, line: &Line, out: &mut Out) -> bool {
    let text = line.text.trim();
    let Some((title, venue)) = apa(text).or_else(|| quoted(text)) else {
        return false;
    };
    let no = line.no;
    out.set("publications", k, "name", title, no);
    if let Some(v) = venue {
        out.set("publications", k, "publisher", v, no);
    }
    out.set("publications", k, "summary", text, no);
    true
}

/// `Authors (2022). Title. Venue, 10(3), 455–470.`: the title and the venue.
fn apa(text: &str) -> Option<(&str, Option<&str>)> {
    // `(2022).`, `(2022, March).`
    let open = text.find(" (")? + 1;
    let close = text[open..].find(')')? + open;
    let inside = &text[open + 1..close];
    if inside.len() > 20 || !inside.chars().take(4).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let after = text[close + 1..].strip_prefix('.')?.trim_start();
    let end = sentence_end(after)?;
    let title = after[..end].trim();
    let rest = after[end + 1..].trim_start();
    let rest = rest.strip_prefix("In ").unwrap_or(rest).trim();
    Some((title, venue_of(rest)))
}

/// `"Title", Venue, Place, 2023` and `A. Doe, "Title," in Proc. X, 2020`.
fn quoted(text: &str) -> Option<(&str, Option<&str>)> {
    let (open_q, close_q) = if text.contains('“') {
        ('“', '”')
    } else {
        ('"', '"')
    };
    let open = text.find(open_q)?;
    let close = text[open + open_q.len_utf8()..].find(close_q)? + open + open_q.len_utf8();
    let title = text[open + open_q.len_utf8()..close]
        .trim()
        .trim_end_matches([',', '.']);
    if title.split_whitespace().count() < 2 {
        return None;
    }
    let rest = text[close + close_q.len_utf8()..]
        .trim_start_matches([',', '.', ' '])
        .trim();
    let rest = rest
        .strip_prefix("in ")
        .or_else(|| rest.strip_prefix("In "))
        .unwrap_or(rest);
    Some((title, venue_of(rest)))
}

/// The venue at the start of what follows a title: up to the first comma (before the
/// volume, the pages, a place or a year) or the end.
fn venue_of(rest: &str) -> Option<&str> {
    let end = rest.find(", ").unwrap_or(rest.len());
    let v = rest[..end].trim().trim_end_matches('.').trim();
    (!v.is_empty() && v.chars().any(char::is_alphabetic)).then_some(v)
}

/// The byte offset of the full stop (or `?`, `!`) that ends the first sentence.
fn sentence_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    (0..bytes.len()).find(|&i| {
        matches!(bytes[i], b'.' | b'?' | b'!')
            && (i + 1 == bytes.len() || bytes[i + 1] == b' ')
            // not an initial or an abbreviation: `J.`, `e.g.`, `Vol.`
            && i >= 3
            && bytes[i - 1].is_ascii_alphanumeric()
            && bytes[i - 2].is_ascii_alphanumeric()
    })
}

/// Cuts the header lines of an entry into parts.
fn header_of(kind: SectionKind, lines: &[Line], entry: &Entry) -> Header {
    let mut h = Header::default();
    let allow_comma_kind = !matches!(kind, SectionKind::Certificates | SectionKind::Publications);
    for &i in &entry.header {
        let line = &lines[i];
        let no = line.no;
        let mut text = match entry.date {
            Some((d, span)) if d == i => entries::residue(&line.text, &span),
            _ => line.text.clone(),
        };
        text = strip_connectors(&text);
        // `(3 years 2 months)`: a duration the dates already say.
        if let Some(open) = text.rfind('(')
            && text.ends_with(')')
            && is_duration(&text[open + 1..text.len() - 1])
        {
            h.durations
                .push((text[open + 1..text.len() - 1].to_owned(), no));
            text = text[..open].trim().to_owned();
        }
        for link in &line.links {
            if !link.url.is_empty() && !link.url.starts_with('#') {
                h.urls.push((link.url.clone(), no));
            }
        }
        if text.is_empty() {
            continue;
        }
        // `Indeed, Austin, TX` under a title: the organisation, then its place.
        if kind != SectionKind::Education
            && let Some((org, place)) = org_and_place(&text)
        {
            h.parts.push((org.to_owned(), no));
            h.locations.push((place.to_owned(), no));
            continue;
        }
        if vocab::looks_like_location(&text) && kind != SectionKind::Education
            || is_pure_location(&text)
        {
            h.locations.push((text, no));
            continue;
        }
        // `**Bold** plain`: the bold part is a part of its own.
        let mut pieces = Vec::new();
        // `Indian Institute of Technology, Madras`: a school's name keeps its commas.
        let first_piece = text.split(", ").next().unwrap_or("");
        let allow_comma = allow_comma_kind
            && !(kind == SectionKind::Education
                && vocab::institution_score(first_piece) > 0
                && !vocab::mentions_degree(&text)
                && vocab::degree_prefix(&text).is_none());
        let strongest = strongest_separator(&text, allow_comma);
        // (A mark covers whole words: `**Grant**,` is marked up to its comma.)
        let bold_text = line
            .marks
            .first()
            .filter(|&&(s, e)| s == 0 && e < line.text.len())
            .map(|&(s, e)| line.text[s..e].trim().trim_end_matches([',', ';']))
            .filter(|b| !b.is_empty() && text.starts_with(b));
        if let Some(bold) = bold_text
            && (strongest.is_none_or(|g| g == 3)
                || text[bold.len()..].trim_start().starts_with(','))
        {
            let bold = bold.to_owned();
            let rest = text[bold.len()..]
                .trim()
                .trim_start_matches(['-', '–', '—', ',', '|', ':'])
                .trim()
                .to_owned();
            pieces.push(bold);
            if !rest.is_empty() {
                pieces.extend(split_parts(&rest, allow_comma).0);
            }
        } else if kind == SectionKind::Education
            && vocab::degree_prefix(&text).is_some()
            && text.contains(", ")
        {
            // `Master of Technology - MTech, Computer Science`: a degree first, then
            // parts after commas.
            pieces = split_parts(&text.replace(" - ", " \u{2011} "), true)
                .0
                .into_iter()
                .map(|p| p.replace(" \u{2011} ", " - "))
                .collect();
        } else {
            let (mut parts, at) = split_parts(&text, allow_comma);
            h.at |= at;
            // `Title chez Org — Paris`: the first of the dash-cut parts may hold ` at `.
            if strongest == Some(1)
                && let Some(first) = parts.first()
                && strongest_separator(first, false) == Some(2)
            {
                let (inner, _) = split_parts(&first.clone(), false);
                parts.splice(0..1, inner);
                h.at = true;
            }
            // Certificates and talks: a second part only when it names an issuer.
            if matches!(kind, SectionKind::Certificates | SectionKind::Publications) {
                if parts.len() == 2 && !names_issuer(&parts[1], strongest == Some(3)) {
                    parts = vec![text.clone()];
                } else if parts.len() == 1
                    && let Some((name, issuer)) = parts[0].rsplit_once(", ")
                    && names_issuer(issuer, true)
                {
                    parts = vec![name.to_owned(), issuer.to_owned()];
                }
            }
            pieces = parts;
        }
        for piece in pieces {
            // `London (hybrid)`: a place with a remark stays whole.
            if kind != SectionKind::Education
                && !h.parts.is_empty()
                && piece.ends_with(')')
                && vocab::looks_like_location(&piece)
            {
                h.locations.push((piece, no));
                continue;
            }
            let (core, remarks) = brackets(&piece);
            for r in remarks {
                for item in lists::split_items(&r) {
                    if header::looks_like_url(&item) {
                        h.urls.push((item, no));
                    } else if kind == SectionKind::Education && is_score(&item) {
                        h.parts.push((item, no));
                    } else if vocab::looks_like_location(&item) || place_name(&item) {
                        h.locations.push((item, no));
                    } else {
                        h.notes.push((item, no));
                    }
                }
            }
            let core = core
                .trim()
                .trim_matches(|c: char| matches!(c, ',' | '|' | '-' | '–' | '—' | ':'))
                .trim()
                .to_owned();
            if core.is_empty() {
                continue;
            }
            if header::looks_like_url(&core)
                && !(kind == SectionKind::Education && h.parts.is_empty() && !core.contains('/'))
            {
                h.urls.push((core, no));
            } else if kind != SectionKind::Education
                && (!h.parts.is_empty() || !h.locations.is_empty() || entry.header.len() > 1)
                && vocab::looks_like_location(&core)
            {
                h.locations.push((core, no));
            } else {
                h.parts.push((core, no));
            }
        }
    }
    h
}

/// `Indeed, Austin, TX`, `SAP SE, Walldorf (Germany)`: an organisation before a place
/// that the words say is one. `None` when the first part is a place too.
fn org_and_place(text: &str) -> Option<(&str, &str)> {
    let (org, place) = text.split_once(", ")?;
    let place = place.trim();
    let org = org.trim();
    let known_place = vocab::looks_like_location(place)
        || place.split_once(" (").is_some_and(|(p, rest)| {
            vocab::looks_like_location(&format!("{p}, {}", rest.trim_end_matches(')')))
        });
    (known_place
        && !vocab::looks_like_location(org)
        && !org.is_empty()
        && vocab::title_score(org) == 0
        && strongest_separator(org, false).is_none()
        && org.split_whitespace().count() <= 6)
        .then_some((org, place))
}

/// Whether the part after a certificate's name names who issued it: an organisation
/// (`Human Factors International`, `AXELOS`, `Scrum.org`), not more of the name
/// (`Associate`, `Advanced Level Test Manager`, `SAP S/4HANA for Financial Accounting`).
/// After a comma a single brand (`Microsoft`) is an issuer too.
fn names_issuer(text: &str, after_comma: bool) -> bool {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    let acronym = words.len() == 1
        && t.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && t.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-');
    let name_like = !words.is_empty()
        && words.len() <= if after_comma { 4 } else { 3 }
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "of" | "the" | "and" | "&"))
        && !t
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '/' | '+' | '#'))
        && (after_comma || words.len() >= 2);
    vocab::org_score(t) > 0 || vocab::institution_score(t) > 0 || acronym || name_like
}

/// A place and nothing else: `Helsinki, Finland`, `Remote`.
fn is_pure_location(text: &str) -> bool {
    let t = text.trim();
    t.split(',').all(|p| {
        let p = p.trim();
        vocab::country_code(p).is_some() || vocab::is_region_code(p)
    }) && !t.is_empty()
}

/// Words that are left dangling when a date is cut out: `from`, `since`, `seit`, `von`.
fn strip_connectors(text: &str) -> String {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    let dangling = |w: &str| {
        // `IN` is India, not a dangling `in`.
        !w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            && matches!(
                fold(w.trim_matches(|c: char| !c.is_alphanumeric())).as_str(),
                "from"
                    | "since"
                    | "seit"
                    | "von"
                    | "vanaf"
                    | "sinds"
                    | "depuis"
                    | "desde"
                    | "de"
                    | "ab"
                    | "du"
                    | "in"
                    | "am"
            )
            || w.chars().all(|c| !c.is_alphanumeric())
    };
    while words.last().is_some_and(|w| dangling(w)) {
        words.pop();
    }
    while words
        .first()
        .is_some_and(|w| w.chars().all(|c| !c.is_alphanumeric()))
    {
        words.remove(0);
    }
    words.join(" ")
}

/// Separators by strength. Group 3 is the comma.
const SEPARATORS: &[&[&str]] = &[
    &["|", " · ", " • "],
    &[" — ", " – ", " -- ", " - ", " —", "— ", " –", "– "],
    &[" at ", " @ ", " bei ", " chez ", " bij ", " en la ", " na "],
    &[", "],
];

/// The strongest separator group present outside brackets.
fn strongest_separator(text: &str, allow_comma: bool) -> Option<usize> {
    // Cheap tests first: most parts have no separator at all.
    if !text.contains(['|', '—', '–', '-', ',', '@', ' ']) {
        return None;
    }
    let outside = outside_brackets(text);
    let may_have = |g: usize| match g {
        0 => outside.contains(['|', '·', '•']),
        1 => outside.contains(['—', '–', '-']),
        3 => allow_comma && outside.contains(','),
        _ => true,
    };
    SEPARATORS
        .iter()
        .enumerate()
        .find(|(g, seps)| may_have(*g) && seps.iter().any(|s| outside.contains(s)))
        .map(|(g, _)| g)
}

/// The text with bracketed parts blanked out (same byte length).
fn outside_brackets(text: &str) -> String {
    if !text.contains(['(', '[', ')', ']']) {
        return text.to_owned();
    }
    let mut depth = 0i32;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        if depth > 0 || c == ')' || c == ']' {
            for _ in 0..c.len_utf8() {
                out.push('\u{0}');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Splits at the strongest separator; `true` when that was ` at ` / `@`.
fn split_parts(text: &str, allow_comma: bool) -> (Vec<String>, bool) {
    let Some(g) = strongest_separator(text, allow_comma) else {
        return (vec![text.trim().to_owned()], false);
    };
    let outside = outside_brackets(text);
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for sep in SEPARATORS[g] {
        let mut from = 0;
        while let Some(p) = outside[from..].find(sep).map(|p| p + from) {
            cuts.push((p, p + sep.len()));
            from = p + sep.len();
        }
    }
    cuts.sort_unstable();
    let mut parts = Vec::new();
    let mut pos = 0;
    for (s, e) in cuts {
        if s < pos {
            continue;
        }
        parts.push(text[pos..s].trim().to_owned());
        pos = e;
    }
    parts.push(text[pos..].trim().to_owned());
    // `Roundhuit Co., Ltd`: a company suffix belongs to the part before.
    let mut merged: Vec<String> = Vec::new();
    for p in parts {
        let suffix = matches!(
            fold(p.trim_end_matches('.')).as_str(),
            "ltd"
                | "inc"
                | "llc"
                | "gmbh"
                | "ag"
                | "bv"
                | "b.v"
                | "sa"
                | "sarl"
                | "sas"
                | "plc"
                | "llp"
                | "co"
                | "corp"
                | "nv"
        );
        match merged.last_mut() {
            Some(last) if suffix && g == 3 => {
                last.push_str(", ");
                last.push_str(&p);
            }
            _ if p.is_empty() => {}
            _ => merged.push(p),
        }
    }
    (merged, g == 2)
}

/// The text without its bracketed remarks, and the remarks.
fn brackets(text: &str) -> (String, Vec<String>) {
    let mut core = String::new();
    let mut remarks = Vec::new();
    let mut depth = 0;
    let mut cur = String::new();
    for c in text.chars() {
        match c {
            '(' => {
                if depth > 0 {
                    cur.push(c);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    remarks.push(std::mem::take(&mut cur));
                } else {
                    cur.push(c);
                }
            }
            _ if depth > 0 => cur.push(c),
            _ => core.push(c),
        }
    }
    if depth > 0 {
        core.push('(');
        core.push_str(&cur);
    }
    // Keep remarks that are part of a name: `Kinesis(Kafka)`, `(Nvidia-) Docker`.
    let glued = text.contains("(") && !text.contains(" (") && !text.starts_with('(');
    if glued {
        return (text.to_owned(), Vec::new());
    }
    // Remarks that hold a link or a place leave the text; others are part of it:
    // `Professor (adjunct professor)`, `WITTDTJR (What It Takes To Do The Job Right)`.
    // `OutSystems (Linda-a-Velha)`: a name in brackets after an organisation is its place.
    let ends_with_remark = text.trim_end().ends_with(')');
    let core_is_title = vocab::title_score(&core) > 0;
    let (out, keep): (Vec<String>, Vec<String>) = remarks.into_iter().partition(|r| {
        lists::split_items(r)
            .iter()
            .any(|i| header::looks_like_url(i) || vocab::looks_like_location(i))
            || ends_with_remark && !core_is_title && place_name(r)
    });
    if !keep.is_empty() {
        return (strip_remarks(text, &out), out);
    }
    (core.split_whitespace().collect::<Vec<_>>().join(" "), out)
}

/// Whether a bracketed remark reads like the name of a place: one to three capitalised
/// words (`Lisbon`, `Linda-a-Velha`, `Frankfurt am Main`), not an organisation, a title,
/// an acronym or a kind of contract.
fn place_name(text: &str) -> bool {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && t.starts_with(char::is_uppercase)
        && !t
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '&' | '/' | ':' | '.'))
        && !(t
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase))
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(
                    *w,
                    "am" | "an" | "der" | "de" | "la" | "le" | "upon" | "on" | "sur"
                )
        })
        && vocab::org_score(t) == 0
        && vocab::institution_score(t) == 0
        && vocab::title_score(t) == 0
        && !matches!(
            fold(t).as_str(),
            "part-time"
                | "full-time"
                | "contract"
                | "freelance"
                | "temporary"
                | "teilzeit"
                | "vollzeit"
                | "minijob"
                | "internship"
                | "praktikum"
                | "hybrid"
                | "remote"
        )
}

/// The text with the given bracketed remarks removed.
fn strip_remarks(text: &str, remarks: &[String]) -> String {
    let mut t = text.to_owned();
    for r in remarks {
        t = t.replacen(&format!("({r})"), "", 1);
    }
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Which part is the title, from job-title words alone (`strong`) or from words of
/// organisations (`weak`): `None` when they do not say.
fn decide(h: &Header, strong: bool) -> Option<Order> {
    if h.at {
        return Some(Order::TitleFirst);
    }
    let [a, b, ..] = h.parts.as_slice() else {
        return None;
    };
    let score = |t: &str| {
        if strong {
            vocab::title_score(t) as i64
        } else {
            -(vocab::org_score(t) as i64)
        }
    };
    match score(&a.0).cmp(&score(&b.0)) {
        std::cmp::Ordering::Greater => Some(Order::TitleFirst),
        std::cmp::Ordering::Less => Some(Order::OrgFirst),
        std::cmp::Ordering::Equal => None,
    }
}

/// A job (work or volunteer): position, organisation, place, URL, description.
fn job(section: &'static str, k: usize, h: &Header, majority: Option<Order>, out: &mut Out) {
    let org_key = if section == "work" {
        "name"
    } else {
        "organization"
    };
    // `Muster GmbH, München`: a place after the last comma of a part.
    let mut parts = h.parts.clone();
    let mut places = Vec::new();
    for (p, no) in &mut parts {
        let after_company = |head: &str, tail: &str| {
            head.split_whitespace().last().is_some_and(|w| {
                vocab::org_score(w) > 0
                    || (w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
            }) && place_words(tail)
        };
        if let Some((head, tail)) = p.rsplit_once(", ")
            && (vocab::looks_like_location(tail) || after_company(head, tail))
            && !head.trim().is_empty()
        {
            places.push((tail.trim().to_owned(), *no));
            *p = head.trim().to_owned();
        }
    }
    for (place, no) in places {
        out.append(section, k, "location", &place, ", ", no);
    }
    let parts = &parts;
    match parts.len() {
        0 => {}
        1 => {
            let (p, no) = &parts[0];
            let key = if vocab::title_score(p) > 0 && vocab::org_score(p) == 0 {
                "position"
            } else {
                org_key
            };
            out.set(section, k, key, p, *no);
        }
        _ => {
            let order = decide(h, true)
                .or(majority)
                .or_else(|| decide(h, false))
                .unwrap_or(Order::TitleFirst);
            let (t, o) = match order {
                Order::TitleFirst => (0, 1),
                Order::OrgFirst => (1, 0),
            };
            out.set(section, k, "position", &parts[t].0, parts[t].1);
            let mut extra = &parts[2..];
            // `Title, Chair of Mechanics, University of Würzburg`: the organisation goes on.
            let mut org = parts[o].0.clone();
            while o == 1
                && let Some((next, no)) = extra.first()
                && *no == parts[o].1
                && university(next)
                && !university(&org)
                && !vocab::looks_like_location(next)
            {
                org.push_str(", ");
                org.push_str(next);
                extra = &extra[1..];
            }
            out.set(section, k, org_key, &org, parts[o].1);
            // `Title, Company, Bonn`: a place last.
            if let Some((last, no)) = extra.last()
                && (vocab::looks_like_location(last) || place_words(last))
            {
                out.append(section, k, "location", last, ", ", *no);
                extra = &extra[..extra.len() - 1];
            }
            for (p, no) in extra {
                if section == "work" {
                    out.append(section, k, "description", p, "; ", *no);
                } else {
                    out.append(section, k, "summary", p, "\n", *no);
                }
            }
        }
    }
    places_urls_notes(section, k, h, out);
}

/// Whether a part names a university or a company as a whole, the parent of a chair
/// or a department named before it.
fn university(text: &str) -> bool {
    let f = fold(text);
    [
        "universit",
        "hochschule",
        "college",
        "institute of technology",
    ]
    .iter()
    .any(|u| f.contains(u))
        || vocab::org_score(text) > 0 && !f.contains("department") && !f.contains("lehrstuhl")
}

/// Whether a part is the name of a place by its form: one to three capitalised words
/// (`Bonn`, `Lohr am Main`, `Sankt Augustin`), no digits, no organisation or school.
fn place_words(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let particle = |w: &str| {
        matches!(
            w,
            "am" | "an" | "der" | "im" | "upon" | "on" | "sur" | "de" | "la"
        )
    };
    (1..=4).contains(&words.len())
        && words.iter().filter(|w| !particle(w)).count() <= 3
        && words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || particle(w))
        && !text
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '&' | '/' | ':' | '@'))
        && vocab::org_score(text) == 0
        && vocab::institution_score(text) == 0
        && vocab::title_score(text) == 0
}

/// Places, URLs and remarks of a header.
fn places_urls_notes(section: &'static str, k: usize, h: &Header, out: &mut Out) {
    for (loc, no) in &h.locations {
        if section == "work" || section == "education" {
            out.append(section, k, "location", loc, ", ", *no);
        } else {
            let key = if section == "awards" || section == "publications" || section == "volunteer"
            {
                "summary"
            } else {
                "description"
            };
            out.append(section, k, key, loc, "\n", *no);
        }
    }
    for (url, no) in &h.urls {
        match header::clean_url(url) {
            Some(u) if !out.has(section, k, "url") => {
                out.set(section, k, "url", &u, *no);
            }
            // The same link twice (its text and its target): the line went there.
            Some(u) if out.get(section, k, "url").as_deref() == Some(u.as_str()) => {
                out.touch(section, k, "url", *no);
            }
            _ => {
                let key = note_key(section);
                out.append(section, k, key, url, "\n", *no);
            }
        }
    }
    for (d, no) in &h.durations {
        out.label(d, *no);
    }
    for (note, no) in &h.notes {
        out.append(section, k, note_key(section), note, "\n", *no);
    }
}

fn note_key(section: &str) -> &'static str {
    match section {
        "work" | "projects" => "description",
        "references" => "reference",
        _ => "summary",
    }
}

/// A school: institution, degree (study type and area), score, place.
fn school(k: usize, h: &Header, out: &mut Out) {
    let mut leftovers = Vec::new();
    for (p, no) in &h.parts {
        if is_score(p)
            && (out.has("education", k, "studyType") || out.has("education", k, "institution"))
        {
            set_score(k, p, *no, out);
            continue;
        }
        if !out.has("education", k, "studyType")
            && (vocab::degree_prefix(p).is_some() || vocab::mentions_degree(p))
        {
            degree(k, p, *no, out);
            continue;
        }
        // `EQF level 7`, `DQR-Niveau 6`: the level of a qualification framework.
        if qualification_level(p) {
            out.append("education", k, "summary", p, "\n", *no);
            continue;
        }
        if !out.has("education", k, "institution")
            && (vocab::institution_score(p) > 0 || vocab::org_score(p) > 0)
        {
            out.set("education", k, "institution", p, *no);
            continue;
        }
        if vocab::looks_like_location(p) {
            out.append("education", k, "location", p, ", ", *no);
            continue;
        }
        leftovers.push((p.clone(), *no));
    }
    for (p, no) in leftovers {
        if let Some(area) = study_of(&p)
            && !out.has("education", k, "area")
        {
            out.set("education", k, "area", area, no);
            out.label(p[..p.len() - area.len()].trim(), no);
        } else if !out.has("education", k, "institution") {
            out.set("education", k, "institution", &p, no);
        } else if !out.has("education", k, "area") {
            out.set("education", k, "area", &p, no);
        } else if is_score(&p) && !out.has("education", k, "score") {
            set_score(k, &p, no, out);
        } else {
            out.append("education", k, "summary", &p, "\n", no);
        }
    }
    places_urls_notes("education", k, h, out);
}

/// `EQF level 7`, `NQF Level 6`, `DQR-Niveau 6`, `ISCED 7`.
fn qualification_level(text: &str) -> bool {
    let f = fold(text);
    let words: Vec<&str> = f.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    words.len() <= 4
        && words
            .last()
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
        && words
            .iter()
            .any(|w| matches!(*w, "eqf" | "nqf" | "dqr" | "isced" | "level" | "niveau"))
}

/// `Studium Maschinenbau`, `Study of Law`, `Studiengang Informatik`: the subject.
fn study_of(text: &str) -> Option<&str> {
    let f = fold(text);
    for prefix in [
        "studium der ",
        "studium ",
        "studiengang ",
        "study of ",
        "studies in ",
        "studies of ",
        "estudios de ",
        "etudes de ",
        "studie ",
    ] {
        if f.starts_with(prefix) {
            let at = text
                .char_indices()
                .nth(prefix.chars().count())
                .map_or(text.len(), |(i, _)| i);
            let rest = text[at..].trim();
            return (!rest.is_empty()).then_some(rest);
        }
    }
    None
}

/// Sets the grade of a school, without the word that announces it (`GPA 3.7/4.0` →
/// `3.7/4.0`, `Note: 1,3` → `1,3`; the word is kept as a label); other grades as
/// written (`magna cum laude`).
fn set_score(k: usize, text: &str, no: usize, out: &mut Out) {
    let t = text.trim();
    let f = fold(t);
    for key in [
        "cumulative gpa",
        "gpa",
        "cgpa",
        "abschlussnote",
        "gesamtnote",
        "endnote",
        "note",
        "grade",
        "cijfer",
        "nota",
        "score",
    ] {
        if let Some(rest) = f.strip_prefix(key) {
            let rest = rest.trim_start_matches([':', ' ', '-']);
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                // Folding keeps the number of characters: cut the original there.
                let skip = f.chars().count() - rest.chars().count();
                let at = t.char_indices().nth(skip).map_or(t.len(), |(i, _)| i);
                if out.set("education", k, "score", t[at..].trim(), no) {
                    out.label(&t[..at], no);
                }
                return;
            }
        }
    }
    out.set("education", k, "score", t, no);
}

/// A grade written inside a longer line: `Thesis: … (Note: 1,0)`, `GPA 3.8/4.0`.
fn score_in(text: &str) -> Option<String> {
    let folded = fold(text);
    for key in [
        "gpa",
        "cgpa",
        "note",
        "grade",
        "abschlussnote",
        "gesamtnote",
        "cijfer",
        "nota",
        "score",
    ] {
        let mut from = 0;
        while let Some(p) = folded[from..].find(key).map(|p| p + from) {
            from = p + key.len();
            let word_start = p == 0 || !folded[..p].ends_with(char::is_alphanumeric);
            let rest = folded[from..].trim_start_matches([':', ' ']);
            let value: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '/'))
                .collect();
            let value = value.trim_end_matches([',', '.']);
            if word_start && value.chars().any(|c| c.is_ascii_digit()) {
                return Some(value.to_owned());
            }
        }
    }
    None
}

/// Whether a text is a grade: `GPA: 3.7`, `Note 1,3`, `best 25%`, `cum laude`.
fn is_score(text: &str) -> bool {
    let f = fold(text);
    [
        "gpa",
        "grade",
        "note",
        "score",
        "%",
        "cum laude",
        "honours",
        "honors",
        "distinction",
        "best",
        "cijfer",
        "mention",
        "nota",
        "abschluss",
        "/4",
        "/10",
        "/5",
        "/20",
    ]
    .iter()
    .any(|w| f.contains(w))
        || (f.split_whitespace().count() <= 3
            && f.chars().any(|c| c.is_ascii_digit())
            && f.chars().all(|c| c.is_ascii_digit() || ".,/: ".contains(c)))
}

/// `Master's in computer science Technical University of Munich`: study type, area and
/// possibly the institution.
fn degree(k: usize, text: &str, no: usize, out: &mut Out) {
    let (study, rest) = match vocab::degree_prefix(text) {
        // `Diplom-Wirtschaftsinformatiker`, `Diplom-Kauffrau`: one word, one degree.
        Some(end) if text[end..].starts_with('-') && !text[end..].starts_with("- ") => {
            let word_end = text[end..].find(' ').map_or(text.len(), |p| p + end);
            (text[..word_end].trim(), text[word_end..].trim())
        }
        Some(end) => (text[..end].trim(), text[end..].trim()),
        None => {
            // The degree word inside: `Licence in Informatique`, `Diploma of Mathematics`.
            let words: Vec<&str> = text.split_whitespace().collect();
            let pos = words
                .iter()
                .position(|w| vocab::mentions_degree(w))
                .unwrap_or(0);
            let end = words[..=pos]
                .iter()
                .map(|w| w.len() + 1)
                .sum::<usize>()
                .min(text.len());
            (text[..end].trim(), text[end..].trim())
        }
    };
    // `Diplom-Informatiker (FH)`, `Bachelor of Engineering - BE`: the degree goes on.
    let mut study = study.to_owned();
    let mut rest = rest.to_owned();
    if rest.starts_with('(')
        && let Some(close) = rest.find(')')
    {
        study = format!("{study} {}", &rest[..=close]);
        rest = rest[close + 1..].to_owned();
    }
    let abbreviation = rest.trim_start_matches(['-', '–', ' ']).trim();
    if rest.trim_start().starts_with(['-', '–'])
        && !abbreviation.contains(' ')
        && (1..=6).contains(&abbreviation.len())
        && abbreviation.starts_with(char::is_uppercase)
    {
        study = text.trim().to_owned();
        rest.clear();
    }
    let mut rest = rest
        .trim_start_matches([':', ',', '-', '–', '.'])
        .trim()
        .to_owned();
    // `Bachelor of Fine Arts in Interaction Design`: the degree runs to ` in `;
    // `Master of Technology - MTech`: all of it is the degree.
    if matches!(
        fold(&study).as_str(),
        "bachelor" | "master" | "doctor" | "associate"
    ) && fold(&rest).starts_with("of ")
    {
        if let Some(p) = rest.find(" in ") {
            study = format!("{study} {}", &rest[..p]);
            rest = rest[p + 1..].to_owned();
        } else {
            study = text.trim().to_owned();
            rest.clear();
        }
    }
    let study = study.as_str();
    for connector in [
        "in the field of ",
        "in ",
        "of ",
        "en ",
        "im ",
        "in: ",
        "de ",
        "em ",
        "der ",
        "van ",
    ] {
        if fold(&rest).starts_with(connector) {
            rest = rest[connector.len()..].trim().to_owned();
            break;
        }
    }
    out.set("education", k, "studyType", study, no);
    // `Economics, Tufts University`: the area, then the school, cut at commas.
    if let Some((area, school)) = rest.split_once(", ")
        && vocab::institution_score(school) > 0
        && vocab::institution_score(area) == 0
    {
        out.set("education", k, "area", area.trim(), no);
        out.set("education", k, "institution", school.trim(), no);
        return;
    }
    // An institution after the area: from the first capitalised run holding a school word.
    let words: Vec<&str> = rest.split_whitespace().collect();
    if let Some(j) = words.iter().position(|w| vocab::institution_score(w) > 0) {
        let mut start = j;
        while start > 0 && words[start - 1].starts_with(char::is_uppercase) {
            start -= 1;
        }
        if start > 0 || j > 0 || words.len() > 1 {
            let area = words[..start].join(" ");
            let inst = words[start..].join(" ");
            if !area.is_empty() {
                out.set("education", k, "area", area.trim_end_matches(','), no);
            }
            if !out.set(
                "education",
                k,
                "institution",
                inst.trim_start_matches([',', '-']).trim(),
                no,
            ) {
                out.append("education", k, "summary", &inst, "\n", no);
            }
            return;
        }
    }
    if !rest.is_empty() && !out.set("education", k, "area", &rest, no) {
        out.append("education", k, "summary", &rest, "\n", no);
    }
}

/// Projects, awards, certificates, publications, references.
fn other_entry(kind: SectionKind, section: &'static str, k: usize, h: &Header, out: &mut Out) {
    let (name_key, second_key) = match kind {
        SectionKind::Awards => ("title", "awarder"),
        SectionKind::Certificates => ("name", "issuer"),
        SectionKind::Publications => ("name", "publisher"),
        SectionKind::References => ("name", "reference"),
        _ => ("name", "description"),
    };
    let mut parts = h.parts.iter();
    if let Some((p, no)) = parts.next() {
        out.set(section, k, name_key, p, *no);
    }
    for (p, no) in parts {
        if !out.set(section, k, second_key, p, *no) {
            out.append(section, k, note_key(section), p, "\n", *no);
        }
    }
    places_urls_notes(section, k, h, out);
}

/// Sets the dates of an entry.
fn dates(
    kind: SectionKind,
    section: &'static str,
    k: usize,
    from: PartialDate,
    to: Option<LooseDate>,
    no: usize,
    out: &mut Out,
) {
    let single_key = match kind {
        SectionKind::Awards | SectionKind::Certificates => Some("date"),
        SectionKind::Publications => Some("releaseDate"),
        SectionKind::References => None,
        _ => None,
    };
    if let Some(key) = single_key {
        let date = match to {
            Some(LooseDate::Date(end)) => end,
            _ => from,
        };
        out.set(section, k, key, &date.to_string(), no);
        return;
    }
    if kind == SectionKind::References {
        out.append(section, k, "reference", &from.to_string(), " ", no);
        return;
    }
    if !(kind == SectionKind::Education && to.is_none()) {
        out.set(section, k, "startDate", &from.to_string(), no);
    }
    match to {
        Some(LooseDate::Date(end)) => {
            out.set(section, k, "endDate", &end.to_string(), no);
        }
        Some(LooseDate::Ongoing) => {}
        None if kind == SectionKind::Education => {
            // A single date of a degree is when it was obtained.
            if !out.has(section, k, "endDate") {
                out.set(section, k, "endDate", &from.to_string(), no);
            }
        }
        None => {
            // A single date: the entry began and ended then.
            out.set(section, k, "endDate", &from.to_string(), no);
        }
    }
}

/// The body of an entry: key-value lines, paragraphs and bullets.
fn body(
    kind: SectionKind,
    section: &'static str,
    k: usize,
    lines: &[Line],
    entry: &Entry,
    out: &mut Out,
) {
    let (para_key, list_key) = match kind {
        SectionKind::Work | SectionKind::Volunteer => ("summary", "highlights"),
        SectionKind::Projects => ("description", "highlights"),
        SectionKind::Education => ("summary", "courses"),
        SectionKind::References => ("reference", ""),
        _ => ("summary", ""),
    };
    let mut listing = false; // a bullet or sub-heading was seen
    let mut pending_heading: Option<(String, usize)> = None;
    let mut prev: Option<(usize, bool)> = None; // (line index, went to a list)
    for &i in &entry.body {
        let line = &lines[i];
        if line.is_blank() || line.rule {
            prev = None;
            continue;
        }
        let no = line.no;
        let text = line.text.trim();
        // A line that is only a link: the entry's URL.
        if header::looks_like_url(text)
            && !out.has(section, k, "url")
            && let Some(u) = header::clean_url(text)
        {
            out.set(section, k, "url", &u, no);
            continue;
        }
        if let Some((key, value)) = key_value(text)
            && body_field(kind, section, k, key, value, no, out)
        {
            prev = None;
            continue;
        }
        // `### Conference Papers` between two publications: a sub-heading.
        if heading_style(line).is_some() && vocab::section_kind(text) == Some(kind) {
            out.label(text, no);
            prev = None;
            continue;
        }
        // `German Testing Board` under a certificate: who issued it.
        if let Some(key) = match kind {
            SectionKind::Certificates => Some("issuer"),
            SectionKind::Awards => Some("awarder"),
            _ => None,
        } && !out.has(section, k, key)
            && !line.bullet
            && prev.is_none()
            && names_issuer(text, false)
            && !text.ends_with('.')
        {
            out.set(section, k, key, text, no);
            continue;
        }
        if heading_style(line).is_some()
            && !line.bullet
            && line.text.split_whitespace().count() <= 8
        {
            if let Some((h, hno)) = pending_heading.take() {
                push_list(section, k, list_key, para_key, &h, hno, out);
            }
            if text.ends_with(':') {
                out.label(text, no);
                listing = true;
            } else {
                pending_heading = Some((text.to_owned(), no));
            }
            prev = None;
            continue;
        }
        // `Universität Mannheim, Mannheim (Germany)` under the degree: the school.
        if kind == SectionKind::Education
            && !out.has(section, k, "institution")
            && !line.bullet
            && prev.is_none()
            && text.split_whitespace().count() <= 10
            && vocab::institution_score(text.split(", ").next().unwrap_or(text)) > 0
        {
            match text.split_once(", ") {
                Some((school, place)) if vocab::institution_score(place) == 0 => {
                    out.set(section, k, "institution", school, no);
                    out.append(section, k, "location", place, ", ", no);
                }
                _ => {
                    out.set(section, k, "institution", text, no);
                }
            }
            continue;
        }
        if kind == SectionKind::Education
            && !out.has(section, k, "studyType")
            && vocab::mentions_degree(text)
            && text.split_whitespace().count() <= 10
        {
            // `Bachelor | Bachelor of Science in IT`: the fullest part is the degree.
            let parts: Vec<&str> = text
                .split('|')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            let main = parts
                .iter()
                .copied()
                .max_by_key(|p| p.len())
                .unwrap_or(text);
            degree(k, main, no, out);
            for other in parts.iter().filter(|p| **p != main) {
                out.append(section, k, "summary", other, "\n", no);
            }
            continue;
        }
        if kind == SectionKind::Education
            && is_score(text)
            && text.split_whitespace().count() <= 6
            && !out.has(section, k, "score")
        {
            out.set(section, k, "score", text, no);
            continue;
        }
        if kind == SectionKind::Education
            && !out.has(section, k, "score")
            && let Some(score) = score_in(text)
        {
            // The grade is a field; the line stays whole in the summary.
            out.set(section, k, "score", &score, no);
        }
        if line.bullet {
            listing = true;
            if let Some((h, hno)) = pending_heading.take() {
                push_list(section, k, list_key, para_key, &h, hno, out);
            }
            push_list(section, k, list_key, para_key, text, no, out);
            prev = Some((i, true));
            continue;
        }
        // A paragraph line: continues the previous line, or starts a new paragraph.
        if let Some((p, to_list)) = prev
            && p + 1 == i
        {
            if to_list && !list_key.is_empty() {
                out.push_continue(section, k, list_key, text, no);
            } else {
                out.append(section, k, para_key, text, " ", no);
            }
            prev = Some((i, to_list));
            continue;
        }
        if let Some((h, hno)) = pending_heading.take() {
            let joined = format!("{h}: {text}");
            push_list(section, k, list_key, para_key, &joined, no, out);
            out.also(hno);
            prev = Some((i, !list_key.is_empty()));
            continue;
        }
        if listing && !list_key.is_empty() && kind != SectionKind::Education {
            push_list(section, k, list_key, para_key, text, no, out);
            prev = Some((i, true));
        } else {
            out.append(section, k, para_key, text, "\n\n", no);
            prev = Some((i, false));
        }
    }
    if let Some((h, hno)) = pending_heading {
        push_list(section, k, list_key, para_key, &h, hno, out);
    }
}

fn push_list(
    section: &'static str,
    k: usize,
    list_key: &str,
    para_key: &str,
    text: &str,
    no: usize,
    out: &mut Out,
) {
    if list_key.is_empty() {
        out.append(section, k, para_key, text, "\n", no);
    } else {
        out.push(section, k, list_key, text, no);
    }
}

/// `Key: value` with a short key.
fn key_value(text: &str) -> Option<(&str, &str)> {
    let (key, value) = text.split_once(':')?;
    (key.split_whitespace().count() <= 3 && !key.is_empty() && !key.contains("http"))
        .then_some((key.trim(), value.trim()))
}

/// Places a `Key: value` line of an entry body; `false` when the key means nothing
/// special (the line is then read as text).
fn body_field(
    kind: SectionKind,
    section: &'static str,
    k: usize,
    key: &str,
    value: &str,
    no: usize,
    out: &mut Out,
) -> bool {
    let f = fold(key);
    let target = match f.as_str() {
        "position" | "title" | "role" | "job title" | "rolle" | "funktion" | "functie"
        | "poste" | "puesto" | "cargo" => "position",
        "company" | "employer" | "organisation" | "organization" | "firma" | "arbeitgeber"
        | "unternehmen" | "werkgever" | "entreprise" | "empresa" => {
            if section == "work" {
                "name"
            } else {
                "organization"
            }
        }
        "location" | "ort" | "standort" | "place" | "locatie" | "lieu" | "ubicacion" => "location",
        "specialization" | "specialisation" | "major" | "field" | "field of study"
        | "fachrichtung" | "studiengang" | "schwerpunkt" | "richting" => "area",
        "degree" | "abschluss" | "diploma" | "titulo" | "diplome" => "studyType",
        "gpa" | "cgpa" | "grade" | "note" | "abschlussnote" | "score" | "cijfer" => "score",
        "website" | "url" | "link" => "url",
        "responsibilities"
        | "tasks"
        | "aufgaben"
        | "achievements"
        | "erfolge"
        | "taken"
        | "verantwoordelijkheden"
        | "missions"
        | "realisations"
        | "tareas"
        | "logros"
        | "course work"
        | "coursework"
        | "courses"
        | "highlights" => {
            if value.is_empty() {
                out.label(key, no);
                return true;
            }
            return false;
        }
        _ => return false,
    };
    let allowed = match target {
        "position" => matches!(kind, SectionKind::Work | SectionKind::Volunteer),
        "name" | "organization" => matches!(kind, SectionKind::Work | SectionKind::Volunteer),
        "location" => matches!(kind, SectionKind::Work | SectionKind::Education),
        "area" | "studyType" | "score" => kind == SectionKind::Education,
        "url" => true,
        _ => false,
    };
    if !allowed {
        return false;
    }
    if value.is_empty() {
        out.label(key, no);
        return true;
    }
    let mut value = if target == "url" {
        match header::clean_url(value) {
            Some(u) => u,
            None => return false,
        }
    } else {
        value.trim_end_matches('.').to_owned()
    };
    // `Abschluss: Master of Science (Note 1,7)`: the grade in brackets is a field too.
    if target == "studyType"
        && let Some(open) = value.rfind(" (")
        && value.ends_with(')')
        && is_score(&value[open + 2..value.len() - 1])
        && !out.has(section, k, "score")
    {
        let grade = value[open + 2..value.len() - 1].to_owned();
        value.truncate(open);
        if out.set(section, k, target, &value, no) {
            out.label(key, no);
            set_score(k, &grade, no, out);
            return true;
        }
        return false;
    }
    if out.set(section, k, target, &value, no) {
        out.label(key, no);
        true
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators() {
        assert_eq!(
            split_parts("Data Engineer | October", true).0,
            ["Data Engineer", "October"]
        );
        assert_eq!(
            split_parts("Research Assistant | Robotics Chair at TUM", true).0,
            ["Research Assistant", "Robotics Chair at TUM"]
        );
        assert_eq!(
            split_parts("Software engineer at Redgage LLC", true),
            (
                vec!["Software engineer".to_owned(), "Redgage LLC".to_owned()],
                true
            )
        );
        assert_eq!(
            split_parts("Roundhuit Co., Ltd", true).0,
            ["Roundhuit Co., Ltd"]
        );
        assert_eq!(
            split_parts("WITTDTJR (What It Takes, Right), AutoZone", true).0,
            ["WITTDTJR (What It Takes, Right)", "AutoZone"]
        );
    }

    #[test]
    fn remarks() {
        assert_eq!(
            brackets("Moscow (alpari.com, Leading brand)"),
            (
                "Moscow".to_owned(),
                vec!["alpari.com, Leading brand".to_owned()]
            )
        );
        assert_eq!(brackets("AWS Kinesis(Kafka)").0, "AWS Kinesis(Kafka)");
        assert_eq!(
            brackets("Professor (adjunct professor)").0,
            "Professor (adjunct professor)"
        );
    }

    #[test]
    fn scores() {
        assert!(is_score("Graduated among the best 25% of my class"));
        assert!(is_score("CGPA: 3.76"));
        assert!(is_score("1,3"));
        assert!(!is_score("Technical University of Munich"));
    }
}
