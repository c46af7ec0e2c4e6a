//! Reading a typed value out of a [`Value`] with plain serde, every error naming its path.
//!
//! The deserializer walks the value, so it knows where it is: an error coming back out of a
//! visitor is given the path of the value being read, unless a value inside it already named
//! one. That is the path `serde_path_to_error` would report (a key that is unknown or missing
//! names its object, as there), without wrapping every visitor of every type: the checker's
//! wasm reads its inputs, the built-in rulesets and an override this way, and its code for
//! each type is the size of plain serde's.

use crate::error::Error;
use crate::value::Value;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};
use std::fmt;

/// Reads `T` from `value`; an error has the code and path [`crate::parse`] gives JSON text.
///
/// ```
/// use trust_eligibility::{input::CouncilInput, value::Value, value_de::from_value};
/// let v = Value::Map(vec![("asOf".into(), Value::Int(3))]);
/// let err = from_value::<CouncilInput>(v).unwrap_err();
/// assert_eq!((err.code.as_str(), err.path.as_str()), ("invalid_type", "asOf"));
/// ```
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, Error> {
    T::deserialize(At {
        value,
        path: &Path::Root,
    })
    .map_err(DeError::into_error)
}

/// Where a value is: the root, a key of an object, an item of a list. (Public for the other
/// deserializer that tracks its own path, the checker's wasm's over JavaScript values.)
#[derive(Clone, Copy)]
pub enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, k) => f.write_str(k),
            Path::Key(p, k) => write!(f, "{p}.{k}"),
            Path::Index(p, i) => write!(f, "{p}[{i}]"),
        }
    }
}

/// A deserializer's error: serde's message, and the path of the value it is about once known.
#[derive(Debug)]
pub struct DeError {
    message: String,
    path: Option<String>,
}

impl DeError {
    /// The error as the engine's, with the code and path [`crate::parse`] gives JSON text.
    #[cold]
    pub fn into_error(self) -> Error {
        crate::parse::data_error(self.path.as_deref().unwrap_or_default(), &self.message)
    }

    /// The error at `path`, unless a value inside it named its own path already.
    #[cold]
    pub fn at(mut self, path: &Path) -> DeError {
        if self.path.is_none() {
            self.path = Some(path.to_string());
        }
        self
    }
}

impl de::Error for DeError {
    #[cold]
    fn custom<T: fmt::Display>(msg: T) -> DeError {
        DeError {
            message: msg.to_string(),
            path: None,
        }
    }

    // serde's own wording, the value said without core's exact float printing (13 KB of wasm
    // for the digits of a number in an error message).
    #[cold]
    fn invalid_type(unexp: de::Unexpected, exp: &dyn de::Expected) -> DeError {
        de::Error::custom(format_args!(
            "invalid type: {}, expected {exp}",
            Said(unexp)
        ))
    }

    #[cold]
    fn invalid_value(unexp: de::Unexpected, exp: &dyn de::Expected) -> DeError {
        de::Error::custom(format_args!(
            "invalid value: {}, expected {exp}",
            Said(unexp)
        ))
    }
}

/// A value at fault as serde says it, a number not whole to two decimals, a text cut short
/// (`quote_short`) without core's escaping tables.
struct Said<'a>(de::Unexpected<'a>);

impl fmt::Display for Said<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.0 {
            de::Unexpected::Float(x) if x.fract() == 0.0 && x.abs() < 1e15 => {
                write!(f, "floating point `{}.0`", x as i64)
            }
            de::Unexpected::Float(x) => {
                write!(
                    f,
                    "floating point `{}`",
                    crate::text::number(x).replace(',', "")
                )
            }
            de::Unexpected::Bool(b) => write!(f, "boolean `{b}`"),
            de::Unexpected::Unsigned(u) => write!(f, "integer `{u}`"),
            de::Unexpected::Signed(i) => write!(f, "integer `{i}`"),
            de::Unexpected::Char(c) => write!(f, "character `{c}`"),
            de::Unexpected::Str(s) => write!(f, "string {}", crate::input::quote_short(s)),
            de::Unexpected::Bytes(_) => f.write_str("byte array"),
            de::Unexpected::Unit => f.write_str("unit value"),
            de::Unexpected::Option => f.write_str("Option value"),
            de::Unexpected::NewtypeStruct => f.write_str("newtype struct"),
            de::Unexpected::Seq => f.write_str("sequence"),
            de::Unexpected::Map => f.write_str("map"),
            de::Unexpected::Enum => f.write_str("enum"),
            de::Unexpected::UnitVariant => f.write_str("unit variant"),
            de::Unexpected::NewtypeVariant => f.write_str("newtype variant"),
            de::Unexpected::TupleVariant => f.write_str("tuple variant"),
            de::Unexpected::StructVariant => f.write_str("struct variant"),
            de::Unexpected::Other(other) => f.write_str(other),
        }
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

/// A value and where it is.
struct At<'p> {
    value: Value,
    path: &'p Path<'p>,
}

impl<'de> de::Deserializer<'de> for At<'_> {
    type Error = DeError;

    // Once per visitor, called from every field of its type: not copied into each.
    #[inline(never)]
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let path = self.path;
        match self.value {
            Value::Null => v.visit_unit(),
            Value::Bool(b) => v.visit_bool(b),
            Value::Int(i) if i >= 0 => v.visit_u64(i as u64),
            Value::Int(i) => v.visit_i64(i),
            Value::Float(x) => v.visit_f64(x),
            Value::Str(s) => v.visit_string(s),
            Value::List(items) => v.visit_seq(List {
                items: items.into_iter(),
                index: 0,
                path,
            }),
            Value::Map(entries) => v.visit_map(Map {
                entries: entries.into_iter(),
                pending: None,
                path,
            }),
        }
        .map_err(|e| e.at(path))
    }

    // Once per visitor, called from every field of its type: not copied into each.
    #[inline(never)]
    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match self.value {
            Value::Null => v.visit_none().map_err(|e: DeError| e.at(self.path)),
            _ => v.visit_some(self),
        }
    }

    // Once per visitor, called from every field of its type: not copied into each.
    #[inline(never)]
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        match self.value {
            Value::Str(s) => v
                .visit_enum(s.into_deserializer())
                .map_err(|e: DeError| e.at(self.path)),
            _ => self.deserialize_any(v),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, DeError> {
        v.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

struct List<'p> {
    items: std::vec::IntoIter<Value>,
    index: usize,
    path: &'p Path<'p>,
}

impl<'de> de::SeqAccess<'de> for List<'_> {
    type Error = DeError;

    // Once per visitor, called from every field of its type: not copied into each.
    #[inline(never)]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        let Some(value) = self.items.next() else {
            return Ok(None);
        };
        let path = Path::Index(self.path, self.index);
        self.index += 1;
        // A type may refuse a value after reading it (`deserialize_with`): it is still this item.
        seed.deserialize(At { value, path: &path })
            .map(Some)
            .map_err(|e| e.at(&path))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Map<'p> {
    entries: std::vec::IntoIter<(String, Value)>,
    pending: Option<(String, Value)>,
    path: &'p Path<'p>,
}

impl<'de> de::MapAccess<'de> for Map<'_> {
    type Error = DeError;

    // Once per visitor, called from every field of its type: not copied into each.
    #[inline(never)]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some(entry) = self.entries.next() else {
            return Ok(None);
        };
        // An error reading the key (a key the type does not have) names the object.
        let key = seed.deserialize(entry.0.as_str().into_deserializer())?;
        self.pending = Some(entry);
        Ok(Some(key))
    }

    // Once per visitor, called from every field of its type: not copied into each.
    #[inline(never)]
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, DeError> {
        let (key, value) = self
            .pending
            .take()
            .ok_or_else(|| <DeError as de::Error>::custom("a value asked for before its key"))?;
        let path = Path::Key(self.path, &key);
        // A type may refuse a value after reading it (`deserialize_with`): it is still this key's.
        seed.deserialize(At { value, path: &path })
            .map_err(|e| e.at(&path))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// Any self-describing value read into a [`Value`] by its deserializer, with no limit on its
/// depth: for trusted values only (the bench compares readers with it).
pub struct Any(pub Value);

impl<'de> serde::Deserialize<'de> for Any {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Any, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Any;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_bool<E>(self, b: bool) -> Result<Any, E> {
                Ok(Any(Value::Bool(b)))
            }
            fn visit_i64<E>(self, i: i64) -> Result<Any, E> {
                Ok(Any(Value::Int(i)))
            }
            fn visit_u64<E>(self, u: u64) -> Result<Any, E> {
                Ok(Any(
                    i64::try_from(u).map_or(Value::Float(u as f64), Value::Int)
                ))
            }
            fn visit_f64<E>(self, x: f64) -> Result<Any, E> {
                Ok(Any(Value::Float(x)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Any, E> {
                Ok(Any(Value::Str(s.to_string())))
            }
            fn visit_string<E>(self, s: String) -> Result<Any, E> {
                Ok(Any(Value::Str(s)))
            }
            fn visit_unit<E>(self) -> Result<Any, E> {
                Ok(Any(Value::Null))
            }
            fn visit_none<E>(self) -> Result<Any, E> {
                Ok(Any(Value::Null))
            }
            fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Any, D::Error> {
                <Any as serde::Deserialize>::deserialize(d)
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Any, A::Error> {
                let mut items = Vec::new();
                while let Some(Any(v)) = seq.next_element()? {
                    items.push(v);
                }
                Ok(Any(Value::List(items)))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Any, A::Error> {
                let mut entries = Vec::new();
                while let Some(k) = map.next_key::<String>()? {
                    let Any(v) = map.next_value()?;
                    entries.push((k, v));
                }
                Ok(Any(Value::Map(entries)))
            }
        }
        d.deserialize_any(V)
    }
}
