//! Puts a council assessment's outcome into words from the ruleset data: the reasons, the next
//! steps and the key dates of SPEC §3.5.

use super::facts::Facts;
use super::{CouncilAssessment, Findings, InstrumentRef, Outcome, StatusInForce};
use crate::date::Date;
use crate::input::{CouncilInput, GradeFrom, Inspection};
use crate::output::{
    self, Intervention, KeyDate, KeyDateKind, Reason, RowRef, RulesetRef, Warning,
};
use crate::ruleset::{
    render, render_with, value, KeyDateWording, Parameters, Row, RowWhenRecorded, Ruleset,
    RulesetFile,
};
use crate::text::sentence;

/// Appends a whole number to `out`.
fn push_int(out: &mut String, n: i64) {
    use std::fmt::Write as _;
    let _ = write!(out, "{n}");
}

/// The values the wording can use, each written straight into the text only where a template
/// asks for it (most use three or four of these); a value that does not apply here (no latest
/// inspection, no visit) leaves its placeholder as it is.
struct Values<'a> {
    /// The council's name as given, or "the council".
    name: &'a str,
    f: &'a Facts<'a>,
    p: &'a Parameters,
    rs: &'a Ruleset,
    rules: &'a RulesetFile,
    outcome: &'a Outcome<'a>,
    /// The end of the improvement window after the latest report.
    deadline: Option<Date>,
}

impl Values<'_> {
    /// Writes the value named `key` into `out`; false when there is none here.
    fn write(&self, key: &str, out: &mut String) -> bool {
        let (f, p) = (self.f, self.p);
        match key {
            "council" => out.push_str(self.name),
            "asOf" => f.as_of.push_to(out),
            "persistentWindowYears" => push_int(out, value(&p.persistent_window_years)),
            "highPerformingWindowYears" => push_int(out, value(&p.high_performing_window_years)),
            "improvementWindowMonths" => push_int(out, value(&p.improvement_window_months)),
            "highPerformingSince" => f.high_performing_since.push_to(out),
            "triggerCount" => push_int(out, f.triggers.len() as i64),
            "triggers" => self.triggers(out),
            "latestPublished" | "latestGrade" | "deadline" | "daysRemaining" => {
                return self.latest(key, out)
            }
            "earlierPublished" => return push_date(f.earlier_inadequate.map(|e| e.published), out),
            "visitDate" => return push_date(self.outcome.visit.map(|v| v.date), out),
            "takeoverTarget" | "commissionerReviewDue" | "keyDate" => {
                return self.key_date(key, out)
            }
            "failureKind" => self.failure_kind(out),
            "deadlineWhen" | "takeoverTargetWhen" | "commissionerReviewWhen" => {
                return self.when(key, out)
            }
            "noticeIssued" => return push_date(f.notice_issued, out),
            "directionIssued" => return push_date(f.direction_issued, out),
            "commissionerAppointed" => return push_date(f.commissioner_appointed, out),
            "adviserAppointed" => return push_date(f.adviser_appointed, out),
            "instrument" | "instrumentIssued" => match self.outcome.instrument {
                Some((_, date)) if key == "instrumentIssued" => date.push_to(out),
                Some((which, _)) => out.push_str(instrument_words(self.rules, which)),
                None => return false,
            },
            "published" => return push_date(f.latest.map(|l| l.published), out),
            "grade" => match f.grade {
                Some(g) => out.push_str(self.rules.grades.of(g)),
                None => return false,
            },
            "gradeReading" => match f.reading {
                Some(r) => out.push_str(output::reading_words(self.rules, r)),
                None => return false,
            },
            "overallGradeDroppedFrom" => {
                return push_date(p.overall_grade_dropped_from.as_ref().map(|d| d.value), out)
            }
            "inForceFrom" => self.rs.in_force_from.push_to(out),
            "trustSince" => return push_date(f.trust_since, out),
            _ => return false,
        }
        true
    }

    /// The concerns that trigger an emergency inspection: "kind on date; kind on date".
    fn triggers(&self, out: &mut String) {
        for (i, c) in self.f.triggers.iter().enumerate() {
            if i > 0 {
                out.push_str("; ");
            }
            out.push_str(c.kind.words());
            out.push_str(" on ");
            c.date.push_to(out);
        }
    }

    /// The latest report's date and grade, and the improvement deadline after it.
    fn latest(&self, key: &str, out: &mut String) -> bool {
        let (Some(l), Some(deadline)) = (self.f.latest, self.deadline) else {
            return false;
        };
        match key {
            "latestPublished" => l.published.push_to(out),
            "latestGrade" => out.push_str(self.f.grade.map_or("", |g| self.rules.grades.of(g))),
            "deadline" => deadline.push_to(out),
            _ => push_int(out, self.f.as_of.days_until(deadline)),
        }
        true
    }

    /// The outcome's takeover target, commissioner's review or other key date.
    fn key_date(&self, key: &str, out: &mut String) -> bool {
        let date_key = |kind: &KeyDateKind| match kind {
            KeyDateKind::TakeoverTarget => "takeoverTarget",
            KeyDateKind::CommissionerReviewDue => "commissionerReviewDue",
            KeyDateKind::ImprovementDeadline => "keyDate",
        };
        let date = self
            .outcome
            .dates
            .iter()
            .find(|(kind, _)| date_key(kind) == key);
        push_date(date.map(|(_, d)| *d), out)
    }

    /// Which failure makes the takeover immediate: persistent, systemic or both.
    fn failure_kind(&self, out: &mut String) {
        let f = self.f;
        match (f.persistent, f.systemic, f.earlier_inadequate) {
            (true, true, Some(e)) => {
                out.push_str(
                    "both persistent failure (also rated inadequate in the report published ",
                );
                e.published.push_to(out);
                out.push_str(") and systemic failure (inadequate on every key judgement)");
            }
            (true, _, Some(e)) => {
                out.push_str("persistent failure (also rated inadequate in the report published ");
                e.published.push_to(out);
                out.push(')');
            }
            _ => out.push_str("systemic failure (inadequate on every key judgement)"),
        }
    }

    /// A key date as it stands from the date checked ("in 3 days", "was due on …").
    fn when(&self, key: &str, out: &mut String) -> bool {
        let kind = match key {
            "deadlineWhen" => KeyDateKind::ImprovementDeadline,
            "takeoverTargetWhen" => KeyDateKind::TakeoverTarget,
            _ => KeyDateKind::CommissionerReviewDue,
        };
        let date = match kind {
            KeyDateKind::ImprovementDeadline => self.deadline,
            _ => self
                .outcome
                .dates
                .iter()
                .find(|(k, _)| *k == kind)
                .map(|(_, d)| *d),
        };
        match date {
            Some(date) => out.push_str(&when(self.rules.key_dates.of(kind), self.f.as_of, date)),
            None => return false,
        }
        true
    }
}

/// Writes `date` into `out`; false when there is none.
fn push_date(date: Option<Date>, out: &mut String) -> bool {
    match date {
        Some(d) => {
            d.push_to(out);
            true
        }
        None => false,
    }
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
    let values = Values {
        name,
        f,
        p,
        rs,
        rules,
        outcome: &outcome,
        deadline,
    };
    let var = |key: &str, out: &mut String| values.write(key, out);

    // Rows are validated against the decision code, so the row is always there.
    let row = rs.row(outcome.row);
    // The row's wording for a DfE adviser in place of its commissioner, or for a status that
    // already records what it expects, where it has one.
    let recorded = row.and_then(|r| {
        let adviser = r.when_adviser.as_ref().filter(|_| outcome.adviser);
        adviser.or_else(|| r.when_recorded.as_ref().filter(|_| outcome.recorded))
    });
    let (intervention, title) = headline(rules, f, row, recorded);
    let mut reasons = Vec::new();
    if let Some(r) = row {
        // A deadline that ran out before the ruleset came into force is said so (SPEC §3.2
        // row 5 for a report published before December 2015), where the data words it.
        let before_in_force = deadline.is_some_and(|d| d < rs.in_force_from);
        reasons.push(row_reason(
            rules,
            rs,
            f,
            &outcome,
            r,
            recorded,
            before_in_force,
            &var,
        ));
    }
    reasons.extend(definitions(rules, f, row, &var));
    // The row's key date, when it has passed: the next steps are what fits after it.
    let passed = outcome.dates.iter().any(|(_, d)| *d < f.as_of);
    let next_steps = row
        .map(|r| next_steps(r, recorded, passed, &var))
        .unwrap_or_default();
    let dates = outcome
        .dates
        .iter()
        .map(|(kind, date)| KeyDate {
            kind: *kind,
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
        in_intervention: super::in_intervention(intervention),
        windows: super::windows::windows(f, rs, intervention),
        intervention,
        intervention_title: title,
        latest_inspection,
        findings: findings(f, &outcome),
        dates,
        reasons,
        next_steps,
        warnings,
        outlook: Vec::new(),
        persistent_until: None,
    }
}

/// The intervention the row gives and its title: the row's (or its wording for a status that
/// records it), saying so when an adviser stands in for the commissioner or a trust runs the
/// council's services (SPEC §3.7).
fn headline(
    rules: &RulesetFile,
    f: &Facts,
    row: Option<&Row>,
    recorded: Option<&RowWhenRecorded>,
) -> (Intervention, String) {
    let (intervention, mut title) = row.map_or_else(
        || (Intervention::None, String::new()),
        |r| {
            let title = recorded.and_then(|w| w.title.as_ref()).unwrap_or(&r.title);
            (r.intervention, title.to_string())
        },
    );
    if let (Some(a), Intervention::StatutoryDirection) = (f.adviser_appointed, intervention) {
        // An adviser in place of the commissioner; the headline must not name one.
        let words = &rules.status_events.adviser_title.text;
        title = render(words, &[("adviserAppointed", a.text())]);
    }
    if let Some(t) = f.trust_since {
        // A council whose services a trust runs is never headlined as if nothing applied
        // without saying so.
        let words = &rules.status_events.trust_title.text;
        title = render(words, &[("title", title), ("trustSince", t.text())]);
    }
    (intervention, title)
}

/// The row's reason: its text (or its text for a deadline that ran out before the ruleset was
/// in force, or for a status that records it), with the notes that apply after it: a grade
/// read from the judgements, an adviser or commissioner in place, a trust.
#[allow(clippy::too_many_arguments)]
fn row_reason(
    rules: &RulesetFile,
    rs: &Ruleset,
    f: &Facts,
    outcome: &Outcome,
    r: &Row,
    recorded: Option<&RowWhenRecorded>,
    before_in_force: bool,
    var: &dyn Fn(&str, &mut String) -> bool,
) -> Reason {
    let template = match &r.text_before_in_force {
        Some(t)
            if before_in_force
                && outcome
                    .dates
                    .iter()
                    .any(|(k, _)| *k == KeyDateKind::TakeoverTarget) =>
        {
            t
        }
        _ => recorded.and_then(|w| w.text.as_ref()).unwrap_or(&r.text),
    };
    let mut text = sentence(render_with(template, var));
    let mut add = |words: &str| {
        text.push(' ');
        text.push_str(&sentence(render_with(words, var)));
    };
    if f.reading.is_some() {
        add(&rules.grade_reading.reason_note);
    }
    let in_force = &rules.status_events.in_force;
    if f.adviser_appointed.is_some() {
        add(&in_force.adviser.text);
    } else if f.commissioner_appointed.is_some() && f.status.is_some() {
        add(&in_force.commissioner.text);
    }
    if f.trust_since.is_some() {
        add(&rules.definitions.trust.text);
    }
    let source = recorded
        .and_then(|w| w.source.as_deref())
        .unwrap_or(&r.source);
    let row = RowRef::of(rs, r.row);
    Reason {
        rule: row.id(),
        row: Some(row),
        text,
        source: output::source_ref(rules, source),
    }
}

/// The definitions the outcome rests on: persistent and systemic failure, high-performing.
fn definitions(
    rules: &RulesetFile,
    f: &Facts,
    row: Option<&Row>,
    var: &dyn Fn(&str, &mut String) -> bool,
) -> Vec<Reason> {
    let defs = &rules.definitions;
    let high_performing = row.is_some_and(|r| r.intervention == Intervention::HighPerforming);
    [
        (f.persistent, "definition/persistent", &defs.persistent),
        (f.systemic, "definition/systemic", &defs.systemic),
        (
            high_performing,
            "definition/high_performing",
            &defs.high_performing,
        ),
    ]
    .into_iter()
    .filter(|(applies, _, _)| *applies)
    .map(|(_, id, w)| output::reason(rules, id, w, var))
    .collect()
}

/// The row's next steps: for a status that records it, after its key date has passed, or
/// before.
fn next_steps(
    r: &Row,
    recorded: Option<&RowWhenRecorded>,
    passed: bool,
    var: &dyn Fn(&str, &mut String) -> bool,
) -> Vec<String> {
    let steps = match (&r.next_steps_passed, recorded) {
        (_, Some(w)) => &w.next_steps,
        (Some(after), None) if passed => after,
        _ => &r.next_steps,
    };
    steps
        .iter()
        .map(|s| sentence(render_with(s, var)))
        .collect()
}

/// What the facts found, as the answer gives them.
fn findings(f: &Facts, outcome: &Outcome) -> Findings {
    Findings {
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
