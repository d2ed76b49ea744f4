//! Any text through the date readers: no panic, and what they return is calendar-valid
//! and prints as an ISO partial date that parses back to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vitae::model::{LooseDate, PartialDate, parse_loose, parse_range};

fuzz_target!(|text: &str| {
    if let Some(LooseDate::Date(d)) = parse_loose(text) {
        assert!(d.is_calendar_valid(), "{text:?} gave {d}");
        assert_eq!(d.to_string().parse::<PartialDate>(), Ok(d));
    }
    if let Some((start, _)) = parse_range(text) {
        assert!(start.is_calendar_valid(), "{text:?} gave {start}");
    }
    if let Ok(d) = text.parse::<PartialDate>() {
        assert_eq!(d.to_string(), text);
    }
});
