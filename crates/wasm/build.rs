//! Validates the embedded rulesets (`rulesets/rulesets.json`, as the engine embeds them) and the
//! pages' labels (`rulesets/labels.json`) with the engine's own checks, an invalid file failing
//! the build with its code and path, then bakes the validated ruleset file into Rust
//! (`OUT_DIR/rules.rs`, one expression building the `RulesetFile`: databake), so the module
//! builds its rules with no reader, no `Value` and no validation at run time.

use databake::{Bake, CrateEnv};
use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=../../rulesets/rulesets.json");
    println!("cargo:rerun-if-changed=../../rulesets/labels.json");
    check_labels("../../rulesets/labels.json");
    let file = trust_eligibility::RulesetFile::default_ref().unwrap_or_else(|e| {
        panic!(
            "rulesets/rulesets.json is not a valid ruleset file: {} at {:?}: {}",
            e.code.as_str(),
            e.path,
            e.message
        )
    });
    let rust = file.bake(&CrateEnv::default()).to_string();
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("rules.rs");
    fs::write(&dest, rust).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
}

/// Fails the build when the pages' labels file is unreadable or invalid.
fn check_labels(labels: &str) {
    let text = fs::read_to_string(labels).unwrap_or_else(|e| panic!("cannot read {labels}: {e}"));
    if let Err(e) = trust_eligibility::ruleset::Labels::check(&text) {
        panic!(
            "rulesets/labels.json is not valid: {} at {:?}: {}",
            e.code.as_str(),
            e.path,
            e.message
        );
    }
}
