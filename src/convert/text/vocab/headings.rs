//! Section headings: their names in every language, and what a heading names.

use super::*;

/// Section names, folded. Matched as a whole heading, or as the heading's last words
/// (`Professional Experience`, `Technical Skills`).
pub(super) const SECTIONS: &[(&str, SectionKind)] = {
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
    with_folded(text.trim().trim_end_matches(':'), |folded| {
        if !folded.split_whitespace().all(may_be_section_word) {
            return None;
        }
        let mut key = String::new();
        lookup(&mut key, folded.split_whitespace())
    })
}

/// Whether `word` may be a word of a section name (one of the words between its
/// spaces): a word that is not skips the lookup of every run of words it is in.
pub(super) fn may_be_section_word(word: &str) -> bool {
    may_be_in(&SECTION_WORDS, word)
}

/// The [`WordFilter`] of the names of [`SECTIONS`].
const SECTION_WORDS: WordFilter = {
    let mut filter = [0u32; 256];
    let mut i = 0;
    while i < SECTIONS.len() {
        mark_words(&mut filter, SECTIONS[i].0.as_bytes());
        i += 1;
    }
    filter
};

/// The section named by `words` joined by single spaces, built in `key`.
fn lookup<'a>(key: &mut String, words: impl IntoIterator<Item = &'a str>) -> Option<SectionKind> {
    key.clear();
    for w in words {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(w);
    }
    index().sections.get(key.as_str()).copied()
}

/// The kind of section a heading names, if it names one.
pub(crate) fn section_kind(heading: &str) -> Option<SectionKind> {
    with_folded(heading, |folded| section_kind_folded(heading, folded))
}

/// [`section_kind`] of a heading, given its fold.
fn section_kind_folded(heading: &str, folded: &str) -> Option<SectionKind> {
    // At most six words name a section: gather them without allocating, and stop at a
    // seventh.
    let all = folded
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty() && !matches!(*w, "and" | "und" | "en" | "et" | "y" | "e"))
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()));
    let mut gathered = [""; 6];
    let mut n = 0;
    let mut more = false;
    for w in all {
        if n == gathered.len() {
            more = true;
            break;
        }
        gathered[n] = w;
        n += 1;
    }
    let words = &gathered[..n];
    if words.is_empty() || more {
        // CJK headings have no spaces: match them whole, or by their start.
        let cjk = |c: char| ('\u{3000}'..='\u{9fff}').contains(&c);
        // Those chars are the ones whose UTF-8 starts with 0xE3 to 0xE9: a byte scan
        // tells the many long lines without one.
        if !folded.bytes().any(|b| (0xE3..=0xE9).contains(&b)) || !folded.chars().any(cjk) {
            return None;
        }
        return SECTIONS
            .iter()
            .filter(|(name, _)| name.chars().any(cjk))
            .find(|(name, _)| folded.trim() == *name || folded.trim_start().starts_with(name))
            .map(|(_, k)| *k);
    }
    // One word: the runs below are that word again.
    if let [word] = words {
        if !may_be_section_word(word) {
            return None;
        }
        return index().sections.get(*word).copied();
    }
    // Runs of words are looked up only when each word may be in a section name.
    let mut known = [false; 6];
    for (k, w) in known.iter_mut().zip(words) {
        *k = may_be_section_word(w);
    }
    let known = &known[..words.len()];
    if !known.contains(&true) {
        return None;
    }
    let all_known = |run: &[bool]| !run.contains(&false);
    // One buffer for the whole heading and the runs of its words looked up below.
    let mut key = String::with_capacity(folded.len());
    if all_known(known)
        && let Some(k) = lookup(&mut key, words.iter().copied())
    {
        return Some(k);
    }
    // The heading's last one or two words, or its first two ("Work Experience & More").
    let combined = heading.contains(['/', '&', ',']);
    for n in (1..=3.min(words.len())).rev() {
        if (n > 1 || words.len() <= 3)
            && all_known(&known[words.len() - n..])
            && let Some(k) = lookup(&mut key, words[words.len() - n..].iter().copied())
        {
            return Some(k);
        }
        if (n >= 2 || combined)
            && all_known(&known[..n])
            && let Some(k) = lookup(&mut key, words[..n].iter().copied())
        {
            return Some(k);
        }
    }
    None
}
