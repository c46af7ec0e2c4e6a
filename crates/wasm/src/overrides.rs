//! Merging a ruleset override given as a JavaScript value onto the built-in ruleset file, the
//! way the engine merges JSON text natively (`trust_eligibility::ruleset::overrides`): objects
//! key by key (`null` removes a key), lists of objects with an `id` or `row` item by item,
//! anything else replaced. Both are run by the same `rulesetOverride` cases.

use js_sys::{Array, Object, Reflect};
use trust_eligibility::{parse::MAX_DEPTH, ruleset::overrides::MAX_ITEMS, Error, ErrorCode};
use wasm_bindgen::{JsCast, JsValue};

/// `patch` merged onto `base` (a fresh copy of the built-in file), after checking its size.
pub fn merged(base: JsValue, patch: JsValue) -> Result<JsValue, Error> {
    if !is_object(&patch) {
        return Err(Error::new(
            ErrorCode::InvalidRuleset,
            "",
            "expected a ruleset file (an object)",
        ));
    }
    check(&patch, "", 0)?;
    Ok(merge(base, patch))
}

/// A plain object: not `null` (whose `typeof` is "object") and not a list.
fn is_object(v: &JsValue) -> bool {
    v.is_object() && !v.is_null() && !Array::is_array(v)
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// At most [`MAX_ITEMS`] items in any list or object and [`MAX_DEPTH`] levels of nesting (a
/// value that refers to itself is caught by the depth).
fn check(v: &JsValue, path: &str, depth: usize) -> Result<(), Error> {
    if !v.is_object() || v.is_null() {
        return Ok(());
    }
    if depth >= MAX_DEPTH {
        return Err(Error::new(
            ErrorCode::InvalidJson,
            "",
            format_args!(
                "the ruleset file is nested more than {MAX_DEPTH} levels deep (at {path})"
            ),
        ));
    }
    let too_many = |n: u32| {
        Error::new(
            ErrorCode::InvalidRuleset,
            path,
            format_args!(
                "has {n} items; a ruleset file may have at most {MAX_ITEMS} in any list or object"
            ),
        )
        .with_limit(MAX_ITEMS as u64)
    };
    if let Some(list) = v.dyn_ref::<Array>() {
        if list.length() as usize > MAX_ITEMS {
            return Err(too_many(list.length()));
        }
        for (i, item) in list.iter().enumerate() {
            check(&item, &format!("{path}[{i}]"), depth + 1)?;
        }
        return Ok(());
    }
    let keys = Object::keys(v.unchecked_ref::<Object>());
    if keys.length() as usize > MAX_ITEMS {
        return Err(too_many(keys.length()));
    }
    for key in keys.iter() {
        let name = key.as_string().unwrap_or_default();
        let value = Reflect::get(v, &key).unwrap_or(JsValue::UNDEFINED);
        check(&value, &child(path, &name), depth + 1)?;
    }
    Ok(())
}

/// Defines `key` as an own property (so `__proto__` is a key like any other, as in JSON).
fn put(target: &JsValue, key: &JsValue, value: &JsValue) {
    let desc = Object::new();
    for (k, v) in [
        ("value", value.clone()),
        ("writable", JsValue::TRUE),
        ("enumerable", JsValue::TRUE),
        ("configurable", JsValue::TRUE),
    ] {
        let _ = Reflect::set(&desc, &JsValue::from_str(k), &v);
    }
    let _ = Reflect::define_property(target.unchecked_ref::<Object>(), key, &desc);
}

fn own(target: &JsValue, key: &JsValue) -> Option<JsValue> {
    Object::has_own(target.unchecked_ref::<Object>(), key)
        .then(|| Reflect::get(target, key).unwrap_or(JsValue::UNDEFINED))
}

fn item_key(v: &JsValue) -> Option<JsValue> {
    if !is_object(v) {
        return None;
    }
    ["id", "row"]
        .into_iter()
        .find_map(|k| own(v, &JsValue::from_str(k)))
}

fn merge(base: JsValue, patch: JsValue) -> JsValue {
    if is_object(&base) && is_object(&patch) {
        for key in Object::keys(patch.unchecked_ref::<Object>()).iter() {
            let value = Reflect::get(&patch, &key).unwrap_or(JsValue::UNDEFINED);
            match (own(&base, &key), value.is_null()) {
                (Some(_), true) => {
                    let _ = Reflect::delete_property(base.unchecked_ref::<Object>(), &key);
                }
                (Some(slot), false) => put(&base, &key, &merge(slot, value)),
                (None, true) => {}
                (None, false) => put(&base, &key, &value),
            }
        }
        return base;
    }
    if let (Some(b), Some(p)) = (base.dyn_ref::<Array>(), patch.dyn_ref::<Array>()) {
        let keyed = p.length() > 0 && p.iter().all(|v| item_key(&v).is_some());
        if keyed {
            for item in p.iter() {
                let key = item_key(&item);
                let slot = b.iter().position(|x| {
                    item_key(&x)
                        .zip(key.clone())
                        .is_some_and(|(a, k)| Object::is(&a, &k))
                });
                match slot {
                    Some(i) => {
                        let merged = merge(b.get(i as u32), item);
                        b.set(i as u32, merged);
                    }
                    None => {
                        b.push(&item);
                    }
                }
            }
            return base;
        }
    }
    patch
}
