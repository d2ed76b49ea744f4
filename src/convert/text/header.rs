//! Stage 4a: the header of a CV (and any `Contact` section): name, label, e-mail,
//! phone, website, location, profiles, and a summary written right under the name.

use super::lists;
use super::normalize::Line;
use super::output::Out;
use super::vocab::{self, SectionKind};
use crate::locale::fold;

mod contact;
mod person;

pub(crate) use self::contact::*;
pub(crate) use self::person::*;

/// What a `Key: value` line in the header is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Name,
    Label,
    Email,
    Phone,
    Url,
    Location,
    Summary,
    Network(&'static str, &'static str),
    Section(SectionKind),
    /// Personal data the standard has no field for (birthday, nationality, …).
    Personal,
}

fn key_kind(key: &str) -> Option<Key> {
    let k = fold(key.trim().trim_end_matches([':', '.', '-']).trim());
    let k = k.as_str();
    if let Some((network, prefix)) = vocab::network_of_label(k) {
        return Some(Key::Network(network, prefix));
    }
    Some(match k {
        "name"
        | "full name"
        | "first name / last name"
        | "naam"
        | "nom"
        | "nombre"
        | "nome"
        | "vorname nachname"
        | "first name last name" => Key::Name,
        "title"
        | "position"
        | "role"
        | "job title"
        | "profession"
        | "beruf"
        | "functie"
        | "poste"
        | "puesto"
        | "cargo"
        | "applying for"
        | "current position"
        | "job applied for"
        | "position applied for"
        | "desired position"
        | "desired job"
        | "preferred job"
        | "occupation"
        | "wunschposition"
        | "angestrebte position"
        | "berufsbezeichnung" => Key::Label,
        "email" | "e-mail" | "mail" | "courriel" | "correo" | "email address"
        | "e-mail address" | "e-mail-adresse" => Key::Email,
        "phone" | "tel" | "telephone" | "mobile" | "mobil" | "mobile number" | "cell" | "handy"
        | "telefon" | "telefoon" | "mobiel" | "telefono" | "telefone" | "celular"
        | "phone number" | "手机" | "telefonnummer" => Key::Phone,
        "location" | "address" | "adresse" | "adres" | "wohnort" | "ort" | "city" | "residence"
        | "woonplaats" | "ville" | "ciudad" | "ubicacion" | "direccion" | "cidade"
        | "localizacao" | "based in" | "domicile" | "anschrift" | "wohnhaft" => Key::Location,
        "website" | "web" | "homepage" | "home page" | "site" | "url" | "blog" | "portfolio"
        | "webseite" | "internetseite" | "site web" | "sitio web" | "www" => Key::Url,
        "summary" | "profile" | "about" | "about me" | "objective" | "profil" => Key::Summary,
        "birthday"
        | "date of birth"
        | "born"
        | "birth date"
        | "geburtsdatum"
        | "geboren"
        | "geburtsort"
        | "nationality"
        | "staatsangehorigkeit"
        | "nationaliteit"
        | "nationalite"
        | "nacionalidad"
        | "gender"
        | "geschlecht"
        | "marital status"
        | "familienstand"
        | "location born"
        | "place of birth"
        | "permission to work"
        | "work permit"
        | "driving licence"
        | "driving license"
        | "fuhrerschein"
        | "geburtstag"
        | "geboortedatum"
        | "date de naissance"
        | "fecha de nacimiento"
        | "education"
        | "recommendations"
        | "authorization"
        | "remote"
        | "relocation"
        | "travel"
        | "commitment"
        | "availability"
        | "verfugbarkeit"
        | "qq/微信"
        | "sex"
        | "religion"
        | "konfession"
        | "kinder"
        | "children"
        | "date and place of birth"
        | "geburtsdatum und -ort"
        | "wechat" => Key::Personal,
        _ => return vocab::section_kind(k).map(Key::Section),
    })
}

/// Whether a label names personal data the standard has no field for: `Geburtsdatum`,
/// `Driving licence`, `Nationality`.
pub(crate) fn is_personal_key(key: &str) -> bool {
    key_kind(key) == Some(Key::Personal)
}

/// Reads header lines into `basics`.
pub(crate) fn read(lines: &[Line], idx: &[usize], out: &mut Out) {
    let mut prev_text: Option<usize> = None; // the previous line that went to the summary
    let mut last_was_name = false;
    let mut i = 0;
    while i < idx.len() {
        let line = &lines[idx[i]];
        i += 1;
        if line.is_blank() || line.rule {
            prev_text = None;
            continue;
        }
        let no = line.no;
        if let Some(key) = &line.key {
            match key.as_str() {
                "name" => {
                    out.basic("name", &line.text, no);
                    last_was_name = true;
                    continue;
                }
                "title" => {
                    out.label(&line.text, no);
                    continue;
                }
                _ => {}
            }
        }
        // `Key: value` lines.
        if let Some((key, value, kind)) = key_value(line) {
            // A list under a key (`* Languages:` then indented bullets).
            let mut value = value.to_owned();
            let mut more = Vec::new();
            if value.is_empty() {
                while i < idx.len() && lines[idx[i]].bullet && lines[idx[i]].indent > line.indent {
                    more.push(idx[i]);
                    i += 1;
                }
            }
            out.label(key, no);
            match kind {
                Key::Section(SectionKind::Contact) if !value.is_empty() => {
                    contact_list(&value, no, out);
                    continue;
                }
                Key::Section(kind) => {
                    let mut items: Vec<usize> = more.clone();
                    if !value.is_empty() {
                        lists::inline_list(kind, key, &value, no, out);
                    }
                    if !items.is_empty() {
                        lists::read(kind, key, lines, &std::mem::take(&mut items), out);
                    }
                    continue;
                }
                Key::Personal => {
                    let whole = format!("{key}: {value}");
                    out.unmapped(&whole, no);
                    for m in more {
                        out.unmapped(&lines[m].text, lines[m].no);
                    }
                    continue;
                }
                _ => {}
            }
            if value.is_empty()
                && let Some(&m) = more.first()
            {
                value = lines[m].text.clone();
            }
            field(kind, &value, line, out);
            last_was_name = false;
            continue;
        }
        if line.quote {
            summary_line(line, &mut prev_text, idx[i - 1], out);
            continue;
        }
        // Links first: they carry URLs, e-mail addresses and phone numbers.
        let mut text = line.text.clone();
        for link in line.links.iter().filter(|l| l.image && !l.badge) {
            // A photo: `basics.image`; its alt text is the name again.
            if let Some(u) = clean_url(&link.url)
                .filter(|_| link.url.contains("://"))
                .or_else(|| Some(link.url.clone()))
                && out.basic("image", &u, no)
            {
                let shown = format!(
                    "{}{}",
                    link.text,
                    super::normalize::url_suffix(&link.text, &link.url)
                );
                text = text.replacen(&shown, " ", 1);
            }
        }
        for link in line.links.iter().filter(|l| !l.image) {
            if place_url(&link.url, &link.text, no, out)
                && !link.text.is_empty()
                && (link.badge || consumable_link_text(&link.text, &link.url))
            {
                if link.badge {
                    out.label(&link.text, no);
                }
                text = replace_word(&text, &link.text);
            }
        }
        let chunks: Vec<String> = split_chunks(&text);
        let mut rest: Vec<String> = Vec::new();
        for chunk in chunks {
            // A flag stands for a country: `Tokyo 🇯🇵`.
            let flagged;
            let mut c = chunk.as_str();
            if let Some((code, without)) = vocab::flag(c) {
                out.location("countryCode", code, no);
                flagged = without;
                c = &flagged;
            }
            let c = trim_symbols(c);
            if c.is_empty() {
                continue;
            }
            // `Date of birth 03/11/1987`, `Nationality German`: personal data.
            if personal_chunk(c) {
                out.unmapped(c, no);
                continue;
            }
            if !contact_chunk(c, no, out) {
                rest.push(c.to_owned());
            }
        }
        // What is left: name, label, place, summary, or nothing known.
        let words: usize = rest.iter().map(|r| r.split_whitespace().count()).sum();
        let whole = rest.join(" ");
        if rest.is_empty() {
            continue;
        }
        let mut chunks: Vec<String> = rest;
        if !out.basics.contains_key("name") && words <= 8 {
            let first = chunks[0].clone();
            if let Some(name) = person_name(&first) {
                out.basic("name", &name, no);
                if first.len() > name.len() + 1 {
                    out.label(first.replace(&name, " ").trim(), no);
                }
                last_was_name = true;
                chunks.remove(0);
                if chunks.is_empty() {
                    continue;
                }
            } else if vocab::is_cv_word(first.split_whitespace().next().unwrap_or("")) {
                out.label(&whole, no);
                continue;
            }
        }
        // One chunk: the whole line may be the label; several: each is looked at.
        let heading = line.heading.is_some();
        let label_ok = |t: &str, out: &Out, after_name: bool| {
            out.basics.contains_key("name")
                && !out.basics.contains_key("label")
                && t.split_whitespace().count() <= 8
                && !t.ends_with('.')
                && (vocab::title_score(t) > 0 || (after_name && !heading))
                && !vocab::looks_like_location(t)
        };
        let mut leftovers = Vec::new();
        let after_name = last_was_name;
        last_was_name = false;
        let n = chunks.len();
        for (c, r) in chunks.into_iter().enumerate() {
            // `Platform engineer in Tokyo`: a title and a place.
            if let Some((title, place)) = r.split_once(" in ")
                && vocab::title_score(title) > 0
                && vocab::looks_like_location(place)
                && label_ok(title, out, true)
            {
                out.basic("label", title, no);
                place_location(place, no, out);
                continue;
            }
            if let Some((before, place)) = living_in(&r) {
                place_location(&place, no, out);
                if !before.trim().is_empty() {
                    leftovers.push(before);
                }
            } else if (n > 1 || words <= 5)
                && vocab::looks_like_location(&r)
                && r.split_whitespace().count() <= 5
            {
                place_location(&r, no, out);
            } else if label_ok(&r, out, after_name && c == 0) && (n > 1 || words <= 8) {
                out.basic("label", &r, no);
            } else {
                leftovers.push(r);
            }
        }
        if leftovers.is_empty() {
            continue;
        }
        let left = leftovers.join(" ");
        if left.split_whitespace().count() >= 8 || left.ends_with('.') || prev_text.is_some() {
            let mut l = line.clone();
            l.text = left;
            summary_line(&l, &mut prev_text, idx[i - 1], out);
        } else {
            out.unmapped(&left, no);
        }
    }
}

/// `jane@example.com, 617-555-0142, Boston, MA`: contact details in a list.
fn contact_list(value: &str, no: usize, out: &mut Out) {
    let mut place: Vec<&str> = Vec::new();
    for piece in value.split([',', ';', '|', '·', '•']) {
        let p = trim_symbols(piece);
        if p.is_empty() {
            continue;
        }
        if !contact_chunk(p, no, out) {
            place.push(p);
        }
    }
    if !place.is_empty() {
        let joined = place.join(", ");
        if vocab::looks_like_location(&joined) || place.len() <= 2 {
            place_location(&joined, no, out);
        } else {
            out.unmapped(&joined, no);
        }
    }
}

/// Adds a line to `basics.summary`, continuing the paragraph of the line before.
fn summary_line(line: &Line, prev: &mut Option<usize>, at: usize, out: &mut Out) {
    if prev.is_some_and(|p| p + 1 == at) {
        out.summary_continue(&line.text, line.no);
    } else {
        out.basic("summary", &line.text, line.no);
    }
    *prev = Some(at);
}

/// Splits a `Key: value` line (also `**Key** value` and `LinkedIn - url`).
fn key_value(line: &Line) -> Option<(&str, &str, Key)> {
    let lead = line.text.len() - line.text.trim_start().len();
    let t = line.text.trim();
    // `Name        Anna Schmidt`: a label in a column of its own.
    let gap = line
        .gap
        .and_then(|g| g.checked_sub(lead))
        .filter(|&g| g <= t.len() && t[g..].starts_with(" | "));
    let colon = t
        .find(':')
        .filter(|p| gap.is_none_or(|g| *p < g))
        .filter(|p| !t[..*p].contains("http") && t[..*p].split_whitespace().count() <= 4);
    let split = colon
        .map(|p| (p, 1))
        .or_else(|| gap.map(|g| (g, 3)))
        .or_else(|| t.find(" - ").map(|p| (p, 3)))
        .or_else(|| t.find(" – ").map(|p| (p, " – ".len())));
    // `Skype stefan.krueger`: a network and a handle.
    if split.is_none()
        && let Some((first, handle)) = t.split_once(' ')
        && !handle.contains(' ')
        && let Some((network, prefix)) = vocab::network_of_label(first)
    {
        return Some((first, handle, Key::Network(network, prefix)));
    }
    let (pos, len) = split?;
    let from_gap = gap == Some(pos);
    let key = t[..pos].trim();
    if key.is_empty() || key.split_whitespace().count() > 4 {
        return None;
    }
    let kind = key_kind(key)?;
    if len > 1 && !from_gap && !matches!(kind, Key::Network(..)) {
        return None;
    }
    Some((key, t[pos + len..].trim(), kind))
}

/// Places the value of a `Key: value` line.
fn field(kind: Key, value: &str, line: &Line, out: &mut Out) {
    let no = line.no;
    let link_url = line.links.iter().find(|l| !l.image).map(|l| l.url.clone());
    match kind {
        Key::Name => {
            if !out.basic("name", value, no) {
                out.unmapped(value, no);
            }
        }
        Key::Label => {
            if !out.basic("label", value, no) {
                out.unmapped(value, no);
            }
        }
        Key::Email => {
            let v = value.trim_start_matches("mailto:");
            if is_email(v) {
                if !out.basic("email", v, no) {
                    out.unmapped(value, no);
                }
            } else {
                out.unmapped(value, no);
            }
        }
        Key::Phone => {
            if !out.basic("phone", value, no) {
                out.unmapped(value, no);
            }
        }
        Key::Url => {
            let target = link_url.unwrap_or_else(|| value.to_owned());
            if !place_url(&target, value, no, out) {
                out.unmapped(value, no);
            }
        }
        Key::Location => place_location(value, no, out),
        Key::Summary => {
            out.basic("summary", value, no);
        }
        Key::Network(network, prefix) => {
            let target = link_url.unwrap_or_else(|| value.trim_matches(['(', ')']).to_owned());
            if looks_like_url(&target) {
                place_url(&target, value, no, out);
            } else {
                let user = target.trim().trim_start_matches('@');
                let handle = !user.is_empty()
                    && user
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
                let url = (!prefix.is_empty() && handle)
                    .then(|| clean_url(&format!("{prefix}{user}")))
                    .flatten();
                out.profile(network, user, url.as_deref(), no);
            }
        }
        Key::Section(_) | Key::Personal => out.unmapped(value, no),
    }
}

/// The text with the first whole-word occurrence of `word` blanked out (not the
/// `tanaka.dev` inside `aiko@tanaka.dev`).
fn replace_word(text: &str, word: &str) -> String {
    let glued = |c: char| c.is_alphanumeric() || matches!(c, '@' | '.' | '/' | '_' | '-');
    let mut from = 0;
    while let Some(p) = text[from..].find(word).map(|p| p + from) {
        let end = p + word.len();
        let before_ok = !text[..p].ends_with(glued);
        let after_ok = !text[end..].starts_with(|c: char| c.is_alphanumeric() || c == '@');
        if before_ok && after_ok {
            return format!("{} {}", &text[..p], &text[end..]);
        }
        from = end;
    }
    text.to_owned()
}

/// Whether a link's text says nothing the URL does not (a network name, the URL itself).
fn consumable_link_text(text: &str, url: &str) -> bool {
    let t = fold(text.trim());
    let u = fold(url);
    vocab::network_of_label(&t).is_some()
        || u.contains(
            t.trim_start_matches("https://")
                .trim_start_matches("http://")
                .trim_end_matches('/'),
        )
        || t.contains('@')
        || t.chars().filter(char::is_ascii_digit).count() >= 7
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(
            person_name("Tobi DEGNON's CV").as_deref(),
            Some("Tobi DEGNON")
        );
        assert_eq!(
            person_name("Stephen Brown II - Resume (LLM Eval Format)").as_deref(),
            Some("Stephen Brown II")
        );
        assert_eq!(person_name("和树香的简历").as_deref(), Some("和树香"));
        assert_eq!(person_name("Resume"), None);
        assert_eq!(person_name("Data/Machine Learning Engineer"), None);
    }

    #[test]
    fn urls_and_contacts() {
        assert_eq!(
            clean_url("github.com/0xadada").as_deref(),
            Some("https://github.com/0xadada")
        );
        assert_eq!(
            clean_url("linkedin.com/in/aimé").as_deref(),
            Some("https://linkedin.com/in/aim%C3%A9")
        );
        // Found by fuzzing: Markdown link syntax run into a URL is no `uri` with brackets.
        assert_eq!(
            clean_url("https://In](https://www.linkedin.com/in/x").as_deref(),
            Some("https://In%5D(https://www.linkedin.com/in/x")
        );
        // A scheme starts with a letter (`0ttps://…` is no URL).
        assert_eq!(clean_url("0ttps://github.com/x"), None);
        assert_eq!(
            username("https://www.linkedin.com/in/walter-mazur-02803453/"),
            "walter-mazur-02803453"
        );
        assert_eq!(username("https://github.com/mazurbeam/"), "mazurbeam");
        assert!(is_email("ron@0xadada.pub"));
        assert!(!is_email("@0xADADA"));
        // Found by fuzzing: the schema's `email` format refuses these.
        assert!(!is_email("a.@example.org"));
        assert!(!is_email(".a@example.org"));
        assert!(!is_email("a..b@example.org"));
        assert!(!is_email("a@example.-om"));
        assert!(is_email("a@my-site.example.org"));
        assert!(looks_like_url("jeprogram.me"));
        assert!(!looks_like_url("Node.js"));
        assert_eq!(
            phone("(+212) 644397973").as_deref(),
            Some("(+212) 644397973")
        );
        assert_eq!(phone("2018 - 2020"), None);
    }
}
