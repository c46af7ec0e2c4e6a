//! The WebAssembly boundary: the only module that knows about wasm-bindgen. Each export takes
//! plain JavaScript objects, runs the engine, and returns plain objects; invalid input throws
//! an `Error` with `code`, `path` and `message`.
//!
//! Values cross as JSON text (`JSON.stringify` in, `JSON.parse` out): one reader serves every
//! entry point, and the module stays small. Numbers JSON cannot write (NaN, Infinity) are sent
//! as marked strings so that they are rejected with their path rather than turned into `null`.

use crate::input::{CouncilInput, SponsorInput};
use crate::json::{FromJson, Json, Path};
use crate::write::ToJson;
use crate::{assess_council, assess_sponsor, Error, ErrorCode, RulesetFile};
use std::borrow::Cow;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("wasm.d.ts");

#[wasm_bindgen(inline_js = r#"
// Whether JSON.stringify would meet no NaN, Infinity or BigInt in `v`: exact for plain data
// (plain objects, arrays, primitives); anything else (toJSON, boxed numbers, class
// instances) answers false, so the careful replacer decides.
function plainFinite(v) {
  if (typeof v === "number") return Number.isFinite(v);
  if (typeof v !== "object" || v === null) return typeof v !== "bigint";
  if (typeof v.toJSON === "function") return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!plainFinite(v[i])) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const k of Object.keys(v)) if (!plainFinite(v[k])) return false;
  return true;
}
export function toJson(value) {
  if (value === undefined) return undefined;
  // Fast path: plain JSON.stringify. Only NaN and Infinity turn into null there (a BigInt
  // throws), so text without null, or plain data holding no such number, is the careful text.
  let text;
  try { text = JSON.stringify(value); } catch (_) { text = undefined; }
  if (typeof text === "string" && (!text.includes("null") || plainFinite(value))) return text;
  return JSON.stringify(value, (key, v) =>
    typeof v === "number" && !Number.isFinite(v) ? "\u0000\u0001non-finite:" + String(v)
    : typeof v === "bigint" ? "\u0000\u0001non-finite:" + String(v) + "n" : v);
}
const ENCODER = new TextEncoder();
export function textUnits(text) { return text.length; }
// Writes `text` as UTF-8 into the module's memory at ptr (cap bytes): the bytes written, or
// -1 when they do not fit. One native call, where passing a String copies char by char.
export function encodeText(text, memory, ptr, cap) {
  const r = ENCODER.encodeInto(text, new Uint8Array(memory.buffer, ptr, cap));
  return r.read === text.length ? r.written : -1;
}
export function fromJson(text) { return JSON.parse(text); }
export function makeError(message, code, path) {
  const e = new Error(message);
  e.name = "TrustEligibilityError";
  e.code = code;
  e.path = path;
  return e;
}
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = toJson)]
    fn to_json_text(value: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = textUnits)]
    fn text_units(text: &JsValue) -> u32;
    #[wasm_bindgen(js_name = encodeText)]
    fn encode_text(text: &JsValue, memory: &JsValue, ptr: u32, cap: u32) -> i32;
    #[wasm_bindgen(js_name = fromJson)]
    fn from_json_text(text: &str) -> JsValue;
    #[wasm_bindgen(js_name = makeError)]
    fn make_error(message: &str, code: &str, path: &str) -> JsValue;
}

/// An engine error as a thrown JavaScript `Error` with `code` and `path` properties.
fn throw(e: Error) -> JsValue {
    make_error(&e.message, e.code.as_str(), &e.path)
}

/// A JavaScript value as JSON text (`JSON.stringify`, with non-finite numbers marked).
#[inline(never)]
fn read(value: &JsValue) -> Result<String, Error> {
    match to_json_text(value) {
        Ok(text) if text.is_undefined() => Err(Error::new(ErrorCode::InvalidType, "", "expected an object, found undefined")),
        Ok(text) => {
            let units = text_units(&text) as usize;
            // JSON.stringify's text is mostly ASCII, one byte per UTF-16 unit; any other text
            // takes at most three bytes per unit.
            let mut bytes = Vec::new();
            let mut written = -1;
            for cap in [units, units.saturating_mul(3)] {
                bytes = vec![0u8; cap];
                // JavaScript writes into `bytes` (initialised, owned here, not read meanwhile)
                // through the module's memory; the pointer is exposed by the cast.
                written = encode_text(
                    &text,
                    &wasm_bindgen::memory(),
                    bytes.as_mut_ptr() as usize as u32,
                    cap as u32,
                );
                if written >= 0 {
                    break;
                }
            }
            bytes.truncate(usize::try_from(written).unwrap_or(0));
            String::from_utf8(bytes).map_err(|_| {
                Error::new(ErrorCode::InvalidJson, "", "the value cannot be written as UTF-8 text")
            })
        }
        Err(_) => Err(Error::new(
            ErrorCode::InvalidJson,
            "",
            "the value cannot be written as JSON (it refers to itself, or holds a value JSON has no form for)",
        )),
    }
}

/// The text `read` returned, parsed; the value borrows its strings from the text.
#[inline(never)]
fn parse(text: &str) -> Result<Json<'_>, Error> {
    let mut v = crate::json::parse(text)?;
    // JSON.stringify writes the marker's control characters as \u escapes; only text
    // holding them can hold a marked number.
    const MARK: &[u8] = b"\\u0000\\u0001non-finite:";
    let b = text.as_bytes();
    let marked = (0..b.len()).any(|i| b[i] == b'\\' && b[i..].starts_with(MARK));
    if marked {
        crate::json::mark_non_finite(&mut v);
    }
    Ok(v)
}

fn to_js<T: ToJson + ?Sized>(value: &T) -> JsValue {
    from_json_text(&crate::write::to_json(value))
}

/// The rulesets to use: the embedded default, or `overrides` merged onto it.
fn rules(overrides: &JsValue) -> Result<Cow<'static, RulesetFile>, JsValue> {
    if overrides.is_undefined() || overrides.is_null() {
        return RulesetFile::default_ref().map(Cow::Borrowed).map_err(throw);
    }
    let recode = |e: Error| throw(e.recode(ErrorCode::InvalidRuleset));
    let text = read(overrides).map_err(recode)?;
    let patch = parse(&text).map_err(recode)?;
    RulesetFile::with_override(patch)
        .map(Cow::Owned)
        .map_err(throw)
}

fn input<T: FromJson>(value: &JsValue) -> Result<T, JsValue> {
    let text = read(value).map_err(throw)?;
    parse(&text)
        .and_then(|v| T::from_json(&v, &Path::Root))
        .map_err(throw)
}

/// Assesses one council (SPEC §3). `rulesets` optionally overrides the built-in ruleset data.
#[wasm_bindgen(js_name = assessCouncil, skip_typescript)]
pub fn assess_council_js(input_value: JsValue, rulesets: JsValue) -> Result<JsValue, JsValue> {
    let rules = rules(&rulesets)?;
    let input: CouncilInput = input(&input_value)?;
    Ok(to_js(&assess_council(&input, &rules).map_err(throw)?))
}

/// Assesses many councils at once; an invalid item throws with its index in the path (`[3].asOf`).
#[wasm_bindgen(js_name = assessCouncils, skip_typescript)]
pub fn assess_councils_js(inputs: JsValue, rulesets: JsValue) -> Result<JsValue, JsValue> {
    let rules = rules(&rulesets)?;
    let inputs: Vec<CouncilInput> = input(&inputs)?;
    // Each answer is written as soon as it is made: one buffer, no list of answers.
    let mut buf = String::with_capacity(2048 * inputs.len() + 2);
    buf.push('[');
    for (i, one) in inputs.iter().enumerate() {
        if i > 0 {
            buf.push(',');
        }
        let out = assess_council(one, &rules).map_err(|e| throw(e.within(&format!("[{i}]"))))?;
        out.write_json(&mut buf);
    }
    buf.push(']');
    Ok(from_json_text(&buf))
}

/// Assesses a would-be sponsor (SPEC §4).
#[wasm_bindgen(js_name = assessSponsor, skip_typescript)]
pub fn assess_sponsor_js(input_value: JsValue, rulesets: JsValue) -> Result<JsValue, JsValue> {
    let rules = rules(&rulesets)?;
    let input: SponsorInput = input(&input_value)?;
    Ok(to_js(&assess_sponsor(&input, &rules).map_err(throw)?))
}

/// The rulesets in force (with overrides applied, when given): ids, dates, parameters,
/// wording, sponsor criteria and sources. Pages read every rule's wording from here.
#[wasm_bindgen(js_name = rulesets, skip_typescript)]
pub fn rulesets_js(rulesets: JsValue) -> Result<JsValue, JsValue> {
    Ok(to_js(&*rules(&rulesets)?))
}
