//! `education`: schools, degrees and courses.

use super::{PartialDate, section};

section! {
    /// A school, university or other education.
    pub struct Education {
        /// Institution, e.g. "Massachusetts Institute of Technology".
        institution: String,
        /// Institution website, e.g. "https://mit.example.edu".
        #[schemars(url)]
        url: String,
        /// Field of study, e.g. "Arts" or "Computer Science".
        area: String,
        /// Degree or kind of study, e.g. "Bachelor".
        study_type: String,
        /// When you started: YYYY, YYYY-MM or YYYY-MM-DD.
        start_date: PartialDate,
        /// When you finished; omit it while you are still studying.
        end_date: PartialDate,
        /// Grade point average or final grade, e.g. "3.67/4.0".
        score: String,
        /// Notable courses or subjects, e.g. "H1302 - Introduction to American history".
        courses: Vec<String>,
    }
}
