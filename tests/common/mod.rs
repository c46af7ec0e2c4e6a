//! The case checker shared by every runner (native, CLI, wasm under Node and Chromium).
//! It compares an output (as a JSON value) with a case's `expect` block, and with the golden
//! output, and returns every difference as text.

#![allow(dead_code)]

use serde_json::Value;

/// The case files, embedded so that the wasm runners (which have no file system) see them too.
pub const CASE_FILES: &[(&str, &str)] = &[
    ("council", include_str!("../cases/council.json")),
    ("council-2026", include_str!("../cases/council-2026.json")),
    (
        "council-events",
        include_str!("../cases/council-events.json"),
    ),
    ("decisions", include_str!("../cases/decisions.json")),
    ("today", include_str!("../cases/today.json")),
    ("real", include_str!("../cases/real.json")),
    ("sponsor", include_str!("../cases/sponsor.json")),
    (
        "sponsor-record",
        include_str!("../cases/sponsor-record.json"),
    ),
    ("errors", include_str!("../cases/errors.json")),
    ("hostile", include_str!("../cases/hostile.json")),
];

/// The golden outputs, keyed by file then case name.
pub const GOLDEN_FILES: &[(&str, &str)] = &[
    ("council", include_str!("../golden/council.json")),
    ("council-2026", include_str!("../golden/council-2026.json")),
    (
        "council-events",
        include_str!("../golden/council-events.json"),
    ),
    ("decisions", include_str!("../golden/decisions.json")),
    ("today", include_str!("../golden/today.json")),
    ("real", include_str!("../golden/real.json")),
    ("sponsor", include_str!("../golden/sponsor.json")),
    (
        "sponsor-record",
        include_str!("../golden/sponsor-record.json"),
    ),
];

pub struct Case {
    pub file: &'static str,
    pub name: String,
    pub kind: String,
    pub input: Option<Value>,
    pub input_text: Option<String>,
    pub expect: Value,
    pub expect_error: Option<(String, String)>,
}

impl Case {
    /// The input as JSON text (the raw text for `inputText` cases).
    pub fn text(&self) -> String {
        match (&self.input_text, &self.input) {
            (Some(t), _) => t.clone(),
            (None, Some(v)) => v.to_string(),
            (None, None) => String::new(),
        }
    }
}

/// Every case of every file, with the file's kind (`council`, `sponsor`) unless the case names one.
pub fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for &(file, text) in CASE_FILES {
        let doc: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{file}.json: {e}"));
        let default_kind = match file {
            "sponsor" | "sponsor-record" => "sponsor",
            _ => "council",
        };
        let list = doc["cases"]
            .as_array()
            .unwrap_or_else(|| panic!("{file}.json has no cases array"));
        for c in list {
            let name = c["name"]
                .as_str()
                .unwrap_or_else(|| panic!("{file}.json: a case has no name"))
                .to_string();
            let expect_error = c.get("expectError").map(|e| {
                (
                    e["code"].as_str().unwrap_or_default().to_string(),
                    e["path"].as_str().unwrap_or_default().to_string(),
                )
            });
            out.push(Case {
                file,
                kind: c["kind"].as_str().unwrap_or(default_kind).to_string(),
                input: c.get("input").cloned(),
                input_text: c
                    .get("inputText")
                    .and_then(Value::as_str)
                    .map(str::to_string),
                expect: c.get("expect").cloned().unwrap_or(Value::Null),
                expect_error,
                name,
            });
        }
    }
    let mut names: Vec<(&str, &str)> = out.iter().map(|c| (c.file, c.name.as_str())).collect();
    names.sort();
    for w in names.windows(2) {
        assert!(
            w[0] != w[1],
            "two cases in {}.json are named {:?}",
            w[0].0,
            w[0].1
        );
    }
    out
}

/// The golden output for a case, if recorded. Each golden file is parsed once and kept: parsing
/// the whole file for every case made the run quadratic, and in a debug wasm build in Chromium one
/// test then held the page for longer than the test runner and ChromeDriver wait (SPEC 4's
/// golden sponsor outputs grew to thousands of lines).
pub fn golden(file: &str, name: &str) -> Option<Value> {
    static DOCS: std::sync::OnceLock<Vec<(&'static str, Option<Value>)>> =
        std::sync::OnceLock::new();
    let docs = DOCS.get_or_init(|| {
        GOLDEN_FILES
            .iter()
            .map(|(f, text)| (*f, serde_json::from_str(text).ok()))
            .collect()
    });
    let (_, doc) = docs.iter().find(|(f, _)| *f == file)?;
    doc.as_ref()?.get(name).cloned()
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|x| x[key].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn check(out: &mut Vec<String>, what: &str, got: Value, want: &Value) {
    if &got != want {
        out.push(format!("{what}: got {got}, expected {want}"));
    }
}

/// Differences between a council output and the case's expectations.
pub fn check_council(case: &Case, got: &Value) -> Vec<String> {
    let mut diffs = Vec::new();
    let e = &case.expect;
    if let Some(want) = e.get("intervention") {
        check(
            &mut diffs,
            "intervention",
            got["intervention"].clone(),
            want,
        );
    }
    if let Some(want) = e.get("ruleset") {
        check(&mut diffs, "ruleset", got["ruleset"]["id"].clone(), want);
    }
    if let Some(want) = e.get("reasons") {
        check(
            &mut diffs,
            "reasons",
            serde_json::json!(strings(&got["reasons"], "rule")),
            want,
        );
    }
    if let Some(want) = e.get("dates") {
        check(&mut diffs, "dates", got["dates"].clone(), want);
    }
    if let Some(want) = e.get("warnings") {
        check(
            &mut diffs,
            "warnings",
            serde_json::json!(strings(&got["warnings"], "code")),
            want,
        );
    }
    if let Some(want) = e.get("outlook") {
        check(
            &mut diffs,
            "outlook",
            serde_json::json!(strings(&got["outlook"], "rule")),
            want,
        );
    }
    if let Some(want) = e.get("persistentUntil") {
        check(
            &mut diffs,
            "persistentUntil",
            got["persistentUntil"].clone(),
            want,
        );
    }
    if let Some(want) = e.get("inIntervention") {
        check(
            &mut diffs,
            "inIntervention",
            got["inIntervention"].clone(),
            want,
        );
    }
    if let Some(want) = e.get("windows") {
        check(&mut diffs, "windows", got["windows"].clone(), want);
    }
    if let Some(want) = e.get("notSaid").and_then(Value::as_array) {
        let texts = strings(&got["reasons"], "text")
            .into_iter()
            .chain(
                got["nextSteps"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|s| s.as_str().map(str::to_string)),
            )
            .collect::<Vec<_>>();
        for phrase in want.iter().filter_map(Value::as_str) {
            if let Some(t) = texts.iter().find(|t| t.contains(phrase)) {
                diffs.push(format!("notSaid: {phrase:?} is said in {t:?}"));
            }
        }
    }
    if let Some(want) = e.get("status").and_then(Value::as_object) {
        let s = &got["statusInForce"];
        if s.is_null() {
            diffs.push("status: expected statusInForce, got none".into());
        }
        for (k, w) in want {
            let g = match k.as_str() {
                "presumedLifted" => serde_json::json!(s[k].as_array().map_or(0, Vec::len)),
                _ => s[k].get("date").cloned().unwrap_or(Value::Null),
            };
            check(&mut diffs, &format!("status.{k}"), g, w);
        }
    }
    if let Some(want) = e.get("findings").and_then(Value::as_object) {
        let f = &got["findings"];
        for (k, w) in want {
            let g = match k.as_str() {
                "triggers" => serde_json::json!(f["triggers"].as_array().map_or(0, Vec::len)),
                "earlierInadequate" => f["earlierInadequate"]
                    .get("published")
                    .cloned()
                    .unwrap_or(Value::Null),
                "visit" => f["visit"].get("date").cloned().unwrap_or(Value::Null),
                _ => f[k].clone(),
            };
            check(&mut diffs, &format!("findings.{k}"), g, w);
        }
    }
    // Every reason carries words and (unless a design choice) a source.
    if let Some(reasons) = got["reasons"].as_array() {
        if reasons.is_empty() {
            diffs.push("no reasons given".into());
        }
        for r in reasons {
            if r["text"]
                .as_str()
                .is_none_or(|t| t.is_empty() || t.contains('{'))
            {
                diffs.push(format!(
                    "reason {} has no text, or an unfilled placeholder: {}",
                    r["rule"], r["text"]
                ));
            }
        }
    }
    diffs
}

/// Differences between a sponsor output and the case's expectations.
pub fn check_sponsor(case: &Case, got: &Value) -> Vec<String> {
    let mut diffs = Vec::new();
    let e = &case.expect;
    if let Some(want) = e.get("status") {
        check(&mut diffs, "status", got["status"].clone(), want);
    }
    if let Some(want) = e.get("routes") {
        check(&mut diffs, "routes", got["routes"].clone(), want);
    }
    let ids_where = |pred: &dyn Fn(&Value) -> bool| -> Value {
        serde_json::json!(got["criteria"]
            .as_array()
            .map(|a| a
                .iter()
                .filter(|c| pred(c))
                .map(|c| c["id"].clone())
                .collect::<Vec<_>>())
            .unwrap_or_default())
    };
    if let Some(want) = e.get("unmet") {
        check(
            &mut diffs,
            "unmet",
            ids_where(&|c| c["met"] == Value::Bool(false)),
            want,
        );
    }
    if let Some(want) = e.get("notApplicable") {
        check(
            &mut diffs,
            "notApplicable",
            ids_where(&|c| c["applies"] == Value::Bool(false)),
            want,
        );
    }
    if let Some(want) = e.get("unknown") {
        check(
            &mut diffs,
            "unknown",
            ids_where(&|c| c["known"] == Value::Bool(false)),
            want,
        );
    }
    if let Some(want) = e.get("evidence").and_then(Value::as_object) {
        for (id, w) in want {
            let c = got["criteria"]
                .as_array()
                .and_then(|a| a.iter().find(|c| c["id"] == id.as_str()));
            let g = c.map_or(Value::Null, |c| c["evidence"].clone());
            check(&mut diffs, &format!("evidence.{id}"), g, w);
        }
    }
    if let Some(want) = e.get("roles") {
        check(
            &mut diffs,
            "roles",
            serde_json::json!(strings(&got["roles"], "id")),
            want,
        );
    }
    if let Some(want) = e.get("notes") {
        check(
            &mut diffs,
            "notes",
            serde_json::json!(strings(&got["notes"], "rule")),
            want,
        );
    }
    if let Some(want) = e.get("warnings") {
        check(
            &mut diffs,
            "warnings",
            serde_json::json!(strings(&got["warnings"], "code")),
            want,
        );
    }
    if let Some(criteria) = got["criteria"].as_array() {
        for c in criteria {
            if c["met"] == Value::Bool(false) && c["whatToDo"].as_str().is_none_or(str::is_empty) {
                diffs.push(format!(
                    "unmet criterion {} says nothing about what to do",
                    c["id"]
                ));
            }
            // Not known and not applicable are never confused: each has its own flag and
            // outcome, and only a criterion not known says what to find out.
            let outcome = c["outcome"].as_str().unwrap_or_default();
            let expected = match (&c["applies"], &c["known"], &c["met"]) {
                (Value::Bool(false), Value::Bool(true), Value::Null) => "not_applicable",
                (Value::Bool(true), Value::Bool(false), Value::Null) => "not_known",
                (Value::Bool(true), Value::Bool(true), Value::Bool(true)) => "met",
                (Value::Bool(true), Value::Bool(true), Value::Bool(false)) => "not_met",
                _ => "inconsistent flags",
            };
            if outcome != expected {
                diffs.push(format!(
                    "criterion {}: outcome {outcome:?} but applies/known/met say {expected}",
                    c["id"]
                ));
            }
            let find_out = c["findOut"]
                .as_str()
                .filter(|t| !t.is_empty() && !t.contains('{'));
            if (outcome == "not_known") != find_out.is_some() {
                diffs.push(format!(
                    "criterion {}: {outcome} but findOut is {}",
                    c["id"], c["findOut"]
                ));
            }
            if c["basis"] == "design" && c["rationale"].as_str().is_none_or(str::is_empty) {
                diffs.push(format!(
                    "design criterion {} does not say what it rests on",
                    c["id"]
                ));
            }
        }
        // An incomplete answer lists what to find out; the others only when a condition is
        // not known.
        let unknown = criteria
            .iter()
            .filter(|c| c["known"] == Value::Bool(false))
            .count();
        let listed = got["toFindOut"].as_array().map_or(0, Vec::len);
        if unknown != listed {
            diffs.push(format!(
                "{unknown} criteria not known but {listed} things to find out"
            ));
        }
        if got["status"] == "incomplete" && listed == 0 {
            diffs.push("incomplete, with nothing to find out".into());
        }
    }
    // A role is never followed by a sentence that contradicts it: trust_sponsor, when offered,
    // comes after what the organisation may do now.
    if let Some(roles) = got["roles"].as_array() {
        let ids: Vec<&str> = roles.iter().filter_map(|r| r["id"].as_str()).collect();
        if let Some(t) = ids.iter().position(|i| *i == "trust_sponsor") {
            if t + 1 != ids.len() {
                diffs.push(format!("trust_sponsor is not the last role: {ids:?}"));
            }
        }
    }
    diffs
}

/// Checks an output against a case: its expectations, then the golden output.
pub fn check_output(case: &Case, got: &Value) -> Vec<String> {
    let mut diffs = if case.kind == "sponsor" {
        check_sponsor(case, got)
    } else {
        check_council(case, got)
    };
    match golden(case.file, &case.name) {
        Some(g) if &g != got => diffs.push(format!(
            "output differs from golden/{}.json:\n  got    {got}\n  golden {g}",
            case.file
        )),
        None => diffs.push(format!(
            "no golden output in golden/{}.json (UPDATE_GOLDEN=1 cargo test --test cases)",
            case.file
        )),
        _ => {}
    }
    diffs
}

/// Checks an error (code, path) against a case expecting one.
pub fn check_error(case: &Case, code: &str, path: &str, message: &str) -> Vec<String> {
    let mut diffs = Vec::new();
    match &case.expect_error {
        Some((c, p)) => {
            if c != code || p != path {
                diffs.push(format!(
                    "error: got {code} at {path:?} ({message}), expected {c} at {p:?}"
                ));
            }
            if !path.is_empty() && !message.starts_with(path) {
                diffs.push(format!(
                    "error message does not start with its path: {message}"
                ));
            }
        }
        None => diffs.push(format!("unexpected error {code} at {path:?}: {message}")),
    }
    diffs
}
