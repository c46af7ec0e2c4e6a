//! The crate's one error type: what went wrong, where in the input, and in words.

use std::fmt;

/// What kind of problem an [`Error`] reports. Serialised in `snake_case`
/// (`"unknown_field"`), which is also the `code` a JavaScript caller sees.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    strum::IntoStaticStr,
    strum::VariantArray,
    strum::VariantNames,
)]
#[strum(serialize_all = "snake_case")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    serde(rename_all = "snake_case")
)]
pub enum ErrorCode {
    /// The text is not JSON at all (or is nested too deeply).
    InvalidJson,
    /// A key the input format does not have (a typo must not be silently ignored).
    UnknownField,
    /// A required key is absent.
    MissingField,
    /// The same key appears twice in one object.
    DuplicateField,
    /// A value of the wrong JSON type (a number where a string was expected...).
    InvalidType,
    /// A value of the right type but not one of the accepted values.
    InvalidValue,
    /// A string that is not a `YYYY-MM-DD` calendar date.
    InvalidDate,
    /// A date outside 1990-01-01 to 2100-12-31.
    DateOutOfRange,
    /// An array with more items than allowed.
    TooMany,
    /// A string longer than allowed.
    TooLong,
    /// Two inspections published on the same day.
    DuplicateInspection,
    /// No ruleset is in force on the date, or the named ruleset does not exist.
    NoRuleset,
    /// A council's own Ofsted history is needed but absent.
    MissingInspection,
    /// A ruleset file is not valid.
    InvalidRuleset,
    // The codes of the Ofsted reader (crates/ofsted), about the files it is given.
    /// A file that cannot be read: not a spreadsheet, not CSV, a sheet or file that cannot be
    /// opened, or no file at all.
    UnreadableFile,
    /// A spreadsheet format this build does not read (`.xls` and `.xlsb` in the browser).
    UnsupportedFormat,
    /// Ofsted's file without one of its sheets (`path`: the sheet).
    MissingSheet,
    /// A sheet or CSV file without a header row of Ofsted's columns (`path`: the sheet expected).
    NoHeader,
    /// A header row without one of Ofsted's columns (`path`: the sheet).
    MissingColumn,
    /// Two files that hold the same sheet (`path`: the sheet).
    FileGivenTwice,
    /// A spreadsheet given with other files: the spreadsheet alone, or its sheets as CSV.
    MixedFiles,
}

crate::codes::code_serde!(ErrorCode);

impl ErrorCode {
    /// The code as the string JavaScript callers and the CLI see.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// Bad input: a `code`, the JSON `path` of the offending value (`inspections[2].published`,
/// empty for the whole document), the `detail` in plain words, and a `message` for people: the
/// path, then the detail.
///
/// ```
/// let err = trust_eligibility::assess_council_json(
///     r#"{"asOf": "2016-03-01", "inspections": [{"published": "2015-02-30", "overall": "good"}]}"#,
/// ).unwrap_err();
/// assert_eq!(err.code.as_str(), "invalid_date");
/// assert_eq!(err.path, "inspections[0].published");
/// assert_eq!(err.detail, r#"invalid value: string "2015-02-30", expected a date (YYYY-MM-DD)"#);
/// assert_eq!(
///     err.message,
///     r#"inspections[0].published: invalid value: string "2015-02-30", expected a date (YYYY-MM-DD)"#
/// );
/// ```
///
/// The fields live behind one pointer (`Deref` to [`ErrorDetail`]): a `Result` that carries
/// an `Error` stays the size of a pointer, which keeps every `?` cheap and the wasm small.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(Box<ErrorDetail>);

/// What an [`Error`] holds: the code, path, detail and message every error has, and the
/// limit or index some have, so that a page can word its own message without reading ours.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify_next::Tsify))]
pub struct ErrorDetail {
    pub code: ErrorCode,
    pub path: String,
    /// What is wrong with the value at `path`, in words (the message without the path).
    pub detail: String,
    /// The path and the detail: `inspections[0].published: invalid value...` (the detail alone
    /// for the whole document).
    pub message: String,
    /// The limit that was exceeded (`too_many`: items; `too_long`: characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
    /// The other item involved (`duplicate_inspection`: the index of the inspection published
    /// on the same day).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<u64>,
}

impl std::ops::Deref for Error {
    type Target = ErrorDetail;
    fn deref(&self) -> &ErrorDetail {
        &self.0
    }
}

impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl Error {
    /// An error at `path`; the message is prefixed with the path.
    pub fn new(code: ErrorCode, path: impl Into<String>, detail: impl fmt::Display) -> Error {
        Error::build(code, path.into(), &detail)
    }

    // Errors are the cold path: one copy of this, however many callers and detail types.
    #[cold]
    #[inline(never)]
    fn build(code: ErrorCode, path: String, detail: &dyn fmt::Display) -> Error {
        let detail = detail.to_string();
        let message = if path.is_empty() {
            detail.clone()
        } else {
            format!("{path}: {detail}")
        };
        Error(Box::new(ErrorDetail {
            code,
            path,
            detail,
            message,
            limit: None,
            index: None,
        }))
    }

    /// The same error with the limit it exceeded.
    pub fn with_limit(mut self, limit: u64) -> Error {
        self.0.limit = Some(limit);
        self
    }

    /// The same error with the index of the other item involved.
    pub fn with_index(mut self, index: u64) -> Error {
        self.0.index = Some(index);
        self
    }

    /// The same error under another code (a bad value inside a ruleset file is `invalid_ruleset`).
    pub fn recode(mut self, code: ErrorCode) -> Error {
        self.0.code = code;
        self
    }

    /// The same error with `prefix` put in front of its path (`[3]` for the fourth item of a batch).
    pub fn within(self, prefix: &str) -> Error {
        let path = join_path(prefix, &self.path);
        let mut e = Error::new(self.code, path, &self.detail);
        e.0.limit = self.limit;
        e.0.index = self.index;
        e
    }
}

/// Joins two path parts: `a` + `b` → `a.b`, `a` + `[1]` → `a[1]`.
pub(crate) fn join_path(a: &str, b: &str) -> String {
    if a.is_empty() {
        b.to_string()
    } else if b.is_empty() {
        a.to_string()
    } else if b.starts_with('[') {
        format!("{a}{b}")
    } else {
        format!("{a}.{b}")
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
