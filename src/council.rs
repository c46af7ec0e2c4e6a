//! Council assessment (SPEC §3): which intervention applies on a date, why, and by when.
//!
//! Facts (§3.4) are gathered once; then one decision function per ruleset version walks its
//! table's rows in order and the first that matches wins. Wording comes from the ruleset data.

use crate::date::Date;
use crate::error::Error;
use crate::input::{Concern, CouncilInput, Grade, Inspection, Progress, Visit, VisitKind};
use crate::order::sort_by;
use crate::output::{self, KeyDate, Reason, RulesetRef, Warning};
use crate::ruleset::{render_with, Decision, Ruleset, RulesetFile};
use crate::write::{int_text, write_int};

/// What the council assessment found (SPEC §3.5).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct CouncilAssessment {
    pub ruleset: RulesetRef,
    pub as_of: Date,
    pub council: Option<crate::input::Council>,
    pub status: Option<crate::input::CouncilStatus>,
    pub intervention: String,
    pub intervention_title: String,
    pub latest_inspection: Option<Inspection>,
    pub findings: Findings,
    pub dates: Vec<KeyDate>,
    pub reasons: Vec<Reason>,
    pub next_steps: Vec<String>,
    pub warnings: Vec<Warning>,
}

/// The facts of SPEC §3.4 and the evidence the firing row relied on.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Findings {
    /// Inadequate more than once within the persistent window, by publication date.
    pub persistent: bool,
    /// Inadequate on every key judgement given.
    pub systemic: bool,
    /// Good or outstanding with no inadequate report in the window to `asOf`.
    pub high_performing: bool,
    /// Concerns dated after the latest inspection's publication (all concerns when there is none).
    pub triggers: Vec<Concern>,
    /// The earlier inadequate inspection that makes the failure persistent.
    pub earlier_inadequate: Option<Inspection>,
    /// The monitoring or focused visit the firing row relied on.
    pub visit: Option<Visit>,
}

/// The facts of one history on one date, shared by every decision function.
struct Facts<'a> {
    as_of: Date,
    latest: Option<&'a Inspection>,
    earlier_inadequate: Option<&'a Inspection>,
    persistent: bool,
    systemic: bool,
    high_performing: bool,
    high_performing_since: Date,
    visits: Vec<&'a Visit>,
    triggers: Vec<&'a Concern>,
    commissioner_appointed: Option<Date>,
}

/// Which row fired and what it returns.
struct Outcome<'a> {
    row: u32,
    dates: Vec<(&'static str, Date)>,
    visit: Option<&'a Visit>,
}

impl Outcome<'_> {
    fn row(row: u32) -> Self {
        Outcome {
            row,
            dates: Vec::new(),
            visit: None,
        }
    }
}

/// Assesses one council against the embedded default rulesets.
///
/// ```
/// use trust_eligibility::{council::assess_council, parse::from_json, ruleset::RulesetFile};
/// let input = from_json(r#"{"asOf": "2016-02-29", "inspections": [
///     {"published": "2015-08-31", "overall": "Inadequate"}]}"#).unwrap();
/// let out = assess_council(&input, RulesetFile::default_ref().unwrap()).unwrap();
/// assert_eq!(out.intervention, "improvement_window");
/// assert_eq!(out.dates[0].date.to_string(), "2016-02-29"); // 31 Aug + 6 months, clamped
/// assert_eq!(out.dates[0].days_from_as_of, 0); // the deadline day itself is still inside
/// ```
pub fn assess_council(
    input: &CouncilInput,
    rules: &RulesetFile,
) -> Result<CouncilAssessment, Error> {
    input.validate()?;
    let rs = rules.select(input.as_of, input.ruleset.as_deref())?;
    let mut warnings = Vec::new();
    output::ruleset_warning(
        rules,
        rs,
        input.as_of,
        input.ruleset.is_some(),
        &mut warnings,
    );
    let facts = gather(input, rs, rules, &mut warnings);
    let outcome = match rs.decision {
        Decision::Announcement2015 => decide_announcement_2015(&facts, rs),
        Decision::Protocol2016 => decide_protocol_2016(&facts, rs),
    };
    Ok(explain(input, rules, rs, &facts, outcome, warnings))
}

/// SPEC §3.2: the December 2015 announcement.
fn decide_announcement_2015<'a>(f: &Facts<'a>, rs: &Ruleset) -> Outcome<'a> {
    let p = &rs.parameters;
    let Some(l) = f.latest else {
        return Outcome::row(1);
    };
    let deadline = l.published.add_months(p.improvement_window_months.value);
    if l.overall == Grade::Inadequate {
        if f.persistent {
            return Outcome::row(2);
        }
        let progress = f.visits.iter().rev().copied().find(|v| {
            v.kind == VisitKind::Monitoring
                && v.progress == Some(Progress::Significant)
                && v.date > l.published
                && v.date <= deadline
        });
        if let Some(v) = progress {
            return Outcome {
                row: 3,
                dates: Vec::new(),
                visit: Some(v),
            };
        }
        if f.as_of <= deadline {
            return Outcome {
                row: 4,
                dates: vec![("improvement_deadline", deadline)],
                visit: None,
            };
        }
        let from = f.commissioner_appointed.unwrap_or(deadline);
        let target = from.add_months(p.takeover_target_months.value);
        return Outcome {
            row: 5,
            dates: vec![("takeover_target", target)],
            visit: None,
        };
    }
    if !f.triggers.is_empty() {
        return Outcome::row(6);
    }
    if l.overall == Grade::RequiresImprovement {
        return Outcome::row(7);
    }
    if f.high_performing {
        return Outcome::row(8);
    }
    Outcome::row(9)
}

/// SPEC §3.3: the intervention protocol from July 2016.
fn decide_protocol_2016<'a>(f: &Facts<'a>, rs: &Ruleset) -> Outcome<'a> {
    let p = &rs.parameters;
    let Some(l) = f.latest else {
        return Outcome::row(1);
    };
    if l.overall == Grade::Inadequate {
        if f.persistent || f.systemic {
            let from = f.commissioner_appointed.unwrap_or(l.published);
            let due = from.add_months(p.commissioner_review_months.value);
            return Outcome {
                row: 2,
                dates: vec![("commissioner_review_due", due)],
                visit: None,
            };
        }
        let insufficient = f.visits.iter().rev().copied().find(|v| {
            v.kind == VisitKind::Monitoring
                && v.progress == Some(Progress::Insufficient)
                && v.date > l.published
        });
        if let Some(v) = insufficient {
            return Outcome {
                row: 3,
                dates: Vec::new(),
                visit: Some(v),
            };
        }
        return Outcome::row(4);
    }
    if !f.triggers.is_empty() {
        return Outcome::row(5);
    }
    if l.overall == Grade::RequiresImprovement {
        let priority = f.visits.iter().rev().copied().find(|v| {
            v.kind == VisitKind::Focused && v.priority_actions == Some(true) && v.date > l.published
        });
        if let Some(v) = priority {
            return Outcome {
                row: 6,
                dates: Vec::new(),
                visit: Some(v),
            };
        }
        return Outcome::row(7);
    }
    if f.high_performing {
        return Outcome::row(8);
    }
    Outcome::row(9)
}

/// Gathers the facts of SPEC §3.4, ignoring (with a warning each) what is dated after `asOf`.
fn gather<'a>(
    input: &'a CouncilInput,
    rs: &Ruleset,
    rules: &RulesetFile,
    warnings: &mut Vec<Warning>,
) -> Facts<'a> {
    let as_of = input.as_of;
    let p = &rs.parameters;
    let mut ignored: Vec<(Date, &'static str)> = Vec::new();

    let mut inspections: Vec<&Inspection> = Vec::with_capacity(input.inspections.len());
    for i in &input.inspections {
        if i.published <= as_of {
            inspections.push(i);
        } else {
            ignored.push((i.published, "An inspection report"));
        }
    }
    sort_by(&mut inspections, |a, b| a.published.cmp(&b.published));
    let mut visits: Vec<&Visit> = Vec::with_capacity(input.visits.len());
    for v in &input.visits {
        if v.date <= as_of {
            visits.push(v);
        } else {
            ignored.push((
                v.date,
                match v.kind {
                    VisitKind::Monitoring => "A monitoring visit",
                    VisitKind::Focused => "A focused visit",
                },
            ));
        }
    }
    sort_by(&mut visits, |a, b| a.cmp(b));
    let mut concerns: Vec<&Concern> = Vec::with_capacity(input.concerns.len());
    for c in &input.concerns {
        if c.date <= as_of {
            concerns.push(c);
        } else {
            ignored.push((c.date, "A concern"));
        }
    }
    sort_by(&mut concerns, |a, b| a.cmp(b));

    let latest = inspections.last().copied();
    if latest.is_none() {
        warnings.push(output::warning(
            rules,
            "no_inspection",
            &[("asOf", as_of.text())],
        ));
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

    let inadequate = latest.is_some_and(|l| l.overall == Grade::Inadequate);
    let earlier_inadequate = match latest {
        Some(l) if inadequate => {
            let since = l.published.add_years(-p.persistent_window_years.value);
            inspections.iter().rev().copied().find(|i| {
                i.published < l.published && i.published >= since && i.overall == Grade::Inadequate
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
    let high_performing_since = as_of.add_years(-p.high_performing_window_years.value);
    let high_performing = latest.is_some_and(|l| l.overall.is_good_or_better())
        && !inspections
            .iter()
            .any(|i| i.published >= high_performing_since && i.overall == Grade::Inadequate);
    if let Some(l) = latest {
        if l.published < as_of.add_years(-p.stale_after_years.value) {
            warnings.push(output::warning(
                rules,
                "stale_inspection",
                &[
                    ("latestPublished", l.published.text()),
                    ("staleAfterYears", int_text(p.stale_after_years.value)),
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
        earlier_inadequate,
        persistent: earlier_inadequate.is_some(),
        systemic,
        high_performing,
        high_performing_since,
        visits,
        triggers,
        commissioner_appointed: input.status.as_ref().and_then(|s| s.commissioner_appointed),
    }
}

/// Puts the outcome into words from the ruleset data.
fn explain(
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
        .map(|l| l.published.add_months(p.improvement_window_months.value));
    let trust_since = input.status.as_ref().and_then(|s| s.trust_since);
    // The values the wording can use, each written straight into the text only where a
    // template asks for it (most use three or four of these); a value that does not apply
    // here (no latest inspection, no visit) leaves its placeholder as it is.
    let var = |key: &str, out: &mut String| -> bool {
        match key {
            "council" => out.push_str(name),
            "asOf" => f.as_of.push_to(out),
            "persistentWindowYears" => write_int(out, p.persistent_window_years.value),
            "highPerformingWindowYears" => write_int(out, p.high_performing_window_years.value),
            "improvementWindowMonths" => write_int(out, p.improvement_window_months.value),
            "highPerformingSince" => f.high_performing_since.push_to(out),
            "triggerCount" => write_int(out, f.triggers.len() as i64),
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
                    "latestGrade" => out.push_str(l.overall.words()),
                    "deadline" => deadline.push_to(out),
                    _ => write_int(out, f.as_of.days_until(deadline)),
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
    let (intervention, title) = row.map_or_else(
        || (String::new(), String::new()),
        |r| (r.intervention.clone(), r.title.clone()),
    );
    let mut reasons = Vec::new();
    if let Some(r) = row {
        let mut text = sentence(render_with(&r.text, &var));
        if trust_since.is_some() {
            text.push(' ');
            text.push_str(&sentence(render_with(&rules.definitions.trust.text, &var)));
        }
        reasons.push(Reason {
            rule: {
                let mut s = String::with_capacity(rs.id.len() + 6);
                s.push_str(&rs.id);
                s.push_str("/row-");
                crate::write::write_int(&mut s, i64::from(r.row));
                s
            },
            text,
            source: output::source_ref(rules, &r.source),
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
    if outcome.row == 8 {
        reasons.push(output::reason(
            rules,
            "definition/high_performing",
            &defs.high_performing,
            &var,
        ));
    }
    let next_steps = row
        .map(|r| {
            r.next_steps
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
        },
        dates,
        reasons,
        next_steps,
        warnings,
    }
}

/// Capitalises a first ASCII letter, so "the council was..." reads as a sentence. (Names are
/// shown as given; full Unicode case tables would add some 10 KB to the wasm module.)
pub(crate) fn sentence(s: String) -> String {
    let mut out = s;
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}

crate::json_out!(CouncilAssessment, { ruleset: "ruleset", as_of: "asOf", council: "council",
    status: "status", intervention: "intervention", intervention_title: "interventionTitle",
    latest_inspection: "latestInspection", findings: "findings", dates: "dates",
    reasons: "reasons", next_steps: "nextSteps", warnings: "warnings" });
crate::json_out!(Findings, { persistent: "persistent", systemic: "systemic",
    high_performing: "highPerforming", triggers: "triggers",
    earlier_inadequate: "earlierInadequate", visit: "visit" });
