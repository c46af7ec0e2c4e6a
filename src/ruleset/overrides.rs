//! Ruleset overrides: a partial ruleset file merged onto the default, then read and validated
//! like any ruleset file. Objects merge key by key (`null` removes a key); lists of objects
//! that carry an `id` or a `row` merge item by item, matched on it, new items appended; any
//! other value replaces the default's.
//!
//! The checker's wasm merges a JavaScript value the same way in its boundary crate; both are
//! run by the same `rulesetOverride` cases in `tests/cases/`.

use super::RulesetFile;
use crate::error::{Error, ErrorCode};
use serde::Deserializer;

/// At most this many items in any list or object of a ruleset file, as inputs may: merging and
/// validating stay well within linear-time bounds on hostile files.
pub const MAX_ITEMS: usize = crate::input::MAX_ITEMS;

impl RulesetFile {
    /// A ruleset file read from a deserializer of the merged value, then validated; every error
    /// is an `invalid_ruleset` naming its path.
    pub fn from_merged<'de, D>(merged: D) -> Result<RulesetFile, Error>
    where
        D: Deserializer<'de>,
        D::Error: std::fmt::Display,
    {
        let file: RulesetFile = crate::parse::from_deserializer(merged)
            .map_err(|e| e.recode(ErrorCode::InvalidRuleset))?;
        file.validate()?;
        Ok(file)
    }
}

#[cfg(feature = "json")]
mod json {
    use super::*;
    use serde_json::Value;

    impl RulesetFile {
        /// The default with `patch` merged onto it, then validated.
        ///
        /// ```
        /// use trust_eligibility::ruleset::RulesetFile;
        /// let patch = serde_json::json!({"rulesets": [{"id": "announcement-2015",
        ///     "parameters": {"improvementWindowMonths": {"value": 3}}}]});
        /// let file = RulesetFile::with_override(patch).unwrap();
        /// assert_eq!(file.rulesets[0].parameters.improvement_window_months.as_ref().unwrap().value, 3);
        ///
        /// let bad = serde_json::json!({"rulesets": [{"id": "protocol-2016", "inForceFrom": "2016-06-01"}]});
        /// let err = RulesetFile::with_override(bad).unwrap_err();
        /// assert_eq!(err.path, "rulesets[1].inForceFrom");
        /// ```
        pub fn with_override(patch: Value) -> Result<RulesetFile, Error> {
            if !patch.is_object() {
                return Err(Error::new(
                    ErrorCode::InvalidRuleset,
                    "",
                    "expected a ruleset file (an object)",
                ));
            }
            let mut base = serde_json::to_value(RulesetFile::default_ref()?)
                .map_err(|e| Error::new(ErrorCode::InvalidRuleset, "", e))?;
            merge(&mut base, patch);
            RulesetFile::from_merged(base)
        }

        /// A ruleset file from JSON text, merged onto the default. Keys given twice and lists or
        /// objects of more than [`MAX_ITEMS`] items are errors naming their path.
        pub fn override_from_json(text: &str) -> Result<RulesetFile, Error> {
            // Not JSON and keys given twice keep their codes; anything else is a bad ruleset file.
            let recode = |e: Error| match e.code {
                ErrorCode::InvalidJson | ErrorCode::DuplicateField => e,
                _ => e.recode(ErrorCode::InvalidRuleset),
            };
            crate::parse::check_json_within(text, MAX_ITEMS).map_err(recode)?;
            let patch: Value = crate::parse::from_json(text).map_err(recode)?;
            RulesetFile::with_override(patch)
        }
    }

    /// Merges `patch` onto `base` (see the module's documentation).
    pub fn merge(base: &mut Value, patch: Value) {
        match (base, patch) {
            (Value::Object(b), Value::Object(p)) => {
                for (k, v) in p {
                    match (b.get_mut(&k), v) {
                        (Some(_), Value::Null) => {
                            b.shift_remove(&k);
                        }
                        (Some(slot), v) => merge(slot, v),
                        (None, Value::Null) => {}
                        (None, v) => {
                            b.insert(k, v);
                        }
                    }
                }
            }
            (Value::Array(b), Value::Array(p))
                if !p.is_empty() && p.iter().all(|v| item_key(v).is_some()) =>
            {
                for item in p {
                    let key = item_key(&item).cloned();
                    match b.iter_mut().find(|x| item_key(x) == key.as_ref()) {
                        Some(slot) => merge(slot, item),
                        None => b.push(item),
                    }
                }
            }
            (b, p) => *b = p,
        }
    }

    fn item_key(v: &Value) -> Option<&Value> {
        let obj = v.as_object()?;
        obj.get("id").or_else(|| obj.get("row"))
    }
}

#[cfg(feature = "json")]
pub use json::merge;
