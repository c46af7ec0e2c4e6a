//! The ruleset file loaded: the embedded default read and validated once ([`RulesetFile::default_ref`]),
//! an override merged onto it ([`overrides`]), and the validation of a file against what the
//! decisions can do ([`validate`]: the rows and parameters of each council decision, the sponsor
//! criteria). The top layer of the engine: it uses the ruleset data ([`crate::ruleset`]) and
//! the decisions ([`crate::council`], [`crate::sponsor`]); nothing below uses it.

pub mod overrides;
mod validate;

use crate::error::Error;
use crate::ruleset::RulesetFile;

impl RulesetFile {
    /// The embedded default, read and validated once.
    pub fn default_ref() -> Result<&'static RulesetFile, Error> {
        static DEFAULT: std::sync::OnceLock<Result<RulesetFile, Error>> =
            std::sync::OnceLock::new();
        DEFAULT
            .get_or_init(|| {
                let file = RulesetFile::embedded()?;
                file.validate()?;
                Ok(file)
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

#[cfg(all(test, feature = "json"))]
mod tests {
    use crate::codes::Code;
    use crate::input::Grade;
    use crate::output::{KeyDateKind, WarningCode};
    use crate::value::Value;
    use crate::{ErrorCode, RulesetFile};

    /// The embedded file with `f` done to the table at `key`.
    fn doctored(
        key: &str,
        f: impl FnOnce(&mut Vec<(String, Value)>),
    ) -> Result<RulesetFile, crate::Error> {
        let mut file = crate::ruleset::embedded_value();
        let Value::Map(top) = &mut file else {
            panic!("the file is an object")
        };
        let Some((_, Value::Map(table))) = top.iter_mut().find(|(k, _)| k == key) else {
            panic!("the file has {key}")
        };
        f(table);
        RulesetFile::read(file)
    }

    /// What `crates/wasm/build.rs` relies on to fail the build: a code of each enum whose words
    /// are data, taken out of the embedded file (or words added for no code), is refused.
    #[test]
    fn the_embedded_file_without_a_code_s_words_is_refused() {
        let codes: [(&str, &str); 3] = [
            ("keyDates", KeyDateKind::TakeoverTarget.code()),
            ("warnings", WarningCode::StatusNotInFile.code()),
            ("grades", Grade::RequiresImprovement.code()),
        ];
        for (key, code) in codes {
            let e = doctored(key, |t| t.retain(|(k, _)| k != code)).unwrap_err();
            assert_eq!(
                (e.code, e.path.as_str()),
                (ErrorCode::InvalidRuleset, format!("{key}.{code}").as_str())
            );
            assert!(e.detail.starts_with("missing field"), "{e}");
            let e = doctored(key, |t| {
                let words = t[0].1.clone();
                t.push(("mistyped_code".to_string(), words));
            })
            .unwrap_err();
            assert_eq!(e.path, format!("{key}.mistyped_code"));
            assert!(e.detail.starts_with("unknown field"), "{e}");
        }
        assert!(doctored("keyDates", |_| {}).is_ok());
    }
}
