//! The shipped data (SPEC §3.8): `www/data/councils.json` is exactly what `scripts/refresh-data`
//! builds from the source files in data/ (Ofsted's statistics, Data to Insight's report history
//! and lookup, the register of public decisions), and what that merge gives.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use trust_eligibility_ofsted as ofsted;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The files `scripts/refresh-data` reads, in its order.
fn sources() -> Vec<PathBuf> {
    let r = root();
    let ods: Vec<PathBuf> = std::fs::read_dir(r.join("data/ofsted"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ods"))
        .collect();
    assert_eq!(ods.len(), 1, "data/ofsted/ holds exactly one .ods");
    vec![
        ods[0].clone(),
        r.join("data/ofsted-d2i/ofsted_csc_ilacs_history.csv"),
        r.join("data/ofsted-d2i/la_lookup.csv"),
        r.join("data/interventions/register.csv"),
    ]
}

fn shipped() -> ofsted::OfstedData {
    ofsted::read_paths(&sources()).unwrap()
}

#[test]
fn the_committed_council_data_is_what_refresh_data_builds_from_data() {
    let committed = std::fs::read_to_string(root().join("www/data/councils.json")).unwrap();
    let built = ofsted::councils_json(&shipped()).unwrap() + "\n";
    assert!(
        committed == built,
        "www/data/councils.json is not what the reader builds from data/: run bash scripts/refresh-data"
    );
}

#[test]
fn the_history_adds_53_newer_reports_and_3_disagreements_are_reported_by_line() {
    let data = shipped();
    let h = data.history.as_ref().unwrap();
    assert_eq!(h.reports, 497);
    assert_eq!(h.as_at.unwrap().to_string(), "2026-08-20");
    assert_eq!(h.matched, 268);
    assert_eq!(h.added, 53);
    assert_eq!(h.newer_latest.len(), 53);
    assert_eq!(h.newer_without_overall, 11);
    assert_eq!(h.not_added, 176);
    assert_eq!(h.disagreements.len(), 3, "{:#?}", h.disagreements);
    for (line, who) in [(338, "Oxfordshire"), (357, "Rochdale"), (417, "St Helens")] {
        assert!(
            data.warnings
                .iter()
                .any(|w| w.at.as_ref().and_then(|a| a.row) == Some(line)
                    && w.text.contains(who)
                    && w.text.contains("the statistics are used")),
            "no disagreement at line {line} ({who})"
        );
    }
    // Trafford's report of 3 August 2026 is its latest, with its link, and no overall grade.
    let trafford = data.councils.iter().find(|c| c.name == "Trafford").unwrap();
    let last = trafford.inspections.last().unwrap();
    assert_eq!(last.published.to_string(), "2026-08-03");
    assert_eq!(last.overall, None);
    assert!(last
        .report
        .as_deref()
        .unwrap()
        .starts_with("https://files.ofsted.gov.uk/"));
    // Every current council's every inspection the history knows has a link; every link is https.
    let linked = data
        .councils
        .iter()
        .flat_map(|c| &c.inspections)
        .filter(|i| i.report.is_some())
        .count();
    assert_eq!(linked, h.linked);
    assert!(linked >= 268 + 53);
}

#[test]
fn unreadable_values_are_missing_and_unknown_words_are_reported_by_line() {
    let data = shipped();
    // "to requires improvement" is not a grade: reported, read as missing.
    for line in [329, 415] {
        assert!(data.warnings.iter().any(|w| {
            w.at.as_ref().and_then(|a| a.row) == Some(line)
                && w.text
                    .contains("\"to requires improvement\" is not a grade")
        }));
    }
    // Reports whose overall grade is data_unreadable are never given a guessed grade: every
    // added report has an overall grade or is a post-reform report with judgements.
    for c in &data.councils {
        for i in &c.inspections {
            assert!(
                i.overall.is_some()
                    || (i.published.to_string().as_str() >= "2026-04-01" && i.judgements.is_some()),
                "{} {}",
                c.name,
                i.published
            );
        }
    }
}

#[test]
fn the_lookup_and_register_are_joined_by_code() {
    let data = shipped();
    let by = |code: &str| data.councils.iter().find(|c| c.code == code).unwrap();
    // Barnsley and Sheffield move to their current ONS codes; neighbours use current codes.
    assert_eq!(by("E08000038").other_codes, vec!["E08000016"]);
    assert_eq!(by("E08000039").other_codes, vec!["E08000019"]);
    assert!(data.councils.iter().all(|c| !c
        .neighbours
        .iter()
        .any(|n| n == "E08000019" || n == "E08000016")));
    assert!(by("E06000058").aliases.iter().any(|a| a == "BCP"));
    assert!(by("E06000010").aliases.iter().any(|a| a == "Hull"));
    assert_eq!(by("E08000032").neighbours.len(), 10);
    let r = data.register.as_ref().unwrap();
    assert_eq!((r.events, r.skipped), (124, 0));
    assert_eq!(data.register_as_at.unwrap().to_string(), "2026-12-07");
    let bradford = by("E08000032");
    assert!(bradford
        .events
        .iter()
        .any(
            |e| ofsted::Confidence::High == e.confidence && e.date.to_string() == "2023-04"
                || e.date.to_string().starts_with("2023-04")
        ));
    let input = bradford.input(
        trust_eligibility::date::Date::parse("2026-12-07").unwrap(),
        None,
    );
    assert_eq!(
        input.status.unwrap().events.unwrap().len(),
        bradford.events.len()
    );
}

#[test]
fn the_shipped_data_says_its_dates_and_warns_six_months_on() {
    let json = std::fs::read_to_string(root().join("www/data/councils.json")).unwrap();
    let data: ofsted::CouncilsData = serde_json::from_str(&json).unwrap();
    assert_eq!(data.stale_after_months, ofsted::STALE_AFTER_MONTHS);
    let d = |s: &str| trust_eligibility::date::Date::parse(s).unwrap();
    let (said, warnings) = data.freshness(d("2026-12-07"));
    assert!(
        said.contains("2026-08-20") && said.contains("2026-12-07"),
        "{said}"
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    // Six months after the history's 20 August 2026: 20 February 2027 is still current.
    assert!(data.freshness(d("2027-02-20")).1.is_empty());
    let (_, w) = data.freshness(d("2027-02-21"));
    assert_eq!(w.len(), 1);
    assert!(
        w[0].contains("Ofsted's reports are as at 2026-08-20"),
        "{w:?}"
    );
    assert_eq!(data.freshness(d("2027-06-08")).1.len(), 2);
}
