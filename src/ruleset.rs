//! Rulesets as data (SPEC §2): thresholds, durations, wording and sources with their
//! effective dates. The default is embedded; a host may supply an override that is merged
//! onto it and validated. Decision order is code (see [`crate::council`]).

use crate::date::Date;
use crate::error::{Error, ErrorCode};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The embedded default ruleset file, as JSON.
pub const DEFAULT_JSON: &str = include_str!("../rulesets/rulesets.json");

/// A published source a rule rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub url: String,
}

/// Which decision function (SPEC §3.2 or §3.3) a ruleset's data feeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    /// SPEC §3.2.
    #[serde(rename = "announcement-2015")]
    Announcement2015,
    /// SPEC §3.3.
    #[serde(rename = "protocol-2016")]
    Protocol2016,
}

impl Decision {
    /// The rows this decision function can fire, in order: (row, intervention id).
    pub fn rows(self) -> &'static [(u32, &'static str)] {
        match self {
            Decision::Announcement2015 => &[
                (1, "no_inspection"),
                (2, "immediate_takeover"),
                (3, "monitoring"),
                (4, "improvement_window"),
                (5, "commissioner"),
                (6, "emergency_inspection"),
                (7, "improvement_support"),
                (8, "high_performing"),
                (9, "none"),
            ],
            Decision::Protocol2016 => &[
                (1, "no_inspection"),
                (2, "statutory_direction"),
                (3, "statutory_direction"),
                (4, "improvement_notice"),
                (5, "emergency_inspection"),
                (6, "improvement_notice"),
                (7, "improvement_support"),
                (8, "high_performing"),
                (9, "none"),
            ],
        }
    }
}

/// A number with its source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Param {
    pub value: i64,
    pub source: String,
}

/// The durations a council ruleset uses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Parameters {
    pub improvement_window_months: Param,
    pub takeover_target_months: Param,
    pub commissioner_review_months: Param,
    pub persistent_window_years: Param,
    pub high_performing_window_years: Param,
    pub stale_after_years: Param,
}

impl Parameters {
    fn named(&self) -> [(&'static str, &Param); 6] {
        [
            ("improvementWindowMonths", &self.improvement_window_months),
            ("takeoverTargetMonths", &self.takeover_target_months),
            ("commissionerReviewMonths", &self.commissioner_review_months),
            ("persistentWindowYears", &self.persistent_window_years),
            (
                "highPerformingWindowYears",
                &self.high_performing_window_years,
            ),
            ("staleAfterYears", &self.stale_after_years),
        ]
    }
}

/// The wording of one row of a decision table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Row {
    pub row: u32,
    pub intervention: String,
    pub title: String,
    pub source: String,
    pub text: String,
    pub next_steps: Vec<String>,
}

/// One ruleset: its dates, parameters and the wording of its rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Ruleset {
    pub id: String,
    pub decision: Decision,
    pub title: String,
    pub in_force_from: Date,
    pub in_force_to: Option<Date>,
    pub summary: String,
    pub source: String,
    pub parameters: Parameters,
    pub rows: Vec<Row>,
}

impl Ruleset {
    /// The wording of row `n` (validated to exist for every row the decision can fire).
    pub fn row(&self, n: u32) -> Option<&Row> {
        self.rows.iter().find(|r| r.row == n)
    }
}

/// A text with its source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Wording {
    pub source: String,
    pub text: String,
}

/// Wording of the definitions behind the findings (SPEC §3.4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Definitions {
    pub persistent: Wording,
    pub systemic: Wording,
    pub high_performing: Wording,
    pub trust: Wording,
}

/// Wording of the warnings, keyed by warning code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub struct WarningTexts {
    pub no_inspection: String,
    pub ignored_after_as_of: String,
    pub systemic_not_assessed: String,
    pub stale_inspection: String,
    pub ruleset_not_in_force: String,
}

/// Gate, readiness or condition (SPEC §4.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Gate,
    Readiness,
    Condition,
}

/// Whether a threshold comes from a published source or was chosen by this product.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    Sourced,
    Design,
}

/// One sponsor criterion's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub level: Level,
    pub applies_to: Vec<crate::input::OrgKind>,
    pub basis: Basis,
    pub source: String,
    #[serde(default, serialize_with = "whole_numbers_as_integers")]
    pub params: BTreeMap<String, f64>,
    pub title: String,
    pub threshold: String,
    pub what_to_do: String,
}

/// Writes `10000000.0` as `10000000`, as JavaScript does, so native and wasm output agree.
fn whole_numbers_as_integers<S: serde::Serializer>(map: &BTreeMap<String, f64>, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(map.len()))?;
    for (k, v) in map {
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            m.serialize_entry(k, &(*v as i64))?;
        } else {
            m.serialize_entry(k, v)?;
        }
    }
    m.end()
}

/// The sponsor criteria and route names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SponsorRules {
    pub source: String,
    pub criteria: Vec<Criterion>,
    pub routes: BTreeMap<String, String>,
}

/// The whole ruleset file: sources, rulesets, definitions, warnings and sponsor criteria.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RulesetFile {
    pub format: u32,
    pub sources: BTreeMap<String, Source>,
    pub rulesets: Vec<Ruleset>,
    pub definitions: Definitions,
    pub warnings: WarningTexts,
    pub sponsor: SponsorRules,
}

/// The sponsor criteria the code evaluates, with the parameters each needs.
pub const CRITERIA: [(&str, &[&str]); 14] = [
    ("not_for_profit", &[]),
    ("la_rated_good", &[]),
    ("la_not_in_intervention", &[]),
    ("la_no_recent_inadequate", &["years"]),
    ("la_inspection_recent", &["months"]),
    ("based_in_england", &[]),
    ("no_enforcement", &[]),
    ("experience_years", &["minYears"]),
    ("registered_provision", &[]),
    ("dcs_leadership", &["minLeaders"]),
    ("social_workers", &["minWorkers"]),
    ("safeguarding_board", &[]),
    ("independent_board", &["minIndependent"]),
    ("financial_capacity", &["minIncomeGbp", "minReservesMonths"]),
];

/// The routes the code can open.
pub const ROUTES: [&str; 3] = ["trust_sponsor", "improvement_partner", "expert_team_member"];

/// Names a template may use in `{braces}`.
const PLACEHOLDERS: &[&str] = &[
    "council",
    "asOf",
    "latestPublished",
    "latestGrade",
    "earlierPublished",
    "deadline",
    "daysRemaining",
    "visitDate",
    "takeoverTarget",
    "commissionerReviewDue",
    "triggerCount",
    "triggers",
    "failureKind",
    "persistentWindowYears",
    "highPerformingWindowYears",
    "improvementWindowMonths",
    "highPerformingSince",
    "trustSince",
    "item",
    "date",
    "staleAfterYears",
    "ruleset",
    "inForceFrom",
    "inForceToText",
    "years",
    "months",
    "minYears",
    "minLeaders",
    "minWorkers",
    "minIndependent",
    "minIncomeGbp",
    "minReservesMonths",
    "shortfall",
    "missing",
    "eligibleFrom",
];

/// The largest duration a ruleset may set, in months (100 years).
const MAX_MONTHS: i64 = 1200;

fn invalid(path: impl Into<String>, detail: impl std::fmt::Display) -> Error {
    Error::new(ErrorCode::InvalidRuleset, path, detail)
}

impl RulesetFile {
    /// The embedded default, parsed and validated once.
    pub fn default_ref() -> Result<&'static RulesetFile, Error> {
        static DEFAULT: OnceLock<Result<RulesetFile, Error>> = OnceLock::new();
        DEFAULT
            .get_or_init(|| RulesetFile::from_value(default_value()?))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The default with `patch` merged onto it (objects key by key; arrays of objects item by
    /// item, matched on `id` or `row`, new ones appended), then validated.
    ///
    /// ```
    /// use trust_eligibility::ruleset::RulesetFile;
    /// let patch = serde_json::json!({"rulesets": [{"id": "announcement-2015",
    ///     "parameters": {"improvementWindowMonths": {"value": 3}}}]});
    /// let file = RulesetFile::with_override(patch).unwrap();
    /// assert_eq!(file.rulesets[0].parameters.improvement_window_months.value, 3);
    ///
    /// let bad = serde_json::json!({"rulesets": [{"id": "protocol-2016", "inForceFrom": "2016-06-01"}]});
    /// let err = RulesetFile::with_override(bad).unwrap_err();
    /// assert_eq!(err.path, "rulesets[1].inForceFrom");
    /// ```
    pub fn with_override(patch: serde_json::Value) -> Result<RulesetFile, Error> {
        let mut base = default_value()?;
        merge(&mut base, patch);
        RulesetFile::from_value(base)
    }

    /// A ruleset file from JSON text, merged onto the default.
    pub fn override_from_json(text: &str) -> Result<RulesetFile, Error> {
        let patch: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            Error::new(
                ErrorCode::InvalidJson,
                "",
                format_args!("the ruleset file is not valid JSON: {e}"),
            )
        })?;
        RulesetFile::with_override(patch)
    }

    fn from_value(value: serde_json::Value) -> Result<RulesetFile, Error> {
        let file: RulesetFile = serde_path_to_error::deserialize(value).map_err(|e| {
            let inner = crate::parse::clean_message(&e.inner().to_string());
            let base =
                crate::error::from_serde_message(&crate::parse::path_string(e.path()), &inner);
            Error::new(
                ErrorCode::InvalidRuleset,
                base.path.clone(),
                base.message
                    .split_once(": ")
                    .map_or(base.message.as_str(), |(_, d)| d),
            )
        })?;
        file.validate()?;
        Ok(file)
    }

    /// Checks everything serde cannot: known sources and placeholders, non-negative
    /// durations, rows matching the decision code, contiguous effective dates.
    pub fn validate(&self) -> Result<(), Error> {
        if self.format != 1 {
            return Err(invalid(
                "format",
                format_args!("format {} is not supported (expected 1)", self.format),
            ));
        }
        let source = |key: &str, path: String| -> Result<(), Error> {
            if self.sources.contains_key(key) {
                Ok(())
            } else {
                Err(invalid(
                    path,
                    format_args!("names source \"{key}\", which is not in \"sources\""),
                ))
            }
        };
        if self.rulesets.is_empty() {
            return Err(invalid("rulesets", "must hold at least one ruleset"));
        }
        for (i, rs) in self.rulesets.iter().enumerate() {
            let at = format!("rulesets[{i}]");
            if rs.id.is_empty() {
                return Err(invalid(format!("{at}.id"), "must not be empty"));
            }
            if self.rulesets[..i].iter().any(|r| r.id == rs.id) {
                return Err(invalid(
                    format!("{at}.id"),
                    format_args!("\"{}\" is used by two rulesets", rs.id),
                ));
            }
            source(&rs.source, format!("{at}.source"))?;
            template(&rs.summary, format!("{at}.summary"))?;
            for (name, p) in rs.parameters.named() {
                let path = format!("{at}.parameters.{name}");
                source(&p.source, format!("{path}.source"))?;
                let months = if name.ends_with("Years") {
                    p.value.saturating_mul(12)
                } else {
                    p.value
                };
                if p.value < 0 {
                    return Err(invalid(
                        format!("{path}.value"),
                        format_args!("is {}; a duration cannot be negative", p.value),
                    ));
                }
                if months > MAX_MONTHS {
                    return Err(invalid(
                        format!("{path}.value"),
                        format_args!("is {}; durations over 100 years are not accepted", p.value),
                    ));
                }
            }
            let wanted = rs.decision.rows();
            if rs.rows.len() != wanted.len() {
                return Err(invalid(
                    format!("{at}.rows"),
                    format_args!(
                        "has {} rows; the {} decision needs exactly {}",
                        rs.rows.len(),
                        rs.id,
                        wanted.len()
                    ),
                ));
            }
            for (j, (row, (n, intervention))) in rs.rows.iter().zip(wanted).enumerate() {
                let rp = format!("{at}.rows[{j}]");
                if row.row != *n {
                    return Err(invalid(
                        format!("{rp}.row"),
                        format_args!("is {}; expected row {n} here", row.row),
                    ));
                }
                if row.intervention != *intervention {
                    return Err(invalid(
                        format!("{rp}.intervention"),
                        format_args!(
                            "is \"{}\"; row {n} of this decision gives \"{intervention}\"",
                            row.intervention
                        ),
                    ));
                }
                source(&row.source, format!("{rp}.source"))?;
                template(&row.text, format!("{rp}.text"))?;
                for (k, s) in row.next_steps.iter().enumerate() {
                    template(s, format!("{rp}.nextSteps[{k}]"))?;
                }
            }
            if let Some(to) = rs.in_force_to {
                if to < rs.in_force_from {
                    return Err(invalid(
                        format!("{at}.inForceTo"),
                        format_args!("{to} is before inForceFrom {}", rs.in_force_from),
                    ));
                }
            }
            if let Some(prev) = i.checked_sub(1).map(|p| &self.rulesets[p]) {
                match prev.in_force_to {
                    None => {
                        return Err(invalid(format!("rulesets[{}].inForceTo", i - 1), format_args!("is open-ended, so \"{}\" (from {}) overlaps it; rulesets must be listed in date order with no overlaps", rs.id, rs.in_force_from)));
                    }
                    Some(to) if rs.in_force_from <= to => {
                        return Err(invalid(
                            format!("{at}.inForceFrom"),
                            format_args!(
                                "{} overlaps \"{}\", in force to {to}",
                                rs.in_force_from, prev.id
                            ),
                        ));
                    }
                    Some(to) if rs.in_force_from != to.add_days(1) => {
                        return Err(invalid(format!("{at}.inForceFrom"), format_args!("{} leaves a gap after \"{}\", in force to {to}: it must start on {}", rs.in_force_from, prev.id, to.add_days(1))));
                    }
                    _ => {}
                }
            }
        }
        for (name, w) in [
            ("persistent", &self.definitions.persistent),
            ("systemic", &self.definitions.systemic),
            ("highPerforming", &self.definitions.high_performing),
            ("trust", &self.definitions.trust),
        ] {
            source(&w.source, format!("definitions.{name}.source"))?;
            template(&w.text, format!("definitions.{name}.text"))?;
        }
        let w = &self.warnings;
        for (name, t) in [
            ("no_inspection", &w.no_inspection),
            ("ignored_after_as_of", &w.ignored_after_as_of),
            ("systemic_not_assessed", &w.systemic_not_assessed),
            ("stale_inspection", &w.stale_inspection),
            ("ruleset_not_in_force", &w.ruleset_not_in_force),
        ] {
            template(t, format!("warnings.{name}"))?;
        }
        source(&self.sponsor.source, "sponsor.source".into())?;
        if self.sponsor.criteria.len() != CRITERIA.len() {
            return Err(invalid(
                "sponsor.criteria",
                format_args!(
                    "has {} criteria; expected the {} the checker evaluates",
                    self.sponsor.criteria.len(),
                    CRITERIA.len()
                ),
            ));
        }
        for (i, c) in self.sponsor.criteria.iter().enumerate() {
            let at = format!("sponsor.criteria[{i}]");
            let Some((_, needs)) = CRITERIA.iter().find(|(id, _)| *id == c.id) else {
                return Err(invalid(
                    format!("{at}.id"),
                    format_args!("\"{}\" is not a criterion the checker evaluates", c.id),
                ));
            };
            if self.sponsor.criteria[..i].iter().any(|o| o.id == c.id) {
                return Err(invalid(
                    format!("{at}.id"),
                    format_args!("\"{}\" appears twice", c.id),
                ));
            }
            source(&c.source, format!("{at}.source"))?;
            for need in *needs {
                match c.params.get(*need) {
                    None => {
                        return Err(invalid(
                            format!("{at}.params.{need}"),
                            "is required but missing",
                        ))
                    }
                    Some(v) if !v.is_finite() || *v < 0.0 => {
                        return Err(invalid(
                            format!("{at}.params.{need}"),
                            format_args!("is {v}; it must be 0 or more"),
                        ))
                    }
                    Some(v)
                        if *need == "months" && *v > MAX_MONTHS as f64
                            || *need == "years" && *v * 12.0 > MAX_MONTHS as f64 =>
                    {
                        return Err(invalid(
                            format!("{at}.params.{need}"),
                            "durations over 100 years are not accepted",
                        ))
                    }
                    _ => {}
                }
            }
            if let Some(extra) = c.params.keys().find(|k| !needs.contains(&k.as_str())) {
                return Err(invalid(
                    format!("{at}.params.{extra}"),
                    format_args!("is not a parameter of {}", c.id),
                ));
            }
            template(&c.title, format!("{at}.title"))?;
            template(&c.threshold, format!("{at}.threshold"))?;
            template(&c.what_to_do, format!("{at}.whatToDo"))?;
        }
        for route in ROUTES {
            if !self.sponsor.routes.contains_key(route) {
                return Err(invalid(
                    format!("sponsor.routes.{route}"),
                    "is required but missing",
                ));
            }
        }
        if let Some(extra) = self
            .sponsor
            .routes
            .keys()
            .find(|k| !ROUTES.contains(&k.as_str()))
        {
            return Err(invalid(
                format!("sponsor.routes.{extra}"),
                "is not a route the checker opens",
            ));
        }
        Ok(())
    }

    /// The ruleset for `as_of`, or the one named. Named rulesets apply on any date (with a
    /// warning outside their dates); otherwise a date outside every ruleset is an error.
    ///
    /// ```
    /// use trust_eligibility::{date::Date, ruleset::RulesetFile};
    /// let file = RulesetFile::default_ref().unwrap();
    /// let on = |d| file.select(Date::parse(d).unwrap(), None).map(|r| r.id.as_str());
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
        self.rulesets
            .iter()
            .map(|r| format!("\"{}\"", r.id))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A source by key; `None` for the "design" pseudo-source.
    pub fn source(&self, key: &str) -> Option<&Source> {
        if key == "design" {
            return None;
        }
        self.sources.get(key)
    }
}

fn default_value() -> Result<serde_json::Value, Error> {
    serde_json::from_str(DEFAULT_JSON).map_err(|e| {
        Error::new(
            ErrorCode::InvalidRuleset,
            "",
            format_args!("the embedded ruleset file is not valid JSON: {e}"),
        )
    })
}

/// Checks that a template only uses known `{placeholders}`.
fn template(text: &str, path: String) -> Result<(), Error> {
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(invalid(path, "has a \"{\" with no closing \"}\""));
        };
        let name = &after[..close];
        if !PLACEHOLDERS.contains(&name) {
            return Err(invalid(
                path,
                format_args!("uses {{{name}}}, which is not a value the checker fills in"),
            ));
        }
        rest = &after[close + 1..];
    }
    Ok(())
}

/// Fills `{placeholders}` from `vars`; unknown names are left as they are.
pub fn render(text: &str, vars: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match vars.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Merges `patch` onto `base`: objects key by key (a `null` removes the key), arrays of
/// objects item by item matched on `id` or `row`, anything else replaced.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
    use serde_json::Value;
    match (base, patch) {
        (Value::Object(b), Value::Object(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    b.remove(&k);
                } else if let Some(slot) = b.get_mut(&k) {
                    merge(slot, v);
                } else {
                    b.insert(k, v);
                }
            }
        }
        (Value::Array(b), Value::Array(p))
            if p.iter().all(|v| key_of(v).is_some()) && !p.is_empty() =>
        {
            for item in p {
                let key = key_of(&item);
                match b.iter_mut().find(|x| key_of(x) == key) {
                    Some(slot) => merge(slot, item),
                    None => b.push(item),
                }
            }
        }
        (b, p) => *b = p,
    }
}

fn key_of(v: &serde_json::Value) -> Option<(&'static str, serde_json::Value)> {
    let obj = v.as_object()?;
    ["id", "row"]
        .into_iter()
        .find_map(|k| obj.get(k).map(|x| (k, x.clone())))
}
