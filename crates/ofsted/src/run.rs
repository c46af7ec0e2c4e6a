//! The `ofsted` command: read the file, assess every council, print the report.

use crate::assess::{assess_all, Report};
use crate::councils::councils_json;
use crate::options::{usage_error, Format, OfstedOptions, Output};
use crate::read::{read_paths, read_paths_with_progress};
use crate::render::{render_csv, render_summary, render_table};
use std::io::IsTerminal;
use trust_eligibility::error::Error;
use trust_eligibility::RulesetFile;

/// `trust-eligibility ofsted FILE --as-of DATE [--ruleset ID] [--format table|csv|json]
/// [--compact]`: the text for standard output. Progress goes to standard error when it is a
/// terminal; with `--format csv` the summary goes to standard error, so standard output is
/// nothing but CSV.
pub fn run(opts: &OfstedOptions, rules: &RulesetFile) -> Result<String, Error> {
    let Output::Report(report_opts) = &opts.output else {
        // --format councils-json: the file's data for the pages, nothing assessed.
        let data = read_paths(&opts.paths)?;
        return councils_json(&data);
    };
    let as_of = report_opts.as_of;
    let ruleset = report_opts.ruleset.as_deref();
    // A date no ruleset covers, or an unknown ruleset, is reported before any file is read,
    // in the command's terms (--as-of, --ruleset) rather than the JSON input's.
    rules.select(as_of, ruleset).map_err(|e| {
        let (flag, detail) = match e.path.as_str() {
            "asOf" => (
                "--as-of",
                e.detail
                    .replace("name a ruleset with \"ruleset\"", "pass --ruleset ID"),
            ),
            "ruleset" => ("--ruleset", e.detail.clone()),
            _ => return e,
        };
        Error::new(e.code, flag, detail)
    })?;
    let stderr_is_terminal = std::io::stderr().is_terminal();
    let data = read_paths_with_progress(&opts.paths, stderr_is_terminal)?;
    let report = assess_all(&data, as_of, ruleset, rules)?;
    let (text, summary) = printed(&report, report_opts.format, report_opts.compact)?;
    if let Some(summary) = summary {
        eprint!("{summary}");
    }
    Ok(text)
}

/// The report as `format` for standard output, and (for CSV, whose standard output is nothing
/// but CSV) the summary for standard error.
pub(crate) fn printed(
    report: &Report,
    format: Format,
    compact: bool,
) -> Result<(String, Option<String>), Error> {
    let (text, summary) = match format {
        Format::Table => (
            format!("{}\n{}", render_table(report), render_summary(report)),
            None,
        ),
        Format::Csv => (render_csv(report)?, Some(render_summary(report))),
        Format::Json => {
            let json = if compact {
                serde_json::to_string(report)
            } else {
                serde_json::to_string_pretty(report)
            };
            let json = json.map_err(|e| usage_error("", format_args!("cannot write JSON: {e}")))?;
            (json, None)
        }
    };
    Ok((text.trim_end_matches('\n').to_string(), summary))
}
