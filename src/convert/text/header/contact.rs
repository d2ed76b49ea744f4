//! Contact details in a header: chunks of a line, e-mail addresses, phone numbers,
//! URLs and the profiles behind them.

use super::*;

/// Chunks of a header line: cut at ` | `, ` · `, ` • `, `●`, and at spaces between
/// things that are obviously contact details.
pub(super) fn split_chunks(text: &str) -> Vec<String> {
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
pub(super) fn personal_chunk(c: &str) -> bool {
    let words: Vec<&str> = c.split_whitespace().collect();
    (1..=3.min(words.len().saturating_sub(1)))
        .any(|n| key_kind(&words[..n].join(" ")) == Some(Key::Personal) && words.len() - n <= 2)
}

/// Places a chunk that is a contact detail; `false` when it is none.
pub(super) fn contact_chunk(c: &str, no: usize, out: &mut Out) -> bool {
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
        && crate::convert::text::dates::find(t).is_none_or(|d| d.to.is_none() && t.len() > 12))
    .then(|| t.to_owned())
}

/// Whether the text is an e-mail address the schema's `email` format accepts.
pub(crate) fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    // A dot-atom: no dot at either end of the local part, none doubled.
    !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
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
        && domain
            .split('.')
            .all(|label| !label.starts_with('-') && !label.ends_with('-'))
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
/// characters (brackets included) percent-encoded. `None` when it cannot be one.
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
    if !scheme.starts_with(|c: char| c.is_ascii_alphabetic())
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
        // `[` and `]` are left out: a URI has them only around an IPv6 host, and in a CV
        // they are Markdown link syntax run into the URL (`[a](https://x](…`).
        if b.is_ascii_alphanumeric() || "-._~:/?#@!$&'()*+,;=".contains(c) || hex_follows {
            out.push(c);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Some(out)
}

/// Places a URL found in the header: a profile, a website, an e-mail or a phone number.
pub(super) fn place_url(url: &str, text: &str, no: usize, out: &mut Out) -> bool {
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
