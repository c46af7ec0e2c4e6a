//! `trust-eligibility councils --as-of DATE [--format table|csv|json]` and
//! `trust-eligibility council --name NAME --as-of DATE`: every current council (or one, found
//! by name with the engine's matcher, `trust_eligibility::names`) assessed from the shipped data
//! (`www/data/councils.json`, SPEC §3.8), which the command line embeds. The JSON is the
//! `ofsted --format json` report (for `council`, with that one council). Each says the date its
//! data is as at and warns when `asOf` is more than
//! [`STALE_AFTER_MONTHS`](crate::STALE_AFTER_MONTHS) later.

use crate::assess::assess_all;
use crate::councils::CouncilsData;
use crate::history::OfstedData;
use crate::options::{Format, ReportOptions};
use crate::run::printed;
use crate::sheets::ReadWarning;
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

/// Runs `councils` (`name: None`) or `council --name NAME` on the shipped data's JSON text
/// `shipped`.
pub fn run_shipped(
    opts: &ReportOptions,
    name: Option<&str>,
    shipped: &str,
    rules: &RulesetFile,
) -> Result<Printed, Error> {
    let as_of = opts.as_of;
    let shipped_data: CouncilsData = serde_json::from_str(shipped).map_err(|e| {
        Error::new(
            ErrorCode::InvalidJson,
            "",
            format_args!("the shipped data cannot be read: {e}"),
        )
    })?;
    let mut data = shipped_data.to_ofsted_data(SHIPPED_PATH);
    if let Some(query) = name {
        keep_one_council(&mut data, query)?;
    }
    let mut report = assess_all(&data, as_of, opts.ruleset.as_deref(), rules)?;
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
    let (stdout, summary) = printed(&report, opts.format, opts.compact)?;
    stderr.extend(summary);
    // Table output carries the dates in its summary; the other formats say them on stderr.
    if opts.format == Format::Table {
        stderr.retain(|l| l.starts_with("warning:"));
    }
    Ok(Printed { stdout, stderr })
}
