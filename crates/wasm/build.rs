//! Validates the embedded rulesets (`rulesets/rulesets.json`, as the engine embeds them) with
//! the engine's own checks, so that this module can read them on first use without validating:
//! an invalid file fails the build here, naming its code and path.

fn main() {
    println!("cargo:rerun-if-changed=../../rulesets/rulesets.json");
    println!("cargo:rerun-if-changed=../../rulesets/labels.json");
    let labels = "../../rulesets/labels.json";
    let text =
        std::fs::read_to_string(labels).unwrap_or_else(|e| panic!("cannot read {labels}: {e}"));
    if let Err(e) = trust_eligibility::ruleset::Labels::check(&text) {
        panic!(
            "rulesets/labels.json is not valid: {} at {:?}: {}",
            e.code.as_str(),
            e.path,
            e.message
        );
    }
    if let Err(e) = trust_eligibility::RulesetFile::default_ref() {
        panic!(
            "rulesets/rulesets.json is not a valid ruleset file: {} at {:?}: {}",
            e.code.as_str(),
            e.path,
            e.message
        );
    }
}
