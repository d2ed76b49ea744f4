//! `PartialDate`: the standard's `iso8601` type, a date whose month and day are optional.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The official pattern for dates, verbatim from the JSON Resume schema.
pub const ISO8601_PATTERN: &str =
    "^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$";

/// A date written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
///
/// It accepts exactly what the official schema's pattern accepts (so `2017-13` parses:
/// the schema lets it through, and the `lint/invalid-month` rule reports it) and prints
/// back exactly as written. Ordering is chronological, a less precise date first:
/// `2020` < `2020-01` < `2020-01-01` < `2020-02`.
///
/// ```
/// use vitae::model::PartialDate;
/// let start: PartialDate = "2019-03".parse()?;
/// let end: PartialDate = "2021".parse()?;
/// assert!(start.precedes(&end));
/// assert_eq!(start.to_string(), "2019-03");
/// assert_eq!(start.month(), Some(3));
/// # Ok::<(), vitae::model::PartialDateError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

/// The text is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")]
pub struct PartialDateError {
    /// The text that failed to parse.
    pub text: String,
}

impl PartialDate {
    /// A date with a year only.
    #[must_use]
    pub fn year_only(year: u16) -> Self {
        Self {
            year,
            month: None,
            day: None,
        }
    }

    /// A date with year and month (not checked against the calendar).
    #[must_use]
    pub fn year_month(year: u16, month: u8) -> Self {
        Self {
            year,
            month: Some(month),
            day: None,
        }
    }

    /// A full date (not checked against the calendar).
    #[must_use]
    pub fn ymd(year: u16, month: u8, day: u8) -> Self {
        Self {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// The year.
    #[must_use]
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month (1-12 when calendar-valid), if written.
    #[must_use]
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, if written.
    #[must_use]
    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// Whether the month and day exist in the calendar (`2017-13` and `2021-02-30` don't).
    #[must_use]
    pub fn is_calendar_valid(&self) -> bool {
        match (self.month, self.day) {
            (None, _) => true,
            (Some(m), None) => (1..=12).contains(&m),
            (Some(m), Some(d)) => {
                (1..=12).contains(&m) && d >= 1 && d <= days_in_month(self.year, m)
            }
        }
    }

    /// Whether this date is strictly earlier than `other` at the precision both share:
    /// `2020-05` does not precede `2020`, and `2019` precedes `2020-01`.
    #[must_use]
    pub fn precedes(&self, other: &PartialDate) -> bool {
        let key = |d: &PartialDate| [Some(d.year), d.month.map(u16::from), d.day.map(u16::from)];
        let (a, b) = (key(self), key(other));
        for (x, y) in a.iter().zip(b.iter()) {
            match (x, y) {
                (Some(x), Some(y)) if x != y => return x < y,
                (Some(_), Some(_)) => {}
                _ => return false,
            }
        }
        false
    }
}

/// Days in `month` of `year` in the Gregorian calendar.
#[must_use]
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

impl FromStr for PartialDate {
    type Err = PartialDateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || PartialDateError {
            text: text.to_owned(),
        };
        let b = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = b.get(range)?;
            part.iter().try_fold(0u16, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u16::from(c - b'0'))
            })
        };
        // The official pattern: [1-2]YYY, then -[0-1]M, then -[0-3]D.
        if !matches!(b.first(), Some(b'1' | b'2')) {
            return Err(err());
        }
        let year = digits(0..4).ok_or_else(err)?;
        let two = |at: usize, first_max: u8| -> Option<u8> {
            if b.get(at) != Some(&b'-') || b.get(at + 1).is_none_or(|&c| c > b'0' + first_max) {
                return None;
            }
            digits(at + 1..at + 3).map(|v| v as u8)
        };
        match b.len() {
            4 => Ok(Self::year_only(year)),
            7 => Ok(Self::year_month(year, two(4, 1).ok_or_else(err)?)),
            10 => {
                let month = two(4, 1).ok_or_else(err)?;
                let day = two(7, 3).ok_or_else(err)?;
                Ok(Self::ymd(year, month, day))
            }
            _ => Err(err()),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.year, self.month, self.day).cmp(&(other.year, other.month, other.day))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date as YYYY, YYYY-MM or YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PartialDate, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "iso8601".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A date in which each part after the year is optional: YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2014-06-29 or 2023-04.",
            "pattern": ISO8601_PATTERN,
        })
    }
}
