//! The `ofsted` command: read the file, assess every council, print the report.

use crate::assess::assess_all;
use crate::councils::councils_json;
use crate::options::{parse_options, usage_error, Format};
use crate::read::{read_paths, read_paths_with_progress};
use crate::render::{render_csv, render_summary, render_table};
use std::io::IsTerminal;
use trust_eligibility::error::Error;
use trust_eligibility::RulesetFile;

/// `trust-eligibility ofsted FILE --as-of DATE [--ruleset ID] [--format table|csv|json]
/// [--compact]`: the text for standard output. Progress goes to standard error when it is a
/// terminal; with `--format csv` the summary goes to standard error, so standard output is
/// nothing but CSV.
#[cfg(not(target_arch = "wasm32"))]
pub fn run(args: &[String], rules: &RulesetFile) -> Result<String, Error> {
    let opts = parse_options(args)?;
    let Some(as_of) = opts.as_of else {
        // --format councils-json: the file's data for the pages, nothing assessed.
        let data = read_paths(&opts.paths)?;
        return councils_json(&data);
    };
    // A date no ruleset covers, or an unknown ruleset, is reported before any file is read,
    // in the command's terms (--as-of, --ruleset) rather than the JSON input's.
    rules.select(as_of, opts.ruleset.as_deref()).map_err(|e| {
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
