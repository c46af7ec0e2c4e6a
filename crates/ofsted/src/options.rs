//! The `ofsted` command's options: `FILE --as-of DATE [--ruleset ID]
//! [--format table|csv|json|councils-json] [--compact]`.

#[cfg(not(target_arch = "wasm32"))]
use std::path::PathBuf;
#[cfg(not(target_arch = "wasm32"))]
use trust_eligibility::date::{Date, DateError};
#[cfg(not(target_arch = "wasm32"))]
use trust_eligibility::error::{Error, ErrorCode};
#[cfg(not(target_arch = "wasm32"))]
use trust_eligibility::input::quote_short;

/// How to print the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
    /// The pages' council data ([`councils_json`](crate::councils_json)): no assessment, so no `--as-of`.
    CouncilsJson,
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) struct Options {
    /// Ofsted's statistics and/or the report history, its lookup, the register.
    pub(crate) paths: Vec<PathBuf>,
    /// Required except for `--format councils-json`.
    pub(crate) as_of: Option<Date>,
    pub(crate) ruleset: Option<String>,
    pub(crate) format: Format,
    pub(crate) compact: bool,
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn usage_error(path: &str, detail: impl std::fmt::Display) -> Error {
    Error::new(ErrorCode::InvalidValue, path, detail)
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn parse_options(args: &[String]) -> Result<Options, Error> {
    let mut paths = Vec::new();
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
                        DateError::NotADate => "is not a date (YYYY-MM-DD)",
                        DateError::OutOfRange => {
                            "is outside the dates accepted (1990-01-01 to 2100-12-31)"
                        }
                    };
                    Error::new(
                        ErrorCode::InvalidDate,
                        "--as-of",
                        format_args!("{} {why}", quote_short(&v)),
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
                                quote_short(other)
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
            _ => paths.push(PathBuf::from(a)),
        }
    }
    if paths.is_empty() {
        return Err(usage_error(
            "",
            "ofsted needs a FILE: Ofsted's .ods, a directory of its sheets as CSV, or one of those CSV files; or Data to Insight's report history (ofsted_csc_ilacs_history.csv); or both",
        ));
    }
    if as_of.is_none() && format != Format::CouncilsJson {
        return Err(usage_error(
            "--as-of",
            "is required: the date (YYYY-MM-DD) to assess every council on",
        ));
    }
    Ok(Options {
        paths,
        as_of,
        ruleset,
        format,
        compact,
    })
}
