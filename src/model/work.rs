//! `work` and `volunteer`: positions held, paid or not.

use super::{PartialDate, section};

section! {
    /// A job.
    pub struct Work {
        /// Employer name, e.g. "Facebook".
        name: String,
        /// Where the job was, e.g. "Menlo Park, CA".
        location: String,
        /// What the employer does, e.g. "Social Media Company".
        description: String,
        /// Job title, e.g. "Software Engineer".
        position: String,
        /// Employer website, e.g. "http://facebook.example.com".
        #[schemars(url)]
        url: String,
        /// First month (or day, or year) in the job: YYYY, YYYY-MM or YYYY-MM-DD.
        start_date: PartialDate,
        /// Last month in the job; omit it for a job you still hold.
        end_date: PartialDate,
        /// An overview of your responsibilities.
        summary: String,
        /// Accomplishments, e.g. "Increased profits by 20% from 2011-2012 through viral advertising".
        highlights: Vec<String>,
    }
}

section! {
    /// Volunteer work.
    pub struct Volunteer {
        /// Organization, e.g. "CoderDojo".
        organization: String,
        /// Role, e.g. "Teacher".
        position: String,
        /// Organization website, e.g. "http://coderdojo.example.com".
        #[schemars(url)]
        url: String,
        /// When you started: YYYY, YYYY-MM or YYYY-MM-DD.
        start_date: PartialDate,
        /// When you stopped; omit it for ongoing work.
        end_date: PartialDate,
        /// An overview of your responsibilities.
        summary: String,
        /// Accomplishments and achievements.
        highlights: Vec<String>,
    }
}
