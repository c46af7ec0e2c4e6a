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

/// An output must be written (by the engine's own writer) exactly as serde_json writes it,
/// compact and pretty, and the project's own strict reader must read it back.
pub fn check_output<T: serde::Serialize + trust_eligibility::write::ToJson>(out: &T) {
    let text = trust_eligibility::write::to_json(out);
    let theirs = serde_json::to_string(out).expect("the output serialises");
    assert_eq!(text, theirs, "the writer differs from serde_json");
    assert_eq!(
        trust_eligibility::write::pretty(&text),
        serde_json::to_string_pretty(out).expect("the output serialises"),
        "the pretty layout differs from serde_json's"
    );
    if let Err(e) = trust_eligibility::json::parse(&text) {
        panic!("the reader rejects the engine's own output: {e}\n{text}");
    }
}
