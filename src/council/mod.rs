//! Council assessment (SPEC §3): which intervention applies on a date, why, and by when.
//!
//! Facts (§3.4) are gathered once ([`facts`]); then the decision of the ruleset's version walks
//! its table's rows in order and the first that matches wins: [`announcement_2015`] (SPEC §3.2)
//! and [`protocol_2016`] (SPEC §3.3), one small function a row. Wording comes from the ruleset
//! data ([`explain`]).

pub(crate) mod announcement_2015;
mod explain;
pub(crate) mod facts;
pub(crate) mod protocol_2016;
pub(crate) mod status;
mod windows;

pub use status::{InForce, PresumedLifting, StatusInForce};
pub use windows::{Window, WindowKind};

use crate::codes::Code;
use crate::date::{Date, IsoDate};
use crate::error::Error;
use crate::input::{Concern, CouncilInput, Grade, Inspection, Judgements, Reading, Visit};
use crate::output::{
    self, Intervention, KeyDate, KeyDateKind, Reason, RowRef, RulesetRef, Warning,
};
use crate::ruleset::{value, Decision, Ruleset, RulesetFile};
use facts::{Facts, Suppose, Warn};

/// What the council assessment found (SPEC §3.5).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct CouncilAssessment {
    pub ruleset: RulesetRef,
    pub as_of: IsoDate,
    pub council: Option<crate::input::Council>,
    pub status: Option<crate::input::CouncilStatus>,
    /// The status worked out from `status.events` on `asOf` (SPEC §3.7); left out when the
    /// status gives the four dates (echoed in `status`) or is not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_in_force: Option<StatusInForce>,
    pub intervention: Intervention,
    pub intervention_title: String,
    /// Whether the intervention is one in which the government acts on the council's services
    /// (SPEC §3.5, an addition; [`in_intervention`]).
    pub in_intervention: bool,
    pub latest_inspection: Option<Inspection>,
    pub findings: Findings,
    pub dates: Vec<KeyDate>,
    /// The periods the rules looked at, with their dates (SPEC §3.5, an addition).
    pub windows: Vec<Window>,
    pub reasons: Vec<Reason>,
    pub next_steps: Vec<String>,
    pub warnings: Vec<Warning>,
    /// What the next report could bring (SPEC §3.9): the engine's own answer, with the same
    /// status and ruleset, if Ofsted's next report were published on `asOf` (the day after,
    /// assessed that day, when a report was published on `asOf`), for each grade in turn.
    pub outlook: Vec<Outlook>,
    /// The last publication date on which an inadequate report would be persistent failure
    /// (the latest inadequate report's publication + the persistent window); `null` when there
    /// is no inadequate report or that date is before `asOf`.
    pub persistent_until: Option<IsoDate>,
}

/// The grades the outlook supposes (SPEC §3.9): the enum is an answer's shape
/// ([`crate::output`]); the report each stands for is worked out here.
pub use crate::output::NextReport;

impl NextReport {
    /// Such a report, published on `published`: its overall grade and key judgements.
    fn report(self, published: Date) -> Inspection {
        let (overall, first, rest) = match self {
            NextReport::InadequateAll => (Grade::Inadequate, Grade::Inadequate, Grade::Inadequate),
            NextReport::Inadequate => (
                Grade::Inadequate,
                Grade::Inadequate,
                Grade::RequiresImprovement,
            ),
            NextReport::RequiresImprovement => (
                Grade::RequiresImprovement,
                Grade::RequiresImprovement,
                Grade::RequiresImprovement,
            ),
            NextReport::Good => (Grade::Good, Grade::Good, Grade::Good),
        };
        Inspection {
            published,
            inspected: None,
            framework: None,
            overall: Some(overall),
            judgements: Some(Judgements {
                help_and_protection: Some(first),
                children_in_care: Some(rest),
                care_leavers: Some(rest),
                leadership: Some(rest),
            }),
            report: None,
        }
    }
}

/// The answer if the next report gave `next` (SPEC §3.9).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Outlook {
    pub next: NextReport,
    /// The day the report is supposed published, and the answer assessed.
    pub published: IsoDate,
    pub intervention: Intervention,
    /// The row that would fire (`protocol-2016/row-4`).
    pub rule: String,
    /// That row's ruleset and number.
    pub row: RowRef,
    /// Its key dates, with the days from `published`.
    pub dates: Vec<KeyDate>,
}

/// The facts of SPEC §3.4 and the evidence the firing row relied on.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
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
    /// The grade of the latest inspection the rules used (SPEC §3.4).
    pub grade: Option<crate::input::Grade>,
    /// Where that grade came from: `overall`, or `judgements` when read from the key
    /// judgements of a report without an overall grade (SPEC §3.6).
    pub grade_from: Option<crate::input::GradeFrom>,
    /// The council's own notice or direction the firing row relied on (escalation, lifting).
    pub instrument: Option<InstrumentRef>,
}

/// A council's own improvement notice or statutory direction.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify_next::Tsify))]
pub struct InstrumentRef {
    /// `improvement_notice` or `statutory_direction`.
    pub kind: &'static str,
    pub issued: IsoDate,
}

/// Which row fired and what it returns.
pub(crate) struct Outcome<'a> {
    pub row: u32,
    pub dates: Vec<(KeyDateKind, Date)>,
    pub visit: Option<&'a Visit>,
    /// The council's own notice or direction the row relied on: its key in the ruleset's
    /// `instruments` wording, and the date it was issued.
    pub instrument: Option<(&'static str, Date)>,
    /// The council's status already records what the row expects (a direction in force, the
    /// notice issued): the row's `whenRecorded` wording applies.
    pub recorded: bool,
    /// A DfE improvement adviser is in place of the commissioner the row would bring: the row's
    /// `whenAdviser` wording applies (SPEC §3.7).
    pub adviser: bool,
}

impl Outcome<'_> {
    pub(crate) fn row(row: u32) -> Self {
        Outcome {
            row,
            dates: Vec::new(),
            visit: None,
            instrument: None,
            recorded: false,
            adviser: false,
        }
    }
}

/// One row of a decision table: its number, the intervention it gives, and when it fires.
pub(crate) struct Row {
    pub row: u32,
    pub intervention: Intervention,
    /// What the row returns if it matches these facts.
    pub when: for<'a> fn(&Facts<'a>, &Ruleset) -> Option<Outcome<'a>>,
}

/// The rows of a decision, in order.
pub(crate) fn rows(d: Decision) -> &'static [Row] {
    match d {
        Decision::Announcement2015 => announcement_2015::ROWS,
        Decision::Protocol2016 => protocol_2016::ROWS,
    }
}

/// The parameters a decision uses.
pub(crate) fn parameters(d: Decision) -> &'static [&'static str] {
    match d {
        Decision::Announcement2015 => announcement_2015::PARAMETERS,
        Decision::Protocol2016 => protocol_2016::PARAMETERS,
    }
}

/// The first row of the ruleset's decision that matches (the last row always does).
fn decide<'a>(f: &Facts<'a>, rs: &Ruleset) -> Outcome<'a> {
    rows(rs.decision)
        .iter()
        .find_map(|r| (r.when)(f, rs))
        .unwrap_or_else(|| Outcome::row(0))
}

/// The intervention of each council on each date, `out[d][c]` for `dates[d]` and `inputs[c]`
/// (each input read as on the date, in place of its own `asOf`): a picture of many councils over
/// time (SPEC §7, an addition). The same facts and rows as [`assess_council`], without its words,
/// key dates or outlook. An invalid input is an error with its index in the path (`[3].asOf`).
pub fn interventions_on(
    inputs: &[CouncilInput],
    dates: &[Date],
    rules: &RulesetFile,
) -> Result<Vec<Vec<Intervention>>, Error> {
    let at = |i: usize| move |e: Error| e.within(&format!("[{i}]"));
    for (i, input) in inputs.iter().enumerate() {
        input.validate().map_err(at(i))?;
    }
    dates
        .iter()
        .map(|&date| {
            inputs
                .iter()
                .enumerate()
                .map(|(i, input)| intervention_on(input, date, rules).map_err(at(i)))
                .collect()
        })
        .collect()
}

/// The intervention of one (validated) council input read as on `as_of`: the row
/// [`assess_council`] fires for the input with that `asOf`.
fn intervention_on(
    input: &CouncilInput,
    as_of: Date,
    rules: &RulesetFile,
) -> Result<Intervention, Error> {
    let (rs, _) = output::applied_ruleset(
        rules,
        as_of,
        input.ruleset.as_deref(),
        &input.inspections,
        "inspections",
    )?;
    let facts = facts::gather(input, as_of, Suppose::OnDate, rs, rules, Warn(None));
    let row = decide(&facts, rs).row;
    Ok(rows(rs.decision)
        .iter()
        .find(|r| r.row == row)
        .map_or(Intervention::None, |r| r.intervention))
}

/// Assesses one council against the embedded default rulesets.
///
/// ```
/// use trust_eligibility::{council::assess_council, parse::from_json, ruleset::RulesetFile};
/// let input = from_json(r#"{"asOf": "2016-02-29", "inspections": [
///     {"published": "2015-08-31", "overall": "Inadequate"}]}"#).unwrap();
/// let out = assess_council(&input, RulesetFile::default_ref().unwrap()).unwrap();
/// assert_eq!(out.intervention, trust_eligibility::output::Intervention::ImprovementWindow);
/// assert_eq!(out.dates[0].date.to_string(), "2016-02-29"); // 31 Aug + 6 months, clamped
/// assert_eq!(out.dates[0].days_from_as_of, 0); // the deadline day itself is still inside
/// ```
pub fn assess_council(
    input: &CouncilInput,
    rules: &RulesetFile,
) -> Result<CouncilAssessment, Error> {
    input.validate()?;
    let (rs, mut warnings) = output::applied_ruleset(
        rules,
        input.as_of,
        input.ruleset.as_deref(),
        &input.inspections,
        "inspections",
    )?;
    let as_of = input.as_of;
    let facts = facts::gather(
        input,
        as_of,
        Suppose::Nothing,
        rs,
        rules,
        Warn(Some(&mut warnings)),
    );
    let outcome = decide(&facts, rs);
    if let (Some(l), Some(Reading::RequiresImprovementLeadership)) = (facts.latest, facts.reading) {
        // SPEC §3.6: the engine's own answer for this report read as inadequate.
        let supposed = facts::gather(
            input,
            as_of,
            Suppose::LatestAs(Grade::Inadequate),
            rs,
            rules,
            Warn(None),
        );
        let row = rs.row(decide(&supposed, rs).row);
        warnings.push(output::warning(
            rules,
            output::WarningCode::LeadershipOnlyInadequate,
            &[
                ("published", l.published.text()),
                (
                    "intervention",
                    row.map_or_else(String::new, |r| r.title.to_string()),
                ),
                ("rule", row.map_or_else(String::new, |r| rule_id(rs, r.row))),
            ],
        ));
    }
    let persistent_until = facts
        .latest_inadequate
        .map(|i| {
            i.published
                .add_years(value(&rs.parameters.persistent_window_years))
        })
        .filter(|d| *d >= as_of);
    let outlook = outlook(input, rs, rules);
    let mut out = explain::explain(input, rules, rs, &facts, outcome, warnings);
    out.outlook = outlook;
    out.persistent_until = persistent_until;
    Ok(out)
}

/// The interventions in which the government acts on the council's services: an improvement
/// notice, a statutory direction, a commissioner or a takeover; not a window to improve, a
/// monitoring visit, an emergency inspection, a lifting or support (SPEC §3.5, an addition).
const IN_INTERVENTION: [Intervention; 4] = [
    Intervention::ImprovementNotice,
    Intervention::StatutoryDirection,
    Intervention::Commissioner,
    Intervention::ImmediateTakeover,
];

/// Whether a council given `intervention` is in intervention (SPEC §3.5).
pub fn in_intervention(intervention: Intervention) -> bool {
    IN_INTERVENTION.contains(&intervention)
}

/// A row's id in an answer: `protocol-2016/row-4`.
pub(crate) fn rule_id(rs: &Ruleset, row: u32) -> String {
    RowRef::of(rs, row).id()
}

/// SPEC §3.9: the same rules run on the input with one more report, for each grade in turn;
/// only the row that fires and its dates, never their words, and never an outlook of its own.
fn outlook(input: &CouncilInput, rs: &Ruleset, rules: &RulesetFile) -> Vec<Outlook> {
    let as_of = input.as_of;
    let published = if input.inspections.iter().any(|i| i.published == as_of) {
        as_of.add_days(1)
    } else {
        as_of
    };
    NextReport::all()
        .iter()
        .map(|&next| {
            let report = next.report(published);
            let f = facts::gather(
                input,
                published,
                Suppose::NextReport(&report),
                rs,
                rules,
                Warn(None),
            );
            let o = decide(&f, rs);
            Outlook {
                next,
                published,
                intervention: rs.row(o.row).map_or(Intervention::None, |r| r.intervention),
                rule: rule_id(rs, o.row),
                row: RowRef::of(rs, o.row),
                dates: o
                    .dates
                    .iter()
                    .map(|(kind, date)| KeyDate {
                        kind: *kind,
                        date: *date,
                        days_from_as_of: published.days_until(*date),
                    })
                    .collect(),
            }
        })
        .collect()
}
