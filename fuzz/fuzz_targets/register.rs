//! The register of public decisions (`data/interventions/register.csv`), read from memory with
//! a small set of Ofsted's sheets: the input follows the register's header row, each council's
//! events go into its `status.events`, and every council is assessed by the engine (SPEC §3.7).
//! Every bad row must be a warning by line, never a panic; an error must carry its code and path.

#![no_main]

use libfuzzer_sys::fuzz_target;
use trust_eligibility::{date::Date, RulesetFile};
use trust_eligibility_ofsted::{self as ofsted, FileBytes};

#[path = "common.rs"]
mod common;

const HEADER: &str =
    "council,code,event,date,precision,confidence,source_title,source_url,checked\n";
const LATEST: &str = "Local authority area code,Local authority name,Ofsted region,Inspection date,Publication date,Overall effectiveness\nE08000032,Bradford,Yorkshire,2022-11-21,2023-01-31,Inadequate\nE06000054,Wiltshire,South West,2019-01-21,2019-03-01,Good\n";
const HISTORY: &str = "Local authority area code,Local authority name,Local authority status,Ofsted region,Inspection date,Publication date,Inspection type,Overall effectiveness\nE08000032,Bradford,Current,Yorkshire,2022-11-21,2023-01-31,ILACS Standard Inspection,Inadequate\n";

fuzz_target!(|data: &[u8]| {
    let mut file = HEADER.as_bytes().to_vec();
    file.extend_from_slice(data);
    let files = [
        FileBytes {
            name: "latest.csv",
            bytes: LATEST.as_bytes(),
        },
        FileBytes {
            name: "history.csv",
            bytes: HISTORY.as_bytes(),
        },
        FileBytes {
            name: "register.csv",
            bytes: &file,
        },
    ];
    match ofsted::read_bytes(&files) {
        Ok(d) => {
            let rules = RulesetFile::default_ref().expect("the default rulesets");
            for as_of in [
                Date::from_ymd(2026, 12, 7).unwrap(),
                Date::from_ymd(2016, 6, 1).unwrap(),
            ] {
                match ofsted::listing(&d, as_of, None, rules) {
                    Ok(list) => common::check_output(&list),
                    Err(e) => common::check_error(&e),
                }
            }
        }
        Err(e) => common::check_error(&e),
    }
});
