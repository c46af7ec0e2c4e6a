//! Native benchmarks of the engine (run by `bash bench/run`, which writes BENCHMARKS.md).
//!
//! - `council/realistic`: a Sandwell-like history (SIF then ILACS, judgements, monitoring and
//!   focused visits, a concern, a commissioner) under the 2016 protocol.
//! - `council/largest-real`: the council with the most inspections in Ofsted's published file
//!   (`data/ofsted/`, the ILACS history and the latest judgements), on 2025-03-31.
//! - `sponsor/charity` and `sponsor/council`: the two shapes of sponsor assessment.
//! - `*/json`: the same through JSON text in and out, the work the wasm boundary adds.
//!
//! Bounded by default (3 s measurement, 1 s warm-up, 40 samples per benchmark); criterion's
//! usual command-line options override that.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::Criterion;
    use std::collections::BTreeMap;
    use std::hint::black_box;
    use std::path::PathBuf;
    use std::time::Duration;
    use trust_eligibility::input::{CouncilInput, SponsorInput};
    use trust_eligibility::{assess_council, assess_sponsor, parse::from_json, RulesetFile};

    const REALISTIC_COUNCIL: &str = r#"{
      "council": { "name": "Sandwell", "code": "E08000028" },
      "asOf": "2018-09-01",
      "inspections": [
        { "published": "2013-05-28", "inspected": "2013-03-18", "framework": "sif", "overall": "inadequate",
          "judgements": { "helpAndProtection": "inadequate", "childrenInCare": "requires_improvement", "leadership": "inadequate" } },
        { "published": "2015-06-10", "inspected": "2015-04-20", "framework": "sif", "overall": "inadequate",
          "judgements": { "helpAndProtection": "inadequate", "childrenInCare": "requires_improvement", "leadership": "inadequate" } },
        { "published": "2018-06-28", "inspected": "2018-05-14", "framework": "ilacs", "overall": "inadequate",
          "judgements": { "helpAndProtection": "inadequate", "childrenInCare": "inadequate", "leadership": "inadequate" } }
      ],
      "visits": [
        { "date": "2015-11-02", "kind": "monitoring", "progress": "some" },
        { "date": "2016-05-17", "kind": "monitoring", "progress": "insufficient" },
        { "date": "2017-02-08", "kind": "focused", "priorityActions": true }
      ],
      "concerns": [ { "date": "2016-01-20", "kind": "whistleblower" }, { "date": "2018-07-30", "kind": "poor_leadership" } ],
      "status": { "commissionerAppointed": "2016-10-01", "trustSince": "2018-04-01" }
    }"#;

    const CHARITY: &str = r#"{
      "asOf": "2019-03-01",
      "organisation": { "name": "Example Children's Charity", "kind": "charity", "notForProfit": true, "basedInEngland": true },
      "experience": { "yearsDeliveringChildrensServices": 12, "leadersWithDcsExperience": 1, "qualifiedSocialWorkers": 40,
        "registeredProvision": [
          { "kind": "fostering_agency", "grade": "good", "published": "2017-02-01" },
          { "kind": "childrens_home", "grade": "requires_improvement", "published": "2018-06-12" },
          { "kind": "adoption_agency", "grade": "outstanding", "published": "2018-11-30" } ] },
      "governance": { "safeguardingLeadOnBoard": true, "independentBoardMembers": 1, "conflictOfInterestPolicy": true, "whistleblowingPolicy": false },
      "finances": { "annualIncomeGbp": 25000000, "reservesMonths": 4 },
      "regulatory": { "openEnforcementAction": false, "openCharityCommissionInquiry": false }
    }"#;

    const COUNCIL_SPONSOR: &str = r#"{
      "asOf": "2025-03-31",
      "organisation": { "name": "Durham", "kind": "local_authority", "notForProfit": true, "basedInEngland": true },
      "ownInspections": [
        { "published": "2019-10-21", "overall": "requires_improvement" },
        { "published": "2022-07-05", "overall": "good" },
        { "published": "2025-05-13", "overall": "outstanding" } ],
      "status": { "improvementNotice": false, "direction": false },
      "governance": { "safeguardingLeadOnBoard": true, "independentBoardMembers": 2, "conflictOfInterestPolicy": true, "whistleblowingPolicy": true }
    }"#;

    fn ofsted_dir() -> PathBuf {
        std::env::var_os("TRUST_BENCH_OFSTED_DIR").map_or_else(
            || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/ofsted"),
            PathBuf::from,
        )
    }

    /// A CSV file (RFC 4180: quoted fields, doubled quotes) as rows of fields.
    fn csv_rows(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        if !field.is_empty() || !row.is_empty() {
            row.push(field);
            rows.push(row);
        }
        rows
    }

    /// The field at `i`, or "" when the row is short.
    fn cell(r: &[String], i: usize) -> &str {
        r.get(i).map_or("", String::as_str)
    }

    /// Every council's inspections from Ofsted's history and latest-judgements sheets, keyed by
    /// area code, each inspection once (same council, same publication date).
    fn read_histories() -> Result<BTreeMap<String, (String, Vec<serde_json::Value>)>, String> {
        let dir = ofsted_dir();
        let mut out: BTreeMap<String, (String, BTreeMap<String, serde_json::Value>)> =
            BTreeMap::new();
        for file in ["ilacs_history_2018-2025.csv", "latest_as_at_2025-03-31.csv"] {
            let path = dir.join(file);
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let rows = csv_rows(&text);
            let Some((headers, records)) = rows.split_first() else {
                return Err(format!("{}: empty", path.display()));
            };
            let col = |name: &str| headers.iter().position(|h| h == name);
            let (Some(code), Some(name), Some(inspected), Some(published), Some(overall)) = (
                col("Local authority area code"),
                col("Local authority name"),
                col("Inspection date"),
                col("Publication date"),
                col("Overall effectiveness"),
            ) else {
                return Err(format!("{}: not Ofsted's columns", path.display()));
            };
            let judgement = |r: &[String], header: &str| {
                col(header)
                    .map(|i| cell(r, i))
                    .filter(|g| !g.is_empty())
                    .map_or(serde_json::Value::Null, |g| g.into())
            };
            for r in records {
                let (code, name) = (cell(r, code), cell(r, name));
                let (published, overall) = (cell(r, published), cell(r, overall));
                if code.is_empty() || published.is_empty() || overall.is_empty() {
                    continue;
                }
                let inspected = Some(cell(r, inspected)).filter(|d| !d.is_empty());
                let inspection = serde_json::json!({
                    "published": published,
                    "inspected": inspected,
                    "framework": "ilacs",
                    "overall": overall,
                    "judgements": {
                        "leadership": judgement(r, "The impact of leaders on social work practice with children and families"),
                        "helpAndProtection": judgement(r, "The experiences and progress of children who need help and protection"),
                        "childrenInCare": judgement(r, "The experiences and progress of children in care"),
                        "careLeavers": judgement(r, "The experiences and progress of care leavers"),
                    }
                });
                out.entry(code.to_string())
                    .or_insert_with(|| (name.to_string(), BTreeMap::new()))
                    .1
                    .entry(published.to_string())
                    .or_insert(inspection);
            }
        }
        Ok(out
            .into_iter()
            .map(|(code, (name, by_date))| (code, (name, by_date.into_values().collect())))
            .collect())
    }

    /// The real council with the most inspections (ties: the first by area code), as an input.
    fn largest_real_history() -> Result<(String, CouncilInput), String> {
        let histories = read_histories()?;
        let (code, (name, inspections)) = histories
            .into_iter()
            .fold(
                None,
                |best: Option<(String, (String, Vec<_>))>, item| match &best {
                    Some(b) if b.1 .1.len() >= item.1 .1.len() => best,
                    _ => Some(item),
                },
            )
            .ok_or("no councils read")?;
        let n = inspections.len();
        let text = serde_json::json!({
            "council": { "name": name, "code": code },
            "asOf": "2025-03-31",
            "inspections": inspections,
        })
        .to_string();
        let input = from_json(&text).map_err(|e| format!("{name}: {}", e.message))?;
        Ok((format!("{name} ({n} inspections)"), input))
    }

    pub fn main() {
        let rules = RulesetFile::default_ref().expect("embedded rulesets");
        let mut c = Criterion::default()
            .sample_size(40)
            .measurement_time(Duration::from_secs(3))
            .warm_up_time(Duration::from_secs(1))
            .without_plots()
            .configure_from_args();

        let realistic: CouncilInput = from_json(REALISTIC_COUNCIL).expect("realistic council");
        let charity: SponsorInput = from_json(CHARITY).expect("charity sponsor");
        let council_sponsor: SponsorInput = from_json(COUNCIL_SPONSOR).expect("council sponsor");

        let mut group = c.benchmark_group("council");
        group.bench_function("realistic", |b| {
            b.iter(|| assess_council(black_box(&realistic), rules).expect("assessed"))
        });
        group.bench_function("realistic/json", |b| {
            b.iter(|| {
                let input: CouncilInput = from_json(black_box(REALISTIC_COUNCIL)).expect("read");
                serde_json::to_string(&assess_council(&input, rules).expect("assessed"))
                    .expect("JSON")
            })
        });
        match largest_real_history() {
            Ok((label, input)) => {
                eprintln!("bench: largest real history: {label}");
                group.bench_function("largest-real", |b| {
                    b.iter(|| assess_council(black_box(&input), rules).expect("assessed"))
                });
            }
            Err(e) => eprintln!("council/largest-real skipped: {e}"),
        }
        group.finish();

        let mut group = c.benchmark_group("sponsor");
        group.bench_function("charity", |b| {
            b.iter(|| assess_sponsor(black_box(&charity), rules).expect("assessed"))
        });
        group.bench_function("charity/json", |b| {
            b.iter(|| {
                let input: SponsorInput = from_json(black_box(CHARITY)).expect("read");
                serde_json::to_string(&assess_sponsor(&input, rules).expect("assessed"))
                    .expect("JSON")
            })
        });
        group.bench_function("council", |b| {
            b.iter(|| assess_sponsor(black_box(&council_sponsor), rules).expect("assessed"))
        });
        group.finish();

        // What the first call after start-up pays: reading and validating the embedded
        // rulesets (an empty override is the default, loaded afresh), then listing them.
        let mut group = c.benchmark_group("rulesets");
        group.bench_function("load", |b| {
            b.iter(|| RulesetFile::override_from_json(black_box("{}")).expect("loaded"))
        });
        group.finish();
        c.final_summary();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
