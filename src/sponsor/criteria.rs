//! The sponsor criteria of SPEC §4.2, one function each, its source beside it. Each compares
//! the facts with the criterion's thresholds (ruleset data) and returns whether it is met, the
//! evidence in words, and the values its wording may use; titles, thresholds, levels and what
//! to do are wording in `rulesets/rulesets.json`.

use super::Facts;
use crate::input::{Experience, Governance, Grade, Regulatory, SponsorStatus};
use crate::text::{join, number as num};

/// What a criterion found.
pub(crate) struct Check {
    /// `None` when a fact it needs was not given: not known, neither met nor failed (SPEC §4.1).
    pub met: Option<bool>,
    pub evidence: String,
    /// Values the criterion's wording may use beyond its parameters (`shortfall`, `missing`,
    /// `unknown`...).
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
pub const CRITERIA: [Kind; 15] = [
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
        params: &["minIncomeGbp"],
        check: financial_capacity,
    },
    Kind {
        id: "reserves",
        params: &["minReservesMonths"],
        check: reserves,
    },
];

const NOT_KNOWN: &str = "not known";

fn yes_no(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "yes",
        Some(false) => "no",
        None => NOT_KNOWN,
    }
}

fn check(met: Option<bool>, evidence: String) -> Check {
    Check {
        met,
        evidence,
        values: Vec::new(),
    }
}

/// A number compared with a minimum: not known when not given.
fn at_least(have: Option<f64>, need: f64) -> Option<bool> {
    have.map(|h| h + 0.0 >= need)
}

/// The evidence for a number: `known(n)` in words, or `what: not known`.
fn evidence_of(have: Option<f64>, what: &str, known: impl Fn(String) -> String) -> String {
    have.map_or_else(|| format!("{what}: {NOT_KNOWN}"), |h| known(num(h + 0.0)))
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
/// Not given, it is taken from the kind of organisation where the data says why (SPEC §4.1).
fn not_for_profit(f: &Facts, _: Params) -> Check {
    let nfp = f.not_for_profit;
    let evidence = match f.not_for_profit_because {
        Some(why) => format!(
            "Not for profit: {} (from the kind of organisation: {why})",
            yes_no(nfp)
        ),
        None => format!("Not for profit: {}", yes_no(nfp)),
    };
    check(nfp, evidence)
}

/// A council "has to be rated good by Ofsted" to be a Partner in Practice [S8].
fn la_rated_good(f: &Facts, _: Params) -> Check {
    match f.own.last() {
        Some(l) => check(
            Some(l.grade().is_some_and(Grade::is_good_or_better)),
            format!(
                "Latest own inspection, published {}: {}",
                l.published,
                l.grade().map_or("", |g| f.grades.of(g))
            ),
        ),
        None => check(
            Some(false),
            format!("No own inspection published on or before {}", f.as_of),
        ),
    }
}

/// Whether the council is known to be under an improvement notice or a direction (an adverse
/// flag: absent means none is known, SPEC §4.1).
pub(crate) fn in_intervention(f: &Facts) -> bool {
    let status: SponsorStatus = f.input.status.clone().unwrap_or_default();
    status.improvement_notice.unwrap_or(false) || status.direction.unwrap_or(false)
}

/// A council under an improvement notice or direction cannot lead another's improvement (design).
fn la_not_in_intervention(f: &Facts, _: Params) -> Check {
    let status: SponsorStatus = f.input.status.clone().unwrap_or_default();
    let notice = status.improvement_notice.unwrap_or(false);
    let direction = status.direction.unwrap_or(false);
    check(
        Some(!notice && !direction),
        format!(
            "Improvement notice: {}; statutory direction: {}",
            yes_no(Some(notice)),
            yes_no(Some(direction))
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
            met: Some(false),
            evidence: format!("Rated inadequate in the report published {}", b.published),
            values: vec![(
                "eligibleFrom",
                b.published.add_years(years).add_days(1).text(),
            )],
        },
        None => check(
            Some(true),
            format!("No inadequate report published on or after {since}"),
        ),
    }
}

/// The latest own inspection is recent (design: the ILACS cycle is three years ± six months).
fn la_inspection_recent(f: &Facts, param: Params) -> Check {
    let since = f.as_of.add_months(-(param("months") as i64));
    match f.own.last() {
        Some(l) => check(
            Some(l.published >= since),
            format!(
                "Latest own inspection published {} (the threshold is on or after {since})",
                l.published
            ),
        ),
        None => check(Some(false), "No own inspection".to_string()),
    }
}

/// Based in England, where these rules apply (design).
fn based_in_england(f: &Facts, _: Params) -> Check {
    let b = f.input.organisation.based_in_england;
    check(b, format!("Based in England: {}", yes_no(b)))
}

/// No open enforcement action or Charity Commission inquiry (design).
fn no_enforcement(f: &Facts, _: Params) -> Check {
    let reg: Regulatory = f.input.regulatory.clone().unwrap_or_default();
    let action = reg.open_enforcement_action.unwrap_or(false);
    let inquiry = reg.open_charity_commission_inquiry.unwrap_or(false);
    check(
        Some(!action && !inquiry),
        format!(
            "Open enforcement action: {}; open Charity Commission inquiry: {}",
            yes_no(Some(action)),
            yes_no(Some(inquiry))
        ),
    )
}

/// Years delivering children's services, counting the services and staff the organisation was
/// formed from (design; Achieving for Children [S19]).
fn experience_years(f: &Facts, param: Params) -> Check {
    let have = experience(f).years_delivering_childrens_services;
    let need = param("minYears");
    Check {
        met: at_least(have, need),
        evidence: evidence_of(have, "Years delivering children's services", |n| {
            format!("{n} year(s) delivering children's services, counting the services it was formed from")
        }),
        values: vec![(
            "shortfall",
            format!(
                "{} more year(s)",
                num((need - have.unwrap_or(0.0)).max(0.0))
            ),
        )],
    }
}

/// At least one Ofsted-registered service good or outstanding, none inadequate (design;
/// "relevant expertise" [S1]). An absent list is not known; an empty one is none.
fn registered_provision(f: &Facts, _: Params) -> Check {
    let Some(provision) = &f.provision else {
        return check(None, format!("Ofsted-registered services: {NOT_KNOWN}"));
    };
    let good = provision
        .iter()
        .filter(|p| p.grade.is_good_or_better())
        .count();
    let bad = provision
        .iter()
        .filter(|p| p.grade == Grade::Inadequate)
        .count();
    let evidence = if provision.is_empty() {
        "No Ofsted-registered services".to_string()
    } else {
        format!(
            "{} Ofsted-registered service(s): {good} good or outstanding, {bad} inadequate",
            provision.len()
        )
    };
    check(Some(good >= 1 && bad == 0), evidence)
}

/// A leader with director of children's services or commissioner experience (design;
/// commissioners are former directors [S5]).
fn dcs_leadership(f: &Facts, param: Params) -> Check {
    let have = experience(f).leaders_with_dcs_experience.map(f64::from);
    check(
        at_least(have, param("minLeaders")),
        evidence_of(
            have,
            "Leaders with director of children's services or commissioner experience",
            |n| {
                format!(
                    "{n} leader(s) with director of children's services or commissioner experience"
                )
            },
        ),
    )
}

/// Qualified social workers (design).
fn social_workers(f: &Facts, param: Params) -> Check {
    let have = experience(f).qualified_social_workers.map(f64::from);
    let need = param("minWorkers");
    Check {
        met: at_least(have, need),
        evidence: evidence_of(have, "Qualified social workers", |n| {
            format!("{n} qualified social worker(s)")
        }),
        values: vec![("shortfall", num((need - have.unwrap_or(0.0)).max(0.0)))],
    }
}

/// A safeguarding lead on the board, conflict of interest and whistle-blowing policies (design;
/// trust boards [S6]). Any part answered no fails it; otherwise any part not given leaves it not
/// known.
fn safeguarding_board(f: &Facts, _: Params) -> Check {
    let gov = governance(f);
    let parts = [
        (
            gov.safeguarding_lead_on_board,
            "a safeguarding lead on the board",
        ),
        (
            gov.conflict_of_interest_policy,
            "a conflict of interest policy",
        ),
        (gov.whistleblowing_policy, "a whistle-blowing policy"),
    ];
    let words = |want: Option<bool>| -> Vec<&str> {
        parts
            .iter()
            .filter(|(b, _)| *b == want)
            .map(|(_, w)| *w)
            .collect()
    };
    let (missing, unknown) = (words(Some(false)), words(None));
    let met = if !missing.is_empty() {
        Some(false)
    } else if !unknown.is_empty() {
        None
    } else {
        Some(true)
    };
    Check {
        met,
        evidence: format!(
            "Safeguarding lead on the board: {}; conflict of interest policy: {}; whistle-blowing policy: {}",
            yes_no(parts[0].0),
            yes_no(parts[1].0),
            yes_no(parts[2].0)
        ),
        values: vec![
            ("missing", join(&missing, ", ")),
            ("unknown", join(&unknown, ", ")),
        ],
    }
}

/// Independent board members (design; the Sandwell trust's board [S6]).
fn independent_board(f: &Facts, param: Params) -> Check {
    let have = governance(f).independent_board_members.map(f64::from);
    let need = param("minIndependent");
    Check {
        met: at_least(have, need),
        evidence: evidence_of(have, "Independent board members", |n| {
            format!("{n} independent board member(s)")
        }),
        values: vec![("shortfall", num((need - have.unwrap_or(0.0)).max(0.0)))],
    }
}

/// Income to carry a contract of five to ten years (design; trust contracts [S6]).
fn financial_capacity(f: &Facts, param: Params) -> Check {
    let income = f.input.finances.as_ref().and_then(|x| x.annual_income_gbp);
    let need = param("minIncomeGbp");
    Check {
        met: at_least(income, need),
        evidence: evidence_of(income, "Annual income", |n| format!("Annual income £{n}")),
        values: vec![(
            "shortfall",
            format!("yours is £{}", num(income.unwrap_or(0.0) + 0.0)),
        )],
    }
}

/// Reserves (design, a condition: the arrangements that ended, ended over money [S20]).
fn reserves(f: &Facts, param: Params) -> Check {
    let months = f.input.finances.as_ref().and_then(|x| x.reserves_months);
    Check {
        met: at_least(months, param("minReservesMonths")),
        evidence: evidence_of(months, "Reserves", |n| format!("Reserves of {n} month(s)")),
        values: vec![(
            "have",
            format!("{} month(s)", num(months.unwrap_or(0.0) + 0.0)),
        )],
    }
}
