//! The raw JSON reader (`trust_eligibility::json::parse`), checked against serde_json: what
//! one accepts the other must accept with the same value, except where the reader is stricter
//! on purpose (duplicate keys, nesting over 64 levels, numbers too large for a double).

#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use trust_eligibility::json::{parse, Json, MAX_DEPTH};
use trust_eligibility::ErrorCode;

#[path = "common.rs"]
mod common;

fn close(a: f64, b: f64) -> bool {
    a == b
        || (a - b).abs() <= 1e-12 * a.abs().max(b.abs())
        || (a.abs() < 1e-290 && b.abs() < 1e-290)
}

fn same(ours: &Json, theirs: &Value) -> bool {
    match (ours, theirs) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(a), Value::Bool(b)) => a == b,
        (Json::Num(a), Value::Number(b)) => b.as_f64().is_some_and(|b| close(*a, b)),
        (Json::Str(a), Value::String(b)) => a == b,
        (Json::Arr(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Json::Obj(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .all(|(k, v)| b.get(&**k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        let e = trust_eligibility::parse::from_json_bytes::<Option<bool>>(data).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidJson);
        return;
    };
    let ours = parse(text);
    let theirs: Result<Value, _> = serde_json::from_str(text);
    match (&ours, &theirs) {
        (Ok(o), Ok(t)) => assert!(same(o, t), "values differ:\n ours   {o:?}\n serde  {t:?}"),
        (Ok(o), Err(e)) => panic!("accepted what serde_json rejects ({e}): {o:?}"),
        (Err(e), Ok(_)) => {
            common::check_error(e);
            let stricter = e.code == ErrorCode::DuplicateField
                || e.message.contains(&format!("nested more than {MAX_DEPTH}"))
                || e.message.contains("a number too large");
            assert!(stricter, "rejected what serde_json accepts: {e}");
        }
        (Err(e), Err(_)) => common::check_error(e),
    }
});
