//! Reading JavaScript values, every error naming its path.
//!
//! Inputs are read lazily, as their type asks ([`from_js`]): a serde deserializer over the
//! JavaScript value that knows where it is (the engine's `value_de::Path`), so a value that
//! contains itself, or a list nested a thousand deep where a name belongs, is read only as far
//! as the type goes. `undefined` reads as `null` (absent where optional), a number with no
//! fraction up to 2^53 as a whole number, NaN and the infinities as numbers that are not whole.
//!
//! A ruleset override is read whole into the engine's `Value` ([`value`]) to be merged onto the
//! built-in file (`Value::merge`), nesting bounded by [`MAX_DEPTH`].

use js_sys::{Array, Object, Reflect};
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Unexpected, Visitor};
use trust_eligibility::value_de::{DeError, Path};
use trust_eligibility::Error;
#[cfg(feature = "overrides")]
use trust_eligibility::{parse::MAX_DEPTH, value::Value, ErrorCode};
use wasm_bindgen::{JsCast, JsValue};

/// The largest whole number a JavaScript number holds exactly (2^53 - 1).
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// Reads `T` from a JavaScript value; an error has the code and path JSON text would give.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, Error> {
    T::deserialize(Js {
        value,
        path: &Path::Root,
    })
    .map_err(DeError::into_error)
}

/// A JavaScript value and where it is.
struct Js<'p> {
    value: JsValue,
    path: &'p Path<'p>,
}

/// A JavaScript number as serde sees a JSON number.
fn number<'de, V: Visitor<'de>>(x: f64, v: V) -> Result<V::Value, DeError> {
    if x.fract() == 0.0 && x.abs() <= MAX_SAFE {
        if x >= 0.0 {
            v.visit_u64(x as u64)
        } else {
            v.visit_i64(x as i64)
        }
    } else {
        v.visit_f64(x)
    }
}

/// What a JavaScript value is, asked once (not in each visitor's copy of the reader).
enum Kind {
    Str(String),
    Number(f64),
    Bool(bool),
    Null,
    List(Array),
    Object(JsValue, Array),
    Other,
}

impl Kind {
    #[inline(never)]
    fn of(value: JsValue) -> Kind {
        if let Some(s) = value.as_string() {
            Kind::Str(s)
        } else if let Some(x) = value.as_f64() {
            Kind::Number(x)
        } else if let Some(b) = value.as_bool() {
            Kind::Bool(b)
        } else if value.is_null() || value.is_undefined() {
            Kind::Null
        } else if Array::is_array(&value) {
            Kind::List(value.unchecked_into())
        } else if value.is_object() {
            let keys = Object::keys(value.unchecked_ref::<Object>());
            Kind::Object(value, keys)
        } else {
            Kind::Other
        }
    }
}

impl<'de> de::Deserializer<'de> for Js<'_> {
    type Error = DeError;

    // Once per visitor, called from every field of its type: not copied into each.
    #[inline(never)]
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let path = self.path;
        match Kind::of(self.value) {
            Kind::Str(s) => v.visit_string(s),
            Kind::Number(x) => number(x, v),
            Kind::Bool(b) => v.visit_bool(b),
            Kind::Null => v.visit_unit(),
            Kind::List(list) => v.visit_seq(List {
                len: list.length(),
                list,
                index: 0,
                path,
            }),
            Kind::Object(object, keys) => v.visit_map(Map {
                len: keys.length(),
                keys,
                object,
                index: 0,
                pending: None,
                path,
            }),
            Kind::Other => Err(kind_refused(&Kind::Other, &v)),
        }
        .map_err(|e| e.at(path))
    }

    // An object or nothing (structs, tables): any other value is refused with the words the
    // visitor's own refusal has, without a copy of every other kind's visit in each type.
    #[inline(never)]
    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let path = self.path;
        match Kind::of(self.value) {
            Kind::Object(object, keys) => v.visit_map(Map {
                len: keys.length(),
                keys,
                object,
                index: 0,
                pending: None,
                path,
            }),
            other => Err(kind_refused(&other, &v)),
        }
        .map_err(|e| e.at(path))
    }

    // A list or nothing, as [`Self::deserialize_map`] is an object or nothing.
    #[inline(never)]
    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let path = self.path;
        match Kind::of(self.value) {
            Kind::List(list) => v.visit_seq(List {
                len: list.length(),
                list,
                index: 0,
                path,
            }),
            other => Err(kind_refused(&other, &v)),
        }
        .map_err(|e| e.at(path))
    }

    #[inline(never)]
    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        if self.value.is_null() || self.value.is_undefined() {
            v.visit_none().map_err(|e: DeError| e.at(self.path))
        } else {
            v.visit_some(self)
        }
    }

    #[inline(never)]
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        match self.value.as_string() {
            Some(s) => v
                .visit_enum(s.into_deserializer())
                .map_err(|e: DeError| e.at(self.path)),
            None => self.deserialize_any(v),
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
        unit unit_struct tuple tuple_struct struct identifier ignored_any
    }
}

/// The error a visitor that does not take a value of this kind gives (serde's default
/// `visit_*`: "invalid type: string \"x\", expected …"), asked of the visitor only for its
/// `expecting`.
#[inline(never)]
fn kind_refused(kind: &Kind, expected: &dyn de::Expected) -> DeError {
    let unexpected = match kind {
        Kind::Str(s) => Unexpected::Str(s),
        Kind::Number(x) if x.fract() == 0.0 && x.abs() <= MAX_SAFE => {
            if *x >= 0.0 {
                Unexpected::Unsigned(*x as u64)
            } else {
                Unexpected::Signed(*x as i64)
            }
        }
        Kind::Number(x) => Unexpected::Float(*x),
        Kind::Bool(b) => Unexpected::Bool(*b),
        Kind::Null => Unexpected::Unit,
        Kind::List(_) => Unexpected::Seq,
        Kind::Object(..) => Unexpected::Map,
        // A function, a symbol, a BigInt: nothing JSON has.
        Kind::Other => Unexpected::Other("a JavaScript value JSON has no words for"),
    };
    de::Error::invalid_type(unexpected, expected)
}

struct List<'p> {
    list: Array,
    len: u32,
    index: u32,
    path: &'p Path<'p>,
}

impl<'de> de::SeqAccess<'de> for List<'_> {
    type Error = DeError;

    #[inline(never)]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        if self.index >= self.len {
            return Ok(None);
        }
        let value = self.list.get(self.index);
        let path = Path::Index(self.path, self.index as usize);
        self.index += 1;
        // A type may refuse a value after reading it (`deserialize_with`): it is still this item.
        seed.deserialize(Js { value, path: &path })
            .map(Some)
            .map_err(|e| e.at(&path))
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.len - self.index) as usize)
    }
}

struct Map<'p> {
    object: JsValue,
    keys: Array,
    len: u32,
    index: u32,
    pending: Option<(String, JsValue)>,
    path: &'p Path<'p>,
}

impl<'de> de::MapAccess<'de> for Map<'_> {
    type Error = DeError;

    #[inline(never)]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        if self.index >= self.len {
            return Ok(None);
        }
        let key = self.keys.get(self.index);
        self.index += 1;
        let value = Reflect::get(&self.object, &key).unwrap_or(JsValue::UNDEFINED);
        let key = key.as_string().unwrap_or_default();
        // An error reading the key (a key the type does not have) names the object.
        let read = seed.deserialize(key.as_str().into_deserializer())?;
        self.pending = Some((key, value));
        Ok(Some(read))
    }

    #[inline(never)]
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, DeError> {
        let (key, value) = self
            .pending
            .take()
            .ok_or_else(|| <DeError as de::Error>::custom("a value asked for before its key"))?;
        let path = Path::Key(self.path, &key);
        // A type may refuse a value after reading it (`deserialize_with`): it is still this key's.
        seed.deserialize(Js { value, path: &path })
            .map_err(|e| e.at(&path))
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.len - self.index) as usize)
    }
}

/// A ruleset override as a [`Value`]; nesting deeper than [`MAX_DEPTH`] (a value that refers
/// to itself included) is an `invalid_json` error, as it is for JSON text.
#[cfg(feature = "overrides")]
pub fn value(v: &JsValue) -> Result<Value, Error> {
    read(v, 0).map_err(|path| {
        Error::new(
            ErrorCode::InvalidJson,
            "",
            format_args!(
                "the ruleset file is nested more than {MAX_DEPTH} levels deep (at {path})"
            ),
        )
    })
}

/// On too deep a value, the path to it.
#[cfg(feature = "overrides")]
fn read(v: &JsValue, depth: usize) -> Result<Value, String> {
    if let Some(s) = v.as_string() {
        return Ok(Value::Str(s));
    }
    if let Some(x) = v.as_f64() {
        return Ok(if x.fract() == 0.0 && x.abs() <= MAX_SAFE {
            Value::Int(x as i64)
        } else {
            Value::Float(x)
        });
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if !v.is_object() {
        // null, undefined, and what JSON has no words for.
        return Ok(Value::Null);
    }
    if depth >= MAX_DEPTH {
        return Err(String::new());
    }
    if let Some(list) = v.dyn_ref::<Array>() {
        let mut items = Vec::with_capacity(list.length() as usize);
        for (i, item) in list.iter().enumerate() {
            items.push(read(&item, depth + 1).map_err(|p| format!("[{i}]{}", dot(&p)))?);
        }
        return Ok(Value::List(items));
    }
    let keys = Object::keys(v.unchecked_ref::<Object>());
    let mut entries = Vec::with_capacity(keys.length() as usize);
    for key in keys.iter() {
        let item = Reflect::get(v, &key).unwrap_or(JsValue::UNDEFINED);
        let name = key.as_string().unwrap_or_default();
        let value = read(&item, depth + 1).map_err(|p| format!("{name}{}", dot(&p)))?;
        entries.push((name, value));
    }
    Ok(Value::Map(entries))
}

/// The rest of a path after a key or index: `.key` or `[i]`.
#[cfg(feature = "overrides")]
fn dot(rest: &str) -> String {
    if rest.is_empty() || rest.starts_with('[') {
        rest.to_string()
    } else {
        format!(".{rest}")
    }
}
