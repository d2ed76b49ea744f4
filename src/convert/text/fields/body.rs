//! The body of an entry: key-value lines, paragraphs and bullets.

use super::*;

/// The body of an entry: key-value lines, paragraphs and bullets.
pub(super) fn body(
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
            && !text.ends_with('.')
            && names_issuer(text, false)
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

pub(super) fn push_list(
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
pub(super) fn key_value(text: &str) -> Option<(&str, &str)> {
    let (key, value) = text.split_once(':')?;
    (key.split_whitespace().count() <= 3 && !key.is_empty() && !key.contains("http"))
        .then_some((key.trim(), value.trim()))
}

/// Places a `Key: value` line of an entry body; `false` when the key means nothing
/// special (the line is then read as text).
pub(super) fn body_field(
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
