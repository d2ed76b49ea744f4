//! Jobs (work and volunteer): position, organisation, places, URLs and notes.

use super::*;

/// A job (work or volunteer): position, organisation, place, URL, description.
/// `order` is what the job-title words say, else what most entries of the section do.
pub(super) fn job(
    section: &'static str,
    k: usize,
    h: &Header,
    order: Option<Order>,
    out: &mut Out,
) {
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
            let order = order
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
pub(super) fn university(text: &str) -> bool {
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
pub(super) fn place_words(text: &str) -> bool {
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
pub(super) fn places_urls_notes(section: &'static str, k: usize, h: &Header, out: &mut Out) {
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

pub(super) fn note_key(section: &str) -> &'static str {
    match section {
        "work" | "projects" => "description",
        "references" => "reference",
        _ => "summary",
    }
}
