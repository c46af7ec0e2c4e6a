//! The report history and the register on small made-up files: every odd value, every bad row
//! reported by file and line without stopping the rest, and the merge with the statistics.

use trust_eligibility_ofsted::{self as ofsted, FileBytes, OfstedData};

const H: &str = "urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework,inspector_name,inspection_start_date,inspection_end_date,overall_effectiveness_grade,impact_of_leaders_grade,help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version\n";
// Bradford's URN in the shipped lookup is 80446 (E08000032); Trafford's 80454 (E08000009).
const LATEST: &str = "Local authority area code,Local authority name,Ofsted region,Inspection date,Publication date,Overall effectiveness,The experiences and progress of children in care\nE08000032,Bradford,Yorkshire,2022-11-21,2023-01-31,Inadequate,Inadequate\nE08000009,Trafford,North West,2022-01-10,2022-03-01,Good,Good\n";
const STATS: &str = "Local authority area code,Local authority name,Local authority status,Ofsted region,Inspection date,Publication date,Inspection type,Overall effectiveness,The experiences and progress of children in care\nE08000032,Bradford,Current,Yorkshire,2022-11-21,2023-01-31,ILACS Standard Inspection,Inadequate,Inadequate\nE08000009,Trafford,Current,North West,2022-01-10,2022-03-01,ILACS Standard Inspection,Good,Good\n";

fn urn(code: &str) -> String {
    ofsted::Lookup::shipped()
        .councils
        .iter()
        .find(|c| c.code == code)
        .unwrap()
        .urn
        .clone()
}

fn read(files: &[(&str, &str)]) -> OfstedData {
    let given: Vec<FileBytes<'_>> = files
        .iter()
        .map(|(name, text)| FileBytes {
            name,
            bytes: text.as_bytes(),
        })
        .collect();
    ofsted::read_bytes(&given).unwrap()
}

fn warning_at(data: &OfstedData, file: &str, line: usize, words: &str) -> bool {
    data.warnings.iter().any(|w| {
        w.at.as_ref()
            .is_some_and(|a| a.file == file && a.row == Some(line))
            && w.text.contains(words)
    })
}

#[test]
fn the_history_merges_into_the_statistics_and_reports_every_bad_row_by_line() {
    let (b, t) = (urn("E08000032"), urn("E08000009"));
    let history = format!(
        "{H}\
{b},bradford,https://files.ofsted.gov.uk/v1/file/1,x.pdf,31/01/23,standard,A,21/11/2022,02/12/2022,inadequate,inadequate,inadequate,requires improvement,inspection_pre_dates_judgement,1
{b},bradford,https://files.ofsted.gov.uk/v1/file/2,x.pdf,21/05/26,standard,A,12/01/2026,23/01/2026,requires improvement,good,requires improvement,data_unreadable,good,1
{t},trafford,https://files.ofsted.gov.uk/v1/file/3,x.pdf,03/08/26,standard,A,09/06/2026,20/06/2026,not_reported_post_reform,inadequate,inadequate,requires improvement,good,1
{t},trafford,ftp://example.org/report.pdf,x.pdf,01/02/24,short,A,,,outstanding,good,splendid,good,good,1
{t},trafford,,x.pdf,31/02/25,short,A,,,good,,,,,1
99999999,nowhere,,x.pdf,01/01/25,short,A,,,good,,,,,1
{t},trafford,,x.pdf,05/05/25,short,A,,,data_unreadable,data_unreadable,data_unreadable,data_unreadable,data_unreadable,1
{t},trafford,https://files.ofsted.gov.uk/v1/file/4,x.pdf,01/03/22,standard,A,,,good,,,requires improvement,,1
{t},trafford,https://files.ofsted.gov.uk/v1/file/5,x.pdf,03/08/26,standard,A,,,good,,,,,1
"
    );
    let data = read(&[
        ("latest.csv", LATEST),
        ("history.csv", STATS),
        ("ofsted_csc_ilacs_history.csv", &history),
    ]);
    let f = "ofsted_csc_ilacs_history.csv";
    let h = data.history.clone().unwrap();
    assert_eq!(
        h.reports, 7,
        "the unknown URN and the impossible date are not read"
    );
    assert_eq!(h.matched, 2);
    assert_eq!(
        h.added, 3,
        "Bradford 2026, Trafford 2026 (no overall), Trafford 2024"
    );
    assert_eq!(h.not_added, 1, "every grade unreadable");
    assert_eq!(h.newer_latest, vec!["E08000009", "E08000032"]);
    assert_eq!(h.newer_without_overall, 1);
    assert_eq!(h.as_at.unwrap().to_string(), "2026-08-03");
    // Trafford 2022: the statistics say children in care good, the history requires
    // improvement; Bradford 2023: inadequate there, requires improvement here.
    assert_eq!(h.disagreements.len(), 2);
    assert!(warning_at(&data, f, 2, "children in care inadequate there"));
    assert!(warning_at(&data, f, 9, "children in care good there, requires improvement to be good here); the statistics are used"));
    assert!(warning_at(
        &data,
        f,
        5,
        "is not an https: or http: address; dropped"
    ));
    assert!(warning_at(&data, f, 5, "\"splendid\" is not a grade"));
    assert!(warning_at(&data, f, 6, "is not a date"));
    assert!(warning_at(&data, f, 7, "is not a council in the lookup"));
    // Every grade unreadable: not added, its line listed.
    assert!(
        data.warnings
            .iter()
            .any(|w| w.text.contains("give no grade at all")
                && w.text.ends_with("not added: lines 8"))
    );
    assert!(warning_at(&data, f, 10, "listed twice"));
    let by = |code: &str| data.councils.iter().find(|c| c.code == code).unwrap();
    let bradford = by("E08000032");
    assert_eq!(bradford.inspections.len(), 2);
    // The statistics' report gains the history's link; the added report keeps its own.
    assert_eq!(
        bradford.inspections[0].report.as_deref(),
        Some("https://files.ofsted.gov.uk/v1/file/1")
    );
    let added = &bradford.inspections[1];
    assert_eq!(added.published.to_string(), "2026-05-21");
    // data_unreadable is missing, never guessed; care leavers given.
    let j = added.judgements.as_ref().unwrap();
    assert_eq!(j.children_in_care, None);
    assert!(j.care_leavers.is_some());
    let trafford = by("E08000009");
    let last = trafford.inspections.last().unwrap();
    assert_eq!(
        (last.published.to_string().as_str(), last.overall),
        ("2026-08-03", None)
    );
    let feb24 = trafford
        .inspections
        .iter()
        .find(|i| i.published.to_string() == "2024-02-01")
        .unwrap();
    assert_eq!(feb24.report, None);
    assert_eq!(feb24.judgements.as_ref().unwrap().help_and_protection, None);
    // The care leavers not yet judged (inspection_pre_dates_judgement) are missing.
    assert_eq!(
        bradford.inspections[0]
            .judgements
            .as_ref()
            .unwrap()
            .care_leavers,
        None
    );
}

#[test]
fn the_history_alone_gives_each_council_from_the_lookup() {
    let b = urn("E08000032");
    let history = format!("{H}{b},bradford,https://files.ofsted.gov.uk/v1/file/2,x.pdf,21/05/26,standard,A,12/01/2026,23/01/2026,requires improvement,good,requires improvement,good,good,1\n");
    let data = read(&[("ofsted_csc_ilacs_history.csv", &history)]);
    assert_eq!(data.councils.len(), 1);
    assert_eq!(data.councils[0].name, "Bradford");
    assert_eq!(data.councils[0].neighbours.len(), 10);
    assert_eq!(data.as_at.unwrap().to_string(), "2026-05-21");
    // A history without a column it needs: an error naming the column, not a guess.
    let e = ofsted::read_bytes(&[FileBytes {
        name: "ofsted_csc_ilacs_history.csv",
        bytes: b"urn,inspection_link,publication_date\n1,,01/01/25\n",
    }])
    .unwrap_err();
    assert_eq!(e.path, "ofsted_csc_ilacs_history");
    assert!(
        e.message
            .contains("no column \"overall_effectiveness_grade\""),
        "{}",
        e.message
    );
}

#[test]
fn the_register_reads_every_good_row_and_reports_every_bad_one_by_line() {
    let register = "council,code,event,date,precision,confidence,source_title,source_url,checked
Bradford,E08000032,improvement_notice,2018-12,month,medium,\"Notice, Bradford\",https://example.org/a,seed
Bradford,E08000032,statutory_direction,2022-02-09,day,high,Direction,javascript:alert(1),verified
Bradford,E08000032,trust_established,2023-04,month,high,,,verified
Bradford,E08000032,statutory_direction,2022-02-31,day,high,Bad day,,seed
Bradford,E08000032,takeover,2022-03-01,day,high,Unknown event,,seed
Nowhere,E99999999,improvement_notice,2022-03-01,day,high,Unknown council,,seed
Bradford,E08000032,direction_revoked,2024,month,high,Wrong precision,,seed
Bradford,E08000032,direction_revoked,2024,year,certain,Unknown confidence,,seed
Bradford,E08000032,improvement_notice,2018-12,month,medium,\"Notice, Bradford\",https://example.org/a,seed
";
    let data = read(&[
        ("latest.csv", LATEST),
        ("history.csv", STATS),
        ("register.csv", register),
    ]);
    let r = data.register.clone().unwrap();
    assert_eq!((r.events, r.skipped), (3, 5));
    assert_eq!(r.by_confidence.get("high"), Some(&2));
    for (line, words) in [
        (3, "not an https: or http: address; dropped"),
        (5, "is not a date"),
        (6, "\"takeover\" is not an event"),
        (7, "\"E99999999\" is not a council's code"),
        (8, "is not known to the month"),
        (9, "\"certain\" is not a confidence"),
        (10, "listed twice"),
    ] {
        assert!(
            warning_at(&data, "register.csv", line, words),
            "line {line}: {words}\n{:#?}",
            data.warnings
        );
    }
    let bradford = data
        .councils
        .iter()
        .find(|c| c.code == "E08000032")
        .unwrap();
    assert_eq!(bradford.events.len(), 3);
    let direction = &bradford.events[1];
    assert_eq!(direction.source.as_ref().unwrap().url, None);
    assert_eq!(
        direction.source.as_ref().unwrap().title.as_deref(),
        Some("Direction")
    );
    assert_eq!(
        bradford.events[0].precision,
        trust_eligibility::date::Precision::Month
    );
    // The events reach the engine's input, precision and confidence left out.
    let input = bradford.input(
        trust_eligibility::date::Date::parse("2026-12-07").unwrap(),
        None,
    );
    let json = serde_json::to_value(&input).unwrap();
    let events = json["status"]["events"].as_array().unwrap();
    assert_eq!(events.len(), 3);
    assert!(events.iter().all(|e| e.get("confidence").is_none()));
    // And the pages' data carries them with precision and confidence.
    let mut d = data.clone();
    d.as_at = Some(trust_eligibility::date::Date::parse("2025-03-31").unwrap());
    let v: serde_json::Value = serde_json::from_str(&ofsted::councils_json(&d).unwrap()).unwrap();
    let c = v["councils"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "E08000032")
        .unwrap();
    assert_eq!(c["events"][0]["confidence"], "medium");
    assert_eq!(c["events"][0]["precision"], "month");
}
