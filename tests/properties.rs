//! Properties of the engine over generated inputs, with proptest:
//!
//! - the same input always gives the same output (and so does the input written back as JSON);
//! - shuffling the order of inspections, visits and concerns (and a sponsor's own inspections
//!   and registered services) never changes the result;
//! - adding events dated after `asOf` never changes the result, only adds warnings;
//! - the improvement deadline is never before publication, nor more than six calendar months
//!   and a day after it (checked with calendar arithmetic written here, not the engine's);
//! - for a sponsor, meeting one more criterion never worsens the status;
//! - native and wasm give byte-identical JSON: `generated/native-wasm.json` holds 300 inputs
//!   generated from a fixed seed with their native JSON output, which this file checks against
//!   the native engine and `wasm_properties.rs` against the wasm exports.
//!   `UPDATE_GOLDEN=1 cargo test --test properties` regenerates it (review the diff).
//!
//! Each property runs 256 generated cases (`PROPTEST_CASES` changes that); a failure is
//! shrunk to a small input and printed.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{json, Map, Value};
use trust_eligibility::{assess_council, assess_sponsor, parse, RulesetFile};

// ---------------------------------------------------------------------------------------------
// Running the engine on JSON values

/// The engine's answer as its JSON text, or the error's code and path.
fn council_json(input: &Value) -> Result<String, (String, String)> {
    let rules = RulesetFile::default_ref().unwrap();
    parse::from_json(&input.to_string())
        .and_then(|i| assess_council(&i, rules))
        .map(|o| serde_json::to_string(&o).unwrap())
        .map_err(|e| (e.code.as_str().to_string(), e.path.clone()))
}

fn sponsor_json(input: &Value) -> Result<String, (String, String)> {
    let rules = RulesetFile::default_ref().unwrap();
    parse::from_json(&input.to_string())
        .and_then(|i| assess_sponsor(&i, rules))
        .map(|o| serde_json::to_string(&o).unwrap())
        .map_err(|e| (e.code.as_str().to_string(), e.path.clone()))
}

fn value(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic, written independently of the engine's (src/date.rs)

fn leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn ymd(s: &str) -> (i64, i64, i64) {
    let p: Vec<i64> = s.split('-').map(|x| x.parse().unwrap()).collect();
    (p[0], p[1], p[2])
}

/// Days since 0000-03-01 (any fixed origin will do).
fn day_number((y, m, d): (i64, i64, i64)) -> i64 {
    let (y, m) = if m <= 2 { (y - 1, m + 12) } else { (y, m) };
    365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d
}

fn add_months((y, m, d): (i64, i64, i64), n: i64) -> (i64, i64, i64) {
    let index = y * 12 + (m - 1) + n;
    let (y2, m2) = (index.div_euclid(12), index.rem_euclid(12) + 1);
    (y2, m2, d.min(days_in_month(y2, m2)))
}

fn date_text((y, m, d): (i64, i64, i64)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn from_day_number(n: i64) -> (i64, i64, i64) {
    // Search by year then month: slow but plainly right.
    let mut y = n / 366;
    while day_number((y + 1, 1, 1)) <= n {
        y += 1;
    }
    let mut m = 1;
    while m < 12 && day_number((y, m + 1, 1)) <= n {
        m += 1;
    }
    (y, m, n - day_number((y, m, 1)) + 1)
}

#[test]
fn the_calendar_here_agrees_with_itself() {
    assert_eq!(add_months((2015, 8, 31), 6), (2016, 2, 29));
    assert_eq!(add_months((2016, 2, 29), 60), (2021, 2, 28));
    assert_eq!(day_number((2016, 3, 1)) - day_number((2016, 2, 28)), 2);
    for n in [
        day_number((1990, 1, 1)),
        day_number((2000, 2, 29)),
        day_number((2100, 12, 31)),
    ] {
        assert_eq!(day_number(from_day_number(n)), n);
    }
}

// ---------------------------------------------------------------------------------------------
// Generators of valid inputs (SPEC §3.1, §4.1)

fn date_between(from: i64, to: i64) -> impl Strategy<Value = String> {
    (day_number((from, 1, 1))..=day_number((to, 12, 31)))
        .prop_map(|n| date_text(from_day_number(n)))
}

fn date() -> impl Strategy<Value = String> {
    date_between(2012, 2026)
}

fn grade() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => prop::sample::select(vec!["outstanding", "good", "requires_improvement", "inadequate"]),
        1 => prop::sample::select(vec![
            "Requires improvement to be good",
            "INADEQUATE",
            " Good ",
            "Outstanding",
            "requires-improvement",
        ]),
    ]
    .prop_map(|g| json!(g))
}

fn opt_grade() -> impl Strategy<Value = Value> {
    prop_oneof![2 => grade(), 1 => Just(Value::Null)]
}

/// Puts the `Some` values into an object (a missing key and `null` mean the same).
fn object(pairs: Vec<(&str, Option<Value>)>) -> Value {
    let mut m = Map::new();
    for (k, v) in pairs {
        if let Some(v) = v {
            m.insert(k.to_string(), v);
        }
    }
    Value::Object(m)
}

fn judgements() -> impl Strategy<Value = Value> {
    (
        prop::option::of(opt_grade()),
        prop::option::of(opt_grade()),
        prop::option::of(opt_grade()),
        prop::option::of(opt_grade()),
    )
        .prop_map(|(h, c, l, d)| {
            object(vec![
                ("helpAndProtection", h),
                ("childrenInCare", c),
                ("careLeavers", l),
                ("leadership", d),
            ])
        })
}

fn inspection() -> impl Strategy<Value = Value> {
    (
        date(),
        prop::option::of(0i64..200),
        prop::option::of(prop::sample::select(vec!["sif", "ilacs"])),
        prop_oneof![3 => grade(), 2 => Just(json!("inadequate"))],
        prop::option::of(judgements()),
    )
        .prop_map(|(published, before, framework, overall, judgements)| {
            let inspected = before.map(|b| {
                let n = (day_number(ymd(&published)) - b).max(day_number((1990, 1, 1)));
                json!(date_text(from_day_number(n)))
            });
            object(vec![
                ("published", Some(json!(published))),
                ("inspected", inspected),
                ("framework", framework.map(|f| json!(f))),
                ("overall", Some(overall)),
                ("judgements", judgements),
            ])
        })
}

/// Inspections with distinct publication dates (the same day twice is an error).
fn inspections(max: usize) -> impl Strategy<Value = Vec<Value>> {
    prop::collection::vec(inspection(), max.min(1)..=max).prop_map(|list| {
        let mut seen = std::collections::BTreeSet::new();
        list.into_iter()
            .filter(|i| seen.insert(i["published"].as_str().unwrap().to_string()))
            .collect()
    })
}

fn visit() -> impl Strategy<Value = Value> {
    (
        date(),
        prop::sample::select(vec!["monitoring", "focused"]),
        prop::option::of(prop::sample::select(vec![
            "significant",
            "some",
            "insufficient",
        ])),
        prop::option::of(any::<bool>()),
    )
        .prop_map(|(d, kind, progress, priority)| {
            object(vec![
                ("date", Some(json!(d))),
                ("kind", Some(json!(kind))),
                ("progress", progress.map(|p| json!(p))),
                ("priorityActions", priority.map(|p| json!(p))),
            ])
        })
}

fn concern() -> impl Strategy<Value = Value> {
    (
        date(),
        prop::sample::select(vec!["whistleblower", "poor_leadership", "serious_incident"]),
    )
        .prop_map(|(d, kind)| json!({"date": d, "kind": kind}))
}

/// Names as people (and pasted text) write them: accents, quotes, backslashes, control
/// characters, emoji, right-to-left text; all must cross to JavaScript and back unchanged.
fn name() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Sandwell",
        " ",
        "St. Helens",
        "Bath & N.E. Somerset",
        "Ynys Môn",
        "\"quoted\"",
        "back\\slash",
        "tab\there",
        "new\nline",
        "\u{1}",
        "\u{7f}",
        "\u{1f476}",
        "\u{5e9}\u{5dc}\u{5d5}\u{5dd}",
        "e\u{301}",
        "\u{2028}",
        "</script>",
        "{council}",
    ]);
    prop::collection::vec(pieces, 1..6).prop_map(|p| p.concat())
}

fn council_input() -> impl Strategy<Value = Value> {
    (
        prop_oneof![1 => date(), 2 => date_between(2017, 2026)],
        prop_oneof![
            3 => Just(None),
            1 => Just(Some("announcement-2015")),
            1 => Just(Some("protocol-2016")),
        ],
        prop_oneof![1 => inspections(0), 6 => inspections(6)],
        prop::collection::vec(visit(), 0..4),
        prop::collection::vec(concern(), 0..4),
        prop::option::of((
            prop::option::of(name()),
            prop::option::of(Just("E08000028")),
        )),
        prop::option::of((prop::option::of(date()), prop::option::of(date()))),
    )
        .prop_map(
            |(as_of, ruleset, inspections, visits, concerns, council, status)| {
                let mut v = json!({"asOf": as_of, "inspections": inspections});
                // Before the first ruleset, name one (or it is an error, which is fine but dull).
                let ruleset = match ruleset {
                    None if as_of.as_str() < "2015-12-14" => Some("announcement-2015"),
                    r => r,
                };
                if let Some(r) = ruleset {
                    v["ruleset"] = json!(r);
                }
                if !visits.is_empty() {
                    v["visits"] = json!(visits);
                }
                if !concerns.is_empty() {
                    v["concerns"] = json!(concerns);
                }
                if let Some((n, c)) = council {
                    v["council"] = object(vec![
                        ("name", n.map(|n| json!(n))),
                        ("code", c.map(|c| json!(c))),
                    ]);
                }
                if let Some((a, t)) = status {
                    v["status"] = object(vec![
                        ("commissionerAppointed", a.map(|a| json!(a))),
                        ("trustSince", t.map(|t| json!(t))),
                    ]);
                }
                v
            },
        )
}

fn provision() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(vec![
            "childrens_home",
            "fostering_agency",
            "adoption_agency",
            "residential_family_centre",
            "other",
        ]),
        prop_oneof![
            3 => prop::sample::select(vec!["good", "outstanding"]).prop_map(|g| json!(g)),
            1 => grade(),
        ],
        prop::option::of(date()),
    )
        .prop_map(|(kind, grade, published)| {
            object(vec![
                ("kind", Some(json!(kind))),
                ("grade", Some(grade)),
                ("published", published.map(|p| json!(p))),
            ])
        })
}

/// Mostly `Some(likely)`: organisations that meet a criterion are as interesting as those
/// that do not, and independent coin flips would hardly ever meet all fourteen.
fn mostly(likely: bool) -> impl Strategy<Value = Option<Value>> {
    prop_oneof![4 => Just(Some(json!(likely))), 1 => opt_bool()]
}

fn opt_bool() -> impl Strategy<Value = Option<Value>> {
    prop::option::of(any::<bool>().prop_map(|b| json!(b)))
}

fn sponsor_input() -> impl Strategy<Value = Value> {
    let organisation = (
        prop::sample::select(vec![
            "local_authority",
            "charity",
            "community_interest_company",
            "company_limited_by_guarantee",
            "expert_team",
            "private_company",
        ]),
        prop::option::of(name()),
        mostly(true),
        mostly(true),
    )
        .prop_map(|(kind, name, nfp, england)| {
            object(vec![
                ("name", name.map(|n| json!(n))),
                ("kind", Some(json!(kind))),
                ("notForProfit", nfp),
                ("basedInEngland", england),
            ])
        });
    let experience = (
        prop::option::of(prop_oneof![
            (0u32..30).prop_map(|y| json!(y)),
            (0u32..120).prop_map(|q| json!(f64::from(q) / 4.0)),
        ]),
        prop::option::of(0u32..3),
        prop::option::of(0u32..60),
        prop_oneof![
            3 => prop::collection::vec(provision(), 0..4).prop_map(|p| Some(json!(p))),
            1 => Just(None),
        ],
    )
        .prop_map(|(years, leaders, workers, provision)| {
            object(vec![
                ("yearsDeliveringChildrensServices", years),
                ("leadersWithDcsExperience", leaders.map(|l| json!(l))),
                ("qualifiedSocialWorkers", workers.map(|w| json!(w))),
                ("registeredProvision", provision),
            ])
        });
    let governance = (
        mostly(true),
        prop::option::of(0u32..5),
        mostly(true),
        mostly(true),
    )
        .prop_map(|(lead, independent, conflict, whistle)| {
            object(vec![
                ("safeguardingLeadOnBoard", lead),
                ("independentBoardMembers", independent.map(|i| json!(i))),
                ("conflictOfInterestPolicy", conflict),
                ("whistleblowingPolicy", whistle),
            ])
        });
    let finances = (
        prop::option::of(prop_oneof![
            (0u64..30_000_000).prop_map(|i| json!(i)),
            (0u64..3_000_000).prop_map(|i| json!(i as f64 * 10.0 + 0.5)),
        ]),
        prop::option::of((0u32..48).prop_map(|r| json!(f64::from(r) / 4.0))),
    )
        .prop_map(|(income, reserves)| {
            object(vec![
                ("annualIncomeGbp", income),
                ("reservesMonths", reserves),
            ])
        });
    (
        prop_oneof![1 => date(), 2 => date_between(2017, 2026)],
        organisation,
        inspections(4),
        prop::option::of((mostly(false), mostly(false))),
        prop_oneof![4 => experience.prop_map(Some), 1 => Just(None)],
        prop::option::of(governance),
        prop::option::of(finances),
        prop::option::of((mostly(false), mostly(false))),
    )
        .prop_map(
            |(as_of, organisation, own, status, experience, governance, finances, regulatory)| {
                let mut v = json!({"asOf": as_of, "organisation": organisation});
                if as_of.as_str() < "2015-12-14" {
                    v["ruleset"] = json!("announcement-2015");
                }
                if !own.is_empty() {
                    v["ownInspections"] = json!(own);
                }
                if let Some((n, d)) = status {
                    v["status"] = object(vec![("improvementNotice", n), ("direction", d)]);
                }
                for (k, x) in [
                    ("experience", experience),
                    ("governance", governance),
                    ("finances", finances),
                ] {
                    if let Some(x) = x {
                        v[k] = x;
                    }
                }
                if let Some((a, i)) = regulatory {
                    v["regulatory"] = object(vec![
                        ("openEnforcementAction", a),
                        ("openCharityCommissionInquiry", i),
                    ]);
                }
                v
            },
        )
}

// ---------------------------------------------------------------------------------------------
// Helpers for the properties

/// Fisher–Yates with a small generator of our own, so a failing case shows its seed.
fn shuffle(items: &mut [Value], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = ((seed >> 33) % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

fn shuffle_key(v: &mut Value, key: &str, seed: u64) {
    if let Some(Value::Array(items)) = v.get_mut(key) {
        shuffle(items, seed);
    }
}

/// An output without its warnings, and its warnings' codes.
fn split_warnings(output: &str) -> (Value, Vec<Value>) {
    let mut v = value(output);
    let warnings = v["warnings"].as_array().cloned().unwrap_or_default();
    v["warnings"] = Value::Null;
    (v, warnings)
}

/// Whether `small` is `big` with some items left out, in order.
fn is_subsequence(small: &[Value], big: &[Value]) -> bool {
    let mut it = big.iter();
    small.iter().all(|s| it.any(|b| b == s))
}

fn day_after(date: &str, days: i64) -> String {
    date_text(from_day_number(day_number(ymd(date)) + days))
}

/// Every publication date in a list of inspections.
fn published(list: &Value) -> std::collections::BTreeSet<String> {
    list.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|i| i["published"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn later_dates(as_of: &str, offsets: &[u16]) -> Vec<String> {
    let last = day_number((2100, 12, 31));
    offsets
        .iter()
        .map(|&o| {
            let n = (day_number(ymd(as_of)) + 1 + i64::from(o)).min(last);
            date_text(from_day_number(n))
        })
        .collect()
}

fn status_rank(output: &str) -> u8 {
    match value(output)["status"].as_str().unwrap() {
        "eligible" => 0,
        "eligible_with_conditions" => 1,
        "incomplete" => 2,
        "not_yet_ready" => 3,
        "ineligible" => 4,
        other => panic!("status {other}"),
    }
}

fn met(output: &str) -> Vec<(String, Value)> {
    value(output)["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap().to_string(), c["met"].clone()))
        .collect()
}

/// The latest own inspection on or before `asOf`, as an index into `ownInspections`.
fn latest_own(input: &Value) -> Option<usize> {
    let as_of = input["asOf"].as_str().unwrap();
    input["ownInspections"]
        .as_array()?
        .iter()
        .enumerate()
        .filter(|(_, i)| i["published"].as_str().unwrap() <= as_of)
        .max_by_key(|(_, i)| i["published"].as_str().unwrap().to_string())
        .map(|(n, _)| n)
}

fn is_good_words(g: &Value) -> bool {
    let g = g.as_str().unwrap_or_default().trim().to_ascii_lowercase();
    g == "good" || g == "outstanding"
}

fn section<'a>(v: &'a mut Value, key: &str) -> &'a mut Map<String, Value> {
    if !v[key].is_object() {
        v[key] = json!({});
    }
    v[key].as_object_mut().unwrap()
}

/// The sponsor input changed so that criterion `id` is met and nothing else gets worse.
fn meet(input: &Value, id: &str) -> Value {
    let mut v = input.clone();
    let as_of = v["asOf"].as_str().unwrap().to_string();
    match id {
        "not_for_profit" => v["organisation"]["notForProfit"] = json!(true),
        "based_in_england" => v["organisation"]["basedInEngland"] = json!(true),
        "no_enforcement" => {
            v["regulatory"] =
                json!({"openEnforcementAction": false, "openCharityCommissionInquiry": false})
        }
        "la_not_in_intervention" => {
            v["status"] = json!({"improvementNotice": false, "direction": false})
        }
        "la_rated_good" => {
            let n = latest_own(&v).expect("a latest own inspection");
            v["ownInspections"][n]["overall"] = json!("good");
        }
        "la_no_recent_inadequate" => {
            for i in v["ownInspections"].as_array_mut().unwrap() {
                let p = i["published"].as_str().unwrap().to_string();
                let g = i["overall"].as_str().unwrap().trim().to_ascii_lowercase();
                if p <= as_of && g == "inadequate" {
                    i["overall"] = json!("requires_improvement");
                }
            }
        }
        "la_inspection_recent" => {
            let n = latest_own(&v).expect("a latest own inspection");
            let grade = if is_good_words(&v["ownInspections"][n]["overall"]) {
                v["ownInspections"][n]["overall"].clone()
            } else {
                json!("requires_improvement")
            };
            v["ownInspections"]
                .as_array_mut()
                .unwrap()
                .push(json!({"published": as_of, "overall": grade}));
        }
        "experience_years" => {
            section(&mut v, "experience")
                .insert("yearsDeliveringChildrensServices".into(), json!(100));
        }
        "registered_provision" => {
            let e = section(&mut v, "experience");
            let list = e.entry("registeredProvision").or_insert(json!([]));
            if !list.is_array() {
                *list = json!([]);
            }
            for p in list.as_array_mut().unwrap() {
                if p["grade"]
                    .as_str()
                    .unwrap()
                    .trim()
                    .eq_ignore_ascii_case("inadequate")
                {
                    p["grade"] = json!("good");
                }
            }
            list.as_array_mut()
                .unwrap()
                .push(json!({"kind": "childrens_home", "grade": "good"}));
        }
        "dcs_leadership" => {
            section(&mut v, "experience").insert("leadersWithDcsExperience".into(), json!(10));
        }
        "social_workers" => {
            section(&mut v, "experience").insert("qualifiedSocialWorkers".into(), json!(1000));
        }
        "safeguarding_board" => {
            let g = section(&mut v, "governance");
            for k in [
                "safeguardingLeadOnBoard",
                "conflictOfInterestPolicy",
                "whistleblowingPolicy",
            ] {
                g.insert(k.into(), json!(true));
            }
        }
        "independent_board" => {
            section(&mut v, "governance").insert("independentBoardMembers".into(), json!(10));
        }
        "financial_capacity" => {
            section(&mut v, "finances").insert("annualIncomeGbp".into(), json!(1e9));
        }
        "reserves" => {
            section(&mut v, "finances").insert("reservesMonths".into(), json!(120));
        }
        other => panic!("no way to meet {other}"),
    }
    v
}

/// Checks an improvement deadline against its inspection's publication date.
fn check_deadline(output: &str) -> Result<(), TestCaseError> {
    let v = value(output);
    for d in v["dates"].as_array().unwrap() {
        if d["kind"] != "improvement_deadline" {
            continue;
        }
        let published = ymd(v["latestInspection"]["published"].as_str().unwrap());
        let deadline = ymd(d["date"].as_str().unwrap());
        let as_of = ymd(v["asOf"].as_str().unwrap());
        let latest_allowed = day_number(add_months(published, 6)) + 1;
        prop_assert!(
            day_number(deadline) >= day_number(published),
            "deadline before publication"
        );
        prop_assert!(
            day_number(deadline) <= latest_allowed,
            "deadline {} is more than 6 months and a day after {}",
            date_text(deadline),
            date_text(published)
        );
        prop_assert_eq!(
            d["daysFromAsOf"].as_i64().unwrap(),
            day_number(deadline) - day_number(as_of)
        );
        prop_assert!(
            d["daysFromAsOf"].as_i64().unwrap() >= 0,
            "a deadline already passed"
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The properties

proptest! {
    #![proptest_config(Config { failure_persistence: None, ..Config::default() })]

    #[test]
    fn the_same_council_input_always_gives_the_same_output(input in council_input()) {
        let first = council_json(&input);
        prop_assert_eq!(&first, &council_json(&input));
        // The input read, written back as JSON, and read again: the same answer.
        let read: trust_eligibility::input::CouncilInput = parse::from_json(&input.to_string()).unwrap();
        let again = value(&serde_json::to_string(&read).unwrap());
        prop_assert_eq!(&first, &council_json(&again));
        if let Ok(out) = &first {
            check_deadline(out)?;
        }
    }

    #[test]
    fn the_same_sponsor_input_always_gives_the_same_output(input in sponsor_input()) {
        let first = sponsor_json(&input);
        prop_assert_eq!(&first, &sponsor_json(&input));
        let read: trust_eligibility::input::SponsorInput = parse::from_json(&input.to_string()).unwrap();
        let again = value(&serde_json::to_string(&read).unwrap());
        prop_assert_eq!(&first, &sponsor_json(&again));
    }

    #[test]
    fn shuffling_inspections_visits_and_concerns_never_changes_the_result(
        input in council_input(), seed in any::<u64>()
    ) {
        let mut shuffled = input.clone();
        shuffle_key(&mut shuffled, "inspections", seed);
        shuffle_key(&mut shuffled, "visits", seed ^ 1);
        shuffle_key(&mut shuffled, "concerns", seed ^ 2);
        prop_assert_eq!(council_json(&input), council_json(&shuffled));
    }

    #[test]
    fn shuffling_a_sponsors_inspections_and_services_never_changes_the_result(
        input in sponsor_input(), seed in any::<u64>()
    ) {
        let mut shuffled = input.clone();
        shuffle_key(&mut shuffled, "ownInspections", seed);
        if let Some(e) = shuffled.get_mut("experience") {
            shuffle_key(e, "registeredProvision", seed ^ 1);
        }
        prop_assert_eq!(sponsor_json(&input), sponsor_json(&shuffled));
    }

    #[test]
    fn same_day_inspections_are_an_error_whatever_their_order(
        input in council_input(), seed in any::<u64>(), pick in any::<prop::sample::Index>()
    ) {
        let mut input = input;
        let list = input["inspections"].as_array_mut().unwrap();
        prop_assume!(!list.is_empty());
        let twin = json!({"published": list[pick.index(list.len())]["published"], "overall": "good"});
        list.push(twin);
        shuffle(list, seed);
        let err = council_json(&input).unwrap_err();
        prop_assert_eq!(err.0.as_str(), "duplicate_inspection");
        // The path names one of the two.
        let n: usize = err.1.trim_start_matches("inspections[").trim_end_matches("].published").parse().unwrap();
        let day = &input["inspections"][n]["published"];
        prop_assert_eq!(input["inspections"].as_array().unwrap().iter().filter(|i| &i["published"] == day).count(), 2);
    }

    #[test]
    fn events_after_as_of_change_only_the_warnings(
        input in council_input(),
        offsets in prop::collection::vec(0u16..4000, 1..4),
        grades in prop::collection::vec(grade(), 3),
        seed in any::<u64>(),
    ) {
        let before = council_json(&input);
        let as_of = input["asOf"].as_str().unwrap().to_string();
        let taken = published(&input["inspections"]);
        let dates = later_dates(&as_of, &offsets);
        let mut after = input.clone();
        for (n, d) in dates.iter().enumerate() {
            if !taken.contains(d) && !published(&after["inspections"]).contains(d) {
                after["inspections"].as_array_mut().unwrap().push(json!({"published": d, "overall": grades[n % 3]}));
            }
            let kinds = ["monitoring", "focused"];
            after.as_object_mut().unwrap().entry("visits").or_insert(json!([])).as_array_mut().unwrap()
                .push(json!({"date": d, "kind": kinds[n % 2], "progress": "significant", "priorityActions": true}));
            after.as_object_mut().unwrap().entry("concerns").or_insert(json!([])).as_array_mut().unwrap()
                .push(json!({"date": d, "kind": "whistleblower"}));
        }
        shuffle_key(&mut after, "inspections", seed);
        let later = council_json(&after);
        match (&before, &later) {
            (Ok(b), Ok(a)) => {
                let (b, bw) = split_warnings(b);
                let (a, aw) = split_warnings(a);
                prop_assert_eq!(b, a);
                prop_assert!(is_subsequence(&bw, &aw), "a warning went away");
                prop_assert!(aw.len() > bw.len());
                for w in &aw {
                    prop_assert!(bw.contains(w) || w["code"] == "ignored_after_as_of", "new warning {}", w);
                }
            }
            _ => prop_assert_eq!(before, later),
        }
    }

    #[test]
    fn a_sponsors_inspections_and_services_after_as_of_change_only_the_warnings(
        input in sponsor_input(),
        offsets in prop::collection::vec(0u16..4000, 1..4),
        grades in prop::collection::vec(grade(), 3),
    ) {
        let before = sponsor_json(&input);
        let as_of = input["asOf"].as_str().unwrap().to_string();
        let mut after = input.clone();
        for (n, d) in later_dates(&as_of, &offsets).iter().enumerate() {
            if !published(&after["ownInspections"]).contains(d) {
                after.as_object_mut().unwrap().entry("ownInspections").or_insert(json!([])).as_array_mut().unwrap()
                    .push(json!({"published": d, "overall": grades[n % 3]}));
            }
            // A list not given stays not given (not known, SPEC 4.1): services are added to a
            // list the input gives.
            if let Some(list) = after["experience"]["registeredProvision"].as_array_mut() {
                list.push(json!({"kind": "other", "grade": grades[(n + 1) % 3], "published": d}));
            }
        }
        let later = sponsor_json(&after);
        match (&before, &later) {
            (Ok(b), Ok(a)) => {
                let (b, bw) = split_warnings(b);
                let (a, aw) = split_warnings(a);
                prop_assert_eq!(b, a);
                prop_assert!(is_subsequence(&bw, &aw), "a warning went away");
                for w in &aw {
                    prop_assert!(bw.contains(w) || w["code"] == "ignored_after_as_of", "new warning {}", w);
                }
            }
            _ => prop_assert_eq!(before, later),
        }
    }

    #[test]
    fn the_improvement_deadline_is_within_six_months_and_a_day_of_publication(
        published in date_between(1990, 2100),
        days in 0i64..260,
        judgements in prop::option::of(judgements()),
        window in prop_oneof![Just(None), (0i64..=24).prop_map(Some)],
    ) {
        let as_of = day_after(&published, days).min("2100-12-31".to_string());
        let mut inspection = json!({"published": published, "overall": "inadequate"});
        if let Some(j) = judgements {
            inspection["judgements"] = j;
        }
        let input = json!({"asOf": as_of, "ruleset": "announcement-2015", "inspections": [inspection]});
        let out = council_json(&input).unwrap();
        check_deadline(&out)?;
        let v = value(&out);
        let deadline = day_number(add_months(ymd(&published), 6));
        let expected = if day_number(ymd(&as_of)) <= deadline { "improvement_window" } else { "commissioner" };
        prop_assert_eq!(v["intervention"].as_str().unwrap(), expected);
        // With another window set by a ruleset override, the same bound in its own months.
        if let Some(months) = window {
            let patch = json!({"rulesets": [{"id": "announcement-2015", "parameters": {"improvementWindowMonths": {"value": months}}}]});
            let rules = RulesetFile::override_from_json(&patch.to_string()).unwrap();
            let read = parse::from_json(&input.to_string()).unwrap();
            let out = value(&serde_json::to_string(&assess_council(&read, &rules).unwrap()).unwrap());
            if let Some(d) = out["dates"].as_array().unwrap().iter().find(|d| d["kind"] == "improvement_deadline") {
                let got = day_number(ymd(d["date"].as_str().unwrap()));
                prop_assert!(got >= day_number(ymd(&published)));
                prop_assert!(got <= day_number(add_months(ymd(&published), months)) + 1);
            }
        }
    }

    #[test]
    fn meeting_one_more_criterion_never_worsens_a_sponsors_status(input in sponsor_input()) {
        let Ok(before) = sponsor_json(&input) else { return Ok(()) };
        let applies = |out: &str, id: &str| {
            value(out)["criteria"].as_array().unwrap().iter().any(|c| c["id"] == id && c["applies"] == json!(true))
        };
        // A criterion failed, or not known (SPEC 4.1: answering what was not known with a
        // fact that meets it never makes the answer worse).
        for (id, was) in met(&before) {
            if was == json!(true) || !applies(&before, &id) {
                continue;
            }
            let changed = meet(&input, &id);
            let after = sponsor_json(&changed)
                .map_err(|e| TestCaseError::fail(format!("meeting {id} gave an error {e:?}")))?;
            let now = met(&after);
            prop_assert_eq!(&now.iter().find(|(i, _)| *i == id).unwrap().1, &json!(true), "{} is still unmet", id);
            for ((i, old), (_, new)) in met(&before).iter().zip(&now) {
                prop_assert!(!(old == &json!(true) && new == &json!(false)), "meeting {} unmet {}", id, i);
            }
            prop_assert!(
                status_rank(&after) <= status_rank(&before),
                "meeting {} worsened the status from {} to {}", id,
                value(&before)["status"], value(&after)["status"]
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Native and wasm: the recorded outputs of generated inputs

const GENERATED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/generated/native-wasm.json"
);
const COUNCILS: usize = 200;
const SPONSORS: usize = 100;

fn record(kind: &str, input: Value) -> Value {
    let out = if kind == "council" {
        council_json(&input)
    } else {
        sponsor_json(&input)
    };
    match out {
        Ok(text) => json!({"kind": kind, "input": input, "output": text}),
        Err((code, path)) => {
            json!({"kind": kind, "input": input, "error": {"code": code, "path": path}})
        }
    }
}

fn generate() -> Value {
    let seed = [7u8; 32];
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &seed),
    );
    let mut cases = Vec::new();
    let councils = council_input();
    for _ in 0..COUNCILS {
        cases.push(record(
            "council",
            councils.new_tree(&mut runner).unwrap().current(),
        ));
    }
    let sponsors = sponsor_input();
    for _ in 0..SPONSORS {
        cases.push(record(
            "sponsor",
            sponsors.new_tree(&mut runner).unwrap().current(),
        ));
    }
    json!({
        "about": "Inputs generated by tests/properties.rs (fixed seed) with their native output as JSON text; tests/wasm_properties.rs requires the wasm exports to give the same text. Regenerate: UPDATE_GOLDEN=1 cargo test --test properties",
        "cases": cases,
    })
}

#[test]
fn generated_inputs_give_their_recorded_native_output() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    if update || !std::path::Path::new(GENERATED).exists() {
        let doc = generate();
        let mut text = String::from("{\"about\": ");
        text.push_str(&doc["about"].to_string());
        text.push_str(",\n\"cases\": [\n");
        let lines: Vec<String> = doc["cases"]
            .as_array()
            .unwrap()
            .iter()
            .map(Value::to_string)
            .collect();
        text.push_str(&lines.join(",\n"));
        text.push_str("\n]}\n");
        std::fs::create_dir_all(std::path::Path::new(GENERATED).parent().unwrap()).unwrap();
        std::fs::write(GENERATED, text).unwrap();
    }
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(GENERATED).unwrap()).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert_eq!(cases.len(), COUNCILS + SPONSORS);
    let mut failures = Vec::new();
    let mut answered = 0;
    for (n, c) in cases.iter().enumerate() {
        let now = record(c["kind"].as_str().unwrap(), c["input"].clone());
        if &now != c {
            failures.push(format!("case {n}: recorded {c}\n  now {now}"));
        }
        answered += usize::from(c.get("output").is_some());
    }
    assert!(
        failures.is_empty(),
        "{} generated cases differ from tests/generated/native-wasm.json (UPDATE_GOLDEN=1 to rewrite):\n{}",
        failures.len(),
        failures.join("\n")
    );
    // Mostly answers, a few errors: the generators make valid inputs.
    assert!(answered * 10 >= cases.len() * 9, "only {answered} answers");
}
