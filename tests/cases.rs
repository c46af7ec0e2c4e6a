//! Runs every case file natively through the library, checks expectations and golden outputs.
//! `UPDATE_GOLDEN=1 cargo test --test cases` rewrites golden/ from the current outputs (review
//! the diff: a golden change is a change in what users see).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{cases, check_error, check_output, Case};
use serde_json::Value;
use trust_eligibility::{input, parse, Error, RulesetFile};

/// An answer as the CLI writes it, read back as a JSON value.
fn value<T: serde::Serialize>(answer: &T) -> Value {
    serde_json::from_str(&serde_json::to_string(answer).unwrap()).unwrap()
}

/// Runs a case through the library, as the CLI and wasm do.
fn run(case: &Case) -> Result<Value, Error> {
    let text = case.text();
    let default = RulesetFile::default_ref()?;
    match case.kind.as_str() {
        "council" => {
            let i: input::CouncilInput = parse::from_json(&text)?;
            Ok(value(&trust_eligibility::assess_council(&i, default)?))
        }
        "councils" => {
            let items: Vec<input::CouncilInput> = parse::from_json(&text)?;
            let mut out = Vec::new();
            for (n, i) in items.iter().enumerate() {
                out.push(value(
                    &trust_eligibility::assess_council(i, default)
                        .map_err(|e| e.within(&format!("[{n}]")))?,
                ));
            }
            Ok(Value::Array(out))
        }
        "sponsor" => {
            let i: input::SponsorInput = parse::from_json(&text)?;
            Ok(value(&trust_eligibility::assess_sponsor(&i, default)?))
        }
        "rulesetOverride" => Ok(value(&RulesetFile::override_from_json(&text)?)),
        other => panic!("case {:?}: unknown kind {other}", case.name),
    }
}

#[test]
fn every_case_matches_its_expectations_and_golden_output() {
    let all = cases();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut golden: std::collections::BTreeMap<&str, serde_json::Map<String, Value>> =
        Default::default();
    let mut failures = Vec::new();
    for case in &all {
        let diffs = match (run(case), &case.expect_error) {
            (Ok(out), None) => {
                if update && matches!(case.kind.as_str(), "council" | "sponsor") {
                    golden
                        .entry(case.file)
                        .or_default()
                        .insert(case.name.clone(), out.clone());
                }
                let mut d = check_output(case, &out);
                if update {
                    d.retain(|m| !m.contains("golden"));
                }
                d
            }
            (Ok(out), Some((code, path))) => vec![format!(
                "expected error {code} at {path:?}, got output {out}"
            )],
            (Err(e), _) => check_error(case, e.code.as_str(), &e.path, &e.message),
        };
        if !diffs.is_empty() {
            failures.push(format!(
                "{}.json {:?}:\n  {}",
                case.file,
                case.name,
                diffs.join("\n  ")
            ));
        }
    }
    if update {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden");
        for (file, map) in golden {
            let text = serde_json::to_string_pretty(&sorted(Value::Object(map))).unwrap() + "\n";
            std::fs::write(format!("{dir}/{file}.json"), text).unwrap();
        }
    }
    let by_kind = |k: &str| {
        all.iter()
            .filter(|c| c.kind == k && c.expect_error.is_none())
            .count()
    };
    println!(
        "{} cases: {} council, {} sponsor, {} bad input",
        all.len(),
        by_kind("council"),
        by_kind("sponsor"),
        all.iter().filter(|c| c.expect_error.is_some()).count()
    );
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

/// A value with every object's keys in sorted order, so golden files diff by content.
fn sorted(v: Value) -> Value {
    match v {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

/// `interventions_on` gives, for every council case on its own date and on each year end from
/// 2015 to 2026, the intervention `assess_council` gives: one engine, not a second copy of it.
#[test]
fn interventions_on_agrees_with_assess_council() {
    let default = RulesetFile::default_ref().unwrap();
    let inputs: Vec<input::CouncilInput> = cases()
        .iter()
        .filter(|c| c.kind == "council" && c.expect_error.is_none())
        .filter_map(|c| parse::from_json(&c.text()).ok())
        .filter(|i: &input::CouncilInput| i.ruleset.is_none())
        .collect();
    assert!(inputs.len() > 100, "only {} council cases", inputs.len());
    for one in &inputs {
        let got = trust_eligibility::council::interventions_on(
            std::slice::from_ref(one),
            &[one.as_of],
            default,
        )
        .unwrap();
        let want = trust_eligibility::assess_council(one, default).unwrap();
        assert_eq!(got, vec![vec![want.intervention]]);
    }
    let dates: Vec<_> = (2015..=2026)
        .map(|y| trust_eligibility::date::Date::parse(&format!("{y}-12-31")).unwrap())
        .collect();
    let got = trust_eligibility::council::interventions_on(&inputs, &dates, default).unwrap();
    for (d, date) in dates.iter().enumerate() {
        for (c, one) in inputs.iter().enumerate() {
            let on_date = input::CouncilInput {
                as_of: *date,
                ..one.clone()
            };
            let want = trust_eligibility::assess_council(&on_date, default)
                .map(|a| a.intervention)
                .unwrap();
            assert_eq!(got[d][c], want, "{date} input {c}");
        }
    }
}
