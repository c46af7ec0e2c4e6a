//! Reading Ofsted's outcomes file, the entry points: from memory ([`read_bytes`], as a browser
//! gives files) or from a path ([`read`], native only: the spreadsheet, a directory of its
//! sheets as CSV, or one such CSV file), and the date the file is "as at".

#[cfg(not(target_arch = "wasm32"))]
use crate::csv::read_csv_dir;
use crate::csv::{combine_csv, csv_sheet, CsvPlace};
use crate::d2i::{other_kind, read_history, read_lookup, Lookup};
use crate::history::{build, OfstedData};
use crate::merge::{enrich, merge_history};
use crate::register::{known_code, read_register};
#[cfg(not(target_arch = "wasm32"))]
use crate::sheets::{cannot_read, has_extension};
use crate::sheets::{
    extension_of, file_name, not_ofsted, spreadsheet_sheets, Location, RawSheet, ReadWarning,
    SheetKind, SheetRead, IN_YEAR_SHEET,
};
#[cfg(not(target_arch = "wasm32"))]
use std::path::Path;
use trust_eligibility::date::Date;
use trust_eligibility::error::{Error, ErrorCode};

/// One file given as bytes: its name (shown in messages; a `.csv` name, or contents that are
/// not a spreadsheet's, mean CSV) and its contents.
#[derive(Clone, Copy, Debug)]
pub struct FileBytes<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// Reads Ofsted's outcomes file from memory, as a browser gives it: one spreadsheet (`.ods` or
/// `.xlsx`; natively `.xls` and `.xlsb` too), or the sheets exported as CSV (several files;
/// sheets are recognised by their header row, not their file names). With them, or alone: Data
/// to Insight's report history (`ofsted_csc_ilacs_history.csv`, merged into the statistics;
/// see `d2i`), its council lookup (`la_lookup.csv`; the shipped one is used when not given) and
/// the register of public decisions (`register.csv`), each recognised by its header row. The
/// reader the `ofsted` command uses on files.
pub fn read_bytes(files: &[FileBytes<'_>]) -> Result<OfstedData, Error> {
    let (others, stats): (Vec<&FileBytes<'_>>, Vec<&FileBytes<'_>>) = files
        .iter()
        .partition(|f| !is_spreadsheet(f) && other_kind(f.bytes).is_some());
    let others: Vec<Other<'_>> = others
        .into_iter()
        .filter_map(|f| {
            other_kind(f.bytes).map(|kind| Other {
                name: f.name.to_string(),
                kind,
                bytes: f.bytes,
            })
        })
        .collect();
    let stats: Vec<FileBytes<'_>> = stats.into_iter().copied().collect();
    let mut data = if stats.is_empty() && !others.is_empty() {
        empty(files.iter().map(|f| f.name).collect::<Vec<_>>().join(", "))
    } else {
        read_statistics_bytes(&stats)?
    };
    add_others(&mut data, &others, None)?;
    Ok(data)
}

/// A file that is not one of Ofsted's sheets: the report history, the lookup or the register.
pub(crate) struct Other<'a> {
    pub(crate) name: String,
    pub(crate) kind: SheetKind,
    pub(crate) bytes: &'a [u8],
}

/// No statistics: only the report history (and the register) were given.
fn empty(shown: String) -> OfstedData {
    let mut w = Vec::new();
    let mut data = build(&[], &mut w);
    data.path = shown;
    data.format = "csv";
    data
}

/// Reads the report history, lookup and register given with (or instead of) the statistics
/// into `data`: the history merged (the statistics win), each council's other names,
/// neighbours and events added. `register_as_at` is the register's date when known.
pub(crate) fn add_others(
    data: &mut OfstedData,
    others: &[Other<'_>],
    register_as_at: Option<Date>,
) -> Result<(), Error> {
    if others.is_empty() {
        return Ok(());
    }
    let one = |kind: SheetKind| -> Result<Option<&Other<'_>>, Error> {
        let found: Vec<&Other<'_>> = others.iter().filter(|o| o.kind == kind).collect();
        match found.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(*one)),
            [a, b, ..] => Err(Error::new(
                ErrorCode::FileGivenTwice,
                kind.name(),
                format_args!(
                    "two files hold {}: {} and {}; give one of them",
                    kind.name(),
                    file_name(&a.name),
                    file_name(&b.name)
                ),
            )),
        }
    };
    let mut warnings = std::mem::take(&mut data.warnings);
    let lookup = match one(SheetKind::Lookup)? {
        Some(l) => read_lookup(&l.name, l.bytes, &mut warnings)?,
        None => Lookup::shipped(),
    };
    for o in others {
        let rows = crate::d2i::records(o.kind, &o.name, o.bytes)
            .map(|r| r.rows.len())
            .unwrap_or(0);
        data.sheets.push(SheetRead {
            sheet: o.kind,
            file: o.name.clone(),
            header_row: 1,
            rows,
        });
    }
    if let Some(h) = one(SheetKind::ReportHistory)? {
        let history = read_history(&h.name, h.bytes, &lookup, &mut warnings)?;
        let read = merge_history(data, history, &lookup, &mut warnings);
        if data.as_at.is_none() {
            data.as_at = read.as_at;
        }
        data.history = Some(read);
    }
    if let Some(r) = one(SheetKind::Register)? {
        enrich(data, &lookup);
        let codes: Vec<String> = data
            .councils
            .iter()
            .chain(&data.no_longer_exists)
            .map(|c| c.code.clone())
            .collect();
        let known = known_code(&lookup, &codes);
        let (events, read) = read_register(&r.name, r.bytes, &known, &mut warnings)?;
        for (code, mut list) in events {
            let council = data
                .councils
                .iter_mut()
                .chain(data.no_longer_exists.iter_mut())
                .find(|c| c.code == code);
            match council {
                Some(c) => {
                    list.sort_by_key(|e| e.date);
                    c.events = list;
                }
                None => warnings.push(ReadWarning {
                    at: Some(Location::line(SheetKind::Register, &r.name, None)),
                    text: format!(
                        "{code} has {} events in the register but is not among the councils read; not used",
                        list.len()
                    ),
                }),
            }
        }
        data.register = Some(read);
        data.register_as_at = register_as_at;
    }
    let names: Vec<&str> = others.iter().map(|o| o.name.as_str()).collect();
    if !data.path.split(", ").any(|p| names.contains(&p)) {
        data.path = std::iter::once(data.path.as_str())
            .chain(names)
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
    }
    data.councils
        .sort_by(|a, b| (a.name.to_lowercase(), &a.code).cmp(&(b.name.to_lowercase(), &b.code)));
    data.visits = crate::history::VisitCounts::of(
        &data
            .councils
            .iter()
            .chain(&data.no_longer_exists)
            .flat_map(|c| c.visits.iter().cloned())
            .collect::<Vec<_>>(),
    );
    data.warnings = warnings;
    Ok(())
}

/// Ofsted's statistics from memory (the spreadsheet alone, or its sheets as CSV).
fn read_statistics_bytes(files: &[FileBytes<'_>]) -> Result<OfstedData, Error> {
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
                    "{} is a spreadsheet and was given with other files; give either the spreadsheet alone or its sheets as CSV files (with, if you like, the report history)",
                    book.name
                ))
                .recode(ErrorCode::MixedFiles));
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
/// their file names. Native only; [`read_bytes`] reads the same from memory. The report
/// history, its lookup and the register may be given too: see [`read_paths`].
#[cfg(not(target_arch = "wasm32"))]
pub fn read(path: &Path) -> Result<OfstedData, Error> {
    read_paths(&[path.to_path_buf()])
}

/// Reads several paths: Ofsted's statistics (at most one of the forms [`read`] takes) and any
/// of Data to Insight's report history, its lookup and the register of public decisions (each
/// a CSV file recognised by its header row, or found in a directory given). A register's date
/// is read from the `README.md` beside it ("as at YYYY-MM-DD").
#[cfg(not(target_arch = "wasm32"))]
pub fn read_paths(paths: &[std::path::PathBuf]) -> Result<OfstedData, Error> {
    read_paths_with_progress(paths, false)
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn read_paths_with_progress(
    paths: &[std::path::PathBuf],
    progress: bool,
) -> Result<OfstedData, Error> {
    let mut others: Vec<(String, SheetKind, Vec<u8>)> = Vec::new();
    let mut stats: Option<&Path> = None;
    for path in paths {
        let shown = path.display().to_string();
        let meta = std::fs::metadata(path).map_err(|e| cannot_read(&shown, &e))?;
        if meta.is_dir() {
            let mut found = others_in_dir(path)?;
            let ofsted_sheets = csv_files(path)?.len() > found.len();
            others.append(&mut found);
            if !ofsted_sheets && !others.is_empty() {
                continue;
            }
        } else if has_extension(path, "csv") {
            let bytes = std::fs::read(path).map_err(|e| cannot_read(&shown, &e))?;
            if let Some(kind) = other_kind(&bytes) {
                others.push((shown, kind, bytes));
                continue;
            }
        }
        if let Some(first) = stats {
            return Err(not_ofsted(format_args!(
                "{} and {} are both Ofsted's statistics; give them once (the spreadsheet, a directory of its sheets as CSV, or one of those CSV files)",
                first.display(),
                path.display()
            )));
        }
        stats = Some(path);
    }
    let mut data = match stats {
        Some(p) => read_with_progress(p, progress)?,
        None if !others.is_empty() => empty(
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        None => return Err(not_ofsted("no file was given")),
    };
    let register_as_at = others
        .iter()
        .find(|o| o.1 == SheetKind::Register)
        .and_then(|o| {
            let readme = Path::new(&o.0).parent()?.join("README.md");
            let text = std::fs::read_to_string(readme).ok()?;
            text.lines().find_map(as_at_in)
        });
    let list: Vec<Other<'_>> = others
        .iter()
        .map(|(name, kind, bytes)| Other {
            name: name.clone(),
            kind: *kind,
            bytes,
        })
        .collect();
    add_others(&mut data, &list, register_as_at)?;
    Ok(data)
}

/// The CSV files of a directory, sorted.
#[cfg(not(target_arch = "wasm32"))]
fn csv_files(dir: &Path) -> Result<Vec<std::path::PathBuf>, Error> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Error::new(
            ErrorCode::UnreadableFile,
            "",
            format_args!("cannot read the directory {}: {e}", dir.display()),
        )
    })?;
    let mut files: Vec<std::path::PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && has_extension(p, "csv"))
        .collect();
    files.sort();
    Ok(files)
}

/// The report history, lookup and register among a directory's CSV files.
#[cfg(not(target_arch = "wasm32"))]
fn others_in_dir(dir: &Path) -> Result<Vec<(String, SheetKind, Vec<u8>)>, Error> {
    let mut out = Vec::new();
    for f in csv_files(dir)? {
        let shown = f.display().to_string();
        let bytes = std::fs::read(&f).map_err(|e| cannot_read(&shown, &e))?;
        if let Some(kind) = other_kind(&bytes) {
            out.push((shown, kind, bytes));
        }
    }
    Ok(out)
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

/// The month whose full English name (chrono's `Month::name`) is `word`, in any case. Not
/// chrono's `Month::from_str`: it also takes abbreviations ("Mar"), which Ofsted's titles never
/// use, and weighs 485 B more in the reader's wasm (gzip -9; bench/README.md).
fn month_named(word: &str) -> Option<u32> {
    (1..=12u8)
        .filter_map(|n| chrono::Month::try_from(n).ok())
        .find(|m| m.name().eq_ignore_ascii_case(word))
        .map(|m| m.number_from_month())
}

/// The date in "as at 31 March 2025" (Ofsted's titles and file names, where `_` stands for a
/// space) or "as at 2025-03-31" (this project's CSV exports).
pub fn as_at_in(text: &str) -> Option<Date> {
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
            let m = month_named(month)?;
            let day: u32 = day.parse().ok()?;
            let year: i32 = year.get(..4)?.parse().ok()?;
            Date::from_ymd(year, m, day)
        }
        _ => None,
    }
}
