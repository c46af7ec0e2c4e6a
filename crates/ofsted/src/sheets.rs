//! Ofsted's sheets as found: which sheet is which, their header rows and columns, and their
//! cells before they are interpreted; the spreadsheet (`.ods`, `.xlsx`, natively `.xls` and
//! `.xlsb` too) read with calamine; where a row came from ([`Location`]) and what could not be
//! read ([`ReadWarning`]).

use serde::Serialize;
use std::path::Path;
use trust_eligibility::date::Date;
use trust_eligibility::error::{Error, ErrorCode};
use trust_eligibility::input::quote_short;

/// The sheet with each council's latest judgements.
pub const LATEST_SHEET: &str = "Inspections_as_at_31_March";
/// The sheet with every graded ILACS inspection since 2018.
pub const HISTORY_SHEET: &str = "ILACS_inspection_history";
/// The sheet with the year's inspections and visits.
pub const IN_YEAR_SHEET: &str = "In-year_inspections";

/// How many rows from the top of a sheet are searched for its header row.
pub(crate) const HEADER_SEARCH_ROWS: usize = 20;

/// One of the three sheets of Ofsted's file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify_next::Tsify))]
pub enum SheetKind {
    #[serde(rename = "ILACS_inspection_history")]
    History,
    #[serde(rename = "Inspections_as_at_31_March")]
    Latest,
    #[serde(rename = "In-year_inspections")]
    InYear,
    /// Data to Insight's report history (`ofsted_csc_ilacs_history.csv`): one row a report.
    #[serde(rename = "ofsted_csc_ilacs_history")]
    ReportHistory,
    /// The same tool's council lookup (`la_lookup.csv`): Ofsted URN to ONS code.
    #[serde(rename = "la_lookup")]
    Lookup,
    /// The register of public decisions (`data/interventions/register.csv`).
    #[serde(rename = "register")]
    Register,
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
            SheetKind::ReportHistory => "ofsted_csc_ilacs_history",
            SheetKind::Lookup => "la_lookup",
            SheetKind::Register => "register",
        }
    }

    pub(crate) fn required(self) -> &'static [Col] {
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
            // Not Ofsted's sheets: read by their own readers (`d2i`, `register`).
            SheetKind::ReportHistory | SheetKind::Lookup | SheetKind::Register => &[],
        }
    }
}

/// A column of Ofsted's sheets, recognised by its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Col {
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
    pub(crate) fn header(self) -> &'static str {
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
    pub(crate) fn of_header(text: &str) -> Option<Col> {
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
pub(crate) enum Cell {
    Empty,
    Text(String),
    Date(Date),
    Number(f64),
    /// Something that cannot be a value here (a spreadsheet error, a duration...), described.
    Bad(String),
}

impl Cell {
    pub(crate) fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    pub(crate) fn describe(&self) -> String {
        match self {
            Cell::Empty => "a blank cell".to_string(),
            Cell::Text(s) => quote_short(s),
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

impl Location {
    /// A line of a CSV file that is not one of Ofsted's sheets (the report history, the
    /// lookup, the register).
    pub(crate) fn line(sheet: SheetKind, file: &str, line: Option<usize>) -> Location {
        Location {
            sheet,
            file: file.to_string(),
            row: line,
            csv: true,
        }
    }
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
pub(crate) struct RawSheet {
    pub(crate) kind: SheetKind,
    pub(crate) file: String,
    pub(crate) csv: bool,
    /// The header row's number (1-based, as shown to users).
    pub(crate) header_row: usize,
    /// The text of the rows above the header (Ofsted's title and notes), one entry per cell.
    pub(crate) title: Vec<String>,
    /// The column each cell position holds, by header.
    pub(crate) columns: Vec<Option<Col>>,
    /// The header text of each cell position, for messages.
    pub(crate) headers: Vec<String>,
    /// Each data row with its number.
    pub(crate) rows: Vec<(usize, Vec<Cell>)>,
}

impl RawSheet {
    pub(crate) fn at(&self, row: usize) -> Location {
        Location {
            sheet: self.kind,
            file: self.file.clone(),
            row: Some(row),
            csv: self.csv,
        }
    }

    pub(crate) fn index(&self, col: Col) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(col))
    }
}

/// What was read from which file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct SheetRead {
    pub sheet: SheetKind,
    pub file: String,
    /// The header row's number (a CSV file's line number).
    pub header_row: usize,
    /// Data rows below the header.
    pub rows: usize,
}

pub(crate) fn file_name(path: &str) -> &str {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

pub(crate) fn not_ofsted(detail: impl std::fmt::Display) -> Error {
    Error::new(
        ErrorCode::UnreadableFile,
        "",
        format_args!("{detail}; expected Ofsted's \"Local authority inspection outcomes\" file (the .ods as published, or its sheets exported as CSV)"),
    )
}

/// The spreadsheet formats read, for messages. The browser's module reads the formats Ofsted
/// publishes and a spreadsheet program saves by default (`.ods`, `.xlsx`); the command line
/// reads `.xls` and `.xlsb` too (their readers would add about 95 KB to the module).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) const SPREADSHEETS: &str = ".ods, .xlsx or .xls";
#[cfg(target_arch = "wasm32")]
pub(crate) const SPREADSHEETS: &str = ".ods or .xlsx";

pub(crate) type Bytes<'a> = std::io::Cursor<&'a [u8]>;

/// Reads Ofsted's sheets from a spreadsheet's bytes, in the format its name's extension says
/// (as calamine's `open_workbook_auto` does for a path), else in the first format that opens it.
/// `shown` names it in messages; `also` ends the message for a file that is no spreadsheet
/// (what else it could have been).
pub(crate) fn spreadsheet_sheets(
    shown: &str,
    bytes: &[u8],
    also: &str,
) -> Result<Vec<RawSheet>, Error> {
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
        )
        .recode(ErrorCode::UnsupportedFormat)),
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
pub(crate) fn sheets_of<'a, R>(mut book: R, shown: &str) -> Result<Vec<RawSheet>, Error>
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
                ErrorCode::MissingSheet,
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
pub(crate) fn sheet_rows<'a, R>(
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
            ErrorCode::UnreadableFile,
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

pub(crate) fn cell_of_data(d: &calamine::Data) -> Cell {
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
pub(crate) fn serial_date(serial: f64) -> Option<Date> {
    if !serial.is_finite() {
        return None;
    }
    let day = Date::from_ymd(1899, 12, 30)?.add_days(serial.floor() as i64);
    Date::parse(&day.to_string()).ok()
}

pub(crate) fn text_cell(s: &str) -> Cell {
    let t = s.trim();
    if t.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(t.to_string())
    }
}

/// Finds the header row, decides which sheet this is (or checks it is `expected`), and keeps
/// the rows below the header.
pub(crate) fn raw_sheet(
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
            ErrorCode::NoHeader,
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
                ErrorCode::MissingColumn,
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

pub(crate) fn header_col(c: &Cell) -> Option<Col> {
    match c {
        Cell::Text(t) => Col::of_header(t),
        _ => None,
    }
}

/// A file name's extension in lower case ("" when it has none).
pub(crate) fn extension_of(name: &str) -> String {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn cannot_read(shown: &str, e: &std::io::Error) -> Error {
    Error::new(
        ErrorCode::UnreadableFile,
        "",
        format_args!("cannot read {shown}: {e}"),
    )
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}
