//! A batch of council inputs (a JSON array), assessed item by item as the CLI and
//! `assessCouncils` do: an error names the item (`[3].asOf`).

#![no_main]

use libfuzzer_sys::fuzz_target;
use trust_eligibility::{assess_council, input::CouncilInput, parse, Error, RulesetFile};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let rules = RulesetFile::default_ref().expect("the default rulesets");
    let result = parse::from_json_bytes::<Vec<CouncilInput>>(data).and_then(|items| {
        items
            .iter()
            .enumerate()
            .map(|(i, item)| assess_council(item, rules).map_err(|e| e.within(&format!("[{i}]"))))
            .collect::<Result<Vec<_>, Error>>()
    });
    match result {
        Ok(out) => common::check_output(&out),
        Err(e) => common::check_error(&e),
    }
});
