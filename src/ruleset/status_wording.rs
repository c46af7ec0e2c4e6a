//! The wording of a council's status worked out from its dated public decisions (SPEC §3.7),
//! and of the warnings that go with it and with a report whose only inadequate judgement is
//! leadership (SPEC §3.6): ruleset data, each text with its source.

use super::Wording;

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
    pub source: String,
    /// The decision in words, as a sentence's subject ("a statutory direction").
    pub words: String,
}

/// Words for each kind of public decision (SPEC §3.7), keyed as the input's `event`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset::status_wording))]
pub struct EventWordsByKind {
    pub improvement_notice: EventWords,
    pub notice_lifted: EventWords,
    pub statutory_direction: EventWords,
    pub direction_revoked: EventWords,
    pub commissioner_appointed: EventWords,
    pub improvement_adviser_appointed: EventWords,
    pub trust_direction: EventWords,
    pub trust_established: EventWords,
    pub trust_ended: EventWords,
}

impl EventWordsByKind {
    /// The words for one kind of decision.
    pub fn of(&self, kind: crate::input::EventKind) -> &EventWords {
        use crate::input::EventKind as K;
        match kind {
            K::ImprovementNotice => &self.improvement_notice,
            K::NoticeLifted => &self.notice_lifted,
            K::StatutoryDirection => &self.statutory_direction,
            K::DirectionRevoked => &self.direction_revoked,
            K::CommissionerAppointed => &self.commissioner_appointed,
            K::ImprovementAdviserAppointed => &self.improvement_adviser_appointed,
            K::TrustDirection => &self.trust_direction,
            K::TrustEstablished => &self.trust_established,
            K::TrustEnded => &self.trust_ended,
        }
    }

    /// Every kind with its words, in the input's order.
    pub fn all(&self) -> [(&'static str, &EventWords); 9] {
        [
            ("improvement_notice", &self.improvement_notice),
            ("notice_lifted", &self.notice_lifted),
            ("statutory_direction", &self.statutory_direction),
            ("direction_revoked", &self.direction_revoked),
            ("commissioner_appointed", &self.commissioner_appointed),
            (
                "improvement_adviser_appointed",
                &self.improvement_adviser_appointed,
            ),
            ("trust_direction", &self.trust_direction),
            ("trust_established", &self.trust_established),
            ("trust_ended", &self.trust_ended),
        ]
    }
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
    pub month: String,
    pub year: String,
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

/// The warnings of SPEC §3.6 and §3.7, each with its source.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset::status_wording))]
pub struct StatusWarnings {
    pub date_not_exact: Wording,
    pub lifting_presumed: Wording,
    pub leadership_only_inadequate: Wording,
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
    pub source: String,
    /// How the status is worked out, in words (the rules page shows it).
    pub summary: String,
    pub events: EventWordsByKind,
    pub precision: PrecisionWords,
    pub in_force: InForceWords,
    /// The answer's title when a trust runs the services (`{title}`, `{trustSince}`).
    pub trust_title: Wording,
    /// The answer's title for a direction under which a DfE improvement adviser is in place of a
    /// commissioner (`{adviserAppointed}`).
    pub adviser_title: Wording,
    pub warnings: StatusWarnings,
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
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub next_steps: Vec<String>,
}

crate::object_only!(
    EventWords,
    EventWordsByKind,
    PrecisionWords,
    InForceWords,
    StatusWarnings,
    StatusWording,
    RowWhenRecorded
);
