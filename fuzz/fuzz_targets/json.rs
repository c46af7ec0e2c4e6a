//! The whole-text JSON check (`trust_eligibility::parse::check_json`: JSON, nested at most
//! `MAX_DEPTH` levels, no key given twice), checked against serde_json: what it accepts
//! serde_json must accept, and what serde_json accepts it may refuse only for its own stricter
//! rules (a key given twice, nesting over 64 levels).

#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use trust_eligibility::parse::{check_json, MAX_DEPTH};
use trust_eligibility::ErrorCode;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        let e = trust_eligibility::parse::from_json_bytes::<Option<bool>>(data).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidJson);
        return;
    };
    let ours = check_json(text);
    let theirs: Result<Value, _> = serde_json::from_str(text);
    match (&ours, &theirs) {
        (Ok(()), Ok(_)) => {}
        (Ok(()), Err(e)) => panic!("accepted what serde_json rejects ({e})"),
        (Err(e), Ok(_)) => {
            common::check_error(e);
            let stricter = e.code == ErrorCode::DuplicateField
                || e.message.contains(&format!("nested more than {MAX_DEPTH}"));
            assert!(stricter, "rejected what serde_json accepts: {e}");
        }
        (Err(e), Err(_)) => common::check_error(e),
    }
});
