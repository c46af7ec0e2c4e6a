//! Rulesets as data (SPEC §2): thresholds, durations, wording and sources with their effective
//! dates, and the ruleset in force on a date. The default is embedded
//! (`rulesets/rulesets.json`); it is read and validated, and an override merged onto it, by
//! [`crate::load`], above the decisions whose rows and criteria it checks the data against.
//! Decision order is code (see [`crate::council`]); the sponsor criteria's comparisons too
//! ([`crate::sponsor`]).

pub mod status_wording;
pub mod template;

use crate::codes::{Intervention, KeyDateKind, WarningCode, Words};
use crate::date::{Date, IsoDate};
use crate::error::{Error, ErrorCode};
use crate::table::Table;
use crate::value::Value;
use std::borrow::Cow;

pub use status_wording::{RowWhenRecorded, StatusWording};
pub use template::{render, render_with};

/// The embedded default ruleset file (`rulesets/rulesets.json`) in the compact encoding of
/// [`Value`], written by `build.rs`: read with plain serde, no JSON parser.
pub const EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rulesets.bin"));

/// The embedded file as a fresh [`Value`] (what an override is merged onto).
pub(crate) fn embedded_value() -> Value {
    Value::decode(EMBEDDED).unwrap_or(Value::Null)
}

pub(crate) fn invalid(path: impl Into<String>, detail: impl std::fmt::Display) -> Error {
    Error::new(ErrorCode::InvalidRuleset, path, detail)
}

/// A published source a rule rests on.
///
/// The texts are borrowed from constants in the checker's wasm (baked), where every reason and
/// criterion in an answer copies its source's pointer, not its text.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
#[cfg_attr(feature = "typescript", derive(tsify_next::Tsify))]
pub struct Source {
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub title: Cow<'static, str>,
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub url: Cow<'static, str>,
}

/// A source as Rust, its texts shared from literals (the built-in rules baked into the
/// checker's wasm: `crates/wasm/build.rs`).
#[cfg(feature = "bake")]
impl databake::Bake for Source {
    fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
        env.insert("trust_eligibility");
        let (title, url) = (&*self.title, &*self.url);
        databake::quote! {
            trust_eligibility::ruleset::Source {
                title: std::borrow::Cow::Borrowed(#title),
                url: std::borrow::Cow::Borrowed(#url),
            }
        }
    }
}

/// Which decision function (SPEC §3.2 or §3.3) a ruleset's data feeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset))]
pub enum Decision {
    /// SPEC §3.2.
    #[serde(rename = "announcement-2015")]
    Announcement2015,
    /// SPEC §3.3.
    #[serde(rename = "protocol-2016")]
    Protocol2016,
}

/// A number with its source.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset))]
pub struct Param {
    pub value: i64,
    pub source: Cow<'static, str>,
}

/// A date with its source.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset))]
pub struct DateParam {
    pub value: IsoDate,
    pub source: Cow<'static, str>,
}

/// The durations a council ruleset uses; each ruleset carries only those its decision uses
/// ([`Decision::parameters`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset))]
pub struct Parameters {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub improvement_window_months: Option<Param>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub takeover_target_months: Option<Param>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commissioner_review_months: Option<Param>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistent_window_years: Option<Param>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high_performing_window_years: Option<Param>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stale_after_years: Option<Param>,
    /// Reports published on or after this date may have no overall grade (SPEC §3.6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall_grade_dropped_from: Option<DateParam>,
}

impl Parameters {
    /// Every parameter, by its name in the ruleset file.
    pub fn named(&self) -> [(&'static str, Option<&Param>); 6] {
        [
            (
                "improvementWindowMonths",
                self.improvement_window_months.as_ref(),
            ),
            ("takeoverTargetMonths", self.takeover_target_months.as_ref()),
            (
                "commissionerReviewMonths",
                self.commissioner_review_months.as_ref(),
            ),
            (
                "persistentWindowYears",
                self.persistent_window_years.as_ref(),
            ),
            (
                "highPerformingWindowYears",
                self.high_performing_window_years.as_ref(),
            ),
            ("staleAfterYears", self.stale_after_years.as_ref()),
        ]
    }
}

/// The value of a parameter the ruleset's decision uses (validated to be present; 0 if not).
pub fn value(p: &Option<Param>) -> i64 {
    p.as_ref().map_or(0, |p| p.value)
}

/// The wording of one row of a decision table.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset))]
pub struct Row {
    pub row: u32,
    pub intervention: Intervention,
    pub title: Cow<'static, str>,
    pub source: Cow<'static, str>,
    pub text: Cow<'static, str>,
    pub next_steps: Cow<'static, [Cow<'static, str>]>,
    /// The next steps once the row's key date has passed (what fits after it, not a to-do
    /// for a day gone by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_steps_passed: Option<Cow<'static, [Cow<'static, str>]>>,
    /// The text when the row's deadline ran out before the ruleset came into force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_before_in_force: Option<Cow<'static, str>>,
    /// The wording when the council's status already records what the row expects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when_recorded: Option<RowWhenRecorded>,
    /// The wording when a DfE improvement adviser is in place of the commissioner the row
    /// would bring (SPEC §3.7): no commissioner's review, the council keeping control.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when_adviser: Option<RowWhenRecorded>,
}

/// One ruleset: its dates, parameters and the wording of its rows.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset))]
pub struct Ruleset {
    pub id: Cow<'static, str>,
    pub decision: Decision,
    pub title: Cow<'static, str>,
    pub in_force_from: IsoDate,
    #[serde(default)]
    pub in_force_to: Option<IsoDate>,
    pub summary: Cow<'static, str>,
    pub source: Cow<'static, str>,
    pub parameters: Parameters,
    pub rows: Cow<'static, [Row]>,
}

impl Ruleset {
    /// The wording of row `n` (validated to exist for every row the decision can fire).
    pub fn row(&self, n: u32) -> Option<&Row> {
        self.rows.iter().find(|r| r.row == n)
    }
}

/// A text with its source.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset))]
pub struct Wording {
    pub source: Cow<'static, str>,
    pub text: Cow<'static, str>,
}

/// Wording of the definitions behind the findings (SPEC §3.4).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset))]
pub struct Definitions {
    pub persistent: Wording,
    pub systemic: Wording,
    pub high_performing: Wording,
    pub trust: Wording,
}

/// The words of one warning: a template, or a template with its source.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset))]
pub enum WarningWords {
    Plain(Cow<'static, str>),
    Sourced(Wording),
}

impl WarningWords {
    /// The template.
    pub fn text(&self) -> &str {
        match self {
            WarningWords::Plain(t) => t,
            WarningWords::Sourced(w) => &w.text,
        }
    }

    /// The key of its source, where it names one.
    pub fn source(&self) -> Option<&str> {
        match self {
            WarningWords::Plain(_) => None,
            WarningWords::Sourced(w) => Some(&w.source),
        }
    }
}

impl serde::Serialize for WarningWords {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            WarningWords::Plain(t) => s.serialize_str(t),
            WarningWords::Sourced(w) => w.serialize(s),
        }
    }
}

impl<'de> serde::Deserialize<'de> for WarningWords {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<WarningWords, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = WarningWords;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text, or an object with its source and text")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<WarningWords, E> {
                Ok(WarningWords::Plain(Cow::Owned(s.to_string())))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<WarningWords, A::Error> {
                let d = serde::de::value::MapAccessDeserializer::new(map);
                Wording::deserialize(d).map(WarningWords::Sourced)
            }
        }
        d.deserialize_any(Visit)
    }
}

/// How a key date is said: its label, how it is set, and its date as it stands from `asOf` (in
/// the future, today, or past), each a template using `{date}` and `{days}`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset))]
pub struct KeyDateWording {
    pub label: Cow<'static, str>,
    pub source: Cow<'static, str>,
    /// How the date is set, for the rules page: what it counts from and by how much, with the
    /// parameter as a placeholder (`is {improvementWindowMonths} months after ...`).
    pub rule: Cow<'static, str>,
    pub future: Cow<'static, str>,
    pub today: Cow<'static, str>,
    pub past: Cow<'static, str>,
}

/// The reading of a grade from the key judgements of a report without an overall grade
/// (SPEC §3.6), in words.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset))]
pub struct GradeReading {
    pub source: Cow<'static, str>,
    pub summary: Cow<'static, str>,
    pub basis: Cow<'static, str>,
    /// Added to a reason whose grade was read from the key judgements.
    pub reason_note: Cow<'static, str>,
    pub readings: GradeReadings,
}

/// Why a report reads as the grade it does, one text for each reading.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset))]
pub struct GradeReadings {
    pub inadequate: Cow<'static, str>,
    pub good: Cow<'static, str>,
    pub requires_improvement: Cow<'static, str>,
    pub requires_improvement_leadership: Cow<'static, str>,
}

/// Words for the things ignored when dated after `asOf`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset))]
pub struct IgnoredItems {
    pub inspection: Cow<'static, str>,
    pub monitoring_visit: Cow<'static, str>,
    pub focused_visit: Cow<'static, str>,
    pub concern: Cow<'static, str>,
    pub improvement_notice_issued: Cow<'static, str>,
    pub direction_issued: Cow<'static, str>,
}

/// Words for a council's own instruments of intervention.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset))]
pub struct Instruments {
    pub improvement_notice_issued: Cow<'static, str>,
    pub direction_issued: Cow<'static, str>,
}

/// Gate, readiness or condition (SPEC §4.2).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset))]
pub enum Level {
    Gate,
    Readiness,
    Condition,
}

/// Whether a threshold comes from a published source or was chosen by this product.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset))]
pub enum Basis {
    Sourced,
    Design,
}

/// One sponsor criterion's data.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset))]
pub struct Criterion {
    pub id: Cow<'static, str>,
    pub level: Level,
    pub applies_to: Cow<'static, [crate::input::OrgKind]>,
    pub basis: Basis,
    pub source: Cow<'static, str>,
    #[serde(default, serialize_with = "whole_numbers_as_integers")]
    #[cfg_attr(feature = "typescript", tsify(type = "Record<string, number>"))]
    pub params: Table<f64>,
    pub title: Cow<'static, str>,
    pub threshold: Cow<'static, str>,
    pub what_to_do: Cow<'static, str>,
    /// What to find out when a fact the criterion needs was not given (SPEC §4.1).
    pub find_out: Cow<'static, str>,
    /// For a design threshold: that it is this service's choice, and what it rests on.
    #[serde(default)]
    pub rationale: Option<Cow<'static, str>>,
}

/// Writes `10000000.0` as `10000000`, as JavaScript does, so native and wasm output agree.
fn whole_numbers_as_integers<S: serde::Serializer>(
    map: &Table<f64>,
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(map.0.len()))?;
    for (k, v) in map.iter() {
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            m.serialize_entry(k, &(*v as i64))?;
        } else {
            m.serialize_entry(k, v)?;
        }
    }
    m.end()
}

/// A role an organisation may take on (SPEC §4.3, §4.4): its name, what practice shows of it,
/// the kinds of organisation it is for, and its sources. The routes' order in the file is the
/// order of the answer: what an organisation may do now before what the 2015 announcement
/// intended.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset))]
pub struct RouteWording {
    pub applies_to: Cow<'static, [crate::input::OrgKind]>,
    pub title: Cow<'static, str>,
    pub text: Cow<'static, str>,
    pub sources: Cow<'static, [Cow<'static, str>]>,
}

/// The sponsor criteria and route names.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset))]
pub struct SponsorRules {
    pub source: Cow<'static, str>,
    pub criteria: Cow<'static, [Criterion]>,
    #[cfg_attr(feature = "typescript", tsify(type = "Record<string, RouteWording>"))]
    pub routes: Table<RouteWording>,
    /// Notes an answer may carry, by id (`own_services_in_intervention`: a council under a
    /// notice or direction, SPEC §4.4).
    #[cfg_attr(feature = "typescript", tsify(type = "Record<string, Wording>"))]
    pub notes: Table<Wording>,
    /// How children's services trusts have actually been set up, each sentence with its
    /// source: context for a sponsor's result.
    #[serde(default)]
    pub how_trusts_are_set_up: Cow<'static, [Wording]>,
    /// The kinds of organisation taken as not for profit when the input does not say, each with
    /// why (`charity`: "a charity is a not-for-profit organisation"), SPEC §4.1.
    #[serde(default)]
    #[cfg_attr(feature = "typescript", tsify(type = "Record<string, Wording>"))]
    pub not_for_profit_kinds: Table<Wording>,
}

/// How a page names a code: a label, and a hint where a choice needs one.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(feature = "typescript", derive(tsify_next::Tsify))]
pub struct Label {
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub hint: Option<String>,
}

/// The pages' labels for every code of the input and the answers (`rulesets/labels.json`), one
/// table per enum: each has exactly the enum's codes, in its order (the order the pages list
/// them). Not embedded: the pages read it at build time (build/vocabulary.mjs), and the
/// checker's build checks it (crates/wasm/build.rs, [`Labels::check`]).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(feature = "typescript", derive(tsify_next::Tsify))]
pub struct Labels {
    /// What the labels are for (the rules page shows it).
    pub summary: String,
    #[cfg_attr(feature = "typescript", tsify(type = "Record<Grade, Label>"))]
    pub grades: Words<crate::input::Grade, Label>,
    #[cfg_attr(feature = "typescript", tsify(type = "Record<Framework, Label>"))]
    pub frameworks: Words<crate::input::Framework, Label>,
    #[cfg_attr(feature = "typescript", tsify(type = "Record<VisitKind, Label>"))]
    pub visit_kinds: Words<crate::input::VisitKind, Label>,
    #[cfg_attr(feature = "typescript", tsify(type = "Record<Progress, Label>"))]
    pub progress: Words<crate::input::Progress, Label>,
    #[cfg_attr(feature = "typescript", tsify(type = "Record<ConcernKind, Label>"))]
    pub concern_kinds: Words<crate::input::ConcernKind, Label>,
    #[cfg_attr(feature = "typescript", tsify(type = "Record<EventKind, Label>"))]
    pub event_kinds: Words<crate::input::EventKind, Label>,
    #[cfg_attr(feature = "typescript", tsify(type = "Record<OrgKind, Label>"))]
    pub org_kinds: Words<crate::input::OrgKind, Label>,
    #[cfg_attr(feature = "typescript", tsify(type = "Record<ProvisionKind, Label>"))]
    pub provision_kinds: Words<crate::input::ProvisionKind, Label>,
    #[cfg_attr(feature = "typescript", tsify(type = "Record<NextReport, Label>"))]
    pub next_reports: Words<crate::codes::NextReport, Label>,
}

impl Labels {
    /// The labels file (`rulesets/labels.json`), read and checked: every code of every enum
    /// has its label, and no label lacks a code.
    #[cfg(feature = "json")]
    pub fn check(text: &str) -> Result<Labels, Error> {
        crate::parse::from_json(text).map_err(|e| e.recode(ErrorCode::InvalidRuleset))
    }
}

/// The whole ruleset file: sources, rulesets, definitions, warnings and sponsor criteria.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::ruleset))]
pub struct RulesetFile {
    pub format: u32,
    #[cfg_attr(feature = "typescript", tsify(type = "Record<string, Source>"))]
    pub sources: Table<Source>,
    pub rulesets: Cow<'static, [Ruleset]>,
    pub definitions: Definitions,
    /// Each Ofsted grade in words, as a sentence says it ("requires improvement to be good").
    #[cfg_attr(feature = "typescript", tsify(type = "Record<Grade, string>"))]
    pub grades: Words<crate::input::Grade, Cow<'static, str>>,
    #[cfg_attr(
        feature = "typescript",
        tsify(type = "Record<KeyDateKind, KeyDateWording>")
    )]
    pub key_dates: Words<KeyDateKind, KeyDateWording>,
    pub grade_reading: GradeReading,
    pub ignored_items: IgnoredItems,
    pub instruments: Instruments,
    /// A status worked out from dated public decisions (SPEC §3.7).
    pub status_events: StatusWording,
    /// Each warning's words, keyed by its code.
    #[cfg_attr(
        feature = "typescript",
        tsify(type = "Record<WarningCode, string | Wording>")
    )]
    pub warnings: Words<WarningCode, WarningWords>,
    pub sponsor: SponsorRules,
}

crate::object_only!(
    Label,
    Labels,
    KeyDateWording,
    GradeReading,
    GradeReadings,
    IgnoredItems,
    Instruments,
    DateParam,
    Source,
    Param,
    Parameters,
    Row,
    Ruleset,
    Wording,
    Definitions,
    Criterion,
    RouteWording,
    SponsorRules,
    RulesetFile
);

/// The routes the code can open.
pub const ROUTES: [&str; 4] = [
    "service_provider",
    "improvement_partner",
    "expert_team_member",
    "trust_sponsor",
];

/// The notes the code can add to a sponsor's answer.
pub const SPONSOR_NOTES: [&str; 1] = ["own_services_in_intervention"];

impl RulesetFile {
    /// The embedded default, read with plain serde and not validated: for a build that has
    /// validated it already (the checker's wasm: `crates/wasm/build.rs` fails on an invalid
    /// file, naming its path). Everything else uses [`RulesetFile::default_ref`].
    pub fn embedded() -> Result<RulesetFile, Error> {
        RulesetFile::read(embedded_value())
    }

    /// A ruleset file from its value, not validated; any error is `invalid_ruleset`.
    pub(crate) fn read(value: Value) -> Result<RulesetFile, Error> {
        crate::value_de::from_value(value).map_err(|e| e.recode(ErrorCode::InvalidRuleset))
    }

    /// The ruleset for `as_of`, or the one named. Named rulesets apply on any date (with a
    /// warning outside their dates); otherwise a date outside every ruleset is an error.
    ///
    /// ```
    /// use trust_eligibility::{date::Date, ruleset::RulesetFile};
    /// let file = RulesetFile::default_ref().unwrap();
    /// let on = |d| file.select(Date::parse(d).unwrap(), None).map(|r| &*r.id);
    /// assert_eq!(on("2016-07-03"), Ok("announcement-2015"));
    /// assert_eq!(on("2016-07-04"), Ok("protocol-2016"));
    /// assert_eq!(on("2015-12-13").unwrap_err().path, "asOf");
    /// ```
    pub fn select(&self, as_of: Date, named: Option<&str>) -> Result<&Ruleset, Error> {
        if let Some(id) = named {
            return self.rulesets.iter().find(|r| r.id == id).ok_or_else(|| {
                Error::new(
                    ErrorCode::NoRuleset,
                    "ruleset",
                    format_args!(
                        "{} is not a ruleset (expected one of {})",
                        crate::input::quote_short(id),
                        self.ids()
                    ),
                )
            });
        }
        self.rulesets
            .iter()
            .find(|r| r.in_force_from <= as_of && r.in_force_to.is_none_or(|to| as_of <= to))
            .ok_or_else(|| {
                let first = self.rulesets.first().map(|r| r.in_force_from.to_string()).unwrap_or_default();
                let last = self.rulesets.last().and_then(|r| r.in_force_to);
                let covered = match last {
                    Some(to) => format!("from {first} to {to}"),
                    None => format!("from {first} onward"),
                };
                Error::new(
                    ErrorCode::NoRuleset,
                    "asOf",
                    format_args!("no ruleset is in force on {as_of}: the rulesets cover dates {covered}; name a ruleset with \"ruleset\" to apply it on another date"),
                )
            })
    }

    fn ids(&self) -> String {
        let quoted: Vec<String> = self
            .rulesets
            .iter()
            .map(|r| format!("\"{}\"", r.id))
            .collect();
        crate::text::join(&quoted, ", ")
    }

    /// A source by key; `None` for the "design" pseudo-source.
    pub fn source(&self, key: &str) -> Option<&Source> {
        if key == "design" {
            return None;
        }
        self.sources.get(key)
    }
}
