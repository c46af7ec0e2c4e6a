//! Embeds rulesets/rulesets.json without its indentation: the same data, fewer bytes in the
//! WebAssembly module. (Only whitespace outside strings is dropped; the engine parses and
//! validates the result at run time like any ruleset file.)

use std::{env, fs, path::Path};

fn main() {
    let src = "rulesets/rulesets.json";
    println!("cargo:rerun-if-changed={src}");
    let text = fs::read_to_string(src).unwrap_or_else(|e| panic!("cannot read {src}: {e}"));
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_ascii_whitespace() {
            out.push(c);
        }
    }
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("rulesets.min.json");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
}
