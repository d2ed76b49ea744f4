//! Places: countries, cities, US states, street addresses, postal codes, flags.

use super::*;

/// Countries: (folded name in en/de/nl/fr/es/pt, ISO 3166-1 alpha-2 code).
#[rustfmt::skip]
pub(super) const COUNTRIES: &[(&str, &str)] = &[
    ("germany", "DE"), ("deutschland", "DE"), ("duitsland", "DE"), ("allemagne", "DE"),
    ("alemania", "DE"), ("alemanha", "DE"), ("netherlands", "NL"), ("the netherlands", "NL"),
    ("nederland", "NL"), ("niederlande", "NL"), ("pays-bas", "NL"), ("holland", "NL"),
    ("austria", "AT"), ("osterreich", "AT"), ("switzerland", "CH"), ("schweiz", "CH"),
    ("suisse", "CH"), ("france", "FR"), ("frankreich", "FR"), ("frankrijk", "FR"),
    ("francia", "FR"), ("spain", "ES"), ("spanien", "ES"), ("espana", "ES"), ("spanje", "ES"),
    ("espagne", "ES"), ("portugal", "PT"), ("italy", "IT"), ("italien", "IT"), ("italia", "IT"),
    ("belgium", "BE"), ("belgien", "BE"), ("belgie", "BE"), ("belgique", "BE"),
    ("united kingdom", "GB"), ("uk", "GB"), ("england", "GB"), ("scotland", "GB"),
    ("ireland", "IE"), ("united states", "US"), ("usa", "US"), ("us", "US"),
    ("united states of america", "US"), ("canada", "CA"), ("mexico", "MX"), ("brazil", "BR"),
    ("brasil", "BR"), ("argentina", "AR"), ("chile", "CL"), ("colombia", "CO"), ("peru", "PE"),
    ("poland", "PL"), ("polen", "PL"), ("czech republic", "CZ"), ("czechia", "CZ"),
    ("sweden", "SE"), ("schweden", "SE"), ("norway", "NO"), ("denmark", "DK"),
    ("danemark", "DK"), ("finland", "FI"), ("finnland", "FI"), ("estonia", "EE"),
    ("russia", "RU"), ("russland", "RU"), ("ukraine", "UA"), ("turkey", "TR"), ("turkei", "TR"),
    ("greece", "GR"), ("romania", "RO"), ("hungary", "HU"), ("israel", "IL"), ("iran", "IR"),
    ("india", "IN"), ("indien", "IN"), ("china", "CN"), ("japan", "JP"), ("korea", "KR"),
    ("south korea", "KR"), ("singapore", "SG"), ("australia", "AU"), ("new zealand", "NZ"),
    ("egypt", "EG"), ("morocco", "MA"), ("nigeria", "NG"), ("kenya", "KE"),
    ("south africa", "ZA"), ("benin", "BJ"), ("luxembourg", "LU"), ("luxemburg", "LU"),
    ("pakistan", "PK"), ("bangladesh", "BD"), ("vietnam", "VN"), ("indonesia", "ID"),
    ("philippines", "PH"), ("thailand", "TH"), ("malaysia", "MY"), ("taiwan", "TW"),
    ("uae", "AE"), ("united arab emirates", "AE"), ("saudi arabia", "SA"), ("serbia", "RS"),
    ("croatia", "HR"), ("slovenia", "SI"), ("slovakia", "SK"), ("bulgaria", "BG"),
    ("lithuania", "LT"), ("latvia", "LV"), ("iceland", "IS"),
];

/// The ISO code of a country name (`Deutschland` → `DE`).
pub(crate) fn country_code(name: &str) -> Option<&'static str> {
    let name = name.trim().trim_end_matches('.');
    // Folding keeps ASCII text's length: a long one is no country, unfolded.
    let looked_up = name.trim().trim_end_matches('.');
    if looked_up.is_ascii() && looked_up.len() > LONGEST_COUNTRY {
        return None;
    }
    with_folded(name, country_code_folded)
}

/// [`country_code`] of a name already folded (folding keeps spaces and dots, so
/// trimming after it is trimming before it).
pub(crate) fn country_code_folded(folded: &str) -> Option<&'static str> {
    let f = folded.trim().trim_end_matches('.');
    // Most texts asked about are longer than any country's name: no need to hash them.
    if f.len() > LONGEST_COUNTRY {
        return None;
    }
    index().countries.get(f).copied()
}

/// The byte length of the longest name in [`COUNTRIES`] (`united states of america`).
pub(super) const LONGEST_COUNTRY: usize = 24;

/// Cities often found on CVs, folded, for telling a location from an organisation.
#[rustfmt::skip]
pub(super) const CITIES: &[&str] = &[
    "amsterdam", "rotterdam", "utrecht", "eindhoven", "den haag", "the hague", "delft",
    "groningen", "leiden", "berlin", "munich", "munchen", "hamburg", "frankfurt",
    "frankfurt am main", "koln", "cologne", "stuttgart", "dusseldorf", "leipzig", "dresden",
    "hannover", "nurnberg", "nuremberg", "bremen", "bonn", "karlsruhe", "heidelberg",
    "mannheim", "aachen", "darmstadt", "freiburg", "augsburg", "potsdam", "wien", "vienna",
    "zurich", "basel", "bern", "geneva", "geneve", "paris", "lyon", "marseille", "toulouse",
    "lille", "nantes", "bordeaux", "brussels", "bruxelles", "brussel", "antwerp", "antwerpen",
    "ghent", "gent", "london", "manchester", "edinburgh", "dublin", "madrid", "barcelona",
    "valencia", "sevilla", "lisbon", "lisboa", "porto", "rome", "roma", "milan", "milano",
    "copenhagen", "stockholm", "oslo", "helsinki", "warsaw", "prague", "budapest", "new york",
    "san francisco", "seattle", "boston", "chicago", "austin", "los angeles", "toronto",
    "vancouver", "montreal", "remote", "moscow", "saint-petersburg", "tehran", "bengaluru",
    "bangalore", "mumbai", "delhi", "tokyo", "beijing", "shanghai", "singapore", "sydney",
    "melbourne", "cambridge", "somerville", "oxford", "luxembourg", "cotonou", "alexandria",
    "cairo", "madurai", "chennai", "hyderabad", "pune", "karaj", "shiraz",
];

/// The byte length of the longest name in [`CITIES`] (`frankfurt am main`).
pub(super) const LONGEST_CITY: usize = 17;

/// Whether `text` reads like a place: `Berlin`, `Boston MA`, `Helsinki, Finland`,
/// `Remote`, `Bengaluru, IN`.
pub(crate) fn looks_like_location(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '.'));
    if t.is_empty() || t.len() > 60 {
        return false;
    }
    with_folded(t, |f| location_folded(text, t, f))
}

/// [`looks_like_location`] of `text`, trimmed to `t`, given the fold `f` of `t`.
fn location_folded(text: &str, t: &str, f: &str) -> bool {
    // (No city's name is longer than `LONGEST_CITY`: a longer text is not hashed.)
    if f.len() <= LONGEST_CITY && index().cities.contains(f) || country_code_folded(f).is_some() {
        return true;
    }
    // `London (hybrid)`, `Walldorf (Germany)`: a place with a remark that is one too.
    if let Some((core, remark)) = text
        .trim()
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once(" ("))
    {
        return looks_like_location(core) && looks_like_location(remark);
    }
    if f.starts_with("remote") || f == "hybrid" || f == "telearbeit" || f == "teletravail" {
        return true;
    }
    // Folding keeps commas and spaces where they are: the folded parts are the folded
    // original parts, so nothing is folded twice.
    if t.contains(',') {
        let last = t.rsplit(',').next().unwrap_or("").trim();
        let country = |folded_part: &str| {
            country_code_folded(folded_part.trim().trim_end_matches('.')).is_some()
        };
        let folded_last = f.rsplit(',').next().unwrap_or("");
        let folded_first = f.split(',').next().unwrap_or("").trim();
        return country(folded_last)
            || is_region_code(last)
            || index().cities.contains(folded_first)
            || f.split(',').any(country);
    }
    // `Boston MA`, `Cambridge MA` (not `Consultant SAP FI`).
    if let Some((city, region)) = t.rsplit_once(' ')
        && region.len() == 2
        && US_STATES.contains(&region)
        && city.chars().next().is_some_and(char::is_uppercase)
        && city
            .split_whitespace()
            .all(|w| w.chars().any(char::is_lowercase))
    {
        return true;
    }
    false
}

/// A flag emoji in `text` (`🇯🇵`): the country code, and the text without the flag.
pub(crate) fn flag(text: &str) -> Option<(&'static str, String)> {
    let regional = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
    let start = text.find(regional)?;
    let mut chars = text[start..].chars();
    let (a, b) = (chars.next()?, chars.next()?);
    if !regional(b) {
        return None;
    }
    let letter = |c: char| char::from(b'A' + (u32::from(c) - 0x1F1E6) as u8);
    let code: String = [letter(a), letter(b)].iter().collect();
    let code = index().codes.get(code.as_str()).copied()?;
    let end = start + a.len_utf8() + b.len_utf8();
    Some((code, format!("{}{}", &text[..start], &text[end..])))
}

/// Street words of addresses, folded: a word ending with one of these, then a number.
pub(super) const STREET_ENDINGS: &[&str] = &[
    "strasse", "straße", "str.", "weg", "allee", "platz", "ring", "gasse", "damm", "ufer",
    "chaussee", "steig", "pfad", "markt", "graben", "straat", "laan", "plein", "gracht", "kade",
    "singel",
];

/// Street words of English addresses: `12 Baker Street`, `1234 Main St`.
pub(super) const STREET_WORDS: &[&str] = &[
    "street",
    "st",
    "st.",
    "road",
    "rd",
    "rd.",
    "avenue",
    "ave",
    "ave.",
    "lane",
    "drive",
    "dr.",
    "boulevard",
    "blvd",
    "way",
    "court",
    "place",
    "square",
    "rue",
    "avenida",
    "calle",
    "rua",
    "via",
];

/// Whether `text` is a street and house number: `Hauptstraße 12`, `Hansaring 44`,
/// `Keizersgracht 123`, `12 Baker Street`, `Via Roma 10`.
pub(crate) fn is_street(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 2 || words.len() > 6 {
        return false;
    }
    let number = |w: &str| {
        let w = w.trim_end_matches(',');
        w.starts_with(|c: char| c.is_ascii_digit())
            && w.len() <= 6
            && w.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/'))
            && w.chars().filter(char::is_ascii_digit).count() <= 4
    };
    let last = words[words.len() - 1];
    let first = words[0];
    if number(last) {
        let before = fold(words[words.len() - 2]);
        let street_word = STREET_WORDS.contains(&before.as_str())
            || words[..words.len() - 1].iter().any(|w| {
                matches!(
                    fold(w).as_str(),
                    "via" | "rue" | "calle" | "rua" | "avenida"
                )
            });
        return words[words.len() - 2].starts_with(char::is_uppercase)
            && (STREET_ENDINGS.iter().any(|e| before.ends_with(e)) || street_word);
    }
    number(first)
        && words[1..]
            .iter()
            .any(|w| STREET_WORDS.contains(&fold(w.trim_end_matches(',')).as_str()))
        && words[1].starts_with(char::is_uppercase)
}

/// `80331 München`, `1012 AB Amsterdam`, `75001 Paris`: the postal code and the city.
pub(crate) fn postal_city(text: &str) -> Option<(&str, &str)> {
    let t = text.trim();
    let (code_end, rest) = {
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        if !(4..=5).contains(&digits) || !t[digits..].starts_with(' ') {
            return None;
        }
        let rest = t[digits..].trim_start();
        // The Dutch `1012 AB`.
        let letters = rest.split_whitespace().next().unwrap_or("");
        if letters.len() == 2
            && letters.chars().all(|c| c.is_ascii_uppercase())
            && rest.split_whitespace().count() >= 2
        {
            let end = t.len() - rest.len() + 2;
            (end, rest[2..].trim_start())
        } else {
            (digits, rest)
        }
    };
    let words = rest.split_whitespace().count();
    ((1..=4).contains(&words)
        && rest.starts_with(char::is_uppercase)
        && !rest.chars().any(|c| c.is_ascii_digit() || c == '@'))
    .then(|| (&t[..code_end], rest))
}

/// A two-letter upper-case code of a US state or a country (`MA`, `IN`, `BJ`), not a
/// company suffix such as `AG`.
pub(crate) fn is_region_code(text: &str) -> bool {
    text.len() == 2 && text.chars().all(|c| c.is_ascii_uppercase()) && index().codes.contains(text)
}

/// US state codes, to tell `Boston, MA` (a region) from `Cotonou, BJ` (a country).
#[rustfmt::skip]
pub(crate) const US_STATES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
    "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
    "VA", "WA", "WV", "WI", "WY", "DC",
];

/// Whether the folded word is one of the words that stand for the whole CV in a title
/// line: `CV`, `Resume`, `Lebenslauf`, `Curriculum Vitae`.
pub(crate) fn is_cv_word(word: &str) -> bool {
    matches!(
        fold(word).as_str(),
        "cv" | "resume"
            | "europass"
            | "curriculum"
            | "vitae"
            | "lebenslauf"
            | "levensloop"
            | "curriculo"
            | "resumen"
            | "简历"
    )
}
