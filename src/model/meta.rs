//! `meta`: data about the document itself, and tooling configuration.

use super::section;

section! {
    /// The schema version and any other tooling configuration (theme options live here).
    pub struct Meta {
        /// URL (as per RFC 3986) to the latest version of this document.
        #[schemars(url)]
        canonical: String,
        /// A version that follows semver, e.g. "v1.0.0".
        version: String,
        /// When the document last changed, ISO 8601 as YYYY-MM-DDThh:mm:ss.
        last_modified: String,
    }
}
