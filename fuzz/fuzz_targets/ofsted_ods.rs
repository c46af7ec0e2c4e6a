//! Ofsted's outcomes file as a spreadsheet (`trust_eligibility_ofsted::read` on a `.ods`
//! file): the input is written to a scratch file and read as the `ofsted` command reads it.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;
use trust_eligibility::{date::Date, RulesetFile};
use trust_eligibility_ofsted as ofsted;

#[path = "common.rs"]
mod common;

fn scratch() -> &'static PathBuf {
    static FILE: OnceLock<PathBuf> = OnceLock::new();
    FILE.get_or_init(|| {
        let base = if std::path::Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("te-fuzz-ofsted-ods-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        dir.join("outcomes.ods")
    })
}

fuzz_target!(|data: &[u8]| {
    let file = scratch();
    std::fs::write(file, data).expect("write a scratch file");
    match ofsted::read(file) {
        Ok(sheets) => {
            let rules = RulesetFile::default_ref().expect("the default rulesets");
            let as_of = Date::from_ymd(2025, 6, 30).unwrap();
            match ofsted::assess_all(&sheets, as_of, None, rules) {
                Ok(report) => {
                    let _ = ofsted::render_table(&report);
                }
                Err(e) => common::check_error(&e),
            }
        }
        Err(e) => common::check_error(&e),
    }
});
