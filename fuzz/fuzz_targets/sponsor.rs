//! A sponsor input from bytes, as the CLI reads it, then assessed with the default rulesets.

#![no_main]

use libfuzzer_sys::fuzz_target;
use trust_eligibility::{assess_sponsor, input::SponsorInput, parse, RulesetFile};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let rules = RulesetFile::default_ref().expect("the default rulesets");
    let result =
        parse::from_json_bytes::<SponsorInput>(data).and_then(|i| assess_sponsor(&i, rules));
    match result {
        Ok(out) => common::check_output(&out),
        Err(e) => common::check_error(&e),
    }
});
