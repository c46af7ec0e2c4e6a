//! Every code enum of the engine spelled alike by serde and strum, and the pages' labels file
//! (`rulesets/labels.json`) checked as `crates/wasm/build.rs` checks it.

use trust_eligibility::codes::Code;
use trust_eligibility::input::{
    ConcernKind, EventKind, Framework, Grade, OrgKind, Progress, ProvisionKind, VisitKind,
};
use trust_eligibility::output::{Intervention, KeyDateKind, WarningCode};
use trust_eligibility::ruleset::Labels;
use trust_eligibility::ErrorCode;

/// strum's name of every variant is serde's.
fn same_names<C: Code + serde::Serialize>() {
    for c in C::all() {
        assert_eq!(serde_json::to_value(c).unwrap(), c.code());
    }
}

#[test]
fn strum_and_serde_spell_every_code_alike() {
    same_names::<Grade>();
    same_names::<OrgKind>();
    same_names::<EventKind>();
    same_names::<ProvisionKind>();
    same_names::<ErrorCode>();
    same_names::<WarningCode>();
    same_names::<KeyDateKind>();
    same_names::<Intervention>();
    same_names::<Framework>();
    same_names::<VisitKind>();
    same_names::<Progress>();
    same_names::<ConcernKind>();
    same_names::<trust_eligibility::council::NextReport>();
}

/// The labels file, as crates/wasm/build.rs checks it: whole, and with a grade's label
/// taken out or one added for no grade.
#[test]
fn the_labels_file_needs_every_code_and_no_other() {
    let text = include_str!("../rulesets/labels.json");
    let labels = Labels::check(text).unwrap();
    assert_eq!(
        labels.grades.of(Grade::RequiresImprovement).label,
        "Requires improvement to be good"
    );
    let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
    let grades = value["grades"].as_object_mut().unwrap();
    let ri = grades.remove("requires_improvement").unwrap();
    let e = Labels::check(&value.to_string()).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidRuleset, "grades.requires_improvement")
    );
    let grades = value["grades"].as_object_mut().unwrap();
    grades.insert("requires_improvement".into(), ri.clone());
    grades.insert("very_good".into(), ri);
    let e = Labels::check(&value.to_string()).unwrap_err();
    assert_eq!(e.path, "grades.very_good");
}

/// A table of words read with the engine's reader: a code left out, or one that is no code,
/// is refused with the error's code and path.
#[test]
fn words_need_every_code_and_no_other() {
    use trust_eligibility::codes::Words;
    let read = |text: &str| trust_eligibility::parse::from_json::<Words<Grade, String>>(text);
    let all =
        r#"{"outstanding": "a", "good": "b", "requires_improvement": "c", "inadequate": "d"}"#;
    assert_eq!(read(all).unwrap().of(Grade::Inadequate), "d");
    let missing = read(r#"{"outstanding": "a", "good": "b", "inadequate": "d"}"#).unwrap_err();
    assert_eq!(missing.code, ErrorCode::MissingField);
    assert_eq!(missing.path, "requires_improvement");
    let extra = r#"{"outstanding": "a", "good": "b", "requires_improvement": "c", "inadequate": "d", "poor": "e"}"#;
    let extra = read(extra).unwrap_err();
    assert_eq!(extra.code, ErrorCode::UnknownField);
    assert_eq!(extra.path, "poor");
}
