//! `trust-eligibility ofsted`: the command's table, CSV and JSON of every council in Ofsted's
//! published outcomes file (data/ofsted/), and its errors (exit 2, the reason on standard
//! error). The reader itself is tested in crates/ofsted/tests/ofsted.rs.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

const ODS: &str = "LA_Inspection_Outcomes_as_at_31_March_2025.ods";

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/ofsted")
}

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_trust-eligibility"))
        .args(args)
        .output()
        .expect("run the CLI")
}

#[test]
fn the_cli_prints_a_table_csv_or_json() {
    let ods = data_dir().join(ODS);
    let ods = ods.to_str().unwrap();

    // Table (the default): a header line, 153 councils, a blank line, then the summary.
    let out = cli(&["ofsted", ods, "--as-of", "2025-06-30"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let header: Vec<&str> = lines[0].split("  ").filter(|s| !s.is_empty()).collect();
    assert_eq!(
        header.iter().map(|s| s.trim()).collect::<Vec<_>>(),
        [
            "code",
            "name",
            "region",
            "latest grade",
            "published",
            "intervention",
            "key date",
            "persistent",
            "systemic"
        ]
    );
    assert_eq!(lines[154], "");
    assert!(lines[1..154].iter().all(|l| l.starts_with('E')));
    let bradford = lines.iter().find(|l| l.contains("Bradford")).unwrap();
    assert!(bradford.contains("statutory_direction") && bradford.contains("2023-04-30"));
    // Columns are aligned: "intervention" starts at the same place on every line.
    let col = lines[0].find("intervention").unwrap();
    assert!(lines[1..154]
        .iter()
        .all(|l| l[col..].starts_with(|c: char| c.is_ascii_lowercase())));
    assert!(text.contains("By intervention:") && text.contains("By latest grade:"));
    assert!(text.contains("Councils that no longer exist (3)"));
    assert!(text.contains("Visits: 60 (24 monitoring, 36 focused)"));

    // CSV: standard output is nothing but CSV; the summary goes to standard error.
    let dir = data_dir();
    let out = cli(&[
        "ofsted",
        dir.to_str().unwrap(),
        "--as-of=2025-06-30",
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "code",
            "name",
            "region",
            "latest_grade",
            "latest_published",
            "intervention",
            "key_date",
            "key_date_kind",
            "persistent",
            "systemic",
            "high_performing"
        ]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 153);
    assert!(records.iter().all(|r| r.len() == 11));
    let inadequate = records.iter().filter(|r| &r[3] == "inadequate").count();
    assert_eq!(inadequate, 19);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("By intervention:"), "{stderr}");

    // JSON: every engine output with its region, the summary, the councils apart.
    let out = cli(&[
        "ofsted",
        ods,
        "--as-of",
        "2025-06-30",
        "--format",
        "json",
        "--ruleset",
        "protocol-2016",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let councils = v["councils"].as_array().unwrap();
    assert_eq!(councils.len(), 153);
    let b = councils
        .iter()
        .find(|c| c["council"]["code"] == "E08000032")
        .unwrap();
    assert_eq!(b["region"], "North East, Yorkshire and the Humber");
    assert_eq!(b["intervention"], "statutory_direction");
    assert_eq!(b["ruleset"]["id"], "protocol-2016");
    assert_eq!(b["ruleset"]["chosenBy"], "request");
    assert!(b["reasons"].as_array().is_some_and(|r| !r.is_empty()));
    assert_eq!(v["summary"]["byLatestGrade"]["inadequate"], 19);
    assert_eq!(v["noLongerExists"].as_array().unwrap().len(), 3);
    assert_eq!(v["warnings"].as_array().unwrap().len(), 0);
    assert_eq!(out.stderr, b"");

    // Errors: exit 2, the reason on standard error.
    let toml = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let out = cli(&["ofsted", toml.to_str().unwrap(), "--as-of", "2025-06-30"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Ofsted's"));
    let out = cli(&["ofsted", ods]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--as-of"));
    let out = cli(&["ofsted", ods, "--as-of", "2025-06-30", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = cli(&["ofsted", ods, "--as-of", "2014-01-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--ruleset"));
}

/// The command `scripts/refresh-data` runs (the statistics, the report history and its lookup,
/// the register) prints exactly the committed council data, and needs no `--as-of`.
#[test]
fn the_cli_prints_the_pages_council_data() {
    let ods = data_dir().join(ODS);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let (history, lookup, register) = (
        root.join("ofsted-d2i/ofsted_csc_ilacs_history.csv"),
        root.join("ofsted-d2i/la_lookup.csv"),
        root.join("interventions/register.csv"),
    );
    let out = cli(&[
        "ofsted",
        ods.to_str().unwrap(),
        history.to_str().unwrap(),
        lookup.to_str().unwrap(),
        register.to_str().unwrap(),
        "--format",
        "councils-json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let committed =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www/data/councils.json"))
            .unwrap();
    assert!(out.stdout == committed, "www/data/councils.json differs");
    // Still an error naming what is wrong for a format the command does not have.
    let out = cli(&["ofsted", ods.to_str().unwrap(), "--format", "council-json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("councils-json"));
}
