//! Section labels ("Experience", "Berufserfahrung", …) in the languages of
//! [`crate::locale`], the defaults every theme starts from.
//!
//! A theme may override any label per language in its `theme.toml` (`[labels.de]`).
//! A label missing in the chosen language falls back to English, then to the key.

use serde_json::{Map, Value};

/// The label keys every language defines, in the order of the standard's sections.
pub const KEYS: &[&str] = &[
    "summary",
    "contact",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
    "courses",
    "score",
    "email",
    "phone",
    "website",
    "profiles",
    "page",
];

/// Default labels per language, values in the order of [`KEYS`].
const TABLE: &[(&str, [&str; 20])] = &[
    (
        "en",
        [
            "Profile",
            "Contact",
            "Experience",
            "Volunteering",
            "Education",
            "Awards",
            "Certificates",
            "Publications",
            "Skills",
            "Languages",
            "Interests",
            "References",
            "Projects",
            "Courses",
            "Grade",
            "Email",
            "Phone",
            "Website",
            "Profiles",
            "Page",
        ],
    ),
    (
        "de",
        [
            "Profil",
            "Kontakt",
            "Berufserfahrung",
            "Ehrenamt",
            "Ausbildung",
            "Auszeichnungen",
            "Zertifikate",
            "Publikationen",
            "Kenntnisse",
            "Sprachen",
            "Interessen",
            "Referenzen",
            "Projekte",
            "Kurse",
            "Note",
            "E-Mail",
            "Telefon",
            "Webseite",
            "Profile",
            "Seite",
        ],
    ),
    (
        "nl",
        [
            "Profiel",
            "Contact",
            "Werkervaring",
            "Vrijwilligerswerk",
            "Opleiding",
            "Prijzen",
            "Certificaten",
            "Publicaties",
            "Vaardigheden",
            "Talen",
            "Interesses",
            "Referenties",
            "Projecten",
            "Vakken",
            "Cijfer",
            "E-mail",
            "Telefoon",
            "Website",
            "Profielen",
            "Pagina",
        ],
    ),
    (
        "fr",
        [
            "Profil",
            "Contact",
            "Expérience professionnelle",
            "Bénévolat",
            "Formation",
            "Distinctions",
            "Certifications",
            "Publications",
            "Compétences",
            "Langues",
            "Centres d’intérêt",
            "Références",
            "Projets",
            "Cours",
            "Mention",
            "E-mail",
            "Téléphone",
            "Site web",
            "Profils",
            "Page",
        ],
    ),
    (
        "es",
        [
            "Perfil",
            "Contacto",
            "Experiencia laboral",
            "Voluntariado",
            "Formación",
            "Premios",
            "Certificados",
            "Publicaciones",
            "Habilidades",
            "Idiomas",
            "Intereses",
            "Referencias",
            "Proyectos",
            "Cursos",
            "Nota",
            "Correo electrónico",
            "Teléfono",
            "Sitio web",
            "Perfiles",
            "Página",
        ],
    ),
    (
        "pt",
        [
            "Perfil",
            "Contato",
            "Experiência profissional",
            "Voluntariado",
            "Formação",
            "Prêmios",
            "Certificados",
            "Publicações",
            "Competências",
            "Idiomas",
            "Interesses",
            "Referências",
            "Projetos",
            "Disciplinas",
            "Nota",
            "E-mail",
            "Telefone",
            "Site",
            "Perfis",
            "Página",
        ],
    ),
    (
        "it",
        [
            "Profilo",
            "Contatti",
            "Esperienza lavorativa",
            "Volontariato",
            "Istruzione",
            "Premi",
            "Certificazioni",
            "Pubblicazioni",
            "Competenze",
            "Lingue",
            "Interessi",
            "Referenze",
            "Progetti",
            "Corsi",
            "Voto",
            "E-mail",
            "Telefono",
            "Sito web",
            "Profili",
            "Pagina",
        ],
    ),
];

/// The default labels of language `code` (English for an unknown code), as a map
/// from key to label.
#[must_use]
pub fn defaults(code: &str) -> Map<String, Value> {
    let row = TABLE.iter().find(|(c, _)| *c == code).unwrap_or(&TABLE[0]);
    KEYS.iter()
        .zip(row.1.iter())
        .map(|(k, v)| ((*k).to_owned(), Value::from(*v)))
        .collect()
}

/// Whether vitae has default labels for language `code`.
#[must_use]
pub fn has_language(code: &str) -> bool {
    TABLE.iter().any(|(c, _)| *c == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_has_labels() {
        for locale in crate::locale::LOCALES {
            assert!(has_language(locale.code), "{}", locale.code);
        }
        assert_eq!(defaults("de")["work"], "Berufserfahrung");
        assert_eq!(defaults("xx")["work"], "Experience");
    }
}
