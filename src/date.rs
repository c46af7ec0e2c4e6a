//! Calendar dates as the rules use them: UK calendar days written `YYYY-MM-DD`, with
//! calendar-month arithmetic clamped to the end of the month (SPEC §5). A thin newtype over
//! chrono's [`NaiveDate`]: chrono does the calendar; this type adds the strict input form, the
//! accepted range and the wire format. No clock is ever read (chrono is built without it).

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::de::{self, Unexpected};
use std::fmt;

/// A calendar date; between 1990-01-01 and 2100-12-31 when read from input (arithmetic results
/// may fall outside that range).
///
/// Named `IsoDate` (and `Date`, the alias the engine's code uses) so that its TypeScript
/// declaration, `IsoDate`, a `string` written `YYYY-MM-DD`, does not hide JavaScript's `Date`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "typescript", derive(tsify_next::Tsify))]
pub struct IsoDate(#[cfg_attr(feature = "typescript", tsify(type = "string"))] pub NaiveDate);

/// The engine's name for [`IsoDate`].
pub type Date = IsoDate;

/// Why a string is not an acceptable date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`, or no such day (2015-02-30).
    NotADate,
    /// A real day, but before 1990-01-01 or after 2100-12-31.
    OutOfRange,
}

/// The earliest date accepted in input.
pub const MIN_INPUT: (i32, u32, u32) = (1990, 1, 1);
/// The latest date accepted in input.
pub const MAX_INPUT: (i32, u32, u32) = (2100, 12, 31);

/// What a date in input must look like (also the wording of the error when it does not).
pub(crate) const EXPECTING: &str = "a date (YYYY-MM-DD)";
/// The wording of the error for a real date outside the accepted range.
pub(crate) const EXPECTING_RANGE: &str = "a date from 1990-01-01 to 2100-12-31";

impl Date {
    /// A date from its parts, if that day exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(year, month, day).map(IsoDate)
    }

    /// Reads a date strictly as `YYYY-MM-DD` (four-digit year, two-digit month and day), within
    /// the range input may use.
    ///
    /// ```
    /// use trust_eligibility::date::{Date, DateError};
    /// assert_eq!(Date::parse("2016-02-29").unwrap().to_string(), "2016-02-29");
    /// assert_eq!(Date::parse("2015-02-29"), Err(DateError::NotADate));
    /// assert_eq!(Date::parse("2015-2-28"), Err(DateError::NotADate));
    /// assert_eq!(Date::parse("1989-12-31"), Err(DateError::OutOfRange));
    /// ```
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::NotADate);
        }
        if !(digits(0..4) && digits(5..7) && digits(8..10)) {
            return Err(DateError::NotADate);
        }
        // Digits only, so these parse; chrono then decides whether the day exists.
        let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
        let date =
            Date::from_ymd(num(0..4) as i32, num(5..7), num(8..10)).ok_or(DateError::NotADate)?;
        let (lo, hi) = (MIN_INPUT, MAX_INPUT);
        if date < Date::from_ymd(lo.0, lo.1, lo.2).unwrap_or(date)
            || date > Date::from_ymd(hi.0, hi.1, hi.2).unwrap_or(date)
        {
            return Err(DateError::OutOfRange);
        }
        Ok(date)
    }

    /// Adds (or with a negative `n`, subtracts) calendar months, clamping to the last day of
    /// the resulting month: 31 August + 6 months is 28 or 29 February. Saturates at the ends of
    /// chrono's range rather than failing.
    ///
    /// ```
    /// use trust_eligibility::date::Date;
    /// let d = Date::parse("2015-08-31").unwrap();
    /// assert_eq!(d.add_months(6).to_string(), "2016-02-29");
    /// assert_eq!(Date::parse("2016-02-29").unwrap().add_years(5).to_string(), "2021-02-28");
    /// assert_eq!(Date::parse("2016-02-29").unwrap().add_years(-5).to_string(), "2011-02-28");
    /// ```
    pub fn add_months(self, n: i64) -> Date {
        let months = Months::new(u32::try_from(n.unsigned_abs()).unwrap_or(u32::MAX));
        let moved = if n >= 0 {
            self.0.checked_add_months(months)
        } else {
            self.0.checked_sub_months(months)
        };
        IsoDate(moved.unwrap_or(if n >= 0 {
            NaiveDate::MAX
        } else {
            NaiveDate::MIN
        }))
    }

    /// Adds calendar years, clamped like [`Date::add_months`] (29 Feb + 1 year = 28 Feb).
    pub fn add_years(self, n: i64) -> Date {
        self.add_months(n.saturating_mul(12))
    }

    /// Adds (or subtracts) days, saturating at the ends of chrono's range.
    pub fn add_days(self, n: i64) -> Date {
        let days = Days::new(n.unsigned_abs());
        let moved = if n >= 0 {
            self.0.checked_add_days(days)
        } else {
            self.0.checked_sub_days(days)
        };
        IsoDate(moved.unwrap_or(if n >= 0 {
            NaiveDate::MAX
        } else {
            NaiveDate::MIN
        }))
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.0.signed_duration_since(self.0).num_days()
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// Appends `YYYY-MM-DD` to `out`.
    pub fn push_to(self, out: &mut String) {
        use fmt::Write as _;
        let _ = write!(out, "{self}");
    }

    /// `YYYY-MM-DD` as a `String`.
    pub fn text(self) -> String {
        self.to_string()
    }
}

impl Date {
    /// A date fixed when the code is compiled (the built-in rules baked into the checker's
    /// wasm, `crates/wasm/build.rs`, in a `const`): a day that does not exist fails the build.
    pub const fn known(year: i32, month: u32, day: u32) -> Date {
        match NaiveDate::from_ymd_opt(year, month, day) {
            Some(d) => IsoDate(d),
            None => panic!("no such day"),
        }
    }
}

/// A date as Rust: a `const` built from its parts.
#[cfg(feature = "bake")]
impl databake::Bake for Date {
    fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
        env.insert("trust_eligibility");
        let (y, m, d) = (self.0.year(), self.0.month(), self.0.day());
        databake::quote! {
            {
                const D: trust_eligibility::date::IsoDate = trust_eligibility::date::IsoDate::known(#y, #m, #d);
                D
            }
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Date({self})")
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        struct Visit;
        impl de::Visitor<'_> for Visit {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(EXPECTING)
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Date, E> {
                // The value as the message quotes it, cut short (a 10 MB string stays out).
                let shown: String = s.chars().take(40).collect();
                Date::parse(s).map_err(|e| match e {
                    DateError::NotADate => E::invalid_value(Unexpected::Str(&shown), &EXPECTING),
                    DateError::OutOfRange => {
                        E::invalid_value(Unexpected::Str(&shown), &EXPECTING_RANGE)
                    }
                })
            }
        }
        d.deserialize_str(Visit)
    }
}

/// How precisely a [`PartialDate`] is known.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(tsify_next::Tsify))]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// A date a source may give only to the month or the year: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`
/// (a public decision whose announcement gives no day). Compared by [`PartialDate::last_day`],
/// the last day it could be.
///
/// It crosses to JavaScript as its text (`"2024-02"`): every field of this type carries
/// `tsify(type = "string")`, so the TypeScript declarations say so.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// The last day the date could be (the day itself when known to the day).
    last: IsoDate,
    precision: Precision,
}

/// What a date known to the day, month or year must look like.
pub(crate) const EXPECTING_PARTIAL: &str = "a date (YYYY-MM-DD, YYYY-MM or YYYY)";

impl PartialDate {
    /// Reads `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, within the range input may use.
    ///
    /// ```
    /// use trust_eligibility::date::{PartialDate, Precision};
    /// let d = PartialDate::parse("2024-02").unwrap();
    /// assert_eq!(d.precision(), Precision::Month);
    /// assert_eq!(d.last_day().to_string(), "2024-02-29");
    /// assert_eq!(d.to_string(), "2024-02");
    /// assert_eq!(PartialDate::parse("2019").unwrap().last_day().to_string(), "2019-12-31");
    /// assert!(PartialDate::parse("2019-13").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<PartialDate, DateError> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        let (text, precision) = match b.len() {
            10 => return Date::parse(s).map(PartialDate::day),
            7 if b[4] == b'-' && digits(0..4) && digits(5..7) => {
                (format!("{s}-01"), Precision::Month)
            }
            4 if digits(0..4) => (format!("{s}-12-01"), Precision::Year),
            _ => return Err(DateError::NotADate),
        };
        let first = Date::parse(&text)?;
        let last = first.add_months(1).add_days(-1);
        Ok(PartialDate { last, precision })
    }

    /// A date known to the day.
    pub fn day(date: Date) -> PartialDate {
        PartialDate {
            last: date,
            precision: Precision::Day,
        }
    }

    /// The last day it could be: the day itself, the month's last day, or 31 December.
    pub fn last_day(self) -> Date {
        self.last
    }

    /// How precisely it is known.
    pub fn precision(self) -> Precision {
        self.precision
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.last.0;
        match self.precision {
            Precision::Day => write!(f, "{}", self.last),
            Precision::Month => write!(f, "{:04}-{:02}", d.year(), d.month()),
            Precision::Year => write!(f, "{:04}", d.year()),
        }
    }
}

impl fmt::Debug for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PartialDate({self})")
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    /// By the last day it could be, then the more precise first.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.last, self.precision).cmp(&(other.last, other.precision))
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<PartialDate, D::Error> {
        struct Visit;
        impl de::Visitor<'_> for Visit {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(EXPECTING_PARTIAL)
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<PartialDate, E> {
                let shown: String = s.chars().take(40).collect();
                PartialDate::parse(s).map_err(|e| match e {
                    DateError::NotADate => {
                        E::invalid_value(Unexpected::Str(&shown), &EXPECTING_PARTIAL)
                    }
                    DateError::OutOfRange => {
                        E::invalid_value(Unexpected::Str(&shown), &EXPECTING_RANGE)
                    }
                })
            }
        }
        d.deserialize_str(Visit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_clamps_and_saturates() {
        let a = Date::parse("2015-12-31").unwrap();
        assert_eq!(a.add_days(1).to_string(), "2016-01-01");
        assert_eq!(a.days_until(Date::parse("2016-03-01").unwrap()), 61);
        assert_eq!(a.add_months(i64::MAX), IsoDate(NaiveDate::MAX));
        assert_eq!(a.add_months(i64::MIN), IsoDate(NaiveDate::MIN));
        assert_eq!(a.add_days(i64::MIN), IsoDate(NaiveDate::MIN));
        assert_eq!(Date::from_ymd(2100, 2, 29), None);
        assert_eq!(Date::parse("2100-12-31").unwrap().to_string(), "2100-12-31");
        assert_eq!(Date::parse("2101-01-01"), Err(DateError::OutOfRange));
        assert_eq!(Date::parse("+015-01-01"), Err(DateError::NotADate));
        assert_eq!(Date::parse("２０15-01-01"), Err(DateError::NotADate));
    }
}
