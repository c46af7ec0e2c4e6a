//! A ruleset override file (merged onto the default, then validated), and when valid, one
//! council and one sponsor assessed with it: a valid override must never make the engine panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use trust_eligibility::{assess_council, assess_sponsor, parse, RulesetFile};

#[path = "common.rs"]
mod common;

const COUNCIL: &str = r#"{"asOf": "2016-03-01", "inspections": [
  {"published": "2011-05-01", "overall": "inadequate"},
  {"published": "2015-06-10", "overall": "inadequate", "judgements": {"helpAndProtection": "inadequate"}}],
  "visits": [{"date": "2015-11-02", "kind": "monitoring", "progress": "significant"}],
  "concerns": [{"date": "2016-01-20", "kind": "whistleblower"}],
  "status": {"commissionerAppointed": "2016-01-01", "trustSince": "2016-02-01"}}"#;

const SPONSOR: &str = r#"{"asOf": "2017-03-01", "organisation": {"kind": "local_authority"},
  "ownInspections": [{"published": "2016-01-01", "overall": "good"}],
  "experience": {"yearsDeliveringChildrensServices": 2.5}}"#;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match RulesetFile::override_from_json(text) {
        Ok(rules) => {
            common::check_output(&rules);
            for named in [None, Some("announcement-2015"), Some("protocol-2016")] {
                let mut council: trust_eligibility::input::CouncilInput =
                    parse::from_json(COUNCIL).unwrap();
                council.ruleset = named.map(str::to_string);
                match assess_council(&council, &rules) {
                    Ok(out) => common::check_output(&out),
                    Err(e) => common::check_error(&e),
                }
            }
            let sponsor = parse::from_json(SPONSOR).unwrap();
            match assess_sponsor(&sponsor, &rules) {
                Ok(out) => common::check_output(&out),
                Err(e) => common::check_error(&e),
            }
        }
        Err(e) => common::check_error(&e),
    }
});
