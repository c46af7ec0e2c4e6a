//! Wording templates: `{placeholders}` filled in from the facts of an assessment.

use super::invalid;
use crate::error::Error;

/// Names a template may use in `{braces}`.
pub const PLACEHOLDERS: &[&str] = &[
    "council",
    "asOf",
    "latestPublished",
    "latestGrade",
    "earlierPublished",
    "deadline",
    "daysRemaining",
    "visitDate",
    "takeoverTarget",
    "commissionerReviewDue",
    "triggerCount",
    "triggers",
    "failureKind",
    "persistentWindowYears",
    "highPerformingWindowYears",
    "improvementWindowMonths",
    "takeoverTargetMonths",
    "commissionerReviewMonths",
    "highPerformingSince",
    "trustSince",
    "item",
    "date",
    "staleAfterYears",
    "ruleset",
    "inForceFrom",
    "inForceToText",
    "years",
    "months",
    "minYears",
    "minLeaders",
    "minWorkers",
    "minIndependent",
    "minIncomeGbp",
    "minReservesMonths",
    "shortfall",
    "missing",
    "unknown",
    "have",
    "eligibleFrom",
    "deadlineWhen",
    "takeoverTargetWhen",
    "commissionerReviewWhen",
    "days",
    "noticeIssued",
    "instrument",
    "instrumentIssued",
    "published",
    "grade",
    "gradeReading",
    "overallGradeDroppedFrom",
    "directionIssued",
    "commissionerAppointed",
    "adviserAppointed",
    "title",
    "event",
    "precision",
    "readAs",
    "issued",
    "followedBy",
    "intervention",
    "rule",
];

/// Checks that a template only uses known `{placeholders}`.
pub(crate) fn template(text: &str, path: &dyn Fn() -> String) -> Result<(), Error> {
    let mut rest = text;
    while let Some((_, after)) = rest.split_once('{') {
        let Some((name, tail)) = after.split_once('}') else {
            return Err(invalid(path(), "has a \"{\" with no closing \"}\""));
        };
        if !PLACEHOLDERS.contains(&name) {
            return Err(invalid(
                path(),
                format_args!("uses {{{name}}}, which is not a value the checker fills in"),
            ));
        }
        rest = tail;
    }
    Ok(())
}

/// Fills `{placeholders}` from `vars`; unknown names are left as they are.
pub fn render(text: &str, vars: &[(&str, String)]) -> String {
    render_with(
        text,
        &|name, out| match vars.iter().find(|(k, _)| *k == name) {
            Some((_, v)) => {
                out.push_str(v);
                true
            }
            None => false,
        },
    )
}

/// Fills `{placeholders}` by asking `var` to append the value of each name to the text;
/// where it knows no such name it appends nothing and returns `false`, and the placeholder is
/// left as it is. Values are written straight into the one buffer, so a caller with many
/// possible values need not make a `String` of each before knowing which the text uses.
pub fn render_with(text: &str, var: &dyn Fn(&str, &mut String) -> bool) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let b = text.as_bytes();
    // `done`: the text before it is in `out`; a `{` is looked for from `at`.
    let (mut done, mut at) = (0, 0);
    loop {
        let open = at + find_byte(b.get(at..).unwrap_or_default(), b'{');
        if open >= b.len() {
            break;
        }
        let close = open + 1 + find_byte(b.get(open + 1..).unwrap_or_default(), b'}');
        if close >= b.len() {
            break;
        }
        // Both are ASCII, so every slice here falls on character boundaries.
        out.push_str(text.get(done..open).unwrap_or_default());
        done = if var(text.get(open + 1..close).unwrap_or_default(), &mut out) {
            close + 1
        } else {
            open
        };
        at = close + 1;
    }
    out.push_str(text.get(done..).unwrap_or_default());
    out
}

/// The index of the first `c` in `b` (or its length), eight bytes at a time.
fn find_byte(b: &[u8], c: u8) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word) ^ (ONES * u64::from(c));
        let hit = w.wrapping_sub(ONES) & !w & HIGH;
        if hit != 0 {
            // A borrow only runs upwards: the lowest marked byte is the first match.
            return i + (hit.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b.get(i).is_some_and(|&x| x != c) {
        i += 1;
    }
    i
}
