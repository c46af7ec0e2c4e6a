//! Output pieces shared by both assessments.

use crate::date::{Date, IsoDate};
use crate::ruleset::{render, render_with, Ruleset, RulesetFile, Source, Wording};

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
            id: rs.id.clone(),
            title: rs.title.clone(),
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
    pub kind: String,
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
    pub rule: String,
    pub text: String,
    /// `null` where the rule is a design choice of this checker.
    pub source: Option<Source>,
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
    pub code: String,
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
        text: crate::text::sentence(render_with(&w.text, var)),
        source: source_ref(rules, &w.source),
    }
}

pub fn warning(rules: &RulesetFile, code: &str, vars: &[(&str, String)]) -> Warning {
    let w = &rules.warnings;
    let template = match code {
        "no_inspection" => &w.no_inspection,
        "ignored_after_as_of" => &w.ignored_after_as_of,
        "systemic_not_assessed" => &w.systemic_not_assessed,
        "stale_inspection" => &w.stale_inspection,
        "overall_read_from_judgements" => &w.overall_read_from_judgements,
        "status_not_in_file" => &w.status_not_in_file,
        _ => &w.ruleset_not_in_force,
    };
    Warning {
        code: code.to_string(),
        text: crate::text::sentence(render(template, vars)),
        source: None,
    }
}

/// A warning whose wording carries its own source (SPEC §3.6, §3.7).
pub fn sourced_warning(
    rules: &RulesetFile,
    code: &str,
    w: &Wording,
    vars: &[(&str, String)],
) -> Warning {
    Warning {
        code: code.to_string(),
        text: crate::text::sentence(render(&w.text, vars)),
        source: source_ref(rules, &w.source),
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
            "ruleset_not_in_force",
            &[
                ("ruleset", rs.title.clone()),
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
