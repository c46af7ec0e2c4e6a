//! A JavaScript value read into the engine's [`Value`], which the engine then reads into its
//! types with plain serde, every error naming its path (`trust_eligibility::value_de`). Read as
//! `JSON.stringify` would see it: a property whose value is `undefined` is absent, an
//! `undefined` item is `null`, whole numbers up to 2^53 are whole.

use js_sys::{Array, Object, Reflect};
use trust_eligibility::{parse::MAX_DEPTH, value::Value, Error, ErrorCode};
use wasm_bindgen::{JsCast, JsValue};

/// `v` as a [`Value`]; nesting deeper than [`MAX_DEPTH`] (a value that refers to itself
/// included) is an `invalid_json` error, as it is for JSON text.
pub fn value(v: &JsValue) -> Result<Value, Error> {
    read(v, 0).map_err(|path| {
        Error::new(
            ErrorCode::InvalidJson,
            "",
            format_args!("the value is nested more than {MAX_DEPTH} levels deep (at {path})"),
        )
    })
}

/// The largest whole number a JavaScript number holds exactly (2^53 - 1).
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// On too deep a value, the path to it.
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
        // null, undefined, and what JSON has no words for (functions are objects, below).
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
        if item.is_undefined() {
            continue;
        }
        let name = key.as_string().unwrap_or_default();
        let value = read(&item, depth + 1).map_err(|p| format!("{name}{}", dot(&p)))?;
        entries.push((name, value));
    }
    Ok(Value::Map(entries))
}

/// The rest of a path after a key or index: `.key` or `[i]`.
fn dot(rest: &str) -> String {
    if rest.is_empty() || rest.starts_with('[') {
        rest.to_string()
    } else {
        format!(".{rest}")
    }
}
