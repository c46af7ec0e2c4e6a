//! # trust-eligibility-ofsted-wasm
//!
//! Reads Ofsted's "Local authority inspection outcomes" file in the browser, on the device, and
//! lists every council with its intervention: the second, separate WebAssembly module of
//! trust-eligibility. Only the page that reads the file loads it, so the checker's module never
//! holds a spreadsheet reader.
//!
//! The reading is the reader crate's (`trust_eligibility_ofsted`, the reader of the `ofsted`
//! command): this crate only parses the arguments and, on wasm32, crosses the boundary. Values
//! cross as JavaScript values (serde-wasm-bindgen), as in the checker's module, and the
//! TypeScript declarations (`ofsted.d.ts`) are generated from the reader's Rust types.
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

#[cfg(target_arch = "wasm32")]
pub mod wasm {
    //! The boundary: the only code that knows about wasm-bindgen. Arguments are read as
    //! JavaScript values with js-sys, the listing is returned through serde-wasm-bindgen as a
    //! plain JavaScript value (`null` for an absent value, objects for maps), and an error is
    //! thrown as an `Error` with `code`, `path`, `message` (and `limit` or `index` where they
    //! apply). The TypeScript declarations are generated from the reader's types (tsify-next).

    use super::read_listing;
    use js_sys::{Array, ArrayBuffer, Reflect, Uint8Array};
    use serde::Serialize;
    use trust_eligibility::{Error, ErrorCode};
    use trust_eligibility_ofsted::FileBytes;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    #[wasm_bindgen(typescript_custom_section)]
    const TYPES: &str = r#"
/** Thrown for a file that is not Ofsted's format, a bad argument, date or ruleset. */
export interface TrustEligibilityError extends Error {
  name: "TrustEligibilityError";
  code: ErrorCode;
  /** The argument or sheet at fault: "asOf", "ruleset", "files[1].bytes",
   * "ILACS_inspection_history"; "" for the whole file. */
  path: string;
  /** What is wrong with the value at `path`, in words; `message` is the path, then this. */
  detail: string;
  /** too_many: the most items allowed; too_long: the most characters allowed. */
  limit?: number;
  /** duplicate_inspection: the index of the other inspection published on the same day. */
  index?: number;
}
/** A partial ruleset file, merged onto the built-in rulesets, as the checker's functions take. */
export type RulesetOverride = { [key: string]: unknown };
/** One of several files given together: its name (which says CSV or spreadsheet) and bytes. */
export interface OfstedFile {
  name: string;
  bytes: Uint8Array | ArrayBuffer;
}
"#;

    #[wasm_bindgen]
    extern "C" {
        /// A ruleset id, such as `"protocol-2016"` (checked when read).
        #[wasm_bindgen(typescript_type = "string")]
        pub type RulesetId;
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
            let _ = Reflect::set(&err, &JsValue::from_str(key), &value);
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

    fn type_error(path: &str, expected: &str) -> JsValue {
        throw(Error::new(
            ErrorCode::InvalidType,
            path,
            format_args!("expected {expected}"),
        ))
    }

    /// `undefined` and `null` are an argument not given.
    fn absent(value: &JsValue) -> bool {
        value.is_undefined() || value.is_null()
    }

    /// The optional ruleset id.
    fn optional_text(value: Option<JsValue>, path: &str) -> Result<Option<String>, JsValue> {
        let Some(value) = value.filter(|v| !absent(v)) else {
            return Ok(None);
        };
        value
            .as_string()
            .map(Some)
            .ok_or_else(|| type_error(path, "a ruleset id as text, such as \"protocol-2016\""))
    }

    /// The ruleset override (an object, as the checker's functions take), as the text the
    /// reader's ruleset merge reads.
    fn overrides_text(value: Option<JsValue>) -> Result<Option<String>, JsValue> {
        let Some(value) = value.filter(|v| !absent(v)) else {
            return Ok(None);
        };
        js_sys::JSON::stringify(&value)
            .ok()
            .and_then(|text| text.as_string())
            .map(Some)
            .ok_or_else(|| {
                throw(Error::new(
                    ErrorCode::InvalidRuleset,
                    "",
                    "the ruleset override cannot be written as JSON",
                ))
            })
    }

    /// A file's bytes: a `Uint8Array`, an `ArrayBuffer` or any other view of one.
    fn bytes_of(value: &JsValue, path: &str) -> Result<Vec<u8>, JsValue> {
        if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
            return Ok(bytes.to_vec());
        }
        if let Some(buffer) = value.dyn_ref::<ArrayBuffer>() {
            return Ok(Uint8Array::new(buffer).to_vec());
        }
        if ArrayBuffer::is_view(value) {
            let get = |key: &str| Reflect::get(value, &JsValue::from_str(key)).ok();
            let buffer = get("buffer").and_then(|b| b.dyn_into::<ArrayBuffer>().ok());
            let offset = get("byteOffset").and_then(|n| n.as_f64());
            let length = get("byteLength").and_then(|n| n.as_f64());
            if let (Some(buffer), Some(offset), Some(length)) = (buffer, offset, length) {
                return Ok(Uint8Array::new_with_byte_offset_and_length(
                    &buffer,
                    offset as u32,
                    length as u32,
                )
                .to_vec());
            }
        }
        Err(type_error(path, "a Uint8Array or an ArrayBuffer"))
    }

    /// The listing as a plain JavaScript value (JSON-compatible: `null`, plain objects).
    fn write<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(JsValue::from)
    }

    fn run(
        files: &[FileBytes<'_>],
        as_of: &JsValue,
        ruleset: Option<RulesetId>,
        rulesets: Option<RulesetOverride>,
    ) -> Result<JsValue, JsValue> {
        let as_of = as_of
            .as_string()
            .ok_or_else(|| type_error("asOf", "a date as text, YYYY-MM-DD"))?;
        let ruleset = optional_text(ruleset.map(JsValue::from), "ruleset")?;
        let overrides = overrides_text(rulesets.map(JsValue::from))?;
        let listing =
            read_listing(files, &as_of, ruleset.as_deref(), overrides.as_deref()).map_err(throw)?;
        write(&listing)
    }

    /// Reads one file, Ofsted's spreadsheet as published (`.ods`; `.xlsx` too), and lists every
    /// council on `asOf` under the ruleset named (or the one in force then), with `rulesets` (a
    /// ruleset override, as the checker's functions take) when given. A CSV export is one sheet,
    /// which is not enough: see `readOfstedFiles`.
    #[wasm_bindgen(js_name = readOfsted, unchecked_return_type = "Listing")]
    pub fn read_ofsted(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
        #[wasm_bindgen(js_name = fileName)] file_name: &str,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        ruleset: Option<RulesetId>,
        rulesets: Option<RulesetOverride>,
    ) -> Result<JsValue, JsValue> {
        let bytes = bytes_of(&bytes, "bytes")?;
        let file = FileBytes {
            name: file_name,
            bytes: &bytes,
        };
        run(&[file], &as_of, ruleset, rulesets)
    }

    /// The same from several files at once: Ofsted's sheets exported as CSV (or one
    /// spreadsheet).
    #[wasm_bindgen(js_name = readOfstedFiles, unchecked_return_type = "Listing")]
    pub fn read_ofsted_files(
        #[wasm_bindgen(unchecked_param_type = "OfstedFile[]")] files: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        ruleset: Option<RulesetId>,
        rulesets: Option<RulesetOverride>,
    ) -> Result<JsValue, JsValue> {
        let list = files
            .dyn_ref::<Array>()
            .ok_or_else(|| type_error("files", "an array of { name, bytes }"))?;
        let mut owned: Vec<(String, Vec<u8>)> = Vec::with_capacity(list.length() as usize);
        for (i, file) in list.iter().enumerate() {
            let get = |key: &str| {
                Reflect::get(&file, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
            };
            let name = get("name").as_string().unwrap_or_default();
            let bytes = bytes_of(&get("bytes"), &format!("files[{i}].bytes"))?;
            owned.push((name, bytes));
        }
        let given: Vec<FileBytes<'_>> = owned
            .iter()
            .map(|(name, bytes)| FileBytes { name, bytes })
            .collect();
        run(&given, &as_of, ruleset, rulesets)
    }
}
