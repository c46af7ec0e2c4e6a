//! The facts of SPEC §3.4 for one history on one date, gathered once and shared by every
//! decision function: the latest inspection and its grade, persistent and systemic failure,
//! high performance, the visits, the concerns and the council's own notice or direction.

use crate::date::Date;
use crate::input::{Concern, CouncilInput, Grade, Inspection, Reading, Visit, VisitKind};
use crate::output::{self, Warning};
use crate::ruleset::{value, Ruleset, RulesetFile};

/// The facts of one history on one date, shared by every decision function.
pub(crate) struct Facts<'a> {
    pub as_of: Date,
    pub latest: Option<&'a Inspection>,
    /// The grade of the latest inspection (SPEC §3.4).
    pub grade: Option<Grade>,
    /// How the latest inspection's grade was read from its key judgements, when it has no
    /// overall grade (SPEC §3.6).
    pub reading: Option<Reading>,
    pub earlier_inadequate: Option<&'a Inspection>,
    pub persistent: bool,
    pub systemic: bool,
    pub high_performing: bool,
    pub high_performing_since: Date,
    pub visits: Vec<&'a Visit>,
    pub triggers: Vec<&'a Concern>,
    pub commissioner_appointed: Option<Date>,
    /// The council's current improvement notice, if issued on or before `asOf`.
    pub notice_issued: Option<Date>,
    /// The council's current statutory direction, if issued on or before `asOf`.
    pub direction_issued: Option<Date>,
}

fn is(i: &Inspection, g: Grade) -> bool {
    i.grade() == Some(g)
}

/// Gathers the facts of SPEC §3.4, ignoring (with a warning each) what is dated after `asOf`.
pub(crate) fn gather<'a>(
    input: &'a CouncilInput,
    rs: &Ruleset,
    rules: &'a RulesetFile,
    warnings: &mut Vec<Warning>,
) -> Facts<'a> {
    let as_of = input.as_of;
    let p = &rs.parameters;
    let words = &rules.ignored_items;
    let mut ignored: Vec<(Date, &str)> = Vec::new();

    let mut inspections: Vec<&Inspection> = Vec::with_capacity(input.inspections.len());
    for i in &input.inspections {
        if i.published <= as_of {
            inspections.push(i);
        } else {
            ignored.push((i.published, &words.inspection));
        }
    }
    inspections.sort_by_key(|i| i.published);
    let mut visits: Vec<&Visit> = Vec::with_capacity(input.visits.len());
    for v in &input.visits {
        if v.date <= as_of {
            visits.push(v);
        } else {
            ignored.push((
                v.date,
                match v.kind {
                    VisitKind::Monitoring => &words.monitoring_visit,
                    VisitKind::Focused => &words.focused_visit,
                },
            ));
        }
    }
    visits.sort();
    let mut concerns: Vec<&Concern> = Vec::with_capacity(input.concerns.len());
    for c in &input.concerns {
        if c.date <= as_of {
            concerns.push(c);
        } else {
            ignored.push((c.date, &words.concern));
        }
    }
    concerns.sort();
    let status = input.status.as_ref();
    let mut instrument = |date: Option<Date>, word: &'a str| match date {
        Some(d) if d > as_of => {
            ignored.push((d, word));
            None
        }
        d => d,
    };
    let notice_issued = instrument(
        status.and_then(|s| s.improvement_notice_issued),
        &words.improvement_notice_issued,
    );
    let direction_issued = instrument(
        status.and_then(|s| s.direction_issued),
        &words.direction_issued,
    );

    let latest = inspections.last().copied();
    if latest.is_none() {
        warnings.push(output::warning(
            rules,
            "no_inspection",
            &[("asOf", as_of.text())],
        ));
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
    let grade = latest.and_then(Inspection::grade);
    let reading = latest.and_then(Inspection::reading);
    if let (Some(l), Some(r)) = (latest, reading) {
        warnings.push(output::warning(
            rules,
            "overall_read_from_judgements",
            &[
                ("published", l.published.text()),
                ("grade", r.grade().words().to_string()),
                ("gradeReading", output::reading_words(rules, r).to_string()),
                (
                    "overallGradeDroppedFrom",
                    p.overall_grade_dropped_from
                        .as_ref()
                        .map_or_else(String::new, |d| d.value.text()),
                ),
            ],
        ));
    }

    let inadequate = grade == Some(Grade::Inadequate);
    let earlier_inadequate = match latest {
        Some(l) if inadequate => {
            let since = l.published.add_years(-value(&p.persistent_window_years));
            inspections.iter().rev().copied().find(|i| {
                i.published < l.published && i.published >= since && is(i, Grade::Inadequate)
            })
        }
        _ => None,
    };
    let (systemic, assessed) = match latest.and_then(|l| l.judgements.as_ref()) {
        Some(j) if j.given().next().is_some() => (
            inadequate && j.given().all(|g| g == Grade::Inadequate),
            true,
        ),
        _ => (false, false),
    };
    if let (Some(l), true, false) = (latest, inadequate, assessed) {
        warnings.push(output::warning(
            rules,
            "systemic_not_assessed",
            &[("latestPublished", l.published.text())],
        ));
    }
    let high_performing_since = as_of.add_years(-value(&p.high_performing_window_years));
    let high_performing = grade.is_some_and(Grade::is_good_or_better)
        && !inspections
            .iter()
            .any(|i| i.published >= high_performing_since && is(i, Grade::Inadequate));
    if let Some(l) = latest {
        if l.published < as_of.add_years(-value(&p.stale_after_years)) {
            warnings.push(output::warning(
                rules,
                "stale_inspection",
                &[
                    ("latestPublished", l.published.text()),
                    ("staleAfterYears", value(&p.stale_after_years).to_string()),
                    ("asOf", as_of.text()),
                ],
            ));
        }
    }
    let triggers = match latest {
        Some(l) => concerns
            .into_iter()
            .filter(|c| c.date > l.published)
            .collect(),
        None => concerns,
    };
    Facts {
        as_of,
        latest,
        grade,
        reading,
        earlier_inadequate,
        persistent: earlier_inadequate.is_some(),
        systemic,
        high_performing,
        high_performing_since,
        visits,
        triggers,
        commissioner_appointed: status.and_then(|s| s.commissioner_appointed),
        notice_issued,
        direction_issued,
    }
}
