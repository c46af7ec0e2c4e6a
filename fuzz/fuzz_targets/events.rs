//! A council's dated public decisions (SPEC §3.7), as `status.events` gives them: bytes read as
//! an event list, then put under a fixed history of reports and assessed on several dates
//! (before, among and after the events), each answer checked; and the status worked out must
//! not depend on the order the events are given in.

#![no_main]

use libfuzzer_sys::fuzz_target;
use trust_eligibility::input::{CouncilInput, CouncilStatus, StatusEvent};
use trust_eligibility::{assess_council, parse, RulesetFile};

#[path = "common.rs"]
mod common;

const HISTORY: &str = r#"{"asOf": "2020-01-01", "inspections": [
  {"published": "2016-11-01", "overall": "inadequate"},
  {"published": "2019-06-01", "overall": "requires_improvement"},
  {"published": "2022-06-01", "overall": "inadequate",
   "judgements": {"helpAndProtection": "inadequate", "childrenInCare": "requires_improvement"}},
  {"published": "2026-08-03", "judgements": {"helpAndProtection": "good", "leadership": "inadequate"}}
]}"#;

fuzz_target!(|data: &[u8]| {
    let rules = RulesetFile::default_ref().expect("the default rulesets");
    let events = match parse::from_json_bytes::<Vec<StatusEvent>>(data) {
        Ok(events) => events,
        Err(e) => return common::check_error(&e.within("status.events")),
    };
    let mut input: CouncilInput = parse::from_json(HISTORY).expect("the fixed history");
    let mut reversed = events.clone();
    reversed.reverse();
    for as_of in ["2016-07-04", "2019-06-30", "2023-01-01", "2026-12-07"] {
        input.as_of = trust_eligibility::date::Date::parse(as_of).expect("a date");
        input.status = Some(CouncilStatus {
            events: Some(events.clone()),
            ..CouncilStatus::default()
        });
        let out = assess_council(&input, rules);
        input.status = Some(CouncilStatus {
            events: Some(reversed.clone()),
            ..CouncilStatus::default()
        });
        let back = assess_council(&input, rules);
        match (out, back) {
            (Ok(a), Ok(b)) => {
                common::check_output(&a);
                // Events on different days give the same status whatever their order.
                let mut days: Vec<_> = events.iter().map(|e| e.date.last_day()).collect();
                days.sort();
                days.dedup();
                if days.len() == events.len() {
                    assert_eq!(a.intervention, b.intervention);
                    assert_eq!(a.status_in_force, b.status_in_force);
                }
            }
            (Err(e), _) | (_, Err(e)) => common::check_error(&e),
        }
    }
});
