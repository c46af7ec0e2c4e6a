//! Runs every case file through the `trust-eligibility` binary: the same outputs as the library
//! (the golden files), exit status 2 with the code and path on standard error for bad input.

#![cfg(not(target_arch = "wasm32"))]

#[path = "../../../tests/common/mod.rs"]
mod common;

use common::{cases, check_error, check_output};
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn cli(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_trust-eligibility"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the CLI");
    // The CLI may exit (rightly) before reading all its input, e.g. on a bad ruleset file.
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    child.wait_with_output().expect("run the CLI")
}

/// Reads "code: X" and "path: Y" from the CLI's standard error.
fn code_and_path(stderr: &str) -> (String, String, String) {
    let field = |name: &str| {
        stderr
            .lines()
            .find_map(|l| l.trim().strip_prefix(name))
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    let path = field("path:");
    let path = if path == "(the whole document)" {
        String::new()
    } else {
        path
    };
    let message = stderr.lines().next().unwrap_or_default();
    let message = message.split_once(": invalid input").map_or("", |(_, m)| m);
    let message = message
        .split_once(": ")
        .map_or(message, |(_, m)| m)
        .to_string();
    (field("code:"), path, message)
}

#[test]
fn every_case_gives_the_same_answer_through_the_cli() {
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in cases() {
        let command = match case.kind.as_str() {
            "council" | "councils" => "council",
            "sponsor" => "sponsor",
            _ => continue, // ruleset overrides: see ruleset_file_option_overrides_and_validates
        };
        ran += 1;
        let out = cli(&[command, "-"], case.text().as_bytes());
        let stderr = String::from_utf8_lossy(&out.stderr);
        let diffs = match (out.status.code(), &case.expect_error) {
            (Some(0), None) => match serde_json::from_slice(&out.stdout) {
                Ok(v) => check_output(&case, &v),
                Err(e) => vec![format!("stdout is not JSON: {e}")],
            },
            (Some(2), Some(_)) => {
                let (code, path, message) = code_and_path(&stderr);
                let mut d = check_error(&case, &code, &path, &format!("{path}: {message}"));
                if !out.stdout.is_empty() {
                    d.push("printed to stdout on error".into());
                }
                d
            }
            (status, _) => vec![format!("exit status {status:?}; stderr: {stderr}")],
        };
        if !diffs.is_empty() {
            failures.push(format!(
                "{}.json {:?}:\n  {}",
                case.file,
                case.name,
                diffs.join("\n  ")
            ));
        }
    }
    assert!(ran > 0);
    assert!(
        failures.is_empty(),
        "{} cases failed through the CLI:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn invalid_utf8_on_stdin_is_an_error_not_a_panic() {
    let out = cli(&["council", "-"], b"{\"asOf\": \"2016-01-01\xff\"}");
    assert_eq!(out.status.code(), Some(2));
    let (code, path, _) = code_and_path(&String::from_utf8_lossy(&out.stderr));
    assert_eq!((code.as_str(), path.as_str()), ("invalid_json", ""));
}

#[test]
fn rulesets_prints_both_rulesets_as_json() {
    let out = cli(&["rulesets"], b"");
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let ids: Vec<&str> = v["rulesets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["announcement-2015", "protocol-2016"]);
    assert_eq!(
        v,
        serde_json::to_value(trust_eligibility::RulesetFile::default_ref().unwrap()).unwrap()
    );
}

#[test]
fn ruleset_file_option_overrides_and_validates() {
    let dir = std::env::temp_dir().join(format!("te-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("three-months.json");
    std::fs::write(&good, r#"{"rulesets": [{"id": "announcement-2015", "parameters": {"improvementWindowMonths": {"value": 3, "source": "design"}}}]}"#).unwrap();
    let input = br#"{"asOf": "2016-03-01", "inspections": [{"published": "2015-12-01", "overall": "inadequate"}]}"#;
    let out = cli(
        &["council", "-", "--ruleset-file", good.to_str().unwrap()],
        input,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["dates"][0]["date"], "2016-03-01");

    let bad = dir.join("negative.json");
    std::fs::write(&bad, r#"{"rulesets": [{"id": "protocol-2016", "parameters": {"commissionerReviewMonths": {"value": -3}}}]}"#).unwrap();
    let out = cli(
        &["council", "-", "--ruleset-file", bad.to_str().unwrap()],
        input,
    );
    assert_eq!(out.status.code(), Some(2));
    let (code, path, _) = code_and_path(&String::from_utf8_lossy(&out.stderr));
    assert_eq!(code, "invalid_ruleset");
    assert_eq!(
        path,
        "rulesets[1].parameters.commissionerReviewMonths.value"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    assert_eq!(cli(&["frobnicate"], b"").status.code(), Some(2));
    assert_eq!(cli(&["council"], b"").status.code(), Some(2));
    assert_eq!(
        cli(&["council", "/no/such/file.json"], b"").status.code(),
        Some(2)
    );
    let help = cli(&["--help"], b"");
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("trust-eligibility council FILE|-"));
}

/// A closed output pipe (`trust-eligibility rulesets | head -1`) ends the program quietly: no
/// panic message, exit status 0 (or 141, the shell's for SIGPIPE).
#[test]
fn a_closed_output_pipe_ends_quietly() {
    let bin = env!("CARGO_BIN_EXE_trust-eligibility");
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!("set -o pipefail; '{bin}' rulesets | head -1"))
        .output()
        .expect("bash runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.is_empty(), "nothing on standard error: {stderr}");
    assert!(
        matches!(out.status.code(), Some(0) | Some(141)),
        "{:?}",
        out.status
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "{");
}
