//! The command line read with `lexopt`: the command, its FILE(s) and options, then each
//! command's options typed (a date, a format) for the library it calls.

use crate::USAGE;
use std::ffi::OsString;
use trust_eligibility::date::{Date, DateError};
use trust_eligibility::error::{Error, ErrorCode};
use trust_eligibility::input::quote_short;
use trust_eligibility_ofsted::{Format, OfstedOptions, Output, ReportOptions};

/// The command line as given: the options' values are still text.
#[derive(Debug, Default)]
pub(crate) struct Args {
    pub command: String,
    /// `council`/`sponsor`: the one FILE; `ofsted`: every FILE.
    pub files: Vec<String>,
    pub ruleset_file: Option<String>,
    pub compact: bool,
    pub as_of: Option<String>,
    pub ruleset: Option<String>,
    pub format: Option<String>,
    pub name: Option<String>,
}

impl Args {
    /// Whether `council` was given the shipped data's options rather than a FILE.
    pub fn names_a_shipped_council(&self) -> bool {
        self.name.is_some() || self.as_of.is_some() || self.ruleset.is_some()
    }
}

/// Why the command line cannot be read: a misuse answered with the usage, or an option's value
/// that is wrong, answered as an invalid input naming the option (its path).
#[derive(Debug)]
pub(crate) enum Failure {
    Usage(String),
    Input(Error),
}

impl From<lexopt::Error> for Failure {
    fn from(e: lexopt::Error) -> Self {
        Failure::Usage(e.to_string())
    }
}

/// An option's value that is wrong, reported at the option (`path: --format`).
fn usage_error(flag: &str, detail: impl std::fmt::Display) -> Error {
    Error::new(ErrorCode::InvalidValue, flag, detail)
}

/// What each of the commands with their own options expects, for the error naming a stranger.
fn unexpected(command: &str, arg: &str) -> Failure {
    Failure::Input(usage_error(
        "",
        match command {
            "ofsted" => format!(
                "unknown option {arg} for ofsted (expected --as-of, --ruleset, --format, --compact)"
            ),
            "council" => format!(
                "unexpected argument {arg} for council (expected --name NAME --as-of DATE [--ruleset ID])"
            ),
            _ => format!(
                "unexpected argument {arg} for councils (expected --as-of DATE [--format table|csv|json] [--ruleset ID])"
            ),
        },
    ))
}

/// Whether `command` takes the option `--name`.
fn takes(command: &str, name: &str) -> bool {
    match command {
        "ofsted" | "councils" => matches!(name, "as-of" | "ruleset" | "format"),
        "council" => matches!(name, "as-of" | "ruleset" | "name"),
        _ => false,
    }
}

/// The value of `flag`; a missing value is an error naming it.
fn value(parser: &mut lexopt::Parser, flag: &str) -> Result<String, Failure> {
    use lexopt::ValueExt;
    match parser.value() {
        Ok(v) => Ok(v.string()?),
        Err(lexopt::Error::MissingValue { .. }) => Err(Failure::Input(usage_error(
            flag,
            format_args!("{flag} needs a value"),
        ))),
        Err(e) => Err(e.into()),
    }
}

/// Reads the command line: `None` when help or the version was asked for.
pub(crate) fn parse_args(
    argv: impl IntoIterator<Item = impl Into<OsString>>,
) -> Result<Option<Args>, Failure> {
    use lexopt::prelude::*;
    let mut a = Args::default();
    let mut command: Option<String> = None;
    let mut parser = lexopt::Parser::from_args(argv);
    while let Some(arg) = parser.next()? {
        let cmd = command.as_deref().unwrap_or("");
        match arg {
            Short('h') | Long("help") => {
                println!("{USAGE}");
                return Ok(None);
            }
            Short('V') | Long("version") => {
                println!("trust-eligibility {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            Long("ruleset-file") => a.ruleset_file = Some(parser.value()?.string()?),
            Long("compact") => a.compact = true,
            Long(name) if takes(cmd, name) => {
                let name = name.to_string();
                let v = Some(value(&mut parser, &format!("--{name}"))?);
                match name.as_str() {
                    "as-of" => a.as_of = v,
                    "ruleset" => a.ruleset = v,
                    "format" => a.format = v,
                    _ => a.name = v,
                }
            }
            Long(name) if matches!(cmd, "ofsted" | "councils" | "council") => {
                return Err(unexpected(cmd, &format!("--{name}")))
            }
            Short(c) if matches!(cmd, "ofsted" | "councils" | "council") => {
                return Err(unexpected(cmd, &format!("-{c}")))
            }
            Value(v) if command.is_none() => command = Some(v.string()?),
            Value(v) if cmd == "ofsted" => a.files.push(v.string()?),
            Value(v) if cmd == "councils" => return Err(unexpected(cmd, &v.string()?)),
            Value(v) if a.files.is_empty() => a.files.push(v.string()?),
            _ => return Err(arg.unexpected().into()),
        }
    }
    a.command = command.ok_or(Failure::Usage(
        "a command is needed: council, sponsor, rulesets, ofsted or councils".to_string(),
    ))?;
    Ok(Some(a))
}

/// `--as-of DATE` read, or an error naming it and saying what a date is.
fn as_of_date(v: &str) -> Result<Date, Error> {
    Date::parse(v).map_err(|e| {
        let why = match e {
            DateError::NotADate => "is not a date (YYYY-MM-DD)",
            DateError::OutOfRange => "is outside the dates accepted (1990-01-01 to 2100-12-31)",
        };
        Error::new(
            ErrorCode::InvalidDate,
            "--as-of",
            format_args!("{} {why}", quote_short(v)),
        )
    })
}

/// `--format`'s value among `formats` (the last, `councils-json`, only for `ofsted`).
fn format_named(v: &str, ofsted: bool) -> Result<Option<Format>, Error> {
    match v {
        "table" => Ok(Some(Format::Table)),
        "csv" => Ok(Some(Format::Csv)),
        "json" => Ok(Some(Format::Json)),
        "councils-json" if ofsted => Ok(None),
        other => Err(usage_error(
            "--format",
            format_args!(
                "{} is not a format (expected table, csv{})",
                quote_short(other),
                if ofsted {
                    ", json or councils-json"
                } else {
                    " or json"
                }
            ),
        )),
    }
}

/// The report's options (`councils`, `council --name`, `ofsted`) once `--as-of` is known.
fn report_options(a: &Args, as_of: Date, format: Format) -> ReportOptions {
    ReportOptions {
        as_of,
        ruleset: a.ruleset.clone(),
        format,
        compact: a.compact,
    }
}

/// The options of `councils` (the default format a table) and `council --name` (JSON).
pub(crate) fn shipped_options(a: &Args) -> Result<ReportOptions, Error> {
    let format = match &a.format {
        Some(v) => format_named(v, false)?.unwrap_or(Format::Json),
        None if a.command == "council" => Format::Json,
        None => Format::Table,
    };
    let as_of = a.as_of.as_deref().map(as_of_date).transpose()?;
    let as_of = as_of
        .ok_or_else(|| usage_error("--as-of", "is required: the date (YYYY-MM-DD) to assess on"))?;
    Ok(report_options(a, as_of, format))
}

/// The options of `ofsted`: its FILEs, and `--as-of` unless the format is `councils-json`.
pub(crate) fn ofsted_options(a: &Args) -> Result<OfstedOptions, Error> {
    let format = match &a.format {
        Some(v) => format_named(v, true)?,
        None => Some(Format::Table),
    };
    let as_of = a.as_of.as_deref().map(as_of_date).transpose()?;
    if a.files.is_empty() {
        return Err(usage_error(
            "",
            "ofsted needs a FILE: Ofsted's .ods, a directory of its sheets as CSV, or one of those CSV files; or Data to Insight's report history (ofsted_csc_ilacs_history.csv); or both",
        ));
    }
    let output = match (format, as_of) {
        (None, _) => Output::CouncilsJson,
        (Some(format), Some(as_of)) => Output::Report(report_options(a, as_of, format)),
        (Some(_), None) => {
            return Err(usage_error(
                "--as-of",
                "is required: the date (YYYY-MM-DD) to assess every council on",
            ))
        }
    };
    Ok(OfstedOptions {
        paths: a.files.iter().map(Into::into).collect(),
        output,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &[&str]) -> Result<Args, Failure> {
        parse_args(line.iter().copied()).map(|a| a.expect("not help"))
    }

    /// The error an option's value gives: its path and message.
    fn input_error(line: &[&str]) -> (String, String) {
        let e = match args(line) {
            Err(Failure::Input(e)) => e,
            Ok(a) if a.command == "ofsted" => ofsted_options(&a).expect_err("an error"),
            Ok(a) => shipped_options(&a).expect_err("an error"),
            Err(Failure::Usage(u)) => panic!("a usage error, not an input error: {u}"),
        };
        (e.path.clone(), e.message.clone())
    }

    #[test]
    fn ofsted_options_are_typed() {
        let a = args(&[
            "ofsted",
            "a.ods",
            "b.csv",
            "--as-of=2025-06-30",
            "--format",
            "json",
        ])
        .unwrap();
        let o = ofsted_options(&a).unwrap();
        assert_eq!(
            o.paths,
            vec![std::path::PathBuf::from("a.ods"), "b.csv".into()]
        );
        let Output::Report(r) = o.output else {
            panic!("a report")
        };
        assert_eq!(r.as_of, Date::parse("2025-06-30").unwrap());
        assert_eq!(
            (r.format, r.ruleset, r.compact),
            (Format::Json, None, false)
        );
        let a = args(&["ofsted", "a.ods", "--format", "councils-json", "--compact"]).unwrap();
        assert_eq!(ofsted_options(&a).unwrap().output, Output::CouncilsJson);
    }

    #[test]
    fn a_missing_value_names_its_option() {
        for line in [
            &["ofsted", "a.ods", "--as-of"][..],
            &["ofsted", "a.ods", "--as-of", "2025-06-30", "--format"],
            &["councils", "--as-of", "2025-06-30", "--ruleset"],
            &["council", "--as-of", "2025-06-30", "--name"],
        ] {
            let flag = line.last().unwrap();
            let (path, message) = input_error(line);
            assert_eq!(path, *flag);
            assert!(
                message.contains(&format!("{flag} needs a value")),
                "{message}"
            );
        }
    }

    #[test]
    fn a_bad_option_or_value_is_named() {
        let (path, message) = input_error(&["ofsted", "a.ods", "--as-of", "2025-06-30", "--frob"]);
        assert_eq!(path, "");
        assert!(
            message.contains("unknown option --frob for ofsted"),
            "{message}"
        );
        let (_, message) = input_error(&["councils", "--as-of", "2025-06-30", "--name", "X"]);
        assert!(
            message.contains("unexpected argument --name for councils"),
            "{message}"
        );
        let (_, message) = input_error(&["council", "--name", "X", "--format", "csv"]);
        assert!(
            message.contains("unexpected argument --format for council"),
            "{message}"
        );
        let (path, message) = input_error(&[
            "ofsted",
            "a.ods",
            "--as-of",
            "2025-06-30",
            "--format",
            "xml",
        ]);
        assert_eq!(path, "--format");
        assert!(
            message.contains("\"xml\" is not a format") && message.contains("councils-json"),
            "{message}"
        );
        let (path, message) = input_error(&[
            "councils",
            "--as-of",
            "2025-06-30",
            "--format",
            "councils-json",
        ]);
        assert_eq!(path, "--format");
        assert!(
            message.contains("(expected table, csv or json)"),
            "{message}"
        );
        let (path, message) = input_error(&["ofsted", "a.ods", "--as-of", "2025-02-30"]);
        assert_eq!(path, "--as-of");
        assert!(message.contains("is not a date"), "{message}");
        let (path, message) = input_error(&["councils", "--as-of", "1900-01-01"]);
        assert_eq!(path, "--as-of");
        assert!(message.contains("outside the dates accepted"), "{message}");
    }

    #[test]
    fn what_is_required_is_named() {
        let (path, message) = input_error(&["ofsted", "a.ods"]);
        assert_eq!(path, "--as-of");
        assert!(message.contains("is required"), "{message}");
        let (_, message) = input_error(&["ofsted", "--as-of", "2025-06-30"]);
        assert!(message.contains("ofsted needs a FILE"), "{message}");
        let (path, _) = input_error(&["council", "--name", "Bradford"]);
        assert_eq!(path, "--as-of");
    }
}
