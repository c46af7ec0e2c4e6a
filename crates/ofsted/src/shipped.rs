//! `trust-eligibility councils --as-of DATE [--format table|csv|json]` and
//! `trust-eligibility council --name NAME --as-of DATE`: every current council (or one, found
//! by name with the engine's matcher, `trust_eligibility::names`) assessed from the shipped data
//! (`www/data/councils.json`, SPEC §3.8), which the command line embeds. The JSON is the
//! `ofsted --format json` report (for `council`, with that one council). Each says the date its
//! data is as at and warns when `asOf` is more than [`STALE_AFTER_MONTHS`] later.

use crate::assess::assess_all;
use crate::councils::{CouncilsData, STALE_AFTER_MONTHS};
use crate::history::OfstedData;
use crate::options::usage_error;
use crate::render::{render_csv, render_summary, render_table};
use crate::sheets::ReadWarning;
use trust_eligibility::date::{Date, DateError};
use trust_eligibility::error::{Error, ErrorCode};
use trust_eligibility::input::quote_short;
use trust_eligibility::names::{find, Candidate};
use trust_eligibility::RulesetFile;

/// What the shipped data is called in messages and in the report's `source.path`.
pub const SHIPPED_PATH: &str = "www/data/councils.json (shipped)";

/// What to print: standard output, and notes for standard error (the data's dates, warnings).
pub struct Printed {
    pub stdout: String,
    pub stderr: Vec<String>,
}

/// The options of `councils` and `council`.
struct ShippedOptions {
    as_of: Date,
    name: Option<String>,
    format: String,
    ruleset: Option<String>,
    compact: bool,
}

/// Reads the options of `command` (`councils` or `council`) from `args`.
fn shipped_options(command: &str, args: &[String]) -> Result<ShippedOptions, Error> {
    let mut as_of = None;
    let mut name = None;
    let mut format = if command == "council" {
        "json"
    } else {
        "table"
    }
    .to_string();
    let mut ruleset = None;
    let mut compact = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        let mut value = |n: &str| -> Result<String, Error> {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| usage_error(n, format_args!("{n} needs a value")))
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
            "--name" if command == "council" => name = Some(value("--name")?),
            "--format" if command == "councils" => {
                let v = value("--format")?;
                if !["table", "csv", "json"].contains(&v.as_str()) {
                    return Err(usage_error(
                        "--format",
                        format_args!(
                            "{} is not a format (expected table, csv or json)",
                            quote_short(&v)
                        ),
                    ));
                }
                format = v;
            }
            "--ruleset" => ruleset = Some(value("--ruleset")?),
            "--compact" => compact = true,
            _ => {
                return Err(usage_error(
                    "",
                    format_args!(
                        "unexpected argument {a} for {command} (expected {})",
                        if command == "council" {
                            "--name NAME --as-of DATE [--ruleset ID]"
                        } else {
                            "--as-of DATE [--format table|csv|json] [--ruleset ID]"
                        }
                    ),
                ))
            }
        }
    }
    let as_of = as_of
        .ok_or_else(|| usage_error("--as-of", "is required: the date (YYYY-MM-DD) to assess on"))?;
    Ok(ShippedOptions {
        as_of,
        name,
        format,
        ruleset,
        compact,
    })
}

/// Keeps only the current council `query` names (its name, another name or a code), or says
/// which names are nearest.
fn keep_one_council(data: &mut OfstedData, query: &str) -> Result<(), Error> {
    let candidates: Vec<Candidate> = data
        .councils
        .iter()
        .map(|c| Candidate {
            name: c.name.clone(),
            code: c.code.clone(),
            aliases: c.aliases.iter().chain(&c.other_codes).cloned().collect(),
        })
        .collect();
    let m = find(query, &candidates);
    let Some(i) = m.exact else {
        let nearest: Vec<&str> = m
            .nearest
            .iter()
            .map(|&i| candidates[i].name.as_str())
            .collect();
        let hint = match nearest.as_slice() {
            [] => {
                "no council's name is near it; `trust-eligibility councils --as-of DATE` lists them"
                    .to_string()
            }
            [one] => format!("did you mean {one}?"),
            [rest @ .., last] => format!("did you mean {} or {last}?", rest.join(", ")),
        };
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "--name",
            format_args!(
                "{} is not the name or code of a current council: {hint}",
                quote_short(query)
            ),
        ));
    };
    let one = data.councils.swap_remove(i);
    data.councils = vec![one];
    data.no_longer_exists.clear();
    Ok(())
}

/// Runs `councils` (`name: false`) or `council --name` (`name: true`) on the shipped data's
/// JSON text `shipped`.
pub fn run_shipped(
    command: &str,
    args: &[String],
    shipped: &str,
    rules: &RulesetFile,
) -> Result<Printed, Error> {
    let ShippedOptions {
        as_of,
        name,
        format,
        ruleset,
        compact,
    } = shipped_options(command, args)?;
    let shipped_data: CouncilsData = serde_json::from_str(shipped).map_err(|e| {
        Error::new(
            ErrorCode::InvalidJson,
            "",
            format_args!("the shipped data cannot be read: {e}"),
        )
    })?;
    let mut data = shipped_data.to_ofsted_data(SHIPPED_PATH);
    if let Some(query) = &name {
        keep_one_council(&mut data, query)?;
    }
    let mut report = assess_all(&data, as_of, ruleset.as_deref(), rules)?;
    let (said, stale) = shipped_data.freshness(as_of);
    let mut stderr = vec![said.clone()];
    for w in &stale {
        stderr.push(format!("warning: {w}"));
    }
    report.warnings.push(ReadWarning {
        at: None,
        text: said,
    });
    report
        .warnings
        .extend(stale.into_iter().map(|text| ReadWarning { at: None, text }));
    if let Some(r) = &shipped_data.register {
        if let Some(note) = &r.note {
            report.warnings.push(ReadWarning {
                at: None,
                text: format!("The register of public decisions: {note}"),
            });
        }
    }
    let stdout = match format.as_str() {
        "table" => format!("{}\n{}", render_table(&report), render_summary(&report)),
        "csv" => {
            stderr.push(render_summary(&report));
            render_csv(&report)?
        }
        _ => {
            let json = if compact {
                serde_json::to_string(&report)
            } else {
                serde_json::to_string_pretty(&report)
            };
            json.map_err(|e| usage_error("", format_args!("cannot write JSON: {e}")))?
        }
    };
    // Table output carries the dates in its summary; the other formats say them on stderr.
    if format == "table" {
        stderr.retain(|l| l.starts_with("warning:"));
    }
    let _ = STALE_AFTER_MONTHS;
    Ok(Printed {
        stdout: stdout.trim_end_matches('\n').to_string(),
        stderr,
    })
}
