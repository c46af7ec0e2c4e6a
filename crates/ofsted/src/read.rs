//! Reading Ofsted's outcomes file, the entry points: from memory ([`read_bytes`], as a browser
//! gives files) or from a path ([`read`], native only: the spreadsheet, a directory of its
//! sheets as CSV, or one such CSV file), and the date the file is "as at".

#[cfg(not(target_arch = "wasm32"))]
use crate::csv::read_csv_dir;
use crate::csv::{combine_csv, csv_sheet, CsvPlace};
use crate::history::{build, OfstedData};
use crate::sheets::{
    file_name, not_ofsted, spreadsheet_sheets, RawSheet, ReadWarning, SheetKind, SheetRead,
    IN_YEAR_SHEET,
};
use std::path::Path;
use trust_eligibility::date::Date;
use trust_eligibility::error::Error;
#[cfg(not(target_arch = "wasm32"))]
use trust_eligibility::error::ErrorCode;

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
pub(crate) fn is_spreadsheet(f: &FileBytes<'_>) -> bool {
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
pub(crate) fn extension_of(name: &str) -> String {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// What every way of reading ends with: the sheets found, a warning when the in-year sheet is
/// missing, and the councils' histories.
pub(crate) fn finish(
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
pub(crate) fn read_with_progress(path: &Path, progress: bool) -> Result<OfstedData, Error> {
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
pub(crate) fn cannot_read(shown: &str, e: &std::io::Error) -> Error {
    Error::new(
        ErrorCode::InvalidValue,
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
