//! The WebAssembly boundary: the only module that knows about wasm-bindgen. Each export takes
//! plain JavaScript objects, runs the engine, and returns plain objects; invalid input throws
//! an `Error` with `code`, `path` and `message`.

use crate::input::{CouncilInput, SponsorInput};
use crate::{assess_council, assess_sponsor, parse, Error, RulesetFile};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("wasm.d.ts");

/// The rulesets to use: the embedded default, or `overrides` merged onto it.
fn rules(overrides: &JsValue) -> Result<std::borrow::Cow<'static, RulesetFile>, JsValue> {
    if overrides.is_undefined() || overrides.is_null() {
        return RulesetFile::default_ref()
            .map(std::borrow::Cow::Borrowed)
            .map_err(throw);
    }
    let patch: serde_json::Value =
        parse::from_deserializer(serde_wasm_bindgen::Deserializer::from(overrides.clone()))
            .map_err(|e| {
                throw(Error::new(
                    crate::ErrorCode::InvalidRuleset,
                    e.path.clone(),
                    e.message.clone(),
                ))
            })?;
    RulesetFile::with_override(patch)
        .map(std::borrow::Cow::Owned)
        .map_err(throw)
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// An engine error as a thrown JavaScript `Error` with `code` and `path` properties.
fn throw(e: Error) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    err.set_name("TrustEligibilityError");
    let obj: &JsValue = err.as_ref();
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(obj, &"code".into(), &e.code.as_str().into());
    let _ = js_sys::Reflect::set(obj, &"path".into(), &e.path.as_str().into());
    err.into()
}

fn read<T: serde::de::DeserializeOwned>(value: JsValue) -> Result<T, Error> {
    parse::from_deserializer(serde_wasm_bindgen::Deserializer::from(value))
}

/// Assesses one council (SPEC §3). `rulesets` optionally overrides the built-in ruleset data.
#[wasm_bindgen(js_name = assessCouncil, skip_typescript)]
pub fn assess_council_js(input: JsValue, rulesets: JsValue) -> Result<JsValue, JsValue> {
    let rules = rules(&rulesets)?;
    let input: CouncilInput = read(input).map_err(throw)?;
    to_js(&assess_council(&input, &rules).map_err(throw)?)
}

/// Assesses many councils at once; an invalid item throws with its index in the path (`[3].asOf`).
#[wasm_bindgen(js_name = assessCouncils, skip_typescript)]
pub fn assess_councils_js(inputs: JsValue, rulesets: JsValue) -> Result<JsValue, JsValue> {
    let rules = rules(&rulesets)?;
    let inputs: Vec<CouncilInput> = read(inputs).map_err(throw)?;
    let mut out = Vec::with_capacity(inputs.len());
    for (i, input) in inputs.iter().enumerate() {
        out.push(assess_council(input, &rules).map_err(|e| throw(e.within(&format!("[{i}]"))))?);
    }
    to_js(&out)
}

/// Assesses a would-be sponsor (SPEC §4).
#[wasm_bindgen(js_name = assessSponsor, skip_typescript)]
pub fn assess_sponsor_js(input: JsValue, rulesets: JsValue) -> Result<JsValue, JsValue> {
    let rules = rules(&rulesets)?;
    let input: SponsorInput = read(input).map_err(throw)?;
    to_js(&assess_sponsor(&input, &rules).map_err(throw)?)
}

/// The rulesets in force (with overrides applied, when given): ids, dates, parameters,
/// wording, sponsor criteria and sources. Pages read every rule's wording from here.
#[wasm_bindgen(js_name = rulesets, skip_typescript)]
pub fn rulesets_js(rulesets: JsValue) -> Result<JsValue, JsValue> {
    to_js(&*rules(&rulesets)?)
}
