//! `basics`: who the resume is about, how to reach them, where they are.

use super::section;

section! {
    /// Who the resume is about: name, title, contact details, location and profiles.
    pub struct Basics {
        /// Full name, e.g. "Richard Hendriks".
        name: String,
        /// Job title or headline, e.g. "Web Developer".
        label: String,
        /// URL (as per RFC 3986) to an image in JPEG or PNG format.
        image: String,
        /// E-mail address, e.g. "thomas@gmail.com".
        #[schemars(email)]
        email: String,
        /// Phone number, stored as a string in any format you like, e.g. "712-117-2923".
        phone: String,
        /// URL (as per RFC 3986) to your website, e.g. a personal homepage.
        #[schemars(url)]
        url: String,
        /// A short 2-3 sentence biography.
        summary: String,
        /// Where you live or work.
        location: Location,
        /// Social networks and other profiles, e.g. GitHub or LinkedIn.
        profiles: Vec<Profile>,
    }
}

section! {
    /// A postal location.
    pub struct Location {
        /// Street address; use `\n` for multiple lines, e.g. "1234 Glücklichkeit Straße\nHinterhaus 5. Etage li.".
        address: String,
        /// Postal code, e.g. "CA 94115".
        postal_code: String,
        /// City, e.g. "San Francisco".
        city: String,
        /// Country code as per ISO-3166-1 ALPHA-2, e.g. "US", "AU", "IN".
        country_code: String,
        /// The general region: a US state or a province, for instance.
        region: String,
    }
}

section! {
    /// A profile on a social network or another website.
    pub struct Profile {
        /// Network name, e.g. "Twitter" or "GitHub".
        network: String,
        /// User name on that network, e.g. "neutralthoughts".
        username: String,
        /// URL of the profile, e.g. "https://twitter.example.com/neutralthoughts".
        #[schemars(url)]
        url: String,
    }
}
