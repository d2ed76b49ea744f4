//! Schools: institution, degree, field of study, grade.

use super::*;

/// A school: institution, degree (study type and area), score, place.
pub(super) fn school(k: usize, h: &Header, out: &mut Out) {
    let mut leftovers = Vec::new();
    for (p, no) in &h.parts {
        if (out.has("education", k, "studyType") || out.has("education", k, "institution"))
            && is_score(p)
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
pub(super) fn qualification_level(text: &str) -> bool {
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
pub(super) fn study_of(text: &str) -> Option<&str> {
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
pub(super) fn set_score(k: usize, text: &str, no: usize, out: &mut Out) {
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
pub(super) fn score_in(text: &str) -> Option<String> {
    // A grade holds a digit, and folding makes none: most lines end here.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
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
pub(super) fn is_score(text: &str) -> bool {
    /// Words and signs of grades, found anywhere in the folded text.
    const MARKS: &[&str] = &[
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
    ];
    const FIRST: u128 = vocab::first_bytes(MARKS);
    vocab::with_folded(text, |f| {
        vocab::contains_any(f, MARKS, FIRST)
            || (f.split_whitespace().count() <= 3
                && f.chars().any(|c| c.is_ascii_digit())
                && f.chars().all(|c| c.is_ascii_digit() || ".,/: ".contains(c)))
    })
}

/// `Master's in computer science Technical University of Munich`: study type, area and
/// possibly the institution.
pub(super) fn degree(k: usize, text: &str, no: usize, out: &mut Out) {
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
    let folded_rest = fold(&rest);
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
        if folded_rest.starts_with(connector) {
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
