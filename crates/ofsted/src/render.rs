//! The report as text: an aligned table, CSV, and the summary in words.

use crate::assess::{grade_id, AssessedCouncil, Report, Summary, NO_GRADE};
use crate::history::{overall_of, VISITS_NOTE};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use trust_eligibility::codes::Code;
use trust_eligibility::error::{Error, ErrorCode};
use trust_eligibility::input::Grade;

pub(crate) fn grade_label(g: Grade) -> &'static str {
    match g {
        Grade::RequiresImprovement => "requires improvement",
        other => grade_id(other),
    }
}

pub(crate) fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// The table's (and the CSV's) columns for one council.
pub(crate) fn row_cells(c: &AssessedCouncil) -> [String; 9] {
    let a = &c.assessment;
    let council = a.council.clone().unwrap_or_default();
    let key = a.dates.first().map_or_else(String::new, |d| {
        format!("{} {}", d.date, d.kind.code().replace('_', " "))
    });
    [
        council.code.unwrap_or_default(),
        council.name.unwrap_or_default(),
        c.region.clone().unwrap_or_default(),
        a.latest_inspection
            .as_ref()
            .and_then(overall_of)
            .map_or(NO_GRADE, grade_label)
            .to_string(),
        a.latest_inspection
            .as_ref()
            .map_or_else(String::new, |l| l.published.to_string()),
        a.intervention.code().to_string(),
        key,
        yes_no(a.findings.persistent).to_string(),
        yes_no(a.findings.systemic).to_string(),
    ]
}

pub(crate) const TABLE_HEADERS: [&str; 9] = [
    "code",
    "name",
    "region",
    "latest grade",
    "published",
    "intervention",
    "key date",
    "persistent",
    "systemic",
];

/// Aligns rows of cells into columns two spaces apart.
pub(crate) fn aligned(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(cell);
            if i + 1 < r.len() {
                let pad = widths[i].saturating_sub(cell.chars().count());
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The councils as an aligned text table (one line per council, a header line first).
pub fn render_table(report: &Report) -> String {
    let mut rows: Vec<Vec<String>> = vec![TABLE_HEADERS.iter().map(|s| s.to_string()).collect()];
    rows.extend(report.councils.iter().map(|c| row_cells(c).to_vec()));
    aligned(&rows)
}

/// The councils as CSV (a header line first).
pub fn render_csv(report: &Report) -> Result<String, Error> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let internal = |e: &dyn std::fmt::Display| {
        Error::new(
            ErrorCode::InvalidValue,
            "",
            format_args!("cannot write CSV: {e}"),
        )
    };
    w.write_record([
        "code",
        "name",
        "region",
        "latest_grade",
        "latest_published",
        "intervention",
        "key_date",
        "key_date_kind",
        "persistent",
        "systemic",
        "high_performing",
    ])
    .map_err(|e| internal(&e))?;
    for c in &report.councils {
        let a = &c.assessment;
        let council = a.council.clone().unwrap_or_default();
        let key = a.dates.first();
        w.write_record([
            council.code.unwrap_or_default(),
            council.name.unwrap_or_default(),
            c.region.clone().unwrap_or_default(),
            a.latest_inspection
                .as_ref()
                .and_then(overall_of)
                .map_or("", grade_id)
                .to_string(),
            a.latest_inspection
                .as_ref()
                .map_or_else(String::new, |l| l.published.to_string()),
            a.intervention.code().to_string(),
            key.map_or_else(String::new, |d| d.date.to_string()),
            key.map_or_else(String::new, |d| d.kind.code().to_string()),
            a.findings.persistent.to_string(),
            a.findings.systemic.to_string(),
            a.findings.high_performing.to_string(),
        ])
        .map_err(|e| internal(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| internal(&e))?;
    String::from_utf8(bytes).map_err(|e| internal(&e))
}

/// The summary in words: counts by intervention and by latest grade, visits not used,
/// councils that no longer exist, and every warning about the file.
pub fn render_summary(report: &Report) -> String {
    let s = &report.summary;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} councils assessed as of {} under {} ({}).",
        s.councils, report.as_of, report.ruleset.id, report.ruleset.title
    );
    if let Some(d) = s.latest_published_in_file {
        let _ = write!(out, "The file's latest report was published {d}");
        if s.inspections_after_as_of > 0 {
            let _ = write!(
                out,
                "; {} inspections published after {} are ignored",
                s.inspections_after_as_of, report.as_of
            );
        } else if d < report.as_of {
            out.push_str("; anything published since is not in it");
        }
        out.push_str(".\n");
    }
    write_counts(&mut out, report);
    write_sources(&mut out, s);
    write_not_assessed(&mut out, report);
    out
}

/// The councils counted by intervention and by latest grade, and by persistent and systemic
/// failure.
fn write_counts(out: &mut String, report: &Report) {
    let s = &report.summary;
    let mut counted: Vec<(&String, &usize)> = s.by_intervention.iter().collect();
    counted.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let mut rows: Vec<Vec<String>> = counted
        .iter()
        .map(|(k, v)| vec![format!("  {k}"), v.to_string()])
        .collect();
    out.push_str("\nBy intervention:\n");
    out.push_str(&aligned_right(&rows));
    out.push_str("\nBy latest grade:\n");
    let graded = Grade::all().iter().map(|g| (g.code(), grade_label(*g)));
    rows = graded
        .chain([(NO_GRADE, "no inspection published by then")])
        .filter_map(|(g, label)| {
            let n = s.by_latest_grade.get(g)?;
            Some(vec![format!("  {label}"), n.to_string()])
        })
        .collect();
    out.push_str(&aligned_right(&rows));
    let _ = writeln!(
        out,
        "\nPersistent failure: {}; systemic failure: {}.",
        s.persistent, s.systemic
    );
    if s.by_latest_grade.contains_key(NO_GRADE) {
        let _ = writeln!(
            out,
            "Councils with no inspection published by {}: the file's history starts with ILACS in 2018, and earlier inspections appear only where they are a council's latest.",
            report.as_of
        );
    }
}

/// What the file's visits, the report history and the register gave, and the assessments'
/// warnings by code.
fn write_sources(out: &mut String, s: &Summary) {
    let v = &s.visits;
    if v.total() > 0 {
        let _ = writeln!(
            out,
            "\nVisits: {} ({} monitoring, {} focused). {}",
            v.total(),
            v.monitoring,
            v.focused,
            VISITS_NOTE
        );
    }
    if let Some(h) = &s.history {
        let _ = writeln!(
            out,
            "\nReport history {} (to {}): {} reports; {} also in the statistics ({} disagreeing, the statistics used), {} added, {} not added (no grade readable). Councils whose latest report is newer than the statistics': {} ({} without an overall grade).",
            h.file,
            h.as_at.map_or_else(|| "no date".to_string(), |d| d.to_string()),
            h.reports,
            h.matched,
            h.disagreements.len(),
            h.added,
            h.not_added,
            h.newer_latest.len(),
            h.newer_without_overall
        );
    }
    match &s.register {
        Some(r) => {
            let list = |m: &BTreeMap<String, usize>| {
                m.iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let _ = writeln!(
                out,
                "\nRegister {}: {} public decisions read ({} rows skipped); by kind: {}; by confidence: {}. It is known to be incomplete: check the DfE's collection \"Improvement notices and directions\".",
                r.file,
                r.events,
                r.skipped,
                list(&r.by_event),
                list(&r.by_confidence)
            );
        }
        None => {
            let _ = writeln!(out, "\n{}", s.status_note);
        }
    }
    if !s.engine_warnings.is_empty() {
        let list: Vec<String> = s
            .engine_warnings
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        let _ = writeln!(
            out,
            "Warnings in the assessments (see --format json): {}.",
            list.join(", ")
        );
    }
}

/// The councils that no longer exist, those that could not be assessed, and every warning
/// about the file.
fn write_not_assessed(out: &mut String, report: &Report) {
    if !report.no_longer_exists.is_empty() {
        let _ = writeln!(
            out,
            "\nCouncils that no longer exist ({}), not assessed:",
            report.no_longer_exists.len()
        );
        let rows: Vec<Vec<String>> = report
            .no_longer_exists
            .iter()
            .map(|c| {
                let last = c.latest_inspection.as_ref().map_or_else(
                    || "no inspection by then".to_string(),
                    |l| {
                        format!(
                            "last inspection {}, published {}",
                            overall_of(l).map_or("not graded", grade_label),
                            l.published
                        )
                    },
                );
                vec![
                    format!("  {}", c.code),
                    c.name.clone(),
                    c.region.clone().unwrap_or_default(),
                    last,
                ]
            })
            .collect();
        out.push_str(&aligned(&rows));
    }
    if !report.not_assessed.is_empty() {
        let _ = writeln!(
            out,
            "\nCouncils not assessed ({}):",
            report.not_assessed.len()
        );
        for n in &report.not_assessed {
            let _ = writeln!(out, "  {} {}: {}", n.code, n.name, n.error.message);
        }
    }
    if !report.warnings.is_empty() {
        let _ = writeln!(
            out,
            "\nWarnings about the file ({}):",
            report.warnings.len()
        );
        for w in &report.warnings {
            let _ = writeln!(out, "  {w}");
        }
    }
}

/// Two columns, the second (a count) right-aligned.
pub(crate) fn aligned_right(rows: &[Vec<String>]) -> String {
    let w0 = rows
        .iter()
        .filter_map(|r| r.first())
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(0);
    let w1 = rows
        .iter()
        .filter_map(|r| r.get(1))
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for r in rows {
        let a = r.first().map_or("", String::as_str);
        let b = r.get(1).map_or("", String::as_str);
        let _ = writeln!(out, "{a:<w0$}  {b:>w1$}");
    }
    out
}
