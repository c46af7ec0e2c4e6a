//! The Ofsted reader: reading Ofsted's published "Local authority inspection outcomes"
//! (the .ods as published and its sheets exported as CSV, in data/ofsted/) and
//! assessing every council. The `ofsted` command's own tests are in crates/cli/tests/ofsted.rs.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use trust_eligibility::date::Date;
use trust_eligibility::output::{Intervention, WarningCode};
use trust_eligibility::RulesetFile;
use trust_eligibility_ofsted::{self as ofsted, OfstedData, Report, SheetKind};

const ODS: &str = "LA_Inspection_Outcomes_as_at_31_March_2025.ods";
const LATEST_CSV: &str = "latest_as_at_2025-03-31.csv";
const HISTORY_CSV: &str = "ilacs_history_2018-2025.csv";
const IN_YEAR_CSV: &str = "in_year_2024-25.csv";

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/ofsted")
}

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn read(path: &Path) -> OfstedData {
    ofsted::read(path).unwrap_or_else(|e| panic!("reading {}: {}", path.display(), e.message))
}

fn assess(data: &OfstedData, as_of: &str) -> Report {
    ofsted::assess_all(data, date(as_of), None, RulesetFile::default_ref().unwrap()).unwrap()
}

fn council<'a>(report: &'a Report, code: &str) -> &'a ofsted::AssessedCouncil {
    report
        .councils
        .iter()
        .find(|c| {
            c.assessment
                .council
                .as_ref()
                .and_then(|c| c.code.as_deref())
                == Some(code)
        })
        .unwrap_or_else(|| panic!("{code} not in the report"))
}

/// A scratch directory of this test process, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "trust-eligibility-ofsted-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn counts(pairs: &[(&str, usize)]) -> BTreeMap<String, usize> {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

#[test]
fn the_ods_gives_the_grade_counts_ofsted_states() {
    let data = read(&data_dir().join(ODS));
    assert_eq!(data.format, "spreadsheet");
    let rows: Vec<(SheetKind, usize, usize)> = data
        .sheets
        .iter()
        .map(|s| (s.sheet, s.header_row, s.rows))
        .collect();
    assert_eq!(
        rows,
        [
            (SheetKind::History, 3, 271),
            (SheetKind::Latest, 3, 153),
            (SheetKind::InYear, 3, 112)
        ]
    );
    assert_eq!(data.warnings, [], "every row of Ofsted's file is readable");
    let report = assess(&data, "2025-06-30");
    assert_eq!(report.summary.councils, 153);
    assert_eq!(
        report.summary.by_latest_grade,
        counts(&[
            ("inadequate", 19),
            ("good", 67),
            ("outstanding", 36),
            ("requires_improvement", 31)
        ])
    );
    assert_eq!(report.ruleset.id, "protocol-2016");
    assert_eq!(report.summary.inspections_after_as_of, 0);
    assert_eq!(
        report.summary.latest_published_in_file,
        Some(date("2025-05-14"))
    );
    assert!(report.not_assessed.is_empty());
    // 24 monitoring and 36 focused visits, read with their dates (the file gives no outcome).
    assert_eq!(
        (
            report.summary.visits.monitoring,
            report.summary.visits.focused
        ),
        (24, 36)
    );
    let sandwell = data.councils.iter().find(|c| c.name == "Sandwell").unwrap();
    assert_eq!(
        sandwell.visits,
        [trust_eligibility::input::Visit {
            date: date("2024-10-30"),
            kind: trust_eligibility::input::VisitKind::Focused,
            progress: None,
            priority_actions: None
        }]
    );
    // Bournemouth, Cumbria and Northamptonshire no longer exist: listed apart, not assessed.
    let gone: Vec<&str> = report
        .no_longer_exists
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(gone, ["E06000028", "E10000006", "E10000021"]);
    assert!(report.councils.iter().all(|c| !gone.contains(
        &c.assessment
            .council
            .as_ref()
            .unwrap()
            .code
            .as_deref()
            .unwrap()
    )));
    // Every council has its region.
    assert!(report.councils.iter().all(|c| c.region.is_some()));
}

#[test]
fn the_csv_exports_give_the_same_results_as_the_ods() {
    let dir = data_dir();
    let from_ods = assess(&read(&dir.join(ODS)), "2025-06-30");
    let from_dir = read(&dir);
    assert_eq!(from_dir.format, "csv");
    assert_eq!(from_dir.warnings, []);
    let from_dir = assess(&from_dir, "2025-06-30");
    // One CSV named: the other sheets come from beside it.
    let from_one = assess(&read(&dir.join(HISTORY_CSV)), "2025-06-30");
    for other in [&from_dir, &from_one] {
        assert_eq!(other.councils, from_ods.councils);
        assert_eq!(other.summary, from_ods.summary);
        assert_eq!(other.no_longer_exists, from_ods.no_longer_exists);
    }
    assert_eq!(
        from_dir.summary.by_latest_grade.values().sum::<usize>(),
        153
    );
}

#[test]
fn bradford_is_a_persistent_failure_under_a_statutory_direction() {
    let report = assess(&read(&data_dir().join(ODS)), "2025-06-30");
    let b = council(&report, "E08000032");
    let a = &b.assessment;
    assert_eq!(a.ruleset.id, "protocol-2016");
    assert_eq!(a.intervention, Intervention::StatutoryDirection);
    assert!(a.findings.persistent);
    let earlier = a.findings.earlier_inadequate.as_ref().unwrap();
    assert_eq!(earlier.published, date("2018-10-29"));
    let latest = a.latest_inspection.as_ref().unwrap();
    assert_eq!(latest.published, date("2023-01-31"));
    assert_eq!(a.reasons[0].rule, "protocol-2016/row-2");
    assert_eq!(
        b.region.as_deref(),
        Some("North East, Yorkshire and the Humber")
    );
    assert_eq!(b.visits, 2);
}

#[test]
fn devon_is_not_persistent_its_reports_were_published_more_than_five_years_apart() {
    let data = read(&data_dir().join(ODS));
    let devon = data
        .councils
        .iter()
        .find(|c| c.code == "E10000008")
        .unwrap();
    let published: Vec<String> = devon
        .inspections
        .iter()
        .map(|i| i.published.to_string())
        .collect();
    assert_eq!(published, ["2020-03-17", "2025-05-13"]);
    let report = assess(&data, "2025-06-30");
    let a = &council(&report, "E10000008").assessment;
    assert_eq!(
        a.latest_inspection.as_ref().unwrap().published,
        date("2025-05-13")
    );
    assert!(!a.findings.persistent);
    assert_eq!(a.findings.earlier_inadequate, None);
    assert_eq!(a.intervention, Intervention::ImprovementNotice);
}

#[test]
fn replaying_an_earlier_date_uses_only_what_was_published_by_then() {
    let data = read(&data_dir().join(ODS));
    let report = assess(&data, "2019-06-30");
    let a = &council(&report, "E08000032").assessment;
    assert_eq!(
        a.latest_inspection.as_ref().unwrap().published,
        date("2018-10-29")
    );
    assert!(!a.findings.persistent);
    assert_eq!(a.intervention, Intervention::ImprovementNotice);
    for c in &report.councils {
        if let Some(l) = &c.assessment.latest_inspection {
            assert!(l.published <= date("2019-06-30"));
        }
    }
    // Devon had no inspection in the file by then (its SIF report is not in it).
    assert_eq!(
        council(&report, "E10000008").assessment.intervention,
        Intervention::NoInspection
    );
    let ignored: usize = report
        .councils
        .iter()
        .map(|c| {
            c.assessment
                .warnings
                .iter()
                .filter(|w| w.code == WarningCode::IgnoredAfterAsOf)
                .count()
        })
        .sum();
    // Each inspection, and each visit (read from the in-year sheet, 2024-25), after asOf.
    let visits_after: usize = data
        .councils
        .iter()
        .flat_map(|c| &c.visits)
        .filter(|v| v.date > date("2019-06-30"))
        .count();
    assert_eq!(visits_after, 60);
    assert_eq!(
        ignored,
        report.summary.inspections_after_as_of + visits_after
    );
    assert!(ignored > 0);
    // The same history replayed under the 2015 announcement.
    let announced = ofsted::assess_all(
        &data,
        date("2016-03-01"),
        Some("announcement-2015"),
        RulesetFile::default_ref().unwrap(),
    )
    .unwrap();
    assert_eq!(announced.ruleset.id, "announcement-2015");
}

/// Writes a minimal .ods with the given sheets (each a list of rows of text cells).
fn write_ods(path: &Path, sheets: &[(&str, &[&[&str]])]) {
    use zip::write::SimpleFileOptions;
    let mut content = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#,
    );
    for (name, rows) in sheets {
        content.push_str(&format!(r#"<table:table table:name="{name}">"#));
        for row in *rows {
            content.push_str("<table:table-row>");
            for cell in *row {
                content.push_str(&format!(
                    r#"<table:table-cell office:value-type="string"><text:p>{cell}</text:p></table:table-cell>"#
                ));
            }
            content.push_str("</table:table-row>");
        }
        content.push_str("</table:table>");
    }
    content.push_str("</office:spreadsheet></office:body></office:document-content>");
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content.as_str()),
    ] {
        zip.start_file(name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn a_file_that_is_not_ofsteds_format_gives_a_clear_error() {
    let dir = scratch("not-ofsted");
    let message = |path: &Path| ofsted::read(path).unwrap_err().message.clone();

    // Not a spreadsheet at all.
    let toml = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let m = message(&toml);
    assert!(m.contains("cannot read") && m.contains("Ofsted's"), "{m}");

    // A missing file.
    let m = message(&dir.join("nowhere.ods"));
    assert!(
        m.contains("cannot read") && m.contains("nowhere.ods"),
        "{m}"
    );

    // A spreadsheet without Ofsted's sheets names the sheet expected.
    let ods = dir.join("other.ods");
    write_ods(&ods, &[("Sheet1", &[&["hello"]])]);
    let m = message(&ods);
    assert!(
        m.contains("has no sheet Inspections_as_at_31_March") && m.contains("Sheet1"),
        "{m}"
    );

    // Ofsted's sheet without a column it needs names the column.
    let header: &[&str] = &[
        "Local authority area code",
        "Local authority name",
        "Publication date",
    ];
    write_ods(
        &ods,
        &[
            ("Inspections_as_at_31_March", &[&["title"], header]),
            ("ILACS_inspection_history", &[header]),
        ],
    );
    let err = ofsted::read(&ods).unwrap_err();
    assert_eq!(err.path, "ILACS_inspection_history");
    assert!(
        err.message.contains("no column \"Overall effectiveness\"")
            && err.message.contains("row 1"),
        "{}",
        err.message
    );

    // A CSV file without Ofsted's header row.
    let csv = dir.join("other.csv");
    std::fs::write(&csv, "a,b,c\n1,2,3\n").unwrap();
    let m = message(&csv);
    assert!(
        m.contains("is not one of Ofsted's sheets") && m.contains("Local authority area code"),
        "{m}"
    );

    // A directory holding only the latest sheet names the history sheet it lacks.
    let only = scratch("only-latest");
    std::fs::copy(data_dir().join(LATEST_CSV), only.join(LATEST_CSV)).unwrap();
    let err = ofsted::read(&only).unwrap_err();
    assert_eq!(err.path, "ILACS_inspection_history");
    assert!(err.message.contains("no CSV file"), "{}", err.message);

    // The latest sheet without its "Overall effectiveness" column.
    let text = std::fs::read_to_string(data_dir().join(LATEST_CSV)).unwrap();
    let renamed = text.replacen("Overall effectiveness", "Overall", 1);
    std::fs::write(only.join(LATEST_CSV), renamed).unwrap();
    let err = ofsted::read(&only.join(LATEST_CSV)).unwrap_err();
    assert!(
        err.message.contains("no column \"Overall effectiveness\""),
        "{}",
        err.message
    );
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&only);
}

/// Replaces `from` with `to` on one line (1-based) of a CSV file.
fn edit_line(path: &Path, line: usize, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    assert!(lines[line - 1].contains(from), "{}", lines[line - 1]);
    lines[line - 1] = lines[line - 1].replacen(from, to, 1);
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

#[test]
fn rows_and_cells_that_cannot_be_read_are_reported_by_sheet_and_row() {
    let dir = scratch("bad-rows");
    for f in [LATEST_CSV, HISTORY_CSV, IN_YEAR_CSV] {
        std::fs::write(dir.join(f), std::fs::read(data_dir().join(f)).unwrap()).unwrap();
    }
    // Barking and Dagenham's 2023 report: unreadable date in the history, still in the latest.
    edit_line(&dir.join(HISTORY_CSV), 3, "2023-09-04", "2023-13-04");
    // Barnet 2024: an unreadable judgement, which the in-year sheet supplies.
    edit_line(
        &dir.join(HISTORY_CSV),
        5,
        "Good,Good,Outstanding",
        "Good,Gd,Outstanding",
    );
    // Barnsley 2023: the latest sheet disagrees with the history, whose row is used.
    edit_line(
        &dir.join(LATEST_CSV),
        4,
        "2023-10-27,Good,Good",
        "2023-10-27,Inadequate,Good",
    );
    // An unknown visit type.
    edit_line(
        &dir.join(IN_YEAR_CSV),
        2,
        "ILACS Focused Visit",
        "Something else",
    );

    let data = read(&dir);
    let seen: Vec<(SheetKind, Option<usize>)> = data
        .warnings
        .iter()
        .map(|w| {
            let at = w.at.as_ref().unwrap();
            (at.sheet, at.row)
        })
        .collect();
    assert_eq!(
        seen,
        [
            (SheetKind::History, Some(3)),
            (SheetKind::History, Some(5)),
            (SheetKind::Latest, Some(4)),
            (SheetKind::InYear, Some(2)),
        ],
        "{:#?}",
        data.warnings
    );
    let text: Vec<String> = data.warnings.iter().map(ToString::to_string).collect();
    assert!(text[0].contains("ilacs_history_2018-2025.csv (ILACS_inspection_history) line 3"));
    assert!(text[0].contains("\"2023-13-04\" is not a date"));
    assert!(text[1].contains("\"Gd\" is not a grade"));
    assert!(text[2].contains("overall good there, inadequate here"));
    assert!(text[3].contains("\"Something else\""));

    // Nothing was lost: the values came from the other sheets.
    let report = assess(&data, "2025-06-30");
    assert_eq!(
        council(&report, "E09000002")
            .assessment
            .latest_inspection
            .as_ref()
            .unwrap()
            .published,
        date("2023-09-04")
    );
    let barnet = council(&report, "E09000003")
        .assessment
        .latest_inspection
        .clone()
        .unwrap();
    assert_eq!(
        barnet.judgements.unwrap().help_and_protection,
        Some(trust_eligibility::input::Grade::Good)
    );
    assert_eq!(
        council(&report, "E08000016").assessment.intervention,
        Intervention::HighPerforming
    );
    assert_eq!(report.summary.visits.focused, 35);
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------------
// Reading from memory (the browser's module, crates/ofsted-wasm/, reads this way) and the page's listing

fn bytes_of(name: &str) -> Vec<u8> {
    std::fs::read(data_dir().join(name)).unwrap()
}

#[test]
fn reading_from_memory_gives_what_reading_the_files_gives() {
    use ofsted::FileBytes;
    let from_path = read(&data_dir().join(ODS));
    let ods = bytes_of(ODS);
    let from_bytes = ofsted::read_bytes(&[FileBytes {
        name: ODS,
        bytes: &ods,
    }])
    .unwrap();
    assert_eq!(from_bytes.path, ODS);
    assert_eq!(from_bytes.format, "spreadsheet");
    assert_eq!(from_bytes.councils, from_path.councils);
    assert_eq!(from_bytes.no_longer_exists, from_path.no_longer_exists);
    assert_eq!(from_bytes.visits, from_path.visits);
    assert_eq!(from_bytes.latest_published, from_path.latest_published);
    assert_eq!(from_bytes.warnings, []);
    // Recognised by its contents when its name does not say.
    let unnamed = ofsted::read_bytes(&[FileBytes {
        name: "download",
        bytes: &ods,
    }])
    .unwrap();
    assert_eq!(unnamed.councils, from_path.councils);

    // The three CSV exports given together, in any order, as a directory of them reads.
    let csvs: Vec<(&str, Vec<u8>)> = [IN_YEAR_CSV, LATEST_CSV, HISTORY_CSV]
        .iter()
        .map(|n| (*n, bytes_of(n)))
        .collect();
    let given: Vec<FileBytes> = csvs
        .iter()
        .map(|(name, bytes)| FileBytes { name, bytes })
        .collect();
    let from_csv = ofsted::read_bytes(&given).unwrap();
    assert_eq!(from_csv.format, "csv");
    assert_eq!(
        from_csv.path,
        "in_year_2024-25.csv, latest_as_at_2025-03-31.csv, ilacs_history_2018-2025.csv"
    );
    assert_eq!(from_csv.councils, read(&data_dir()).councils);
    assert_eq!(from_csv.warnings, []);
}

#[test]
fn files_given_in_memory_that_are_not_ofsteds_give_clear_errors() {
    use ofsted::FileBytes;
    let message = |files: &[FileBytes]| ofsted::read_bytes(files).unwrap_err().message.clone();
    let latest = bytes_of(LATEST_CSV);
    let history = bytes_of(HISTORY_CSV);
    let ods = bytes_of(ODS);
    let file = |name, bytes| FileBytes { name, bytes };

    assert!(message(&[]).contains("no file was given"));
    let m = message(&[file(ODS, &ods), file(LATEST_CSV, &latest)]);
    assert!(
        m.contains("is a spreadsheet and was given with other files"),
        "{m}"
    );
    // One CSV export alone names the sheet it lacks, and what to do.
    let err = ofsted::read_bytes(&[file(LATEST_CSV, &latest)]).unwrap_err();
    assert_eq!(err.path, "ILACS_inspection_history");
    assert!(
        err.message
            .contains("no CSV file among the files given holds sheet ILACS_inspection_history")
            && err.message.contains("give the CSV files together"),
        "{}",
        err.message
    );
    // A lone CSV that is not one of Ofsted's sheets says so.
    let m = message(&[file("notes.csv", b"a,b\n1,2\n")]);
    assert!(m.contains("notes.csv is not one of Ofsted's sheets"), "{m}");
    // Among several, a foreign file is skipped with a warning.
    let data = ofsted::read_bytes(&[
        file(LATEST_CSV, &latest),
        file("notes.txt", b"a,b\n1,2\n"),
        file(HISTORY_CSV, &history),
    ])
    .unwrap();
    assert!(data.warnings[0]
        .text
        .starts_with("skipped: notes.txt is not one of Ofsted's sheets"));
    // Two files holding one sheet.
    let m = message(&[
        file(LATEST_CSV, &latest),
        file("copy.csv", &latest),
        file(HISTORY_CSV, &history),
    ]);
    assert!(
        m.contains("two CSV files among the files given hold sheet Inspections_as_at_31_March"),
        "{m}"
    );
    // A spreadsheet that is not one.
    let m = message(&[file("outcomes.ods", b"PK\x03\x04 not a zip")]);
    assert!(
        m.contains("cannot read outcomes.ods as a spreadsheet") && m.contains("Ofsted's"),
        "{m}"
    );
}

#[test]
fn the_listing_gives_each_council_an_input_that_reproduces_its_row() {
    let data = read(&data_dir().join(ODS));
    let rules = RulesetFile::default_ref().unwrap();
    let as_of = date("2025-06-30");
    let list = ofsted::listing(&data, as_of, None, rules).unwrap();
    let report = ofsted::assess_all(&data, as_of, None, rules).unwrap();
    assert_eq!(list.councils.len(), 153);
    assert_eq!(list.summary, report.summary);
    assert_eq!(list.no_longer_exists, report.no_longer_exists);
    for (row, full) in list.councils.iter().zip(&report.councils) {
        // The input crosses as JSON (SPEC §3.1) and gives the same full result.
        let json = serde_json::to_string(&row.input).unwrap();
        let again = trust_eligibility::assess_council_json(&json)
            .unwrap_or_else(|e| panic!("{}: {}: {json}", row.code, e.message));
        assert_eq!(again, full.assessment, "{}", row.code);
        assert_eq!(row.intervention, again.intervention);
        assert_eq!(row.key_date.as_ref(), again.dates.first());
        assert_eq!(row.persistent, again.findings.persistent);
        assert_eq!(row.systemic, again.findings.systemic);
        assert_eq!(
            row.latest_published,
            again.latest_inspection.as_ref().map(|l| l.published)
        );
    }
    let b = list
        .councils
        .iter()
        .find(|c| c.code == "E08000032")
        .unwrap();
    assert_eq!(b.name, "Bradford");
    assert_eq!(b.intervention, Intervention::StatutoryDirection);
    assert_eq!(b.rule.as_deref(), Some("protocol-2016/row-2"));
    assert!(b.persistent);
    assert_eq!(b.key_date.as_ref().unwrap().date, date("2023-04-30"));
    assert_eq!(b.visits, 2);
    assert_eq!(b.input.visits.len(), 2);
    let v = serde_json::to_value(b).unwrap();
    assert_eq!(v["latestGrade"], "inadequate");
    assert_eq!(v["input"]["council"]["code"], "E08000032");
    assert_eq!(v["input"]["asOf"], "2025-06-30");
    assert_eq!(v["keyDate"]["kind"], "commissioner_review_due");
}

#[test]
fn listing_warnings_say_where_in_words() {
    use ofsted::FileBytes;
    let history =
        String::from_utf8(bytes_of(HISTORY_CSV))
            .unwrap()
            .replacen("2023-09-04", "2023-13-04", 1);
    let latest = bytes_of(LATEST_CSV);
    let data = ofsted::read_bytes(&[
        FileBytes {
            name: "history.csv",
            bytes: history.as_bytes(),
        },
        FileBytes {
            name: "latest.csv",
            bytes: &latest,
        },
    ])
    .unwrap();
    let list = ofsted::listing(
        &data,
        date("2025-06-30"),
        None,
        RulesetFile::default_ref().unwrap(),
    )
    .unwrap();
    let w = list.warnings.iter().find(|w| w.sheet.is_some()).unwrap();
    assert_eq!(
        (w.sheet, w.file.as_deref(), w.row),
        (Some(SheetKind::History), Some("history.csv"), Some(3))
    );
    assert_eq!(
        w.place.as_deref(),
        Some("history.csv (ILACS_inspection_history) line 3")
    );
    assert!(
        w.text.contains("\"2023-13-04\" is not a date"),
        "{}",
        w.text
    );
    // The whole-file warning (no in-year sheet) has no place.
    assert!(list
        .warnings
        .iter()
        .any(|w| w.place.is_none() && w.text.contains("In-year_inspections")));
}

// ---------------------------------------------------------------------------------------------
// The pages' council data (www/data/councils.json)

// `www/data/councils.json` is checked against what `scripts/refresh-data` builds from data/ in
// tests/shipped.rs.

#[test]
fn the_council_data_holds_every_council_with_its_inspections_and_visits() {
    let data = read(&data_dir().join(ODS));
    assert_eq!(data.as_at, Some(date("2025-03-31")));
    let v: serde_json::Value =
        serde_json::from_str(&ofsted::councils_json(&data).unwrap()).unwrap();
    assert_eq!(
        v["source"],
        serde_json::json!({
            "title": "Local authority inspection outcomes", "publisher": "Ofsted",
            "licence": "Open Government Licence v3.0",
            "licenceUrl": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            "asAt": "2025-03-31", "file": ODS,
            "url": "https://www.gov.uk/government/collections/childrens-social-care-statistics"
        })
    );
    let councils = v["councils"].as_array().unwrap();
    assert_eq!(councils.len(), 156);
    let former: Vec<&str> = councils
        .iter()
        .filter(|c| c["former"] == true)
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(former, ["Bournemouth", "Cumbria", "Northamptonshire"]);
    let names: Vec<String> = councils
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_lowercase())
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "sorted by name");
    let sandwell = councils.iter().find(|c| c["name"] == "Sandwell").unwrap();
    assert_eq!(
        *sandwell,
        serde_json::json!({
            "name": "Sandwell", "code": "E08000028", "region": "West Midlands", "former": false,
            "inspections": [{ "published": "2022-07-05", "inspected": "2022-05-09", "framework": "ilacs",
                "overall": "requires_improvement", "judgements": {
                    "helpAndProtection": "requires_improvement", "childrenInCare": "requires_improvement",
                    "careLeavers": null, "leadership": "requires_improvement" } }],
            "visits": [{ "date": "2024-10-30", "kind": "focused" }]
        })
    );
    // Keys the file gives nothing for are left out, never null: a report only in the latest
    // sheet (before ILACS) has no framework the file states.
    for c in councils {
        for i in c["inspections"].as_array().unwrap() {
            for (k, x) in i.as_object().unwrap() {
                assert!(!x.is_null(), "{}: {k} is null", c["name"]);
            }
        }
    }
    // Every council's inspections and visits pass into the engine unchanged.
    for c in councils {
        let input = serde_json::json!({
            "council": { "name": c["name"], "code": c["code"] }, "asOf": "2025-03-31",
            "inspections": c["inspections"], "visits": c["visits"]
        });
        trust_eligibility::assess_council_json(&input.to_string())
            .unwrap_or_else(|e| panic!("{}: {}", c["name"], e.message));
    }
}

#[test]
fn the_as_at_date_is_read_from_the_title_or_the_file_name() {
    use ofsted::as_at_in;
    for (text, want) in [
        (
            "Local authority inspection judgements as at 31 March 2025",
            Some("2025-03-31"),
        ),
        (
            "LA_Inspection_Outcomes_as_at_31_March_2025.ods",
            Some("2025-03-31"),
        ),
        ("latest_as_at_2025-03-31.csv", Some("2025-03-31")),
        ("Outcomes as at 1 august 2026.", Some("2026-08-01")),
        // Every month's full name, in any case; the words split by spaces, `_`, no-break
        // spaces, commas or full stops; the year's first four characters.
        ("as at 1 January 2024", Some("2024-01-01")),
        ("as at 29 FEBRUARY 2024", Some("2024-02-29")),
        ("as at 30 April 2024", Some("2024-04-30")),
        ("as at 1 May 2024", Some("2024-05-01")),
        ("as at 30 June 2024", Some("2024-06-30")),
        ("as at 31 July 2024", Some("2024-07-31")),
        ("as at 30 September 2024", Some("2024-09-30")),
        ("as at 31 October 2024", Some("2024-10-31")),
        ("as at 30 November 2024", Some("2024-11-30")),
        ("As At 31 december 2024", Some("2024-12-31")),
        (
            "as\u{a0}at\u{a0}31\u{a0}March\u{a0}2025",
            Some("2025-03-31"),
        ),
        ("as at 31, March, 2025", Some("2025-03-31")),
        ("as at 05 March 2025", Some("2025-03-05")),
        ("as_at_31_March_2025ods", Some("2025-03-31")),
        // Not a date: an abbreviated or misspelt month, an ordinal, no day, a day the month
        // does not have, a year that is not four digits.
        ("as at 31 Mar 2025", None),
        ("as at 31 Sept 2025", None),
        ("as at 31st March 2025", None),
        ("as at March 2025", None),
        ("as at 31 June 2025", None),
        ("as at 29 February 2025", None),
        ("as at 31 March 25", None),
        ("as at 31 March", None),
        ("as at 31 February 2025", None),
        ("as at 31 Marchember 2025", None),
        ("ILACS inspection history from 2018-2025", None),
        ("latest.csv", None),
    ] {
        assert_eq!(as_at_in(text), want.map(date), "{text}");
    }
    // CSV exports whose names do not say it: the council data cannot be made, and says why.
    let latest = bytes_of(LATEST_CSV);
    let history = bytes_of(HISTORY_CSV);
    let data = ofsted::read_bytes(&[
        ofsted::FileBytes {
            name: "latest.csv",
            bytes: &latest,
        },
        ofsted::FileBytes {
            name: "history.csv",
            bytes: &history,
        },
    ])
    .unwrap();
    assert_eq!(data.as_at, None);
    let err = ofsted::councils_json(&data).unwrap_err();
    assert_eq!(err.path, "Inspections_as_at_31_March");
    assert!(
        err.message
            .contains("does not say the date it is \"as at\""),
        "{}",
        err.message
    );
    // The CSV exports named as this project names them carry it.
    assert_eq!(read(&data_dir()).as_at, Some(date("2025-03-31")));
}

#[test]
fn a_visit_without_a_readable_date_is_reported_and_not_read() {
    let dir = scratch("visit-dates");
    for f in [LATEST_CSV, HISTORY_CSV, IN_YEAR_CSV] {
        std::fs::write(dir.join(f), std::fs::read(data_dir().join(f)).unwrap()).unwrap();
    }
    // Sandwell's focused visit (line 2 is Barking and Dagenham's focused visit of 2025-03-26).
    let text = std::fs::read_to_string(dir.join(IN_YEAR_CSV)).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("E08000028") && l.contains("Focused"))
        .unwrap()
        + 1;
    edit_line(&dir.join(IN_YEAR_CSV), line, "2024-10-30", "");
    edit_line(&dir.join(IN_YEAR_CSV), 2, "2025-03-26", "2025-02-30");
    let data = read(&dir);
    let texts: Vec<String> = data.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(texts.len(), 2, "{texts:#?}");
    assert!(
        texts[0].contains("line 2") && texts[0].contains("\"2025-02-30\" is not a date"),
        "{}",
        texts[0]
    );
    assert!(
        texts[1].contains(&format!("line {line}"))
            && texts[1].contains("no visit date")
            && texts[1].contains("E08000028's focused visit; visit not read"),
        "{}",
        texts[1]
    );
    let sandwell = data
        .councils
        .iter()
        .find(|c| c.code == "E08000028")
        .unwrap();
    assert!(sandwell.visits.is_empty());
    assert_eq!(data.visits.focused, 34);
    let _ = std::fs::remove_dir_all(&dir);
}
