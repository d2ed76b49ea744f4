//! Month names and the word for "present" in the languages vitae reads and writes.
//!
//! One table serves both directions: the loose date reader ([`crate::model::parse_loose`])
//! recognises these words in any of the languages, and themes print dates with them.

/// Words of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locale {
    /// ISO 639-1 code, e.g. `de`.
    pub code: &'static str,
    /// Month names, January first.
    pub months: [&'static str; 12],
    /// Abbreviated month names, January first.
    pub months_short: [&'static str; 12],
    /// The end of an ongoing date range, e.g. "Present" or "heute".
    pub present: &'static str,
}

/// Every language with month names, English first (the fallback).
pub const LOCALES: &[Locale] = &[
    Locale {
        code: "en",
        months: [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        months_short: [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ],
        present: "Present",
    },
    Locale {
        code: "de",
        months: [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ],
        months_short: [
            "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.",
            "Dez.",
        ],
        present: "heute",
    },
    Locale {
        code: "nl",
        months: [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
        months_short: [
            "jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.",
            "dec.",
        ],
        present: "heden",
    },
    Locale {
        code: "fr",
        months: [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
        months_short: [
            "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
            "nov.", "déc.",
        ],
        present: "aujourd’hui",
    },
    Locale {
        code: "es",
        months: [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
        months_short: [
            "ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.",
            "nov.", "dic.",
        ],
        present: "actualidad",
    },
    Locale {
        code: "pt",
        months: [
            "janeiro",
            "fevereiro",
            "março",
            "abril",
            "maio",
            "junho",
            "julho",
            "agosto",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
        ],
        months_short: [
            "jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.",
            "dez.",
        ],
        present: "atual",
    },
    Locale {
        code: "it",
        months: [
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
        ],
        months_short: [
            "gen.", "feb.", "mar.", "apr.", "mag.", "giu.", "lug.", "ago.", "set.", "ott.", "nov.",
            "dic.",
        ],
        present: "oggi",
    },
];

/// Words and phrases (lower case, without diacritics) that mean "still ongoing" in an
/// end date, in the languages above.
pub const PRESENT_WORDS: &[&str] = &[
    // en
    "present",
    "current",
    "currently",
    "now",
    "today",
    "ongoing",
    "to date",
    "till date",
    "till now",
    "until now",
    "to present",
    "present day",
    "to now",
    "still",
    // de
    "heute",
    "bis heute",
    "aktuell",
    "jetzt",
    "derzeit",
    "gegenwart",
    "laufend",
    "dato",
    "bis dato",
    // nl
    "heden",
    "nu",
    "huidig",
    "momenteel",
    "tot heden",
    "tot nu",
    "lopend",
    // fr
    "aujourd'hui",
    "aujourd’hui",
    "present",
    "actuel",
    "actuellement",
    "en cours",
    "maintenant",
    "ce jour",
    // es
    "actualidad",
    "presente",
    "actual",
    "actualmente",
    "hoy",
    "la fecha",
    "en curso",
    // pt
    "atual",
    "atualmente",
    "hoje",
    "o momento",
    "em curso",
    // it
    "oggi",
    "attuale",
    "in corso",
];

/// The locale for a language tag such as `de`, `de-AT` or `pt_BR`, if vitae has it.
#[must_use]
pub fn find(tag: &str) -> Option<&'static Locale> {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or(tag)
        .trim()
        .to_ascii_lowercase();
    LOCALES.iter().find(|l| l.code == primary)
}

/// The locale for `tag`, or English.
#[must_use]
pub fn find_or_english(tag: &str) -> &'static Locale {
    find(tag).unwrap_or(&LOCALES[0])
}

/// Lower-cases `word` and folds the Latin diacritics used in these languages
/// (`März` → `marz`, `février` → `fevrier`), for matching.
#[must_use]
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    // One allocation of about the right size; the ASCII letters of a mixed word (most
    // of it) skip the Unicode tables.
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        out.extend(c.to_lowercase().map(unaccent));
    }
    out
}

/// A lower-case letter without its diacritic (`ä` → `a`), and the typographic
/// apostrophe as `'`: the second half of [`fold`].
fn unaccent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        '’' => '\'',
        other => other,
    }
}

/// Whether `fold(word) == folded`, without allocating for ASCII words. `folded` is
/// lower case ASCII.
#[must_use]
pub(crate) fn folds_to(word: &str, folded: &str) -> bool {
    if word.is_ascii() {
        word.eq_ignore_ascii_case(folded)
    } else {
        fold(word) == folded
    }
}

/// The month (1-12) a word names in any language: a full name, a usual abbreviation,
/// or a prefix of at least three letters that names one month only (`Sept`, `Dez.`,
/// `Mrz`, `juil`). `None` for anything else.
#[must_use]
pub fn month_from_word(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.');
    // ASCII words (nearly all) are lower-cased on the stack: this runs for many words.
    let mut buf = [0u8; 16];
    let folded;
    let w = if word.is_ascii() {
        // Longer than every month name: no name starts with it.
        if word.len() > buf.len() {
            return None;
        }
        let buf = &mut buf[..word.len()];
        buf.copy_from_slice(word.as_bytes());
        buf.make_ascii_lowercase();
        std::str::from_utf8(buf).ok()?
    } else {
        folded = fold(word);
        folded.as_str()
    };
    if w.len() < 3 || !w.chars().all(char::is_alphabetic) {
        return None;
    }
    if let Some(m) = EXTRA_ABBREVIATIONS
        .iter()
        .find(|(a, _)| *a == w)
        .map(|(_, m)| *m)
    {
        return Some(m);
    }
    // The names starting with `w` stand together in the sorted list.
    let names = folded_month_names();
    let first = names.partition_point(|(name, _)| name.as_str() < w);
    let mut found = None;
    for (_, month) in names[first..]
        .iter()
        .take_while(|(name, _)| name.starts_with(w))
    {
        match found {
            None => found = Some(*month),
            Some(m) if m == *month => {}
            Some(_) => return None,
        }
    }
    found
}

/// Every locale's month names, folded once and sorted: `month_from_word` runs for many
/// words, and finds the names a word starts by binary search.
fn folded_month_names() -> &'static [(String, u8)] {
    static NAMES: std::sync::OnceLock<Vec<(String, u8)>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names: Vec<(String, u8)> = LOCALES
            .iter()
            .flat_map(|l| l.months.iter().enumerate())
            .map(|(i, name)| (fold(name), i as u8 + 1))
            .collect();
        names.sort();
        names
    })
}

/// Abbreviations that are not a prefix of the month's name.
const EXTRA_ABBREVIATIONS: &[(&str, u8)] = &[("mrz", 3), ("mrt", 3), ("janner", 1), ("jaenner", 1)];

/// Whether `text` (a whole end-date value) means "ongoing": `Present`, `heute`,
/// `bis heute`, `actualidad`, …
#[must_use]
pub fn is_present_word(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '.' || c == '(' || c == ')');
    if t.is_ascii() {
        // What `fold` would give, lower-cased on the stack and looked up in the sorted
        // words: this runs for most words near a year. Longer texts, and texts with a
        // digit (dates, mostly), are none of them.
        let mut buf = [0u8; 16];
        if t.len() > buf.len() || t.bytes().any(|b| b.is_ascii_digit()) {
            return false;
        }
        let buf = &mut buf[..t.len()];
        buf.copy_from_slice(t.as_bytes());
        buf.make_ascii_lowercase();
        let lower: &[u8] = buf;
        return sorted_present_words()
            .binary_search_by(|w| w.as_bytes().cmp(lower))
            .is_ok();
    }
    PRESENT_WORDS.contains(&fold(t).as_str())
}

/// [`PRESENT_WORDS`] sorted, for a binary search.
fn sorted_present_words() -> &'static [&'static str] {
    static WORDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = PRESENT_WORDS.to_vec();
        words.sort_unstable_by_key(|w| w.as_bytes());
        words
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_every_language() {
        for (word, month) in [
            ("June", 6),
            ("Jun.", 6),
            ("Sept", 9),
            ("Mars", 3),
            ("März", 3),
            ("Mrz", 3),
            ("Dezember", 12),
            ("déc.", 12),
            ("oktober", 10),
            ("mei", 5),
            ("Mai", 5),
            ("enero", 1),
            ("abril", 4),
            ("agosto", 8),
            ("setembro", 9),
            ("outubro", 10),
            ("juillet", 7),
            ("juin", 6),
            ("févr", 2),
        ] {
            assert_eq!(month_from_word(word), Some(month), "{word}");
        }
        for word in ["ju", "jui", "summer", "2019", "ma"] {
            assert_eq!(month_from_word(word), None, "{word}");
        }
    }

    #[test]
    fn present_words() {
        for w in [
            "Present",
            "now",
            "aktuell",
            "heute",
            "bis heute",
            "actualidad",
            "Aujourd’hui",
        ] {
            assert!(is_present_word(w), "{w}");
        }
        assert!(!is_present_word("2020"));
    }

    /// `fold` as first written: every char through the Unicode tables, then collected.
    fn fold_reference(word: &str) -> String {
        word.chars()
            .flat_map(char::to_lowercase)
            .map(unaccent)
            .collect()
    }

    const TRICKY: &[&str] = &[
        "",
        "März",
        "MÄRZ",
        "Février",
        "DÉCEMBRE",
        "Straße",
        "STRASSE ẞ",
        "İstanbul",
        "ISTANBUL ı",
        "ﬁnance ﬂow Æsir Œuvre",
        "東京 大学",
        "Cafe\u{301} nai\u{308}ve",
        "Aujourd’hui",
        "ΣΊΣΥΦΟΣ",
        "K (Kelvin) Å (Ångström)",
        "plain ASCII, 2019 - 2020!",
        "Ǆemal ǅ ǆ",
        "Mıxed ÀÁÂÃÄÅ çÇ ÑñÒÓÔÕÖ ÙÚÛÜ",
    ];

    #[test]
    fn fold_matches_the_char_by_char_reading() {
        for word in TRICKY {
            assert_eq!(fold(word), fold_reference(word), "{word}");
            for target in ["marz", "of", "de", "istanbul", "i\u{307}stanbul"] {
                assert_eq!(
                    folds_to(word, target),
                    fold_reference(word) == target,
                    "{word} {target}"
                );
            }
        }
        assert!(folds_to("Òf", "of") && folds_to("DÉ", "de") && folds_to("OF", "of"));
    }

    #[test]
    fn month_and_present_words_match_the_folded_reading() {
        // The slow readings: fold, then compare.
        let month_reference = |word: &str| {
            let w = fold_reference(word.trim_end_matches('.'));
            if w.len() < 3 || !w.chars().all(char::is_alphabetic) {
                return None;
            }
            if let Some((_, m)) = EXTRA_ABBREVIATIONS.iter().find(|(a, _)| *a == w) {
                return Some(*m);
            }
            let months: Vec<u8> = folded_month_names()
                .iter()
                .filter(|(name, _)| name.starts_with(&w))
                .map(|(_, m)| *m)
                .collect();
            months
                .first()
                .copied()
                .filter(|m| months.iter().all(|x| x == m))
        };
        let present_reference = |text: &str| {
            let t = fold_reference(
                text.trim()
                    .trim_matches(|c: char| c == '.' || c == '(' || c == ')'),
            );
            PRESENT_WORDS.contains(&t.as_str())
        };
        let mut words: Vec<String> = TRICKY.iter().map(|w| (*w).to_owned()).collect();
        for l in LOCALES {
            for m in l.months.iter().chain(l.months_short.iter()) {
                words.extend([
                    (*m).to_owned(),
                    m.to_uppercase(),
                    format!("{m}."),
                    m.chars().take(3).collect(),
                    m.chars().take(4).collect(),
                    format!("{m}x"),
                ]);
            }
            words.push(l.present.to_uppercase());
        }
        words.extend(PRESENT_WORDS.iter().map(|w| w.to_uppercase()));
        words.extend(
            [
                "Mrz",
                "MRT",
                "Jänner",
                "JAENNER",
                "Janner.",
                "ju",
                "Sept",
                "(Present)",
                " Now. ",
                "abcdefghijklmnopqrstuvwxyz",
                "Septembers",
                "Ma",
                "İ",
                "aujourd'hui",
                "AUJOURD’HUI",
                "Maı",
                "ﬁn",
            ]
            .map(str::to_owned),
        );
        for w in &words {
            assert_eq!(month_from_word(w), month_reference(w), "{w}");
            assert_eq!(is_present_word(w), present_reference(w), "{w}");
        }
        // The stack buffers hold every month name and present word: longer words are
        // none of them.
        assert!(folded_month_names().iter().all(|(n, _)| n.len() <= 16));
        assert!(PRESENT_WORDS.iter().all(|w| w.len() <= 16));
    }

    #[test]
    fn locale_lookup() {
        assert_eq!(find_or_english("de-AT").code, "de");
        assert_eq!(find_or_english("pt_BR").code, "pt");
        assert_eq!(find_or_english("xx").code, "en");
    }
}
