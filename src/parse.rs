//! Reading inputs with serde, every error naming the JSON path of the value at fault
//! (paths tracked by `serde_path_to_error`), under one of the [`ErrorCode`]s of SPEC §6.

use crate::error::{Error, ErrorCode};
use serde::{Deserialize, Deserializer};

/// Reads `T` from any serde deserializer (JSON text, a JavaScript value...), turning its error
/// into an [`Error`] with the path and code SPEC §6 asks for.
pub fn from_deserializer<'de, D, T>(d: D) -> Result<T, Error>
where
    D: Deserializer<'de>,
    D::Error: std::fmt::Display,
    T: Deserialize<'de>,
{
    serde_path_to_error::deserialize(d)
        .map_err(|e| data_error(&path_text(e.path()), &e.inner().to_string()))
}

/// A path as SPEC §6 writes it: `inspections[2].published`; the empty string for the root.
pub fn path_text(path: &serde_path_to_error::Path) -> String {
    let text = path.to_string();
    if text == "." {
        String::new()
    } else {
        text
    }
}

/// An error a deserializer reported for the value at `path`, under the code that fits it.
///
/// serde words the errors of its `de::Error` constructors itself ("invalid type: …",
/// "unknown field `x`, expected …"), the same for every format, so the code is read from
/// those fixed words; the names of unknown, missing and duplicate fields are added to the path,
/// which `serde_path_to_error` leaves at the object that holds them.
pub(crate) fn data_error(path: &str, message: &str) -> Error {
    // serde-wasm-bindgen's errors are JavaScript errors, written "Error: …"; a TypeError is
    // JavaScript refusing to read a value of the wrong type (`null` where a list belongs).
    if let Some(rest) = message.strip_prefix("TypeError: ") {
        return Error::new(
            ErrorCode::InvalidType,
            path,
            format_args!("invalid type: {}", shortened(rest)),
        );
    }
    let message = message.strip_prefix("Error: ").unwrap_or(message);
    // serde_json ends its messages with the position; the path says where already.
    let message = match message.rfind(" at line ") {
        Some(at) if message[at..].contains(" column ") => &message[..at],
        _ => message,
    };
    // The field named in the message, added to the path unless the path ends with it already
    // (`serde_path_to_error` includes a key it has read, not one that is missing).
    let with_field = || {
        let mut parts = message.split('`');
        parts.next();
        let field = parts.next().unwrap_or_default();
        let last = path.rsplit(['.', ']']).next().unwrap_or_default();
        if last == field {
            path.to_string()
        } else {
            crate::error::join_path(path, field)
        }
    };
    let (code, path) = if message.starts_with("unknown field") {
        (ErrorCode::UnknownField, with_field())
    } else if message.starts_with("missing field") {
        (ErrorCode::MissingField, with_field())
    } else if message.starts_with("duplicate field") {
        (ErrorCode::DuplicateField, with_field())
    } else if message.starts_with("invalid type: floating point")
        && message.ends_with("expected u32")
    {
        // A number, but not a whole one: the right type with a wrong value.
        (ErrorCode::InvalidValue, path.to_string())
    } else if message.starts_with("invalid type") {
        (ErrorCode::InvalidType, path.to_string())
    } else if message.ends_with(crate::date::EXPECTING)
        || message.ends_with(crate::date::EXPECTING_PARTIAL)
    {
        (ErrorCode::InvalidDate, path.to_string())
    } else if message.ends_with(crate::date::EXPECTING_RANGE) {
        (ErrorCode::DateOutOfRange, path.to_string())
    } else {
        (ErrorCode::InvalidValue, path.to_string())
    };
    Error::new(code, path, shortened(message))
}

/// serde quotes the value at fault in full: a 10 MB string must not come back 10 MB long.
fn shortened(message: &str) -> std::borrow::Cow<'_, str> {
    if message.chars().count() > MAX_MESSAGE {
        message
            .chars()
            .take(MAX_MESSAGE)
            .chain("…".chars())
            .collect::<String>()
            .into()
    } else {
        message.into()
    }
}

/// Reads `T` from JSON text: strict JSON, unknown keys rejected, every error naming its path.
///
/// ```
/// use trust_eligibility::{input::CouncilInput, parse::from_json};
/// let err = from_json::<CouncilInput>(r#"{"asOf": "2016-01-01", "inspections": [], "colour": 1}"#).unwrap_err();
/// assert_eq!((err.code.as_str(), err.path.as_str()), ("unknown_field", "colour"));
/// ```
///
/// Text that is not JSON (or nests more than [`MAX_DEPTH`] levels) is an `invalid_json` error
/// even where a value before the fault is of the wrong type: the text as a whole is judged
/// first, as a person reading the message would expect.
#[cfg(feature = "json")]
pub fn from_json<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let err = match serde_path_to_error::deserialize(&mut de) {
        Ok(v) => {
            // Text after the value: only the whole-text check can say what is wrong.
            return match de.end() {
                Ok(()) => Ok(v),
                Err(e) => Err(check_json(text).err().unwrap_or_else(|| {
                    Error::new(
                        ErrorCode::InvalidJson,
                        "",
                        format_args!("the input is not valid JSON: {e}"),
                    )
                })),
            };
        }
        Err(e) => e,
    };
    check_json(text)?;
    // The text is JSON, so an error serde_json words as a syntax error (an enum given as
    // `true`) is a value of the wrong type.
    let inner = err.inner();
    let path = path_text(err.path());
    if inner.is_syntax() || inner.is_eof() {
        let message = inner.to_string();
        let message = message.split(" at line ").next().unwrap_or_default();
        return Err(Error::new(
            ErrorCode::InvalidType,
            path,
            format_args!("invalid type: {message}"),
        ));
    }
    Err(data_error(&path, &inner.to_string()))
}

/// The most characters of a deserializer's message kept in an error.
const MAX_MESSAGE: usize = 300;

/// How deeply arrays and objects may nest in JSON text.
pub const MAX_DEPTH: usize = 64;

/// Checks that `text` is one JSON value nested at most [`MAX_DEPTH`] levels deep, with no key
/// given twice in one object.
#[cfg(feature = "json")]
pub fn check_json(text: &str) -> Result<(), Error> {
    value_from_json(text).map(drop)
}

/// The JSON value `text` holds, checked as [`check_json`] checks it (an override's text is
/// read once, into the [`Value`](crate::value::Value) the merge works on).
#[cfg(feature = "json")]
pub fn value_from_json(text: &str) -> Result<crate::value::Value, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut track = serde_path_to_error::Track::new();
    let read = serde::de::DeserializeSeed::deserialize(
        json_shape::Depth(0),
        serde_path_to_error::Deserializer::new(&mut de, &mut track),
    )
    .map_err(|inner| serde_path_to_error::Error::new(track.path(), inner));
    let e = match read {
        Ok(value) => {
            return de.end().map(|()| value).map_err(|e| {
                Error::new(
                    ErrorCode::InvalidJson,
                    "",
                    format_args!("the input is not valid JSON: {e}"),
                )
            })
        }
        Err(e) => e,
    };
    let inner = e.inner();
    Err(if inner.is_syntax() || inner.is_eof() {
        Error::new(
            ErrorCode::InvalidJson,
            "",
            format_args!("the input is not valid JSON: {inner}"),
        )
    } else if inner.to_string().starts_with("nested more than") {
        Error::new(
            ErrorCode::InvalidJson,
            "",
            format_args!(
                "the input is not valid JSON: {inner} (at {})",
                path_text(e.path())
            ),
        )
    } else {
        data_error(&path_text(e.path()), &inner.to_string())
    })
}

/// Any JSON value, read into a [`Value`] with its depth and its keys checked.
#[cfg(feature = "json")]
pub(crate) mod json_shape {
    use super::MAX_DEPTH;
    use crate::value::Value;
    use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
    use std::fmt;

    /// The walk at a depth.
    #[derive(Clone, Copy)]
    pub struct Depth(pub usize);

    impl<'de> DeserializeSeed<'de> for Depth {
        type Value = Value;
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
            d.deserialize_any(self)
        }
    }

    impl Depth {
        fn deeper<E: de::Error>(self) -> Result<Depth, E> {
            if self.0 >= MAX_DEPTH {
                Err(E::custom(format_args!(
                    "nested more than {MAX_DEPTH} levels deep"
                )))
            } else {
                Ok(Depth(self.0 + 1))
            }
        }
    }

    impl<'de> Visitor<'de> for Depth {
        type Value = Value;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
            Ok(Value::Bool(b))
        }
        fn visit_i64<E>(self, i: i64) -> Result<Value, E> {
            Ok(Value::Int(i))
        }
        fn visit_u64<E>(self, u: u64) -> Result<Value, E> {
            Ok(i64::try_from(u).map_or(Value::Float(u as f64), Value::Int))
        }
        fn visit_f64<E>(self, x: f64) -> Result<Value, E> {
            Ok(Value::Float(x))
        }
        fn visit_str<E>(self, s: &str) -> Result<Value, E> {
            Ok(Value::Str(s.to_string()))
        }
        fn visit_string<E>(self, s: String) -> Result<Value, E> {
            Ok(Value::Str(s))
        }
        fn visit_unit<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
            let inner = self.deeper()?;
            let mut items = Vec::new();
            while let Some(item) = seq.next_element_seed(inner)? {
                items.push(item);
            }
            Ok(Value::List(items))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            let inner = self.deeper()?;
            let mut keys = std::collections::HashSet::new();
            let mut entries = Vec::new();
            while let Some(key) = map.next_key::<String>()? {
                if !keys.insert(key.clone()) {
                    return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
                }
                entries.push((key, map.next_value_seed(inner)?));
            }
            Ok(Value::Map(entries))
        }
    }
}

/// Reads a struct only from an object, never from a list of its fields in order (which serde's
/// derived code accepts): `["2016-10-01", "good"]` is not an inspection. The value is read as
/// whatever it is (`deserialize_any`), and anything but an object is the wrong type. Used
/// through [`object_only!`](crate::object_only) on every input type.
pub struct ObjectOnly<D>(pub D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectOnly<D> {
    type Error = D::Error;
    fn deserialize_any<V: serde::de::Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(v)
    }
    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        // As a map: a deserializer may then refuse anything else without asking the visitor
        // (the checker's reader of JavaScript values does, with the same words).
        self.0.deserialize_map(MapOnly(v))
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// A struct's visitor that takes a map and nothing else (the others are wrong types).
struct MapOnly<V>(V);

impl<'de, V: serde::de::Visitor<'de>> serde::de::Visitor<'de> for MapOnly<V> {
    type Value = V::Value;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.0.expecting(f)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(map)
    }
}

/// Gives input types whose serde code is derived with `#[serde(remote = "Self")]` their
/// `Deserialize` (objects only, see [`ObjectOnly`]) and `Serialize` (as derived).
#[macro_export]
macro_rules! object_only {
    ($($t:ty),* $(,)?) => {$(
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <$t>::deserialize($crate::parse::ObjectOnly(d))
            }
        }
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                <$t>::serialize(self, s)
            }
        }
    )*};
}

/// Reads `T` from JSON bytes, which must be UTF-8 (a leading byte order mark is skipped).
#[cfg(feature = "json")]
pub fn from_json_bytes<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, Error> {
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
