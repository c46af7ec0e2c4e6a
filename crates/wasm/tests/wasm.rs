//! The same case files through the WebAssembly boundary (the exported `assessCouncil`,
//! `assessCouncils`, `assessSponsor`, `rulesets`), in Node (`wasm-pack test --node`) and in
//! headless Chromium (`WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome`).
//! Outputs are turned to JSON by the JavaScript side (`JSON.stringify`) and must equal the
//! golden outputs the native run checks, so native and wasm agree byte for byte.

#![cfg(target_arch = "wasm32")]

mod api;
#[path = "../../../tests/common/mod.rs"]
mod common;

use api::{assess_council_js, assess_councils_js, assess_sponsor_js, rulesets_js};
use common::{cases, check_error, check_output, Case};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn run(case: &Case) -> Result<JsValue, JsValue> {
    let input = js_sys::JSON::parse(&case.text())?;
    let none = JsValue::UNDEFINED;
    match case.kind.as_str() {
        "council" => assess_council_js(input, none),
        "councils" => assess_councils_js(input, none),
        "sponsor" => assess_sponsor_js(input, none),
        "rulesetOverride" => rulesets_js(input),
        other => panic!("unknown kind {other}"),
    }
}

fn prop(v: &JsValue, key: &str) -> String {
    js_sys::Reflect::get(v, &key.into())
        .ok()
        .and_then(|x| x.as_string())
        .unwrap_or_default()
}

/// Runs every case of one file that a JavaScript caller can express; returns how many ran.
fn run_file(file: &str) -> usize {
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in cases()
        .iter()
        .filter(|c| c.file == file && c.input_text.is_none())
    {
        ran += 1;
        let diffs = match (run(case), &case.expect_error) {
            (Ok(out), None) => {
                let text = js_sys::JSON::stringify(&out)
                    .ok()
                    .and_then(|s| s.as_string())
                    .unwrap_or_default();
                let got: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                if case.kind == "rulesetOverride" {
                    Vec::new()
                } else {
                    check_output(case, &got)
                }
            }
            (Ok(_), Some((code, path))) => {
                vec![format!("expected error {code} at {path:?}, got output")]
            }
            (Err(e), _) => {
                let mut d = check_error(
                    case,
                    &prop(&e, "code"),
                    &prop(&e, "path"),
                    &prop(&e, "message"),
                );
                if !e.is_instance_of::<js_sys::Error>() {
                    d.push("the thrown value is not an Error".into());
                }
                d
            }
        };
        if !diffs.is_empty() {
            failures.push(format!(
                "{file}.json {:?}:\n  {}",
                case.name,
                diffs.join("\n  ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} cases failed in wasm:\n{}",
        failures.len(),
        failures.join("\n")
    );
    ran
}

#[wasm_bindgen_test]
fn council_cases_match_golden_in_wasm() {
    assert!(run_file("council") > 0);
}

#[wasm_bindgen_test]
fn real_council_cases_match_golden_in_wasm() {
    assert!(run_file("real") > 0);
}

#[wasm_bindgen_test]
fn sponsor_cases_match_golden_in_wasm() {
    assert!(run_file("sponsor") > 0);
}

#[wasm_bindgen_test]
fn sponsor_record_cases_match_golden_in_wasm() {
    assert!(run_file("sponsor-record") > 0);
}

#[wasm_bindgen_test]
fn bad_input_throws_errors_with_code_and_path_in_wasm() {
    assert!(run_file("errors") > 0);
}

#[wasm_bindgen_test]
fn rulesets_lists_both_rulesets_with_sources() {
    let out = rulesets_js(JsValue::UNDEFINED).expect("rulesets");
    let text = js_sys::JSON::stringify(&out)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    let v: Value = serde_json::from_str(&text).expect("json");
    let ids: Vec<&str> = v["rulesets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["announcement-2015", "protocol-2016"]);
    let native: Value =
        serde_json::to_value(trust_eligibility::RulesetFile::default_ref().unwrap()).unwrap();
    assert_eq!(v, native, "rulesets() differs between wasm and native");
}

#[wasm_bindgen_test]
fn a_ruleset_override_given_as_a_js_object_changes_the_deadline() {
    let input = js_sys::JSON::parse(r#"{"asOf": "2016-03-01", "inspections": [{"published": "2015-12-01", "overall": "inadequate"}]}"#).unwrap();
    let patch = js_sys::JSON::parse(r#"{"rulesets": [{"id": "announcement-2015", "parameters": {"improvementWindowMonths": {"value": 3}}}]}"#).unwrap();
    let out = assess_council_js(input, patch).expect("assess");
    let text = js_sys::JSON::stringify(&out).unwrap().as_string().unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["intervention"], "improvement_window");
    assert_eq!(v["dates"][0]["date"], "2016-03-01");
    assert_eq!(v["dates"][0]["daysFromAsOf"], 0);
}

/// Proves the browser run really ran in a browser (wasm-pack exits 0 having run nothing in
/// Chromium when the browser is not requested properly), and the Node run in Node.
#[wasm_bindgen_test]
fn runs_in_the_environment_asked_for() {
    let global = js_sys::global();
    let has = |name: &str| js_sys::Reflect::has(&global, &name.into()).unwrap_or(false);
    if option_env!("WASM_BINDGEN_USE_BROWSER").is_some() {
        assert!(
            has("window") && has("document"),
            "expected to run in a browser page"
        );
        let agent = js_sys::Reflect::get(
            &js_sys::Reflect::get(&global, &"navigator".into()).unwrap(),
            &"userAgent".into(),
        )
        .ok()
        .and_then(|a| a.as_string())
        .unwrap_or_default();
        assert!(agent.contains("Chrome"), "expected Chromium, got {agent}");
    } else {
        assert!(
            has("process") && !has("document"),
            "expected to run in Node"
        );
    }
}

#[wasm_bindgen_test]
fn reports_without_overall_grade_notices_and_directions_in_wasm() {
    assert!(run_file("council-2026") > 0);
}

#[wasm_bindgen_test]
fn status_from_events_outlook_and_leadership_warning_in_wasm() {
    assert!(run_file("council-events") > 0);
}

#[wasm_bindgen_test]
fn real_decisions_in_wasm() {
    assert!(run_file("decisions") > 0);
}
