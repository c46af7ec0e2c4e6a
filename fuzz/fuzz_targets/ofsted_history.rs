//! Data to Insight's report history (`ofsted_csc_ilacs_history.csv`), read from memory as the
//! Ofsted page and the `ofsted` command read it: the input follows the history's header row
//! (so it is recognised as the history), is read alone and merged into a small set of Ofsted's
//! sheets as CSV, and every council is assessed. Every bad row or cell must be a warning, never
//! a panic; an error must carry its code and path.

#![no_main]

use libfuzzer_sys::fuzz_target;
use trust_eligibility::{date::Date, RulesetFile};
use trust_eligibility_ofsted::{self as ofsted, FileBytes};

#[path = "common.rs"]
mod common;

const HEADER: &str = "urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework,inspector_name,inspection_start_date,inspection_end_date,overall_effectiveness_grade,impact_of_leaders_grade,help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version\n";
const LATEST: &str = "Local authority area code,Local authority name,Ofsted region,Inspection date,Publication date,Overall effectiveness\nE08000032,Bradford,Yorkshire,2022-11-21,2023-01-31,Inadequate\n";
const HISTORY: &str = "Local authority area code,Local authority name,Local authority status,Ofsted region,Inspection date,Publication date,Inspection type,Overall effectiveness\nE08000032,Bradford,Current,Yorkshire,2022-11-21,2023-01-31,ILACS Standard Inspection,Inadequate\n";

fn assess(data: &ofsted::OfstedData) {
    let rules = RulesetFile::default_ref().expect("the default rulesets");
    let as_of = Date::from_ymd(2026, 12, 7).unwrap();
    match ofsted::listing(data, as_of, None, rules) {
        Ok(list) => common::check_output(&list),
        Err(e) => common::check_error(&e),
    }
    if let Err(e) = ofsted::councils_json(data) {
        common::check_error(&e);
    }
}

fuzz_target!(|data: &[u8]| {
    let mut file = HEADER.as_bytes().to_vec();
    file.extend_from_slice(data);
    let history = FileBytes {
        name: "ofsted_csc_ilacs_history.csv",
        bytes: &file,
    };
    match ofsted::read_bytes(&[history]) {
        Ok(d) => assess(&d),
        Err(e) => common::check_error(&e),
    }
    let files = [
        FileBytes {
            name: "latest.csv",
            bytes: LATEST.as_bytes(),
        },
        FileBytes {
            name: "history.csv",
            bytes: HISTORY.as_bytes(),
        },
        history,
    ];
    match ofsted::read_bytes(&files) {
        Ok(d) => assess(&d),
        Err(e) => common::check_error(&e),
    }
});
