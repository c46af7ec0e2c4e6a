//! Ofsted's outcomes file as CSV exports (`trust_eligibility_ofsted::read`, which reads
//! files): the input is split on lines of `=====` into up to three CSV files written to a
//! scratch directory, read as the `ofsted` command reads a directory, and when readable every
//! council is assessed.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;
use trust_eligibility::{date::Date, RulesetFile};
use trust_eligibility_ofsted as ofsted;

#[path = "common.rs"]
mod common;

fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let base = if std::path::Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("te-fuzz-ofsted-csv-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let dir = scratch();
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut rest = data;
    const SEP: &[u8] = b"\n=====\n";
    while parts.len() < 2 {
        match rest.windows(SEP.len()).position(|w| w == SEP) {
            Some(i) => {
                parts.push(&rest[..i]);
                rest = &rest[i + SEP.len()..];
            }
            None => break,
        }
    }
    parts.push(rest);
    for n in 0..3 {
        let path = dir.join(format!("sheet{n}.csv"));
        match parts.get(n) {
            Some(p) => std::fs::write(&path, p).expect("write a scratch file"),
            None => {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
    match ofsted::read(dir) {
        Ok(sheets) => {
            let rules = RulesetFile::default_ref().expect("the default rulesets");
            let as_of = Date::from_ymd(2025, 6, 30).unwrap();
            match ofsted::assess_all(&sheets, as_of, None, rules) {
                Ok(report) => {
                    let _ = ofsted::render_table(&report);
                    let _ = ofsted::render_summary(&report);
                    if let Err(e) = ofsted::render_csv(&report) {
                        common::check_error(&e);
                    }
                }
                Err(e) => common::check_error(&e),
            }
        }
        Err(e) => common::check_error(&e),
    }
});
