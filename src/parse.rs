//! Reading inputs from JSON text or any serde data format, with errors that name the path.

use crate::error::{from_serde_message, Error, ErrorCode};
use serde::de::DeserializeOwned;

/// Renders a tracked path as `inspections[2].published` (empty for the document itself).
pub(crate) fn path_string(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push('?');
            }
        }
    }
    out
}

/// Drops serde_json's " at line L column C" suffix from a data error.
pub(crate) fn clean_message(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) if msg[i..].contains(" column ") => msg[..i].to_string(),
        _ => msg.to_string(),
    }
}

/// Deserialises `T` from any serde deserializer, turning errors into [`Error`]s with paths.
pub fn from_deserializer<'de, T: DeserializeOwned, D>(d: D) -> Result<T, Error>
where
    D: serde::Deserializer<'de>,
    D::Error: std::fmt::Display,
{
    serde_path_to_error::deserialize(d).map_err(|e| {
        let path = path_string(e.path());
        from_serde_message(&path, &clean_message(&e.inner().to_string()))
    })
}

/// Deserialises `T` from JSON text. Syntax errors keep their line and column.
///
/// ```
/// use trust_eligibility::{input::CouncilInput, parse::from_json};
/// let err = from_json::<CouncilInput>(r#"{"asOf": "2016-01-01", "inspections": [], "colour": 1}"#).unwrap_err();
/// assert_eq!((err.code.as_str(), err.path.as_str()), ("unknown_field", "colour"));
/// ```
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = match serde_path_to_error::deserialize(&mut de) {
        Ok(v) => v,
        Err(e) => {
            let inner = e.inner();
            if inner.is_syntax() || inner.is_eof() {
                return Err(Error::new(
                    ErrorCode::InvalidJson,
                    "",
                    format_args!("the input is not valid JSON: {inner}"),
                ));
            }
            let path = path_string(e.path());
            return Err(from_serde_message(
                &path,
                &clean_message(&inner.to_string()),
            ));
        }
    };
    de.end().map_err(|e| {
        Error::new(
            ErrorCode::InvalidJson,
            "",
            format_args!("the input is not valid JSON: {e}"),
        )
    })?;
    Ok(value)
}

/// Deserialises `T` from JSON bytes, which must be UTF-8.
pub fn from_json_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Error> {
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
