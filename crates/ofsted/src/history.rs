//! Every council's history built from the rows of the sheets: its name, region and status, its
//! graded inspections (one per publication date, merged across sheets), and its focused and
//! monitoring visits (date and kind: the file gives no visit's outcome).

use crate::register::{RegisterEvent, RegisterRead};
use crate::sheets::{
    Cell, Col, Location, RawSheet, ReadWarning, SheetKind, SheetRead, LATEST_SHEET,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use trust_eligibility::codes::Code;
use trust_eligibility::date::{Date, DateError, IsoDate};
use trust_eligibility::input::{
    quote_short, Council, CouncilInput, CouncilStatus, Framework, Grade, Inspection, Judgements,
    Visit, VisitKind,
};

/// What is read of the visits the file lists, and what is not.
pub const VISITS_NOTE: &str = "Each visit is part of its council's history, with its date. \
The file does not say what the rules read of a visit: a monitoring visit's progress \
(significant, some or insufficient) or whether a focused visit set priority actions. So no rule \
that depends on a visit's outcome applies from the file alone: add the outcome from the visit's \
published letter to apply it.";

/// How many visits of each kind were read (see [`VISITS_NOTE`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct VisitCounts {
    pub monitoring: usize,
    pub focused: usize,
}

impl VisitCounts {
    /// The counts of a list of visits.
    pub fn of(visits: &[Visit]) -> VisitCounts {
        let monitoring = visits
            .iter()
            .filter(|v| v.kind == VisitKind::Monitoring)
            .count();
        VisitCounts {
            monitoring,
            focused: visits.len() - monitoring,
        }
    }

    pub fn total(&self) -> usize {
        self.monitoring + self.focused
    }
}

/// One council's record as read from the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CouncilHistory {
    pub code: String,
    pub name: String,
    pub region: Option<String>,
    /// Every graded inspection, oldest first, one per publication date.
    pub inspections: Vec<Inspection>,
    /// Every focused and monitoring visit, oldest first: date and kind only (the file gives no
    /// outcome; see [`VISITS_NOTE`]).
    pub visits: Vec<Visit>,
    /// Other names (the lookup's `also_known_as`, and its ONS name when the file's differs).
    pub aliases: Vec<String>,
    /// Codes the council had before (ONS codes that changed: Barnsley, Sheffield).
    pub other_codes: Vec<String>,
    /// The DfE's statistical neighbours, by ONS code (the lookup's).
    pub neighbours: Vec<String>,
    /// Its public decisions from the register, oldest first (SPEC §3.7).
    pub events: Vec<RegisterEvent>,
}

impl CouncilHistory {
    /// The engine's input for this council on `as_of`.
    pub fn input(&self, as_of: Date, ruleset: Option<&str>) -> CouncilInput {
        CouncilInput {
            council: Some(Council {
                name: Some(self.name.clone()),
                code: Some(self.code.clone()),
            }),
            as_of,
            ruleset: ruleset.map(str::to_string),
            inspections: self.inspections.clone(),
            visits: self.visits.clone(),
            concerns: Vec::new(),
            status: (!self.events.is_empty()).then(|| CouncilStatus {
                events: Some(
                    self.events
                        .iter()
                        .map(RegisterEvent::status_event)
                        .collect(),
                ),
                ..CouncilStatus::default()
            }),
        }
    }
}

/// Everything read from Ofsted's file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OfstedData {
    /// The path given.
    pub path: String,
    /// `"spreadsheet"` or `"csv"`.
    pub format: &'static str,
    pub sheets: Vec<SheetRead>,
    /// Councils that exist, sorted by name.
    pub councils: Vec<CouncilHistory>,
    /// Councils the history marks "No longer exists", sorted by name.
    pub no_longer_exists: Vec<CouncilHistory>,
    /// The visits read, over every council.
    pub visits: VisitCounts,
    /// The latest publication date anywhere in the file.
    pub latest_published: Option<IsoDate>,
    /// The date the file is "as at", from the title above the header of [`LATEST_SHEET`] (as
    /// Ofsted writes it: "... as at 31 March 2025"), else from the name of the file holding
    /// that sheet (`..._as_at_31_March_2025.ods`, `latest_as_at_2025-03-31.csv`).
    pub as_at: Option<IsoDate>,
    pub warnings: Vec<ReadWarning>,
    /// Data to Insight's report history, when given: what merging it did.
    pub history: Option<HistoryRead>,
    /// The register of public decisions, when given: what was read.
    pub register: Option<RegisterRead>,
    /// The date the register is as at (its README's "as at YYYY-MM-DD"), when known.
    pub register_as_at: Option<IsoDate>,
}

/// What merging the report history did (the refresh command and the tests report it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct HistoryRead {
    /// The history's file.
    pub file: String,
    /// Its latest publication date: the date it is as at.
    pub as_at: Option<IsoDate>,
    /// Reports read from it.
    pub reports: usize,
    /// Reports both sources give (same council, same publication date).
    pub matched: usize,
    /// Of those, reports whose grades differ where both give one (the statistics are used).
    pub disagreements: Vec<String>,
    /// Reports added from the history (the statistics do not have them).
    pub added: usize,
    /// Reports of the history not added: no overall grade readable (each reported).
    pub not_added: usize,
    /// Councils whose latest report is newer in the history than in the statistics.
    pub newer_latest: Vec<String>,
    /// Of those, councils whose newer latest report has no overall grade (April 2026 framework).
    pub newer_without_overall: usize,
    /// Inspections given a report link.
    pub linked: usize,
}

/// A council's status in the history sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Status {
    Current,
    Gone,
}

/// An inspection read from a row, with where it came from.
pub(crate) struct Found {
    inspection: Inspection,
    at: Location,
}

#[derive(Default)]
pub(crate) struct Building {
    /// Name and region by sheet precedence for naming: latest, history, in-year.
    name: Option<(u8, String)>,
    region: Option<(u8, String)>,
    status: Option<(Status, Location)>,
    in_latest: bool,
    inspections: Vec<Found>,
    visits: Vec<Visit>,
}

pub(crate) fn naming_rank(kind: SheetKind) -> u8 {
    match kind {
        SheetKind::Latest => 0,
        SheetKind::History => 1,
        SheetKind::InYear => 2,
        SheetKind::ReportHistory | SheetKind::Lookup | SheetKind::Register => 3,
    }
}

/// One row of a sheet being read: its cells, and where to report what is wrong with it.
struct RowReader<'a> {
    raw: &'a RawSheet,
    row: usize,
    cells: &'a [Cell],
}

impl RowReader<'_> {
    /// The row's cell in column `c` (empty when the sheet has no such column).
    fn get(&self, c: Col) -> &Cell {
        self.raw
            .index(c)
            .and_then(|i| self.cells.get(i))
            .unwrap_or(&Cell::Empty)
    }

    /// Column `c` as a warning names it: `column C "Region"` (`column 3` in a CSV file).
    fn cell_at(&self, c: Col) -> String {
        self.raw
            .index(c)
            .map_or_else(String::new, |i| column_name(self.raw, i))
    }

    fn warn(&self, warnings: &mut Vec<ReadWarning>, text: String) {
        warnings.push(ReadWarning {
            at: Some(self.raw.at(self.row)),
            text,
        });
    }

    /// The council's code, or `None` (with a warning) when the row has none.
    fn code(&self, warnings: &mut Vec<ReadWarning>) -> Option<String> {
        match self.get(Col::Code) {
            Cell::Text(t) => Some(t.clone()),
            Cell::Empty => {
                self.warn(
                    warnings,
                    format!(
                        "no local authority code ({}); row skipped",
                        self.cell_at(Col::Code)
                    ),
                );
                None
            }
            other => {
                self.warn(
                    warnings,
                    format!(
                        "{} is not a local authority code ({}); row skipped",
                        other.describe(),
                        self.cell_at(Col::Code)
                    ),
                );
                None
            }
        }
    }

    /// The council's name and region, kept when this sheet names councils before the sheet
    /// that named it so far.
    fn naming(&self, entry: &mut Building, code: &str, warnings: &mut Vec<ReadWarning>) {
        let rank = naming_rank(self.raw.kind);
        match self.get(Col::Name) {
            Cell::Text(n) => {
                if entry.name.as_ref().is_none_or(|(r, _)| rank < *r) {
                    entry.name = Some((rank, n.clone()));
                }
            }
            other => self.warn(
                warnings,
                format!(
                    "{} is not a local authority name ({}); the council is named by its code {code} unless another row names it",
                    other.describe(),
                    self.cell_at(Col::Name)
                ),
            ),
        }
        match self.get(Col::Region) {
            Cell::Text(n) => {
                if entry.region.as_ref().is_none_or(|(r, _)| rank < *r) {
                    entry.region = Some((rank, n.clone()));
                }
            }
            Cell::Empty => {}
            other => self.warn(
                warnings,
                format!(
                    "{} is not a region ({}); read as blank",
                    other.describe(),
                    self.cell_at(Col::Region)
                ),
            ),
        }
    }

    /// The history sheet's status ("Current", "No longer exists"): once a row says a council
    /// no longer exists, it does not.
    fn status(&self, entry: &mut Building, code: &str, warnings: &mut Vec<ReadWarning>) {
        let status = match self.get(Col::Status) {
            Cell::Text(s) if s.eq_ignore_ascii_case("no longer exists") => Some(Status::Gone),
            Cell::Text(s) if s.eq_ignore_ascii_case("current") => Some(Status::Current),
            Cell::Empty => None,
            other => {
                self.warn(
                    warnings,
                    format!(
                        "{} is not a status (expected \"Current\" or \"No longer exists\"; {}); read as current",
                        other.describe(),
                        self.cell_at(Col::Status)
                    ),
                );
                None
            }
        };
        let Some(s) = status else { return };
        match &entry.status {
            Some((prev, prev_at)) if *prev != s => self.warn(
                warnings,
                format!(
                    "{code} is marked {} here but {} at {prev_at}; the council is taken as no longer existing",
                    status_words(s),
                    status_words(*prev)
                ),
            ),
            _ => {}
        }
        if entry
            .status
            .as_ref()
            .is_none_or(|(p, _)| *p != Status::Gone)
        {
            entry.status = Some((s, self.raw.at(self.row)));
        }
    }

    /// An in-year row that is a visit: its date and kind, once per council.
    fn visit(
        &self,
        entry: &mut Building,
        code: &str,
        kind: VisitKind,
        warnings: &mut Vec<ReadWarning>,
    ) {
        let what = match kind {
            VisitKind::Monitoring => "monitoring visit",
            VisitKind::Focused => "focused visit",
        };
        let date = match date_of(self.get(Col::Inspected)) {
            Ok(Some(d)) => d,
            Ok(None) => {
                self.warn(
                    warnings,
                    format!(
                        "no visit date ({}) for {code}'s {what}; visit not read",
                        self.cell_at(Col::Inspected)
                    ),
                );
                return;
            }
            Err(why) => {
                self.warn(
                    warnings,
                    format!(
                        "{why} ({}) for {code}'s {what}; visit not read",
                        self.cell_at(Col::Inspected)
                    ),
                );
                return;
            }
        };
        let visit = Visit {
            date,
            kind,
            progress: None,
            priority_actions: None,
        };
        if entry.visits.contains(&visit) {
            self.warn(
                warnings,
                format!("{code}'s {what} of {date} is listed twice; read once"),
            );
        } else {
            entry.visits.push(visit);
        }
    }

    /// The row's inspection, or `None` (with a warning) without an overall grade or a
    /// publication date.
    fn inspection(
        &self,
        code: &str,
        type_text: Option<&str>,
        warnings: &mut Vec<ReadWarning>,
    ) -> Option<Inspection> {
        let overall = match self.get(Col::Overall) {
            Cell::Text(t) => match grade_words(t) {
                Some(Some(g)) => Some(g),
                _ => None,
            },
            _ => None,
        };
        let Some(overall) = overall else {
            let what = if self.get(Col::Overall).is_empty() {
                "no overall effectiveness grade".to_string()
            } else {
                format!("{} is not a grade", self.get(Col::Overall).describe())
            };
            let then = if self.raw.kind == SheetKind::Latest {
                "no inspection read from this row; the council is assessed on its other rows"
            } else {
                "row not used"
            };
            self.warn(
                warnings,
                format!("{what} ({}) for {code}; {then}", self.cell_at(Col::Overall)),
            );
            return None;
        };
        let published = self.published(code, warnings)?;
        let inspected = match date_of(self.get(Col::Inspected)) {
            Ok(d) => d,
            Err(why) => {
                self.warn(
                    warnings,
                    format!(
                        "{why} ({}); inspection date read as blank",
                        self.cell_at(Col::Inspected)
                    ),
                );
                None
            }
        };
        let judgements = Judgements {
            leadership: self.judgement(Col::Leadership, warnings),
            help_and_protection: self.judgement(Col::HelpAndProtection, warnings),
            children_in_care: self.judgement(Col::ChildrenInCare, warnings),
            care_leavers: self.judgement(Col::CareLeavers, warnings),
        };
        let framework = match type_text {
            Some(t) if t.contains("ilacs") => Some(Framework::Ilacs),
            Some(t) if t.contains("sif") || t.contains("single inspection") => Some(Framework::Sif),
            _ if self.raw.kind == SheetKind::History => Some(Framework::Ilacs),
            _ => None,
        };
        Some(Inspection {
            published,
            inspected,
            framework,
            overall: Some(overall),
            judgements: judgements_if_any(judgements),
            report: None,
        })
    }

    /// The inspection's publication date, or `None` (with a warning).
    fn published(&self, code: &str, warnings: &mut Vec<ReadWarning>) -> Option<Date> {
        match date_of(self.get(Col::Published)) {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                self.warn(
                    warnings,
                    format!(
                        "no publication date ({}) for {code}; row not used",
                        self.cell_at(Col::Published)
                    ),
                );
                None
            }
            Err(why) => {
                self.warn(
                    warnings,
                    format!(
                        "{why} ({}) for {code}; row not used",
                        self.cell_at(Col::Published)
                    ),
                );
                None
            }
        }
    }

    /// A key judgement's grade; a cell that is not one is read as blank, with a warning.
    fn judgement(&self, c: Col, warnings: &mut Vec<ReadWarning>) -> Option<Grade> {
        let what = match self.get(c) {
            Cell::Empty => return None,
            Cell::Text(t) => match grade_words(t) {
                Some(g) => return g,
                None => quote_short(t),
            },
            other => other.describe(),
        };
        self.warn(
            warnings,
            format!("{what} is not a grade ({}); read as blank", self.cell_at(c)),
        );
        None
    }
}

/// Column `i` of a sheet as a warning names it: its letter (its number in a CSV file) and its
/// header, when it has one.
fn column_name(raw: &RawSheet, i: usize) -> String {
    let letter = if raw.csv {
        format!("column {}", i + 1)
    } else {
        format!("column {}", column_letters(i))
    };
    match raw.headers.get(i).filter(|h| !h.is_empty()) {
        Some(h) => format!("{letter} \"{h}\""),
        None => letter,
    }
}

/// Interprets the rows of every sheet (history first, so its rows win) into histories.
pub(crate) fn build(raws: &[RawSheet], warnings: &mut Vec<ReadWarning>) -> OfstedData {
    let mut councils: BTreeMap<String, Building> = BTreeMap::new();
    let mut latest_published: Option<Date> = None;
    for raw in raws {
        // Blank rows are reported when data follows them (not the blank tail of a sheet).
        let mut blank_rows: Vec<usize> = Vec::new();
        for (row, cells) in &raw.rows {
            let r = RowReader {
                raw,
                row: *row,
                cells,
            };
            if cells.iter().all(Cell::is_empty) {
                blank_rows.push(r.row);
                continue;
            }
            for b in blank_rows.drain(..) {
                warnings.push(ReadWarning {
                    at: Some(raw.at(b)),
                    text: "blank row skipped".to_string(),
                });
            }
            if let Some(published) = read_row(&r, &mut councils, warnings) {
                latest_published = latest_published.max(Some(published));
            }
        }
    }
    finish(councils, latest_published, warnings)
}

/// Reads one row into its council's history: its naming and status, then the visit or the
/// inspection it gives. The inspection's publication date, when it gives one.
fn read_row(
    r: &RowReader,
    councils: &mut BTreeMap<String, Building>,
    warnings: &mut Vec<ReadWarning>,
) -> Option<Date> {
    let code = r.code(warnings)?;
    let entry = councils.entry(code.clone()).or_default();
    r.naming(entry, &code, warnings);
    if r.raw.kind == SheetKind::Latest {
        entry.in_latest = true;
    }
    if r.raw.kind == SheetKind::History {
        r.status(entry, &code, warnings);
    }
    // What kind of row: in the in-year sheet, a visit (its date and kind) or an inspection.
    let type_text = match r.get(Col::Type) {
        Cell::Text(t) => Some(t.to_lowercase()),
        _ => None,
    };
    if r.raw.kind == SheetKind::InYear {
        match type_text.as_deref() {
            Some(t) if t.contains("monitoring") => {
                r.visit(entry, &code, VisitKind::Monitoring, warnings);
                return None;
            }
            Some(t) if t.contains("focused") => {
                r.visit(entry, &code, VisitKind::Focused, warnings);
                return None;
            }
            Some(t) if t.contains("inspection") => {}
            _ => {
                r.warn(
                    warnings,
                    format!(
                        "{} is not an inspection or visit type ({}); row skipped",
                        r.get(Col::Type).describe(),
                        r.cell_at(Col::Type)
                    ),
                );
                return None;
            }
        }
    }
    let inspection = r.inspection(&code, type_text.as_deref(), warnings)?;
    let published = inspection.published;
    add_inspection(entry, inspection, r.raw.at(r.row), &code, warnings);
    Some(published)
}

/// One inspection per publication date: a second row of the same date fills what the first
/// lacks, and a difference is reported (the first row's values are used).
fn add_inspection(
    entry: &mut Building,
    inspection: Inspection,
    at: Location,
    code: &str,
    warnings: &mut Vec<ReadWarning>,
) {
    let published = inspection.published;
    match entry
        .inspections
        .iter_mut()
        .find(|f| f.inspection.published == published)
    {
        Some(first) => {
            if let Some(diff) = merge(&mut first.inspection, &inspection) {
                warnings.push(ReadWarning {
                    at: Some(at),
                    text: format!(
                        "{code}'s inspection published {published} differs from {} ({diff}); the values there are used",
                        first.at
                    ),
                });
            }
        }
        None => entry.inspections.push(Found { inspection, at }),
    }
}

/// The councils read, current and no longer existing apart, each sorted by name, with a
/// warning for a council whose status and presence in the latest sheet disagree.
fn finish(
    councils: BTreeMap<String, Building>,
    latest_published: Option<Date>,
    warnings: &mut Vec<ReadWarning>,
) -> OfstedData {
    let mut current = Vec::new();
    let mut gone = Vec::new();
    for (code, b) in councils {
        let is_gone = matches!(b.status, Some((Status::Gone, _)));
        let history = council_history(code, b, warnings);
        if is_gone {
            gone.push(history);
        } else {
            current.push(history);
        }
    }
    let by_name = |a: &CouncilHistory, b: &CouncilHistory| {
        (a.name.to_lowercase(), &a.code).cmp(&(b.name.to_lowercase(), &b.code))
    };
    current.sort_by(by_name);
    gone.sort_by(by_name);
    let all: Vec<Visit> = current
        .iter()
        .chain(&gone)
        .flat_map(|c| c.visits.iter().cloned())
        .collect();
    OfstedData {
        path: String::new(),
        format: "",
        sheets: Vec::new(),
        councils: current,
        no_longer_exists: gone,
        visits: VisitCounts::of(&all),
        latest_published,
        as_at: None,
        warnings: Vec::new(),
        history: None,
        register: None,
        register_as_at: None,
    }
}

/// A council's history from what its rows gave: named by its code when no row names it, its
/// inspections and visits in date order.
fn council_history(code: String, b: Building, warnings: &mut Vec<ReadWarning>) -> CouncilHistory {
    let name = b.name.map_or_else(|| code.clone(), |(_, n)| n);
    let mut inspections: Vec<Inspection> =
        b.inspections.into_iter().map(|f| f.inspection).collect();
    inspections.sort_by_key(|i| i.published);
    let mut visits = b.visits;
    visits.sort();
    let is_gone = matches!(b.status, Some((Status::Gone, _)));
    if is_gone && b.in_latest {
        if let Some((_, at)) = &b.status {
            warnings.push(ReadWarning {
                at: Some(at.clone()),
                text: format!(
                    "{name} ({code}) is marked \"No longer exists\" but is listed in {LATEST_SHEET}; it is listed apart, not assessed"
                ),
            });
        }
    }
    if !is_gone && !b.in_latest {
        warnings.push(ReadWarning {
            at: None,
            text: format!(
                "{name} ({code}) is not in {LATEST_SHEET} nor marked \"No longer exists\"; it is assessed on its other rows"
            ),
        });
    }
    CouncilHistory {
        code,
        name,
        region: b.region.map(|(_, r)| r),
        inspections,
        visits,
        aliases: Vec::new(),
        other_codes: Vec::new(),
        neighbours: Vec::new(),
        events: Vec::new(),
    }
}

pub(crate) fn status_words(s: Status) -> &'static str {
    match s {
        Status::Current => "\"Current\"",
        Status::Gone => "\"No longer exists\"",
    }
}

/// A grade in Ofsted's words; `Some(None)` for an explicit "not judged" mark.
pub(crate) fn grade_words(t: &str) -> Option<Option<Grade>> {
    let norm = t.trim().to_lowercase();
    if matches!(
        norm.as_str(),
        "-" | "n/a" | "na" | "not applicable" | "not judged"
    ) {
        return Some(None);
    }
    Grade::from_words(t).map(Some)
}

/// Reads a date cell: a spreadsheet date, or text `YYYY-MM-DD` (a time after it is ignored)
/// or `DD/MM/YYYY` as UK spreadsheets export it.
pub(crate) fn date_of(cell: &Cell) -> Result<Option<Date>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some(*d)),
        Cell::Text(t) => {
            let iso = t
                .get(..10)
                .filter(|_| t.len() == 10 || t[10..].starts_with('T') || t[10..].starts_with(' '));
            let candidate = match iso {
                Some(s) if s.as_bytes().get(4) == Some(&b'-') => s.to_string(),
                _ => {
                    let parts: Vec<&str> = t.split('/').collect();
                    match parts.as_slice() {
                        [d, m, y] if y.len() == 4 && d.len() <= 2 && m.len() <= 2 => {
                            format!("{y}-{m:0>2}-{d:0>2}")
                        }
                        _ => t.clone(),
                    }
                }
            };
            match Date::parse(&candidate) {
                Ok(d) => Ok(Some(d)),
                Err(DateError::OutOfRange) => Err(format!(
                    "{} is outside the dates accepted (1990-01-01 to 2100-12-31)",
                    cell.describe()
                )),
                Err(DateError::NotADate) => Err(format!(
                    "{} is not a date (YYYY-MM-DD or DD/MM/YYYY)",
                    cell.describe()
                )),
            }
        }
        other => Err(format!("{} is not a date", other.describe())),
    }
}

/// A grade in the built-in rulesets' words, for the reader's notes on the file.
pub(crate) fn grade_in_words(g: Grade) -> &'static str {
    trust_eligibility::RulesetFile::default_ref().map_or(g.code(), |r| r.grades.of(g))
}

/// An inspection's overall grade: the one place the reader reads it (reports published from
/// April 2026 may have none).
pub fn overall_of(i: &Inspection) -> Option<Grade> {
    i.grade()
}

/// The judgements, or `None` when every one is blank.
pub(crate) fn judgements_if_any(j: Judgements) -> Option<Judgements> {
    let any = [
        j.help_and_protection,
        j.children_in_care,
        j.care_leavers,
        j.leadership,
    ]
    .iter()
    .any(Option::is_some);
    any.then_some(j)
}

/// Merges a second row for the same inspection into the first: a value blank (or unreadable)
/// in the first is taken from the second; where both give a value and they differ, the first's
/// stands and the difference is returned in words.
pub(crate) fn merge(first: &mut Inspection, other: &Inspection) -> Option<String> {
    let mut out = Vec::new();
    let (a, b) = (overall_of(first), overall_of(other));
    if a != b {
        let words = |g: Option<Grade>| g.map_or("not given", grade_in_words);
        out.push(format!("overall {} there, {} here", words(a), words(b)));
    }
    match (first.inspected, other.inspected) {
        (Some(a), Some(b)) if a != b => out.push(format!("inspection date {a} there, {b} here")),
        (None, Some(b)) => first.inspected = Some(b),
        _ => {}
    }
    if first.framework.is_none() {
        first.framework = other.framework;
    }
    if let Some(jb) = &other.judgements {
        let ja = first.judgements.get_or_insert_with(Judgements::default);
        for (what, x, y) in [
            ("leaders", &mut ja.leadership, jb.leadership),
            (
                "help and protection",
                &mut ja.help_and_protection,
                jb.help_and_protection,
            ),
            (
                "children in care",
                &mut ja.children_in_care,
                jb.children_in_care,
            ),
            ("care leavers", &mut ja.care_leavers, jb.care_leavers),
        ] {
            match (*x, y) {
                (Some(a), Some(b)) if a != b => {
                    out.push(format!(
                        "{what} {} there, {} here",
                        grade_in_words(a),
                        grade_in_words(b)
                    ));
                }
                (None, Some(b)) => *x = Some(b),
                _ => {}
            }
        }
    }
    (!out.is_empty()).then(|| out.join("; "))
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
pub(crate) fn column_letters(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8_lossy(&s).into_owned()
}
