//! Ofsted's published "Local authority inspection outcomes" (SPEC §7): read the spreadsheet,
//! or its sheets exported as CSV, build every council's inspection history, and assess every
//! council on one date. The engine it calls is the same as everywhere else.
//!
//! Behind the `ofsted` cargo feature (on by default; the checker's wasm is built without it).
//! One reader, from bytes ([`read_bytes`]), serves both the `ofsted` command ([`read`] and
//! [`run`], native only: they read paths and directories) and the browser's separate wasm
//! module (`ofsted-wasm/`, which returns a [`Listing`]).
//!
//! What is read, and from where:
//! - [`LATEST_SHEET`] (`Inspections_as_at_31_March`): each council's latest judgements, its
//!   name and Ofsted region. It may hold an inspection that the history does not (a council
//!   last inspected under the single inspection framework, before 2018).
//! - [`HISTORY_SHEET`] (`ILACS_inspection_history`): every graded ILACS inspection since 2018,
//!   and whether the council still exists.
//! - [`IN_YEAR_SHEET`] (`In-year_inspections`, optional): the year's inspections (graded ones
//!   are used) and its focused and monitoring visits, each read into the council's history with
//!   its date (the sheet's "Inspection/Visit date") and kind. The file gives neither a
//!   monitoring visit's progress nor whether a focused visit set priority actions, which are
//!   what the rules read of a visit (SPEC §3.1), so those are left out, never guessed
//!   ([`VISITS_NOTE`]).
//!
//! An inspection found in several sheets (same council, same publication date) is read once;
//! where the sheets disagree the history's row is used and a warning names both rows. Every row
//! or cell that cannot be read is reported as a [`ReadWarning`] naming its sheet and row; a
//! file that is not Ofsted's format is an [`Error`] naming the sheet or column expected.

use crate::date::Date;
use crate::error::{Error, ErrorCode};
use crate::input::{
    Council, CouncilInput, Framework, Grade, Inspection, Judgements, Visit, VisitKind,
};
use crate::output::{KeyDate, RulesetRef};
use crate::{assess_council, CouncilAssessment, RulesetFile};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
#[cfg(not(target_arch = "wasm32"))]
use std::io::IsTerminal;
use std::path::Path;
#[cfg(not(target_arch = "wasm32"))]
use std::path::PathBuf;

/// The sheet with each council's latest judgements.
pub const LATEST_SHEET: &str = "Inspections_as_at_31_March";
/// The sheet with every graded ILACS inspection since 2018.
pub const HISTORY_SHEET: &str = "ILACS_inspection_history";
/// The sheet with the year's inspections and visits.
pub const IN_YEAR_SHEET: &str = "In-year_inspections";

/// How many rows from the top of a sheet are searched for its header row.
const HEADER_SEARCH_ROWS: usize = 20;

/// What is read of the visits the file lists, and what is not.
pub const VISITS_NOTE: &str = "Ofsted's outcomes file lists each focused and monitoring visit \
with its date, and these are part of each council's history. It does not say what the rules \
read of a visit: a monitoring visit's progress (significant, some or insufficient) or whether a \
focused visit set priority actions. So no rule that depends on a visit's outcome applies from \
the file alone: add the outcome from the visit's published letter to apply it.";

/// One of the three sheets of Ofsted's file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum SheetKind {
    #[serde(rename = "ILACS_inspection_history")]
    History,
    #[serde(rename = "Inspections_as_at_31_March")]
    Latest,
    #[serde(rename = "In-year_inspections")]
    InYear,
}

impl SheetKind {
    /// The three, in the order their rows take precedence (history first; also their `Ord`).
    pub const ALL: [SheetKind; 3] = [SheetKind::History, SheetKind::Latest, SheetKind::InYear];

    /// The sheet's name in Ofsted's spreadsheet.
    pub fn name(self) -> &'static str {
        match self {
            SheetKind::Latest => LATEST_SHEET,
            SheetKind::History => HISTORY_SHEET,
            SheetKind::InYear => IN_YEAR_SHEET,
        }
    }

    fn required(self) -> &'static [Col] {
        match self {
            SheetKind::Latest | SheetKind::History => {
                &[Col::Code, Col::Name, Col::Published, Col::Overall]
            }
            SheetKind::InYear => &[
                Col::Code,
                Col::Name,
                Col::Published,
                Col::Type,
                Col::Overall,
            ],
        }
    }
}

/// A column of Ofsted's sheets, recognised by its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Code,
    Name,
    Status,
    Region,
    Inspected,
    Published,
    Type,
    Overall,
    Leadership,
    HelpAndProtection,
    ChildrenInCare,
    CareLeavers,
}

impl Col {
    /// The header as Ofsted writes it (for error messages).
    fn header(self) -> &'static str {
        match self {
            Col::Code => "Local authority area code",
            Col::Name => "Local authority name",
            Col::Status => "Local authority status",
            Col::Region => "Ofsted region",
            Col::Inspected => "Inspection date",
            Col::Published => "Publication date",
            Col::Type => "Inspection/Visit type",
            Col::Overall => "Overall effectiveness",
            Col::Leadership => {
                "The impact of leaders on social work practice with children and families"
            }
            Col::HelpAndProtection => {
                "The experiences and progress of children who need help and protection"
            }
            Col::ChildrenInCare => "The experiences and progress of children in care",
            Col::CareLeavers => "The experiences and progress of care leavers",
        }
    }

    /// Recognises a header cell (case, spacing and a byte-order mark do not matter).
    fn of_header(text: &str) -> Option<Col> {
        let norm = text
            .trim_start_matches('\u{feff}')
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let col = match norm.as_str() {
            "local authority area code" | "local authority code" | "la code" | "area code" => {
                Col::Code
            }
            "local authority name" | "local authority" | "la name" => Col::Name,
            "local authority status" | "status" => Col::Status,
            "ofsted region" | "region" => Col::Region,
            "inspection date"
            | "inspection/visit date"
            | "visit date"
            | "inspection start date" => Col::Inspected,
            "publication date" | "published" | "date published" => Col::Published,
            "inspection type" | "inspection/visit type" | "visit type" => Col::Type,
            "overall effectiveness" => Col::Overall,
            _ if norm.contains("impact of leaders") || norm.contains("leadership") => {
                Col::Leadership
            }
            _ if norm.contains("help and protection") => Col::HelpAndProtection,
            _ if norm.contains("care leavers") => Col::CareLeavers,
            _ if norm.contains("children in care") || norm.contains("children looked after") => {
                Col::ChildrenInCare
            }
            _ => return None,
        };
        Some(col)
    }
}

/// A cell as read, before it is interpreted.
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    Empty,
    Text(String),
    Date(Date),
    Number(f64),
    /// Something that cannot be a value here (a spreadsheet error, a duration...), described.
    Bad(String),
}

impl Cell {
    fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    fn describe(&self) -> String {
        match self {
            Cell::Empty => "a blank cell".to_string(),
            Cell::Text(s) => crate::input::quote_short(s),
            Cell::Date(d) => format!("the date {d}"),
            Cell::Number(n) => format!("the number {n}"),
            Cell::Bad(s) => s.clone(),
        }
    }
}

/// Where a row came from: the sheet, the file, and the row (spreadsheet) or line (CSV) number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    pub sheet: SheetKind,
    /// The file the sheet was read from.
    pub file: String,
    /// The row number as a spreadsheet program shows it, or the line number of a CSV file.
    pub row: Option<usize>,
    #[serde(skip)]
    csv: bool,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.csv {
            write!(f, "{} ({})", file_name(&self.file), self.sheet.name())?;
            if let Some(r) = self.row {
                write!(f, " line {r}")?;
            }
        } else {
            f.write_str(self.sheet.name())?;
            if let Some(r) = self.row {
                write!(f, " row {r}")?;
            }
        }
        Ok(())
    }
}

/// A row or cell that could not be read, or something in the file the user should know.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadWarning {
    /// The sheet and row, when the warning is about one; `None` for the whole file.
    pub at: Option<Location>,
    pub text: String,
}

impl std::fmt::Display for ReadWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.at {
            Some(at) => write!(f, "{at}: {}", self.text),
            None => f.write_str(&self.text),
        }
    }
}

/// One sheet as found: its header and its rows, not yet interpreted.
struct RawSheet {
    kind: SheetKind,
    file: String,
    csv: bool,
    /// The header row's number (1-based, as shown to users).
    header_row: usize,
    /// The text of the rows above the header (Ofsted's title and notes), one entry per cell.
    title: Vec<String>,
    /// The column each cell position holds, by header.
    columns: Vec<Option<Col>>,
    /// The header text of each cell position, for messages.
    headers: Vec<String>,
    /// Each data row with its number.
    rows: Vec<(usize, Vec<Cell>)>,
}

impl RawSheet {
    fn at(&self, row: usize) -> Location {
        Location {
            sheet: self.kind,
            file: self.file.clone(),
            row: Some(row),
            csv: self.csv,
        }
    }

    fn index(&self, col: Col) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(col))
    }
}

/// What was read from which file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SheetRead {
    pub sheet: SheetKind,
    pub file: String,
    /// The header row's number (a CSV file's line number).
    pub header_row: usize,
    /// Data rows below the header.
    pub rows: usize,
}

/// How many visits of each kind were read (see [`VISITS_NOTE`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
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
            status: None,
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
    pub latest_published: Option<Date>,
    /// The date the file is "as at", from the title above the header of [`LATEST_SHEET`] (as
    /// Ofsted writes it: "... as at 31 March 2025"), else from the name of the file holding
    /// that sheet (`..._as_at_31_March_2025.ods`, `latest_as_at_2025-03-31.csv`).
    pub as_at: Option<Date>,
    pub warnings: Vec<ReadWarning>,
}

/// One file given as bytes: its name (shown in messages; a `.csv` name, or contents that are
/// not a spreadsheet's, mean CSV) and its contents.
#[derive(Clone, Copy, Debug)]
pub struct FileBytes<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// Reads Ofsted's outcomes file from memory, as a browser gives it: one spreadsheet (`.ods` or
/// `.xlsx`; natively `.xls` and `.xlsb` too), or the sheets exported as CSV (several files;
/// sheets are recognised by their header row, not their file names). The reader the `ofsted`
/// command uses on files.
pub fn read_bytes(files: &[FileBytes<'_>]) -> Result<OfstedData, Error> {
    let mut warnings = Vec::new();
    let shown = files.iter().map(|f| f.name).collect::<Vec<_>>().join(", ");
    let (format, raws) = match files {
        [] => return Err(not_ofsted("no file was given")),
        [one] if is_spreadsheet(one) => {
            ("spreadsheet", spreadsheet_sheets(one.name, one.bytes, "")?)
        }
        _ => {
            if let Some(book) = files.iter().find(|f| is_spreadsheet(f)) {
                return Err(not_ofsted(format_args!(
                    "{} is a spreadsheet and was given with other files; give either the spreadsheet alone or its sheets as CSV files",
                    book.name
                )));
            }
            let (named, others) = match files {
                [one] => (Some(csv_sheet(one.name, one.bytes)?), Vec::new()),
                _ => (
                    None,
                    files
                        .iter()
                        .map(|f| (f.name.to_string(), csv_sheet(f.name, f.bytes)))
                        .collect(),
                ),
            };
            let place = CsvPlace {
                within: "among the files given",
                hint: "export it from Ofsted's spreadsheet and give the CSV files together, or give the spreadsheet itself",
            };
            ("csv", combine_csv(named, others, &place, &mut warnings)?)
        }
    };
    Ok(finish(shown, format, raws, warnings))
}

/// Whether a file given as bytes is a spreadsheet: by its name's extension, else by its first
/// bytes (a zip archive: `.ods`, `.xlsx`; a compound document: `.xls`).
fn is_spreadsheet(f: &FileBytes<'_>) -> bool {
    let ext = extension_of(f.name);
    if ext == "csv" {
        return false;
    }
    const BOOKS: [&str; 7] = ["ods", "xlsx", "xlsm", "xlam", "xlsb", "xls", "xla"];
    BOOKS.contains(&ext.as_str())
        || f.bytes.starts_with(b"PK\x03\x04")
        || f.bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// A file name's extension in lower case ("" when it has none).
fn extension_of(name: &str) -> String {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// What every way of reading ends with: the sheets found, a warning when the in-year sheet is
/// missing, and the councils' histories.
fn finish(
    shown: String,
    format: &'static str,
    raws: Vec<RawSheet>,
    mut warnings: Vec<ReadWarning>,
) -> OfstedData {
    let sheets = raws
        .iter()
        .map(|r| SheetRead {
            sheet: r.kind,
            file: r.file.clone(),
            header_row: r.header_row,
            rows: r.rows.len(),
        })
        .collect();
    if !raws.iter().any(|r| r.kind == SheetKind::InYear) {
        warnings.push(ReadWarning {
            at: None,
            text: format!(
                "no {IN_YEAR_SHEET} sheet was found: the year's inspections are taken from the other sheets, and its visits are not counted"
            ),
        });
    }
    let mut data = build(&raws, &mut warnings);
    data.as_at = raws
        .iter()
        .find(|r| r.kind == SheetKind::Latest)
        .and_then(|r| {
            r.title
                .iter()
                .find_map(|t| as_at_in(t))
                .or_else(|| as_at_in(file_name(&r.file)))
        });
    data.path = shown;
    data.format = format;
    data.sheets = sheets;
    data.warnings = warnings;
    data
}

/// Reads Ofsted's outcomes file: the spreadsheet (`.ods`, or `.xlsx`/`.xls`), a directory
/// holding the sheets exported as CSV, or one such CSV file (the other sheets are then taken
/// from the CSV files beside it). Sheets in CSV files are recognised by their header row, not
/// their file names. Native only; [`read_bytes`] reads the same from memory.
#[cfg(not(target_arch = "wasm32"))]
pub fn read(path: &Path) -> Result<OfstedData, Error> {
    read_with_progress(path, false)
}

#[cfg(not(target_arch = "wasm32"))]
fn read_with_progress(path: &Path, progress: bool) -> Result<OfstedData, Error> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| cannot_read(&shown, &e))?;
    let mut warnings = Vec::new();
    let (format, raws) = if meta.is_dir() {
        ("csv", read_csv_dir(path, None, &mut warnings, progress)?)
    } else if has_extension(path, "csv") {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new("."));
        (
            "csv",
            read_csv_dir(dir, Some(path), &mut warnings, progress)?,
        )
    } else {
        let bytes = std::fs::read(path).map_err(|e| cannot_read(&shown, &e))?;
        let raws = spreadsheet_sheets(&shown, &bytes, " nor is it a .csv file or a directory")?;
        if progress {
            for r in &raws {
                eprintln!("reading sheet {}... {} rows", r.kind.name(), r.rows.len());
            }
        }
        ("spreadsheet", raws)
    };
    Ok(finish(shown, format, raws, warnings))
}

#[cfg(not(target_arch = "wasm32"))]
fn cannot_read(shown: &str, e: &std::io::Error) -> Error {
    Error::new(
        ErrorCode::InvalidValue,
        "",
        format_args!("cannot read {shown}: {e}"),
    )
}

#[cfg(not(target_arch = "wasm32"))]
fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// The date in "as at 31 March 2025" (Ofsted's titles and file names, where `_` stands for a
/// space) or "as at 2025-03-31" (this project's CSV exports).
pub fn as_at_in(text: &str) -> Option<Date> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let norm = text.to_lowercase().replace(['_', '\u{a0}'], " ");
    let at = norm.find("as at ")?;
    let words: Vec<&str> = norm[at + 6..]
        .split(|c: char| c.is_whitespace() || c == '.' || c == ',')
        .filter(|w| !w.is_empty())
        .take(3)
        .collect();
    if let Some(first) = words.first() {
        if let Some(iso) = first.get(..10) {
            if let Ok(d) = Date::parse(iso) {
                return Some(d);
            }
        }
    }
    match words.as_slice() {
        [day, month, year] => {
            let m = MONTHS.iter().position(|name| name == month)? as u32 + 1;
            let day: u32 = day.parse().ok()?;
            let year: i32 = year.get(..4)?.parse().ok()?;
            Date::from_ymd(year, m, day)
        }
        _ => None,
    }
}

fn file_name(path: &str) -> &str {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

fn not_ofsted(detail: impl std::fmt::Display) -> Error {
    Error::new(
        ErrorCode::InvalidValue,
        "",
        format_args!("{detail}; expected Ofsted's \"Local authority inspection outcomes\" file (the .ods as published, or its sheets exported as CSV)"),
    )
}

// ---------------------------------------------------------------------------------------------
// Reading the spreadsheet

/// The spreadsheet formats read, for messages. The browser's module reads the formats Ofsted
/// publishes and a spreadsheet program saves by default (`.ods`, `.xlsx`); the command line
/// reads `.xls` and `.xlsb` too (their readers would add about 95 KB to the module).
#[cfg(not(target_arch = "wasm32"))]
const SPREADSHEETS: &str = ".ods, .xlsx or .xls";
#[cfg(target_arch = "wasm32")]
const SPREADSHEETS: &str = ".ods or .xlsx";

type Bytes<'a> = std::io::Cursor<&'a [u8]>;

/// Reads Ofsted's sheets from a spreadsheet's bytes, in the format its name's extension says
/// (as calamine's `open_workbook_auto` does for a path), else in the first format that opens it.
/// `shown` names it in messages; `also` ends the message for a file that is no spreadsheet
/// (what else it could have been).
fn spreadsheet_sheets(shown: &str, bytes: &[u8], also: &str) -> Result<Vec<RawSheet>, Error> {
    use calamine::{Ods, Reader, Xlsx};
    let cannot = |e: &dyn std::fmt::Display| {
        not_ofsted(format_args!(
            "cannot read {shown} as a spreadsheet ({SPREADSHEETS}){also}: {e}"
        ))
    };
    let rs = || std::io::Cursor::new(bytes);
    match extension_of(shown).as_str() {
        "ods" => sheets_of(Ods::new(rs()).map_err(|e| cannot(&e))?, shown),
        "xlsx" | "xlsm" | "xlam" => sheets_of(Xlsx::new(rs()).map_err(|e| cannot(&e))?, shown),
        #[cfg(not(target_arch = "wasm32"))]
        "xls" | "xla" => sheets_of(calamine::Xls::new(rs()).map_err(|e| cannot(&e))?, shown),
        #[cfg(not(target_arch = "wasm32"))]
        "xlsb" => sheets_of(calamine::Xlsb::new(rs()).map_err(|e| cannot(&e))?, shown),
        #[cfg(target_arch = "wasm32")]
        "xls" | "xla" | "xlsb" => Err(cannot(
            &"this format is not read here; save the file as .ods or .xlsx and choose that",
        )),
        _ => {
            #[cfg(not(target_arch = "wasm32"))]
            {
                if let Ok(book) = calamine::Xls::new(rs()) {
                    return sheets_of(book, shown);
                }
            }
            if let Ok(book) = Xlsx::new(rs()) {
                return sheets_of(book, shown);
            }
            #[cfg(not(target_arch = "wasm32"))]
            {
                if let Ok(book) = calamine::Xlsb::new(rs()) {
                    return sheets_of(book, shown);
                }
            }
            match Ods::new(rs()) {
                Ok(book) => sheets_of(book, shown),
                Err(_) => Err(cannot(&"Cannot detect file format")),
            }
        }
    }
}

/// Finds Ofsted's sheets in an open workbook: by name, then any other sheet whose header row
/// says it is one of the missing ones (a renamed sheet).
fn sheets_of<'a, R>(mut book: R, shown: &str) -> Result<Vec<RawSheet>, Error>
where
    R: calamine::Reader<Bytes<'a>>,
    R::Error: std::fmt::Display,
{
    let names = book.sheet_names();
    let mut out: Vec<RawSheet> = Vec::new();
    // Sheets by their names first.
    for kind in SheetKind::ALL {
        if let Some(name) = names.iter().find(|n| n.trim() == kind.name()) {
            let rows = sheet_rows(&mut book, name, shown)?;
            let raw = raw_sheet(rows, shown, false, Some(kind), name)?;
            out.push(raw);
        }
    }
    // Then any other sheet whose header row says it is one of the missing ones (a renamed sheet).
    for name in &names {
        if SheetKind::ALL.iter().any(|k| k.name() == name.trim()) {
            continue;
        }
        let Ok(rows) = sheet_rows(&mut book, name, shown) else {
            continue;
        };
        if let Ok(raw) = raw_sheet(rows, shown, false, None, name) {
            if !out.iter().any(|r| r.kind == raw.kind) {
                out.push(raw);
            }
        }
    }
    for kind in [SheetKind::Latest, SheetKind::History] {
        if !out.iter().any(|r| r.kind == kind) {
            return Err(Error::new(
                ErrorCode::MissingField,
                kind.name(),
                format_args!(
                    "{shown} has no sheet {} (its sheets: {}); expected Ofsted's \"Local authority inspection outcomes\" spreadsheet with sheets {LATEST_SHEET}, {HISTORY_SHEET} and {IN_YEAR_SHEET}",
                    kind.name(),
                    names.join(", ")
                ),
            ));
        }
    }
    out.sort_by_key(|r| r.kind);
    Ok(out)
}

/// A sheet's cells with their row numbers (1-based, as a spreadsheet program shows them).
fn sheet_rows<'a, R>(
    book: &mut R,
    name: &str,
    shown: &str,
) -> Result<Vec<(usize, Vec<Cell>)>, Error>
where
    R: calamine::Reader<Bytes<'a>>,
    R::Error: std::fmt::Display,
{
    let range = book.worksheet_range(name).map_err(|e| {
        Error::new(
            ErrorCode::InvalidValue,
            name,
            format_args!("cannot read sheet {name} of {shown}: {e}"),
        )
    })?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let pad = first_col as usize;
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, row)| {
            let mut cells = vec![Cell::Empty; pad];
            cells.extend(row.iter().map(cell_of_data));
            (first_row as usize + i + 1, cells)
        })
        .collect())
}

fn cell_of_data(d: &calamine::Data) -> Cell {
    use calamine::Data;
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => text_cell(s),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTimeIso(s) => match s.get(..10).map(Date::parse) {
            Some(Ok(d)) => Cell::Date(d),
            _ => Cell::Bad(format!(
                "the date {s:?}, outside 1990-01-01 to 2100-12-31 or not a calendar date"
            )),
        },
        // A date serial number (.xlsx, .xls); calamine reads .ods dates as ISO text.
        Data::DateTime(dt) => match serial_date(dt.as_f64()) {
            Some(d) => Cell::Date(d),
            None => Cell::Bad(format!(
                "the date serial number {}, outside 1990-01-01 to 2100-12-31",
                dt.as_f64()
            )),
        },
        Data::DurationIso(s) => Cell::Bad(format!("the duration {s:?}")),
        Data::Error(e) => Cell::Bad(format!("the spreadsheet error {e}")),
    }
}

/// A spreadsheet date serial number (days since 1899-12-30) as a date in the accepted range.
fn serial_date(serial: f64) -> Option<Date> {
    if !serial.is_finite() {
        return None;
    }
    let day = Date::from_ymd(1899, 12, 30)?.add_days(serial.floor() as i64);
    Date::parse(&day.to_string()).ok()
}

fn text_cell(s: &str) -> Cell {
    let t = s.trim();
    if t.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(t.to_string())
    }
}

/// Finds the header row, decides which sheet this is (or checks it is `expected`), and keeps
/// the rows below the header.
fn raw_sheet(
    rows: Vec<(usize, Vec<Cell>)>,
    file: &str,
    csv: bool,
    expected: Option<SheetKind>,
    shown_name: &str,
) -> Result<RawSheet, Error> {
    let unit = if csv { "lines" } else { "rows" };
    let found = rows.iter().take(HEADER_SEARCH_ROWS).position(|(_, cells)| {
        let cols: Vec<Option<Col>> = cells.iter().map(header_col).collect();
        cols.contains(&Some(Col::Code)) && cols.contains(&Some(Col::Published))
    });
    let Some(h) = found else {
        let what = match expected {
            Some(k) => format!("sheet {} of {file}", k.name()),
            None if csv => file.to_string(),
            None => format!("sheet {shown_name} of {file}"),
        };
        let expected_what = if csv {
            format!("a CSV export of one of the sheets {LATEST_SHEET}, {HISTORY_SHEET} or {IN_YEAR_SHEET} of Ofsted's \"Local authority inspection outcomes\"")
        } else {
            "Ofsted's \"Local authority inspection outcomes\" format".to_string()
        };
        return Err(Error::new(
            ErrorCode::MissingField,
            expected.map_or("", SheetKind::name),
            format_args!(
                "{what} is not one of Ofsted's sheets: it has no header row with the columns \"{}\" and \"{}\" in its first {HEADER_SEARCH_ROWS} {unit}; expected {expected_what}",
                Col::Code.header(),
                Col::Published.header()
            ),
        ));
    };
    let mut rows = rows;
    let body = rows.split_off(h + 1);
    let (header_row, header_cells) = rows.swap_remove(h);
    let title: Vec<String> = rows
        .iter()
        .flat_map(|(_, cells)| cells.iter())
        .filter_map(|c| match c {
            Cell::Text(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    let columns: Vec<Option<Col>> = header_cells.iter().map(header_col).collect();
    let headers: Vec<String> = header_cells
        .iter()
        .map(|c| match c {
            Cell::Text(t) => t.clone(),
            _ => String::new(),
        })
        .collect();
    let has = |c: Col| columns.contains(&Some(c));
    let kind = match expected {
        Some(k) => k,
        None if has(Col::Type) && headers.iter().any(|h| h.to_lowercase().contains("visit")) => {
            SheetKind::InYear
        }
        None if has(Col::Status) || has(Col::Type) => SheetKind::History,
        None => SheetKind::Latest,
    };
    for &col in kind.required() {
        if !has(col) {
            let place = if csv {
                format!("{} line {header_row}", file_name(file))
            } else {
                format!("sheet {} row {header_row}", kind.name())
            };
            return Err(Error::new(
                ErrorCode::MissingField,
                kind.name(),
                format_args!(
                    "the header row of {} ({place}) has no column \"{}\"; expected Ofsted's columns {}",
                    kind.name(),
                    col.header(),
                    kind.required()
                        .iter()
                        .map(|c| format!("\"{}\"", c.header()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    Ok(RawSheet {
        kind,
        file: file.to_string(),
        csv,
        header_row,
        title,
        columns,
        headers,
        rows: body,
    })
}

fn header_col(c: &Cell) -> Option<Col> {
    match c {
        Cell::Text(t) => Col::of_header(t),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Reading CSV exports

/// Where a set of CSV files came from, for messages: `within` ("in DIR", "among the files
/// given") and what to do about a missing sheet.
struct CsvPlace<'a> {
    within: &'a str,
    hint: &'a str,
}

/// Picks Ofsted's sheets from CSV files already read: `named` (a file the user named, which
/// must be one of the sheets and takes precedence), then each of `others` (name, sheet or why
/// not), where a file that is not one of Ofsted's sheets is skipped with a warning. The latest
/// and history sheets must be found, each once.
fn combine_csv(
    named: Option<RawSheet>,
    others: Vec<(String, Result<RawSheet, Error>)>,
    place: &CsvPlace<'_>,
    warnings: &mut Vec<ReadWarning>,
) -> Result<Vec<RawSheet>, Error> {
    let named_kind = named.as_ref().map(|r| r.kind);
    let has_named = named.is_some();
    let mut out: Vec<RawSheet> = named.into_iter().collect();
    let mut found: Vec<RawSheet> = Vec::new();
    let mut skipped: Vec<String> = Vec::new();
    for (name, read) in others {
        match read {
            Ok(raw) if Some(raw.kind) == named_kind => {}
            Ok(raw) => {
                if let Some(other) = found.iter().find(|r| r.kind == raw.kind) {
                    return Err(Error::new(
                        ErrorCode::InvalidValue,
                        raw.kind.name(),
                        format_args!(
                            "two CSV files {} hold sheet {}: {} and {}; keep one of them",
                            place.within,
                            raw.kind.name(),
                            file_name(&other.file),
                            file_name(&raw.file)
                        ),
                    ));
                }
                found.push(raw);
            }
            Err(e) if !has_named => {
                skipped.push(file_name(&name).to_string());
                warnings.push(ReadWarning {
                    at: None,
                    text: format!("skipped: {}", e.message),
                });
            }
            Err(_) => {}
        }
    }
    out.extend(found);
    for kind in [SheetKind::Latest, SheetKind::History] {
        if !out.iter().any(|r| r.kind == kind) {
            let expected = kind
                .required()
                .iter()
                .map(|c| format!("\"{}\"", c.header()))
                .collect::<Vec<_>>()
                .join(", ");
            let extra = if kind == SheetKind::History {
                format!(" and \"{}\"", Col::Status.header())
            } else {
                String::new()
            };
            let skipped = if skipped.is_empty() {
                String::new()
            } else {
                format!(
                    " ({} skipped: not one of Ofsted's sheets)",
                    skipped.join(", ")
                )
            };
            return Err(Error::new(
                ErrorCode::MissingField,
                kind.name(),
                format_args!(
                    "no CSV file {} holds sheet {} (a header row with the columns {expected}{extra}){skipped}; {}",
                    place.within,
                    kind.name(),
                    place.hint
                ),
            ));
        }
    }
    out.sort_by_key(|r| r.kind);
    Ok(out)
}

/// Reads the CSV files of a directory. With `named`, that file must be one of Ofsted's sheets
/// and takes precedence; the other sheets come from the CSV files beside it.
#[cfg(not(target_arch = "wasm32"))]
fn read_csv_dir(
    dir: &Path,
    named: Option<&Path>,
    warnings: &mut Vec<ReadWarning>,
    progress: bool,
) -> Result<Vec<RawSheet>, Error> {
    let read_file = |path: &Path| -> Result<RawSheet, Error> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| cannot_read(&shown, &e))?;
        csv_sheet(&shown, &bytes)
    };
    let named_raw = named.map(read_file).transpose()?;
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Error::new(
            ErrorCode::InvalidValue,
            "",
            format_args!("cannot read the directory {}: {e}", dir.display()),
        )
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && has_extension(p, "csv"))
        .filter(|p| named.is_none_or(|n| !same_file(n, p)))
        .collect();
    files.sort();
    let others = files
        .iter()
        .map(|f| (f.display().to_string(), read_file(f)))
        .collect();
    let within = format!("in {}", dir.display());
    let place = CsvPlace {
        within: &within,
        hint: "export it from Ofsted's spreadsheet beside the others",
    };
    let out = combine_csv(named_raw, others, &place, warnings)?;
    if progress {
        for r in &out {
            eprintln!(
                "reading {} ({})... {} rows",
                r.file,
                r.kind.name(),
                r.rows.len()
            );
        }
    }
    Ok(out)
}

#[cfg(not(target_arch = "wasm32"))]
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Reads one of Ofsted's sheets from a CSV file's bytes (`shown` names the file).
fn csv_sheet(shown: &str, bytes: &[u8]) -> Result<RawSheet, Error> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for record in reader.byte_records() {
        let record = record.map_err(|e| {
            let line = e
                .position()
                .map_or(String::new(), |p| format!(" line {}", p.line()));
            not_ofsted(format_args!("{shown}{line} is not CSV: {e}"))
        })?;
        let line = record
            .position()
            .map_or(rows.len() + 1, |p| p.line() as usize);
        let cells = record
            .iter()
            .map(|field| match std::str::from_utf8(field) {
                Ok(s) => text_cell(s),
                Err(_) => Cell::Bad("text that is not UTF-8 (save the CSV as UTF-8)".to_string()),
            })
            .collect();
        rows.push((line, cells));
    }
    raw_sheet(rows, shown, true, None, "")
}
// ---------------------------------------------------------------------------------------------
// Building the councils' histories

/// A council's status in the history sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Current,
    Gone,
}

/// An inspection read from a row, with where it came from.
struct Found {
    inspection: Inspection,
    at: Location,
}

#[derive(Default)]
struct Building {
    /// Name and region by sheet precedence for naming: latest, history, in-year.
    name: Option<(u8, String)>,
    region: Option<(u8, String)>,
    status: Option<(Status, Location)>,
    in_latest: bool,
    inspections: Vec<Found>,
    visits: Vec<Visit>,
}

fn naming_rank(kind: SheetKind) -> u8 {
    match kind {
        SheetKind::Latest => 0,
        SheetKind::History => 1,
        SheetKind::InYear => 2,
    }
}

/// Interprets the rows of every sheet (history first, so its rows win) into histories.
fn build(raws: &[RawSheet], warnings: &mut Vec<ReadWarning>) -> OfstedData {
    let mut councils: BTreeMap<String, Building> = BTreeMap::new();
    let mut latest_published: Option<Date> = None;
    for raw in raws {
        let warn = |warnings: &mut Vec<ReadWarning>, row: usize, text: String| {
            warnings.push(ReadWarning {
                at: Some(raw.at(row)),
                text,
            });
        };
        let idx = |c: Col| raw.index(c);
        let column_name = |i: usize| -> String {
            let letter = if raw.csv {
                format!("column {}", i + 1)
            } else {
                format!("column {}", column_letters(i))
            };
            match raw.headers.get(i).filter(|h| !h.is_empty()) {
                Some(h) => format!("{letter} \"{h}\""),
                None => letter,
            }
        };
        // Blank rows are reported when data follows them (not the blank tail of a sheet).
        let mut blank_rows: Vec<usize> = Vec::new();
        for (row, cells) in &raw.rows {
            let row = *row;
            if cells.iter().all(Cell::is_empty) {
                blank_rows.push(row);
                continue;
            }
            for r in blank_rows.drain(..) {
                warn(warnings, r, "blank row skipped".to_string());
            }
            let get =
                |c: Col| -> &Cell { idx(c).and_then(|i| cells.get(i)).unwrap_or(&Cell::Empty) };
            let cell_at = |c: Col| -> String { idx(c).map_or_else(String::new, column_name) };

            // Which council.
            let code = match get(Col::Code) {
                Cell::Text(t) => t.clone(),
                Cell::Empty => {
                    warn(
                        warnings,
                        row,
                        format!(
                            "no local authority code ({}); row skipped",
                            cell_at(Col::Code)
                        ),
                    );
                    continue;
                }
                other => {
                    warn(
                        warnings,
                        row,
                        format!(
                            "{} is not a local authority code ({}); row skipped",
                            other.describe(),
                            cell_at(Col::Code)
                        ),
                    );
                    continue;
                }
            };
            let entry = councils.entry(code.clone()).or_default();
            let rank = naming_rank(raw.kind);
            match get(Col::Name) {
                Cell::Text(n) => {
                    if entry.name.as_ref().is_none_or(|(r, _)| rank < *r) {
                        entry.name = Some((rank, n.clone()));
                    }
                }
                other => warn(
                    warnings,
                    row,
                    format!(
                        "{} is not a local authority name ({}); the council is named by its code {code} unless another row names it",
                        other.describe(),
                        cell_at(Col::Name)
                    ),
                ),
            }
            match get(Col::Region) {
                Cell::Text(n) => {
                    if entry.region.as_ref().is_none_or(|(r, _)| rank < *r) {
                        entry.region = Some((rank, n.clone()));
                    }
                }
                Cell::Empty => {}
                other => warn(
                    warnings,
                    row,
                    format!(
                        "{} is not a region ({}); read as blank",
                        other.describe(),
                        cell_at(Col::Region)
                    ),
                ),
            }
            if raw.kind == SheetKind::Latest {
                entry.in_latest = true;
            }
            if raw.kind == SheetKind::History {
                let status = match get(Col::Status) {
                    Cell::Text(s) if s.eq_ignore_ascii_case("no longer exists") => {
                        Some(Status::Gone)
                    }
                    Cell::Text(s) if s.eq_ignore_ascii_case("current") => Some(Status::Current),
                    Cell::Empty => None,
                    other => {
                        warn(
                            warnings,
                            row,
                            format!(
                                "{} is not a status (expected \"Current\" or \"No longer exists\"; {}); read as current",
                                other.describe(),
                                cell_at(Col::Status)
                            ),
                        );
                        None
                    }
                };
                if let Some(s) = status {
                    match &entry.status {
                        Some((prev, prev_at)) if *prev != s => warn(
                            warnings,
                            row,
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
                        entry.status = Some((s, raw.at(row)));
                    }
                }
            }

            // What kind of row: in the in-year sheet, a visit (its date and kind) or an inspection.
            let type_text = match get(Col::Type) {
                Cell::Text(t) => Some(t.to_lowercase()),
                _ => None,
            };
            if raw.kind == SheetKind::InYear {
                let kind = match type_text.as_deref() {
                    Some(t) if t.contains("monitoring") => Some(VisitKind::Monitoring),
                    Some(t) if t.contains("focused") => Some(VisitKind::Focused),
                    _ => None,
                };
                if let Some(kind) = kind {
                    let what = match kind {
                        VisitKind::Monitoring => "monitoring visit",
                        VisitKind::Focused => "focused visit",
                    };
                    let date = match date_of(get(Col::Inspected)) {
                        Ok(Some(d)) => d,
                        Ok(None) => {
                            warn(
                                warnings,
                                row,
                                format!(
                                    "no visit date ({}) for {code}'s {what}; visit not read",
                                    cell_at(Col::Inspected)
                                ),
                            );
                            continue;
                        }
                        Err(why) => {
                            warn(
                                warnings,
                                row,
                                format!(
                                    "{why} ({}) for {code}'s {what}; visit not read",
                                    cell_at(Col::Inspected)
                                ),
                            );
                            continue;
                        }
                    };
                    let visit = Visit {
                        date,
                        kind,
                        progress: None,
                        priority_actions: None,
                    };
                    if entry.visits.contains(&visit) {
                        warn(
                            warnings,
                            row,
                            format!("{code}'s {what} of {date} is listed twice; read once"),
                        );
                    } else {
                        entry.visits.push(visit);
                    }
                    continue;
                }
                match type_text.as_deref() {
                    Some(t) if t.contains("inspection") => {}
                    _ => {
                        warn(
                            warnings,
                            row,
                            format!(
                                "{} is not an inspection or visit type ({}); row skipped",
                                get(Col::Type).describe(),
                                cell_at(Col::Type)
                            ),
                        );
                        continue;
                    }
                }
            }

            // The inspection.
            let overall = match get(Col::Overall) {
                Cell::Text(t) => match grade_words(t) {
                    Some(Some(g)) => Some(g),
                    _ => None,
                },
                _ => None,
            };
            let Some(overall) = overall else {
                let what = if get(Col::Overall).is_empty() {
                    "no overall effectiveness grade".to_string()
                } else {
                    format!("{} is not a grade", get(Col::Overall).describe())
                };
                let then = if raw.kind == SheetKind::Latest {
                    "no inspection read from this row; the council is assessed on its other rows"
                } else {
                    "row not used"
                };
                warn(
                    warnings,
                    row,
                    format!("{what} ({}) for {code}; {then}", cell_at(Col::Overall)),
                );
                continue;
            };
            let published = match date_of(get(Col::Published)) {
                Ok(Some(d)) => d,
                Ok(None) => {
                    warn(
                        warnings,
                        row,
                        format!(
                            "no publication date ({}) for {code}; row not used",
                            cell_at(Col::Published)
                        ),
                    );
                    continue;
                }
                Err(why) => {
                    warn(
                        warnings,
                        row,
                        format!(
                            "{why} ({}) for {code}; row not used",
                            cell_at(Col::Published)
                        ),
                    );
                    continue;
                }
            };
            let inspected = match date_of(get(Col::Inspected)) {
                Ok(d) => d,
                Err(why) => {
                    warn(
                        warnings,
                        row,
                        format!(
                            "{why} ({}); inspection date read as blank",
                            cell_at(Col::Inspected)
                        ),
                    );
                    None
                }
            };
            let mut judgement = |c: Col| -> Option<Grade> {
                match get(c) {
                    Cell::Empty => None,
                    Cell::Text(t) => match grade_words(t) {
                        Some(g) => g,
                        None => {
                            warn(
                                warnings,
                                row,
                                format!(
                                    "{} is not a grade ({}); read as blank",
                                    crate::input::quote_short(t),
                                    cell_at(c)
                                ),
                            );
                            None
                        }
                    },
                    other => {
                        warn(
                            warnings,
                            row,
                            format!(
                                "{} is not a grade ({}); read as blank",
                                other.describe(),
                                cell_at(c)
                            ),
                        );
                        None
                    }
                }
            };
            let judgements = Judgements {
                leadership: judgement(Col::Leadership),
                help_and_protection: judgement(Col::HelpAndProtection),
                children_in_care: judgement(Col::ChildrenInCare),
                care_leavers: judgement(Col::CareLeavers),
            };
            let framework = match type_text.as_deref() {
                Some(t) if t.contains("ilacs") => Some(Framework::Ilacs),
                Some(t) if t.contains("sif") || t.contains("single inspection") => {
                    Some(Framework::Sif)
                }
                _ if raw.kind == SheetKind::History => Some(Framework::Ilacs),
                _ => None,
            };
            let inspection = Inspection {
                published,
                inspected,
                framework,
                overall,
                judgements: judgements_if_any(judgements),
            };
            latest_published = latest_published.max(Some(published));
            let at = raw.at(row);
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
    }

    let mut current = Vec::new();
    let mut gone = Vec::new();
    for (code, b) in councils {
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
        let history = CouncilHistory {
            code,
            name,
            region: b.region.map(|(_, r)| r),
            inspections,
            visits,
        };
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
    }
}

fn status_words(s: Status) -> &'static str {
    match s {
        Status::Current => "\"Current\"",
        Status::Gone => "\"No longer exists\"",
    }
}

/// A grade in Ofsted's words; `Some(None)` for an explicit "not judged" mark.
fn grade_words(t: &str) -> Option<Option<Grade>> {
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
fn date_of(cell: &Cell) -> Result<Option<Date>, String> {
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
                Err(crate::date::DateError::OutOfRange) => Err(format!(
                    "{} is outside the dates accepted (1990-01-01 to 2100-12-31)",
                    cell.describe()
                )),
                Err(crate::date::DateError::NotADate) => Err(format!(
                    "{} is not a date (YYYY-MM-DD or DD/MM/YYYY)",
                    cell.describe()
                )),
            }
        }
        other => Err(format!("{} is not a date", other.describe())),
    }
}

/// An inspection's overall grade: the one place the reader reads it (reports published from
/// April 2026 may have none).
pub fn overall_of(i: &Inspection) -> Option<Grade> {
    Some(i.overall)
}

/// The judgements, or `None` when every one is blank.
fn judgements_if_any(j: Judgements) -> Option<Judgements> {
    if j.given().next().is_some() {
        Some(j)
    } else {
        None
    }
}

/// Merges a second row for the same inspection into the first: a value blank (or unreadable)
/// in the first is taken from the second; where both give a value and they differ, the first's
/// stands and the difference is returned in words.
fn merge(first: &mut Inspection, other: &Inspection) -> Option<String> {
    let mut out = Vec::new();
    let (a, b) = (overall_of(first), overall_of(other));
    if a != b {
        let words = |g: Option<Grade>| g.map_or("not given", Grade::words);
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
                    out.push(format!("{what} {} there, {} here", a.words(), b.words()));
                }
                (None, Some(b)) => *x = Some(b),
                _ => {}
            }
        }
    }
    (!out.is_empty()).then(|| out.join("; "))
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
fn column_letters(mut i: usize) -> String {
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

// ---------------------------------------------------------------------------------------------
// Assessing every council

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
pub struct NotAssessed {
    pub code: String,
    pub name: String,
    pub error: Error,
}

/// A council that no longer exists: listed apart, not assessed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
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
pub struct Summary {
    pub councils: usize,
    pub by_intervention: BTreeMap<String, usize>,
    /// By the latest grade published on or before `asOf` (`none` when there is none).
    pub by_latest_grade: BTreeMap<String, usize>,
    pub persistent: usize,
    pub systemic: usize,
    pub not_assessed: usize,
    pub no_longer_exists: usize,
    /// Inspections in the file published after `asOf`, ignored.
    pub inspections_after_as_of: usize,
    pub latest_published_in_file: Option<Date>,
    /// The date the file is "as at", when it says.
    pub as_at: Option<Date>,
    /// The visits read from the file, in the councils' inputs.
    pub visits: VisitCounts,
    /// What is read of a visit, and what is not ([`VISITS_NOTE`]).
    pub visits_note: &'static str,
    /// The engine's warnings over all councils, by code.
    pub engine_warnings: BTreeMap<String, usize>,
}

/// Every council assessed on one date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub as_of: Date,
    pub ruleset: RulesetRef,
    pub source: Source,
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
pub struct Source {
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
    let rs = rules.select(as_of, ruleset)?;
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
                *by_intervention.entry(a.intervention.clone()).or_default() += 1;
                let grade = a
                    .latest_inspection
                    .as_ref()
                    .and_then(overall_of)
                    .map_or("none", grade_id);
                *by_latest_grade.entry(grade.to_string()).or_default() += 1;
                for w in &a.warnings {
                    *engine_warnings.entry(w.code.clone()).or_default() += 1;
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
    };
    Ok(Report {
        as_of,
        ruleset: RulesetRef::of(rs, ruleset.is_some()),
        source: Source {
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
pub struct ListedCouncil {
    pub code: String,
    pub name: String,
    pub region: Option<String>,
    /// The overall grade of the latest inspection published on or before `asOf`.
    pub latest_grade: Option<Grade>,
    /// That inspection's publication date.
    pub latest_published: Option<Date>,
    pub intervention: String,
    /// The row that fired, e.g. `protocol-2016/row-2`.
    pub rule: Option<String>,
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
    pub warnings: Vec<String>,
    /// The engine's input (SPEC §3.1) that gives this row: assessing it returns the council's
    /// full result, the same as this row.
    pub input: CouncilInput,
}

/// A warning about the file, with where it applies in words (`place`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
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
pub struct Listing {
    pub as_of: Date,
    pub ruleset: RulesetRef,
    pub source: Source,
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
                key_date: a.dates.first().cloned(),
                persistent: a.findings.persistent,
                systemic: a.findings.systemic,
                high_performing: a.findings.high_performing,
                inspections: history.inspections.len(),
                visits: c.visits,
                warnings: a.warnings.iter().map(|w| w.code.clone()).collect(),
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

// ---------------------------------------------------------------------------------------------
// The pages' council data

/// The publication's title, as Ofsted names the series.
pub const SOURCE_TITLE: &str = "Local authority inspection outcomes";
/// Who publishes it.
pub const SOURCE_PUBLISHER: &str = "Ofsted";
/// Its licence.
pub const SOURCE_LICENCE: &str = "Open Government Licence v3.0";
/// The licence's text.
pub const SOURCE_LICENCE_URL: &str =
    "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
/// Where Ofsted publishes it: the GOV.UK collection its cover sheet links to for the release.
pub const SOURCE_URL: &str =
    "https://www.gov.uk/government/collections/childrens-social-care-statistics";

/// Where the pages' council data came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CouncilsSource {
    pub title: &'static str,
    pub publisher: &'static str,
    pub licence: &'static str,
    pub licence_url: &'static str,
    /// The date the file is "as at", read from it.
    pub as_at: Date,
    /// The file's name.
    pub file: String,
    pub url: &'static str,
}

/// An inspection as the engine's council input takes it (SPEC §3.1), with the keys the file
/// gives nothing for left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InspectionData {
    pub published: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inspected: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub framework: Option<Framework>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overall: Option<Grade>,
    /// Every key judgement, `null` where the file gives none; left out when it gives none at all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub judgements: Option<JudgementsData>,
}

/// The key judgements, each `null` when not given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JudgementsData {
    pub help_and_protection: Option<Grade>,
    pub children_in_care: Option<Grade>,
    pub care_leavers: Option<Grade>,
    pub leadership: Option<Grade>,
}

/// A visit as the engine's council input takes it: the file gives its date and kind only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VisitData {
    pub date: Date,
    pub kind: VisitKind,
}

/// One council of the pages' data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CouncilData {
    pub name: String,
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Marked "No longer exists" in the file.
    pub former: bool,
    pub inspections: Vec<InspectionData>,
    pub visits: Vec<VisitData>,
}

/// The pages' council data: every council of the file (former ones marked), sorted by name,
/// each with its inspections and visits shaped as the engine's input, and the file's source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CouncilsData {
    pub source: CouncilsSource,
    pub councils: Vec<CouncilData>,
}

impl CouncilData {
    fn of(c: &CouncilHistory, former: bool) -> CouncilData {
        CouncilData {
            name: c.name.clone(),
            code: c.code.clone(),
            region: c.region.clone(),
            former,
            inspections: c
                .inspections
                .iter()
                .map(|i| InspectionData {
                    published: i.published,
                    inspected: i.inspected,
                    framework: i.framework,
                    overall: overall_of(i),
                    judgements: i.judgements.as_ref().map(|j| JudgementsData {
                        help_and_protection: j.help_and_protection,
                        children_in_care: j.children_in_care,
                        care_leavers: j.care_leavers,
                        leadership: j.leadership,
                    }),
                })
                .collect(),
            visits: c
                .visits
                .iter()
                .map(|v| VisitData {
                    date: v.date,
                    kind: v.kind,
                })
                .collect(),
        }
    }
}

/// The pages' council data from what was read: an error when the file does not say the date
/// it is "as at".
pub fn councils_data(data: &OfstedData) -> Result<CouncilsData, Error> {
    let as_at = data.as_at.ok_or_else(|| {
        Error::new(
            ErrorCode::MissingField,
            LATEST_SHEET,
            format_args!(
                "{} does not say the date it is \"as at\": expected a title such as \"Local authority inspection judgements as at 31 March 2025\" above the header of {LATEST_SHEET}, or a file name such as LA_Inspection_Outcomes_as_at_31_March_2025.ods or latest_as_at_2025-03-31.csv",
                data.path
            ),
        )
    })?;
    let mut councils: Vec<CouncilData> = data
        .councils
        .iter()
        .map(|c| CouncilData::of(c, false))
        .chain(
            data.no_longer_exists
                .iter()
                .map(|c| CouncilData::of(c, true)),
        )
        .collect();
    councils
        .sort_by(|a, b| (a.name.to_lowercase(), &a.code).cmp(&(b.name.to_lowercase(), &b.code)));
    Ok(CouncilsData {
        source: CouncilsSource {
            title: SOURCE_TITLE,
            publisher: SOURCE_PUBLISHER,
            licence: SOURCE_LICENCE,
            licence_url: SOURCE_LICENCE_URL,
            as_at,
            file: file_name(&data.path).to_string(),
            url: SOURCE_URL,
        },
        councils,
    })
}

/// [`councils_data`] as compact JSON text, as `www/data/councils.json` holds it (without the
/// final line break the file ends with).
pub fn councils_json(data: &OfstedData) -> Result<String, Error> {
    serde_json::to_string(&councils_data(data)?).map_err(|e| {
        Error::new(
            ErrorCode::InvalidValue,
            "",
            format_args!("cannot write JSON: {e}"),
        )
    })
}

fn grade_id(g: Grade) -> &'static str {
    match g {
        Grade::Outstanding => "outstanding",
        Grade::Good => "good",
        Grade::RequiresImprovement => "requires_improvement",
        Grade::Inadequate => "inadequate",
    }
}

fn grade_label(g: Grade) -> &'static str {
    match g {
        Grade::RequiresImprovement => "requires improvement",
        other => grade_id(other),
    }
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// The table's (and the CSV's) columns for one council.
fn row_cells(c: &AssessedCouncil) -> [String; 9] {
    let a = &c.assessment;
    let council = a.council.clone().unwrap_or_default();
    let key = a.dates.first().map_or_else(String::new, |d| {
        format!("{} {}", d.date, d.kind.replace('_', " "))
    });
    [
        council.code.unwrap_or_default(),
        council.name.unwrap_or_default(),
        c.region.clone().unwrap_or_default(),
        a.latest_inspection
            .as_ref()
            .and_then(overall_of)
            .map_or("none", grade_label)
            .to_string(),
        a.latest_inspection
            .as_ref()
            .map_or_else(String::new, |l| l.published.to_string()),
        a.intervention.clone(),
        key,
        yes_no(a.findings.persistent).to_string(),
        yes_no(a.findings.systemic).to_string(),
    ]
}

const TABLE_HEADERS: [&str; 9] = [
    "code",
    "name",
    "region",
    "latest grade",
    "published",
    "intervention",
    "key date",
    "persistent",
    "systemic",
];

/// Aligns rows of cells into columns two spaces apart.
fn aligned(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(cell);
            if i + 1 < r.len() {
                let pad = widths[i].saturating_sub(cell.chars().count());
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The councils as an aligned text table (one line per council, a header line first).
pub fn render_table(report: &Report) -> String {
    let mut rows: Vec<Vec<String>> = vec![TABLE_HEADERS.iter().map(|s| s.to_string()).collect()];
    rows.extend(report.councils.iter().map(|c| row_cells(c).to_vec()));
    aligned(&rows)
}

/// The councils as CSV (a header line first).
pub fn render_csv(report: &Report) -> Result<String, Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let internal = |e: &dyn std::fmt::Display| {
        Error::new(
            ErrorCode::InvalidValue,
            "",
            format_args!("cannot write CSV: {e}"),
        )
    };
    w.write_record([
        "code",
        "name",
        "region",
        "latest_grade",
        "latest_published",
        "intervention",
        "key_date",
        "key_date_kind",
        "persistent",
        "systemic",
        "high_performing",
    ])
    .map_err(|e| internal(&e))?;
    for c in &report.councils {
        let a = &c.assessment;
        let council = a.council.clone().unwrap_or_default();
        let key = a.dates.first();
        w.write_record([
            council.code.unwrap_or_default(),
            council.name.unwrap_or_default(),
            c.region.clone().unwrap_or_default(),
            a.latest_inspection
                .as_ref()
                .and_then(overall_of)
                .map_or("", grade_id)
                .to_string(),
            a.latest_inspection
                .as_ref()
                .map_or_else(String::new, |l| l.published.to_string()),
            a.intervention.clone(),
            key.map_or_else(String::new, |d| d.date.to_string()),
            key.map_or_else(String::new, |d| d.kind.clone()),
            a.findings.persistent.to_string(),
            a.findings.systemic.to_string(),
            a.findings.high_performing.to_string(),
        ])
        .map_err(|e| internal(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| internal(&e))?;
    String::from_utf8(bytes).map_err(|e| internal(&e))
}

/// The summary in words: counts by intervention and by latest grade, visits not used,
/// councils that no longer exist, and every warning about the file.
pub fn render_summary(report: &Report) -> String {
    let s = &report.summary;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} councils assessed as of {} under {} ({}).",
        s.councils, report.as_of, report.ruleset.id, report.ruleset.title
    );
    if let Some(d) = s.latest_published_in_file {
        let _ = write!(out, "The file's latest report was published {d}");
        if s.inspections_after_as_of > 0 {
            let _ = write!(
                out,
                "; {} inspections published after {} are ignored",
                s.inspections_after_as_of, report.as_of
            );
        } else if d < report.as_of {
            out.push_str("; anything published since is not in it");
        }
        out.push_str(".\n");
    }
    let mut counted: Vec<(&String, &usize)> = s.by_intervention.iter().collect();
    counted.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let mut rows: Vec<Vec<String>> = counted
        .iter()
        .map(|(k, v)| vec![format!("  {k}"), v.to_string()])
        .collect();
    out.push_str("\nBy intervention:\n");
    out.push_str(&aligned_right(&rows));
    out.push_str("\nBy latest grade:\n");
    rows = [
        "outstanding",
        "good",
        "requires_improvement",
        "inadequate",
        "none",
    ]
    .iter()
    .filter_map(|g| {
        let n = s.by_latest_grade.get(*g)?;
        let label = match *g {
            "requires_improvement" => "requires improvement",
            "none" => "no inspection published by then",
            other => other,
        };
        Some(vec![format!("  {label}"), n.to_string()])
    })
    .collect();
    out.push_str(&aligned_right(&rows));
    let _ = writeln!(
        out,
        "\nPersistent failure: {}; systemic failure: {}.",
        s.persistent, s.systemic
    );
    if s.by_latest_grade.contains_key("none") {
        let _ = writeln!(
            out,
            "Councils with no inspection published by {}: the file's history starts with ILACS in 2018, and earlier inspections appear only where they are a council's latest.",
            report.as_of
        );
    }
    let v = &s.visits;
    if v.total() > 0 {
        let _ = writeln!(
            out,
            "\nVisits: {} ({} monitoring, {} focused). {}",
            v.total(),
            v.monitoring,
            v.focused,
            VISITS_NOTE
        );
    }
    if !s.engine_warnings.is_empty() {
        let list: Vec<String> = s
            .engine_warnings
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        let _ = writeln!(
            out,
            "Warnings in the assessments (see --format json): {}.",
            list.join(", ")
        );
    }
    if !report.no_longer_exists.is_empty() {
        let _ = writeln!(
            out,
            "\nCouncils that no longer exist ({}), not assessed:",
            report.no_longer_exists.len()
        );
        let rows: Vec<Vec<String>> = report
            .no_longer_exists
            .iter()
            .map(|c| {
                let last = c.latest_inspection.as_ref().map_or_else(
                    || "no inspection by then".to_string(),
                    |l| {
                        format!(
                            "last inspection {}, published {}",
                            overall_of(l).map_or("not graded", grade_label),
                            l.published
                        )
                    },
                );
                vec![
                    format!("  {}", c.code),
                    c.name.clone(),
                    c.region.clone().unwrap_or_default(),
                    last,
                ]
            })
            .collect();
        out.push_str(&aligned(&rows));
    }
    if !report.not_assessed.is_empty() {
        let _ = writeln!(
            out,
            "\nCouncils not assessed ({}):",
            report.not_assessed.len()
        );
        for n in &report.not_assessed {
            let _ = writeln!(out, "  {} {}: {}", n.code, n.name, n.error.message);
        }
    }
    if !report.warnings.is_empty() {
        let _ = writeln!(
            out,
            "\nWarnings about the file ({}):",
            report.warnings.len()
        );
        for w in &report.warnings {
            let _ = writeln!(out, "  {w}");
        }
    }
    out
}

/// Two columns, the second (a count) right-aligned.
fn aligned_right(rows: &[Vec<String>]) -> String {
    let w0 = rows
        .iter()
        .filter_map(|r| r.first())
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(0);
    let w1 = rows
        .iter()
        .filter_map(|r| r.get(1))
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for r in rows {
        let a = r.first().map_or("", String::as_str);
        let b = r.get(1).map_or("", String::as_str);
        let _ = writeln!(out, "{a:<w0$}  {b:>w1$}");
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The command

/// How to print the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
    /// The pages' council data ([`councils_json`]): no assessment, so no `--as-of`.
    CouncilsJson,
}

#[cfg(not(target_arch = "wasm32"))]
struct Options {
    path: PathBuf,
    /// Required except for `--format councils-json`.
    as_of: Option<Date>,
    ruleset: Option<String>,
    format: Format,
    compact: bool,
}

#[cfg(not(target_arch = "wasm32"))]
fn usage_error(path: &str, detail: impl std::fmt::Display) -> Error {
    Error::new(ErrorCode::InvalidValue, path, detail)
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_options(args: &[String]) -> Result<Options, Error> {
    let mut path = None;
    let mut as_of = None;
    let mut ruleset = None;
    let mut format = Format::Table;
    let mut compact = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, Error> {
            match inline.clone() {
                Some(v) => Ok(v),
                None => it
                    .next()
                    .cloned()
                    .ok_or_else(|| usage_error(name, format_args!("{name} needs a value"))),
            }
        };
        match flag {
            "--as-of" => {
                let v = value("--as-of")?;
                as_of = Some(Date::parse(&v).map_err(|e| {
                    let why = match e {
                        crate::date::DateError::NotADate => "is not a date (YYYY-MM-DD)",
                        crate::date::DateError::OutOfRange => {
                            "is outside the dates accepted (1990-01-01 to 2100-12-31)"
                        }
                    };
                    Error::new(
                        ErrorCode::InvalidDate,
                        "--as-of",
                        format_args!("{} {why}", crate::input::quote_short(&v)),
                    )
                })?);
            }
            "--ruleset" => ruleset = Some(value("--ruleset")?),
            "--format" => {
                let v = value("--format")?;
                format = match v.as_str() {
                    "table" => Format::Table,
                    "csv" => Format::Csv,
                    "json" => Format::Json,
                    "councils-json" => Format::CouncilsJson,
                    other => {
                        return Err(usage_error(
                            "--format",
                            format_args!(
                                "{} is not a format (expected table, csv, json or councils-json)",
                                crate::input::quote_short(other)
                            ),
                        ))
                    }
                };
            }
            "--compact" => compact = true,
            _ if a.starts_with("--") => {
                return Err(usage_error(
                    "",
                    format_args!(
                        "unknown option {a} for ofsted (expected --as-of, --ruleset, --format, --compact)"
                    ),
                ))
            }
            _ if path.is_none() => path = Some(PathBuf::from(a)),
            _ => {
                return Err(usage_error(
                    "",
                    format_args!("ofsted takes one FILE; unexpected argument {a}"),
                ))
            }
        }
    }
    let path = path.ok_or_else(|| {
        usage_error(
            "",
            "ofsted needs a FILE: Ofsted's .ods, a directory of its sheets as CSV, or one of those CSV files",
        )
    })?;
    if as_of.is_none() && format != Format::CouncilsJson {
        return Err(usage_error(
            "--as-of",
            "is required: the date (YYYY-MM-DD) to assess every council on",
        ));
    }
    Ok(Options {
        path,
        as_of,
        ruleset,
        format,
        compact,
    })
}

/// `trust-eligibility ofsted FILE --as-of DATE [--ruleset ID] [--format table|csv|json]
/// [--compact]`: the text for standard output. Progress goes to standard error when it is a
/// terminal; with `--format csv` the summary goes to standard error, so standard output is
/// nothing but CSV.
#[cfg(not(target_arch = "wasm32"))]
pub fn run(args: &[String], rules: &RulesetFile) -> Result<String, Error> {
    let opts = parse_options(args)?;
    let Some(as_of) = opts.as_of else {
        // --format councils-json: the file's data for the pages, nothing assessed.
        let data = read(&opts.path)?;
        return councils_json(&data);
    };
    // A date no ruleset covers, or an unknown ruleset, is reported before any file is read,
    // in the command's terms (--as-of, --ruleset) rather than the JSON input's.
    rules.select(as_of, opts.ruleset.as_deref()).map_err(|e| {
        let (flag, detail) = match e.path.as_str() {
            "asOf" => (
                "--as-of",
                e.message
                    .replace("name a ruleset with \"ruleset\"", "pass --ruleset ID"),
            ),
            "ruleset" => ("--ruleset", e.message.clone()),
            _ => return e,
        };
        let detail = detail
            .strip_prefix(&format!("{}: ", e.path))
            .unwrap_or(&detail)
            .to_string();
        Error::new(e.code, flag, detail)
    })?;
    let stderr_is_terminal = std::io::stderr().is_terminal();
    let data = read_with_progress(&opts.path, stderr_is_terminal)?;
    let report = assess_all(&data, as_of, opts.ruleset.as_deref(), rules)?;
    let text = match opts.format {
        Format::Table => format!("{}\n{}", render_table(&report), render_summary(&report)),
        Format::Csv => {
            eprint!("{}", render_summary(&report));
            render_csv(&report)?
        }
        Format::Json => {
            let json = if opts.compact {
                serde_json::to_string(&report)
            } else {
                serde_json::to_string_pretty(&report)
            };
            json.map_err(|e| usage_error("", format_args!("cannot write JSON: {e}")))?
        }
        Format::CouncilsJson => councils_json(&data)?,
    };
    Ok(text.trim_end_matches('\n').to_string())
}
