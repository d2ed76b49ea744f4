//! ISO 3166-1 alpha-2 country codes, and the usual wrong ways of writing a few of them.

/// The 249 officially assigned ISO 3166-1 alpha-2 codes, sorted (for a binary search).
const ALPHA2: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// Whether `code` is an assigned alpha-2 code, written in capitals.
pub(super) fn is_alpha2(code: &str) -> bool {
    ALPHA2.binary_search(&code).is_ok()
}

/// Names, alpha-3 codes and reserved codes people write instead of the alpha-2 code.
const ALIASES: &[(&str, &str)] = &[
    ("uk", "GB"),
    ("gbr", "GB"),
    ("united kingdom", "GB"),
    ("great britain", "GB"),
    ("england", "GB"),
    ("scotland", "GB"),
    ("wales", "GB"),
    ("usa", "US"),
    ("u.s.", "US"),
    ("u.s.a.", "US"),
    ("united states", "US"),
    ("united states of america", "US"),
    ("deu", "DE"),
    ("germany", "DE"),
    ("deutschland", "DE"),
    ("nld", "NL"),
    ("netherlands", "NL"),
    ("the netherlands", "NL"),
    ("nederland", "NL"),
    ("holland", "NL"),
    ("fra", "FR"),
    ("france", "FR"),
    ("esp", "ES"),
    ("spain", "ES"),
    ("españa", "ES"),
    ("ita", "IT"),
    ("italy", "IT"),
    ("italia", "IT"),
    ("prt", "PT"),
    ("portugal", "PT"),
    ("bra", "BR"),
    ("brazil", "BR"),
    ("brasil", "BR"),
    ("can", "CA"),
    ("canada", "CA"),
    ("aus", "AU"),
    ("australia", "AU"),
    ("aut", "AT"),
    ("austria", "AT"),
    ("österreich", "AT"),
    ("che", "CH"),
    ("switzerland", "CH"),
    ("schweiz", "CH"),
    ("suisse", "CH"),
    ("bel", "BE"),
    ("belgium", "BE"),
    ("swe", "SE"),
    ("sweden", "SE"),
    ("nor", "NO"),
    ("norway", "NO"),
    ("dnk", "DK"),
    ("denmark", "DK"),
    ("fin", "FI"),
    ("finland", "FI"),
    ("irl", "IE"),
    ("ireland", "IE"),
    ("pol", "PL"),
    ("poland", "PL"),
    ("ind", "IN"),
    ("india", "IN"),
    ("chn", "CN"),
    ("china", "CN"),
    ("jpn", "JP"),
    ("japan", "JP"),
    ("kor", "KR"),
    ("south korea", "KR"),
    ("mex", "MX"),
    ("mexico", "MX"),
    ("méxico", "MX"),
    ("arg", "AR"),
    ("argentina", "AR"),
    ("rus", "RU"),
    ("russia", "RU"),
    ("ukr", "UA"),
    ("ukraine", "UA"),
    ("tur", "TR"),
    ("turkey", "TR"),
    ("türkiye", "TR"),
    ("isr", "IL"),
    ("israel", "IL"),
    ("zaf", "ZA"),
    ("south africa", "ZA"),
    ("nzl", "NZ"),
    ("new zealand", "NZ"),
    ("sgp", "SG"),
    ("singapore", "SG"),
];

/// The alpha-2 code for a country name or alpha-3 code vitae knows.
pub(super) fn alpha2_for(text: &str) -> Option<&'static str> {
    let key = text.trim().to_lowercase();
    ALIASES.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_complete_and_sorted() {
        assert_eq!(ALPHA2.len(), 249);
        assert!(ALPHA2.windows(2).all(|w| w[0] < w[1]));
        assert!(
            ALPHA2
                .iter()
                .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
        );
        assert!(is_alpha2("DE") && is_alpha2("US") && is_alpha2("GB"));
        assert!(!is_alpha2("UK") && !is_alpha2("de") && !is_alpha2("DEU"));
        assert_eq!(alpha2_for("Germany"), Some("DE"));
        assert_eq!(alpha2_for("UK"), Some("GB"));
    }
}
