//! Data to Insight's report history (`ofsted_csc_ilacs_history.csv`, one row a published
//! report, scraped from Ofsted's own PDFs) and the same tool's council lookup (`la_lookup.csv`:
//! Ofsted URN → ONS code, other names, statistical neighbours), and how the history is merged
//! into Ofsted's statistics.
//!
//! - Files are recognised by their header row, not their names.
//! - Dates are `DD/MM/YY` (publication; read as 20YY) or `DD/MM/YYYY`.
//! - Grades are lower-case words ("requires improvement"); `not_reported_post_reform` is a
//!   report without an overall grade (April 2026 framework); `inspection_pre_dates_judgement`
//!   is care leavers not judged; `data_unreadable` and blanks are missing, never guessed; any
//!   other word is reported by line and read as missing.
//! - Each report's `inspection_link` becomes the inspection's `report` when it is an `https:`
//!   or `http:` address; anything else is dropped with a warning.
//! - The history joins the statistics by code through the lookup (URN → `la_code_new`), never
//!   by name. Two councils' ONS codes changed in 2023 (Barnsley, Sheffield: boundary changes);
//!   the statistics as at 31 March 2025 still use the old codes, so [`FORMER_CODES`] maps them.
//! - Merging ([`merge_history`](crate::merge::merge_history)): the statistics are the base. A report is the same report when
//!   it is the same council's with the same publication date (no tolerance: on the shipped
//!   files every report both give has exactly the same date, and none is a day or a week
//!   apart). Where both give a report and disagree on a grade both give, the statistics win and
//!   the difference is reported as a warning with the history's line; the statistics' report
//!   gains the history's link. Every report the history has that the statistics do not is
//!   added, when it can be an inspection (it has an overall grade, or it is a report of the
//!   April 2026 framework with key judgements); others are reported, never guessed.

use crate::sheets::{Location, ReadWarning, SheetKind};
use std::collections::HashMap;
use trust_eligibility::date::Date;
use trust_eligibility::error::{Error, ErrorCode};
use trust_eligibility::input::{quote_short, Framework, Grade, Inspection, Judgements};

/// The tool's council lookup as shipped (`data/ofsted-d2i/la_lookup.csv`), used when no lookup
/// is given with the history.
pub const DEFAULT_LOOKUP: &str = include_str!("../../../data/ofsted-d2i/la_lookup.csv");
/// Its file name, for messages.
pub const DEFAULT_LOOKUP_FILE: &str = "la_lookup.csv";

/// ONS codes that changed (old, new): Barnsley and Sheffield, April 2023 boundary changes. The
/// statistics as at 31 March 2025 use the old codes, the lookup the new.
pub const FORMER_CODES: [(&str, &str); 2] =
    [("E08000016", "E08000038"), ("E08000019", "E08000039")];

/// A code's current form: a former code ([`FORMER_CODES`]) moved to its new one.
pub fn current_code(code: &str) -> &str {
    FORMER_CODES
        .iter()
        .find(|(old, _)| *old == code)
        .map_or(code, |(_, new)| new)
}

/// Values the history uses for a grade it does not give.
const UNREADABLE: &str = "data_unreadable";
const NO_OVERALL: &str = "not_reported_post_reform";
const NOT_JUDGED_YET: &str = "inspection_pre_dates_judgement";

/// What a CSV file that is not one of Ofsted's sheets is, from its first line.
pub(crate) fn other_kind(bytes: &[u8]) -> Option<SheetKind> {
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let text = String::from_utf8_lossy(first).to_lowercase();
    let cols: Vec<&str> = text
        .trim_start_matches('\u{feff}')
        .trim_end_matches('\r')
        .split(',')
        .map(str::trim)
        .collect();
    let has = |c: &str| cols.contains(&c);
    if has("urn") && has("inspection_link") && has("publication_date") {
        Some(SheetKind::ReportHistory)
    } else if has("urn") && has("la_code_new") {
        Some(SheetKind::Lookup)
    } else if has("council") && has("code") && has("event") && has("date") {
        Some(SheetKind::Register)
    } else {
        None
    }
}

/// A CSV file's header and rows (line number, cells; a cell that is not UTF-8 is `Err`).
pub(crate) struct Records {
    pub(crate) headers: Vec<String>,
    pub(crate) rows: Vec<(usize, Vec<Result<String, ()>>)>,
}

impl Records {
    pub(crate) fn index(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }
}

/// Reads a CSV file (RFC 4180) with its header row. Text that is not CSV ends the file with an
/// error naming its line; rows of any length are kept (the readers report short rows).
pub(crate) fn records(kind: SheetKind, shown: &str, bytes: &[u8]) -> Result<Records, Error> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut headers = None;
    let mut rows = Vec::new();
    for record in reader.byte_records() {
        let record = record.map_err(|e| {
            let line = e
                .position()
                .map_or(String::new(), |p| format!(" line {}", p.line()));
            Error::new(
                ErrorCode::UnreadableFile,
                kind.name(),
                format_args!("{shown}{line} is not CSV: {e}"),
            )
        })?;
        let line = record
            .position()
            .map_or(rows.len() + 1, |p| p.line() as usize);
        let cells: Vec<Result<String, ()>> = record
            .iter()
            .map(|f| {
                std::str::from_utf8(f)
                    .map(|s| s.trim().to_string())
                    .map_err(|_| ())
            })
            .collect();
        if headers.is_none() {
            headers = Some(
                cells
                    .iter()
                    .map(|c| {
                        c.clone()
                            .unwrap_or_default()
                            .trim_start_matches('\u{feff}')
                            .to_lowercase()
                    })
                    .collect(),
            );
            continue;
        }
        rows.push((line, cells));
    }
    Ok(Records {
        headers: headers.unwrap_or_default(),
        rows,
    })
}

/// The columns a file must have, or an error naming the first missing.
pub(crate) fn columns<const N: usize>(
    rec: &Records,
    kind: SheetKind,
    shown: &str,
    names: [&str; N],
    what: &str,
) -> Result<[usize; N], Error> {
    let mut out = [0; N];
    for (i, name) in names.iter().enumerate() {
        out[i] = rec.index(name).ok_or_else(|| {
            Error::new(
                ErrorCode::MissingColumn,
                kind.name(),
                format_args!(
                    "{shown} has no column \"{name}\" in its header row; expected {what} (columns {})",
                    names.join(", ")
                ),
            )
        })?;
    }
    Ok(out)
}

/// One council of the lookup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LookupCouncil {
    pub urn: String,
    /// The current ONS code (`la_code_new`).
    pub code: String,
    /// The ONS name (`local_authority_ons_name`).
    pub name: String,
    /// Names it is also known as ("BCP", "Hull").
    pub aliases: Vec<String>,
    /// The DfE's statistical neighbours, by ONS code.
    pub neighbours: Vec<String>,
    pub region: Option<String>,
}

/// The tool's council lookup.
#[derive(Clone, Debug, Default)]
pub struct Lookup {
    pub councils: Vec<LookupCouncil>,
    by_urn: HashMap<String, usize>,
    by_code: HashMap<String, usize>,
}

impl Lookup {
    pub fn by_urn(&self, urn: &str) -> Option<&LookupCouncil> {
        self.by_urn.get(urn).map(|&i| &self.councils[i])
    }

    pub fn by_code(&self, code: &str) -> Option<&LookupCouncil> {
        self.by_code.get(code).map(|&i| &self.councils[i])
    }

    /// The shipped lookup ([`DEFAULT_LOOKUP`]).
    pub fn shipped() -> Lookup {
        let mut w = Vec::new();
        read_lookup(DEFAULT_LOOKUP_FILE, DEFAULT_LOOKUP.as_bytes(), &mut w).unwrap_or_default()
    }
}

/// Splits a list cell: `[BCP, Bournemouth, Christchurch & Poole]` or `E09000010, E06000032`.
fn list_cell(s: &str) -> Vec<String> {
    s.trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split(',')
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
        .collect()
}

/// Is this an ONS code as the lookup writes it (a letter and eight digits)?
pub(crate) fn is_ons_code(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 9 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit)
}

/// Reads the lookup; a row it cannot read is reported by line and skipped.
pub fn read_lookup(
    shown: &str,
    bytes: &[u8],
    warnings: &mut Vec<ReadWarning>,
) -> Result<Lookup, Error> {
    let kind = SheetKind::Lookup;
    let rec = records(kind, shown, bytes)?;
    let [urn, code, name] = columns(
        &rec,
        kind,
        shown,
        ["urn", "la_code_new", "local_authority_ons_name"],
        "Data to Insight's council lookup",
    )?;
    let aka = rec.index("also_known_as");
    let neighbours = rec.index("stat_neighbours_la_code");
    let region = rec.index("region_name");
    let mut out = Lookup::default();
    for (line, cells) in &rec.rows {
        let at = Location::line(kind, shown, Some(*line));
        let mut warn = |text: String| {
            warnings.push(ReadWarning {
                at: Some(at.clone()),
                text,
            })
        };
        let get = |i: Option<usize>| -> Result<&str, ()> {
            match i.and_then(|i| cells.get(i)) {
                Some(Ok(s)) => Ok(s.as_str()),
                Some(Err(())) => Err(()),
                None => Ok(""),
            }
        };
        let (Ok(u), Ok(c), Ok(n)) = (get(Some(urn)), get(Some(code)), get(Some(name))) else {
            warn("text that is not UTF-8; row skipped".to_string());
            continue;
        };
        if cells.iter().all(|c| matches!(c, Ok(s) if s.is_empty())) {
            continue;
        }
        if u.is_empty() || !is_ons_code(c) || n.is_empty() {
            warn(format!(
                "no URN, ONS code ({}) or name; row skipped",
                quote_short(c)
            ));
            continue;
        }
        if out.by_urn.contains_key(u) || out.by_code.contains_key(c) {
            warn(format!(
                "URN {u} or code {c} is listed twice; the first is used"
            ));
            continue;
        }
        let mut bad_neighbours = Vec::new();
        let council = LookupCouncil {
            urn: u.to_string(),
            code: c.to_string(),
            name: n.to_string(),
            aliases: get(aka).map(list_cell).unwrap_or_default(),
            neighbours: get(neighbours)
                .map(list_cell)
                .unwrap_or_default()
                .into_iter()
                .map(|x| current_code(&x).to_string())
                .filter(|x| {
                    let ok = is_ons_code(x);
                    if !ok {
                        bad_neighbours.push(x.clone());
                    }
                    ok
                })
                .collect(),
            region: get(region).ok().filter(|r| !r.is_empty()).map(String::from),
        };
        if !bad_neighbours.is_empty() {
            warn(format!(
                "statistical neighbours that are not ONS codes dropped: {}",
                bad_neighbours.join(", ")
            ));
        }
        let i = out.councils.len();
        out.by_urn.insert(council.urn.clone(), i);
        out.by_code.insert(council.code.clone(), i);
        out.councils.push(council);
    }
    Ok(out)
}

/// One report of the history, read.
pub(crate) struct HistoryRow {
    pub(crate) code: String,
    pub(crate) at: Location,
    pub(crate) inspection: Inspection,
    /// Why it cannot be an inspection on its own (no overall grade before April 2026, or no
    /// key judgement), when it cannot.
    pub(crate) unusable: Option<&'static str>,
}

/// The history as read.
pub(crate) struct ReportHistory {
    pub(crate) file: String,
    pub(crate) rows: Vec<HistoryRow>,
    /// The latest publication date in the file: the date it is as at.
    pub(crate) latest: Option<Date>,
}

/// A date `DD/MM/YY` (read as 20YY) or `DD/MM/YYYY`; `Ok(None)` when blank.
pub(crate) fn dmy(s: &str) -> Result<Option<Date>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = s.split('/').collect();
    let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    let not_a_date = || format!("{} is not a date (DD/MM/YY or DD/MM/YYYY)", quote_short(s));
    match parts.as_slice() {
        [d, m, y] if digits(d, 1..=2) && digits(m, 1..=2) && (y.len() == 2 || y.len() == 4) => {
            if !digits(y, 2..=4) {
                return Err(not_a_date());
            }
            let year = if y.len() == 2 {
                format!("20{y}")
            } else {
                y.to_string()
            };
            Date::parse(&format!("{year}-{m:0>2}-{d:0>2}"))
                .map(Some)
                .map_err(|_| not_a_date())
        }
        _ => Err(not_a_date()),
    }
}

/// A grade cell: `Ok(None)` for blank, unreadable or not judged; `Err` for a word not known.
fn grade_cell(s: &str) -> Result<Option<Grade>, ()> {
    match s.trim() {
        "" | UNREADABLE | NO_OVERALL | NOT_JUDGED_YET => Ok(None),
        t => Grade::from_words(t).map(Some).ok_or(()),
    }
}

/// An address kept as a link: `https:` or `http:` only.
pub(crate) fn is_web_address(s: &str) -> bool {
    let lower = s.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && lower.len() > "https://".len()
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The columns of the report history, by position in its header.
struct HistoryColumns {
    urn: usize,
    link: usize,
    published: usize,
    overall: usize,
    leaders: usize,
    help: usize,
    care: usize,
    leavers: usize,
    start: Option<usize>,
    framework: Option<usize>,
}

/// One line of the report history: its cells, and where to report what is wrong with it.
struct HistoryLine<'a> {
    headers: &'a [String],
    cells: &'a [Result<String, ()>],
    at: Location,
}

impl HistoryLine<'_> {
    fn warn(&self, warnings: &mut Vec<ReadWarning>, text: String) {
        warnings.push(ReadWarning {
            at: Some(self.at.clone()),
            text,
        })
    }

    /// The text of cell `i` ("" when the line is short; an error when it is not UTF-8).
    fn cell(&self, i: usize) -> Result<&str, String> {
        match self.cells.get(i) {
            Some(Ok(s)) => Ok(s.as_str()),
            Some(Err(())) => Err(format!(
                "column \"{}\" is text that is not UTF-8",
                self.headers[i]
            )),
            None => Ok(""),
        }
    }

    /// The text of an optional column's cell ("" without the column).
    fn opt(&self, i: Option<usize>) -> Result<&str, String> {
        i.map_or(Ok(""), |i| self.cell(i))
    }

    /// The grade in cell `i` (`what` names it in a warning); missing when not readable.
    fn grade(
        &self,
        i: usize,
        what: &str,
        code: &str,
        warnings: &mut Vec<ReadWarning>,
    ) -> Option<Grade> {
        let text = match self.cell(i) {
            Ok(t) => t,
            Err(why) => {
                self.warn(warnings, format!("{code}: {why}; {what} read as missing"));
                return None;
            }
        };
        grade_cell(text).unwrap_or_else(|()| {
            self.warn(
                warnings,
                format!(
                    "{code}: {} is not a grade ({what}); read as missing",
                    quote_short(text)
                ),
            );
            None
        })
    }

    /// The report's address, kept when it is an `https:` or `http:` one.
    fn report(&self, col: usize, code: &str, warnings: &mut Vec<ReadWarning>) -> Option<String> {
        match self.cell(col) {
            Ok("") => None,
            Ok(l) if is_web_address(l) => Some(l.to_string()),
            Ok(l) => {
                self.warn(
                    warnings,
                    format!(
                        "{code}: the report's address {} is not an https: or http: address; dropped",
                        quote_short(l)
                    ),
                );
                None
            }
            Err(why) => {
                self.warn(warnings, format!("{code}: {why}; no report address"));
                None
            }
        }
    }

    /// The line's report, or `None` (with a warning) when its URN is not a council in the
    /// lookup or it has no publication date.
    fn row(
        &self,
        c: &HistoryColumns,
        lookup: &Lookup,
        warnings: &mut Vec<ReadWarning>,
    ) -> Option<HistoryRow> {
        let u = match self.cell(c.urn) {
            Ok(u) => u,
            Err(why) => {
                self.warn(warnings, format!("{why}; row skipped"));
                return None;
            }
        };
        let Some(council) = lookup.by_urn(u) else {
            self.warn(
                warnings,
                format!(
                    "URN {} is not a council in the lookup; row skipped",
                    quote_short(u)
                ),
            );
            return None;
        };
        let code = &council.code;
        let published = match self.cell(c.published).map(dmy) {
            Ok(Ok(Some(d))) => d,
            Ok(Ok(None)) => {
                self.warn(
                    warnings,
                    format!("{code}: no publication date; row skipped"),
                );
                return None;
            }
            Ok(Err(why)) | Err(why) => {
                self.warn(
                    warnings,
                    format!("{code}: publication date: {why}; row skipped"),
                );
                return None;
            }
        };
        let inspected = match self.opt(c.start).map(dmy) {
            Ok(Ok(d)) => d,
            Ok(Err(why)) | Err(why) => {
                self.warn(
                    warnings,
                    format!("{code}: inspection start date: {why}; read as blank"),
                );
                None
            }
        };
        let report = self.report(c.link, code, warnings);
        let overall_grade = self.grade(c.overall, "overall effectiveness", code, warnings);
        let judgements = Judgements {
            leadership: self.grade(c.leaders, "impact of leaders", code, warnings),
            help_and_protection: self.grade(c.help, "help and protection", code, warnings),
            children_in_care: self.grade(c.care, "children in care", code, warnings),
            care_leavers: self.grade(c.leavers, "care leavers", code, warnings),
        };
        let post_reform = self.cell(c.overall).is_ok_and(|t| t == NO_OVERALL);
        let any_key = judgements.help_and_protection.is_some()
            || judgements.children_in_care.is_some()
            || judgements.care_leavers.is_some();
        let unusable = match (overall_grade, post_reform, any_key) {
            (Some(_), _, _) => None,
            (None, true, true) => None,
            (None, true, false) => {
                Some("no overall grade (April 2026 framework) and no key judgement readable")
            }
            (None, false, _) => Some("no overall grade readable"),
        };
        let any = judgements.given().next().is_some();
        let framework = match self.opt(c.framework) {
            Ok(t) if !t.is_empty() => Some(Framework::Ilacs),
            _ => None,
        };
        Some(HistoryRow {
            code: code.clone(),
            at: self.at.clone(),
            inspection: Inspection {
                published,
                inspected,
                framework,
                overall: overall_grade,
                judgements: any.then_some(judgements),
                report,
            },
            unusable,
        })
    }
}

/// Reads the report history: every row it can, each bad row or cell reported by line.
pub(crate) fn read_history(
    shown: &str,
    bytes: &[u8],
    lookup: &Lookup,
    warnings: &mut Vec<ReadWarning>,
) -> Result<ReportHistory, Error> {
    let kind = SheetKind::ReportHistory;
    let rec = records(kind, shown, bytes)?;
    let [urn, link, published, overall, leaders, help, care, leavers] = columns(
        &rec,
        kind,
        shown,
        [
            "urn",
            "inspection_link",
            "publication_date",
            "overall_effectiveness_grade",
            "impact_of_leaders_grade",
            "help_and_protection_grade",
            "in_care_grade",
            "care_leavers_grade",
        ],
        "Data to Insight's ILACS report history (ofsted_csc_ilacs_history.csv)",
    )?;
    let c = HistoryColumns {
        urn,
        link,
        published,
        overall,
        leaders,
        help,
        care,
        leavers,
        start: rec.index("inspection_start_date"),
        framework: rec.index("inspection_framework"),
    };
    let mut rows = Vec::new();
    let mut latest: Option<Date> = None;
    for (line, cells) in &rec.rows {
        if cells.iter().all(|c| matches!(c, Ok(s) if s.is_empty())) {
            continue;
        }
        let line = HistoryLine {
            headers: &rec.headers,
            cells,
            at: Location::line(kind, shown, Some(*line)),
        };
        if let Some(row) = line.row(&c, lookup, warnings) {
            latest = latest.max(Some(row.inspection.published));
            rows.push(row);
        }
    }
    Ok(ReportHistory {
        file: shown.to_string(),
        rows,
        latest,
    })
}
