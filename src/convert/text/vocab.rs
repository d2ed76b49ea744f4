//! Word lists the importer recognises, in English, German, Dutch, French, Spanish and
//! Portuguese: section names, job titles, kinds of organisation, degrees, languages and
//! their fluency, countries, and the networks behind profile links.
//!
//! Every entry is lower case and folded with [`crate::locale::fold`] (no diacritics), so
//! callers fold the text they look up.

use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::locale::fold;

mod headings;
mod networks;
mod places;

pub(crate) use self::headings::*;
pub(crate) use self::networks::*;
pub(crate) use self::places::*;

/// FNV-1a: the vocabulary's keys are short words known at build time, so the default
/// SipHash (made to resist chosen keys) costs more than the lookups it serves.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<Fnv>>;
type HashSet<K> = StdHashSet<K, BuildHasherDefault<Fnv>>;

/// The word lists as hash sets and maps, built once: lookups happen for every line.
struct Index {
    sections: HashMap<&'static str, SectionKind>,
    titles: HashSet<&'static str>,
    orgs: HashSet<&'static str>,
    institutions: HashSet<&'static str>,
    languages: HashSet<&'static str>,
    fluency: HashSet<&'static str>,
    countries: HashMap<&'static str, &'static str>,
    codes: HashSet<&'static str>,
    cities: HashSet<&'static str>,
    degrees: HashSet<&'static str>,
    /// The degrees by their first byte, for [`degree_prefix`].
    degrees_by_first: Vec<Vec<&'static str>>,
    /// The degrees of two words (one space), for [`mentions_degree`].
    two_word_degrees: Vec<&'static str>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut sections = HashMap::default();
        for (name, kind) in SECTIONS {
            sections.entry(*name).or_insert(*kind);
        }
        Index {
            sections,
            titles: TITLE_WORDS.iter().copied().collect(),
            orgs: ORG_WORDS.iter().copied().collect(),
            institutions: INSTITUTION_WORDS.iter().copied().collect(),
            languages: LANGUAGE_NAMES.iter().copied().collect(),
            fluency: FLUENCY_WORDS.iter().copied().collect(),
            countries: COUNTRIES.iter().copied().collect(),
            codes: COUNTRIES
                .iter()
                .map(|(_, c)| *c)
                .chain(US_STATES.iter().copied())
                .collect(),
            cities: CITIES.iter().copied().collect(),
            degrees: DEGREES.iter().copied().collect(),
            degrees_by_first: {
                let mut by_first = vec![Vec::new(); 256];
                for d in DEGREES {
                    by_first[usize::from(d.as_bytes()[0])].push(*d);
                }
                by_first
            },
            two_word_degrees: DEGREES
                .iter()
                .copied()
                .filter(|d| d.matches(' ').count() == 1)
                .collect(),
        }
    })
}

/// What a section of a CV holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SectionKind {
    /// Name, contact details, links: the top of the CV.
    Contact,
    /// Prose about the person: becomes `basics.summary`.
    Summary,
    Work,
    Volunteer,
    Education,
    Projects,
    Awards,
    Certificates,
    Publications,
    Skills,
    Languages,
    Interests,
    References,
    /// A heading the importer does not know: kept in `meta.x-vitae.unmapped`.
    Other,
}

/// Words of job titles.
#[rustfmt::skip]
const TITLE_WORDS: &[&str] = &[
    "engineer", "developer", "programmer", "manager", "director", "head", "lead", "leader",
    "analyst", "consultant", "architect", "designer", "scientist", "researcher", "assistant",
    "associate", "intern", "internship", "trainee", "apprentice", "student", "specialist",
    "administrator", "admin", "officer", "coordinator", "founder", "co-founder", "cofounder",
    "owner", "partner", "president", "vp", "ceo", "cto", "cfo", "coo", "cio", "chief",
    "teacher", "professor", "lecturer", "tutor", "instructor", "mentor", "editor", "writer",
    "author", "advisor", "adviser", "technician", "operator", "accountant", "representative",
    "executive", "supervisor", "principal", "senior", "junior", "staff", "fellow", "expert",
    "strategist", "marketer", "recruiter", "sre", "devops", "qa", "tester", "freelancer",
    "contractor", "member", "volunteer", "coach", "scrum", "product", "owner", "agent",
    "entwickler", "entwicklerin", "ingenieur", "ingenieurin", "berater", "beraterin", "leiter",
    "leiterin", "projektleiter", "teamleiter", "geschaftsfuhrer", "mitarbeiter",
    "mitarbeiterin", "praktikant", "praktikantin", "werkstudent", "werkstudentin",
    "softwareentwickler", "softwareentwicklerin", "informatiker", "informatikerin",
    "wissenschaftlicher", "wissenschaftliche", "postdoc", "postdoctoral", "referent", "referentin", "sachbearbeiter", "administratorin",
    "ontwikkelaar", "medewerker", "stagiair", "adviseur", "beheerder", "docent", "directeur",
    "developpeur", "developpeuse", "ingenieure", "chef", "stagiaire", "responsable", "charge",
    "conseiller", "technicien", "enseignant", "desarrollador", "desarrolladora", "ingeniero",
    "ingeniera", "analista", "jefe", "jefa", "becario", "becaria", "gerente", "programador",
    "programadora", "profesor", "consultor", "consultora", "desenvolvedor", "desenvolvedora",
    "engenheiro", "engenheira", "estagiario", "coordenador", "gerente", "tecnico", "professeur",
    "职位",
];

/// Words of organisation names.
#[rustfmt::skip]
const ORG_WORDS: &[&str] = &[
    "inc", "inc.", "llc", "ltd", "ltd.", "limited", "corp", "corp.", "corporation", "co", "co.",
    "company", "gmbh", "ag", "kg", "se", "ug", "bv", "b.v.", "nv", "n.v.", "sa", "s.a.", "sas",
    "sarl", "sl", "s.l.", "spa", "plc", "llp", "pty", "group", "holding", "solutions",
    "technologies", "technology", "systems", "labs", "lab", "studio", "studios", "software",
    "consulting", "services", "bank", "university", "universitat", "universiteit", "universite",
    "universidad", "universidade", "college", "school", "institute", "institut", "instituto",
    "academy", "akademie", "hochschule", "foundation", "stiftung", "agency", "agentur",
    "partners", "networks", "interactive", "media", "digital", "games", "chair", "department",
    "gruppe", "verein", "ministry", "hospital", "klinik", "startup", "freelance",
    "self-employed", "selbststandig", "freiberuflich", "zzp", "independant", "autonomo", "有限公司",
    "科技",
];

/// Words of school and university names.
#[rustfmt::skip]
const INSTITUTION_WORDS: &[&str] = &[
    "university", "universitat", "universiteit", "universite", "universidad", "universidade",
    "universita", "college", "school", "institute", "institut", "instituto", "academy",
    "akademie", "hochschule", "fachhochschule", "gymnasium", "realschule", "hogeschool",
    "lycee", "ecole", "escuela", "escola", "faculdade", "facultad", "polytechnic",
    "politecnico", "tu", "eth", "epfl", "mit", "highschool", "bootcamp", "dojo", "coursera",
    "udemy", "edx", "campus", "gesamtschule", "berufsschule", "schule", "colegio", "liceo",
    "uni", "fh", "hbo", "mbo", "vwo", "havo", "iut", "insa", "universitaet", "大学",
];

/// Degrees and school-leaving qualifications, longest first where one is a prefix.
#[rustfmt::skip]
const DEGREES: &[&str] = &[
    "master of science", "master of arts", "master of engineering",
    "master of business administration", "bachelor of science", "bachelor of arts",
    "bachelor of engineering", "bachelor degree", "bachelor's degree", "master's degree",
    "master degree", "doctor of philosophy", "associate degree", "engineer's degree",
    "highschool diploma", "high school diploma", "high school", "master's", "masters", "master",
    "bachelor's", "bachelors", "bachelor", "msc", "m.sc.", "m.sc", "bsc", "b.sc.", "b.sc",
    "m.s.", "b.s.", "ms", "bs", "ma", "ba", "m.a.", "b.a.", "mba", "meng", "m.eng.", "beng",
    "b.eng.", "phd", "ph.d.", "ph.d", "doctorate", "dr.", "diploma", "diplom",
    "diplom-informatiker", "diplom-ingenieur", "dipl.-inf.", "dipl.-ing.", "magister",
    "staatsexamen", "abitur", "fachabitur", "mittlere reife", "promotion", "ausbildung",
    "lehre", "licence", "licenciatura", "licenciado", "grado", "maestria",
    "master universitario", "doctorado", "mestrado", "doutorado", "bacharelado", "tecnico",
    "bachelier", "maitrise", "doctorat", "bts", "dut", "baccalaureat", "bac", "hbo", "wo",
    "mbo", "propedeuse", "drs.", "ir.", "ing.", "certificate", "certified", "degree", "bootcamp",
    "a-levels", "gcse", "associate", "mph", "m.p.h.", "jd", "j.d.", "md", "m.d.", "llm",
    "ll.m.", "llb", "ll.b.", "mfa", "bfa", "mphil", "m.phil.", "dphil", "edd", "dba",
    "b.eng", "m.eng", "b.ed.", "m.ed.", "pgce", "hnd", "meister", "techniker",
];

/// Natural languages by name, in the languages of the vocabulary.
#[rustfmt::skip]
const LANGUAGE_NAMES: &[&str] = &[
    "english", "german", "french", "spanish", "dutch", "italian", "portuguese", "russian",
    "chinese", "mandarin", "cantonese", "japanese", "korean", "arabic", "hindi", "turkish",
    "polish", "swedish", "norwegian", "danish", "finnish", "greek", "czech", "hungarian",
    "romanian", "ukrainian", "hebrew", "persian", "farsi", "urdu", "bengali", "tamil",
    "vietnamese", "thai", "indonesian", "malay", "swahili", "catalan", "flemish", "latin",
    "croatian", "serbian", "bulgarian", "slovak", "slovenian", "estonian", "latvian",
    "lithuanian", "icelandic", "irish", "welsh", "afrikaans", "tagalog", "filipino", "telugu",
    "marathi", "punjabi", "gujarati", "kannada", "malayalam", "albanian", "armenian",
    "georgian", "kurdish", "amharic", "yoruba", "hausa", "luxembourgish", "deutsch", "englisch",
    "franzosisch", "spanisch", "niederlandisch", "italienisch", "portugiesisch", "russisch",
    "chinesisch", "japanisch", "arabisch", "turkisch", "polnisch", "schwedisch", "griechisch",
    "tschechisch", "ungarisch", "rumanisch", "nederlands", "engels", "duits", "frans", "spaans",
    "italiaans", "portugees", "russisch", "anglais", "allemand", "francais", "espagnol",
    "neerlandais", "italien", "portugais", "russe", "chinois", "japonais", "arabe", "ingles",
    "aleman", "frances", "espanol", "castellano", "holandes", "italiano", "portugues", "ruso",
    "chino", "japones", "alemao", "espanhol", "holandes", "russo",
];

/// Words describing how well a language is spoken.
#[rustfmt::skip]
const FLUENCY_WORDS: &[&str] = &[
    "native", "native speaker", "mother tongue", "bilingual", "fluent", "fluently",
    "proficient", "professional", "full professional proficiency",
    "professional working proficiency", "limited working proficiency", "elementary",
    "elementary proficiency", "advanced", "intermediate", "upper intermediate", "basic",
    "basics", "beginner", "conversational", "good", "very good", "excellent", "business",
    "business fluent", "working knowledge", "a1", "a2", "b1", "b2", "c1", "c2", "muttersprache",
    "muttersprachlich", "fliessend", "verhandlungssicher", "sehr gut", "gut", "grundkenntnisse",
    "gute kenntnisse", "sehr gute kenntnisse", "fortgeschritten", "moedertaal", "vloeiend",
    "goed", "zeer goed", "basiskennis", "redelijk", "langue maternelle", "maternelle",
    "courant", "bilingue", "professionnel", "intermediaire", "notions", "debutant",
    "lengua materna", "nativo", "nativa", "fluido", "avanzado", "intermedio", "basico",
    "lingua materna", "fluente", "avancado", "intermediario",
];

/// Calls `f` with `text` folded ([`crate::locale::fold`]). Short ASCII text is folded
/// into a buffer on the stack: the word lists are looked up for many short texts, and
/// an allocation per lookup cost more than the lookup.
pub(crate) fn with_folded<R>(text: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    let ascii = text.is_ascii();
    // Lower-case ASCII folds to itself.
    if ascii && !text.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(text);
    }
    if ascii && text.len() <= buf.len() {
        let folded = &mut buf[..text.len()];
        folded.copy_from_slice(text.as_bytes());
        folded.make_ascii_lowercase();
        // Lower-cased ASCII is still UTF-8: the default is never taken.
        f(std::str::from_utf8(folded).unwrap_or_default())
    } else {
        f(&fold(text))
    }
}

/// The words of an already folded text (letters, digits and `'.-` inside words),
/// borrowed: the scores below look every word up once and need no copy of it.
fn words_of(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '.' | '-' | '’')))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '-' | '\'')))
        .filter(|w| !w.is_empty())
}

/// Whether `hay` contains any of `needles` (as [`str::contains`] would find them).
/// `first` holds the needles' first bytes ([`first_bytes`]): one pass over the text
/// stops only where a needle can start, instead of setting up a searcher per needle.
pub(crate) fn contains_any(hay: &str, needles: &[&str], first: u128) -> bool {
    let h = hay.as_bytes();
    h.iter().enumerate().any(|(i, &b)| {
        (first >> (b & 127)) & 1 == 1
            && needles
                .iter()
                .any(|n| crate::scan::starts_at(h, i, n.as_bytes()))
    })
}

/// The set of the needles' first bytes, for [`contains_any`] (a byte above ASCII
/// shares its bit with one below: the set may say yes where no needle starts, never no
/// where one does).
pub(crate) const fn first_bytes(needles: &[&str]) -> u128 {
    let mut mask = 0u128;
    let mut i = 0;
    while i < needles.len() {
        mask |= 1 << (needles[i].as_bytes()[0] & 127);
        i += 1;
    }
    mask
}

/// For each first byte, the byte lengths (bit `n`: length `n`, 31 and more on bit 31)
/// of the words (between spaces) of the entries of a list that start with it.
pub(super) type WordFilter = [u32; 256];

/// The [`WordFilter`] of a list.
pub(super) const fn word_filter(list: &[&str]) -> WordFilter {
    let mut filter = [0u32; 256];
    let mut i = 0;
    while i < list.len() {
        mark_words(&mut filter, list[i].as_bytes());
        i += 1;
    }
    filter
}

/// Marks the words of `entry` (between spaces) in `filter`.
pub(super) const fn mark_words(filter: &mut WordFilter, entry: &[u8]) {
    let mut start = 0;
    let mut j = 0;
    while j <= entry.len() {
        if j == entry.len() || entry[j] == b' ' {
            let len = j - start;
            if len > 0 {
                let bit = if len > 31 { 31 } else { len };
                filter[entry[start] as usize] |= 1 << bit;
            }
            start = j + 1;
        }
        j += 1;
    }
}

/// Whether `word` may be a word of the list `filter` was made of, by its first byte and
/// its length: most words are not, and skip the hashing of a lookup. (May say yes
/// wrongly, never no.)
pub(super) fn may_be_in(filter: &WordFilter, word: &str) -> bool {
    let b = word.as_bytes();
    b.first()
        .is_some_and(|&first| filter[usize::from(first)] & (1 << b.len().min(31)) != 0)
}

/// The filters of the word lists looked up word by word.
const TITLE_FILTER: WordFilter = word_filter(TITLE_WORDS);
const ORG_FILTER: WordFilter = word_filter(ORG_WORDS);
const INSTITUTION_FILTER: WordFilter = word_filter(INSTITUTION_WORDS);

/// Whether `word` ends with one of `endings`: the last bytes are compared first, as
/// most words end otherwise.
fn ends_with_any(word: &str, endings: &[&str]) -> bool {
    let last = word.as_bytes().last();
    endings
        .iter()
        .any(|e| e.as_bytes().last() == last && word.ends_with(e))
}

/// How much `text` reads like a job title (0 = not at all).
pub(crate) fn title_score(text: &str) -> usize {
    with_folded(text, title_score_folded)
}

/// [`title_score`] of a text already folded.
pub(crate) fn title_score_folded(folded: &str) -> usize {
    let titles = &index().titles;
    words_of(folded)
        .filter(|w| {
            may_be_in(&TITLE_FILTER, w) && titles.contains(*w)
                // (The endings are six letters or more.)
                || w.len() >= 6
                    && ends_with_any(
                        w,
                        &[
                            "engineer",
                            "entwickler",
                            "developer",
                            "manager",
                            "leiter",
                            "berater",
                            "ingenieur",
                            "ingenieurin",
                            "entwicklerin",
                            "researcher",
                        ],
                    )
        })
        .count()
}

/// How much `text` reads like the name of an organisation (0 = not at all).
pub(crate) fn org_score(text: &str) -> usize {
    let orgs = &index().orgs;
    let mut score = with_folded(text, |f| {
        words_of(f)
            .filter(|w| may_be_in(&ORG_FILTER, w) && orgs.contains(*w))
            .count()
    });
    if text.contains('.') && !text.contains(' ') && text.len() > 4 {
        score += 1; // a domain name such as `example.com`
    }
    score
}

/// Whether `text` names a school or university.
pub(crate) fn institution_score(text: &str) -> usize {
    with_folded(text, institution_score_folded)
}

/// [`institution_score`] of a text already folded.
pub(crate) fn institution_score_folded(folded: &str) -> usize {
    let institutions = &index().institutions;
    let mut score = words_of(folded)
        .filter(|w| {
            may_be_in(&INSTITUTION_FILTER, w) && institutions.contains(*w)
                || w.starts_with("universit")
                || ends_with_any(
                    w,
                    &[
                        "-gymnasium",
                        "-schule",
                        "hochschule",
                        "-universitat",
                        "-college",
                        "-institut",
                    ],
                )
        })
        .count();
    // (A byte scan: `str::contains` first sets up a searcher.)
    if crate::scan::find(folded, "大学").is_some() {
        score += 1;
    }
    score
}

/// The degree `text` starts with, as a byte length of `text`, if it starts with one.
pub(crate) fn degree_prefix(text: &str) -> Option<usize> {
    // Only the start can hold a degree: fold no more than the longest degree and the
    // character after it (folding maps each character to one or more).
    let head = if text.len() <= DEGREE_HEAD {
        // No more bytes, so no more chars, than the head holds.
        text
    } else if text.as_bytes()[..DEGREE_HEAD].is_ascii() {
        &text[..DEGREE_HEAD]
    } else {
        text.char_indices()
            .nth(DEGREE_HEAD)
            .map_or(text, |(i, _)| &text[..i])
    };
    with_folded(head, |folded| degree_prefix_folded(text, folded))
}

/// [`degree_prefix`] of `text`, given the fold of its first [`DEGREE_HEAD`] characters.
fn degree_prefix_folded(text: &str, folded: &str) -> Option<usize> {
    let first = *folded.as_bytes().first()?;
    // Folding keeps the char count; find the longest degree that is a word prefix.
    let mut best: Option<usize> = None;
    // (Every degree has two bytes or more: the second is compared before the rest.)
    let second = folded.as_bytes().get(1);
    for d in index().degrees_by_first.get(usize::from(first))? {
        if second == d.as_bytes().get(1)
            && let Some(rest) = folded.strip_prefix(d)
            && (rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric()))
        {
            let chars = d.chars().count();
            if best.is_none_or(|b| chars > b) {
                best = Some(chars);
            }
        }
    }
    best.map(|chars| {
        text.char_indices()
            .nth(chars)
            .map_or(text.len(), |(i, _)| i)
    })
}

/// How many characters of a text [`degree_prefix`] folds: more than the longest degree.
const DEGREE_HEAD: usize = 40;

/// Whether some word of `text` is a degree (`Bachelor`, `MSc`, `Diplom`, …).
pub(crate) fn mentions_degree(text: &str) -> bool {
    with_folded(text, mentions_degree_folded)
}

/// [`mentions_degree`] of a text already folded.
pub(crate) fn mentions_degree_folded(folded: &str) -> bool {
    let degrees = &index().degrees;
    let two_words = &index().two_word_degrees;
    // One pass over the words: a degree word, a dotted abbreviation, or the second of
    // two words that make a degree (`high school`, compared in place).
    let mut prev: Option<&str> = None;
    words_of(folded).any(|w| {
        let degree = degrees.contains(w)
            && !matches!(
                w,
                "ma" | "ba"
                    | "ms"
                    | "bs"
                    | "wo"
                    | "bac"
                    | "ing"
                    | "degree"
                    | "associate"
                    | "certified"
                    | "certificate"
                    | "tecnico"
            )
            || matches!(w, "m.sc" | "b.sc" | "b.s" | "m.s" | "ph.d" | "b.a" | "m.a")
            || prev.is_some_and(|p| {
                two_words.iter().any(|d| {
                    d.len() == p.len() + 1 + w.len()
                        && d.starts_with(p)
                        && d.as_bytes()[p.len()] == b' '
                        && d.ends_with(w)
                })
            });
        prev = Some(w);
        degree
    })
}

/// Whether the word (any case) is the name of a natural language.
pub(crate) fn is_language_name(word: &str) -> bool {
    with_folded(word.trim(), |f| index().languages.contains(f))
}

/// Whether the text describes a level of fluency (`native`, `C1`, `fließend`).
pub(crate) fn is_fluency(text: &str) -> bool {
    with_folded(
        text.trim().trim_matches(|c: char| !c.is_alphanumeric()),
        |f| {
            if f.contains('ß') {
                fluency_folded(&f.replace('ß', "ss"))
            } else {
                fluency_folded(f)
            }
        },
    )
}

/// [`is_fluency`] of a text trimmed, folded and with `ß` written `ss`.
fn fluency_folded(f: &str) -> bool {
    index().fluency.contains(f)
        || f.split(|c: char| !c.is_alphanumeric()).any(|w| {
            matches!(
                w,
                "native"
                    | "fluent"
                    | "proficiency"
                    | "muttersprache"
                    | "moedertaal"
                    | "maternelle"
                    | "materna"
                    | "nativo"
                    | "conversational"
                    | "intermediate"
                    | "basic"
                    | "beginner"
                    | "professional"
                    | "a1"
                    | "a2"
                    | "b1"
                    | "b2"
                    | "c1"
                    | "c2"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_in_six_languages() {
        for (heading, kind) in [
            ("Working Experience", SectionKind::Work),
            ("BERUFSERFAHRUNG", SectionKind::Work),
            ("Werkervaring", SectionKind::Work),
            ("Expérience professionnelle", SectionKind::Work),
            ("Experiencia laboral", SectionKind::Work),
            ("Experiência profissional", SectionKind::Work),
            ("Ausbildung", SectionKind::Education),
            ("Educational Background", SectionKind::Education),
            ("Technical Skills", SectionKind::Skills),
            ("Kenntnisse", SectionKind::Skills),
            ("Sprachen", SectionKind::Languages),
            ("Talen", SectionKind::Languages),
            ("Hobbies", SectionKind::Interests),
            ("About me", SectionKind::Summary),
            ("Über mich", SectionKind::Summary),
            ("Professional Projects", SectionKind::Projects),
            ("Certifications", SectionKind::Certificates),
            (
                "Volunteering/ Extracurricular Activities",
                SectionKind::Volunteer,
            ),
            ("工作经历", SectionKind::Work),
        ] {
            assert_eq!(section_kind(heading), Some(kind), "{heading}");
        }
        for heading in [
            "Model Monitoring Architecture",
            "Data/Machine Learning Engineer",
            "Eric Koepke",
            "Software Development",
        ] {
            assert_eq!(section_kind(heading), None, "{heading}");
        }
    }

    #[test]
    fn section_words_filter_lets_every_name_through() {
        for (name, kind) in SECTIONS {
            assert!(
                name.split(' ')
                    .all(|w| !w.is_empty() && headings::may_be_section_word(w)),
                "{name:?}"
            );
            assert!(section_kind_exact(name).is_some(), "{name:?}");
            assert!(
                section_kind(name).is_some() || name.contains(' '),
                "{name:?} {kind:?}"
            );
        }
        for (list, filter) in [
            (TITLE_WORDS, &TITLE_FILTER),
            (ORG_WORDS, &ORG_FILTER),
            (INSTITUTION_WORDS, &INSTITUTION_FILTER),
        ] {
            assert!(list.iter().all(|w| may_be_in(filter, w)));
        }
        assert!(!may_be_in(&TITLE_FILTER, "xylophone"));
        assert!(!headings::may_be_section_word(""));
        assert!(!headings::may_be_section_word("xylophone"));
        assert_eq!(
            // (`İ` folds to `i` and a combining dot: `i`, `stanbul`, then the name.)
            section_kind("İstanbul Berufserfahrung"),
            Some(SectionKind::Work)
        );
        assert_eq!(section_kind("Çok Experience"), Some(SectionKind::Work));
    }

    #[test]
    fn titles_organisations_places() {
        assert!(title_score("Senior Software Engineer") > 0);
        assert!(title_score("Softwareentwickler") > 0);
        assert_eq!(title_score("Stackend Solutions"), 0);
        assert!(org_score("Stackend Solutions") > 0);
        assert!(institution_score("Technical University of Munich") > 0);
        assert!(looks_like_location("Boston MA"));
        assert!(looks_like_location("Helsinki, Finland"));
        assert!(looks_like_location("Bengaluru, IN"));
        assert!(!looks_like_location("Precibake"));
        assert_eq!(country_code("Deutschland"), Some("DE"));
        assert!(
            COUNTRIES
                .iter()
                .all(|(name, _)| name.len() <= LONGEST_COUNTRY)
        );
        assert!(CITIES.iter().all(|name| name.len() <= LONGEST_CITY));
        assert!(US_STATES.iter().all(|code| code.len() == 2));
    }

    /// [`degree_prefix`], the plain way: the head cut by chars, every degree compared.
    fn degree_prefix_plain(text: &str) -> Option<usize> {
        let head = text
            .char_indices()
            .nth(DEGREE_HEAD)
            .map_or(text, |(i, _)| &text[..i]);
        let folded = fold(head);
        DEGREES
            .iter()
            .filter(|d| {
                folded.strip_prefix(*d).is_some_and(|rest| {
                    rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric())
                })
            })
            .map(|d| d.chars().count())
            .max()
            .map(|chars| {
                text.char_indices()
                    .nth(chars)
                    .map_or(text.len(), |(i, _)| i)
            })
    }

    /// Whether two words in a row make a degree, the plain way: joined, then looked up.
    fn two_word_degree_plain(text: &str) -> bool {
        let folded = fold(text);
        let words: Vec<&str> = words_of(&folded).collect();
        words.windows(2).any(|p| {
            index()
                .degrees
                .contains(format!("{} {}", p[0], p[1]).as_str())
        })
    }

    #[test]
    fn fast_paths_match_the_plain_ways() {
        for text in [
            "",
            "m",
            "Master of Science in Informatik",
            "MASTER'S DEGREE",
            "Master’s degree, TU München",
            "High School Diploma",
            "high  school",
            "Mittlere Reife",
            "İstanbul Teknik Üniversitesi, Master universitario",
            "Bachelor of Engineering - BE",
            "Straße ß Bachelor degree",
            "東京大学 master",
            "Me\u{301}moire, e\u{301}cole",
            "B.Sc. (Hons) Computer Science and Engineering at the University of Somewhere",
            "ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ master",
            "Dipl.-Ing. Maschinenbau",
            "associate degree in arts",
        ] {
            assert_eq!(degree_prefix(text), degree_prefix_plain(text), "{text:?}");
            let mentions = with_folded(text, |f| words_of(f).any(|w| index().degrees.contains(w)));
            if !mentions {
                assert_eq!(
                    mentions_degree(text),
                    two_word_degree_plain(text),
                    "{text:?}"
                );
            }
            assert_eq!(with_folded(text, str::to_owned), fold(text), "{text:?}");
        }
        for word in ["engineer", "r", "", "ingenieurin", "xn", "lehrer", "é"] {
            let plain = ["engineer", "ingenieurin", "r"]
                .iter()
                .any(|e| word.ends_with(e));
            assert_eq!(
                ends_with_any(word, &["engineer", "ingenieurin", "r"]),
                plain,
                "{word:?}"
            );
        }
    }

    #[test]
    fn degrees_and_languages() {
        assert_eq!(degree_prefix("Master's in computer science"), Some(8));
        assert_eq!(degree_prefix("B.S. Computer Science"), Some(4));
        assert_eq!(degree_prefix("Mastering"), None);
        assert!(DEGREES.iter().all(|d| d.chars().count() < DEGREE_HEAD));
        assert!(is_language_name("Englisch"));
        assert!(is_fluency("Mother tongue"));
        assert!(is_fluency("fließend"));
        assert!(!is_fluency("Python"));
    }
}
