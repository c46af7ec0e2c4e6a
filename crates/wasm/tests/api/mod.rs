//! The exports as a JavaScript caller sees them: a missing override is `undefined`.

#![allow(dead_code)]

use trust_eligibility_wasm::RulesetOverride;
use wasm_bindgen::{JsCast, JsValue};

fn over(r: JsValue) -> Option<RulesetOverride> {
    (!r.is_undefined()).then(|| r.unchecked_into())
}

pub fn assess_council_js(input: JsValue, rulesets: JsValue) -> Result<JsValue, JsValue> {
    trust_eligibility_wasm::assess_council_js(input, over(rulesets))
}

pub fn assess_councils_js(inputs: JsValue, rulesets: JsValue) -> Result<JsValue, JsValue> {
    trust_eligibility_wasm::assess_councils_js(inputs, over(rulesets))
}

pub fn assess_sponsor_js(input: JsValue, rulesets: JsValue) -> Result<JsValue, JsValue> {
    trust_eligibility_wasm::assess_sponsor_js(input, over(rulesets))
}

pub fn rulesets_js(rulesets: JsValue) -> Result<JsValue, JsValue> {
    trust_eligibility_wasm::rulesets_js(over(rulesets))
}
