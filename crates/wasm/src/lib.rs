//! The checker's WebAssembly boundary: the only crate that knows about wasm-bindgen. Each
//! export takes plain JavaScript values, reads them into the engine's types with plain serde over
//! the JavaScript value, every error naming its path ([`js`]; an override is read into the
//! engine's `Value` and merged by the engine), runs the engine, and returns plain JavaScript values
//! (serde-wasm-bindgen; `null` for an absent value, objects for maps). Invalid input throws an
//! `Error` with `code`, `path`, `message` and, where it applies, `limit` or `index`.
//!
//! The built-in rulesets are embedded in the engine's compact encoding, validated when this
//! crate is built (`build.rs`), and read on first use with no JSON parser and no validation.
//!
//! TypeScript: every input and output type's declaration is generated from the engine's Rust
//! types (tsify-next, the engine's `typescript` feature); the exports below name them.

extern crate alloc;

mod js;

use serde::Serialize;
#[cfg(feature = "overrides")]
use std::borrow::Cow;
use trust_eligibility::input::{CouncilInput, SponsorInput};
use trust_eligibility::{assess_council, assess_sponsor, Error, ErrorCode, RulesetFile};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** The error thrown for invalid input or an invalid ruleset override. */
export interface TrustEligibilityError extends Error {
  name: "TrustEligibilityError";
  code: ErrorCode;
  /** The JSON path of the value at fault (`inspections[2].published`); "" for the whole value. */
  path: string;
  /** What is wrong with the value at `path`, in words; `message` is the path, then this. */
  detail: string;
  /** too_many: the most items allowed; too_long: the most characters allowed. */
  limit?: number;
  /** duplicate_inspection: the index of the other inspection published on the same day. */
  index?: number;
}
/** A partial ruleset file, merged onto the built-in rulesets (see the README). */
export type RulesetOverride = { [key: string]: unknown };
"#;

#[wasm_bindgen]
extern "C" {
    /// A partial ruleset file (declared in TypeScript above), passed through as it is.
    #[wasm_bindgen(typescript_type = "RulesetOverride")]
    pub type RulesetOverride;
}

/// An engine error as a thrown JavaScript `Error` with `code`, `path`, `detail` (the message
/// without its path) and any limit or index.
fn throw(e: Error) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    err.set_name("TrustEligibilityError");
    let set = |key: &str, value: JsValue| {
        // Setting a property on a fresh Error object cannot fail.
        let _ = js_sys::Reflect::set(&err, &JsValue::from_str(key), &value);
    };
    set("code", JsValue::from_str(e.code.as_str()));
    set("path", JsValue::from_str(&e.path));
    set("detail", JsValue::from_str(&e.detail));
    if let Some(limit) = e.limit {
        set("limit", JsValue::from_f64(limit as f64));
    }
    if let Some(index) = e.index {
        set("index", JsValue::from_f64(index as f64));
    }
    err.into()
}

/// Reads `T` from a JavaScript value, every error naming its path.
fn read<T: serde::de::DeserializeOwned>(value: JsValue) -> Result<T, Error> {
    js::from_js(value)
}

/// A Rust value as a plain JavaScript value (JSON-compatible: `null`, plain objects).
fn write<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(JsValue::from)
}

/// The built-in rulesets: a constant, the Rust that `build.rs` baked from the file it
/// validated (texts and lists borrowed from the module's data), so no code builds them and
/// nothing reads or validates them at run time.
fn default_rules() -> &'static RulesetFile {
    static DEFAULT: RulesetFile = include!(concat!(env!("OUT_DIR"), "/rules.rs"));
    &DEFAULT
}

/// The override given, if any (`null` and `undefined` are none).
fn given(overrides: Option<RulesetOverride>) -> Option<JsValue> {
    overrides
        .map(JsValue::from)
        .filter(|v| !v.is_null() && !v.is_undefined())
}

/// The rulesets to use: the built-in ones, or `overrides` merged onto them and validated
/// (SPEC §2).
#[cfg(feature = "overrides")]
fn rules(overrides: Option<RulesetOverride>) -> Result<Cow<'static, RulesetFile>, JsValue> {
    let Some(patch) = given(overrides) else {
        return Ok(Cow::Borrowed(default_rules()));
    };
    js::value(&patch)
        .and_then(RulesetFile::with_override)
        .map(Cow::Owned)
        .map_err(throw)
}

/// The built-in rulesets; an override is refused (`invalid_ruleset`), never ignored: this
/// module is built without the reader and checks an override needs (the `overrides` feature:
/// the module in `pkg-rules` has them). Always the constant, so there is nothing to drop.
#[cfg(not(feature = "overrides"))]
fn rules(overrides: Option<RulesetOverride>) -> Result<&'static RulesetFile, JsValue> {
    match given(overrides) {
        None => Ok(default_rules()),
        Some(_) => Err(throw(Error::new(
            ErrorCode::InvalidRuleset,
            "",
            "this build of the checker takes no ruleset override: load the one built with \
             overrides (pkg-rules; in the npm package, \"trust-eligibility/rules\")",
        ))),
    }
}

/// Assesses one council (SPEC §3). `rulesets` optionally overrides the built-in ruleset data.
#[wasm_bindgen(js_name = assessCouncil, unchecked_return_type = "CouncilAssessment")]
pub fn assess_council_js(
    #[wasm_bindgen(unchecked_param_type = "CouncilInput")] input: JsValue,
    rulesets: Option<RulesetOverride>,
) -> Result<JsValue, JsValue> {
    let rules = rules(rulesets)?;
    let input: CouncilInput = read(input).map_err(throw)?;
    write(&assess_council(&input, &rules).map_err(throw)?)
}

/// Assesses many councils at once; an invalid item throws with its index in the path (`[3].asOf`).
#[wasm_bindgen(js_name = assessCouncils, unchecked_return_type = "CouncilAssessment[]")]
pub fn assess_councils_js(
    #[wasm_bindgen(unchecked_param_type = "CouncilInput[]")] inputs: JsValue,
    rulesets: Option<RulesetOverride>,
) -> Result<JsValue, JsValue> {
    let rules = rules(rulesets)?;
    let inputs: Vec<CouncilInput> = read(inputs).map_err(throw)?;
    let answers = inputs
        .iter()
        .enumerate()
        .map(|(i, one)| assess_council(one, &rules).map_err(|e| throw(e.within(&format!("[{i}]")))))
        .collect::<Result<Vec<_>, _>>()?;
    write(&answers)
}

/// The intervention of each council on each date, `out[d][c]`: the rows `assessCouncil` would
/// fire, without its words, key dates or outlook (a picture of many councils over time). Each
/// input's `asOf` is replaced by the date; an invalid input throws with its index in the path.
#[wasm_bindgen(js_name = interventionsOn, unchecked_return_type = "Intervention[][]")]
pub fn interventions_on_js(
    #[wasm_bindgen(unchecked_param_type = "CouncilInput[]")] inputs: JsValue,
    #[wasm_bindgen(unchecked_param_type = "IsoDate[]")] dates: JsValue,
    rulesets: Option<RulesetOverride>,
) -> Result<JsValue, JsValue> {
    let rules = rules(rulesets)?;
    let inputs: Vec<CouncilInput> = read(inputs).map_err(throw)?;
    let dates: Vec<trust_eligibility::date::Date> = read(dates).map_err(throw)?;
    let out =
        trust_eligibility::council::interventions_on(&inputs, &dates, &rules).map_err(throw)?;
    write(&out)
}

/// Assesses a would-be sponsor (SPEC §4).
#[wasm_bindgen(js_name = assessSponsor, unchecked_return_type = "SponsorAssessment")]
pub fn assess_sponsor_js(
    #[wasm_bindgen(unchecked_param_type = "SponsorInput")] input: JsValue,
    rulesets: Option<RulesetOverride>,
) -> Result<JsValue, JsValue> {
    let rules = rules(rulesets)?;
    let input: SponsorInput = read(input).map_err(throw)?;
    write(&assess_sponsor(&input, &rules).map_err(throw)?)
}

/// The rulesets in force (with overrides applied, when given): ids, dates, parameters,
/// wording, sponsor criteria and sources. Pages read every rule's wording from here.
#[wasm_bindgen(js_name = rulesets, unchecked_return_type = "RulesetFile")]
pub fn rulesets_js(rulesets: Option<RulesetOverride>) -> Result<JsValue, JsValue> {
    write(&*rules(rulesets)?)
}

/// Finds the council a person typed (`src/names.rs`: any everyday form of its name, another
/// name it is known by, its ONS code, small typos) among `candidates` (`{ name, code, aliases }`):
/// `{ exact: index | null, nearest: [index, ...] }`, nearest first, for "Did you mean …?". The
/// same matcher as the command line's `council --name`.
#[wasm_bindgen(js_name = matchCouncils, unchecked_return_type = "Matches")]
pub fn match_councils_js(
    query: &str,
    #[wasm_bindgen(unchecked_param_type = "Candidate[]")] candidates: JsValue,
) -> Result<JsValue, JsValue> {
    let candidates: Vec<trust_eligibility::names::Candidate> = read(candidates).map_err(throw)?;
    write(&trust_eligibility::names::find(query, &candidates))
}

/// Keeps `ErrorCode` in the TypeScript declarations (it is only named by the error interface).
#[allow(dead_code)]
fn _codes(_: ErrorCode) {}

/// Exports that time the parts of an `assessCouncil` call apart (reading the input from
/// JavaScript, the engine, writing the answer): only in the bench's build
/// (`--features split-timing`), never in the shipped module.
#[cfg(feature = "split-timing")]
pub mod split {
    use super::*;

    /// Reads the input only (serde over the JavaScript value, tracking its own path).
    #[wasm_bindgen(js_name = benchRead)]
    pub fn bench_read(input: JsValue) -> Result<usize, JsValue> {
        let input: CouncilInput = read(input).map_err(throw)?;
        Ok(input.inspections.len())
    }

    /// Reads the input with serde-wasm-bindgen into the engine's `Value`, then with plain serde
    /// from that (the other way to read without serde_path_to_error).
    #[wasm_bindgen(js_name = benchReadSwb)]
    pub fn bench_read_swb(input: JsValue) -> Result<usize, JsValue> {
        let value: trust_eligibility::value::Value = serde_wasm_bindgen::from_value(input)
            .map(|trust_eligibility::value_de::Any(v)| v)
            .map_err(JsValue::from)?;
        let input: CouncilInput = trust_eligibility::value_de::from_value(value).map_err(throw)?;
        Ok(input.inspections.len())
    }

    /// Reads the input, assesses it and writes the answer as JSON text (serde_json), for the
    /// caller's `JSON.parse`: the other way to hand an answer to JavaScript.
    #[wasm_bindgen(js_name = benchAssessJson)]
    pub fn bench_assess_json(input: JsValue) -> Result<String, JsValue> {
        let rules = rules(None)?;
        let input: CouncilInput = read(input).map_err(throw)?;
        let out = assess_council(&input, &rules).map_err(throw)?;
        serde_json::to_string(&out).map_err(|e| JsValue::from_str(&e.to_string()))
    }

    /// Reads the input and assesses it; the answer is not written.
    #[wasm_bindgen(js_name = benchReadAssess)]
    pub fn bench_read_assess(input: JsValue) -> Result<usize, JsValue> {
        let rules = rules(None)?;
        let input: CouncilInput = read(input).map_err(throw)?;
        let out = assess_council(&input, &rules).map_err(throw)?;
        Ok(out.reasons.len())
    }
}
