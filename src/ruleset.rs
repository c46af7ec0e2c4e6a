//! Rulesets as data (SPEC §2): thresholds, durations, wording and sources with their
//! effective dates. The default is embedded; a host may supply an override that is merged
//! onto it and validated. Decision order is code (see [`crate::council`]).

use crate::date::Date;
use crate::error::{Error, ErrorCode};
use crate::json::{FromJson, Json, Path};
use crate::order::Table;
use std::sync::{Arc, OnceLock};

/// The embedded default ruleset file, as JSON.
pub const DEFAULT_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/rulesets.min.json"));

/// A published source a rule rests on.
///
/// The texts are shared (`Arc<str>`): every reason and criterion in an answer carries its
/// source, and copying the pointer rather than the text (often 200 bytes or more) saves two
/// allocations each time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub title: Arc<str>,
    pub url: Arc<str>,
}

#[cfg(feature = "serde")]
impl serde::Serialize for Source {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Source", 2)?;
        st.serialize_field("title", &*self.title)?;
        st.serialize_field("url", &*self.url)?;
        st.end()
    }
}

/// Which decision function (SPEC §3.2 or §3.3) a ruleset's data feeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Decision {
    /// SPEC §3.2.
    #[cfg_attr(feature = "serde", serde(rename = "announcement-2015"))]
    Announcement2015,
    /// SPEC §3.3.
    #[cfg_attr(feature = "serde", serde(rename = "protocol-2016"))]
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
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Param {
    pub value: i64,
    pub source: String,
}

/// The durations a council ruleset uses.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
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
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Row {
    pub row: u32,
    pub intervention: String,
    pub title: String,
    pub source: String,
    pub text: String,
    pub next_steps: Vec<String>,
}

/// One ruleset: its dates, parameters and the wording of its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
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
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Wording {
    pub source: String,
    pub text: String,
}

/// Wording of the definitions behind the findings (SPEC §3.4).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Definitions {
    pub persistent: Wording,
    pub systemic: Wording,
    pub high_performing: Wording,
    pub trust: Wording,
}

/// Wording of the warnings, keyed by warning code.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub struct WarningTexts {
    pub no_inspection: String,
    pub ignored_after_as_of: String,
    pub systemic_not_assessed: String,
    pub stale_inspection: String,
    pub ruleset_not_in_force: String,
}

/// Gate, readiness or condition (SPEC §4.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Level {
    Gate,
    Readiness,
    Condition,
}

/// Whether a threshold comes from a published source or was chosen by this product.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Basis {
    Sourced,
    Design,
}

/// One sponsor criterion's data.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Criterion {
    pub id: String,
    pub level: Level,
    pub applies_to: Vec<crate::input::OrgKind>,
    pub basis: Basis,
    pub source: String,
    #[cfg_attr(feature = "serde", serde(serialize_with = "whole_numbers_as_integers"))]
    pub params: Table<f64>,
    pub title: String,
    pub threshold: String,
    pub what_to_do: String,
}

#[cfg(feature = "serde")]
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

/// The sponsor criteria and route names.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct SponsorRules {
    pub source: String,
    pub criteria: Vec<Criterion>,
    pub routes: Table<String>,
    /// How children's services trusts have actually been set up, sentence by sentence with
    /// its source: shown beside the routes so an organisation reads its result in context.
    pub how_trusts_are_set_up: Vec<Wording>,
}

/// The whole ruleset file: sources, rulesets, definitions, warnings and sponsor criteria.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct RulesetFile {
    pub format: u32,
    pub sources: Table<Source>,
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
            .get_or_init(|| RulesetFile::from_value(&default_value()?))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The default with `patch` merged onto it (objects key by key; arrays of objects item by
    /// item, matched on `id` or `row`, new ones appended), then validated.
    ///
    /// ```
    /// use trust_eligibility::{json::parse, ruleset::RulesetFile};
    /// let patch = parse(r#"{"rulesets": [{"id": "announcement-2015",
    ///     "parameters": {"improvementWindowMonths": {"value": 3}}}]}"#).unwrap();
    /// let file = RulesetFile::with_override(patch).unwrap();
    /// assert_eq!(file.rulesets[0].parameters.improvement_window_months.value, 3);
    ///
    /// let bad = parse(r#"{"rulesets": [{"id": "protocol-2016", "inForceFrom": "2016-06-01"}]}"#).unwrap();
    /// let err = RulesetFile::with_override(bad).unwrap_err();
    /// assert_eq!(err.path, "rulesets[1].inForceFrom");
    /// ```
    pub fn with_override(patch: Json<'_>) -> Result<RulesetFile, Error> {
        if !matches!(patch, Json::Obj(_)) {
            return Err(
                crate::json::wrong_type(&patch, &Path::Root, "a ruleset file (an object)")
                    .recode(ErrorCode::InvalidRuleset),
            );
        }
        too_big(&patch, &Path::Root)?;
        let mut base = default_value()?;
        crate::json::merge(&mut base, patch);
        RulesetFile::from_value(&base)
    }

    /// A ruleset file from JSON text, merged onto the default.
    pub fn override_from_json(text: &str) -> Result<RulesetFile, Error> {
        RulesetFile::with_override(crate::json::parse(text)?)
    }

    fn from_value(value: &Json<'_>) -> Result<RulesetFile, Error> {
        let file = RulesetFile::from_json(value, &Path::Root)
            .map_err(|e| e.recode(ErrorCode::InvalidRuleset))?;
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
        // Paths are written only for an error: validating the default must cost little.
        let source = |key: &str, path: &dyn Fn() -> String| -> Result<(), Error> {
            if self.sources.contains_key(key) {
                Ok(())
            } else {
                Err(invalid(
                    path(),
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
            source(&rs.source, &|| format!("{at}.source"))?;
            template(&rs.summary, &|| format!("{at}.summary"))?;
            for (name, p) in rs.parameters.named() {
                let path = format!("{at}.parameters.{name}");
                source(&p.source, &|| format!("{path}.source"))?;
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
                source(&row.source, &|| format!("{rp}.source"))?;
                template(&row.text, &|| format!("{rp}.text"))?;
                for (k, s) in row.next_steps.iter().enumerate() {
                    template(s, &|| format!("{rp}.nextSteps[{k}]"))?;
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
            source(&w.source, &|| format!("definitions.{name}.source"))?;
            template(&w.text, &|| format!("definitions.{name}.text"))?;
        }
        let w = &self.warnings;
        for (name, t) in [
            ("no_inspection", &w.no_inspection),
            ("ignored_after_as_of", &w.ignored_after_as_of),
            ("systemic_not_assessed", &w.systemic_not_assessed),
            ("stale_inspection", &w.stale_inspection),
            ("ruleset_not_in_force", &w.ruleset_not_in_force),
        ] {
            template(t, &|| format!("warnings.{name}"))?;
        }
        source(&self.sponsor.source, &|| "sponsor.source".into())?;
        for (i, w) in self.sponsor.how_trusts_are_set_up.iter().enumerate() {
            source(&w.source, &|| {
                format!("sponsor.howTrustsAreSetUp[{i}].source")
            })?;
        }
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
            source(&c.source, &|| format!("{at}.source"))?;
            for need in *needs {
                match c.params.get(need) {
                    None => {
                        return Err(invalid(
                            format!("{at}.params.{need}"),
                            "is required but missing",
                        ))
                    }
                    Some(v) if !v.is_finite() || *v < 0.0 => {
                        return Err(invalid(
                            format!("{at}.params.{need}"),
                            format_args!("is {}; it must be 0 or more", crate::order::number(*v)),
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
            template(&c.title, &|| format!("{at}.title"))?;
            template(&c.threshold, &|| format!("{at}.threshold"))?;
            template(&c.what_to_do, &|| format!("{at}.whatToDo"))?;
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
        let quoted: Vec<String> = self
            .rulesets
            .iter()
            .map(|r| format!("\"{}\"", r.id))
            .collect();
        crate::order::join(&quoted, ", ")
    }

    /// A source by key; `None` for the "design" pseudo-source.
    pub fn source(&self, key: &str) -> Option<&Source> {
        if key == "design" {
            return None;
        }
        self.sources.get(key)
    }
}

/// A ruleset file may hold at most [`crate::input::MAX_ITEMS`] items in any list or object, as
/// inputs may: merging and validating stay well within linear-time bounds on hostile files.
fn too_big(v: &Json<'_>, at: &Path) -> Result<(), Error> {
    let (len, children): (usize, Vec<(Option<&str>, &Json<'_>)>) = match v {
        Json::Arr(items) => (items.len(), items.iter().map(|x| (None, x)).collect()),
        Json::Obj(fields) => (
            fields.len(),
            fields.iter().map(|(k, x)| (Some(&**k), x)).collect(),
        ),
        _ => return Ok(()),
    };
    if len > crate::input::MAX_ITEMS {
        return Err(Error::new(
            ErrorCode::InvalidRuleset,
            at.render(),
            format_args!(
                "has {len} items; a ruleset file may have at most {} in any list or object",
                crate::input::MAX_ITEMS
            ),
        ));
    }
    for (i, (key, child)) in children.into_iter().enumerate() {
        match key {
            Some(k) => too_big(child, &at.key(k))?,
            None => too_big(child, &at.index(i))?,
        }
    }
    Ok(())
}

fn default_value() -> Result<Json<'static>, Error> {
    crate::json::parse(DEFAULT_JSON).map_err(|e| e.recode(ErrorCode::InvalidRuleset))
}

/// Checks that a template only uses known `{placeholders}`.
fn template(text: &str, path: &dyn Fn() -> String) -> Result<(), Error> {
    let mut rest = text;
    while let Some((_, after)) = rest.split_once('{') {
        let Some((name, tail)) = after.split_once('}') else {
            return Err(invalid(path(), "has a \"{\" with no closing \"}\""));
        };
        if !PLACEHOLDERS.contains(&name) {
            return Err(invalid(
                path(),
                format_args!("uses {{{name}}}, which is not a value the checker fills in"),
            ));
        }
        rest = tail;
    }
    Ok(())
}

/// Fills `{placeholders}` from `vars`; unknown names are left as they are.
pub fn render(text: &str, vars: &[(&str, String)]) -> String {
    render_with(
        text,
        &|name, out| match vars.iter().find(|(k, _)| *k == name) {
            Some((_, v)) => {
                out.push_str(v);
                true
            }
            None => false,
        },
    )
}

/// Fills `{placeholders}` by asking `var` to append the value of each name to the text;
/// where it knows no such name it appends nothing and returns `false`, and the placeholder is
/// left as it is. Values are written straight into the one buffer, so a caller with many
/// possible values need not make a `String` of each before knowing which the text uses.
pub fn render_with(text: &str, var: &dyn Fn(&str, &mut String) -> bool) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let b = text.as_bytes();
    // `done`: the text before it is in `out`; a `{` is looked for from `at`.
    let (mut done, mut at) = (0, 0);
    loop {
        let open = at + find_byte(b.get(at..).unwrap_or_default(), b'{');
        if open >= b.len() {
            break;
        }
        let close = open + 1 + find_byte(b.get(open + 1..).unwrap_or_default(), b'}');
        if close >= b.len() {
            break;
        }
        // Both are ASCII, so every slice here falls on character boundaries.
        out.push_str(text.get(done..open).unwrap_or_default());
        done = if var(text.get(open + 1..close).unwrap_or_default(), &mut out) {
            close + 1
        } else {
            open
        };
        at = close + 1;
    }
    out.push_str(text.get(done..).unwrap_or_default());
    out
}

/// The index of the first `c` in `b` (or its length), eight bytes at a time.
fn find_byte(b: &[u8], c: u8) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word) ^ (ONES * u64::from(c));
        let hit = w.wrapping_sub(ONES) & !w & HIGH;
        if hit != 0 {
            // A borrow only runs upwards: the lowest marked byte is the first match.
            return i + (hit.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b.get(i).is_some_and(|&x| x != c) {
        i += 1;
    }
    i
}

crate::json_enum!(Decision, "a decision: announcement-2015 or protocol-2016", {
    "announcement-2015" => Decision::Announcement2015, "protocol-2016" => Decision::Protocol2016 });
crate::json_enum!(Level, "a level: gate, readiness or condition", {
    "gate" => Level::Gate, "readiness" => Level::Readiness, "condition" => Level::Condition });
crate::json_enum!(Basis, "a basis: sourced or design", { "sourced" => Basis::Sourced, "design" => Basis::Design });
crate::json_struct!(Source, "a source object", { title: req "title", url: req "url" });
crate::json_struct!(Param, "a parameter object", { value: req "value", source: req "source" });
crate::json_struct!(Parameters, "an object of parameters", {
    improvement_window_months: req "improvementWindowMonths", takeover_target_months: req "takeoverTargetMonths",
    commissioner_review_months: req "commissionerReviewMonths", persistent_window_years: req "persistentWindowYears",
    high_performing_window_years: req "highPerformingWindowYears", stale_after_years: req "staleAfterYears" });
crate::json_struct!(Row, "a row object", {
    row: req "row", intervention: req "intervention", title: req "title", source: req "source",
    text: req "text", next_steps: req "nextSteps" });
crate::json_struct!(Ruleset, "a ruleset object", {
    id: req "id", decision: req "decision", title: req "title", in_force_from: req "inForceFrom",
    in_force_to: opt "inForceTo", summary: req "summary", source: req "source",
    parameters: req "parameters", rows: req "rows" });
crate::json_struct!(Wording, "an object with source and text", { source: req "source", text: req "text" });
crate::json_struct!(Definitions, "an object of definitions", {
    persistent: req "persistent", systemic: req "systemic", high_performing: req "highPerforming", trust: req "trust" });
crate::json_struct!(WarningTexts, "an object of warning texts", {
    no_inspection: req "no_inspection", ignored_after_as_of: req "ignored_after_as_of",
    systemic_not_assessed: req "systemic_not_assessed", stale_inspection: req "stale_inspection",
    ruleset_not_in_force: req "ruleset_not_in_force" });
crate::json_struct!(Criterion, "a criterion object", {
    id: req "id", level: req "level", applies_to: req "appliesTo", basis: req "basis", source: req "source",
    params: map "params", title: req "title", threshold: req "threshold", what_to_do: req "whatToDo" });
crate::json_struct!(SponsorRules, "an object", { source: req "source", criteria: req "criteria", routes: req "routes",
    how_trusts_are_set_up: req "howTrustsAreSetUp" });
crate::json_struct!(RulesetFile, "a ruleset file (an object)", {
    format: req "format", sources: req "sources", rulesets: req "rulesets", definitions: req "definitions",
    warnings: req "warnings", sponsor: req "sponsor" });

crate::json_out!(Source, { title: "title", url: "url" });
crate::json_out!(Param, { value: "value", source: "source" });
crate::json_out!(Parameters, { improvement_window_months: "improvementWindowMonths",
    takeover_target_months: "takeoverTargetMonths",
    commissioner_review_months: "commissionerReviewMonths",
    persistent_window_years: "persistentWindowYears",
    high_performing_window_years: "highPerformingWindowYears",
    stale_after_years: "staleAfterYears" });
crate::json_out!(Row, { row: "row", intervention: "intervention", title: "title",
    source: "source", text: "text", next_steps: "nextSteps" });
crate::json_out!(Ruleset, { id: "id", decision: "decision", title: "title",
    in_force_from: "inForceFrom", in_force_to: "inForceTo", summary: "summary",
    source: "source", parameters: "parameters", rows: "rows" });
crate::json_out!(Wording, { source: "source", text: "text" });
crate::json_out!(Definitions, { persistent: "persistent", systemic: "systemic",
    high_performing: "highPerforming", trust: "trust" });
crate::json_out!(WarningTexts, { no_inspection: "no_inspection",
    ignored_after_as_of: "ignored_after_as_of", systemic_not_assessed: "systemic_not_assessed",
    stale_inspection: "stale_inspection", ruleset_not_in_force: "ruleset_not_in_force" });
crate::json_out!(Criterion, { id: "id", level: "level", applies_to: "appliesTo",
    basis: "basis", source: "source", params: "params", title: "title",
    threshold: "threshold", what_to_do: "whatToDo" });
crate::json_out!(SponsorRules, { source: "source", criteria: "criteria", routes: "routes",
    how_trusts_are_set_up: "howTrustsAreSetUp" });
crate::json_out!(RulesetFile, { format: "format", sources: "sources", rulesets: "rulesets",
    definitions: "definitions", warnings: "warnings", sponsor: "sponsor" });
