//! The person: where they live, and whether a line is their name.

use super::*;

/// `Living in Amsterdam`, `based in Berlin`, `wohnhaft in Köln`: the text before and the place.
pub(super) fn living_in(text: &str) -> Option<(String, String)> {
    const PHRASES: &[&str] = &[
        "living in ",
        "lives in ",
        "based in ",
        "located in ",
        "residing in ",
        "wohnhaft in ",
        "wohne in ",
        "lebe in ",
        "wonend in ",
        "woonachtig in ",
        "woon in ",
        "vivant a ",
        "habite a ",
        "residente en ",
        "vivo en ",
        "moro em ",
    ];
    const FIRST: u128 = vocab::first_bytes(PHRASES);
    let folded = fold(text);
    // One pass says whether any phrase is there; most lines hold none.
    if !vocab::contains_any(&folded, PHRASES, FIRST) {
        return None;
    }
    for phrase in PHRASES {
        if let Some(pos) = folded.find(phrase) {
            // Folding keeps char counts; map through chars.
            let start_chars = folded[..pos].chars().count();
            let phrase_chars = phrase.chars().count();
            let split = text
                .char_indices()
                .nth(start_chars)
                .map_or(text.len(), |(i, _)| i);
            let after = text
                .char_indices()
                .nth(start_chars + phrase_chars)
                .map_or(text.len(), |(i, _)| i);
            return Some((
                text[..split].trim().to_owned(),
                text[after..].trim().to_owned(),
            ));
        }
    }
    None
}

/// Places a location such as `Helsinki, Finland`, `Boston MA`, `Russia, Saint-Petersburg`,
/// `Bergstraße 8, 69117 Heidelberg (Germany)`.
pub(crate) fn place_location(text: &str, no: usize, out: &mut Out) {
    let t = text.trim().trim_end_matches('.');
    // `Heidelberg (Germany)`: the bracketed part is one more part.
    let unbracketed = t.replace(['(', ')'], ",");
    let parts: Vec<&str> = unbracketed
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut city_parts = Vec::new();
    let mut named_country = false;
    for (k, p) in parts.iter().enumerate() {
        if vocab::is_street(p) {
            out.location("address", p, no);
            continue;
        }
        // `80331 München`, `1012 AB Amsterdam`, `75001 Paris`.
        if let Some((code, city)) = vocab::postal_city(p) {
            out.location("postalCode", code, no);
            out.location("city", city, no);
            continue;
        }
        // `Hauptstraße 12` before the city: a street address.
        if k == 0
            && parts.len() >= 2
            && p.chars().any(|c| c.is_ascii_digit())
            && p.chars().any(char::is_alphabetic)
        {
            out.location("address", p, no);
            continue;
        }
        if let Some(code) = vocab::country_code(p) {
            out.location("countryCode", code, no);
            named_country |= *p != code;
        } else if vocab::is_region_code(p) && k > 0 {
            if vocab::US_STATES.contains(p) {
                out.location("region", p, no);
            } else {
                out.location("countryCode", p, no);
            }
        } else if k > 0 && !city_parts.is_empty() && k == parts.len() - 1 && parts.len() >= 3 {
            out.location("region", p, no);
        } else {
            city_parts.push(*p);
        }
    }
    // The country's name has no field of its own: keep the place as written.
    if named_country {
        out.location_text(t, no);
    }
    if city_parts.len() >= 2 {
        out.location("city", city_parts[0], no);
        out.location("region", &city_parts[1..].join(", "), no);
        return;
    }
    if city_parts.len() == 1 {
        let c = city_parts[0];
        if let Some((city, region)) = c.rsplit_once(' ')
            && vocab::US_STATES.contains(&region)
        {
            out.location("city", city, no);
            out.location("region", region, no);
            return;
        }
    }
    if !city_parts.is_empty()
        && !out.location("city", &city_parts.join(", "), no)
        && !out.location("region", &city_parts.join(", "), no)
    {
        out.unmapped(text, no);
    }
}

/// The person's name in a title line: `Tobi DEGNON's CV` → `Tobi DEGNON`,
/// `Stephen Brown II - Resume (LLM Eval Format)` → `Stephen Brown II`. `None` when the
/// text does not read like a name.
pub(crate) fn person_name(text: &str) -> Option<String> {
    let mut t = text.trim().to_owned();
    // Cut at ` - Resume`, ` | CV`, `'s CV`, `的简历`.
    for sep in [" - ", " – ", " — ", " | ", ": "] {
        if let Some((a, b)) = t.split_once(sep)
            && b.split_whitespace().next().is_some_and(vocab::is_cv_word)
        {
            t = a.trim().to_owned();
        }
    }
    if let Some(a) = t.strip_suffix("的简历") {
        t = a.to_owned();
    }
    // `Hi, I'm Aiko Tanaka 👋`, `Hallo, ich bin Jonas`: the name after the greeting.
    let folded = fold(&t);
    let mut greeted = false;
    for intro in [
        "i'm ",
        "i’m ",
        "i am ",
        "my name is ",
        "ich bin ",
        "ik ben ",
        "je suis ",
        "soy ",
        "je m'appelle ",
        "ich heisse ",
        "ich heiße ",
    ] {
        if let Some(p) = folded.find(intro)
            && (p == 0 || folded[..p].split_whitespace().count() <= 2)
            && folded[..p].chars().all(|c| !c.is_ascii_digit())
        {
            greeted = true;
            // Folding keeps char counts: map the cut through chars.
            let chars = folded[..p + intro.len()].chars().count();
            let at = t.char_indices().nth(chars).map_or(t.len(), |(i, _)| i);
            t = t[at..].to_owned();
            break;
        }
    }
    let mut words: Vec<&str> = t
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    while words
        .last()
        .is_some_and(|w| vocab::is_cv_word(w.trim_matches(|c: char| !c.is_alphanumeric())))
    {
        words.pop();
    }
    // `Resume of Daniel Brooks`, `Lebenslauf von Max Muster`, `Curriculum Vitae`.
    let mut cv_word = false;
    while words
        .first()
        .is_some_and(|w| vocab::is_cv_word(w.trim_end_matches(':')))
    {
        words.remove(0);
        cv_word = true;
    }
    if cv_word
        && words
            .first()
            .is_some_and(|w| matches!(*w, "of" | "von" | "-" | "–"))
    {
        words.remove(0);
    }
    // `Dr. Miriam Okonkwo-Hale`: an honorific is no part of the name.
    while words.len() > 2
        && matches!(
            fold(words[0]).as_str(),
            "dr."
                | "dr"
                | "prof."
                | "prof"
                | "mr."
                | "mrs."
                | "ms."
                | "mx."
                | "dipl.-ing."
                | "ing."
        )
    {
        words.remove(0);
    }
    if let Some(last) = words.last_mut()
        && let Some(s) = last.strip_suffix("'s").or_else(|| last.strip_suffix("’s"))
    {
        *last = s;
    }
    let name = words.join(" ");
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let cjk = name.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let ok = (1..=5).contains(&words.len())
        && (letters >= 2 || cjk)
        && !name
            .chars()
            .any(|c| c.is_ascii_digit() || c == '@' || c == '/')
        && vocab::section_kind(&name).is_none()
        && vocab::title_score(&name) == 0
        && (words.len() >= 2 || cjk || name.chars().next().is_some_and(char::is_uppercase))
        && (!greeted || words.iter().all(|w| w.starts_with(char::is_uppercase)));
    ok.then_some(name)
}
