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

mod body;
mod cite;
mod job;
mod parts;
mod school;

use self::body::*;
use self::cite::*;
use self::job::*;
use self::parts::*;
use self::school::*;

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

/// Whether a section of this kind is a list of entries, read by [`plan`] and [`read`].
pub(crate) fn is_list(kind: SectionKind) -> bool {
    !matches!(
        kind,
        SectionKind::Contact
            | SectionKind::Summary
            | SectionKind::Skills
            | SectionKind::Languages
            | SectionKind::Interests
            | SectionKind::Other
    )
}

/// What can be read of a list section before anything is written: its entries and
/// their headers. It is pure, so the sections of a long CV are planned on several
/// threads (see [`super::par`]); [`read`] then writes them in order.
pub(crate) struct Plan {
    kind: SectionKind,
    intro: Vec<usize>,
    list: Vec<Entry>,
    headers: Vec<Header>,
    /// What the job-title words say of each header.
    decided: Vec<Option<Order>>,
}

/// Cuts a list section into entries and their headers into parts.
pub(crate) fn plan(kind: SectionKind, lines: &[Line], idx: Vec<usize>) -> Plan {
    let (intro, list) = entries::split(lines, idx);
    let headers: Vec<Header> = list.iter().map(|e| header_of(kind, lines, e)).collect();
    let decided = headers.iter().map(|h| decide(h, true)).collect();
    Plan {
        kind,
        intro,
        list,
        headers,
        decided,
    }
}

/// Reads the entries of a list section.
pub(crate) fn read(plan: Plan, lines: &[Line], out: &mut Out) {
    let Plan {
        kind,
        intro,
        list,
        headers,
        decided,
    } = plan;
    let name = section_name(kind);
    for &i in &intro {
        if lines[i].is_blank() || lines[i].rule {
            continue;
        }
        // `### Journal Articles` above the first article: a sub-heading.
        if lines[i].named == Some(kind) {
            out.label(&lines[i].text, lines[i].no);
        } else {
            out.unmapped(&lines[i].text, lines[i].no);
        }
    }
    // The order most decided entries use.
    let (mut title_first, mut org_first) = (0, 0);
    for d in &decided {
        match d {
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
    for ((entry, h), decided) in list.iter().zip(headers).zip(decided) {
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
            SectionKind::Work | SectionKind::Volunteer => {
                job(name, k, &h, decided.or(majority), out);
            }
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

/// Cuts the header lines of an entry into parts.
fn header_of(kind: SectionKind, lines: &[Line], entry: &Entry) -> Header {
    let mut h = Header::default();
    let allow_comma_kind = !matches!(kind, SectionKind::Certificates | SectionKind::Publications);
    for &i in &entry.header {
        let line = &lines[i];
        let no = line.no;
        // (The line's own text is read in place, not copied.)
        let mut text = match entry.date {
            Some((d, span)) if d == i => strip_connectors(&entries::residue(&line.text, &span)),
            _ => strip_connectors(&line.text),
        };
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
        if kind != SectionKind::Education && vocab::looks_like_location(&text)
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
            let (mut parts, at) = split_parts_at(&text, strongest);
            h.at |= at;
            // `Title chez Org — Paris`: the first of the dash-cut parts may hold ` at `.
            if strongest == Some(1)
                && let Some(first) = parts.first()
                && strongest_separator(first, false) == Some(2)
            {
                let (inner, _) = split_parts_at(first, Some(2));
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
