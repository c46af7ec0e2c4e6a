//! Ofsted's sheets exported as CSV: one sheet per file, recognised by its header row (not its
//! file name); a set of files given together or a directory of them.

#[cfg(not(target_arch = "wasm32"))]
use crate::sheets::{cannot_read, has_extension};
use crate::sheets::{
    file_name, not_ofsted, raw_sheet, text_cell, Cell, Col, RawSheet, ReadWarning, SheetKind,
};
#[cfg(not(target_arch = "wasm32"))]
use std::path::{Path, PathBuf};
use trust_eligibility::error::{Error, ErrorCode};

/// Where a set of CSV files came from, for messages: `within` ("in DIR", "among the files
/// given") and what to do about a missing sheet.
pub(crate) struct CsvPlace<'a> {
    pub(crate) within: &'a str,
    pub(crate) hint: &'a str,
}

/// Picks Ofsted's sheets from CSV files already read: `named` (a file the user named, which
/// must be one of the sheets and takes precedence), then each of `others` (name, sheet or why
/// not), where a file that is not one of Ofsted's sheets is skipped with a warning. The latest
/// and history sheets must be found, each once.
pub(crate) fn combine_csv(
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
                        ErrorCode::FileGivenTwice,
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
                ErrorCode::MissingSheet,
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
pub(crate) fn read_csv_dir(
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
            ErrorCode::UnreadableFile,
            "",
            format_args!("cannot read the directory {}: {e}", dir.display()),
        )
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && has_extension(p, "csv"))
        .filter(|p| named.is_none_or(|n| !same_file(n, p)))
        // The report history, its lookup and the register are read by their own readers.
        .filter(|p| std::fs::read(p).map_or(true, |b| crate::d2i::other_kind(&b).is_none()))
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
pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Reads one of Ofsted's sheets from a CSV file's bytes (`shown` names the file).
pub(crate) fn csv_sheet(shown: &str, bytes: &[u8]) -> Result<RawSheet, Error> {
    let mut reader = ::csv::ReaderBuilder::new()
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
