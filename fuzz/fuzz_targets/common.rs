//! Checks shared by the fuzz targets: what every error and every output must satisfy.
//! A failed check panics, which libFuzzer records as a crash with its input.

#![allow(dead_code)]

use trust_eligibility::Error;

/// An error must carry a code, and its message must start with its path (SPEC §6).
pub fn check_error(e: &Error) {
    assert!(!e.code.as_str().is_empty());
    if !e.path.is_empty() {
        assert!(
            e.message.starts_with(&e.path),
            "message {:?} does not start with path {:?}",
            e.message,
            e.path
        );
    }
    assert!(!e.message.is_empty(), "an error without a message");
}

/// An output must serialise (serde), and read back as JSON give the same text: the answer is
/// plain data, every number finite and every key a string.
pub fn check_output<T: serde::Serialize>(out: &T) {
    let text = serde_json::to_string(out).expect("the output serialises");
    let back: serde_json::Value = serde_json::from_str(&text).expect("the output reads back");
    assert_eq!(
        serde_json::to_value(out).expect("the output is a value"),
        back
    );
    if let Err(e) = trust_eligibility::parse::check_json(&text) {
        panic!("the JSON check rejects the engine's own output: {e}\n{text}");
    }
}
