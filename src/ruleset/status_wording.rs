//! The wording of a council's status worked out from its dated public decisions (SPEC §3.7),
//! and of the warnings that go with it and with a report whose only inadequate judgement is
//! leadership (SPEC §3.6): ruleset data, each text with its source.

use super::Wording;
use std::borrow::Cow;

/// Words for one kind of public decision, with its source.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset::status_wording))]
pub struct EventWords {
    pub source: Cow<'static, str>,
    /// The decision in words, as a sentence's subject ("a statutory direction").
    pub words: Cow<'static, str>,
}

/// How a date known only to the month or the year is named.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset::status_wording))]
pub struct PrecisionWords {
    pub month: Cow<'static, str>,
    pub year: Cow<'static, str>,
}

/// Sentences added to the reason for what the status records.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset::status_wording))]
pub struct InForceWords {
    /// A commissioner recorded in the dated decisions.
    pub commissioner: Wording,
    /// A DfE improvement adviser in place of the commissioner.
    pub adviser: Wording,
}

/// Everything said about a status worked out from dated decisions (SPEC §3.7).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset::status_wording))]
pub struct StatusWording {
    pub source: Cow<'static, str>,
    /// How the status is worked out, in words (the rules page shows it).
    pub summary: Cow<'static, str>,
    /// Words for each kind of public decision, keyed as the input's `event`.
    #[cfg_attr(feature = "typescript", tsify(type = "Record<EventKind, EventWords>"))]
    pub events: crate::codes::Words<crate::input::EventKind, EventWords>,
    pub precision: PrecisionWords,
    pub in_force: InForceWords,
    /// The answer's title when a trust runs the services (`{title}`, `{trustSince}`).
    pub trust_title: Wording,
    /// The answer's title for a direction under which a DfE improvement adviser is in place of a
    /// commissioner (`{adviserAppointed}`).
    pub adviser_title: Wording,
}

/// Wording used instead of a row's own when the council's status already records what the row
/// expects (a direction in force, a notice already issued), so that the answer neither says
/// to expect nor asks to record what is recorded.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset::status_wording))]
pub struct RowWhenRecorded {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Cow<'static, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Cow<'static, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Cow<'static, str>>,
    pub next_steps: Cow<'static, [Cow<'static, str>]>,
}

crate::object_only!(
    EventWords,
    PrecisionWords,
    InForceWords,
    StatusWording,
    RowWhenRecorded
);
