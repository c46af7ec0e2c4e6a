//! Assessing every council of the file on one date with the engine: the batch's [`Report`]
//! (each council's full assessment, the summary, councils that no longer exist or could not be
//! assessed) and, for a page, the [`Listing`] (one row per council with the input that gives
//! its full result).

use crate::history::{
    overall_of, CouncilHistory, HistoryRead, OfstedData, VisitCounts, VISITS_NOTE,
};
use crate::register::RegisterRead;
use crate::sheets::{ReadWarning, SheetKind, SheetRead};
use serde::Serialize;
use std::collections::BTreeMap;
use trust_eligibility::codes::Code;
use trust_eligibility::date::{Date, IsoDate};
use trust_eligibility::error::Error;
use trust_eligibility::input::{CouncilInput, Grade, Inspection};
use trust_eligibility::output::{Intervention, RowRef, WarningCode};
use trust_eligibility::{assess_council, CouncilAssessment, RulesetFile};
use trust_eligibility::{KeyDate, RulesetRef};

/// One council's assessment, with its region.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AssessedCouncil {
    pub region: Option<String>,
    /// Focused and monitoring visits in the file for this council (see [`VISITS_NOTE`]).
    pub visits: usize,
    #[serde(flatten)]
    pub assessment: CouncilAssessment,
}

/// A council the engine could not assess (its record broke a limit of SPEC §6).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct NotAssessed {
    pub code: String,
    pub name: String,
    #[cfg_attr(feature = "typescript", tsify(type = "ErrorDetail"))]
    pub error: Error,
}

/// A council that no longer exists: listed apart, not assessed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct FormerCouncil {
    pub code: String,
    pub name: String,
    pub region: Option<String>,
    /// Its last inspection published on or before `asOf`.
    pub latest_inspection: Option<Inspection>,
    pub inspections: usize,
}

/// Counts over the councils assessed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Summary {
    pub councils: usize,
    #[cfg_attr(feature = "typescript", tsify(type = "Record<string, number>"))]
    pub by_intervention: BTreeMap<String, usize>,
    /// By the latest grade published on or before `asOf` (`none` when there is none).
    #[cfg_attr(feature = "typescript", tsify(type = "Record<string, number>"))]
    pub by_latest_grade: BTreeMap<String, usize>,
    pub persistent: usize,
    pub systemic: usize,
    pub not_assessed: usize,
    pub no_longer_exists: usize,
    /// Inspections in the file published after `asOf`, ignored.
    pub inspections_after_as_of: usize,
    pub latest_published_in_file: Option<IsoDate>,
    /// The date the file is "as at", when it says.
    pub as_at: Option<IsoDate>,
    /// The visits read from the file, in the councils' inputs.
    pub visits: VisitCounts,
    /// What is read of a visit, and what is not ([`VISITS_NOTE`]).
    pub visits_note: &'static str,
    /// The engine's warnings over all councils, by code.
    #[cfg_attr(feature = "typescript", tsify(type = "Record<string, number>"))]
    pub engine_warnings: BTreeMap<String, usize>,
    /// The file gives no council's notice, direction, commissioner or trust, so no answer can
    /// show an escalation under a notice or a notice or direction being lifted (the ruleset's
    /// `status_not_in_file` wording).
    pub status_note: String,
    /// Data to Insight's report history, when given: what merging it into the statistics did.
    pub history: Option<HistoryRead>,
    /// The register of public decisions, when given: what was read.
    pub register: Option<RegisterRead>,
}

/// Every council assessed on one date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub as_of: IsoDate,
    pub ruleset: RulesetRef,
    pub source: SourceFile,
    pub councils: Vec<AssessedCouncil>,
    pub summary: Summary,
    pub no_longer_exists: Vec<FormerCouncil>,
    pub not_assessed: Vec<NotAssessed>,
    /// Rows and cells of the file that could not be read, and other notes about the file.
    pub warnings: Vec<ReadWarning>,
}

/// The file the report was made from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct SourceFile {
    pub path: String,
    pub format: &'static str,
    pub sheets: Vec<SheetRead>,
}

/// Assesses every council of `data` on `as_of` (with the named ruleset, or the one in force).
pub fn assess_all(
    data: &OfstedData,
    as_of: Date,
    ruleset: Option<&str>,
    rules: &RulesetFile,
) -> Result<Report, Error> {
    // The ruleset the engine applies on `as_of` (or the one named), as it reports it: the
    // answer for a council with no history (an unknown ruleset or a date no ruleset covers is
    // the error it gives).
    let applied = assess_council(
        &CouncilInput {
            council: None,
            as_of,
            ruleset: ruleset.map(str::to_string),
            inspections: Vec::new(),
            visits: Vec::new(),
            concerns: Vec::new(),
            status: None,
        },
        rules,
    )?
    .ruleset;
    let mut councils = Vec::with_capacity(data.councils.len());
    let mut not_assessed = Vec::new();
    let mut by_intervention: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_latest_grade: BTreeMap<String, usize> = BTreeMap::new();
    let mut engine_warnings: BTreeMap<String, usize> = BTreeMap::new();
    let (mut persistent, mut systemic, mut after) = (0, 0, 0);
    for c in &data.councils {
        after += c.inspections.iter().filter(|i| i.published > as_of).count();
        match assess_council(&c.input(as_of, ruleset), rules) {
            Ok(a) => {
                *by_intervention
                    .entry(a.intervention.code().to_string())
                    .or_default() += 1;
                let grade = a
                    .latest_inspection
                    .as_ref()
                    .and_then(overall_of)
                    .map_or(NO_GRADE, grade_id);
                *by_latest_grade.entry(grade.to_string()).or_default() += 1;
                for w in &a.warnings {
                    *engine_warnings
                        .entry(w.code.code().to_string())
                        .or_default() += 1;
                }
                persistent += usize::from(a.findings.persistent);
                systemic += usize::from(a.findings.systemic);
                councils.push(AssessedCouncil {
                    region: c.region.clone(),
                    visits: c.visits.len(),
                    assessment: a,
                });
            }
            Err(error) => not_assessed.push(NotAssessed {
                code: c.code.clone(),
                name: c.name.clone(),
                error,
            }),
        }
    }
    let no_longer_exists: Vec<FormerCouncil> = data
        .no_longer_exists
        .iter()
        .map(|c| FormerCouncil {
            code: c.code.clone(),
            name: c.name.clone(),
            region: c.region.clone(),
            latest_inspection: c
                .inspections
                .iter()
                .rev()
                .find(|i| i.published <= as_of)
                .cloned(),
            inspections: c.inspections.len(),
        })
        .collect();
    let summary = Summary {
        councils: councils.len(),
        by_intervention,
        by_latest_grade,
        persistent,
        systemic,
        not_assessed: not_assessed.len(),
        no_longer_exists: no_longer_exists.len(),
        inspections_after_as_of: after,
        latest_published_in_file: data.latest_published,
        as_at: data.as_at,
        visits: data.visits.clone(),
        visits_note: VISITS_NOTE,
        engine_warnings,
        status_note: rules
            .warnings
            .of(WarningCode::StatusNotInFile)
            .text()
            .to_string(),
        history: data.history.clone(),
        register: data.register.clone(),
    };
    Ok(Report {
        as_of,
        ruleset: applied,
        source: SourceFile {
            path: data.path.clone(),
            format: data.format,
            sheets: data.sheets.clone(),
        },
        councils,
        summary,
        no_longer_exists,
        not_assessed,
        warnings: data.warnings.clone(),
    })
}

// ---------------------------------------------------------------------------------------------
// For a page: one row per council, with the input that reproduces it

/// One council as a page lists it: the table's columns, and the engine's input that gives its
/// full, explained result (so a page can open the council's result, prefilled).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct ListedCouncil {
    pub code: String,
    pub name: String,
    pub region: Option<String>,
    /// The overall grade of the latest inspection published on or before `asOf`.
    pub latest_grade: Option<Grade>,
    /// That inspection's publication date.
    pub latest_published: Option<IsoDate>,
    pub intervention: Intervention,
    /// Whether the intervention is one in which the government acts on the council's services
    /// (the engine's `inIntervention`, SPEC §3.5).
    pub in_intervention: bool,
    /// The row that fired, e.g. `protocol-2016/row-2`.
    pub rule: Option<String>,
    /// That row's ruleset and number.
    pub row: Option<RowRef>,
    /// The fired row's key date, when it has one (SPEC §3.2, §3.3).
    pub key_date: Option<KeyDate>,
    pub persistent: bool,
    pub systemic: bool,
    pub high_performing: bool,
    /// Inspections in the file for this council, of any date.
    pub inspections: usize,
    /// Focused and monitoring visits in the file for this council (see the summary).
    pub visits: usize,
    /// The codes of the engine's warnings for this council.
    pub warnings: Vec<WarningCode>,
    /// The engine's input (SPEC §3.1) that gives this row: assessing it returns the council's
    /// full result, the same as this row.
    pub input: CouncilInput,
}

/// A warning about the file, with where it applies in words (`place`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct ListedWarning {
    pub sheet: Option<SheetKind>,
    pub file: Option<String>,
    /// The row number as a spreadsheet program shows it, or a CSV file's line number.
    pub row: Option<usize>,
    /// The sheet and row as a person reads it: `ILACS_inspection_history row 5`, or
    /// `history.csv (ILACS_inspection_history) line 5`.
    pub place: Option<String>,
    pub text: String,
}

/// Every council of Ofsted's file on one date, as a page shows it: a row per council, the
/// summary, the councils that no longer exist, and every warning about the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Listing {
    pub as_of: IsoDate,
    pub ruleset: RulesetRef,
    pub source: SourceFile,
    /// Sorted by name.
    pub councils: Vec<ListedCouncil>,
    pub summary: Summary,
    pub no_longer_exists: Vec<FormerCouncil>,
    pub not_assessed: Vec<NotAssessed>,
    pub warnings: Vec<ListedWarning>,
}

/// Assesses every council of `data` on `as_of` (as [`assess_all`]) and lists them for a page.
pub fn listing(
    data: &OfstedData,
    as_of: Date,
    ruleset: Option<&str>,
    rules: &RulesetFile,
) -> Result<Listing, Error> {
    let report = assess_all(data, as_of, ruleset, rules)?;
    let by_code: BTreeMap<&str, &CouncilHistory> =
        data.councils.iter().map(|c| (c.code.as_str(), c)).collect();
    let councils = report
        .councils
        .into_iter()
        .filter_map(|c| {
            let a = c.assessment;
            let code = a.council.as_ref()?.code.clone()?;
            let history = by_code.get(code.as_str())?;
            let latest = a.latest_inspection.as_ref();
            Some(ListedCouncil {
                name: history.name.clone(),
                region: c.region,
                latest_grade: latest.and_then(overall_of),
                latest_published: latest.map(|l| l.published),
                rule: a.reasons.first().map(|r| r.rule.clone()),
                row: a.reasons.first().and_then(|r| r.row.clone()),
                key_date: a.dates.first().cloned(),
                persistent: a.findings.persistent,
                systemic: a.findings.systemic,
                high_performing: a.findings.high_performing,
                in_intervention: a.in_intervention,
                inspections: history.inspections.len(),
                visits: c.visits,
                warnings: a.warnings.iter().map(|w| w.code).collect(),
                input: history.input(as_of, ruleset),
                intervention: a.intervention,
                code,
            })
        })
        .collect();
    let warnings = report
        .warnings
        .into_iter()
        .map(|w| ListedWarning {
            sheet: w.at.as_ref().map(|at| at.sheet),
            file: w.at.as_ref().map(|at| at.file.clone()),
            row: w.at.as_ref().and_then(|at| at.row),
            place: w.at.as_ref().map(ToString::to_string),
            text: w.text,
        })
        .collect();
    Ok(Listing {
        as_of: report.as_of,
        ruleset: report.ruleset,
        source: report.source,
        councils,
        summary: report.summary,
        no_longer_exists: report.no_longer_exists,
        not_assessed: report.not_assessed,
        warnings,
    })
}

/// The summary's key for councils with no inspection published by `asOf`.
pub(crate) const NO_GRADE: &str = "none";

pub(crate) fn grade_id(g: Grade) -> &'static str {
    g.code()
}
