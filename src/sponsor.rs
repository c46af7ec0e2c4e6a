//! Sponsor assessment (SPEC §4): can an organisation sponsor or form a children's services
//! trust, and if not yet, what is missing. Criteria, levels and thresholds are ruleset data;
//! what each criterion compares is code.

use crate::date::Date;
use crate::error::{Error, ErrorCode};
use crate::input::{Grade, Inspection, OrgKind, SponsorInput};
use crate::order::{number as num, sort_by};
use crate::output::{self, RulesetRef, Warning};
use crate::ruleset::{render, Basis, Criterion, Level, RulesetFile, Source};
use crate::write::int_text;

/// The overall answer (SPEC §4.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Status {
    Eligible,
    EligibleWithConditions,
    NotYetReady,
    Ineligible,
}

/// One criterion's result.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
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
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct OrganisationRef {
    pub name: Option<String>,
    pub kind: OrgKind,
}

/// What the sponsor assessment found.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct SponsorAssessment {
    pub ruleset: RulesetRef,
    pub as_of: Date,
    pub organisation: OrganisationRef,
    pub status: Status,
    pub routes: Vec<String>,
    pub criteria: Vec<CriterionResult>,
    pub next_steps: Vec<String>,
    pub warnings: Vec<Warning>,
}

/// The facts the criteria compare, gathered once.
struct Facts<'a> {
    input: &'a SponsorInput,
    as_of: Date,
    own: Vec<&'a Inspection>,
    provision: Vec<&'a crate::input::Provision>,
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
    let rs = rules.select(input.as_of, input.ruleset.as_deref())?;
    let as_of = input.as_of;
    let mut warnings = Vec::new();
    output::ruleset_warning(rules, rs, as_of, input.ruleset.is_some(), &mut warnings);

    let mut ignored: Vec<(Date, &str)> = Vec::new();
    let mut own: Vec<&Inspection> = Vec::new();
    for i in &input.own_inspections {
        if i.published <= as_of {
            own.push(i);
        } else {
            ignored.push((i.published, "An inspection report"));
        }
    }
    sort_by(&mut own, |a, b| a.published.cmp(&b.published));
    let mut provision = Vec::new();
    if let Some(e) = &input.experience {
        for p in &e.registered_provision {
            match p.published {
                Some(d) if d > as_of => ignored.push((d, "A registered service's inspection")),
                _ => provision.push(p),
            }
        }
    }
    sort_by(&mut ignored, |a, b| a.cmp(b));
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
        let hp_since = as_of.add_years(-rs.parameters.high_performing_window_years.value);
        let high_performing = facts
            .own
            .last()
            .is_some_and(|l| l.overall.is_good_or_better())
            && !facts
                .own
                .iter()
                .any(|i| i.published >= hp_since && i.overall == Grade::Inadequate);
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
    sort_by(&mut next_steps, |a, b| a.0.cmp(&b.0));
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

/// Text pieces joined, without the formatting machinery (evidence is written on every call).
fn cat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// Evaluates one criterion: whether it applies, is met, the evidence, and what to do.
fn evaluate(rules: &RulesetFile, c: &Criterion, kind: OrgKind, f: &Facts) -> CriterionResult {
    let param = |name: &str| c.params.get(name).copied().unwrap_or(0.0);
    // The parameter names are the static ones of CRITERIA (validated), usable as template keys.
    let mut owned: Vec<(&'static str, String)> = Vec::new();
    for (name, needs) in crate::ruleset::CRITERIA {
        if name == c.id {
            for n in needs {
                owned.push((n, num(param(n))));
            }
        }
    }
    let applies = c.applies_to.contains(&kind);
    let input = f.input;
    let org = &input.organisation;
    // Absent sections read as their defaults (nothing met), borrowed rather than copied.
    let (exp0, gov0, fin0, reg0, status0) = Default::default();
    let exp: &crate::input::Experience = input.experience.as_ref().unwrap_or(&exp0);
    let gov: &crate::input::Governance = input.governance.as_ref().unwrap_or(&gov0);
    let fin: &crate::input::Finances = input.finances.as_ref().unwrap_or(&fin0);
    let reg: &crate::input::Regulatory = input.regulatory.as_ref().unwrap_or(&reg0);
    let status: &crate::input::SponsorStatus = input.status.as_ref().unwrap_or(&status0);
    let latest = f.own.last().copied();

    let (met, evidence) = match c.id.as_str() {
        "not_for_profit" => {
            let nfp = org.not_for_profit.unwrap_or(false);
            (nfp, cat(&["Not for profit: ", yes_no(nfp)]))
        }
        "la_rated_good" => match latest {
            Some(l) => (
                l.overall.is_good_or_better(),
                cat(&[
                    "Latest own inspection, published ",
                    &l.published.text(),
                    ": ",
                    l.overall.words(),
                ]),
            ),
            None => (
                false,
                cat(&["No own inspection published on or before ", &f.as_of.text()]),
            ),
        },
        "la_not_in_intervention" => {
            let notice = status.improvement_notice.unwrap_or(false);
            let direction = status.direction.unwrap_or(false);
            (
                !notice && !direction,
                cat(&[
                    "Improvement notice: ",
                    yes_no(notice),
                    "; statutory direction: ",
                    yes_no(direction),
                ]),
            )
        }
        "la_no_recent_inadequate" => {
            let years = param("years") as i64;
            let since = f.as_of.add_years(-years);
            let last_bad = f
                .own
                .iter()
                .rev()
                .find(|i| i.published >= since && i.overall == Grade::Inadequate);
            match last_bad {
                Some(b) => {
                    owned.push((
                        "eligibleFrom",
                        b.published.add_years(years).add_days(1).text(),
                    ));
                    (
                        false,
                        cat(&[
                            "Rated inadequate in the report published ",
                            &b.published.text(),
                        ]),
                    )
                }
                None => (
                    true,
                    cat(&["No inadequate report published on or after ", &since.text()]),
                ),
            }
        }
        "la_inspection_recent" => {
            let since = f.as_of.add_months(-(param("months") as i64));
            match latest {
                Some(l) => (
                    l.published >= since,
                    cat(&[
                        "Latest own inspection published ",
                        &l.published.text(),
                        " (the threshold is on or after ",
                        &since.text(),
                        ")",
                    ]),
                ),
                None => (false, "No own inspection".to_string()),
            }
        }
        "based_in_england" => {
            let b = org.based_in_england.unwrap_or(false);
            (b, cat(&["Based in England: ", yes_no(b)]))
        }
        "no_enforcement" => {
            let action = reg.open_enforcement_action.unwrap_or(false);
            let inquiry = reg.open_charity_commission_inquiry.unwrap_or(false);
            (
                !action && !inquiry,
                cat(&[
                    "Open enforcement action: ",
                    yes_no(action),
                    "; open Charity Commission inquiry: ",
                    yes_no(inquiry),
                ]),
            )
        }
        "experience_years" => {
            let have = exp.years_delivering_childrens_services.unwrap_or(0.0) + 0.0;
            let need = param("minYears");
            owned.push((
                "shortfall",
                cat(&[&num((need - have).max(0.0)), " more year(s)"]),
            ));
            (
                have >= need,
                cat(&[&num(have), " year(s) delivering children's services"]),
            )
        }
        "registered_provision" => {
            let good = f
                .provision
                .iter()
                .filter(|p| p.grade.is_good_or_better())
                .count();
            let bad = f
                .provision
                .iter()
                .filter(|p| p.grade == Grade::Inadequate)
                .count();
            let evidence = if f.provision.is_empty() {
                "No Ofsted-registered services".to_string()
            } else {
                cat(&[
                    &int_text(f.provision.len() as i64),
                    " Ofsted-registered service(s): ",
                    &int_text(good as i64),
                    " good or outstanding, ",
                    &int_text(bad as i64),
                    " inadequate",
                ])
            };
            (good >= 1 && bad == 0, evidence)
        }
        "dcs_leadership" => {
            let have = f64::from(exp.leaders_with_dcs_experience.unwrap_or(0));
            (
                have >= param("minLeaders"),
                cat(&[
                    &num(have),
                    " leader(s) with director of children's services or commissioner experience",
                ]),
            )
        }
        "social_workers" => {
            let have = f64::from(exp.qualified_social_workers.unwrap_or(0));
            let need = param("minWorkers");
            owned.push(("shortfall", num((need - have).max(0.0))));
            (
                have >= need,
                cat(&[&num(have), " qualified social worker(s)"]),
            )
        }
        "safeguarding_board" => {
            let parts = [
                (
                    gov.safeguarding_lead_on_board.unwrap_or(false),
                    "a safeguarding lead on the board",
                ),
                (
                    gov.conflict_of_interest_policy.unwrap_or(false),
                    "a conflict of interest policy",
                ),
                (
                    gov.whistleblowing_policy.unwrap_or(false),
                    "a whistle-blowing policy",
                ),
            ];
            let missing: Vec<&str> = parts
                .iter()
                .filter(|(ok, _)| !ok)
                .map(|(_, w)| *w)
                .collect();
            owned.push(("missing", crate::order::join(&missing, ", ")));
            let evidence = cat(&[
                "Safeguarding lead on the board: ",
                yes_no(parts[0].0),
                "; conflict of interest policy: ",
                yes_no(parts[1].0),
                "; whistle-blowing policy: ",
                yes_no(parts[2].0),
            ]);
            (missing.is_empty(), evidence)
        }
        "independent_board" => {
            let have = f64::from(gov.independent_board_members.unwrap_or(0));
            let need = param("minIndependent");
            owned.push(("shortfall", num((need - have).max(0.0))));
            (
                have >= need,
                cat(&[&num(have), " independent board member(s)"]),
            )
        }
        "financial_capacity" => {
            let income = fin.annual_income_gbp.unwrap_or(0.0) + 0.0;
            let reserves = fin.reserves_months.unwrap_or(0.0) + 0.0;
            let (min_income, min_reserves) = (param("minIncomeGbp"), param("minReservesMonths"));
            let mut missing = Vec::new();
            if income < min_income {
                missing.push(cat(&[
                    "annual income of at least £",
                    &num(min_income),
                    " (yours is £",
                    &num(income),
                    ")",
                ]));
            }
            if reserves < min_reserves {
                missing.push(cat(&[
                    "reserves of at least ",
                    &num(min_reserves),
                    " months (yours cover ",
                    &num(reserves),
                    ")",
                ]));
            }
            owned.push(("missing", crate::order::join(&missing, " and ")));
            (
                missing.is_empty(),
                cat(&[
                    "Annual income £",
                    &num(income),
                    "; reserves ",
                    &num(reserves),
                    " month(s)",
                ]),
            )
        }
        // Ruleset validation admits only the ids above.
        _ => (false, String::new()),
    };
    let threshold = render(&c.threshold, &owned);
    let (met, evidence, what_to_do) = if applies {
        let todo = (!met).then(|| crate::council::sentence(render(&c.what_to_do, &owned)));
        (Some(met), Some(evidence), todo)
    } else {
        (None, None, None)
    };
    CriterionResult {
        id: c.id.clone(),
        level: c.level,
        title: render(&c.title, &owned),
        met,
        evidence,
        threshold,
        basis: c.basis,
        source: output::source_ref(rules, &c.source),
        what_to_do,
    }
}

crate::json_out_enum!(Status, { Status::Eligible => "eligible",
    Status::EligibleWithConditions => "eligible_with_conditions",
    Status::NotYetReady => "not_yet_ready", Status::Ineligible => "ineligible" });
crate::json_out!(CriterionResult, { id: "id", level: "level", title: "title", met: "met",
    evidence: "evidence", threshold: "threshold", basis: "basis", source: "source",
    what_to_do: "whatToDo" });
crate::json_out!(OrganisationRef, { name: "name", kind: "kind" });
crate::json_out!(SponsorAssessment, { ruleset: "ruleset", as_of: "asOf",
    organisation: "organisation", status: "status", routes: "routes", criteria: "criteria",
    next_steps: "nextSteps", warnings: "warnings" });
