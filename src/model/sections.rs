//! The list sections that are neither jobs nor schooling: awards, certificates,
//! publications, skills, languages, interests, references and projects.

use super::{PartialDate, section};

section! {
    /// An award received.
    pub struct Award {
        /// Title, e.g. "One of the 100 greatest minds of the century".
        title: String,
        /// When it was awarded: YYYY, YYYY-MM or YYYY-MM-DD.
        date: PartialDate,
        /// Who gave it, e.g. "Time Magazine".
        awarder: String,
        /// What it was for, e.g. "Received for my work with Quantum Physics".
        summary: String,
    }
}

section! {
    /// A certificate earned.
    pub struct Certificate {
        /// Certificate name, e.g. "Certified Kubernetes Administrator".
        name: String,
        /// When it was issued: YYYY, YYYY-MM or YYYY-MM-DD.
        date: PartialDate,
        /// Where it can be verified, e.g. "http://example.com".
        #[schemars(url)]
        url: String,
        /// Who issued it, e.g. "CNCF".
        issuer: String,
    }
}

section! {
    /// A publication.
    pub struct Publication {
        /// Title, e.g. "The World Wide Web".
        name: String,
        /// Publisher, e.g. "IEEE, Computer Magazine".
        publisher: String,
        /// When it was published: YYYY, YYYY-MM or YYYY-MM-DD.
        release_date: PartialDate,
        /// Where it can be read, e.g. "http://www.computer.org.example.com/csdl/mags/co/1996/10/rx069-abs.html".
        #[schemars(url)]
        url: String,
        /// Short summary, e.g. "Discussion of the World Wide Web, HTTP, HTML.".
        summary: String,
    }
}

section! {
    /// A skill, or a group of related skills.
    pub struct Skill {
        /// Skill or skill group, e.g. "Web Development".
        name: String,
        /// Proficiency, e.g. "Master".
        level: String,
        /// Keywords of this skill, e.g. "HTML".
        keywords: Vec<String>,
    }
}

section! {
    /// A language spoken.
    pub struct Language {
        /// Language, e.g. "English" or "Spanish".
        language: String,
        /// Fluency, e.g. "Fluent" or "Beginner".
        fluency: String,
    }
}

section! {
    /// An interest.
    pub struct Interest {
        /// Interest, e.g. "Philosophy".
        name: String,
        /// Keywords of this interest, e.g. "Friedrich Nietzsche".
        keywords: Vec<String>,
    }
}

section! {
    /// A reference received.
    pub struct Reference {
        /// Who gave it, e.g. "Timothy Cook".
        name: String,
        /// What they said.
        reference: String,
    }
}

section! {
    /// A project.
    pub struct Project {
        /// Project name, e.g. "The World Wide Web".
        name: String,
        /// Short summary, e.g. "Collated works of 2017.".
        description: String,
        /// Features or accomplishments.
        highlights: Vec<String>,
        /// Technologies or other keywords involved, e.g. "AngularJS".
        keywords: Vec<String>,
        /// When it started: YYYY, YYYY-MM or YYYY-MM-DD.
        start_date: PartialDate,
        /// When it ended; omit it for an ongoing project.
        end_date: PartialDate,
        /// Project website, e.g. "http://www.computer.org/csdl/mags/co/1996/10/rx069-abs.html".
        #[schemars(url)]
        url: String,
        /// Your roles, e.g. "Team Lead", "Speaker", "Writer".
        roles: Vec<String>,
        /// Company or organisation involved, e.g. "greenpeace".
        entity: String,
        /// Kind of project, e.g. "volunteering", "presentation", "talk", "application", "conference".
        r#type: String,
    }
}
