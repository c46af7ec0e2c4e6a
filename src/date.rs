//! Calendar dates as the rules use them: UK calendar days, `YYYY-MM-DD`, calendar-month
//! arithmetic clamped to the end of the month. No clock is ever read.
//!
//! Proleptic Gregorian arithmetic of our own (days from the civil date and back), rather than a
//! date library: the rules need nothing more, and it keeps the WebAssembly module small.

use std::fmt;

/// A calendar date between 1990-01-01 and 2100-12-31 once validated from input;
/// arithmetic results may fall outside that range.
///
/// Held as `year × 512 + month × 32 + day`: ordering is chronological, and writing the date
/// needs no calendar arithmetic.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

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

/// The representable years: arithmetic saturates at the first day of the first and the last
/// day of the last.
const MIN_YEAR: i64 = -262_143;
const MAX_YEAR: i64 = 262_142;

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a civil date (H. Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number (the inverse of [`days_from_civil`]).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

impl Date {
    /// A date from its parts, if that day exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        let y = i64::from(year);
        if !(MIN_YEAR..=MAX_YEAR).contains(&y)
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(y, month)
        {
            return None;
        }
        Some(Date::pack(y, month, day))
    }

    /// A date already known to exist.
    fn pack(y: i64, m: u32, d: u32) -> Date {
        Date((y as i32) * 512 + (m as i32) * 32 + d as i32)
    }

    fn year(self) -> i64 {
        i64::from(self.0 >> 9)
    }

    fn month(self) -> u32 {
        ((self.0 >> 5) & 15) as u32
    }

    fn day(self) -> u32 {
        (self.0 & 31) as u32
    }

    fn first() -> Date {
        Date::pack(MIN_YEAR, 1, 1)
    }

    fn last() -> Date {
        Date::pack(MAX_YEAR, 12, 31)
    }

    /// Days since 1970-01-01.
    fn day_number(self) -> i64 {
        days_from_civil(self.year(), self.month(), self.day())
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
        let lo = Date::pack(i64::from(MIN_INPUT.0), MIN_INPUT.1, MIN_INPUT.2);
        let hi = Date::pack(i64::from(MAX_INPUT.0), MAX_INPUT.1, MAX_INPUT.2);
        if date < lo || date > hi {
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
        // Months counted from year 0; |n| beyond the representable range saturates below.
        let n = n.clamp(-(1 << 40), 1 << 40);
        let total = self.year() * 12 + i64::from(self.month()) - 1 + n;
        let y = total.div_euclid(12);
        if y > MAX_YEAR {
            return Date::last();
        }
        if y < MIN_YEAR {
            return Date::first();
        }
        let m = (total.rem_euclid(12) + 1) as u32;
        Date::pack(y, m, self.day().min(days_in_month(y, m)))
    }

    /// Adds calendar years, clamped like [`Date::add_months`] (29 Feb + 1 year = 28 Feb).
    pub fn add_years(self, n: i64) -> Date {
        self.add_months(n.saturating_mul(12))
    }

    /// Adds days.
    pub fn add_days(self, n: i64) -> Date {
        let z = self.day_number().saturating_add(n);
        if z > Date::last().day_number() {
            return Date::last();
        }
        if z < Date::first().day_number() {
            return Date::first();
        }
        let (y, m, d) = civil_from_days(z);
        Date::pack(y, m, d)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number() - self.day_number()
    }

    /// `YYYY-MM-DD` written without the formatting machinery (dates are written a great deal).
    pub fn ymd(self) -> [u8; 10] {
        let (y, m, d) = (self.year().clamp(0, 9999) as u32, self.month(), self.day());
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

    /// Appends `YYYY-MM-DD` to `out`.
    pub fn push_to(self, out: &mut String) {
        let bytes = self.ymd();
        // Only ASCII digits and dashes: always valid UTF-8.
        out.push_str(std::str::from_utf8(&bytes).unwrap_or("0000-00-00"));
    }

    /// `YYYY-MM-DD` as a `String`, without the formatting machinery.
    pub fn text(self) -> String {
        let mut s = String::with_capacity(10);
        self.push_to(&mut s);
        s
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bytes = self.ymd();
        // Only ASCII digits and dashes: always valid UTF-8.
        f.write_str(std::str::from_utf8(&bytes).unwrap_or("0000-00-00"))
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Date({self})")
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text())
    }
}

impl crate::write::ToJson for Date {
    fn write_json(&self, out: &mut String) {
        out.push('"');
        self.push_to(out);
        out.push('"');
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_and_match_the_calendar() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for z in (-800_000..800_000).step_by(97) {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
            assert!(Date::from_ymd(y as i32, m, d).is_some());
        }
        let a = Date::parse("2015-12-31").unwrap();
        assert_eq!(a.add_days(1).to_string(), "2016-01-01");
        assert_eq!(a.days_until(Date::parse("2016-03-01").unwrap()), 61);
        assert_eq!(a.add_months(i64::MAX), Date::last());
        assert_eq!(a.add_months(i64::MIN), Date::first());
        assert_eq!(a.add_days(i64::MIN), Date::first());
        assert_eq!(Date::from_ymd(2100, 2, 29), None);
        assert_eq!(
            Date::from_ymd(2000, 2, 29).unwrap().to_string(),
            "2000-02-29"
        );
    }
}
