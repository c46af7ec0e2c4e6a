//! Output pieces shared by both assessments.

use crate::date::{Date, IsoDate};
use crate::ruleset::{render, render_with, Ruleset, RulesetFile, Source, Wording};

/// The answers' codes, defined with their words' tables below the ruleset data that holds
/// those words ([`crate::codes`]).
pub use crate::codes::{Intervention, KeyDateKind, NextReport, WarningCode};

/// Which ruleset was applied, and whether by date or by request.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct RulesetRef {
    pub id: String,
    pub title: String,
    pub in_force_from: IsoDate,
    pub in_force_to: Option<IsoDate>,
    /// `"asOf"` when chosen by the assessment date, `"request"` when named in the input.
    pub chosen_by: &'static str,
}

impl RulesetRef {
    pub(crate) fn of(rs: &Ruleset, named: bool) -> RulesetRef {
        RulesetRef {
            id: rs.id.to_string(),
            title: rs.title.to_string(),
            in_force_from: rs.in_force_from,
            in_force_to: rs.in_force_to,
            chosen_by: if named { "request" } else { "asOf" },
        }
    }
}

/// A key date and how many days it is from `asOf` (negative when past).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct KeyDate {
    pub kind: KeyDateKind,
    pub date: IsoDate,
    pub days_from_as_of: i64,
}

/// Why: the rule that fired, in words, with its source.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Reason {
    /// The rule as one string: `protocol-2016/row-4`, `definition/persistent`, or a sponsor
    /// note's key.
    pub rule: String,
    /// For a row of a decision table, its ruleset and number (`rule` is then
    /// `{ruleset}/row-{row}`): what a page reads, never splitting `rule`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<RowRef>,
    pub text: String,
    /// `null` where the rule is a design choice of this checker.
    pub source: Option<Source>,
}

/// A row of a ruleset's decision table (SPEC §3.2, §3.3): the ruleset's id and the row's number.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify_next::Tsify))]
pub struct RowRef {
    pub ruleset: String,
    pub row: u32,
}

impl RowRef {
    /// Row `row` of `rs`.
    pub(crate) fn of(rs: &Ruleset, row: u32) -> RowRef {
        RowRef {
            ruleset: rs.id.to_string(),
            row,
        }
    }

    /// The row as one string, the answer's `rule`: `protocol-2016/row-4`.
    pub fn id(&self) -> String {
        format!("{}/row-{}", self.ruleset, self.row)
    }
}

/// Something the user should know that does not change the outcome.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Warning {
    pub code: WarningCode,
    pub text: String,
    /// The published source the warning rests on, where it names one (left out otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

pub(crate) fn source_ref(rules: &RulesetFile, key: &str) -> Option<Source> {
    rules.source(key).cloned()
}

pub(crate) fn reason(
    rules: &RulesetFile,
    rule: &str,
    w: &Wording,
    var: &dyn Fn(&str, &mut String) -> bool,
) -> Reason {
    Reason {
        rule: rule.to_string(),
        row: None,
        text: crate::text::sentence(render_with(&w.text, var)),
        source: source_ref(rules, &w.source),
    }
}

/// A warning in the words the ruleset file gives its code, with their source where they name one.
pub fn warning(rules: &RulesetFile, code: WarningCode, vars: &[(&str, String)]) -> Warning {
    let words = rules.warnings.of(code);
    Warning {
        code,
        text: crate::text::sentence(render(words.text(), vars)),
        source: words.source().and_then(|key| source_ref(rules, key)),
    }
}

/// Why a report without an overall grade reads as it does, in words (SPEC §3.6).
pub fn reading_words(rules: &RulesetFile, r: crate::input::Reading) -> &str {
    use crate::input::Reading;
    let w = &rules.grade_reading.readings;
    match r {
        Reading::Inadequate => &w.inadequate,
        Reading::Good => &w.good,
        Reading::RequiresImprovement => &w.requires_improvement,
        Reading::RequiresImprovementLeadership => &w.requires_improvement_leadership,
    }
}

/// A warning when a ruleset named in the input is applied outside its dates.
fn ruleset_warning(
    rules: &RulesetFile,
    rs: &Ruleset,
    as_of: Date,
    named: bool,
    out: &mut Vec<Warning>,
) {
    let outside = as_of < rs.in_force_from || rs.in_force_to.is_some_and(|to| as_of > to);
    if named && outside {
        let to = rs
            .in_force_to
            .map_or_else(|| " onward".to_string(), |t| " to ".to_string() + &t.text());
        out.push(warning(
            rules,
            WarningCode::RulesetNotInForce,
            &[
                ("ruleset", rs.title.to_string()),
                ("inForceFrom", rs.in_force_from.text()),
                ("inForceToText", to),
                ("asOf", as_of.text()),
            ],
        ));
    }
}

/// What both assessments do first: the ruleset for `as_of` (or the one named), a check that
/// every report without an overall grade may leave it out under it (SPEC §3.1), and the warning
/// for a named ruleset applied outside its dates.
pub(crate) fn applied_ruleset<'r>(
    rules: &'r RulesetFile,
    as_of: Date,
    named: Option<&str>,
    inspections: &[crate::input::Inspection],
    field: &str,
) -> Result<(&'r Ruleset, Vec<Warning>), crate::Error> {
    let rs = rules.select(as_of, named)?;
    let dropped = rs
        .parameters
        .overall_grade_dropped_from
        .as_ref()
        .map(|d| d.value);
    crate::input::check_overall(inspections, field, dropped)?;
    let mut warnings = Vec::new();
    ruleset_warning(rules, rs, as_of, named.is_some(), &mut warnings);
    Ok((rs, warnings))
}
