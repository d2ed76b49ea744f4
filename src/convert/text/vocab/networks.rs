//! The networks behind profile links, by host and by label.

use super::*;

/// Social networks and code hosts: (host suffix, network name).
pub(super) const NETWORKS: &[(&str, &str)] = &[
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
pub(super) const NETWORK_LABELS: &[(&str, &str, &str)] = &[
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
