//! A fixed amount of work for `valgrind --tool=callgrind`: `cargo build --release --example profile`,
//! then `valgrind --tool=callgrind --dump-instr=no target/release/examples/profile council|sponsor|assess|load`.
//! The inputs are those of benches/engine.rs. `council-compact` and `sponsor-compact` read the
//! same inputs without whitespace, as the browser sends them (`JSON.stringify`);
//! `assess` and `assess-sponsor` assess inputs read once before the loop, ten times an
//! iteration, so that their counts are the assessment alone.

use std::hint::black_box;
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

/// `text` without the whitespace between tokens, as `JSON.stringify` writes it.
fn compact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !c.is_ascii_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

/// `f` ten times (the assessment modes: ten assessments per iteration), its results summed.
fn ten(f: impl Fn() -> usize) -> usize {
    (0..10).map(|_| f()).sum()
}

fn main() {
    let what = std::env::args().nth(1).unwrap_or_else(|| "council".into());
    let n: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    let rules = RulesetFile::default_ref().expect("embedded rulesets");
    let (council, charity) = if what.ends_with("-compact") {
        (compact(REALISTIC_COUNCIL), compact(CHARITY))
    } else {
        (REALISTIC_COUNCIL.to_string(), CHARITY.to_string())
    };
    // Read once, for the modes that time the assessment alone.
    let council_input: CouncilInput = from_json(REALISTIC_COUNCIL).expect("read");
    let charity_input: SponsorInput = from_json(CHARITY).expect("read");
    let mut total = 0usize;
    for _ in 0..n {
        total += match what.as_str() {
            "council" | "council-compact" => {
                let input: CouncilInput = from_json(black_box(&council)).expect("read");
                serde_json::to_string(&assess_council(&input, rules).expect("assessed")).expect("JSON")
                    .len()
            }
            "sponsor" | "sponsor-compact" => {
                let input: SponsorInput = from_json(black_box(&charity)).expect("read");
                serde_json::to_string(&assess_sponsor(&input, rules).expect("assessed")).expect("JSON")
                    .len()
            }
            "assess" => ten(|| {
                assess_council(black_box(&council_input), rules)
                    .expect("assessed")
                    .reasons
                    .len()
            }),
            "assess-sponsor" => ten(|| {
                assess_sponsor(black_box(&charity_input), rules)
                    .expect("assessed")
                    .criteria
                    .len()
            }),
            "read" => {
                let input: CouncilInput = from_json(black_box(REALISTIC_COUNCIL)).expect("read");
                input.inspections.len()
            }
            "read-sponsor" => {
                let input: SponsorInput = from_json(black_box(CHARITY)).expect("read");
                usize::from(input.experience.is_some())
            }
            "load" => {
                RulesetFile::override_from_json(black_box("{}")).expect("loaded");
                1
            }
            _ => panic!(
                "council|sponsor|council-compact|sponsor-compact|assess|assess-sponsor|read|read-sponsor|load"
            ),
        };
    }
    println!("{total}");
}
