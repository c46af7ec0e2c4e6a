//! Validates the embedded rulesets (`rulesets/rulesets.json`, as the engine embeds them) with
//! the engine's own checks, so that this module can read them on first use without validating:
//! an invalid file fails the build here, naming its code and path.

fn main() {
    println!("cargo:rerun-if-changed=../../rulesets/rulesets.json");
    if let Err(e) = trust_eligibility::RulesetFile::default_ref() {
        panic!(
            "rulesets/rulesets.json is not a valid ruleset file: {} at {:?}: {}",
            e.code.as_str(),
            e.path,
            e.message
        );
    }
}
