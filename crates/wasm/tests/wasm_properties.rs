//! Through the WebAssembly exports, in Node and in headless Chromium (properties and hostile input):
//!
//! - the 300 generated inputs of `generated/native-wasm.json` give, as `JSON.stringify` text,
//!   exactly the bytes the native engine wrote (`serde_json::to_string`), or the same error;
//! - every case of `cases/hostile.json` a JavaScript caller can build throws an `Error` with
//!   its code and path;
//! - what only a JavaScript caller can send: NaN, Infinity, -0, BigInt, `undefined`, cycles,
//!   nesting a million deep; and the huge inputs of `hostile.rs` (10 MB strings, arrays far
//!   over the limits), in time linear in their size.
//!
//! Run with `wasm-pack test --node -- --test wasm_properties` (and `--headless --chrome`).

#![cfg(target_arch = "wasm32")]

mod api;
#[path = "../../../tests/common/mod.rs"]
mod common;

use api::{assess_council_js, assess_councils_js, assess_sponsor_js};
use js_sys::{Array, Object, Reflect, JSON};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const GENERATED: &str = include_str!("../../../tests/generated/native-wasm.json");

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("JSON")
}

fn stringify(v: &JsValue) -> String {
    JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

fn prop(v: &JsValue, key: &str) -> String {
    Reflect::get(v, &key.into())
        .ok()
        .and_then(|x| x.as_string())
        .unwrap_or_default()
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    Reflect::set(target, &key.into(), value).unwrap();
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &key.into()).unwrap()
}

/// The code and path of what an export threw (which must be an `Error`), or "(no error)".
fn thrown(r: Result<JsValue, JsValue>) -> (String, String) {
    match r {
        Ok(_) => ("(no error)".into(), String::new()),
        Err(e) => {
            assert!(
                e.is_instance_of::<js_sys::Error>(),
                "the thrown value is not an Error"
            );
            let (code, path, message) = (prop(&e, "code"), prop(&e, "path"), prop(&e, "message"));
            assert!(!code.is_empty(), "no code: {message}");
            assert!(
                path.is_empty() || message.starts_with(&path),
                "message does not start with its path"
            );
            (code, path)
        }
    }
}

fn pair(code: &str, path: &str) -> (String, String) {
    (code.to_string(), path.to_string())
}

fn council(input: &JsValue) -> (String, String) {
    thrown(assess_council_js(input.clone(), JsValue::UNDEFINED))
}

fn sponsor(input: &JsValue) -> (String, String) {
    thrown(assess_sponsor_js(input.clone(), JsValue::UNDEFINED))
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

#[wasm_bindgen_test]
fn generated_inputs_give_byte_identical_json_in_wasm() {
    let doc: Value = serde_json::from_str(GENERATED).expect("generated/native-wasm.json");
    let cases = doc["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 300);
    let mut failures = Vec::new();
    for (n, c) in cases.iter().enumerate() {
        let input = js(&c["input"].to_string());
        let result = match c["kind"].as_str().unwrap() {
            "council" => assess_council_js(input, JsValue::UNDEFINED),
            _ => assess_sponsor_js(input, JsValue::UNDEFINED),
        };
        match (result, c.get("output").and_then(Value::as_str)) {
            (Ok(out), Some(native)) => {
                let text = stringify(&out);
                if text != native {
                    let at = text
                        .bytes()
                        .zip(native.bytes())
                        .position(|(a, b)| a != b)
                        .unwrap_or(text.len().min(native.len()));
                    failures.push(format!(
                        "case {n}: differs from byte {at}:\n  wasm   {}\n  native {}",
                        &text[at.saturating_sub(40)..(at + 80).min(text.len())],
                        &native[at.saturating_sub(40)..(at + 80).min(native.len())]
                    ));
                }
            }
            (Err(e), None) => {
                let got = thrown(Err(e));
                let want = (
                    c["error"]["code"].as_str().unwrap().to_string(),
                    c["error"]["path"].as_str().unwrap().to_string(),
                );
                if got != want {
                    failures.push(format!("case {n}: error {got:?}, native {want:?}"));
                }
            }
            (Ok(_), None) => failures.push(format!("case {n}: native gave an error, wasm did not")),
            (Err(e), Some(_)) => {
                failures.push(format!("case {n}: wasm threw {:?}", thrown(Err(e))))
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} generated cases differ between wasm and native:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[wasm_bindgen_test]
fn hostile_cases_throw_their_code_and_path_in_wasm() {
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in common::cases()
        .iter()
        .filter(|c| c.file == "hostile" && c.input_text.is_none())
    {
        ran += 1;
        let input = js(&case.text());
        let none = JsValue::UNDEFINED;
        let result = match case.kind.as_str() {
            "council" => assess_council_js(input, none),
            "councils" => assess_councils_js(input, none),
            "sponsor" => assess_sponsor_js(input, none),
            "rulesetOverride" => api::rulesets_js(input),
            other => panic!("unknown kind {other}"),
        };
        let got = thrown(result);
        let want = case.expect_error.clone().expect("an expected error");
        if got != want {
            failures.push(format!("{:?}: got {got:?}, expected {want:?}", case.name));
        }
    }
    assert!(ran >= 60, "only {ran} hostile cases ran");
    assert!(
        failures.is_empty(),
        "{} hostile cases failed in wasm:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[wasm_bindgen_test]
fn non_finite_numbers_are_invalid_values_at_their_path() {
    let sponsor_with = |section: &str, key: &str, v: JsValue| {
        let input = js(r#"{"asOf": "2017-03-01", "organisation": {"kind": "charity"}}"#);
        let inner = Object::new();
        set(&inner, key, &v);
        set(&input, section, &inner);
        sponsor(&input)
    };
    assert_eq!(
        sponsor_with("finances", "annualIncomeGbp", JsValue::from_f64(f64::NAN)),
        pair("invalid_value", "finances.annualIncomeGbp")
    );
    assert_eq!(
        sponsor_with(
            "finances",
            "reservesMonths",
            JsValue::from_f64(f64::INFINITY)
        ),
        pair("invalid_value", "finances.reservesMonths")
    );
    assert_eq!(
        sponsor_with(
            "experience",
            "yearsDeliveringChildrensServices",
            JsValue::from_f64(f64::NEG_INFINITY)
        ),
        pair(
            "invalid_value",
            "experience.yearsDeliveringChildrensServices"
        )
    );
    assert_eq!(
        sponsor_with(
            "experience",
            "qualifiedSocialWorkers",
            JsValue::from_f64(f64::NAN)
        ),
        pair("invalid_value", "experience.qualifiedSocialWorkers")
    );
    assert_eq!(
        sponsor_with(
            "governance",
            "independentBoardMembers",
            js_sys::BigInt::from(3u32).into()
        ),
        // A BigInt is not a JavaScript number: the wrong type.
        pair("invalid_type", "governance.independentBoardMembers")
    );
    // NaN where a list or text belongs is a number where none belongs: the wrong type.
    let input = js(r#"{"asOf": "2017-06-01", "inspections": [], "council": {}}"#);
    set(
        &get(&input, "council"),
        "name",
        &JsValue::from_f64(f64::NAN),
    );
    assert_eq!(council(&input), pair("invalid_type", "council.name"));
    let input = js(r#"{"asOf": "2017-06-01"}"#);
    set(&input, "inspections", &JsValue::from_f64(f64::INFINITY));
    assert_eq!(council(&input), pair("invalid_type", "inspections"));
    // Beside a real null.
    let input = js(r#"{"asOf": "2017-06-01", "inspections": [], "council": {"name": null}}"#);
    set(
        &get(&input, "council"),
        "code",
        &JsValue::from_f64(f64::NEG_INFINITY),
    );
    assert_eq!(council(&input), pair("invalid_type", "council.code"));
    // In a ruleset override, NaN is an invalid ruleset at its path.
    let patch = js(
        r#"{"rulesets": [{"id": "announcement-2015", "parameters": {"improvementWindowMonths": {}}}]}"#,
    );
    let param = get(
        &get(&get(&get(&patch, "rulesets"), "0"), "parameters"),
        "improvementWindowMonths",
    );
    set(&param, "value", &JsValue::from_f64(f64::NAN));
    assert_eq!(
        thrown(assess_council_js(
            js(r#"{"asOf": "2016-03-01", "inspections": []}"#),
            patch
        )),
        pair(
            "invalid_ruleset",
            "rulesets[0].parameters.improvementWindowMonths.value"
        )
    );
}

/// Where a date or a fixed word belongs, NaN or Infinity is a number: `invalid_type`, as
/// `20170601` is, not a date or word that is wrong.
#[wasm_bindgen_test]
fn non_finite_numbers_where_a_date_or_word_belongs_are_the_wrong_type() {
    let input = js(r#"{"inspections": []}"#);
    set(&input, "asOf", &JsValue::from_f64(f64::NAN));
    assert_eq!(council(&input), pair("invalid_type", "asOf"));
    let input = js(r#"{"asOf": "2017-06-01", "inspections": [{"published": "2016-10-01"}]}"#);
    let inspection = get(&get(&input, "inspections"), "0");
    set(&inspection, "overall", &JsValue::from_f64(f64::INFINITY));
    assert_eq!(
        council(&input),
        pair("invalid_type", "inspections[0].overall")
    );
}

#[wasm_bindgen_test]
fn negative_zero_undefined_and_cycles() {
    // -0 is 0.
    let with = |v: f64| {
        let input = js(
            r#"{"asOf": "2017-03-01", "organisation": {"kind": "charity"}, "experience": {}, "finances": {}}"#,
        );
        set(
            &get(&input, "experience"),
            "qualifiedSocialWorkers",
            &JsValue::from_f64(v),
        );
        set(
            &get(&input, "finances"),
            "annualIncomeGbp",
            &JsValue::from_f64(v),
        );
        stringify(&assess_sponsor_js(input, JsValue::UNDEFINED).expect("valid"))
    };
    assert_eq!(with(-0.0), with(0.0));
    // A required key whose value is undefined is there, with no value: the wrong type. (An
    // optional key whose value is undefined is read as absent.)
    let input = js(r#"{"inspections": []}"#);
    set(&input, "asOf", &JsValue::UNDEFINED);
    assert_eq!(council(&input), pair("invalid_type", "asOf"));
    let input = js(r#"{"asOf": "2017-06-01", "inspections": []}"#);
    set(&input, "ruleset", &JsValue::UNDEFINED);
    assert!(assess_council_js(input, JsValue::UNDEFINED).is_ok());
    // undefined as the whole input, a function, a symbol.
    assert_eq!(council(&JsValue::UNDEFINED), pair("invalid_type", ""));
    assert_eq!(
        council(&js_sys::Function::new_no_args("return 1").into()),
        pair("invalid_type", "")
    );
    // An object that contains itself is read as far as its type goes: the inner copy's keys are
    // not a council's (and the reading ends there, however deep the cycle).
    let input = js(r#"{"asOf": "2017-06-01", "inspections": []}"#);
    set(&input, "council", &input);
    assert_eq!(council(&input), pair("unknown_field", "council.asOf"));
    // A Date object where a date string belongs is not a string.
    let input = js(r#"{"inspections": []}"#);
    set(
        &input,
        "asOf",
        &js_sys::Date::new(&JsValue::from_f64(1.4e12)).into(),
    );
    assert_eq!(council(&input), pair("invalid_type", "asOf"));
}

/// Values are read as their type says, so a list nested where a name belongs is the wrong type
/// at that path. (serde-wasm-bindgen words that error with wasm-bindgen's debug text of the
/// value, which recurses: lists nested some thousands deep overflow JavaScript's stack there, a
/// limit recorded in the README.)
#[wasm_bindgen_test]
fn nesting_a_thousand_deep_is_the_wrong_type_at_its_path() {
    for depth in [65, 1_000] {
        let mut deep: JsValue = JsValue::from_f64(1.0);
        for _ in 0..depth {
            deep = Array::of1(&deep).into();
        }
        let input = js(r#"{"asOf": "2017-06-01", "inspections": [], "council": {}}"#);
        set(&get(&input, "council"), "name", &deep);
        assert_eq!(
            council(&input),
            pair("invalid_type", "council.name"),
            "{depth} deep"
        );
    }
}

/// A 10 MB string in `key` of an object made from `base`.
fn with_long(base: &str, section: Option<&str>, key: &str, chars: usize) -> JsValue {
    let input = js(base);
    let s = JsValue::from_str(&"é".repeat(chars));
    match section {
        Some(sec) => set(&get(&input, sec), key, &s),
        None => set(&input, key, &s),
    }
    input
}

#[wasm_bindgen_test]
fn ten_megabyte_strings_are_too_long_in_linear_time() {
    let base = r#"{"asOf": "2017-06-01", "inspections": [], "council": {}}"#;
    let big = with_long(base, Some("council"), "name", 5 << 20);
    assert_eq!(council(&big), pair("too_long", "council.name"));
    let small = with_long(base, Some("council"), "name", 1 << 19);
    let t = now_ms();
    for _ in 0..3 {
        council(&small);
    }
    let t1 = (now_ms() - t) / 3.0;
    let t = now_ms();
    council(&big);
    let t10 = now_ms() - t;
    assert!(
        t10 <= 35.0 * t1 + 300.0,
        "1 MB took {t1} ms, 10 MB {t10} ms: not linear"
    );
    assert_eq!(
        council(&with_long(r#"{"inspections": []}"#, None, "asOf", 5 << 20)),
        pair("invalid_date", "asOf")
    );
    let input = with_long(
        r#"{"asOf": "2017-03-01", "organisation": {"kind": "charity"}}"#,
        Some("organisation"),
        "name",
        5 << 20,
    );
    assert_eq!(sponsor(&input), pair("too_long", "organisation.name"));
    // A 10 MB key is unknown, and named.
    let input = js(r#"{"asOf": "2017-06-01", "inspections": []}"#);
    set(&input, &"k".repeat(10 << 20), &JsValue::from_f64(1.0));
    let (code, path) = council(&input);
    assert_eq!((code.as_str(), path.len()), ("unknown_field", 10 << 20));
}

#[wasm_bindgen_test]
fn arrays_far_over_the_limits_are_too_many() {
    let many = |n: usize, item: &str| -> JsValue {
        let one = js(item);
        let list = Array::new();
        for _ in 0..n {
            list.push(&one);
        }
        list.into()
    };
    let input = js(r#"{"asOf": "2017-06-01", "inspections": []}"#);
    set(
        &input,
        "concerns",
        &many(
            200_000,
            r#"{"date": "2017-01-01", "kind": "whistleblower"}"#,
        ),
    );
    assert_eq!(council(&input), pair("too_many", "concerns"));
    let input = js(r#"{"asOf": "2017-06-01"}"#);
    set(
        &input,
        "inspections",
        &many(1001, r#"{"published": "2016-10-01", "overall": "good"}"#),
    );
    assert_eq!(council(&input), pair("too_many", "inspections"));
    let input =
        js(r#"{"asOf": "2017-03-01", "organisation": {"kind": "charity"}, "experience": {}}"#);
    set(
        &get(&input, "experience"),
        "registeredProvision",
        &many(100_000, r#"{"kind": "other", "grade": "good"}"#),
    );
    assert_eq!(
        sponsor(&input),
        pair("too_many", "experience.registeredProvision")
    );
    // A batch has no limit: 5,000 councils are all assessed, and an error names its item.
    let batch = many(
        5_000,
        r#"{"asOf": "2017-06-01", "inspections": [{"published": "2016-10-01", "overall": "inadequate"}]}"#,
    );
    let out = assess_councils_js(batch.clone(), JsValue::UNDEFINED).expect("a valid batch");
    assert_eq!(Array::from(&out).length(), 5_000);
    batch
        .unchecked_ref::<Array>()
        .set(4_321, js(r#"{"asOf": "2017-02-30", "inspections": []}"#));
    assert_eq!(
        thrown(assess_councils_js(batch, JsValue::UNDEFINED)),
        pair("invalid_date", "[4321].asOf")
    );
}
