//! The engine's own JSON writer (src/write.rs) against serde_json: for every case, the text of
//! every answer, compact and pretty, is byte for byte what serde_json writes from the same
//! value, and so is the rulesets listing (default and overridden).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::cases;
use trust_eligibility::write::{pretty, to_json, ToJson};
use trust_eligibility::{input, parse, RulesetFile};

fn same<T: ToJson + serde::Serialize>(name: &str, value: &T) -> usize {
    let ours = to_json(value);
    assert_eq!(
        ours,
        serde_json::to_string(value).unwrap(),
        "{name}: compact"
    );
    assert_eq!(
        pretty(&ours),
        serde_json::to_string_pretty(value).unwrap(),
        "{name}: pretty"
    );
    1
}

#[test]
fn every_answer_is_written_exactly_as_serde_json_writes_it() {
    let default = RulesetFile::default_ref().unwrap();
    let mut n = same("rulesets", default);
    for case in cases() {
        let text = case.text();
        let name = &case.name;
        match case.kind.as_str() {
            "council" => {
                let Ok(i) = parse::from_json::<input::CouncilInput>(&text) else {
                    continue;
                };
                if let Ok(out) = trust_eligibility::assess_council(&i, default) {
                    n += same(name, &out);
                }
            }
            "councils" => {
                let Ok(items) = parse::from_json::<Vec<input::CouncilInput>>(&text) else {
                    continue;
                };
                let outs: Result<Vec<_>, _> = items
                    .iter()
                    .map(|i| trust_eligibility::assess_council(i, default))
                    .collect();
                if let Ok(outs) = outs {
                    n += same(name, &outs);
                }
            }
            "sponsor" => {
                let Ok(i) = parse::from_json::<input::SponsorInput>(&text) else {
                    continue;
                };
                if let Ok(out) = trust_eligibility::assess_sponsor(&i, default) {
                    n += same(name, &out);
                }
            }
            "rulesetOverride" => {
                if let Ok(file) = RulesetFile::override_from_json(&text) {
                    n += same(name, &file);
                }
            }
            _ => {}
        }
    }
    // Numbers that are not whole, in a ruleset's criteria, as serde_json writes them.
    let file = RulesetFile::override_from_json(
        r#"{"sponsor": {"criteria": [{"id": "financial_capacity",
            "params": {"minIncomeGbp": 1.5e16, "minReservesMonths": 2.75}}]}}"#,
    )
    .unwrap();
    n += same("fractional params", &file);
    assert!(n > 100, "only {n} answers compared");
}
