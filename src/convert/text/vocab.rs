//! Word lists the importer recognises, in English, German, Dutch, French, Spanish and
//! Portuguese: section names, job titles, kinds of organisation, degrees, languages and
//! their fluency, countries, and the networks behind profile links.
//!
//! Every entry is lower case and folded with [`crate::locale::fold`] (no diacritics), so
//! callers fold the text they look up.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::locale::fold;

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
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut sections = HashMap::new();
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

/// Section names, folded. Matched as a whole heading, or as the heading's last words
/// (`Professional Experience`, `Technical Skills`).
const SECTIONS: &[(&str, SectionKind)] = {
    use SectionKind::*;
    &[
        // Contact / personal details
        ("contact", Contact),
        ("contacts", Contact),
        ("contact details", Contact),
        ("contact information", Contact),
        ("contact info", Contact),
        ("personal information", Contact),
        ("personal info", Contact),
        ("personal details", Contact),
        ("personal data", Contact),
        ("details", Contact),
        ("kontakt", Contact),
        ("kontaktdaten", Contact),
        ("personliche daten", Contact),
        ("personliche angaben", Contact),
        ("zur person", Contact),
        ("persoonlijke gegevens", Contact),
        ("personalia", Contact),
        ("contactgegevens", Contact),
        ("coordonnees", Contact),
        ("informations personnelles", Contact),
        ("datos personales", Contact),
        ("contacto", Contact),
        ("dados pessoais", Contact),
        ("contato", Contact),
        ("links", Contact),
        ("all links", Contact),
        // Summary
        ("summary", Summary),
        ("professional summary", Summary),
        ("career summary", Summary),
        ("executive summary", Summary),
        ("profile", Summary),
        ("professional profile", Summary),
        ("personal profile", Summary),
        ("personal statement", Summary),
        ("about", Summary),
        ("about me", Summary),
        ("me", Summary),
        ("objective", Summary),
        ("career objective", Summary),
        ("introduction", Summary),
        ("overview", Summary),
        ("profil", Summary),
        ("kurzprofil", Summary),
        ("uber mich", Summary),
        ("zusammenfassung", Summary),
        ("profiel", Summary),
        ("over mij", Summary),
        ("samenvatting", Summary),
        ("resume", Summary),
        ("a propos", Summary),
        ("a propos de moi", Summary),
        ("perfil", Summary),
        ("perfil profesional", Summary),
        ("sobre mi", Summary),
        ("resumen", Summary),
        ("sobre mim", Summary),
        ("resumo", Summary),
        // Work
        ("experience", Work),
        ("experiences", Work),
        ("work", Work),
        ("work experience", Work),
        ("working experience", Work),
        ("professional experience", Work),
        ("relevant experience", Work),
        ("employment", Work),
        ("employment history", Work),
        ("work history", Work),
        ("career", Work),
        ("career history", Work),
        ("positions", Work),
        ("appointments", Work),
        ("academic appointments", Work),
        ("academic positions", Work),
        ("professional appointments", Work),
        ("research experience", Work),
        ("praktika", Work),
        ("praktikum", Work),
        ("berufserfahrung", Work),
        ("berufliche erfahrung", Work),
        ("beruflicher werdegang", Work),
        ("werdegang", Work),
        ("berufspraxis", Work),
        ("praxiserfahrung", Work),
        ("erfahrung", Work),
        ("werkervaring", Work),
        ("ervaring", Work),
        ("loopbaan", Work),
        ("arbeidsverleden", Work),
        ("experience professionnelle", Work),
        ("experiences professionnelles", Work),
        ("parcours professionnel", Work),
        ("experiencia", Work),
        ("experiencia laboral", Work),
        ("experiencia profesional", Work),
        ("trayectoria profesional", Work),
        ("experiencia profissional", Work),
        ("historico profissional", Work),
        ("工作经历", Work),
        ("工作经验", Work),
        // Volunteer
        ("volunteer", Volunteer),
        ("volunteering", Volunteer),
        ("volunteer work", Volunteer),
        ("volunteer experience", Volunteer),
        ("service", Volunteer),
        ("community service", Volunteer),
        ("ehrenamt", Volunteer),
        ("ehrenamtliches engagement", Volunteer),
        ("engagement", Volunteer),
        ("vrijwilligerswerk", Volunteer),
        ("benevolat", Volunteer),
        ("voluntariado", Volunteer),
        // Education
        ("education", Education),
        ("educational background", Education),
        ("academic background", Education),
        ("education and training", Education),
        ("hochschulstudium", Education),
        ("schulausbildung", Education),
        ("berufsausbildung", Education),
        ("ausbildung und studium", Education),
        ("studies", Education),
        ("academic", Education),
        ("qualifications", Education),
        ("training", Education),
        ("ausbildung", Education),
        ("bildungsweg", Education),
        ("schulbildung", Education),
        ("studium", Education),
        ("akademischer werdegang", Education),
        ("opleiding", Education),
        ("opleidingen", Education),
        ("formation", Education),
        ("formations", Education),
        ("etudes", Education),
        ("educacion", Education),
        ("formacion", Education),
        ("formacion academica", Education),
        ("estudios", Education),
        ("educacao", Education),
        ("formacao", Education),
        ("formacao academica", Education),
        // Projects
        ("projects", Projects),
        ("project", Projects),
        ("personal projects", Projects),
        ("side projects", Projects),
        ("open source", Projects),
        ("portfolio", Projects),
        ("projekte", Projects),
        ("projecten", Projects),
        ("projets", Projects),
        ("proyectos", Projects),
        ("projetos", Projects),
        // Awards
        ("awards", Awards),
        ("honors", Awards),
        ("honours", Awards),
        ("honors and awards", Awards),
        ("awards and honors", Awards),
        ("achievements", Awards),
        ("recognition", Awards),
        ("auszeichnungen", Awards),
        ("preise", Awards),
        ("prijzen", Awards),
        ("onderscheidingen", Awards),
        ("distinctions", Awards),
        ("prix", Awards),
        ("premios", Awards),
        ("reconocimientos", Awards),
        ("premios e reconhecimentos", Awards),
        // Certificates
        ("certifications", Certificates),
        ("certificates", Certificates),
        ("certification", Certificates),
        ("licenses and certifications", Certificates),
        ("courses", Certificates),
        ("zertifikate", Certificates),
        ("zertifizierungen", Certificates),
        ("weiterbildung", Certificates),
        ("weiterbildungen", Certificates),
        ("fortbildungen", Certificates),
        ("certificaten", Certificates),
        ("cursussen", Certificates),
        ("certificats", Certificates),
        ("certificaciones", Certificates),
        ("cursos", Certificates),
        ("certificacoes", Certificates),
        ("证书", Certificates),
        // Publications
        ("publications", Publications),
        ("writing", Publications),
        ("articles", Publications),
        ("talks", Publications),
        ("publikationen", Publications),
        ("veroffentlichungen", Publications),
        ("publicaties", Publications),
        ("publicaciones", Publications),
        ("publicacoes", Publications),
        // Skills
        ("skills", Skills),
        ("skill", Skills),
        ("technical skills", Skills),
        ("programming languages", Skills),
        ("programmiersprachen", Skills),
        ("soft skills", Skills),
        ("hard skills", Skills),
        ("key skills", Skills),
        ("top skills", Skills),
        ("core skills", Skills),
        ("other skills", Skills),
        ("highlight skills", Skills),
        ("skills and proficiencies", Skills),
        ("competencies", Skills),
        ("core competencies", Skills),
        ("expertise", Skills),
        ("technologies", Skills),
        ("tech stack", Skills),
        ("tech", Skills),
        ("stack", Skills),
        ("toolbox", Skills),
        ("it skills", Skills),
        ("digital skills", Skills),
        ("personal skills", Skills),
        ("edv", Skills),
        ("technical experience", Skills),
        ("tools", Skills),
        ("kenntnisse", Skills),
        ("fahigkeiten", Skills),
        ("kompetenzen", Skills),
        ("fachkenntnisse", Skills),
        ("edv-kenntnisse", Skills),
        ("it-kenntnisse", Skills),
        ("vaardigheden", Skills),
        ("competenties", Skills),
        ("kennis", Skills),
        ("competences", Skills),
        ("competences techniques", Skills),
        ("habilidades", Skills),
        ("competencias", Skills),
        ("conocimientos", Skills),
        ("competencias tecnicas", Skills),
        // Languages
        ("languages", Languages),
        ("language skills", Languages),
        ("spoken languages", Languages),
        ("natural languages", Languages),
        ("sprachen", Languages),
        ("sprachkenntnisse", Languages),
        ("talen", Languages),
        ("talenkennis", Languages),
        ("langues", Languages),
        ("idiomas", Languages),
        ("lenguas", Languages),
        // Interests
        ("interests", Interests),
        ("hobbies", Interests),
        ("hobby's", Interests),
        ("hobby", Interests),
        ("hobbies and interests", Interests),
        ("interests and hobbies", Interests),
        ("personal interests", Interests),
        ("interessen", Interests),
        ("hobbys", Interests),
        ("freizeit", Interests),
        ("interesses", Interests),
        ("centres d'interet", Interests),
        ("loisirs", Interests),
        ("intereses", Interests),
        ("aficiones", Interests),
        ("interesses pessoais", Interests),
        // References
        ("references", References),
        ("referenzen", References),
        ("referenties", References),
        ("referentie", References),
        ("recommendations", References),
        ("testimonials", References),
        ("referencias", References),
        ("referencias profissionais", References),
    ]
};

/// The kind of section a line names when it is nothing but a section name
/// (`Experience`, `Top Skills` is not one: `Skills` is).
pub(crate) fn section_kind_exact(text: &str) -> Option<SectionKind> {
    let folded = fold(text.trim().trim_end_matches(':'));
    let joined = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    index().sections.get(joined.as_str()).copied()
}

/// The kind of section a heading names, if it names one.
pub(crate) fn section_kind(heading: &str) -> Option<SectionKind> {
    let folded = fold(heading);
    let words: Vec<&str> = folded
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty() && !matches!(*w, "and" | "und" | "en" | "et" | "y" | "e"))
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    if words.is_empty() || words.len() > 6 {
        // CJK headings have no spaces: match them whole, or by their start.
        let cjk = |c: char| ('\u{3000}'..='\u{9fff}').contains(&c);
        if !folded.chars().any(cjk) {
            return None;
        }
        return SECTIONS
            .iter()
            .filter(|(name, _)| name.chars().any(cjk))
            .find(|(name, _)| folded.trim() == *name || folded.trim_start().starts_with(name))
            .map(|(_, k)| *k);
    }
    let sections = &index().sections;
    let joined = words.join(" ");
    if let Some(k) = sections.get(joined.as_str()) {
        return Some(*k);
    }
    // The heading's last one or two words, or its first two ("Work Experience & More").
    for n in (1..=3.min(words.len())).rev() {
        let tail = words[words.len() - n..].join(" ");
        if (n > 1 || words.len() <= 3)
            && let Some(k) = sections.get(tail.as_str())
        {
            return Some(*k);
        }
        let head = words[..n].join(" ");
        let combined = heading.contains(['/', '&', ',']);
        if (n >= 2 || combined)
            && let Some(k) = sections.get(head.as_str())
        {
            return Some(*k);
        }
    }
    None
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

/// Splits text into folded words (letters, digits and `'.-` inside words).
pub(crate) fn folded_words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '.' | '-' | '’')))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '-' | '\'')))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// How much `text` reads like a job title (0 = not at all).
pub(crate) fn title_score(text: &str) -> usize {
    folded_words(text)
        .iter()
        .filter(|w| {
            index().titles.contains(w.as_str())
                || w.ends_with("engineer")
                || w.ends_with("entwickler")
                || w.ends_with("developer")
                || w.ends_with("manager")
                || w.ends_with("leiter")
                || w.ends_with("berater")
                || w.ends_with("ingenieur")
                || w.ends_with("ingenieurin")
                || w.ends_with("entwicklerin")
                || w.ends_with("researcher")
        })
        .count()
}

/// How much `text` reads like the name of an organisation (0 = not at all).
pub(crate) fn org_score(text: &str) -> usize {
    let words = folded_words(text);
    let mut score = words
        .iter()
        .filter(|w| index().orgs.contains(w.as_str()))
        .count();
    if text.contains('.') && !text.contains(' ') && text.len() > 4 {
        score += 1; // a domain name such as `example.com`
    }
    score
}

/// Whether `text` names a school or university.
pub(crate) fn institution_score(text: &str) -> usize {
    let mut score = folded_words(text)
        .iter()
        .filter(|w| {
            index().institutions.contains(w.as_str())
                || w.starts_with("universit")
                || [
                    "-gymnasium",
                    "-schule",
                    "hochschule",
                    "-universitat",
                    "-college",
                    "-institut",
                ]
                .iter()
                .any(|s| w.ends_with(s))
        })
        .count();
    if fold(text).contains("大学") {
        score += 1;
    }
    score
}

/// The degree `text` starts with, as a byte length of `text`, if it starts with one.
pub(crate) fn degree_prefix(text: &str) -> Option<usize> {
    let folded = fold(text);
    // Folding keeps the char count; find the longest degree that is a word prefix.
    let mut best: Option<usize> = None;
    for d in DEGREES {
        if let Some(rest) = folded.strip_prefix(d)
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

/// Whether some word of `text` is a degree (`Bachelor`, `MSc`, `Diplom`, …).
pub(crate) fn mentions_degree(text: &str) -> bool {
    let words = folded_words(text);
    words.iter().any(|w| {
        index().degrees.contains(w.as_str())
            && !matches!(
                w.as_str(),
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
    }) || words.iter().any(|w| {
        matches!(
            w.as_str(),
            "m.sc" | "b.sc" | "b.s" | "m.s" | "ph.d" | "b.a" | "m.a"
        )
    }) || words.windows(2).any(|p| {
        index()
            .degrees
            .contains(format!("{} {}", p[0], p[1]).as_str())
    })
}

/// Whether the word (any case) is the name of a natural language.
pub(crate) fn is_language_name(word: &str) -> bool {
    let f = fold(word.trim());
    index().languages.contains(f.as_str())
}

/// Whether the text describes a level of fluency (`native`, `C1`, `fließend`).
pub(crate) fn is_fluency(text: &str) -> bool {
    let f = fold(text.trim().trim_matches(|c: char| !c.is_alphanumeric()));
    let f = f.replace('ß', "ss");
    index().fluency.contains(f.as_str())
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

/// Social networks and code hosts: (host suffix, network name).
const NETWORKS: &[(&str, &str)] = &[
    ("github.com", "GitHub"),
    ("gitlab.com", "GitLab"),
    ("linkedin.com", "LinkedIn"),
    ("twitter.com", "Twitter"),
    ("x.com", "X"),
    ("stackoverflow.com", "Stack Overflow"),
    ("bitbucket.org", "Bitbucket"),
    ("medium.com", "Medium"),
    ("dev.to", "DEV"),
    ("xing.com", "XING"),
    ("facebook.com", "Facebook"),
    ("instagram.com", "Instagram"),
    ("youtube.com", "YouTube"),
    ("behance.net", "Behance"),
    ("dribbble.com", "Dribbble"),
    ("kaggle.com", "Kaggle"),
    ("codepen.io", "CodePen"),
    ("huggingface.co", "Hugging Face"),
    ("orcid.org", "ORCID"),
    ("scholar.google.com", "Google Scholar"),
    ("researchgate.net", "ResearchGate"),
    ("leetcode.com", "LeetCode"),
    ("hackerrank.com", "HackerRank"),
    ("mastodon.social", "Mastodon"),
    ("bsky.app", "Bluesky"),
    ("npmjs.com", "npm"),
    ("crates.io", "crates.io"),
    ("linktr.ee", "Linktree"),
    ("keybase.io", "Keybase"),
    ("t.me", "Telegram"),
];

/// Network names as written in front of a handle: `GitHub: octocat`.
const NETWORK_LABELS: &[(&str, &str, &str)] = &[
    ("github", "GitHub", "https://github.com/"),
    ("gitlab", "GitLab", "https://gitlab.com/"),
    ("linkedin", "LinkedIn", "https://www.linkedin.com/in/"),
    ("twitter", "Twitter", "https://twitter.com/"),
    ("x", "X", "https://x.com/"),
    ("stackoverflow", "Stack Overflow", ""),
    ("stack overflow", "Stack Overflow", ""),
    ("xing", "XING", "https://www.xing.com/profile/"),
    ("skype", "Skype", ""),
    ("telegram", "Telegram", "https://t.me/"),
    ("mastodon", "Mastodon", ""),
    ("medium", "Medium", "https://medium.com/@"),
    ("kaggle", "Kaggle", "https://www.kaggle.com/"),
    ("bitbucket", "Bitbucket", "https://bitbucket.org/"),
    ("dribbble", "Dribbble", "https://dribbble.com/"),
    ("behance", "Behance", "https://www.behance.net/"),
    ("instagram", "Instagram", "https://www.instagram.com/"),
    ("orcid", "ORCID", "https://orcid.org/"),
    ("google scholar", "Google Scholar", ""),
    (
        "researchgate",
        "ResearchGate",
        "https://www.researchgate.net/profile/",
    ),
    ("bluesky", "Bluesky", "https://bsky.app/profile/"),
    ("codeberg", "Codeberg", "https://codeberg.org/"),
    ("wechat", "WeChat", ""),
    ("qq", "QQ", ""),
];

/// The network of a profile URL's host (`github.com` → `GitHub`).
pub(crate) fn network_of_host(host: &str) -> Option<&'static str> {
    let host = host.trim_start_matches("www.").to_ascii_lowercase();
    NETWORKS
        .iter()
        .find(|(h, _)| host == *h || host.ends_with(&format!(".{h}")))
        .map(|(_, n)| *n)
}

/// The network a label names (`GitHub`, `LinkedIn`), with the URL prefix of a profile.
pub(crate) fn network_of_label(label: &str) -> Option<(&'static str, &'static str)> {
    let f = fold(label.trim());
    NETWORK_LABELS
        .iter()
        .find(|(l, _, _)| *l == f)
        .map(|(_, n, p)| (*n, *p))
}

/// Countries: (folded name in en/de/nl/fr/es/pt, ISO 3166-1 alpha-2 code).
#[rustfmt::skip]
const COUNTRIES: &[(&str, &str)] = &[
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
    let f = fold(name.trim().trim_end_matches('.'));
    index().countries.get(f.as_str()).copied()
}

/// Cities often found on CVs, folded, for telling a location from an organisation.
#[rustfmt::skip]
const CITIES: &[&str] = &[
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

/// Whether `text` reads like a place: `Berlin`, `Boston MA`, `Helsinki, Finland`,
/// `Remote`, `Bengaluru, IN`.
pub(crate) fn looks_like_location(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '.'));
    if t.is_empty() || t.len() > 60 {
        return false;
    }
    let f = fold(t);
    if index().cities.contains(f.as_str()) || country_code(t).is_some() {
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
    let parts: Vec<&str> = t.split(',').map(str::trim).collect();
    if parts.len() >= 2 {
        let last = parts[parts.len() - 1];
        let first = fold(parts[0]);
        return country_code(last).is_some()
            || is_region_code(last)
            || index().cities.contains(first.as_str())
            || parts.iter().any(|p| country_code(p).is_some());
    }
    // `Boston MA`, `Cambridge MA` (not `Consultant SAP FI`).
    if let Some((city, region)) = t.rsplit_once(' ')
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
const STREET_ENDINGS: &[&str] = &[
    "strasse", "straße", "str.", "weg", "allee", "platz", "ring", "gasse", "damm", "ufer",
    "chaussee", "steig", "pfad", "markt", "graben", "straat", "laan", "plein", "gracht", "kade",
    "singel",
];

/// Street words of English addresses: `12 Baker Street`, `1234 Main St`.
const STREET_WORDS: &[&str] = &[
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
    }

    #[test]
    fn degrees_and_languages() {
        assert_eq!(degree_prefix("Master's in computer science"), Some(8));
        assert_eq!(degree_prefix("B.S. Computer Science"), Some(4));
        assert_eq!(degree_prefix("Mastering"), None);
        assert!(is_language_name("Englisch"));
        assert!(is_fluency("Mother tongue"));
        assert!(is_fluency("fließend"));
        assert!(!is_fluency("Python"));
    }
}
