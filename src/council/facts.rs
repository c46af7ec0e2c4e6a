//! The facts of SPEC §3.4 for one history on one date, gathered once and shared by every
//! decision function: the latest inspection and its grade, persistent and systemic failure,
//! high performance, the visits, the concerns and the council's own notice or direction.

use crate::date::Date;
use crate::input::{Concern, CouncilInput, Grade, Inspection, Reading, Visit, VisitKind};
use crate::output::WarningCode;
use crate::output::{self, Warning};
use crate::ruleset::{value, IgnoredItems, Ruleset, RulesetFile};

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
    /// Since when a trust has run the services.
    pub trust_since: Option<Date>,
    /// Since when a DfE improvement adviser has been in place of a commissioner (SPEC §3.7).
    pub adviser_appointed: Option<Date>,
    /// The status worked out from `status.events` (SPEC §3.7), when given that way.
    pub status: Option<super::status::Worked<'a>>,
    /// The latest report rated inadequate, published on or before `asOf` (SPEC §3.9).
    pub latest_inadequate: Option<&'a Inspection>,
}

/// Where the warnings go: nowhere for the engine's own hypothetical runs (SPEC §3.6, §3.9),
/// which need the row that fires and not its words.
pub(crate) struct Warn<'w>(pub Option<&'w mut Vec<Warning>>);

impl Warn<'_> {
    /// Adds the warning `w` makes, when warnings are kept (it is not even worded otherwise).
    pub fn push(&mut self, w: impl FnOnce() -> Warning) {
        if let Some(out) = self.0.as_mut() {
            out.push(w());
        }
    }
}

/// What the engine supposes for its own hypothetical runs, on a modified input, with the same
/// rules: nothing (the answer itself), one more report, or the latest report read as a grade.
#[derive(Clone, Copy)]
pub(crate) enum Suppose<'a> {
    Nothing,
    /// Another report, published on `asOf` (SPEC §3.9).
    NextReport(&'a Inspection),
    /// The latest report read as this grade (SPEC §3.6's leadership warning).
    LatestAs(Grade),
    /// The record read as on the date assessed, in place of the input's own `asOf` (a picture of
    /// many councils over time).
    OnDate,
}

fn is(i: &Inspection, g: Grade) -> bool {
    i.grade() == Some(g)
}

/// What the input records on or before its own `asOf`, in date order, and what it records
/// after (each item's date and the data's word for it), which is ignored.
struct Recorded<'a> {
    inspections: Vec<&'a Inspection>,
    visits: Vec<&'a Visit>,
    concerns: Vec<&'a Concern>,
    notice_issued: Option<Date>,
    direction_issued: Option<Date>,
    ignored: Vec<(Date, &'a str)>,
}

/// Splits what the input records at its own `asOf` (what a hypothetical run assessing on the
/// day after reads too: SPEC §3.9), adding the report a run supposes.
fn recorded<'a>(
    input: &'a CouncilInput,
    cut: Date,
    suppose: Suppose<'a>,
    words: &'a IgnoredItems,
) -> Recorded<'a> {
    let mut ignored: Vec<(Date, &str)> = Vec::new();
    let mut inspections: Vec<&Inspection> = Vec::with_capacity(input.inspections.len() + 1);
    for i in &input.inspections {
        if i.published <= cut {
            inspections.push(i);
        } else {
            ignored.push((i.published, &words.inspection));
        }
    }
    if let Suppose::NextReport(next) = suppose {
        inspections.push(next);
    }
    crate::order::sort_by_key(&mut inspections, |i| i.published);
    let mut visits: Vec<&Visit> = Vec::with_capacity(input.visits.len());
    for v in &input.visits {
        if v.date <= cut {
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
    crate::order::sort(&mut visits);
    let mut concerns: Vec<&Concern> = Vec::with_capacity(input.concerns.len());
    for c in &input.concerns {
        if c.date <= cut {
            concerns.push(c);
        } else {
            ignored.push((c.date, &words.concern));
        }
    }
    crate::order::sort(&mut concerns);
    let status = input.status.as_ref();
    let mut instrument = |date: Option<Date>, word: &'a str| match date {
        Some(d) if d > cut => {
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
    Recorded {
        inspections,
        visits,
        concerns,
        notice_issued,
        direction_issued,
        ignored,
    }
}

/// The council's own decisions' dates: from its dated public decisions when it gives them
/// (SPEC §3.7: the same four dates, and an adviser), else as the input gives them.
struct DecisionDates {
    notice_issued: Option<Date>,
    direction_issued: Option<Date>,
    commissioner_appointed: Option<Date>,
    trust_since: Option<Date>,
    adviser_appointed: Option<Date>,
}

fn decision_dates(
    input: &CouncilInput,
    worked: Option<&super::status::Worked>,
    recorded: &Recorded,
) -> DecisionDates {
    let day = |e: Option<&crate::input::StatusEvent>| e.map(|e| e.date.last_day());
    let status = input.status.as_ref();
    match worked {
        Some(w) => DecisionDates {
            notice_issued: day(w.notice),
            direction_issued: day(w.direction),
            commissioner_appointed: day(w.commissioner),
            trust_since: day(w.trust),
            adviser_appointed: day(w.adviser),
        },
        None => DecisionDates {
            notice_issued: recorded.notice_issued,
            direction_issued: recorded.direction_issued,
            commissioner_appointed: status.and_then(|s| s.commissioner_appointed),
            trust_since: status.and_then(|s| s.trust_since),
            adviser_appointed: None,
        },
    }
}

/// A warning for each item dated after `asOf`, in date order.
fn warn_ignored(rules: &RulesetFile, as_of: Date, mut ignored: Vec<(Date, &str)>, warn: &mut Warn) {
    crate::order::sort(&mut ignored);
    for (date, item) in ignored {
        warn.push(|| {
            output::warning(
                rules,
                WarningCode::IgnoredAfterAsOf,
                &[
                    ("item", item.to_string()),
                    ("date", date.text()),
                    ("asOf", as_of.text()),
                ],
            )
        });
    }
}

/// The latest report's grade (or the grade a run supposes) and, when it has no overall grade,
/// how it was read from its key judgements (SPEC §3.6), with a warning saying so.
fn latest_grade(
    latest: Option<&Inspection>,
    suppose: Suppose,
    rs: &Ruleset,
    rules: &RulesetFile,
    warn: &mut Warn,
) -> (Option<Grade>, Option<Reading>) {
    let supposed = match suppose {
        Suppose::LatestAs(g) => Some(g),
        _ => None,
    };
    let grade = supposed.or_else(|| latest.and_then(Inspection::grade));
    let reading = latest
        .and_then(Inspection::reading)
        .filter(|_| supposed.is_none());
    if let (Some(l), Some(r)) = (latest, reading) {
        warn.push(|| {
            output::warning(
                rules,
                WarningCode::OverallReadFromJudgements,
                &[
                    ("published", l.published.text()),
                    ("grade", rules.grades.of(r.grade()).to_string()),
                    ("gradeReading", output::reading_words(rules, r).to_string()),
                    (
                        "overallGradeDroppedFrom",
                        rs.parameters
                            .overall_grade_dropped_from
                            .as_ref()
                            .map_or_else(String::new, |d| d.value.text()),
                    ),
                ],
            )
        });
    }
    (grade, reading)
}

/// Systemic failure: the latest report inadequate on every key judgement it gives; `None`
/// when it gives none (it cannot be assessed, and a warning says so for an inadequate one).
fn systemic(
    latest: Option<&Inspection>,
    inadequate: bool,
    rules: &RulesetFile,
    warn: &mut Warn,
) -> bool {
    let (systemic, assessed) = match latest.and_then(|l| l.judgements.as_ref()) {
        Some(j) if j.given().next().is_some() => (
            inadequate && j.given().all(|g| g == Grade::Inadequate),
            true,
        ),
        _ => (false, false),
    };
    if let (Some(l), true, false) = (latest, inadequate, assessed) {
        warn.push(|| {
            output::warning(
                rules,
                WarningCode::SystemicNotAssessed,
                &[("latestPublished", l.published.text())],
            )
        });
    }
    systemic
}

/// A warning when the latest report is older than the ruleset's `staleAfterYears`.
fn warn_if_stale(
    latest: Option<&Inspection>,
    as_of: Date,
    rs: &Ruleset,
    rules: &RulesetFile,
    warn: &mut Warn,
) {
    let p = &rs.parameters;
    if let Some(l) = latest {
        if l.published < as_of.add_years(-value(&p.stale_after_years)) {
            warn.push(|| {
                output::warning(
                    rules,
                    WarningCode::StaleInspection,
                    &[
                        ("latestPublished", l.published.text()),
                        ("staleAfterYears", value(&p.stale_after_years).to_string()),
                        ("asOf", as_of.text()),
                    ],
                )
            });
        }
    }
}

/// Gathers the facts of SPEC §3.4, ignoring (with a warning each) what is dated after `asOf`.
pub(crate) fn gather<'a>(
    input: &'a CouncilInput,
    as_of: Date,
    suppose: Suppose<'a>,
    rs: &Ruleset,
    rules: &'a RulesetFile,
    mut warn: Warn,
) -> Facts<'a> {
    let p = &rs.parameters;
    // What the input records is read as on its own `asOf`, even when a hypothetical run
    // assesses on the day after (SPEC §3.9).
    let cut = match suppose {
        Suppose::OnDate => as_of,
        _ => input.as_of,
    };
    let mut rec = recorded(input, cut, suppose, &rules.ignored_items);
    let inspections = std::mem::take(&mut rec.inspections);
    let latest = inspections.last().copied();
    if latest.is_none() {
        warn.push(|| output::warning(rules, WarningCode::NoInspection, &[("asOf", as_of.text())]));
    }
    warn_ignored(rules, as_of, std::mem::take(&mut rec.ignored), &mut warn);
    // SPEC §3.7: the status from dated decisions gives the same four dates.
    let worked = input
        .status
        .as_ref()
        .and_then(|s| s.events.as_deref())
        .map(|events| super::status::work_out(events, cut, &inspections, rules, &mut warn));
    let dates = decision_dates(input, worked.as_ref(), &rec);
    let (grade, reading) = latest_grade(latest, suppose, rs, rules, &mut warn);
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
    let systemic = systemic(latest, inadequate, rules, &mut warn);
    let latest_inadequate = match (latest, inadequate) {
        (Some(l), true) => Some(l),
        _ => inspections
            .iter()
            .rev()
            .copied()
            .find(|i| is(i, Grade::Inadequate)),
    };
    let high_performing_since = as_of.add_years(-value(&p.high_performing_window_years));
    let high_performing = grade.is_some_and(Grade::is_good_or_better)
        && !inspections
            .iter()
            .any(|i| i.published >= high_performing_since && is(i, Grade::Inadequate));
    warn_if_stale(latest, as_of, rs, rules, &mut warn);
    let triggers = match latest {
        Some(l) => rec
            .concerns
            .into_iter()
            .filter(|c| c.date > l.published)
            .collect(),
        None => rec.concerns,
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
        visits: rec.visits,
        triggers,
        commissioner_appointed: dates.commissioner_appointed,
        notice_issued: dates.notice_issued,
        direction_issued: dates.direction_issued,
        trust_since: dates.trust_since,
        adviser_appointed: dates.adviser_appointed,
        status: worked,
        latest_inadequate,
    }
}
