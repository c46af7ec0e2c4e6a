//! # trust-eligibility
//!
//! Which government intervention applies to an English council's children's services given
//! its Ofsted record, and whether an organisation qualifies to sponsor a children's services
//! trust — and what it still lacks. The rules are those of the December 2015 announcement and
//! the July 2016 intervention protocol, each with its published source.
//!
//! The engine is pure: it never reads the clock (the caller passes `asOf`), never touches the
//! network or files, and has one error type, [`Error`], that names the JSON path of bad input.
//! Thresholds, durations, wording and citations are data ([`ruleset`]); the decision order
//! is code, one function per ruleset version ([`council`]). The layers run one way: the data
//! (dates, inputs, the ruleset data, the answers' shapes) under the decisions ([`council`],
//! [`sponsor`]), under [`load`], which reads the ruleset file and validates it against them
//! (`tests/layers.rs` fails on a circle of imports).
//!
//! ```
//! let out = trust_eligibility::assess_council_json(r#"{
//!     "council": {"name": "Sandwell", "code": "E08000028"},
//!     "asOf": "2015-12-14",
//!     "inspections": [{"published": "2015-06-10", "overall": "inadequate"}]
//! }"#).unwrap();
//! // Six months from publication, 2015-12-10, have passed: a commissioner goes in.
//! use trust_eligibility::output::{Intervention, KeyDateKind};
//! assert_eq!(out.intervention, Intervention::Commissioner);
//! assert_eq!(out.dates[0].kind, KeyDateKind::TakeoverTarget);
//! assert_eq!(out.dates[0].date.to_string(), "2016-12-10");
//! assert_eq!(out.ruleset.id, "announcement-2015");
//! ```
//!
//! Entry points: this crate ([`assess_council`], [`assess_sponsor`]), the `trust-eligibility`
//! command line, and WebAssembly (`assessCouncil`, `assessSponsor`, `assessCouncils`,
//! `rulesets`; the crate `crates/wasm`).

#![forbid(unsafe_code)]

pub mod codes;
pub mod council;
pub mod date;
pub mod error;
pub mod input;
pub mod load;
pub mod names;
pub mod order;
pub mod output;
pub mod parse;
pub mod ruleset;
pub mod sponsor;
pub mod table;
pub mod text;
pub mod value;
pub mod value_de;

pub use council::{assess_council, CouncilAssessment};
pub use error::{Error, ErrorCode};
pub use output::{KeyDate, Reason, RowRef, RulesetRef, Warning};
pub use ruleset::RulesetFile;
pub use sponsor::{assess_sponsor, SponsorAssessment};

/// Assesses a council from JSON text with the embedded rulesets.
#[cfg(feature = "json")]
pub fn assess_council_json(text: &str) -> Result<CouncilAssessment, Error> {
    let input = parse::from_json(text)?;
    assess_council(&input, RulesetFile::default_ref()?)
}

/// Assesses a would-be sponsor from JSON text with the embedded rulesets.
#[cfg(feature = "json")]
pub fn assess_sponsor_json(text: &str) -> Result<SponsorAssessment, Error> {
    let input = parse::from_json(text)?;
    assess_sponsor(&input, RulesetFile::default_ref()?)
}
