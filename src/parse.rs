//! Reading inputs from JSON text, with errors that name the path.

use crate::error::{Error, ErrorCode};
use crate::json::{parse, FromJson, Path};

/// Reads `T` from JSON text: strict JSON, unknown keys rejected, every error naming its path.
///
/// ```
/// use trust_eligibility::{input::CouncilInput, parse::from_json};
/// let err = from_json::<CouncilInput>(r#"{"asOf": "2016-01-01", "inspections": [], "colour": 1}"#).unwrap_err();
/// assert_eq!((err.code.as_str(), err.path.as_str()), ("unknown_field", "colour"));
/// ```
pub fn from_json<T: FromJson>(text: &str) -> Result<T, Error> {
    T::from_json(&parse(text)?, &Path::Root)
}

/// Reads `T` from JSON bytes, which must be UTF-8.
pub fn from_json_bytes<T: FromJson>(bytes: &[u8]) -> Result<T, Error> {
    // A byte order mark, as Windows Notepad writes, is not part of the JSON.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::new(
            ErrorCode::InvalidJson,
            "",
            format_args!(
                "the input is not UTF-8 text (invalid byte at offset {})",
                e.valid_up_to()
            ),
        )
    })?;
    from_json(text)
}
