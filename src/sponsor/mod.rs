//! Sponsor assessment (SPEC §4): can an organisation sponsor or form a children's services
//! trust, and if not yet, what is missing. Criteria, levels and thresholds are ruleset data;
//! what each criterion compares is code.

pub mod criteria;

use crate::date::{Date, IsoDate};
use crate::error::{Error, ErrorCode};
use crate::input::{Grade, Inspection, OrgKind, SponsorInput};
use crate::output::{self, RulesetRef, Warning};
use crate::ruleset::{render, value, Basis, Criterion, Level, RulesetFile, Source};
use crate::text::number as num;

/// The overall answer (SPEC §4.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(tsify_next::Tsify))]
pub enum Status {
    Eligible,
    EligibleWithConditions,
    NotYetReady,
    Ineligible,
}

/// One criterion's result.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct CriterionResult {
    pub id: String,
    pub level: Level,
    pub title: String,
    /// `null` when the criterion does not apply to this kind of organisation.
    pub met: Option<bool>,
    /// What was compared, in words (`null` when not applicable).
    pub evidence: Option<String>,
    pub threshold: String,
    /// `design` where no published criterion exists and this checker chose the threshold.
    pub basis: Basis,
    /// The published source behind the criterion (or the design choice), `null` when none.
    pub source: Option<Source>,
    /// What to do to meet it, when unmet.
    pub what_to_do: Option<String>,
}

/// The organisation, as assessed.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct OrganisationRef {
    pub name: Option<String>,
    pub kind: OrgKind,
}

/// What the sponsor assessment found.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct SponsorAssessment {
    pub ruleset: RulesetRef,
    pub as_of: IsoDate,
    pub organisation: OrganisationRef,
    pub status: Status,
    pub routes: Vec<String>,
    pub criteria: Vec<CriterionResult>,
    pub next_steps: Vec<String>,
    pub warnings: Vec<Warning>,
}

/// The facts the criteria compare, gathered once.
pub(crate) struct Facts<'a> {
    pub input: &'a SponsorInput,
    pub as_of: IsoDate,
    pub own: Vec<&'a Inspection>,
    pub provision: Vec<&'a crate::input::Provision>,
}

/// Assesses a would-be sponsor.
///
/// ```
/// use trust_eligibility::{sponsor::{assess_sponsor, Status}, parse::from_json, ruleset::RulesetFile};
/// let input = from_json(r#"{"asOf": "2016-03-01",
///     "organisation": {"name": "Acme Ltd", "kind": "private_company", "notForProfit": false, "basedInEngland": true}}"#).unwrap();
/// let out = assess_sponsor(&input, RulesetFile::default_ref().unwrap()).unwrap();
/// assert_eq!(out.status, Status::Ineligible);
/// assert_eq!(out.criteria[0].id, "not_for_profit");
/// assert_eq!(out.criteria[0].met, Some(false));
/// ```
pub fn assess_sponsor(
    input: &SponsorInput,
    rules: &RulesetFile,
) -> Result<SponsorAssessment, Error> {
    input.validate()?;
    let (rs, mut warnings) = output::applied_ruleset(
        rules,
        input.as_of,
        input.ruleset.as_deref(),
        &input.own_inspections,
        "ownInspections",
    )?;
    let as_of = input.as_of;

    let mut ignored: Vec<(Date, &str)> = Vec::new();
    let mut own: Vec<&Inspection> = Vec::new();
    for i in &input.own_inspections {
        if i.published <= as_of {
            own.push(i);
        } else {
            ignored.push((i.published, "An inspection report"));
        }
    }
    own.sort_by_key(|i| i.published);
    let mut provision = Vec::new();
    if let Some(e) = &input.experience {
        for p in &e.registered_provision {
            match p.published {
                Some(d) if d > as_of => ignored.push((d, "A registered service's inspection")),
                _ => provision.push(p),
            }
        }
    }
    ignored.sort();
    for (date, item) in ignored {
        warnings.push(output::warning(
            rules,
            "ignored_after_as_of",
            &[
                ("item", item.to_string()),
                ("date", date.text()),
                ("asOf", as_of.text()),
            ],
        ));
    }
    let kind = input.organisation.kind;
    if kind == OrgKind::LocalAuthority && own.is_empty() {
        return Err(Error::new(
            ErrorCode::MissingInspection,
            "ownInspections",
            format_args!("a council must give its own Ofsted inspections, at least one published on or before {as_of}"),
        ));
    }
    let facts = Facts {
        input,
        as_of,
        own,
        provision,
    };

    let mut criteria = Vec::with_capacity(rules.sponsor.criteria.len());
    for c in &rules.sponsor.criteria {
        criteria.push(evaluate(rules, c, kind, &facts));
    }
    let failed = |level: Level| {
        criteria
            .iter()
            .any(|c| c.level == level && c.met == Some(false))
    };
    let status = if failed(Level::Gate) {
        Status::Ineligible
    } else if failed(Level::Readiness) {
        Status::NotYetReady
    } else if failed(Level::Condition) {
        Status::EligibleWithConditions
    } else {
        Status::Eligible
    };
    let mut routes = Vec::new();
    if matches!(status, Status::Eligible | Status::EligibleWithConditions) {
        routes.push("trust_sponsor".to_string());
        let hp_since = as_of.add_years(-value(&rs.parameters.high_performing_window_years));
        let high_performing = facts
            .own
            .last()
            .is_some_and(|l| l.grade().is_some_and(Grade::is_good_or_better))
            && !facts
                .own
                .iter()
                .any(|i| i.published >= hp_since && i.grade() == Some(Grade::Inadequate));
        if kind == OrgKind::LocalAuthority && high_performing {
            routes.push("improvement_partner".to_string());
        }
        if kind == OrgKind::ExpertTeam {
            routes.push("expert_team_member".to_string());
        }
    }
    let mut next_steps: Vec<(Level, String)> = criteria
        .iter()
        .filter_map(|c| Some((c.level, c.what_to_do.clone()?)))
        .collect();
    next_steps.sort_by_key(|s| s.0);
    Ok(SponsorAssessment {
        ruleset: RulesetRef::of(rs, input.ruleset.is_some()),
        as_of,
        organisation: OrganisationRef {
            name: input.organisation.name.clone(),
            kind,
        },
        status,
        routes,
        criteria,
        next_steps: next_steps.into_iter().map(|(_, s)| s).collect(),
        warnings,
    })
}

/// Evaluates one criterion: whether it applies, is met, the evidence, and what to do.
fn evaluate(rules: &RulesetFile, c: &Criterion, kind: OrgKind, f: &Facts) -> CriterionResult {
    let param = |name: &str| c.params.get(name).copied().unwrap_or(0.0);
    // Ruleset validation admits only the criteria of CRITERIA, each with its parameters.
    let Some(k) = criteria::CRITERIA.iter().find(|k| k.id == c.id) else {
        return CriterionResult {
            id: c.id.clone(),
            level: c.level,
            title: c.title.clone(),
            met: None,
            evidence: None,
            threshold: c.threshold.clone(),
            basis: c.basis,
            source: output::source_ref(rules, &c.source),
            what_to_do: None,
        };
    };
    let mut values: Vec<(&str, String)> = k.params.iter().map(|n| (*n, num(param(n)))).collect();
    let applies = c.applies_to.contains(&kind);
    let found = (k.check)(f, &param);
    values.extend(found.values);
    let threshold = render(&c.threshold, &values);
    let (met, evidence, what_to_do) = if applies {
        let todo = (!found.met).then(|| crate::council::sentence(render(&c.what_to_do, &values)));
        (Some(found.met), Some(found.evidence), todo)
    } else {
        (None, None, None)
    };
    CriterionResult {
        id: c.id.clone(),
        level: c.level,
        title: render(&c.title, &values),
        met,
        evidence,
        threshold,
        basis: c.basis,
        source: output::source_ref(rules, &c.source),
        what_to_do,
    }
}
