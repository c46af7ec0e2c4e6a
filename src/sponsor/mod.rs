//! Sponsor assessment (SPEC §4): can an organisation sponsor or form a children's services
//! trust, and if not yet, what is missing. Criteria, levels and thresholds are ruleset data;
//! what each criterion compares is code.

pub mod criteria;

use crate::codes::Code;
use crate::date::{Date, IsoDate};
use crate::error::{Error, ErrorCode};
use crate::input::{Grade, Inspection, OrgKind, SponsorInput};
use crate::output::WarningCode;
use crate::output::{self, Reason, RulesetRef, Warning};
use crate::ruleset::{render, value, Basis, Criterion, Level, Ruleset, RulesetFile, Source};
use crate::text::number as num;

/// The overall answer (SPEC §4.3), from best to worst: `eligible`; `eligible_with_conditions`
/// (a condition fails or is not known); `incomplete` (a gate or readiness criterion is not known
/// and none known fails: `toFindOut` lists what to find out); `not_yet_ready` (a readiness
/// criterion fails); `ineligible` (a gate fails).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(tsify_next::Tsify))]
pub enum Status {
    Eligible,
    EligibleWithConditions,
    Incomplete,
    NotYetReady,
    Ineligible,
}

/// A criterion's outcome, one of four that are never confused: `met`; `not_met` (the facts
/// given fail it); `not_known` (a fact it needs was not given, absent or `null`: neither met nor
/// failed, SPEC §4.1); `not_applicable` (it does not apply to this kind of organisation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(tsify_next::Tsify))]
pub enum Outcome {
    Met,
    NotMet,
    NotKnown,
    NotApplicable,
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
    /// The outcome in one word; `met`, `applies` and `known` say the same in three flags.
    pub outcome: Outcome,
    /// `true` or `false` when it applies and is known; `null` when it does not apply
    /// (`applies: false`) or is not known (`known: false`).
    pub met: Option<bool>,
    /// Whether the criterion applies to this kind of organisation.
    pub applies: bool,
    /// `false` when it applies and a fact it needs was not given; `true` otherwise.
    pub known: bool,
    /// What was compared, in words (`null` when not applicable).
    pub evidence: Option<String>,
    pub threshold: String,
    /// `design` where no published criterion exists and this checker chose the threshold.
    pub basis: Basis,
    /// For a design threshold: that it is this service's choice, and what it rests on.
    pub rationale: Option<String>,
    /// The published source behind the criterion (or the design choice), `null` when none.
    pub source: Option<Source>,
    /// What to do to meet it, when unmet.
    pub what_to_do: Option<String>,
    /// What to find out, when not known.
    pub find_out: Option<String>,
}

/// A role the organisation may take on, in the answer's order (SPEC §4.4): what it may do now,
/// then what the 2015 announcement intended and what has happened since.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Role {
    /// The route id (`service_provider`, `improvement_partner`, `expert_team_member`,
    /// `trust_sponsor`).
    pub id: String,
    pub title: String,
    /// What practice shows of this role, with `sources`.
    pub text: String,
    pub sources: Vec<Source>,
    /// Whether it is open now: the status is `eligible` or `eligible_with_conditions` and the id
    /// is in `routes`; otherwise it is what the organisation could take on once the criteria
    /// are met.
    pub open: bool,
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
    /// The roles open now, in the answer's order (ids of `roles`).
    pub routes: Vec<String>,
    /// Every role this kind of organisation may take on, in the answer's order; empty for a
    /// council under a notice or direction (see `notes`).
    pub roles: Vec<Role>,
    /// Notes from practice the answer carries (a council under a notice or direction: its own
    /// services may move into a trust it owns, SPEC §4.4).
    pub notes: Vec<Reason>,
    pub criteria: Vec<CriterionResult>,
    /// What to find out, for every criterion not known, gates first.
    pub to_find_out: Vec<String>,
    pub next_steps: Vec<String>,
    pub warnings: Vec<Warning>,
}

/// The facts the criteria compare, gathered once.
pub(crate) struct Facts<'a> {
    pub input: &'a SponsorInput,
    pub as_of: IsoDate,
    pub own: Vec<&'a Inspection>,
    /// `None` when the list was not given (not known).
    pub provision: Option<Vec<&'a crate::input::Provision>>,
    /// Each grade in words (the ruleset file's `grades`).
    pub grades: &'a crate::codes::Words<crate::input::Grade, std::borrow::Cow<'static, str>>,
    /// Not for profit: as the input says, or, when it does not, taken from the organisation's
    /// kind (SPEC §4.1), with the data's words why.
    pub not_for_profit: Option<bool>,
    pub not_for_profit_because: Option<&'a str>,
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
    crate::order::sort_by_key(&mut own, |i| i.published);
    let mut provision = None;
    if let Some(list) = input
        .experience
        .as_ref()
        .and_then(|e| e.registered_provision.as_ref())
    {
        let mut known = Vec::new();
        for p in list {
            match p.published {
                Some(d) if d > as_of => ignored.push((d, "A registered service's inspection")),
                _ => known.push(p),
            }
        }
        provision = Some(known);
    }
    crate::order::sort(&mut ignored);
    for (date, item) in ignored {
        warnings.push(output::warning(
            rules,
            WarningCode::IgnoredAfterAsOf,
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
    let given = input.organisation.not_for_profit;
    let because = rules
        .sponsor
        .not_for_profit_kinds
        .get(kind.code())
        .filter(|_| given.is_none())
        .map(|w| &*w.text);
    let facts = Facts {
        input,
        as_of,
        own,
        provision,
        grades: &rules.grades,
        not_for_profit: given.or(because.map(|_| true)),
        not_for_profit_because: because,
    };

    let mut criteria = Vec::with_capacity(rules.sponsor.criteria.len());
    for c in rules.sponsor.criteria.iter() {
        criteria.push(evaluate(rules, c, kind, &facts));
    }
    let status = status_of(&criteria);
    let high_performing = high_performing(&facts.own, as_of, rs);
    let in_intervention = kind == OrgKind::LocalAuthority && criteria::in_intervention(&facts);
    let open_now = matches!(status, Status::Eligible | Status::EligibleWithConditions);
    let mut roles = Vec::new();
    let mut notes = Vec::new();
    if in_intervention {
        if let Some(w) = rules.sponsor.notes.get("own_services_in_intervention") {
            notes.push(output::reason(
                rules,
                "own_services_in_intervention",
                w,
                &|_, _| false,
            ));
        }
    } else {
        for (id, r) in rules.sponsor.routes.iter() {
            if !r.applies_to.contains(&kind) || id == "improvement_partner" && !high_performing {
                continue;
            }
            roles.push(Role {
                id: id.to_string(),
                title: crate::text::sentence(r.title.to_string()),
                text: crate::text::sentence(r.text.to_string()),
                sources: r
                    .sources
                    .iter()
                    .filter_map(|k| output::source_ref(rules, k))
                    .collect(),
                open: open_now,
            });
        }
    }
    let routes = roles
        .iter()
        .filter(|r| r.open)
        .map(|r| r.id.clone())
        .collect();
    let mut next_steps: Vec<(Level, String)> = criteria
        .iter()
        .filter_map(|c| Some((c.level, c.what_to_do.clone()?)))
        .collect();
    crate::order::sort_by_key(&mut next_steps, |s| s.0);
    let mut to_find_out: Vec<(Level, String)> = criteria
        .iter()
        .filter_map(|c| Some((c.level, c.find_out.clone()?)))
        .collect();
    crate::order::sort_by_key(&mut to_find_out, |s| s.0);
    Ok(SponsorAssessment {
        ruleset: RulesetRef::of(rs, input.ruleset.is_some()),
        as_of,
        organisation: OrganisationRef {
            name: input.organisation.name.clone(),
            kind,
        },
        status,
        routes,
        roles,
        notes,
        criteria,
        to_find_out: to_find_out.into_iter().map(|(_, s)| s).collect(),
        next_steps: next_steps.into_iter().map(|(_, s)| s).collect(),
        warnings,
    })
}

/// The status the criteria give: a gate not met makes the organisation ineligible, readiness
/// not met not yet ready, either not known incomplete, a condition not met or not known
/// eligible with conditions.
fn status_of(criteria: &[CriterionResult]) -> Status {
    let any = |level: Level, outcome: Outcome| {
        criteria
            .iter()
            .any(|c| c.level == level && c.outcome == outcome)
    };
    if any(Level::Gate, Outcome::NotMet) {
        Status::Ineligible
    } else if any(Level::Readiness, Outcome::NotMet) {
        Status::NotYetReady
    } else if any(Level::Gate, Outcome::NotKnown) || any(Level::Readiness, Outcome::NotKnown) {
        Status::Incomplete
    } else if any(Level::Condition, Outcome::NotMet) || any(Level::Condition, Outcome::NotKnown) {
        Status::EligibleWithConditions
    } else {
        Status::Eligible
    }
}

/// A council's own services high-performing (SPEC §3.4): its latest report good or
/// outstanding, and none inadequate within the ruleset's window before `as_of`.
fn high_performing(own: &[&Inspection], as_of: Date, rs: &Ruleset) -> bool {
    let since = as_of.add_years(-value(&rs.parameters.high_performing_window_years));
    own.last()
        .is_some_and(|l| l.grade().is_some_and(Grade::is_good_or_better))
        && !own
            .iter()
            .any(|i| i.published >= since && i.grade() == Some(Grade::Inadequate))
}

/// Evaluates one criterion: whether it applies, is met, failed or not known, the evidence, and
/// what to do or to find out.
fn evaluate(rules: &RulesetFile, c: &Criterion, kind: OrgKind, f: &Facts) -> CriterionResult {
    let param = |name: &str| c.params.get(name).copied().unwrap_or(0.0);
    let applies = c.applies_to.contains(&kind);
    let mut result = CriterionResult {
        id: c.id.to_string(),
        level: c.level,
        title: c.title.to_string(),
        outcome: Outcome::NotApplicable,
        met: None,
        applies,
        known: true,
        evidence: None,
        threshold: c.threshold.to_string(),
        basis: c.basis,
        rationale: c.rationale.as_deref().map(str::to_string),
        source: output::source_ref(rules, &c.source),
        what_to_do: None,
        find_out: None,
    };
    // Ruleset validation admits only the criteria of CRITERIA, each with its parameters.
    let Some(k) = criteria::CRITERIA.iter().find(|k| k.id == c.id) else {
        return result;
    };
    let mut values: Vec<(&str, String)> = k.params.iter().map(|n| (*n, num(param(n)))).collect();
    let found = (k.check)(f, &param);
    values.extend(found.values);
    let words = |t: &str| crate::text::sentence(render(t, &values));
    result.threshold = render(&c.threshold, &values);
    result.title = render(&c.title, &values);
    result.rationale = c.rationale.as_deref().map(words);
    if applies {
        result.met = found.met;
        result.evidence = Some(found.evidence);
        match found.met {
            Some(true) => result.outcome = Outcome::Met,
            Some(false) => {
                result.outcome = Outcome::NotMet;
                result.what_to_do = Some(words(&c.what_to_do));
            }
            None => {
                result.outcome = Outcome::NotKnown;
                result.known = false;
                result.find_out = Some(words(&c.find_out));
            }
        }
    }
    result
}
