//! Hostile input too big to write into a case file (SPEC §6): 10 MB strings and
//! keys, arrays far over the limits, nesting 10,000 and 1,000,000 deep, megabytes of whitespace,
//! invalid UTF-8 on the command line's standard input. Each must give its error code and JSON
//! path (or its answer) through the library and the `trust-eligibility` binary, without a panic,
//! and in time linear in its size: the same shape at 1 MB and at 10 MB must not take more than
//! `SLOWER` times as long (linear is 10 times, quadratic 100). The smaller hostile cases are in
//! `cases/hostile.json`, which every runner reads; the same huge inputs run in wasm in
//! `wasm_properties.rs`.

#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use trust_eligibility::{
    assess_council, assess_sponsor, input::CouncilInput, input::SponsorInput, parse, Error,
    RulesetFile,
};

const MB: usize = 1 << 20;
/// How much slower a 10 times bigger input may be: linear time is 10, quadratic 100.
const SLOWER: f64 = 35.0;

/// The council command's answer, or its error, as the CLI computes it.
fn council(text: &[u8]) -> Result<Vec<serde_json::Value>, Error> {
    let rules = RulesetFile::default_ref()?;
    let value =
        |c: &CouncilInput| assess_council(c, rules).map(|o| serde_json::to_value(o).unwrap());
    let first = text.iter().find(|b| !b.is_ascii_whitespace());
    if first != Some(&b'[') {
        return Ok(vec![value(&parse::from_json_bytes(text)?)?]);
    }
    let items: Vec<CouncilInput> = parse::from_json_bytes(text)?;
    items
        .iter()
        .enumerate()
        .map(|(i, c)| value(c).map_err(|e| e.within(&format!("[{i}]"))))
        .collect()
}

fn sponsor(text: &[u8]) -> Result<serde_json::Value, Error> {
    let i: SponsorInput = parse::from_json_bytes(text)?;
    Ok(serde_json::to_value(assess_sponsor(&i, RulesetFile::default_ref()?)?).unwrap())
}

fn ruleset_override(text: &[u8]) -> Result<RulesetFile, Error> {
    RulesetFile::override_from_json(std::str::from_utf8(text).unwrap())
}

fn code_path<T>(r: Result<T, Error>) -> (String, String) {
    match r {
        Ok(_) => ("(no error)".into(), String::new()),
        Err(e) => {
            if !e.path.is_empty() {
                assert!(
                    e.message.starts_with(&e.path),
                    "message does not start with its path"
                );
            }
            (e.code.as_str().to_string(), e.path.clone())
        }
    }
}

fn cli(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_trust-eligibility"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the CLI");
    let mut stdin_pipe = child.stdin.take().expect("stdin");
    let input = stdin.to_vec();
    // Written from another thread: the CLI may answer before reading everything.
    let writer = std::thread::spawn(move || {
        let _ = stdin_pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("run the CLI");
    writer.join().unwrap();
    out
}

/// The CLI's code and path for a bad input (exit status 2, nothing on stdout, no panic).
fn cli_error(command: &str, stdin: &[u8]) -> (String, String) {
    let out = cli(&[command, "-"], stdin);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "the CLI panicked: {stderr}");
    assert_eq!(
        out.status.code(),
        Some(2),
        "exit status; stderr: {}",
        &stderr[..stderr.len().min(500)]
    );
    assert!(out.stdout.is_empty(), "printed to stdout on error");
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
    (field("code:"), path)
}

fn time<T>(f: impl Fn() -> T) -> Duration {
    let start = Instant::now();
    std::hint::black_box(f());
    start.elapsed()
}

/// `f` on `make(1 MB)` (best of three) and on `make(10 MB)`: no more than [`SLOWER`] times as
/// long, with 0.3 s of slack for small timings.
fn assert_linear<T>(what: &str, make: impl Fn(usize) -> Vec<u8>, f: impl Fn(&[u8]) -> T) {
    assert_linear_from(MB, what, make, f);
}

/// [`assert_linear`] from `size` bytes to 10 times as many.
fn assert_linear_from<T>(
    size: usize,
    what: &str,
    make: impl Fn(usize) -> Vec<u8>,
    f: impl Fn(&[u8]) -> T,
) {
    let small = make(size);
    let big = make(10 * size);
    assert!(
        small.len() >= size / 2 && big.len() >= 9 * size,
        "{what}: sizes"
    );
    // Timings on a shared machine are noisy: a measurement that looks non-linear is taken again
    // (up to three times, the best of each kept) before it fails. Quadratic work (100 times as
    // long for 10 times the input) fails every time; a burst of other work on the machine does not.
    let (mut t1, mut t10) = (Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        t1 = t1.min((0..3).map(|_| time(|| f(&small))).min().unwrap());
        t10 = t10.min(time(|| f(&big)));
        eprintln!(
            "{what}: {} bytes {t1:?}, {} bytes {t10:?}",
            small.len(),
            big.len()
        );
        if t10.as_secs_f64() <= SLOWER * t1.as_secs_f64() + 0.3 {
            break;
        }
    }
    assert!(
        t10.as_secs_f64() <= SLOWER * t1.as_secs_f64() + 0.3,
        "{what}: {} bytes took {t1:?} but {} bytes took {t10:?}: not linear",
        small.len(),
        big.len()
    );
}

// ---- the inputs, by size in bytes

fn long_string(n: usize) -> String {
    "é".repeat(n / 2)
}

fn with_name(n: usize) -> Vec<u8> {
    format!(
        r#"{{"asOf": "2017-06-01", "inspections": [], "council": {{"name": "{}"}}}}"#,
        long_string(n)
    )
    .into_bytes()
}

fn with_key(n: usize) -> Vec<u8> {
    format!(
        r#"{{"asOf": "2017-06-01", "inspections": [], "{}": 1}}"#,
        "k".repeat(n)
    )
    .into_bytes()
}

fn many_concerns(n: usize) -> Vec<u8> {
    let one = r#"{"date": "2017-01-01", "kind": "whistleblower"}"#;
    let items = vec![one; n / (one.len() + 1)].join(",");
    format!(r#"{{"asOf": "2017-06-01", "inspections": [], "concerns": [{items}]}}"#).into_bytes()
}

fn many_inspections(n: usize) -> Vec<u8> {
    let one = r#"{"published": "2016-10-01", "overall": "good"}"#;
    let items = vec![one; n / (one.len() + 1)].join(",");
    format!(r#"{{"asOf": "2017-06-01", "inspections": [{items}]}}"#).into_bytes()
}

fn deep(n: usize) -> Vec<u8> {
    let mut s = "[".repeat(n / 2);
    s.push_str(&"]".repeat(n / 2));
    s.into_bytes()
}

fn many_keys(n: usize) -> Vec<u8> {
    let keys: Vec<String> = (0..n / 12).map(|i| format!("\"k{i:08}\":0")).collect();
    format!("{{{}}}", keys.join(",")).into_bytes()
}

fn padded(n: usize) -> Vec<u8> {
    let pad = " \n\t\r".repeat(n / 8);
    format!(r#"{pad}{{"asOf": "2017-06-01",{pad}"inspections": []}}{pad}"#).into_bytes()
}

fn many_councils(n: usize) -> Vec<u8> {
    let one = r#"{"asOf": "2017-06-01", "inspections": [{"published": "2016-10-01", "overall": "inadequate"}]}"#;
    format!("[{}]", vec![one; n / (one.len() + 1)].join(",")).into_bytes()
}

fn override_many_sources(n: usize) -> Vec<u8> {
    let one = |i: usize| format!(r#""X{i:07}": {{"title": "t", "url": "u"}}"#);
    let items: Vec<String> = (0..n / 40).map(one).collect();
    format!(r#"{{"sources": {{{}}}}}"#, items.join(",")).into_bytes()
}

fn override_many_rulesets(n: usize) -> Vec<u8> {
    let items: Vec<String> = (0..n / 20)
        .map(|i| format!(r#"{{"id": "r{i:07}"}}"#))
        .collect();
    format!(r#"{{"rulesets": [{}]}}"#, items.join(",")).into_bytes()
}

// ---- the tests

#[test]
fn a_10_mb_string_is_too_long_not_a_crash() {
    let text = with_name(10 * MB);
    let want = ("too_long".to_string(), "council.name".to_string());
    assert_eq!(code_path(council(&text)), want);
    assert_eq!(cli_error("council", &text), want);
    assert_linear("10 MB council name", with_name, council);

    let s = long_string(10 * MB);
    for (text, path, code) in [
        (
            format!(r#"{{"asOf": "{s}", "inspections": []}}"#),
            "asOf",
            "invalid_date",
        ),
        (
            format!(
                r#"{{"asOf": "2017-06-01", "inspections": [{{"published": "2016-01-01", "overall": "{s}"}}]}}"#
            ),
            "inspections[0].overall",
            "invalid_value",
        ),
        (
            format!(r#"{{"asOf": "2017-06-01", "inspections": [], "ruleset": "{s}"}}"#),
            "ruleset",
            "too_long",
        ),
    ] {
        let r = council(text.as_bytes());
        let message = r.as_ref().err().map(|e| e.message.len()).unwrap_or(0);
        assert!(
            message < 1000,
            "{path}: the message repeats the 10 MB value"
        );
        assert_eq!(code_path(r), (code.to_string(), path.to_string()));
    }
    let text = format!(
        r#"{{"asOf": "2017-03-01", "organisation": {{"kind": "charity", "name": "{s}"}}}}"#
    );
    let want = ("too_long".to_string(), "organisation.name".to_string());
    assert_eq!(code_path(sponsor(text.as_bytes())), want);
    assert_eq!(cli_error("sponsor", text.as_bytes()), want);
}

#[test]
fn a_10_mb_unknown_key_is_named_in_the_path() {
    let text = with_key(10 * MB);
    let (code, path) = code_path(council(&text));
    assert_eq!(code, "unknown_field");
    assert_eq!(path.len(), 10 * MB);
    assert_linear("10 MB unknown key", with_key, council);
}

#[test]
fn arrays_far_over_the_limits_are_too_many() {
    let text = many_concerns(10 * MB);
    let want = ("too_many".to_string(), "concerns".to_string());
    assert_eq!(code_path(council(&text)), want);
    assert_eq!(cli_error("council", &text), want);
    assert_linear("200,000 concerns", many_concerns, council);

    // Over the limit and all on one day: the limit is reported, not 200,000 duplicates.
    let text = many_inspections(10 * MB);
    let want = ("too_many".to_string(), "inspections".to_string());
    assert_eq!(code_path(council(&text)), want);
    assert_linear("200,000 inspections", many_inspections, council);

    let one = r#"{"kind": "childrens_home", "grade": "good"}"#;
    let text = format!(
        r#"{{"asOf": "2017-03-01", "organisation": {{"kind": "charity"}}, "experience": {{"registeredProvision": [{}]}}}}"#,
        vec![one; 100_000].join(",")
    );
    let want = (
        "too_many".to_string(),
        "experience.registeredProvision".to_string(),
    );
    assert_eq!(code_path(sponsor(text.as_bytes())), want);
    assert_eq!(cli_error("sponsor", text.as_bytes()), want);

    let one = r#"{"published": "2016-01-01", "overall": "good"}"#;
    let text = format!(
        r#"{{"asOf": "2017-03-01", "organisation": {{"kind": "local_authority"}}, "ownInspections": [{}]}}"#,
        vec![one; 1001].join(",")
    );
    assert_eq!(
        code_path(sponsor(text.as_bytes())),
        ("too_many".to_string(), "ownInspections".to_string())
    );
}

#[test]
fn exactly_1000_items_are_accepted() {
    let dates: Vec<String> = (0..1000)
        .map(|i| {
            let d = trust_eligibility::date::Date::from_ymd(1991, 1, 1)
                .unwrap()
                .add_days(i * 9);
            format!(r#"{{"published": "{d}", "overall": "good"}}"#)
        })
        .collect();
    let concerns = vec![r#"{"date": "2017-01-01", "kind": "whistleblower"}"#; 1000].join(",");
    let visits = vec![r#"{"date": "2017-01-01", "kind": "focused"}"#; 1000].join(",");
    let text = format!(
        r#"{{"asOf": "2017-06-01", "inspections": [{}], "concerns": [{concerns}], "visits": [{visits}]}}"#,
        dates.join(",")
    );
    let out = council(text.as_bytes()).expect("1000 of each is within the limits");
    assert_eq!(
        out[0]["findings"]["triggers"].as_array().unwrap().len(),
        1000
    );
}

#[test]
fn deep_nesting_is_invalid_json_not_a_stack_overflow() {
    for depth in [65, 10_000, 1_000_000] {
        let text = deep(2 * depth);
        assert_eq!(
            code_path(council(&text)),
            ("invalid_json".to_string(), String::new()),
            "{depth} deep"
        );
        assert_eq!(
            code_path(ruleset_override(&text)),
            ("invalid_json".to_string(), String::new())
        );
        assert_eq!(
            code_path(trust_eligibility::parse::check_json(
                std::str::from_utf8(&text).unwrap()
            )),
            ("invalid_json".to_string(), String::new())
        );
    }
    let text = deep(10 * MB);
    assert_eq!(
        cli_error("council", &text),
        ("invalid_json".to_string(), String::new())
    );
    // Objects too, and opened but never closed.
    let text = "{\"a\":".repeat(1_000_000);
    assert_eq!(
        code_path(council(text.as_bytes())),
        ("invalid_json".to_string(), String::new())
    );
    assert_eq!(
        cli_error("sponsor", "[".repeat(10 * MB).as_bytes()),
        ("invalid_json".to_string(), String::new())
    );
    assert_linear("10 MB of nesting", deep, council);
}

#[test]
fn an_object_with_a_million_keys_is_read_in_linear_time() {
    let text = many_keys(10 * MB);
    assert_eq!(
        code_path(council(&text)),
        ("unknown_field".to_string(), "k00000000".to_string())
    );
    assert_linear("a million keys", many_keys, council);
    // Duplicates are found however many keys there are.
    let mut text = many_keys(MB);
    text.pop();
    text.extend_from_slice(br#","k00000007":1}"#);
    assert_eq!(
        code_path(council(&text)),
        ("duplicate_field".to_string(), "k00000007".to_string())
    );
}

#[test]
fn megabytes_of_whitespace_around_a_valid_input_are_fine() {
    let text = padded(10 * MB);
    let out = council(&text).expect("valid");
    assert_eq!(out[0]["intervention"], "no_inspection");
    let cli_out = cli(&["council", "-"], &text);
    assert_eq!(cli_out.status.code(), Some(0));
    assert_linear("10 MB of whitespace", padded, council);
}

#[test]
fn a_large_batch_is_assessed_in_linear_time() {
    let out = council(&many_councils(MB / 8)).expect("valid");
    assert!(out.len() > 1_000);
    assert!(out
        .iter()
        .all(|o| o["intervention"] == "improvement_notice"));
    assert_linear_from(MB / 8, "a batch of 10,000 councils", many_councils, |t| {
        council(t)
    });
}

#[test]
fn negative_zero_is_read_as_zero() {
    let with = |n: &str| {
        sponsor(format!(
            r#"{{"asOf": "2017-03-01", "organisation": {{"kind": "charity"}}, "experience": {{"qualifiedSocialWorkers": {n}, "yearsDeliveringChildrensServices": {n}}}, "finances": {{"annualIncomeGbp": {n}, "reservesMonths": {n}}}, "governance": {{"independentBoardMembers": {n}}}}}"#
        ).as_bytes())
        .expect("valid")
    };
    assert_eq!(with("-0"), with("0"));
    assert_eq!(with("-0.0e5"), with("0"));
}

#[test]
fn invalid_utf8_on_standard_input_is_invalid_json() {
    let cases: [&[u8]; 7] = [
        b"\xff",
        b"{\"asOf\": \"2016-01-01\", \"inspections\": []}\xff",
        b"{\"asOf\": \"2016-01-01\", \"inspections\": [], \"council\": {\"name\": \"\xc0\xaf\"}}",
        b"{\"asOf\": \"2016-01-01\", \"inspections\": [], \"council\": {\"name\": \"\xed\xa0\x80\"}}",
        b"{\"asOf\": \"2016-01-01\", \"inspections\": [], \"council\": {\"name\": \"\xe2\x82\"}}",
        b"[{\"asOf\": \"2016-01-01\", \"inspections\": []}, \xfe]",
        b"\xef\xbb",
    ];
    for bytes in cases {
        let want = ("invalid_json".to_string(), String::new());
        assert_eq!(code_path(council(bytes)), want, "{bytes:?}");
        assert_eq!(cli_error("council", bytes), want, "{bytes:?}");
        assert_eq!(cli_error("sponsor", bytes), want, "{bytes:?}");
    }
    let mut big = with_name(10 * MB);
    let at = big.len() - 10;
    big[at] = 0xff;
    assert_eq!(
        cli_error("council", &big),
        ("invalid_json".to_string(), String::new())
    );
}

#[test]
fn a_ruleset_file_that_is_not_utf8_is_an_error_not_a_panic() {
    let dir = std::env::temp_dir().join(format!("te-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("latin1.json");
    std::fs::write(&file, b"{\"rulesets\": [{\"id\": \"caf\xe9\"}]}").unwrap();
    let out = cli(
        &["council", "-", "--ruleset-file", file.to_str().unwrap()],
        br#"{"asOf": "2017-06-01", "inspections": []}"#,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"));
    assert!(out.stdout.is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

// An override file may hold at most 1,000 items in any list or object (as inputs may), checked
// before merging: a hostile override adding 250,000 sources or rulesets is refused at once, in
// time linear in its size, rather than merged key by key (which was quadratic).
#[test]
fn a_ruleset_override_with_many_new_sources_is_refused_in_linear_time() {
    assert_eq!(
        code_path(ruleset_override(&override_many_sources(MB))),
        ("invalid_ruleset".to_string(), "sources".to_string())
    );
    assert_linear(
        "an override adding 250,000 sources",
        override_many_sources,
        ruleset_override,
    );
}

#[test]
fn a_ruleset_override_with_many_new_rulesets_is_refused_in_linear_time() {
    assert_eq!(
        code_path(ruleset_override(&override_many_rulesets(MB))),
        ("invalid_ruleset".to_string(), "rulesets".to_string())
    );
    assert_linear(
        "an override adding 500,000 rulesets",
        override_many_rulesets,
        ruleset_override,
    );
}

/// Found by the `json` fuzz target: a `\u` escape was read with `u32::from_str_radix`, which
/// allows a leading `+`, so `"\u+041"` was "A".
#[test]
fn a_plus_sign_in_a_unicode_escape_is_invalid_json() {
    let text = br#"{"asOf": "2017-06-01", "inspections": [], "council": {"name": "\u+041"}}"#;
    assert_eq!(
        code_path(council(text)),
        ("invalid_json".to_string(), String::new())
    );
}

/// A string read from JSON text that starts with U+0000 was taken for the browser's NaN
/// marker, so a name `"\u0000x"` was refused as "must be a finite number, not x".
#[test]
fn text_starting_with_nul_is_not_taken_for_a_number() {
    let text =
        br#"{"asOf": "2017-06-01", "inspections": [], "council": {"name": "\u0000Infinity"}}"#;
    if let Err(e) = council(text) {
        assert!(!e.message.contains("finite number"), "{}", e.message);
    }
}
