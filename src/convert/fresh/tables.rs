//! The mapping tables: one [`Place`] per kind of object, with the fields both formats
//! have ([`Pair`]s) and those only one of them has.

use super::rules::Dir;

/// How a pair's value is mapped.
#[derive(Debug, Clone, Copy)]
pub(super) enum Kind {
    /// Copied as is.
    Plain,
    /// An object mapped by another place (copied as is if not an object).
    Object(&'static Place),
    /// A list of objects mapped by another place (other items copied as is).
    List(&'static Place),
    /// `roles` (a list) ↔ `role` (a string).
    Roles,
    /// `publisher`: a string, or in FRESH an object `{name, url}`.
    Publisher,
}

/// A field both formats have: its JSON Resume and FRESH names.
#[derive(Debug)]
pub(super) struct Pair {
    pub(super) jr: &'static str,
    pub(super) fresh: &'static str,
    pub(super) kind: Kind,
}

pub(super) const fn same(name: &'static str) -> Pair {
    Pair {
        jr: name,
        fresh: name,
        kind: Kind::Plain,
    }
}

pub(super) const fn pair(jr: &'static str, fresh: &'static str) -> Pair {
    Pair {
        jr,
        fresh,
        kind: Kind::Plain,
    }
}

/// The fields of one kind of object in both formats.
#[derive(Debug)]
pub(super) struct Place {
    pub(super) pairs: &'static [Pair],
    /// Fields only JSON Resume defines here.
    pub(super) jr_only: &'static [&'static str],
    /// Fields only FRESH defines here.
    pub(super) fresh_only: &'static [&'static str],
    /// FRESH fields placed by `Mapper` itself, never restored from an extension key.
    pub(super) structural: &'static [&'static str],
}

pub(super) static LOCATION: Place = Place {
    pairs: &[
        same("address"),
        pair("postalCode", "code"),
        same("city"),
        pair("countryCode", "country"),
        same("region"),
    ],
    jr_only: &[],
    fresh_only: &[],
    structural: &[],
};

pub(super) static PROFILE: Place = Place {
    pairs: &[same("network"), pair("username", "user"), same("url")],
    jr_only: &[],
    fresh_only: &["label"],
    structural: &[],
};

/// `basics` ↔ FRESH `info` (the rest of `basics` is placed by `Mapper::basics_to_fresh`).
pub(super) static INFO: Place = Place {
    pairs: &[same("label"), same("image"), pair("summary", "brief")],
    jr_only: &["name", "email", "phone", "url", "location", "profiles"],
    fresh_only: &["class", "characterClass", "quote"],
    structural: &[],
};

/// The part of `basics` that FRESH keeps in `contact`.
pub(super) static CONTACT: Place = Place {
    pairs: &[same("email"), same("phone"), pair("url", "website")],
    jr_only: &["name", "label", "image", "summary", "location", "profiles"],
    fresh_only: &["other"],
    structural: &[],
};

pub(super) static WORK: Place = Place {
    pairs: &[
        pair("name", "employer"),
        same("location"),
        same("position"),
        same("url"),
        pair("startDate", "start"),
        pair("endDate", "end"),
        same("summary"),
        same("highlights"),
    ],
    jr_only: &["description"],
    fresh_only: &["keywords", "current"],
    structural: &[],
};

pub(super) static VOLUNTEER: Place = Place {
    pairs: &[
        same("organization"),
        same("position"),
        same("url"),
        pair("startDate", "start"),
        pair("endDate", "end"),
        same("summary"),
        same("highlights"),
    ],
    jr_only: &[],
    fresh_only: &["flavor", "category", "type", "location", "keywords"],
    structural: &[],
};

pub(super) static EDUCATION: Place = Place {
    pairs: &[
        same("institution"),
        same("url"),
        same("area"),
        same("studyType"),
        pair("startDate", "start"),
        pair("endDate", "end"),
        pair("score", "grade"),
        pair("courses", "curriculum"),
    ],
    jr_only: &[],
    fresh_only: &["title", "summary", "keywords", "highlights", "location"],
    structural: &[],
};

pub(super) static AWARD: Place = Place {
    pairs: &[
        same("title"),
        same("date"),
        pair("awarder", "from"),
        same("summary"),
    ],
    jr_only: &[],
    fresh_only: &["flavor", "category", "url", "event"],
    structural: &[],
};

pub(super) static PUBLICATION: Place = Place {
    pairs: &[
        pair("name", "title"),
        Pair {
            jr: "publisher",
            fresh: "publisher",
            kind: Kind::Publisher,
        },
        pair("releaseDate", "date"),
        same("url"),
        same("summary"),
    ],
    jr_only: &[],
    fresh_only: &["flavor", "category", "author"],
    structural: &[],
};

pub(super) static SKILL: Place = Place {
    pairs: &[same("name"), same("level"), pair("keywords", "skills")],
    jr_only: &[],
    fresh_only: &[],
    structural: &[],
};

pub(super) static LANGUAGE: Place = Place {
    pairs: &[same("language"), pair("fluency", "level")],
    jr_only: &[],
    fresh_only: &["years"],
    structural: &[],
};

pub(super) static INTEREST: Place = Place {
    pairs: &[same("name"), same("keywords")],
    jr_only: &[],
    fresh_only: &["summary"],
    structural: &[],
};

pub(super) static REFERENCE: Place = Place {
    pairs: &[same("name"), pair("reference", "quote")],
    jr_only: &[],
    fresh_only: &["flavor", "category", "private"],
    structural: &[],
};

pub(super) static PROJECT: Place = Place {
    pairs: &[
        pair("name", "title"),
        same("description"),
        same("highlights"),
        same("keywords"),
        pair("startDate", "start"),
        pair("endDate", "end"),
        same("url"),
        Pair {
            jr: "roles",
            fresh: "role",
            kind: Kind::Roles,
        },
        pair("type", "category"),
    ],
    jr_only: &["entity"],
    fresh_only: &["summary", "media", "repo", "location"],
    structural: &[],
};

pub(super) static META: Place = Place {
    pairs: &[
        pair("canonical", "url"),
        same("version"),
        pair("lastModified", "modified"),
    ],
    jr_only: &[],
    fresh_only: &["format"],
    structural: &[],
};

/// The top level. `basics` and the sections FRESH wraps in an object (see [`WRAPPERS`])
/// are placed by `Mapper` itself; the table lists them so that the key rules know
/// every name.
pub(super) static ROOT: Place = Place {
    pairs: &[
        Pair {
            jr: "work",
            fresh: "employment",
            kind: Kind::Plain,
        },
        Pair {
            jr: "volunteer",
            fresh: "service",
            kind: Kind::Plain,
        },
        same("education"),
        same("skills"),
        Pair {
            jr: "awards",
            fresh: "recognition",
            kind: Kind::List(&AWARD),
        },
        Pair {
            jr: "publications",
            fresh: "writing",
            kind: Kind::List(&PUBLICATION),
        },
        Pair {
            jr: "languages",
            fresh: "languages",
            kind: Kind::List(&LANGUAGE),
        },
        Pair {
            jr: "interests",
            fresh: "interests",
            kind: Kind::List(&INTEREST),
        },
        Pair {
            jr: "references",
            fresh: "testimonials",
            kind: Kind::List(&REFERENCE),
        },
        Pair {
            jr: "projects",
            fresh: "projects",
            kind: Kind::List(&PROJECT),
        },
        Pair {
            jr: "meta",
            fresh: "meta",
            kind: Kind::Object(&META),
        },
    ],
    jr_only: &["$schema", "basics", "certificates"],
    fresh_only: &[
        "name",
        "info",
        "contact",
        "location",
        "social",
        "disposition",
        "reading",
        "speaking",
        "governance",
        "samples",
        "references",
        "extracurricular",
        "affiliation",
    ],
    structural: BASICS_PARTS,
};

/// A JSON Resume list that FRESH wraps in an object: `work` ↔ `employment.history`.
pub(super) struct Wrapper {
    pub(super) jr: &'static str,
    pub(super) fresh: &'static str,
    /// The key of the list inside the FRESH object.
    pub(super) inner: &'static str,
    pub(super) place: &'static Place,
    /// Where JSON Resume keeps the FRESH object's other fields.
    pub(super) bag: &'static str,
}

pub(super) static WRAPPERS: &[Wrapper] = &[
    Wrapper {
        jr: "work",
        fresh: "employment",
        inner: "history",
        place: &WORK,
        bag: "x-fresh-employment",
    },
    Wrapper {
        jr: "volunteer",
        fresh: "service",
        inner: "history",
        place: &VOLUNTEER,
        bag: "x-fresh-service",
    },
    Wrapper {
        jr: "education",
        fresh: "education",
        inner: "history",
        place: &EDUCATION,
        bag: "x-fresh-education",
    },
    Wrapper {
        jr: "skills",
        fresh: "skills",
        inner: "sets",
        place: &SKILL,
        bag: "x-fresh-skills",
    },
];

/// The FRESH top-level fields that make up JSON Resume's `basics`, in FRESH's order.
pub(super) const BASICS_PARTS: &[&str] = &["name", "info", "contact", "location", "social"];
/// `basics` fields in the standard's order, for the JSON Resume side.
pub(super) const BASICS_ORDER: &[&str] = &[
    "name", "label", "image", "email", "phone", "url", "summary", "location", "profiles",
];
/// JSON Resume keeps FRESH's `contact` extras (`other`, custom fields) here.
pub(super) const CONTACT_BAG: &str = "x-fresh-contact";
/// … and a FRESH `info` that is empty or not an object here.
pub(super) const INFO_BAG: &str = "x-fresh-info";
/// … and a FRESH `publisher` object's fields other than `name` here.
pub(super) const PUBLISHER_BAG: &str = "x-fresh-publisher";

impl Place {
    pub(super) fn jr_defined(&self, key: &str) -> bool {
        self.pairs.iter().any(|p| p.jr == key) || self.jr_only.contains(&key)
    }

    pub(super) fn fresh_defined(&self, key: &str) -> bool {
        self.pairs.iter().any(|p| p.fresh == key) || self.fresh_only.contains(&key)
    }

    pub(super) fn defines(&self, key: &str) -> bool {
        self.jr_defined(key) || self.fresh_defined(key)
    }

    pub(super) fn pair_from(&self, dir: Dir, key: &str) -> Option<&'static Pair>
    where
        Self: 'static,
    {
        self.pairs.iter().find(|p| dir.source_name(p) == key)
    }
}
