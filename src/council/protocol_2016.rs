//! SPEC §3.3: the intervention protocol operated from July 2016 [S4][S5][S6]. The first row
//! that matches wins; each row is one function, its source beside it. Wording lives in
//! `rulesets/rulesets.json`.

use super::facts::Facts;
use super::{Outcome, Row};
use crate::input::{Grade, Progress, VisitKind};
use crate::ruleset::{value, Ruleset};

/// The parameters this decision uses.
pub(crate) const PARAMETERS: &[&str] = &[
    "commissionerReviewMonths",
    "persistentWindowYears",
    "highPerformingWindowYears",
    "staleAfterYears",
];

/// The rows, in order.
pub(crate) const ROWS: &[Row] = &[
    Row {
        row: 1,
        intervention: "no_inspection",
        when: no_inspection,
    },
    Row {
        row: 2,
        intervention: "statutory_direction",
        when: persistent_or_systemic,
    },
    Row {
        row: 3,
        intervention: "statutory_direction",
        when: insufficient_progress,
    },
    Row {
        row: 4,
        intervention: "improvement_notice",
        when: inadequate,
    },
    Row {
        row: 5,
        intervention: "emergency_inspection",
        when: trigger,
    },
    Row {
        row: 6,
        intervention: "improvement_notice",
        when: priority_actions,
    },
    Row {
        row: 7,
        intervention: "improvement_support",
        when: requires_improvement,
    },
    Row {
        row: 8,
        intervention: "high_performing",
        when: high_performing,
    },
    Row {
        row: 9,
        intervention: "none",
        when: otherwise,
    },
];

fn is_inadequate(f: &Facts) -> bool {
    f.grade == Some(Grade::Inadequate)
}

/// Row 1: no inspection published on or before `asOf`.
fn no_inspection<'a>(f: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    f.latest.is_none().then(|| Outcome::row(1))
}

/// Row 2: persistent or systemic failure: a statutory direction and a commissioner, whose review
/// reports in about three months, with a presumption of removal from council control [S4][S6].
fn persistent_or_systemic<'a>(f: &Facts<'a>, rs: &Ruleset) -> Option<Outcome<'a>> {
    let l = f.latest?;
    if !(is_inadequate(f) && (f.persistent || f.systemic)) {
        return None;
    }
    let from = f.commissioner_appointed.unwrap_or(l.published);
    let due = from.add_months(value(&rs.parameters.commissioner_review_months));
    Some(Outcome {
        dates: vec![("commissioner_review_due", due)],
        ..Outcome::row(2)
    })
}

/// Row 3: insufficient progress at a monitoring visit escalates a notice to a direction [S4].
fn insufficient_progress<'a>(f: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    let l = f.latest?;
    if !is_inadequate(f) {
        return None;
    }
    let visit = f.visits.iter().rev().copied().find(|v| {
        v.kind == VisitKind::Monitoring
            && v.progress == Some(Progress::Insufficient)
            && v.date > l.published
    })?;
    Some(Outcome {
        visit: Some(visit),
        ..Outcome::row(3)
    })
}

/// Row 4: inadequate: an improvement adviser and usually an improvement notice [S5].
fn inadequate<'a>(f: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    is_inadequate(f).then(|| Outcome::row(4))
}

/// Row 5: a concern after the latest report can bring an emergency inspection [S1].
fn trigger<'a>(f: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    (!f.triggers.is_empty()).then(|| Outcome::row(5))
}

/// Row 6: requires improvement with priority actions at a focused visit [S5].
fn priority_actions<'a>(f: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    let l = f.latest?;
    if f.grade != Some(Grade::RequiresImprovement) {
        return None;
    }
    let visit = f.visits.iter().rev().copied().find(|v| {
        v.kind == VisitKind::Focused && v.priority_actions == Some(true) && v.date > l.published
    })?;
    Some(Outcome {
        visit: Some(visit),
        ..Outcome::row(6)
    })
}

/// Row 7: requires improvement: support, no formal intervention [S4].
fn requires_improvement<'a>(f: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    (f.grade == Some(Grade::RequiresImprovement)).then(|| Outcome::row(7))
}

/// Row 8: high-performing councils may act as sponsors or improvement partners [S8].
fn high_performing<'a>(f: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    f.high_performing.then(|| Outcome::row(8))
}

/// Row 9: otherwise, no intervention.
fn otherwise<'a>(_: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    Some(Outcome::row(9))
}
