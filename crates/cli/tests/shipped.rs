//! `trust-eligibility councils` and `council --name` on the shipped data (built into the
//! program), and `ofsted` given both Ofsted sources and the register. Run from another
//! directory, as on a fresh clone's user would.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_trust-eligibility"))
        .args(args)
        .current_dir(std::env::temp_dir())
        .output()
        .expect("run the CLI")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn councils_lists_every_current_council_in_three_formats() {
    let out = cli(&[
        "councils",
        "--as-of",
        "2026-12-07",
        "--format",
        "json",
        "--compact",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let councils = v["councils"].as_array().unwrap();
    assert_eq!(councils.len(), 153);
    assert_eq!(v["asOf"], "2026-12-07");
    let trafford = councils
        .iter()
        .find(|c| c["council"]["name"] == "Trafford")
        .unwrap();
    assert_eq!(trafford["latestInspection"]["published"], "2026-08-03");
    assert!(trafford["latestInspection"]["report"]
        .as_str()
        .unwrap()
        .starts_with("https://files.ofsted.gov.uk/"));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("Ofsted's reports as at 2026-08-20")
            && stderr.contains("register of public decisions as at 2026-12-07"),
        "{stderr}"
    );
    assert!(!stderr.contains("warning:"), "{stderr}");

    let out = cli(&["councils", "--as-of", "2026-12-07"]);
    assert!(out.status.success());
    let table = text(&out.stdout);
    assert!(
        table.contains("Trafford") && table.contains("Register"),
        "{table}"
    );
    let out = cli(&["councils", "--as-of=2026-12-07", "--format", "csv"]);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout).lines().count(), 154);
}

#[test]
fn a_date_more_than_six_months_after_the_data_is_warned_about() {
    let out = cli(&["councils", "--as-of", "2027-06-30", "--format", "json"]);
    assert!(out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(
            "warning: Ofsted's reports are as at 2026-08-20, more than 6 months before 2027-06-30"
        ),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["text"].as_str().unwrap().contains("more than 6 months")));
}

#[test]
fn council_by_name_finds_everyday_forms_and_refuses_an_unknown_name() {
    for name in [
        "Bradford",
        "City of Bradford",
        "bradford council",
        "E08000032",
        "Bradfrod",
    ] {
        let out = cli(&[
            "council",
            "--name",
            name,
            "--as-of",
            "2026-12-07",
            "--compact",
        ]);
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let c = &v["councils"][0];
        assert_eq!(c["council"]["code"], "E08000032", "{name}");
        assert_eq!(v["councils"].as_array().unwrap().len(), 1);
        assert_eq!(c["latestInspection"]["published"], "2026-05-21");
    }
    let out = cli(&["council", "--name", "BCP", "--as-of", "2026-12-07"]);
    assert!(out.status.success());
    let out = cli(&[
        "council",
        "--name",
        "Bradfordshire",
        "--as-of",
        "2026-12-07",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("did you mean Bradford"), "{stderr}");
    assert!(stderr.contains("path: --name"), "{stderr}");
    let out = cli(&["council", "--name", "Bradford"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--as-of"));
    // The file form still works beside it.
    let out = cli(&[
        "council",
        root()
            .join("tests/examples/sandwell-2016.json")
            .to_str()
            .unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn ofsted_takes_the_statistics_the_report_history_and_the_register_together() {
    let r = root();
    let ods = r.join("data/ofsted/LA_Inspection_Outcomes_as_at_31_March_2025.ods");
    let hist = r.join("data/ofsted-d2i/ofsted_csc_ilacs_history.csv");
    let reg = r.join("data/interventions/register.csv");
    let out = cli(&[
        "ofsted",
        ods.to_str().unwrap(),
        hist.to_str().unwrap(),
        reg.to_str().unwrap(),
        "--as-of",
        "2026-12-07",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let t = text(&out.stdout);
    assert!(t.contains("497 reports; 268 also in the statistics (3 disagreeing, the statistics used), 53 added"), "{t}");
    assert!(
        t.contains("124 public decisions read (0 rows skipped)"),
        "{t}"
    );
    // The history alone.
    let out = cli(&[
        "ofsted",
        hist.to_str().unwrap(),
        "--as-of",
        "2026-12-07",
        "--format",
        "csv",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), 154);
}
