//! SPEC §3.2: the December 2015 announcement [S1][S2]. The first row that matches wins; each
//! row is one function, its source beside it. Wording lives in `rulesets/rulesets.json`.

use super::facts::Facts;
use super::{Outcome, Row};
use crate::input::{Grade, Progress, VisitKind};
use crate::output::{Intervention as I, KeyDateKind};
use crate::ruleset::{value, Ruleset};

/// The parameters this decision uses.
pub(crate) const PARAMETERS: &[&str] = &[
    "improvementWindowMonths",
    "takeoverTargetMonths",
    "persistentWindowYears",
    "highPerformingWindowYears",
    "staleAfterYears",
    "overallGradeDroppedFrom",
];

/// The rows, in order.
#[rustfmt::skip]
pub(crate) const ROWS: &[Row] = &[
    Row { row: 1, intervention: I::NoInspection, when: no_inspection },
    Row { row: 2, intervention: I::ImmediateTakeover, when: persistent_failure },
    Row { row: 3, intervention: I::Monitoring, when: significant_progress },
    Row { row: 4, intervention: I::ImprovementWindow, when: within_six_months },
    Row { row: 5, intervention: I::Commissioner, when: six_months_passed },
    Row { row: 6, intervention: I::EmergencyInspection, when: trigger },
    Row { row: 7, intervention: I::ImprovementSupport, when: requires_improvement },
    Row { row: 8, intervention: I::HighPerforming, when: high_performing },
    Row { row: 9, intervention: I::None, when: otherwise },
];

/// The improvement deadline: six calendar months from publication [S1].
fn deadline(f: &Facts, rs: &Ruleset) -> Option<crate::date::Date> {
    let l = f.latest?;
    Some(
        l.published
            .add_months(value(&rs.parameters.improvement_window_months)),
    )
}

fn inadequate(f: &Facts) -> bool {
    f.grade == Some(Grade::Inadequate)
}

/// Row 1: no inspection published on or before `asOf`.
fn no_inspection<'a>(f: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    f.latest.is_none().then(|| Outcome::row(1))
}

/// Row 2: persistent failure is taken over immediately [S1; definition S3].
fn persistent_failure<'a>(f: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    (inadequate(f) && f.persistent).then(|| Outcome::row(2))
}

/// Row 3: a monitoring visit within the six months found significant improvement [S1].
fn significant_progress<'a>(f: &Facts<'a>, rs: &Ruleset) -> Option<Outcome<'a>> {
    let (l, deadline) = (f.latest?, deadline(f, rs)?);
    if !inadequate(f) {
        return None;
    }
    let visit = f.visits.iter().rev().copied().find(|v| {
        v.kind == VisitKind::Monitoring
            && v.progress == Some(Progress::Significant)
            && v.date > l.published
            && v.date <= deadline
    })?;
    Some(Outcome {
        visit: Some(visit),
        ..Outcome::row(3)
    })
}

/// Row 4: six months from the inspection to show significant improvement [S1].
fn within_six_months<'a>(f: &Facts<'a>, rs: &Ruleset) -> Option<Outcome<'a>> {
    let deadline = deadline(f, rs)?;
    (inadequate(f) && f.as_of <= deadline).then(|| Outcome {
        dates: vec![(KeyDateKind::ImprovementDeadline, deadline)],
        ..Outcome::row(4)
    })
}

/// Row 5: no significant improvement in six months: a commissioner, with a view to a takeover
/// within a year [S1].
fn six_months_passed<'a>(f: &Facts<'a>, rs: &Ruleset) -> Option<Outcome<'a>> {
    let deadline = deadline(f, rs)?;
    if !inadequate(f) {
        return None;
    }
    let from = f.commissioner_appointed.unwrap_or(deadline);
    let target = from.add_months(value(&rs.parameters.takeover_target_months));
    Some(Outcome {
        dates: vec![(KeyDateKind::TakeoverTarget, target)],
        ..Outcome::row(5)
    })
}

/// Row 6: sharper triggers: a concern after the latest report can bring an emergency
/// inspection [S1].
fn trigger<'a>(f: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    (!f.triggers.is_empty()).then(|| Outcome::row(6))
}

/// Row 7: requires improvement [S1].
fn requires_improvement<'a>(f: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    (f.grade == Some(Grade::RequiresImprovement)).then(|| Outcome::row(7))
}

/// Row 8: high-performing councils may act as sponsors [S1; definition S8].
fn high_performing<'a>(f: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    f.high_performing.then(|| Outcome::row(8))
}

/// Row 9: otherwise, no intervention.
fn otherwise<'a>(_: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    Some(Outcome::row(9))
}
