//! Stage 4a: the header of a CV (and any `Contact` section): name, label, e-mail,
//! phone, website, location, profiles, and a summary written right under the name.

use super::lists;
use super::normalize::Line;
use super::output::Out;
use super::vocab::{self, SectionKind};
use crate::locale::fold;

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

/// Chunks of a header line: cut at ` | `, ` · `, ` • `, `●`, and at spaces between
/// things that are obviously contact details.
fn split_chunks(text: &str) -> Vec<String> {
    let mut chunks = Vec::new();
    for part in text.split(['|', '·', '•', '●', '⋅', '◦']) {
        // Separate e-mails, URLs and handles glued to other words by spaces.
        let mut cur = String::new();
        for word in part.split_whitespace() {
            let w = word.trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')'));
            let special = is_email(w.trim_start_matches("mailto:"))
                || looks_like_url(w)
                || (w.starts_with('@') && w.len() > 2);
            if special {
                if !cur.trim().is_empty() {
                    chunks.push(std::mem::take(&mut cur));
                }
                chunks.push(w.to_owned());
            } else {
                cur.push_str(word);
                cur.push(' ');
            }
        }
        if !cur.trim().is_empty() {
            chunks.push(cur);
        }
    }
    chunks
}

/// The text without the separators and symbols (emoji, icons) around it.
pub(crate) fn trim_symbols(text: &str) -> &str {
    text.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(c, ',' | ';' | '·' | '•' | '|' | '–' | '—')
            || !(c.is_alphanumeric() || c.is_ascii_punctuation() || c == '’')
    })
}

/// Whether a chunk starts with a label of personal data and says nothing else:
/// `Date of birth 03/11/1987`, `Sex Male`, `Nationality German`.
fn personal_chunk(c: &str) -> bool {
    let words: Vec<&str> = c.split_whitespace().collect();
    (1..=3.min(words.len().saturating_sub(1)))
        .any(|n| key_kind(&words[..n].join(" ")) == Some(Key::Personal) && words.len() - n <= 2)
}

/// Places a chunk that is a contact detail; `false` when it is none.
fn contact_chunk(c: &str, no: usize, out: &mut Out) -> bool {
    let bare = c.trim_start_matches("mailto:");
    if is_email(bare) {
        if !out.basic("email", bare, no) {
            out.unmapped(bare, no);
        }
        return true;
    }
    if looks_like_url(c) {
        return place_url(c, c, no, out);
    }
    if let Some(handle) = c.strip_prefix('@')
        && !handle.is_empty()
        && handle
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
    {
        out.profile(
            "Twitter",
            handle,
            Some(&format!("https://twitter.com/{handle}")),
            no,
        );
        return true;
    }
    if let Some(phone) = phone(c)
        && phone.len() + 2 >= c.len()
    {
        if !out.basic("phone", &phone, no) {
            out.unmapped(&phone, no);
        }
        return true;
    }
    // `ORCID: 0000-0002-1825-0097`, `GitHub: octocat` among other details.
    if let Some((label, handle)) = c.split_once(':')
        && let Some((network, prefix)) = vocab::network_of_label(label)
    {
        let handle = handle.trim().trim_start_matches('@');
        if looks_like_url(handle) {
            return place_url(handle, handle, no, out);
        }
        if !handle.is_empty() && !handle.contains(' ') {
            let url = (!prefix.is_empty())
                .then(|| clean_url(&format!("{prefix}{handle}")))
                .flatten();
            out.profile(network, handle, url.as_deref(), no);
            out.label(label, no);
            return true;
        }
    }
    // `Bergstraße 8, 69117 Heidelberg (Germany)`: a whole address.
    if c.contains(',')
        && !out.location.contains_key("city")
        && c.replace(['(', ')'], ",").split(',').any(|p| {
            let p = p.trim();
            vocab::is_street(p) || vocab::postal_city(p).is_some()
        })
    {
        place_location(c, no, out);
        return true;
    }
    // `Hauptstraße 12`, `80331 München`: a street address, a postal code and city.
    if vocab::is_street(c) && !out.location.contains_key("address") {
        out.location("address", c, no);
        return true;
    }
    if let Some((code, city)) = vocab::postal_city(c)
        && !out.location.contains_key("city")
    {
        out.location("postalCode", code, no);
        out.location("city", city, no);
        return true;
    }
    // `somerville MA 02143`: city, region, postal code.
    let words: Vec<&str> = c.split_whitespace().collect();
    if let [city @ .., region, postal] = words.as_slice()
        && !city.is_empty()
        && vocab::is_region_code(region)
        && postal.len() >= 4
        && postal.chars().all(|ch| ch.is_ascii_digit())
    {
        out.location("city", &city.join(" "), no);
        out.location("region", region, no);
        out.location("postalCode", postal, no);
        return true;
    }
    false
}

/// A phone number in `text`: seven or more digits with `+()-./` and spaces.
pub(crate) fn phone(text: &str) -> Option<String> {
    let t = text.trim().trim_start_matches("tel:");
    let ok = t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | '(' | ')' | '-' | '.' | '/' | ' '));
    let digits = t.chars().filter(char::is_ascii_digit).count();
    (ok && (7..=16).contains(&digits)
        && super::dates::find(t).is_none_or(|d| d.to.is_none() && t.len() > 12))
    .then(|| t.to_owned())
}

/// Whether the text is an e-mail address the schema's `email` format accepts.
pub(crate) fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.len() <= 64
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-'".contains(c))
        && domain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
}

/// Whether the word is a URL or a bare domain with a path (`github.com/x`, `site.dev`).
pub(crate) fn looks_like_url(word: &str) -> bool {
    let w = word.trim();
    if w.contains(' ') || w.contains('@') && !w.contains('/') {
        return false;
    }
    if w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.") {
        return true;
    }
    let host = w.split('/').next().unwrap_or("");
    let Some((_, tld)) = host.rsplit_once('.') else {
        return false;
    };
    const TLDS: &[&str] = &[
        "com", "org", "net", "io", "dev", "me", "de", "nl", "fr", "es", "pt", "uk", "co", "ai",
        "app", "info", "eu", "ch", "at", "be", "tech", "xyz", "page", "site", "ee", "ru", "ca",
        "us", "in", "jp", "cn", "fun", "pub", "email", "ly", "sh", "so", "to", "cc", "it", "se",
        "no", "dk", "fi", "pl", "cz", "blog", "online", "works", "codes",
    ];
    host.split('.')
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && TLDS.contains(&tld.to_ascii_lowercase().as_str())
}

/// A URL the schema's `uri` format accepts: a scheme, and non-ASCII or unsafe
/// characters percent-encoded. `None` when it cannot be one.
pub(crate) fn clean_url(url: &str) -> Option<String> {
    let u = url.trim().trim_end_matches([')', ',', '.', ';']);
    if u.is_empty() || u.contains(' ') {
        return None;
    }
    let with_scheme = if u.contains("://") || u.starts_with("mailto:") || u.starts_with("tel:") {
        u.to_owned()
    } else {
        format!("https://{u}")
    };
    let (scheme, rest) = with_scheme.split_once(':')?;
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    {
        return None;
    }
    let mut out = String::with_capacity(with_scheme.len());
    out.push_str(scheme);
    out.push(':');
    let bytes = rest.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let c = b as char;
        let hex_follows = b == b'%'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
        if b.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=".contains(c) || hex_follows {
            out.push(c);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Some(out)
}

/// Places a URL found in the header: a profile, a website, an e-mail or a phone number.
fn place_url(url: &str, text: &str, no: usize, out: &mut Out) -> bool {
    let u = url.trim();
    if let Some(mail) = u.strip_prefix("mailto:") {
        let mail = mail.split('?').next().unwrap_or(mail);
        if is_email(mail) {
            if !out.basic("email", mail, no)
                && out.basics.get("email").and_then(|v| v.as_str()) != Some(mail)
            {
                out.unmapped(mail, no);
            }
            return true;
        }
        return false;
    }
    if let Some(tel) = u.strip_prefix("tel:") {
        let shown = if phone(text).is_some() { text } else { tel };
        out.basic("phone", shown, no);
        return true;
    }
    if !looks_like_url(u) && !u.contains("://") {
        return false;
    }
    let Some(clean) = clean_url(u) else {
        return false;
    };
    let host = clean
        .split("://")
        .nth(1)
        .unwrap_or("")
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    if let Some(network) = vocab::network_of_host(host) {
        let user = username(&clean);
        out.profile(network, &user, Some(&clean), no);
        return true;
    }
    if !out.basic("url", &clean, no)
        && out.basics.get("url").and_then(|v| v.as_str()) != Some(clean.as_str())
    {
        let name = host.trim_start_matches("www.");
        out.profile(name, "", Some(&clean), no);
    }
    true
}

/// The user name in a profile URL: the last meaningful path segment.
pub(crate) fn username(url: &str) -> String {
    let path = url.split("://").nth(1).unwrap_or(url);
    let segs: Vec<&str> = path
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .split('/')
        .skip(1)
        .filter(|s| {
            !s.is_empty() && !matches!(*s, "in" | "users" | "u" | "profile" | "pub" | "user")
        })
        .collect();
    let seg = if path.contains("stackoverflow.com/users/") {
        segs.last().copied()
    } else {
        segs.first().copied()
    };
    seg.unwrap_or("").trim_start_matches('@').to_owned()
}

/// `Living in Amsterdam`, `based in Berlin`, `wohnhaft in Köln`: the text before and the place.
fn living_in(text: &str) -> Option<(String, String)> {
    let folded = fold(text);
    for phrase in [
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
    ] {
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
        assert_eq!(
            username("https://www.linkedin.com/in/walter-mazur-02803453/"),
            "walter-mazur-02803453"
        );
        assert_eq!(username("https://github.com/mazurbeam/"), "mazurbeam");
        assert!(is_email("ron@0xadada.pub"));
        assert!(!is_email("@0xADADA"));
        assert!(looks_like_url("jeprogram.me"));
        assert!(!looks_like_url("Node.js"));
        assert_eq!(
            phone("(+212) 644397973").as_deref(),
            Some("(+212) 644397973")
        );
        assert_eq!(phone("2018 - 2020"), None);
    }
}
