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
