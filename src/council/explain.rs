//! Puts a council assessment's outcome into words from the ruleset data: the reasons, the next
//! steps and the key dates of SPEC §3.5.

use super::facts::Facts;
use super::{CouncilAssessment, Findings, InstrumentRef, Outcome, StatusInForce};
use crate::date::Date;
use crate::input::{CouncilInput, GradeFrom, Inspection};
use crate::output::{self, KeyDate, Reason, RulesetRef, Warning};
use crate::ruleset::{render, render_with, value, KeyDateWording, Ruleset, RulesetFile};
use crate::text::sentence;

/// Appends a whole number to `out`.
fn push_int(out: &mut String, n: i64) {
    use std::fmt::Write as _;
    let _ = write!(out, "{n}");
}

/// Puts the outcome into words from the ruleset data.
pub(super) fn explain(
    input: &CouncilInput,
    rules: &RulesetFile,
    rs: &Ruleset,
    f: &Facts,
    outcome: Outcome,
    warnings: Vec<Warning>,
) -> CouncilAssessment {
    let p = &rs.parameters;
    let name = input
        .council
        .as_ref()
        .and_then(|c| c.name.as_deref())
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or("the council");
    let deadline = f
        .latest
        .map(|l| l.published.add_months(value(&p.improvement_window_months)));
    let trust_since = f.trust_since;
    // The values the wording can use, each written straight into the text only where a
    // template asks for it (most use three or four of these); a value that does not apply
    // here (no latest inspection, no visit) leaves its placeholder as it is.
    let var = |key: &str, out: &mut String| -> bool {
        match key {
            "council" => out.push_str(name),
            "asOf" => f.as_of.push_to(out),
            "persistentWindowYears" => push_int(out, value(&p.persistent_window_years)),
            "highPerformingWindowYears" => push_int(out, value(&p.high_performing_window_years)),
            "improvementWindowMonths" => push_int(out, value(&p.improvement_window_months)),
            "highPerformingSince" => f.high_performing_since.push_to(out),
            "triggerCount" => push_int(out, f.triggers.len() as i64),
            "triggers" => {
                for (i, c) in f.triggers.iter().enumerate() {
                    if i > 0 {
                        out.push_str("; ");
                    }
                    out.push_str(c.kind.words());
                    out.push_str(" on ");
                    c.date.push_to(out);
                }
            }
            "latestPublished" | "latestGrade" | "deadline" | "daysRemaining" => {
                let (Some(l), Some(deadline)) = (f.latest, deadline) else {
                    return false;
                };
                match key {
                    "latestPublished" => l.published.push_to(out),
                    "latestGrade" => out.push_str(f.grade.map_or("", |g| g.words())),
                    "deadline" => deadline.push_to(out),
                    _ => push_int(out, f.as_of.days_until(deadline)),
                }
            }
            "earlierPublished" => match f.earlier_inadequate {
                Some(e) => e.published.push_to(out),
                None => return false,
            },
            "visitDate" => match outcome.visit {
                Some(v) => v.date.push_to(out),
                None => return false,
            },
            "takeoverTarget" | "commissionerReviewDue" | "keyDate" => {
                let date_key = |kind: &str| match kind {
                    "takeover_target" => "takeoverTarget",
                    "commissioner_review_due" => "commissionerReviewDue",
                    _ => "keyDate",
                };
                match outcome.dates.iter().find(|(kind, _)| date_key(kind) == key) {
                    Some((_, date)) => date.push_to(out),
                    None => return false,
                }
            }
            "failureKind" => match (f.persistent, f.systemic, f.earlier_inadequate) {
                (true, true, Some(e)) => {
                    out.push_str(
                        "both persistent failure (also rated inadequate in the report published ",
                    );
                    e.published.push_to(out);
                    out.push_str(") and systemic failure (inadequate on every key judgement)");
                }
                (true, _, Some(e)) => {
                    out.push_str(
                        "persistent failure (also rated inadequate in the report published ",
                    );
                    e.published.push_to(out);
                    out.push(')');
                }
                _ => out.push_str("systemic failure (inadequate on every key judgement)"),
            },
            "deadlineWhen" | "takeoverTargetWhen" | "commissionerReviewWhen" => {
                let kind = match key {
                    "deadlineWhen" => "improvement_deadline",
                    "takeoverTargetWhen" => "takeover_target",
                    _ => "commissioner_review_due",
                };
                let date = match kind {
                    "improvement_deadline" => deadline,
                    _ => outcome
                        .dates
                        .iter()
                        .find(|(k, _)| *k == kind)
                        .map(|(_, d)| *d),
                };
                match (date, rules.key_dates.get(kind)) {
                    (Some(date), Some(words)) => out.push_str(&when(words, f.as_of, date)),
                    _ => return false,
                }
            }
            "noticeIssued" | "directionIssued" | "commissionerAppointed" | "adviserAppointed" => {
                let date = match key {
                    "noticeIssued" => f.notice_issued,
                    "directionIssued" => f.direction_issued,
                    "commissionerAppointed" => f.commissioner_appointed,
                    _ => f.adviser_appointed,
                };
                match date {
                    Some(d) => d.push_to(out),
                    None => return false,
                }
            }
            "instrument" | "instrumentIssued" => match outcome.instrument {
                Some((_, date)) if key == "instrumentIssued" => date.push_to(out),
                Some((which, _)) => out.push_str(instrument_words(rules, which)),
                None => return false,
            },
            "published" => match f.latest {
                Some(l) => l.published.push_to(out),
                None => return false,
            },
            "grade" => match f.grade {
                Some(g) => out.push_str(g.words()),
                None => return false,
            },
            "gradeReading" => match f.reading {
                Some(r) => out.push_str(output::reading_words(rules, r)),
                None => return false,
            },
            "overallGradeDroppedFrom" => match &p.overall_grade_dropped_from {
                Some(d) => d.value.push_to(out),
                None => return false,
            },
            "inForceFrom" => rs.in_force_from.push_to(out),
            "trustSince" => match trust_since {
                Some(t) => t.push_to(out),
                None => return false,
            },
            _ => return false,
        }
        true
    };

    // Rows are validated against the decision code, so the row is always there.
    let row = rs.row(outcome.row);
    // The row's wording for a DfE adviser in place of its commissioner, or for a status that
    // already records what it expects, where it has one.
    let recorded = row.and_then(|r| {
        let adviser = r.when_adviser.as_ref().filter(|_| outcome.adviser);
        adviser.or_else(|| r.when_recorded.as_ref().filter(|_| outcome.recorded))
    });
    let (intervention, mut title) = row.map_or_else(
        || (String::new(), String::new()),
        |r| {
            let title = recorded.and_then(|w| w.title.as_ref()).unwrap_or(&r.title);
            (r.intervention.clone(), title.clone())
        },
    );
    if let (Some(a), "statutory_direction") = (f.adviser_appointed, intervention.as_str()) {
        // SPEC §3.7: an adviser in place of the commissioner; the headline must not name one.
        let words = &rules.status_events.adviser_title.text;
        title = render(words, &[("adviserAppointed", a.text())]);
    }
    if let Some(t) = trust_since {
        // SPEC §3.7, issue 23: a council whose services a trust runs is never headlined as if
        // nothing applied without saying so.
        let words = &rules.status_events.trust_title.text;
        title = render(words, &[("title", title), ("trustSince", t.text())]);
    }
    let mut reasons = Vec::new();
    // A deadline that ran out before the ruleset came into force is said so (SPEC §3.2 row 5
    // for a report published before December 2015), where the data words it.
    let before_in_force = deadline.is_some_and(|d| d < rs.in_force_from);
    // The row's key date, when it has passed: the next steps are what fits after it.
    let passed = outcome.dates.iter().any(|(_, d)| *d < f.as_of);
    if let Some(r) = row {
        let template = match &r.text_before_in_force {
            Some(t)
                if before_in_force
                    && outcome.dates.iter().any(|(k, _)| *k == "takeover_target") =>
            {
                t
            }
            _ => recorded.and_then(|w| w.text.as_ref()).unwrap_or(&r.text),
        };
        let mut text = sentence(render_with(template, &var));
        if f.reading.is_some() {
            text.push(' ');
            text.push_str(&sentence(render_with(
                &rules.grade_reading.reason_note,
                &var,
            )));
        }
        let in_force = &rules.status_events.in_force;
        if f.adviser_appointed.is_some() {
            text.push(' ');
            text.push_str(&sentence(render_with(&in_force.adviser.text, &var)));
        } else if f.commissioner_appointed.is_some() && f.status.is_some() {
            text.push(' ');
            text.push_str(&sentence(render_with(&in_force.commissioner.text, &var)));
        }
        if trust_since.is_some() {
            text.push(' ');
            text.push_str(&sentence(render_with(&rules.definitions.trust.text, &var)));
        }
        let source = recorded
            .and_then(|w| w.source.as_deref())
            .unwrap_or(&r.source);
        reasons.push(Reason {
            rule: super::rule_id(rs, r.row),
            text,
            source: output::source_ref(rules, source),
        });
    }
    let defs = &rules.definitions;
    if f.persistent {
        reasons.push(output::reason(
            rules,
            "definition/persistent",
            &defs.persistent,
            &var,
        ));
    }
    if f.systemic {
        reasons.push(output::reason(
            rules,
            "definition/systemic",
            &defs.systemic,
            &var,
        ));
    }
    if row.is_some_and(|r| r.intervention == "high_performing") {
        reasons.push(output::reason(
            rules,
            "definition/high_performing",
            &defs.high_performing,
            &var,
        ));
    }
    let next_steps = row
        .map(|r| {
            let steps = match (&r.next_steps_passed, recorded) {
                (_, Some(w)) => &w.next_steps,
                (Some(after), None) if passed => after,
                _ => &r.next_steps,
            };
            steps
                .iter()
                .map(|s| sentence(render_with(s, &var)))
                .collect()
        })
        .unwrap_or_default();
    let dates = outcome
        .dates
        .iter()
        .map(|(kind, date)| KeyDate {
            kind: (*kind).to_string(),
            date: *date,
            days_from_as_of: f.as_of.days_until(*date),
        })
        .collect();
    let latest_inspection = f.latest.map(|l| Inspection {
        framework: Some(l.framework_or_inferred()),
        ..l.clone()
    });
    CouncilAssessment {
        ruleset: RulesetRef::of(rs, input.ruleset.is_some()),
        as_of: f.as_of,
        council: input.council.clone(),
        status: input.status.clone(),
        status_in_force: f.status.as_ref().map(StatusInForce::of),
        in_intervention: super::in_intervention(&intervention),
        windows: super::windows::windows(f, rs, &intervention),
        intervention,
        intervention_title: title,
        latest_inspection,
        findings: Findings {
            persistent: f.persistent,
            systemic: f.systemic,
            high_performing: f.high_performing,
            triggers: f.triggers.iter().map(|c| (*c).clone()).collect(),
            earlier_inadequate: f.earlier_inadequate.cloned(),
            visit: outcome.visit.cloned(),
            grade: f.grade,
            grade_from: f.grade.map(|_| {
                if f.reading.is_some() {
                    GradeFrom::Judgements
                } else {
                    GradeFrom::Overall
                }
            }),
            instrument: outcome.instrument.map(|(which, issued)| InstrumentRef {
                kind: if which == "directionIssued" {
                    "statutory_direction"
                } else {
                    "improvement_notice"
                },
                issued,
            }),
        },
        dates,
        reasons,
        next_steps,
        warnings,
        outlook: Vec::new(),
        persistent_until: None,
    }
}

/// A key date as it stands from `as_of`: in the future, today or past, in the data's words.
fn when(words: &KeyDateWording, as_of: Date, date: Date) -> String {
    let days = as_of.days_until(date);
    let template = match days {
        d if d > 0 => &words.future,
        0 => &words.today,
        _ => &words.past,
    };
    let n = days.unsigned_abs();
    let days = if n == 1 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    };
    render(template, &[("date", date.text()), ("days", days)])
}

/// The words for a council's own notice or direction.
fn instrument_words<'r>(rules: &'r RulesetFile, which: &str) -> &'r str {
    let w = &rules.instruments;
    if which == "directionIssued" {
        &w.direction_issued
    } else {
        &w.improvement_notice_issued
    }
}
