//! Calendar dates as the rules use them: UK calendar days, `YYYY-MM-DD`, calendar-month
//! arithmetic clamped to the end of the month. No clock is ever read.

use chrono::{Datelike, Months, NaiveDate};
use std::fmt;

/// A calendar date between 1990-01-01 and 2100-12-31 once validated from input;
/// arithmetic results may fall outside that range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NaiveDate);

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

impl Date {
    /// A date from its parts, if that day exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(year, month, day).map(Date)
    }

    /// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day) and checks
    /// the day exists and lies between 1990-01-01 and 2100-12-31.
    ///
    /// ```
    /// use trust_eligibility::date::{Date, DateError};
    /// assert_eq!(Date::parse("2016-02-29").unwrap().to_string(), "2016-02-29");
    /// assert_eq!(Date::parse("2015-02-29"), Err(DateError::NotADate));
    /// assert_eq!(Date::parse("1989-12-31"), Err(DateError::OutOfRange));
    /// ```
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::NotADate);
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, DateError> {
            b[r].iter().try_fold(0u32, |acc, &c| {
                if c.is_ascii_digit() {
                    Ok(acc * 10 + u32::from(c - b'0'))
                } else {
                    Err(DateError::NotADate)
                }
            })
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let date = Date::from_ymd(y as i32, m, d).ok_or(DateError::NotADate)?;
        let (lo, hi) = (
            Date::from_ymd(MIN_INPUT.0, MIN_INPUT.1, MIN_INPUT.2),
            Date::from_ymd(MAX_INPUT.0, MAX_INPUT.1, MAX_INPUT.2),
        );
        if Some(date) < lo || Some(date) > hi {
            return Err(DateError::OutOfRange);
        }
        Ok(date)
    }

    /// Adds (or with a negative `n`, subtracts) calendar months, clamping to the last day of
    /// the resulting month: 31 August + 6 months is 28 or 29 February. Saturates at the ends
    /// of the representable range rather than failing.
    ///
    /// ```
    /// use trust_eligibility::date::Date;
    /// let d = Date::parse("2015-08-31").unwrap();
    /// assert_eq!(d.add_months(6).to_string(), "2016-02-29");
    /// assert_eq!(Date::parse("2016-02-29").unwrap().add_years(5).to_string(), "2021-02-28");
    /// assert_eq!(Date::parse("2016-02-29").unwrap().add_years(-5).to_string(), "2011-02-28");
    /// ```
    pub fn add_months(self, n: i64) -> Date {
        let magnitude = u32::try_from(n.unsigned_abs()).unwrap_or(u32::MAX);
        let moved = if n >= 0 {
            self.0.checked_add_months(Months::new(magnitude))
        } else {
            self.0.checked_sub_months(Months::new(magnitude))
        };
        Date(moved.unwrap_or(if n >= 0 {
            NaiveDate::MAX
        } else {
            NaiveDate::MIN
        }))
    }

    /// Adds calendar years, clamped like [`Date::add_months`] (29 Feb + 1 year = 28 Feb).
    pub fn add_years(self, n: i64) -> Date {
        self.add_months(n.saturating_mul(12))
    }

    /// Adds days.
    pub fn add_days(self, n: i64) -> Date {
        Date(
            self.0
                .checked_add_signed(chrono::TimeDelta::days(n))
                .unwrap_or(if n >= 0 {
                    NaiveDate::MAX
                } else {
                    NaiveDate::MIN
                }),
        )
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        i64::from(later.0.num_days_from_ce()) - i64::from(self.0.num_days_from_ce())
    }
}

impl Date {
    /// `YYYY-MM-DD` written without the formatting machinery (dates are written a great deal).
    fn ymd(self) -> [u8; 10] {
        let (y, m, d) = (
            self.0.year().clamp(0, 9999) as u32,
            self.0.month(),
            self.0.day(),
        );
        let digit = |n: u32| b'0' + (n % 10) as u8;
        [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ]
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bytes = self.ymd();
        // Only ASCII digits and dashes: always valid UTF-8.
        f.write_str(std::str::from_utf8(&bytes).unwrap_or("0000-00-00"))
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl crate::json::FromJson for Date {
    const EXPECTING: &'static str = "a date as text, YYYY-MM-DD";
    fn from_json(v: &crate::json::Json, at: &crate::json::Path) -> Result<Self, crate::Error> {
        use crate::error::{Error, ErrorCode};
        let crate::json::Json::Str(s) = v else {
            return Err(crate::json::wrong_type(v, at, Self::EXPECTING));
        };
        Date::parse(s).map_err(|e| match e {
            DateError::NotADate => Error::new(
                ErrorCode::InvalidDate,
                at.render(),
                format_args!(
                    "{} is not a date (YYYY-MM-DD)",
                    crate::input::quote_short(s)
                ),
            ),
            DateError::OutOfRange => Error::new(
                ErrorCode::DateOutOfRange,
                at.render(),
                format_args!(
                    "{} is outside the dates accepted (1990-01-01 to 2100-12-31)",
                    crate::input::quote_short(s)
                ),
            ),
        })
    }
}
