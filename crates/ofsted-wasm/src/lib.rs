//! # trust-eligibility-ofsted-wasm
//!
//! Reads Ofsted's "Local authority inspection outcomes" file in the browser, on the device, and
//! lists every council with its intervention: the second, separate WebAssembly module of
//! trust-eligibility. Only the page that reads the file loads it, so the checker's module never
//! holds a spreadsheet reader.
//!
//! The reading is the reader crate's (`trust_eligibility_ofsted`, the reader of the `ofsted`
//! command): this crate only parses the arguments and, on wasm32, crosses the boundary. Values
//! cross as JSON text (`JSON.parse` on the way out), as in the checker's module.
//!
//! ```js
//! import init, { readOfsted } from "./pkg-ofsted/ofsted.js";
//! await init();
//! const bytes = new Uint8Array(await file.arrayBuffer());
//! const list = readOfsted(bytes, file.name, "2025-06-30");
//! // list.councils[i]: { code, name, region, latestGrade, latestPublished, intervention,
//! //   keyDate, persistent, systemic, ..., input }  (input: SPEC §3.1, for assessCouncil)
//! ```

use std::borrow::Cow;
use trust_eligibility::date::{Date, DateError};
use trust_eligibility::input::quote_short;
use trust_eligibility::{Error, ErrorCode, RulesetFile};
use trust_eligibility_ofsted::{self as ofsted, FileBytes, Listing};

/// Reads Ofsted's file (one spreadsheet, or its sheets as CSV files) and lists every council on
/// `as_of` (`YYYY-MM-DD`), under the ruleset named `ruleset` or the one in force then, with the
/// ruleset data `overrides` (JSON text of a ruleset file, merged onto the built-in one) when
/// given. The date and ruleset are checked before the file is read.
pub fn read_listing(
    files: &[FileBytes<'_>],
    as_of: &str,
    ruleset: Option<&str>,
    overrides: Option<&str>,
) -> Result<Listing, Error> {
    let as_of = Date::parse(as_of).map_err(|e| match e {
        DateError::NotADate => Error::new(
            ErrorCode::InvalidDate,
            "asOf",
            format_args!("{} is not a date (YYYY-MM-DD)", quote_short(as_of)),
        ),
        DateError::OutOfRange => Error::new(
            ErrorCode::DateOutOfRange,
            "asOf",
            format_args!(
                "{} is outside the dates accepted (1990-01-01 to 2100-12-31)",
                quote_short(as_of)
            ),
        ),
    })?;
    let rules: Cow<'static, RulesetFile> = match overrides {
        None => Cow::Borrowed(RulesetFile::default_ref()?),
        // Text that is not JSON is a bad ruleset file, as the checker's functions say.
        Some(text) => Cow::Owned(RulesetFile::override_from_json(text).map_err(|e| {
            if e.code == ErrorCode::InvalidJson {
                e.recode(ErrorCode::InvalidRuleset)
            } else {
                e
            }
        })?),
    };
    rules.select(as_of, ruleset)?;
    let data = ofsted::read_bytes(files)?;
    ofsted::listing(&data, as_of, ruleset, &rules)
}

/// [`read_listing`] as JSON text.
pub fn read_listing_json(
    files: &[FileBytes<'_>],
    as_of: &str,
    ruleset: Option<&str>,
    overrides: Option<&str>,
) -> Result<String, Error> {
    let listing = read_listing(files, as_of, ruleset, overrides)?;
    serde_json::to_string(&listing).map_err(|e| Error::new(ErrorCode::InvalidValue, "", e))
}

#[cfg(target_arch = "wasm32")]
pub mod wasm {
    //! The boundary: the only code that knows about wasm-bindgen.

    use super::read_listing_json;
    use trust_eligibility::{Error, ErrorCode};
    use trust_eligibility_ofsted::FileBytes;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(typescript_custom_section)]
    const TYPES: &str = include_str!("ofsted.d.ts");

    #[wasm_bindgen(inline_js = r#"
export function fromJson(text) { return JSON.parse(text); }
export function toJson(value) { return JSON.stringify(value); }
export function makeError(message, code, path) {
  const e = new Error(message);
  e.name = "TrustEligibilityError";
  e.code = code;
  e.path = path;
  return e;
}
export function fileCount(files) {
  if (!Array.isArray(files)) throw new TypeError("files: expected an array of { name, bytes }");
  return files.length;
}
export function fileName(files, i) {
  const name = files[i] && files[i].name;
  return typeof name === "string" ? name : "";
}
export function fileBytes(files, i) {
  const b = files[i] && files[i].bytes;
  if (b instanceof Uint8Array) return b;
  if (b instanceof ArrayBuffer || ArrayBuffer.isView(b)) return new Uint8Array(b.buffer ?? b, b.byteOffset ?? 0, b.byteLength);
  throw new TypeError("files[" + i + "].bytes: expected a Uint8Array or an ArrayBuffer");
}
"#)]
    extern "C" {
        #[wasm_bindgen(js_name = fromJson)]
        fn from_json_text(text: &str) -> JsValue;
        #[wasm_bindgen(catch, js_name = toJson)]
        fn to_json_text(value: &JsValue) -> Result<Option<String>, JsValue>;
        #[wasm_bindgen(js_name = makeError)]
        fn make_error(message: &str, code: &str, path: &str) -> JsValue;
        #[wasm_bindgen(catch, js_name = fileCount)]
        fn file_count(files: &JsValue) -> Result<u32, JsValue>;
        #[wasm_bindgen(js_name = fileName)]
        fn file_name(files: &JsValue, i: u32) -> String;
        #[wasm_bindgen(catch, js_name = fileBytes)]
        fn file_bytes(files: &JsValue, i: u32) -> Result<Vec<u8>, JsValue>;
    }

    fn throw(e: Error) -> JsValue {
        make_error(&e.message, e.code.as_str(), &e.path)
    }

    fn type_error(path: &str, expected: &str) -> JsValue {
        throw(Error::new(
            ErrorCode::InvalidType,
            path,
            format_args!("expected {expected}"),
        ))
    }

    /// The optional text arguments: `undefined` and `null` are absent.
    fn optional_text(value: &JsValue, path: &str) -> Result<Option<String>, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        value
            .as_string()
            .map(Some)
            .ok_or_else(|| type_error(path, "a ruleset id as text, such as \"protocol-2016\""))
    }

    /// The ruleset override as JSON text (an object, as the checker's functions take).
    fn overrides_text(value: &JsValue) -> Result<Option<String>, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        match to_json_text(value) {
            Ok(text) => Ok(text),
            Err(_) => Err(throw(Error::new(
                ErrorCode::InvalidRuleset,
                "",
                "the ruleset override cannot be written as JSON",
            ))),
        }
    }

    fn run(
        files: &[FileBytes<'_>],
        as_of: &JsValue,
        ruleset: &JsValue,
        rulesets: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let as_of = as_of
            .as_string()
            .ok_or_else(|| type_error("asOf", "a date as text, YYYY-MM-DD"))?;
        let ruleset = optional_text(ruleset, "ruleset")?;
        let overrides = overrides_text(rulesets)?;
        read_listing_json(files, &as_of, ruleset.as_deref(), overrides.as_deref())
            .map(|text| from_json_text(&text))
            .map_err(throw)
    }

    /// Reads one file: Ofsted's spreadsheet (`.ods` as published; `.xlsx`, `.xls` too) or, for
    /// a CSV export, one sheet (which is not enough: see `readOfstedFiles`).
    #[wasm_bindgen(js_name = readOfsted, skip_typescript)]
    pub fn read_ofsted(
        bytes: &[u8],
        file_name: &str,
        as_of: JsValue,
        ruleset: JsValue,
        rulesets: JsValue,
    ) -> Result<JsValue, JsValue> {
        let file = FileBytes {
            name: file_name,
            bytes,
        };
        run(&[file], &as_of, &ruleset, &rulesets)
    }

    /// Reads several files at once: Ofsted's sheets exported as CSV (or one spreadsheet).
    #[wasm_bindgen(js_name = readOfstedFiles, skip_typescript)]
    pub fn read_ofsted_files(
        files: JsValue,
        as_of: JsValue,
        ruleset: JsValue,
        rulesets: JsValue,
    ) -> Result<JsValue, JsValue> {
        let n =
            file_count(&files).map_err(|_| type_error("files", "an array of { name, bytes }"))?;
        let mut owned: Vec<(String, Vec<u8>)> = Vec::with_capacity(n as usize);
        for i in 0..n {
            let bytes = file_bytes(&files, i).map_err(|_| {
                type_error(
                    &format!("files[{i}].bytes"),
                    "a Uint8Array or an ArrayBuffer",
                )
            })?;
            owned.push((file_name(&files, i), bytes));
        }
        let given: Vec<FileBytes<'_>> = owned
            .iter()
            .map(|(name, bytes)| FileBytes { name, bytes })
            .collect();
        run(&given, &as_of, &ruleset, &rulesets)
    }
}
