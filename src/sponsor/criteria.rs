//! The sponsor criteria of SPEC §4.2, one function each, its source beside it. Each compares
//! the facts with the criterion's thresholds (ruleset data) and returns whether it is met, the
//! evidence in words, and the values its wording may use; titles, thresholds, levels and what
//! to do are wording in `rulesets/rulesets.json`.

use super::Facts;
use crate::input::{Experience, Finances, Governance, Grade, Regulatory, SponsorStatus};
use crate::text::{join, number as num};

/// What a criterion found.
pub(crate) struct Check {
    pub met: bool,
    pub evidence: String,
    /// Values the criterion's wording may use beyond its parameters (`shortfall`, `missing`...).
    pub values: Vec<(&'static str, String)>,
}

/// A criterion's thresholds, by parameter name.
pub(crate) type Params<'a> = &'a dyn Fn(&str) -> f64;

/// One criterion the checker evaluates: its id, the parameters its data must give, and its
/// comparison.
pub struct Kind {
    pub id: &'static str,
    pub params: &'static [&'static str],
    pub(crate) check: fn(&Facts, Params) -> Check,
}

/// The criteria, in the order SPEC §4.2 lists them.
pub const CRITERIA: [Kind; 14] = [
    Kind {
        id: "not_for_profit",
        params: &[],
        check: not_for_profit,
    },
    Kind {
        id: "la_rated_good",
        params: &[],
        check: la_rated_good,
    },
    Kind {
        id: "la_not_in_intervention",
        params: &[],
        check: la_not_in_intervention,
    },
    Kind {
        id: "la_no_recent_inadequate",
        params: &["years"],
        check: la_no_recent_inadequate,
    },
    Kind {
        id: "la_inspection_recent",
        params: &["months"],
        check: la_inspection_recent,
    },
    Kind {
        id: "based_in_england",
        params: &[],
        check: based_in_england,
    },
    Kind {
        id: "no_enforcement",
        params: &[],
        check: no_enforcement,
    },
    Kind {
        id: "experience_years",
        params: &["minYears"],
        check: experience_years,
    },
    Kind {
        id: "registered_provision",
        params: &[],
        check: registered_provision,
    },
    Kind {
        id: "dcs_leadership",
        params: &["minLeaders"],
        check: dcs_leadership,
    },
    Kind {
        id: "social_workers",
        params: &["minWorkers"],
        check: social_workers,
    },
    Kind {
        id: "safeguarding_board",
        params: &[],
        check: safeguarding_board,
    },
    Kind {
        id: "independent_board",
        params: &["minIndependent"],
        check: independent_board,
    },
    Kind {
        id: "financial_capacity",
        params: &["minIncomeGbp", "minReservesMonths"],
        check: financial_capacity,
    },
];

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

fn check(met: bool, evidence: String) -> Check {
    Check {
        met,
        evidence,
        values: Vec::new(),
    }
}

fn experience<'a>(f: &'a Facts) -> std::borrow::Cow<'a, Experience> {
    f.input
        .experience
        .as_ref()
        .map_or_else(Default::default, std::borrow::Cow::Borrowed)
}

fn governance(f: &Facts) -> Governance {
    f.input.governance.clone().unwrap_or_default()
}

/// Delegated children's social care may only go to not-for-profit bodies; a profit-making group
/// may use a non-profit subsidiary [S7][S1].
fn not_for_profit(f: &Facts, _: Params) -> Check {
    let nfp = f.input.organisation.not_for_profit.unwrap_or(false);
    check(nfp, format!("Not for profit: {}", yes_no(nfp)))
}

/// A council "has to be rated good by Ofsted" to be a Partner in Practice [S8].
fn la_rated_good(f: &Facts, _: Params) -> Check {
    match f.own.last() {
        Some(l) => check(
            l.grade().is_some_and(Grade::is_good_or_better),
            format!(
                "Latest own inspection, published {}: {}",
                l.published,
                l.grade().map_or("", Grade::words)
            ),
        ),
        None => check(
            false,
            format!("No own inspection published on or before {}", f.as_of),
        ),
    }
}

/// A council under an improvement notice or direction cannot lead another's improvement (design).
fn la_not_in_intervention(f: &Facts, _: Params) -> Check {
    let status: SponsorStatus = f.input.status.clone().unwrap_or_default();
    let notice = status.improvement_notice.unwrap_or(false);
    let direction = status.direction.unwrap_or(false);
    check(
        !notice && !direction,
        format!(
            "Improvement notice: {}; statutory direction: {}",
            yes_no(notice),
            yes_no(direction)
        ),
    )
}

/// No inadequate own report in the window (design, mirroring SPEC §3.4's persistence window).
fn la_no_recent_inadequate(f: &Facts, param: Params) -> Check {
    let years = param("years") as i64;
    let since = f.as_of.add_years(-years);
    let last_bad = f
        .own
        .iter()
        .rev()
        .find(|i| i.published >= since && i.grade() == Some(Grade::Inadequate));
    match last_bad {
        Some(b) => Check {
            met: false,
            evidence: format!("Rated inadequate in the report published {}", b.published),
            values: vec![(
                "eligibleFrom",
                b.published.add_years(years).add_days(1).text(),
            )],
        },
        None => check(
            true,
            format!("No inadequate report published on or after {since}"),
        ),
    }
}

/// The latest own inspection is recent (design: the ILACS cycle is three years ± six months).
fn la_inspection_recent(f: &Facts, param: Params) -> Check {
    let since = f.as_of.add_months(-(param("months") as i64));
    match f.own.last() {
        Some(l) => check(
            l.published >= since,
            format!(
                "Latest own inspection published {} (the threshold is on or after {since})",
                l.published
            ),
        ),
        None => check(false, "No own inspection".to_string()),
    }
}

/// Based in England, where these rules apply (design).
fn based_in_england(f: &Facts, _: Params) -> Check {
    let b = f.input.organisation.based_in_england.unwrap_or(false);
    check(b, format!("Based in England: {}", yes_no(b)))
}

/// No open enforcement action or Charity Commission inquiry (design).
fn no_enforcement(f: &Facts, _: Params) -> Check {
    let reg: Regulatory = f.input.regulatory.clone().unwrap_or_default();
    let action = reg.open_enforcement_action.unwrap_or(false);
    let inquiry = reg.open_charity_commission_inquiry.unwrap_or(false);
    check(
        !action && !inquiry,
        format!(
            "Open enforcement action: {}; open Charity Commission inquiry: {}",
            yes_no(action),
            yes_no(inquiry)
        ),
    )
}

/// Years delivering children's services (design).
fn experience_years(f: &Facts, param: Params) -> Check {
    let have = experience(f)
        .years_delivering_childrens_services
        .unwrap_or(0.0)
        + 0.0;
    let need = param("minYears");
    Check {
        met: have >= need,
        evidence: format!("{} year(s) delivering children's services", num(have)),
        values: vec![(
            "shortfall",
            format!("{} more year(s)", num((need - have).max(0.0))),
        )],
    }
}

/// At least one Ofsted-registered service good or outstanding, none inadequate (design;
/// "relevant expertise" [S1]).
fn registered_provision(f: &Facts, _: Params) -> Check {
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
        format!(
            "{} Ofsted-registered service(s): {good} good or outstanding, {bad} inadequate",
            f.provision.len()
        )
    };
    check(good >= 1 && bad == 0, evidence)
}

/// A leader with director of children's services or commissioner experience (design;
/// commissioners are former directors [S5]).
fn dcs_leadership(f: &Facts, param: Params) -> Check {
    let have = f64::from(experience(f).leaders_with_dcs_experience.unwrap_or(0));
    check(
        have >= param("minLeaders"),
        format!(
            "{} leader(s) with director of children's services or commissioner experience",
            num(have)
        ),
    )
}

/// Qualified social workers (design).
fn social_workers(f: &Facts, param: Params) -> Check {
    let have = f64::from(experience(f).qualified_social_workers.unwrap_or(0));
    let need = param("minWorkers");
    Check {
        met: have >= need,
        evidence: format!("{} qualified social worker(s)", num(have)),
        values: vec![("shortfall", num((need - have).max(0.0)))],
    }
}

/// A safeguarding lead on the board, conflict of interest and whistle-blowing policies (design;
/// trust boards [S6]).
fn safeguarding_board(f: &Facts, _: Params) -> Check {
    let gov = governance(f);
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
    Check {
        met: missing.is_empty(),
        evidence: format!(
            "Safeguarding lead on the board: {}; conflict of interest policy: {}; whistle-blowing policy: {}",
            yes_no(parts[0].0),
            yes_no(parts[1].0),
            yes_no(parts[2].0)
        ),
        values: vec![("missing", join(&missing, ", "))],
    }
}

/// Independent board members (design; the Sandwell trust's board [S6]).
fn independent_board(f: &Facts, param: Params) -> Check {
    let have = f64::from(governance(f).independent_board_members.unwrap_or(0));
    let need = param("minIndependent");
    Check {
        met: have >= need,
        evidence: format!("{} independent board member(s)", num(have)),
        values: vec![("shortfall", num((need - have).max(0.0)))],
    }
}

/// Income and reserves to carry a contract of five to ten years (design; trust contracts [S6]).
fn financial_capacity(f: &Facts, param: Params) -> Check {
    let fin: Finances = f.input.finances.clone().unwrap_or_default();
    let income = fin.annual_income_gbp.unwrap_or(0.0) + 0.0;
    let reserves = fin.reserves_months.unwrap_or(0.0) + 0.0;
    let (min_income, min_reserves) = (param("minIncomeGbp"), param("minReservesMonths"));
    let mut missing = Vec::new();
    if income < min_income {
        missing.push(format!(
            "annual income of at least £{} (yours is £{})",
            num(min_income),
            num(income)
        ));
    }
    if reserves < min_reserves {
        missing.push(format!(
            "reserves of at least {} months (yours cover {})",
            num(min_reserves),
            num(reserves)
        ));
    }
    Check {
        met: missing.is_empty(),
        evidence: format!(
            "Annual income £{}; reserves {} month(s)",
            num(income),
            num(reserves)
        ),
        values: vec![("missing", join(&missing, " and "))],
    }
}
