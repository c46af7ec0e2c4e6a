//! The `trust-eligibility` command line: a thin shell over the library.

mod options;

use options::{ofsted_options, parse_args, shipped_options, Failure};
use std::io::Read;

/// The shipped data (SPEC §3.8, `www/data/councils.json`, built by `scripts/refresh-data`),
/// built into the program so `councils` and `council --name` work from any directory.
const SHIPPED: &str = include_str!("../../../www/data/councils.json");
use std::process::ExitCode;
use trust_eligibility::{
    assess_council, assess_sponsor, input::CouncilInput, input::SponsorInput, parse, Error,
    RulesetFile,
};

pub(crate) const USAGE: &str = "\
trust-eligibility: which intervention applies to a council's children's services, and whether an
organisation can sponsor a children's services trust. Prints JSON on standard output.

Usage:
  trust-eligibility council FILE|-    assess a council (a JSON object, or an array of them)
  trust-eligibility sponsor FILE|-    assess a would-be sponsor (a JSON object, or an array)
  trust-eligibility rulesets          print the rulesets in force, with their wording and sources
  trust-eligibility ofsted FILE --as-of DATE [--ruleset ID] [--format table|csv|json]
                                      assess every council in Ofsted's published \"Local authority
                                      inspection outcomes\"; FILE is the spreadsheet as published
                                      (.ods; .xlsx too), a directory holding its sheets exported as
                                      CSV, or one of those CSV files (the others are then read from
                                      beside it; sheets are recognised by their header row). Prints
                                      a table (default), CSV or JSON, then a summary (with csv, on
                                      standard error), and every row that could not be read.
                                      FILE may also be Data to Insight's report history
                                      (ofsted_csc_ilacs_history.csv), alone or with the statistics
                                      (give both: the statistics win where they disagree), its
                                      la_lookup.csv and the register of public decisions.
                                      With --format councils-json (no --as-of): every council's
                                      inspections, visits and events as the pages' data
  trust-eligibility councils --as-of DATE [--format table|csv|json] [--ruleset ID]
                                      assess every current council from the shipped data (Ofsted's
                                      reports to 20 August 2026 and the register of public
                                      decisions, built into this program); says the date the data
                                      is as at and warns when DATE is more than 6 months later
  trust-eligibility council --name NAME --as-of DATE [--ruleset ID]
                                      assess one council from the shipped data, found by its name
                                      in any everyday form, another name (BCP, Hull) or its ONS
                                      code; an unknown name is an error naming the nearest

Options:
  --ruleset-file PATH   merge this ruleset file onto the built-in rulesets (it is validated)
  --compact             print JSON on one line
  -h, --help            show this help
  -V, --version         show the version

Exit status: 0 on success; 2 when the input (or a ruleset file) is invalid, with the reason on
standard error naming the JSON path, e.g. inspections[2].published.";

fn read_input(file: &str) -> Result<Vec<u8>, String> {
    if file == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))
    }
}

/// One input object, or an array of them (a batch: errors name the item, `[3].asOf`).
fn run_each<'a, I, O>(
    bytes: &'a [u8],
    compact: bool,
    assess: impl Fn(&I) -> Result<O, Error>,
) -> Result<String, Error>
where
    I: serde::Deserialize<'a>,
    O: serde::Serialize,
{
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'[') {
        let items: Vec<I> = parse::from_json_bytes(bytes)?;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(assess(item).map_err(|e| e.within(&format!("[{i}]")))?);
        }
        Ok(to_json(&out, compact))
    } else {
        let item: I = parse::from_json_bytes(bytes)?;
        Ok(to_json(&assess(&item)?, compact))
    }
}

fn to_json<T: serde::Serialize + ?Sized>(value: &T, compact: bool) -> String {
    let text = if compact {
        serde_json::to_string(value)
    } else {
        serde_json::to_string_pretty(value)
    };
    // Every output type serialises to JSON (string keys, finite numbers).
    text.unwrap_or_default()
}

/// Writes the answer; a closed pipe (`| head -1`) ends the program quietly, not with a panic.
fn print(text: &str) -> ExitCode {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("trust-eligibility: cannot write the answer: {e}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args_os().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => return ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            eprintln!("trust-eligibility: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
        Err(Failure::Input(e)) => return fail(&e, None),
    };
    let rules_owned;
    let rules: &RulesetFile = match &args.ruleset_file {
        Some(path) => {
            let text = match std::fs::read_to_string(path) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("trust-eligibility: cannot read {path}: {e}");
                    return ExitCode::from(2);
                }
            };
            match RulesetFile::override_from_json(&text) {
                Ok(r) => {
                    rules_owned = r;
                    &rules_owned
                }
                Err(e) => return fail(&e, Some(path)),
            }
        }
        None => match RulesetFile::default_ref() {
            Ok(r) => r,
            Err(e) => return fail(&e, None),
        },
    };
    let result = match args.command.as_str() {
        "rulesets" => Ok(to_json(rules, args.compact)),
        "councils" | "council" if args.command == "councils" || args.names_a_shipped_council() => {
            if let Some(file) = args.files.first() {
                eprintln!("trust-eligibility: council --name takes no FILE (unexpected {file})");
                return ExitCode::from(2);
            }
            let name = args.name.as_deref();
            match shipped_options(&args)
                .and_then(|o| trust_eligibility_ofsted::run_shipped(&o, name, SHIPPED, rules))
            {
                Ok(p) => {
                    for line in &p.stderr {
                        eprintln!("{}", line.trim_end());
                    }
                    Ok(p.stdout)
                }
                Err(e) => Err(e),
            }
        }
        "council" | "sponsor" => {
            let Some(file) = args.files.first() else {
                eprintln!(
                    "trust-eligibility: {} needs a FILE (or - for standard input)",
                    args.command
                );
                return ExitCode::from(2);
            };
            let bytes = match read_input(file) {
                Ok(b) => b,
                Err(msg) => {
                    eprintln!("trust-eligibility: {msg}");
                    return ExitCode::from(2);
                }
            };
            if args.command == "council" {
                run_each::<CouncilInput, _>(&bytes, args.compact, |i| assess_council(i, rules))
            } else {
                run_each::<SponsorInput, _>(&bytes, args.compact, |i| assess_sponsor(i, rules))
            }
        }
        "ofsted" => ofsted_options(&args).and_then(|o| trust_eligibility_ofsted::run(&o, rules)),
        other => {
            eprintln!("trust-eligibility: unknown command {other}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(text) => print(&text),
        Err(e) => fail(&e, None),
    }
}

/// Prints an error on standard error: the message, then its code and path.
fn fail(e: &Error, ruleset_file: Option<&str>) -> ExitCode {
    let within = ruleset_file.map(|p| format!(" in {p}")).unwrap_or_default();
    eprintln!("trust-eligibility: invalid input{within}: {}", e.message);
    eprintln!("  code: {}", e.code.as_str());
    eprintln!(
        "  path: {}",
        if e.path.is_empty() {
            "(the whole document)"
        } else {
            &e.path
        }
    );
    ExitCode::from(2)
}
