//! The Ofsted reader compiled to wasm32, run under Node (`wasm-pack test --node crates/ofsted-wasm`):
//! CSV exports and a spreadsheet (zip, deflate, XML: what calamine reads in the browser) give the
//! same councils, and the exports throw `Error`s with `code` and `path`. The inputs are made-up
//! councils in Ofsted's layout (tests/data/); Ofsted's own file is read by scripts/smoke-ofsted.mjs.

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, Uint8Array};
use std::io::Write;
use trust_eligibility::output::{Intervention, KeyDateKind, WarningCode};
use trust_eligibility_ofsted::{FileBytes, ListedCouncil, Listing};
use trust_eligibility_ofsted_wasm::read_listing;
use trust_eligibility_ofsted_wasm::wasm::{read_ofsted, read_ofsted_files};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const LATEST: &[u8] = include_bytes!("data/latest.csv");
const HISTORY: &[u8] = include_bytes!("data/history.csv");

fn csv_files() -> [FileBytes<'static>; 2] {
    [
        FileBytes {
            name: "latest.csv",
            bytes: LATEST,
        },
        FileBytes {
            name: "history.csv",
            bytes: HISTORY,
        },
    ]
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An .ods holding each CSV as a sheet below two title rows, as Ofsted lays it out: dates as
/// date cells, blanks as empty cells, compressed with deflate.
fn ods(sheets: &[(&str, &[u8])]) -> Vec<u8> {
    let mut content = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#,
    );
    for (name, csv_text) in sheets {
        content.push_str(&format!(r#"<table:table table:name="{name}">"#));
        content.push_str(r#"<table:table-row><table:table-cell office:value-type="string"><text:p>Local authority inspection outcomes (made up)</text:p></table:table-cell></table:table-row>"#);
        content.push_str("<table:table-row><table:table-cell/></table:table-row>");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(*csv_text);
        for record in reader.records() {
            content.push_str("<table:table-row>");
            for cell in record.unwrap().iter() {
                let is_date = cell.len() == 10
                    && cell.as_bytes()[4] == b'-'
                    && cell.as_bytes()[7] == b'-'
                    && cell.bytes().filter(u8::is_ascii_digit).count() == 8;
                if cell.is_empty() {
                    content.push_str("<table:table-cell/>");
                } else if is_date {
                    content.push_str(&format!(
                        r#"<table:table-cell office:value-type="date" office:date-value="{cell}"><text:p>{cell}</text:p></table:table-cell>"#
                    ));
                } else {
                    content.push_str(&format!(
                        r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                        xml_escape(cell)
                    ));
                }
            }
            content.push_str("</table:table-row>");
        }
        content.push_str("</table:table>");
    }
    content.push_str("</office:spreadsheet></office:body></office:document-content>");
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", deflated).unwrap();
    zip.write_all(manifest.as_bytes()).unwrap();
    zip.start_file("content.xml", deflated).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

fn the_ods() -> Vec<u8> {
    ods(&[
        ("Inspections_as_at_31_March", LATEST),
        ("ILACS_inspection_history", HISTORY),
    ])
}

fn row<'a>(list: &'a Listing, code: &str) -> &'a ListedCouncil {
    list.councils.iter().find(|c| c.code == code).unwrap()
}

#[wasm_bindgen_test]
fn the_csv_exports_given_together_list_every_council() {
    let list = read_listing(&csv_files(), "2025-06-30", None, None).unwrap();
    assert_eq!(list.source.format, "csv");
    let rows: Vec<(&str, Intervention)> = list
        .councils
        .iter()
        .map(|c| (c.name.as_str(), c.intervention))
        .collect();
    assert_eq!(
        rows,
        [
            ("Ambridge", Intervention::StatutoryDirection),
            ("Borsetshire", Intervention::ImprovementSupport),
            ("Casterbridge", Intervention::HighPerforming),
            ("Eastwick, Upper", Intervention::HighPerforming),
        ]
    );
    let ambridge = row(&list, "E99000001");
    assert!(ambridge.persistent && ambridge.systemic);
    assert_eq!(ambridge.rule.as_deref(), Some("protocol-2016/row-2"));
    let key = ambridge.key_date.as_ref().unwrap();
    assert_eq!(
        (key.kind, key.date.to_string().as_str()),
        (KeyDateKind::CommissionerReviewDue, "2023-05-01")
    );
    assert_eq!(ambridge.input.inspections.len(), 2);
    assert_eq!(
        row(&list, "E99000003").warnings,
        [WarningCode::StaleInspection]
    );
    assert_eq!(list.no_longer_exists.len(), 1);
    assert_eq!(list.no_longer_exists[0].name, "Dunbury");
    // No in-year sheet: one warning about the whole file.
    assert_eq!(list.warnings.len(), 1);
    assert_eq!(list.warnings[0].place, None);
}

#[wasm_bindgen_test]
fn a_deflated_ods_gives_the_same_councils_as_its_csv_exports() {
    let bytes = the_ods();
    let book = [FileBytes {
        name: "outcomes.ods",
        bytes: &bytes,
    }];
    let from_ods = read_listing(&book, "2025-06-30", None, None).unwrap();
    let from_csv = read_listing(&csv_files(), "2025-06-30", None, None).unwrap();
    assert_eq!(from_ods.source.format, "spreadsheet");
    assert_eq!(from_ods.councils, from_csv.councils);
    assert_eq!(from_ods.summary, from_csv.summary);
    let header_rows: Vec<usize> = from_ods
        .source
        .sheets
        .iter()
        .map(|s| s.header_row)
        .collect();
    assert_eq!(header_rows, [3, 3]);
    // Recognised by its contents when its name does not say.
    let unnamed = [FileBytes {
        name: "download",
        bytes: &bytes,
    }];
    let again = read_listing(&unnamed, "2025-06-30", None, None).unwrap();
    assert_eq!(again.councils, from_csv.councils);
}

#[wasm_bindgen_test]
fn a_named_ruleset_replays_the_history_under_the_2015_announcement() {
    let list = read_listing(&csv_files(), "2025-06-30", Some("announcement-2015"), None).unwrap();
    assert_eq!(list.ruleset.id, "announcement-2015");
    let ambridge = row(&list, "E99000001");
    assert_eq!(ambridge.intervention, Intervention::ImmediateTakeover);
    assert_eq!(ambridge.input.ruleset.as_deref(), Some("announcement-2015"));
}

fn js_files(files: &[(&str, &[u8])]) -> JsValue {
    let array = Array::new();
    for (name, bytes) in files {
        let file = Object::new();
        Reflect::set(&file, &"name".into(), &(*name).into()).unwrap();
        Reflect::set(&file, &"bytes".into(), &Uint8Array::from(*bytes)).unwrap();
        array.push(&file);
    }
    array.into()
}

fn js_bytes(bytes: &[u8]) -> JsValue {
    Uint8Array::from(bytes).into()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

#[wasm_bindgen_test]
fn the_exports_return_plain_objects() {
    let bytes = the_ods();
    let list = read_ofsted(
        js_bytes(&bytes),
        "outcomes.ods",
        "2025-06-30".into(),
        None,
        Some(JsValue::NULL.unchecked_into()),
    )
    .unwrap();
    let councils: Array = get(&list, "councils").into();
    assert_eq!(councils.length(), 4);
    let first = councils.get(0);
    assert_eq!(get(&first, "name").as_string().unwrap(), "Ambridge");
    assert_eq!(
        get(&first, "latestGrade").as_string().unwrap(),
        "inadequate"
    );
    let input = get(&first, "input");
    assert_eq!(get(&input, "asOf").as_string().unwrap(), "2025-06-30");
    assert_eq!(Array::from(&get(&input, "inspections")).length(), 2);

    let files = js_files(&[("latest.csv", LATEST), ("history.csv", HISTORY)]);
    let list = read_ofsted_files(
        files,
        "2025-06-30".into(),
        Some(JsValue::from("protocol-2016").unchecked_into()),
        None,
    )
    .unwrap();
    assert_eq!(
        get(&get(&list, "ruleset"), "chosenBy").as_string().unwrap(),
        "request"
    );
}

fn error_of(result: Result<JsValue, JsValue>) -> (String, String, String) {
    let e = result.unwrap_err();
    assert!(e.is_instance_of::<js_sys::Error>());
    (
        get(&e, "code").as_string().unwrap(),
        get(&e, "path").as_string().unwrap(),
        get(&e, "message").as_string().unwrap(),
    )
}

#[wasm_bindgen_test]
fn bad_arguments_and_foreign_files_throw_errors_with_code_and_path() {
    let (code, path, _) = error_of(read_ofsted(
        js_bytes(LATEST),
        "latest.csv",
        "2025-02-30".into(),
        None,
        None,
    ));
    assert_eq!((code.as_str(), path.as_str()), ("invalid_date", "asOf"));
    let (code, path, _) = error_of(read_ofsted(
        js_bytes(LATEST),
        "latest.csv",
        JsValue::UNDEFINED,
        None,
        None,
    ));
    assert_eq!((code.as_str(), path.as_str()), ("invalid_type", "asOf"));
    let (code, path, _) = error_of(read_ofsted(
        js_bytes(LATEST),
        "latest.csv",
        "2025-06-30".into(),
        Some(JsValue::from("protocol-2099").unchecked_into()),
        None,
    ));
    assert_eq!(path, "ruleset", "{code}");
    let bad_override = js_sys::JSON::parse(r#"{"rulesets": 3}"#).unwrap();
    let (code, _, _) = error_of(read_ofsted(
        js_bytes(LATEST),
        "latest.csv",
        "2025-06-30".into(),
        None,
        Some(bad_override.unchecked_into()),
    ));
    assert_eq!(code, "invalid_ruleset");
    // One CSV export is not enough: the message names the sheet missing.
    let (code, path, message) = error_of(read_ofsted(
        js_bytes(LATEST),
        "latest.csv",
        "2025-06-30".into(),
        None,
        None,
    ));
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("missing_sheet", "ILACS_inspection_history")
    );
    assert!(message.contains("give the CSV files together"), "{message}");
    // Not Ofsted's at all.
    let (_, _, message) = error_of(read_ofsted(
        js_bytes(b"PK\x03\x04 not really a zip"),
        "outcomes.ods",
        "2025-06-30".into(),
        None,
        None,
    ));
    assert!(
        message.contains("cannot read outcomes.ods as a spreadsheet")
            && message.contains("Ofsted's"),
        "{message}"
    );
    let (code, path, _) = error_of(read_ofsted_files(
        "not an array".into(),
        "2025-06-30".into(),
        None,
        None,
    ));
    assert_eq!((code.as_str(), path.as_str()), ("invalid_type", "files"));
    // Bytes that are not bytes, named by the argument or the file's index.
    let (code, path, _) = error_of(read_ofsted(
        "latest.csv".into(),
        "latest.csv",
        "2025-06-30".into(),
        None,
        None,
    ));
    assert_eq!((code.as_str(), path.as_str()), ("invalid_type", "bytes"));
    let files = js_files(&[("latest.csv", LATEST), ("history.csv", HISTORY)]);
    Reflect::set(&Array::from(&files).get(1), &"bytes".into(), &3.into()).unwrap();
    let (code, path, _) = error_of(read_ofsted_files(files, "2025-06-30".into(), None, None));
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("invalid_type", "files[1].bytes")
    );
    // A ruleset id that is not text.
    let (code, path, _) = error_of(read_ofsted(
        js_bytes(LATEST),
        "latest.csv",
        "2025-06-30".into(),
        Some(JsValue::from(2016).unchecked_into()),
        None,
    ));
    assert_eq!((code.as_str(), path.as_str()), ("invalid_type", "ruleset"));
    // The error is named as the checker's are.
    let e = read_ofsted(js_bytes(LATEST), "latest.csv", "x".into(), None, None).unwrap_err();
    assert_eq!(
        get(&e, "name").as_string().unwrap(),
        "TrustEligibilityError"
    );
}

#[wasm_bindgen_test]
fn the_bytes_may_be_an_array_buffer_or_a_view_of_one() {
    let from_array = |bytes: JsValue| {
        let files = js_files(&[("latest.csv", LATEST), ("history.csv", HISTORY)]);
        Reflect::set(&Array::from(&files).get(1), &"bytes".into(), &bytes).unwrap();
        let list = read_ofsted_files(files, "2025-06-30".into(), None, None).unwrap();
        Array::from(&get(&list, "councils")).length()
    };
    let whole = from_array(Uint8Array::from(HISTORY).into());
    assert!(whole > 0);
    // An ArrayBuffer.
    assert_eq!(from_array(Uint8Array::from(HISTORY).buffer().into()), whole);
    // A view of part of a larger buffer: only the view's bytes are read.
    let mut padded = b"xxxx".to_vec();
    padded.extend_from_slice(HISTORY);
    padded.extend_from_slice(b"yyyy");
    let buffer = Uint8Array::from(&padded[..]).buffer();
    let view = js_sys::DataView::new(&buffer, 4, HISTORY.len());
    assert_eq!(from_array(view.into()), whole);
}
