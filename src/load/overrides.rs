//! Ruleset overrides: a partial ruleset file merged onto the built-in one, then read and
//! validated like any ruleset file. Objects merge key by key (`null` removes a key); lists of
//! objects that carry an `id` or a `row` merge item by item, matched on it, new items appended;
//! any other value replaces the default's ([`Value::merge`], the one merge: the command line
//! reads the override's JSON text into a [`Value`], the checker's wasm its JavaScript value).

use crate::error::{Error, ErrorCode};
use crate::ruleset::RulesetFile;
use crate::value::Value;

/// At most this many items in any list or object of a ruleset file, as inputs may: merging and
/// validating stay well within linear-time bounds on hostile files.
pub const MAX_ITEMS: usize = crate::input::MAX_ITEMS;

impl RulesetFile {
    /// The built-in file with `patch` merged onto it, then read (every error an
    /// `invalid_ruleset` naming its path) and validated.
    ///
    /// ```
    /// use trust_eligibility::{ruleset::RulesetFile, value::Value};
    /// let patch = Value::Map(vec![("rulesets".into(), Value::List(vec![Value::Map(vec![
    ///     ("id".into(), Value::Str("protocol-2016".into())),
    ///     ("inForceFrom".into(), Value::Str("2016-06-01".into())),
    /// ])]))]);
    /// let err = RulesetFile::with_override(patch).unwrap_err();
    /// assert_eq!(err.path, "rulesets[1].inForceFrom");
    /// ```
    pub fn with_override(patch: Value) -> Result<RulesetFile, Error> {
        if !matches!(patch, Value::Map(_)) {
            return Err(Error::new(
                ErrorCode::InvalidRuleset,
                "",
                "expected a ruleset file (an object)",
            ));
        }
        check_items(&patch, &mut String::new())?;
        let mut merged = crate::ruleset::embedded_value();
        merged.merge(patch);
        let file: RulesetFile =
            crate::value_de::from_value(merged).map_err(|e| e.recode(ErrorCode::InvalidRuleset))?;
        file.validate()?;
        Ok(file)
    }

    /// A ruleset file from JSON text, merged onto the default. Keys given twice and lists or
    /// objects of more than [`MAX_ITEMS`] items are errors naming their path.
    ///
    /// ```
    /// use trust_eligibility::ruleset::RulesetFile;
    /// let file = RulesetFile::override_from_json(r#"{"rulesets": [{"id": "announcement-2015",
    ///     "parameters": {"improvementWindowMonths": {"value": 3}}}]}"#).unwrap();
    /// assert_eq!(file.rulesets[0].parameters.improvement_window_months.as_ref().unwrap().value, 3);
    /// ```
    #[cfg(feature = "json")]
    pub fn override_from_json(text: &str) -> Result<RulesetFile, Error> {
        // Not JSON and keys given twice keep their codes; anything else is a bad ruleset file.
        let patch = crate::parse::value_from_json(text).map_err(|e| match e.code {
            ErrorCode::InvalidJson | ErrorCode::DuplicateField => e,
            _ => e.recode(ErrorCode::InvalidRuleset),
        })?;
        RulesetFile::with_override(patch)
    }
}

/// At most [`MAX_ITEMS`] items in any list or object of `v` (at `path`).
fn check_items(v: &Value, path: &mut String) -> Result<(), Error> {
    let n = match v {
        Value::List(items) => items.len(),
        Value::Map(entries) => entries.len(),
        _ => return Ok(()),
    };
    if n > MAX_ITEMS {
        return Err(Error::new(
            ErrorCode::InvalidRuleset,
            path.as_str(),
            format_args!(
                "has {n} items; a ruleset file may have at most {MAX_ITEMS} in any list or object"
            ),
        )
        .with_limit(MAX_ITEMS as u64));
    }
    let len = path.len();
    match v {
        Value::List(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push_str(&format!("[{i}]"));
                check_items(item, path)?;
                path.truncate(len);
            }
        }
        Value::Map(entries) => {
            for (k, item) in entries {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                check_items(item, path)?;
                path.truncate(len);
            }
        }
        _ => {}
    }
    Ok(())
}
