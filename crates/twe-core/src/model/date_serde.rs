//! Reading dates from dossier files with a message that names the bad value.
//!
//! chrono's own deserializer says only "input is out of range" for "2019-02-30"; the loader
//! recognises [`INVALID_DATE`] and turns it into a bilingual message that names the field.

use chrono::NaiveDate;
use serde::Deserializer;
use serde::de::{self, Visitor};
use std::fmt;

/// Start of the error text for a value that is not a calendar date; the loader matches it.
pub const INVALID_DATE: &str = "invalid date: ";

/// Parses `YYYY-MM-DD`, the only date form the file contract allows. By hand: chrono's
/// format-string parser was 6% of loading a workspace.
pub fn parse(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)
}

struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date as a string \"YYYY-MM-DD\"")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<NaiveDate, E> {
        parse(s).ok_or_else(|| E::custom(format!("{INVALID_DATE}{s}")))
    }
}

/// `deserialize_with` for a required date.
pub fn de<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(DateVisitor)
}

struct OptionalDateVisitor;

impl<'de> Visitor<'de> for OptionalDateVisitor {
    type Value = Option<NaiveDate>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("None or Some(\"YYYY-MM-DD\")")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        de(d).map(Some)
    }
}

/// `deserialize_with` for an optional date (`None` or `Some("2019-03-01")`).
pub fn de_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    d.deserialize_option(OptionalDateVisitor)
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_real_dates_in_the_contract_form() {
        assert_eq!(
            super::parse("2020-02-29").map(|d| d.to_string()),
            Some("2020-02-29".into())
        );
        for bad in [
            "2019-02-29",
            "2019-02-30",
            "2019-13-01",
            "2019-00-10",
            "19-01-01",
            "2019/01/01",
            "2019-1-01",
            "2019-01-0a",
            "+019-01-01",
            "",
        ] {
            assert_eq!(super::parse(bad), None, "{bad}");
        }
    }
}
