//! SPEC §3.3: the intervention protocol operated from July 2016 [S4][S5][S6]. The first row
//! that matches wins; each row is one function, its source beside it. Wording lives in
//! `rulesets/rulesets.json`.

use super::facts::Facts;
use super::{Outcome, Row};
use crate::input::{Grade, Progress, VisitKind};
use crate::output::{Intervention as I, KeyDateKind};
use crate::ruleset::{value, Ruleset};

/// The parameters this decision uses.
pub(crate) const PARAMETERS: &[&str] = &[
    "commissionerReviewMonths",
    "persistentWindowYears",
    "highPerformingWindowYears",
    "staleAfterYears",
    "overallGradeDroppedFrom",
];

/// The rows, in order.
#[rustfmt::skip]
pub(crate) const ROWS: &[Row] = &[
    Row { row: 1, intervention: I::NoInspection, when: no_inspection },
    Row { row: 2, intervention: I::StatutoryDirection, when: persistent_or_systemic },
    Row { row: 3, intervention: I::StatutoryDirection, when: insufficient_progress },
    Row { row: 4, intervention: I::StatutoryDirection, when: inadequate_under_notice_or_direction },
    Row { row: 5, intervention: I::ImprovementNotice, when: inadequate },
    Row { row: 6, intervention: I::EmergencyInspection, when: trigger },
    Row { row: 7, intervention: I::ImprovementNotice, when: priority_actions },
    Row { row: 8, intervention: I::InterventionLifting, when: lifting },
    Row { row: 9, intervention: I::ImprovementSupport, when: requires_improvement },
    Row { row: 10, intervention: I::HighPerforming, when: high_performing },
    Row { row: 11, intervention: I::None, when: otherwise },
];

fn is_inadequate(f: &Facts) -> bool {
    f.grade == Some(Grade::Inadequate)
}

/// Row 1: no inspection published on or before `asOf`.
fn no_inspection<'a>(f: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    f.latest.is_none().then(|| Outcome::row(1))
}

/// Row 2: persistent or systemic failure: a statutory direction and a commissioner, whose review
/// reports in about three months, with a presumption of removal from council control [S4][S6];
/// no review where a DfE adviser is in place of the commissioner [S15].
fn persistent_or_systemic<'a>(f: &Facts<'a>, rs: &Ruleset) -> Option<Outcome<'a>> {
    let l = f.latest?;
    if !(is_inadequate(f) && (f.persistent || f.systemic)) {
        return None;
    }
    // SPEC §3.7: under a direction with a DfE adviser in place of the commissioner (Halton,
    // February 2025) there is no commissioner, so no commissioner's review.
    let adviser = f.direction_issued.is_some() && f.adviser_appointed.is_some();
    let from = f.commissioner_appointed.unwrap_or(l.published);
    let due = from.add_months(value(&rs.parameters.commissioner_review_months));
    Some(Outcome {
        dates: if adviser {
            Vec::new()
        } else {
            vec![(KeyDateKind::CommissionerReviewDue, due)]
        },
        recorded: f.direction_issued.is_some(),
        adviser,
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
        recorded: f.direction_issued.is_some(),
        ..Outcome::row(3)
    })
}

/// Row 4: inadequate while a direction is in force (issued on any date on or before `asOf`):
/// the direction stays [S15] (Devon 2025; Tameside, whose direction followed its report); or
/// inadequate again under an improvement notice issued on or before the report: the notice is
/// escalated to a direction [S5][S12] (Tameside, March 2024). A direction is named before a
/// notice, and `recorded` says the row's own wording for a direction in force applies.
fn inadequate_under_notice_or_direction<'a>(f: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    let l = f.latest?;
    if !is_inadequate(f) {
        return None;
    }
    if let Some(direction) = f.direction_issued {
        return Some(Outcome {
            instrument: Some(("directionIssued", direction)),
            recorded: true,
            ..Outcome::row(4)
        });
    }
    let notice = f.notice_issued.filter(|n| *n <= l.published)?;
    Some(Outcome {
        instrument: Some(("improvementNoticeIssued", notice)),
        ..Outcome::row(4)
    })
}

/// Row 5: inadequate: an improvement adviser and usually an improvement notice [S5]
/// (`recorded` when the notice that followed the report is already recorded).
fn inadequate<'a>(f: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    is_inadequate(f).then(|| Outcome {
        recorded: f.notice_issued.is_some(),
        ..Outcome::row(5)
    })
}

/// Row 6: a concern after the latest report can bring an emergency inspection [S1].
fn trigger<'a>(f: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    (!f.triggers.is_empty()).then(|| Outcome::row(6))
}

/// Row 7: requires improvement with priority actions at a focused visit [S5].
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
        ..Outcome::row(7)
    })
}

/// Row 8: a notice or direction issued on or before a report that found the services require
/// improvement or better is normally lifted [S12] (Kirklees 2020, Reading 2021, Gloucestershire
/// 2022). A direction is named before a notice.
fn lifting<'a>(f: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    let l = f.latest?;
    if f.grade.is_none() || is_inadequate(f) {
        return None;
    }
    let before = |d: Option<crate::date::Date>| d.filter(|d| *d <= l.published);
    let instrument = before(f.direction_issued)
        .map(|d| ("directionIssued", d))
        .or_else(|| before(f.notice_issued).map(|d| ("improvementNoticeIssued", d)))?;
    Some(Outcome {
        instrument: Some(instrument),
        ..Outcome::row(8)
    })
}

/// Row 9: requires improvement: support, no formal intervention [S4].
fn requires_improvement<'a>(f: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    (f.grade == Some(Grade::RequiresImprovement)).then(|| Outcome::row(9))
}

/// Row 10: high-performing councils may act as sponsors or improvement partners [S8].
fn high_performing<'a>(f: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    f.high_performing.then(|| Outcome::row(10))
}

/// Row 11: otherwise, no intervention.
fn otherwise<'a>(_: &Facts<'a>, _: &Ruleset) -> Option<Outcome<'a>> {
    Some(Outcome::row(11))
}
